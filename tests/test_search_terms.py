"""What an entry page gives the site search to find it by (knowledge_bank.search_index), without a build."""

from __future__ import annotations

from knowledge_bank.catalog import Catalog
from knowledge_bank.loader import load_content
from knowledge_bank.search_index import meta_value, search_terms

from .helpers import ROOT

CATALOG = Catalog.build(load_content(ROOT))


def entry(slug: str):
    return next(e for e in CATALOG.entries if e.slug == slug)


def test_a_meta_value_is_one_line_without_commas():
    """Pagefind reads `data-pagefind-meta="key:value, key:value"`: a comma would start another key."""
    assert (
        meta_value("Ministerio de Salud, Protección Social\n  y Familia")
        == "Ministerio de Salud Protección Social y Familia"
    )


def test_an_entry_is_found_by_its_countries_sdgs_and_phase_in_four_languages_and_its_codes():
    terms = search_terms(CATALOG, entry("alimentacao-escolar-agricultura-familiar"))
    for term in ("Brazil", "Brasil", "Brésil", "BR", "BRA", "Paraguai", "SDG 2 Zero hunger", "ODS 2 Hambre cero"):
        assert term in terms, term
    for term in ("ODD 2", "Formulation", "Formulación", "Formulação"):
        assert term in terms, term
    assert "," not in terms


def test_an_entry_is_found_by_its_keywords_institutions_and_author():
    red_calle = entry("red-calle")
    terms = search_terms(CATALOG, red_calle)
    assert "Red Calle" in terms
    assert all(meta_value(keyword) in terms for keyword in red_calle.fields.keywords)
    assert all(meta_value(name) in terms for name in red_calle.fields.institutions())
