"""The keyword thesaurus (vocabularies/keywords.yml): each known keyword in the four languages, found by any of its
names and spellings, one page per language; a keyword not in it is shown as written and listed by `kb check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.catalog import Catalog
from knowledge_bank.cli import untranslated_keywords
from knowledge_bank.loader import load_content
from knowledge_bank.search_index import search_terms
from knowledge_bank.vocabularies import VocabularyError, load_vocabularies

from .helpers import ROOT, content_root, make_project, run_build, write_entry
from .test_exports import LESSON as LESSON_FIELDS

VOCABULARIES = load_vocabularies(ROOT / "vocabularies")


def test_every_keyword_of_the_sample_content_is_in_the_thesaurus():
    content = load_content(ROOT)
    assert content.entries and not untranslated_keywords(content)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Conditional cash transfers", "conditional-cash-transfers"),
        ("transferencias condicionadas", "conditional-cash-transfers"),
        ("Transferências condicionadas", "conditional-cash-transfers"),
        ("CCT", "conditional-cash-transfers"),
        ("Registro social", "social-registry"),
        ("Cadastro Único", "social-registry"),
        ("Sistema de cuidados", "care-systems"),
    ],
)
def test_a_keyword_is_known_by_any_of_its_names_and_spellings(written, key):
    assert VOCABULARIES.keywords.lookup(written).key == key


def test_a_thesaurus_entry_needs_a_key_and_its_four_names(tmp_path):
    folder = tmp_path / "vocabularies"
    folder.mkdir()
    for source in (ROOT / "vocabularies").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "keywords.yml").write_text(
        "- key: Care Systems\n  labels: {en: Care systems, es: Sistemas de cuidados, pt: Cuidados, fr: Soins}\n"
        "- key: targeting\n  labels: {en: Targeting, es: Focalización}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError) as error:
        load_vocabularies(folder)
    messages = [p.format() for p in error.value.problems]
    assert any(m.startswith("vocabularies/keywords.yml:1:") and "key" in m for m in messages), messages
    assert any(m.startswith("vocabularies/keywords.yml:4:") and "labels.pt" in m for m in messages), messages


def _bank(tmp_path: Path, keywords_by_slug: dict[str, list[str]]) -> Path:
    content = tmp_path / "content"
    for slug, keywords in keywords_by_slug.items():
        write_entry(content, "lessons", slug, {**LESSON_FIELDS, "title": slug, "keywords": keywords})
    return content


def test_spellings_of_one_known_keyword_share_its_page_and_unknown_ones_are_listed(tmp_path):
    content = _bank(
        tmp_path,
        {"a": ["Conditional cash transfers"], "b": ["Transferencias condicionadas"], "c": ["Bolsa escola local"]},
    )
    loaded = load_content(content_root(tmp_path, content))
    catalog = Catalog.build(loaded)
    groups = {v.slug: v for v in catalog.keywords.values}
    assert groups["conditional-cash-transfers"].count == 2
    assert groups["conditional-cash-transfers"].term.labels["fr"] == "Transferts monétaires conditionnels"
    assert groups["bolsa-escola-local"].term is None and groups["bolsa-escola-local"].label == "Bolsa escola local"
    assert untranslated_keywords(loaded) == {"Bolsa escola local": ["lessons/c.md"]}
    terms = search_terms(catalog, next(e for e in catalog.entries if e.slug == "a"))
    for name in ("Transferencias condicionadas", "Transferências condicionadas", "Transferts monétaires conditionnels"):
        assert name in terms


@pytest.mark.build
def test_keyword_pages_and_chips_are_in_the_readers_language(tmp_path):
    content = _bank(tmp_path, {"a": ["Conditional cash transfers", "Bolsa escola local"], "b": ["Social registry"]})
    build = run_build(make_project(tmp_path, content))
    assert build.returncode == 0, build.output
    page = BeautifulSoup(build.page("es/keywords/conditional-cash-transfers"), "lxml")
    assert "Transferencias condicionadas" in page.h1.get_text()
    entry = BeautifulSoup(build.page("fr/lessons/a"), "lxml")
    chips = [a.get_text() for a in entry.select("a.kb-chip")]
    assert chips == ["Transferts monétaires conditionnels", "Bolsa escola local"]
    assert [a["href"] for a in entry.select("a.kb-chip")][0] == "../../keywords/conditional-cash-transfers/"
    index = BeautifulSoup(build.page("pt/keywords"), "lxml")
    names = [a.get_text() for a in index.select(".kb-facet-list a")]
    assert names == ["Bolsa escola local", "Cadastro social", "Transferências condicionadas"]  # in Portuguese order
    catalog = json.loads((build.site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["keywords"]["social-registry"]["labels"]["es"] == "Registro social"
    assert "labels" not in catalog["keywords"]["bolsa-escola-local"]
