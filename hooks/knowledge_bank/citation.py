"""How to cite an entry: its reference in APA style (7th edition), and the same reference as BibTeX, RIS and
CSL-JSON for reference managers.

The BibTeX and RIS files are written by bibtexparser and rispy, the CSL-JSON is the Citation Style Language's
own data format; the APA text is a template (citeproc-py takes some 80 ms an entry, minutes for a large bank),
and ``tests/test_citation.py`` proves it equal to what citeproc-py makes of the CSL-JSON with the APA style.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass

import bibtexparser
import rispy
from bibtexparser import model
from bibtexparser.middlewares.parsestack import default_unparse_stack
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from .catalog import Catalog
from .loader import Entry


@dataclass(frozen=True)
class Reference:
    """What a citation of one entry says: who wrote it, when, what it is, and where it is published."""

    key: str  # kb-round-peru-national-care-system: the same in every format
    authors: tuple[str, ...]  # institutions (or a lesson's project), each one name: never split into first/last
    title: str
    date: dt.date
    genre: str  # "Peer-to-peer technical cooperation round report"
    publisher: str  # the site's name
    url: str  # the entry's permanent address
    language: str
    summary: str
    keywords: tuple[str, ...]
    csl_type: str
    bibtex_type: str
    ris_type: str
    pdf_url: str = ""  # a round's final report, when it is a file

    @property
    def year(self) -> int:
        return self.date.year


def reference(catalog: Catalog, entry: Entry, genre: str, publisher: str, site_url: str) -> Reference:
    """The reference of ``entry`` as published by ``publisher`` at ``site_url``."""
    fields = entry.fields
    base = site_url.rstrip("/") + "/" if site_url else ""
    return Reference(
        key=f"kb-{entry.kind}-{entry.slug}",
        authors=tuple(_one_line(a) for a in fields.citation_authors()),
        title=_one_line(fields.title),
        date=fields.date,
        genre=genre,
        publisher=publisher,
        url=base + entry.url,
        language=fields.language,
        summary=_one_line(fields.summary),
        keywords=tuple(_one_line(k) for k in fields.keywords),
        csl_type=fields.csl_type,
        bibtex_type=fields.bibtex_type,
        ris_type=fields.ris_type,
        pdf_url=base + entry.url + entry.report.name if entry.report else "",
    )


def _one_line(text: str) -> str:
    """Every run of white space (line breaks too) as one space: no value can start a line of RIS or BibTeX."""
    return " ".join(text.split())


def apa_parts(ref: Reference) -> tuple[str, str, str]:
    """The APA reference as (before the title, the title, after the title): the page sets the title in italics."""
    names = list(ref.authors)
    if len(names) == 1:
        authors = names[0]
    elif len(names) == 2:
        authors = f"{names[0]}, & {names[1]}"
    else:
        authors = ", ".join(names[:-1]) + f", & {names[-1]}"
    # APA dates a report by its year, other documents (a card on a web site) by their full date.
    when = str(ref.year) if ref.csl_type == "report" else f"{ref.year}, {ref.date.strftime('%B')} {ref.date.day}"
    before = f"{authors}{'' if authors.endswith('.') else '.'} ({when}). "
    after = f" [{ref.genre}]. {ref.publisher}. {ref.url}"
    return before, ref.title, after


def apa(ref: Reference) -> str:
    """The reference in APA style, as plain text."""
    return "".join(apa_parts(ref))


def csl_item(ref: Reference) -> dict:
    """The reference as one item of CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    item = {
        "id": ref.key,
        "type": ref.csl_type,
        "title": ref.title,
        "author": [{"literal": name} for name in ref.authors],
        "issued": {"date-parts": [[ref.date.year, ref.date.month, ref.date.day]]},
        "genre": ref.genre,
        "publisher": ref.publisher,
        "URL": ref.url,
        "language": ref.language,
        "abstract": ref.summary,
        "keyword": ", ".join(ref.keywords),
    }
    return item


def csl_json(ref: Reference) -> str:
    """The CSL-JSON file: a list holding the one item."""
    return json.dumps([csl_item(ref)], ensure_ascii=False, indent=2) + "\n"


_ENCODER = UnicodeToLatexEncoder(
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, {ord('"'): '"'}), "defaults"],  # not '' (a curly quote)
    non_ascii_only=False,
    replacement_latex_protection="braces-all",
    unknown_char_policy="keep",
)


# The characters the encoder leaves as they are (tests/test_citation.py checks it against the encoder): a text made
# only of them is returned at once. The encoder reads a text a character at a time, in Python: a bank of 1,000
# entries spent about a second in it, most of the time on such text.
_UNCHANGED = re.compile(r"[0-9A-Za-z!'()*+,\-./:;=?@\[\]`| ]*")


@functools.lru_cache(maxsize=4096)
def _latex(text: str) -> str:
    """Text as BibTeX can hold it: braces and LaTeX's special characters escaped, accents as LaTeX commands."""
    if _UNCHANGED.fullmatch(text):
        return text
    return _ENCODER.unicode_to_latex(text)


_UNPARSE = default_unparse_stack(allow_inplace_modification=True)


def bibtex(ref: Reference) -> str:
    """The BibTeX file: one entry, each author in braces so that an institution is not read as a person."""
    fields = [  # bibtexparser puts each value in braces
        ("author", " and ".join("{" + _latex(name) + "}" for name in ref.authors)),
        ("title", "{" + _latex(ref.title) + "}"),  # in braces again: keep the title's capitals as written
        ("year", str(ref.year)),
        ("month", str(ref.date.month)),
        ("date", ref.date.isoformat()),
        ("type", _latex(ref.genre)),
        ("institution" if ref.bibtex_type == "techreport" else "publisher", _latex(ref.publisher)),
        ("url", ref.url),
        ("language", ref.language),
        ("abstract", _latex(ref.summary)),
        ("keywords", _latex(", ".join(ref.keywords))),
    ]
    if ref.bibtex_type == "misc":
        fields.append(("howpublished", "\\url{" + ref.url + "}"))
    entry = model.Entry(ref.bibtex_type, ref.key, [model.Field(k, v) for k, v in fields])
    # The library is this function's own: written in place, not deep-copied first by each middleware.
    return bibtexparser.write_string(bibtexparser.Library([entry]), unparse_stack=_UNPARSE)


class _RisWriter(rispy.RisWriter):
    """rispy's writer without the ``1.`` it puts before each reference: a file of one reference starts with TY."""

    def set_header(self, count: int) -> str:
        return ""


def ris(ref: Reference) -> str:
    """The RIS file, as rispy writes it."""
    record = {
        "type_of_reference": ref.ris_type,
        "id": ref.key,
        "title": ref.title,
        "authors": list(ref.authors),
        "year": str(ref.year),
        "date": ref.date.strftime("%Y/%m/%d"),
        "type_of_work": ref.genre,
        "publisher": ref.publisher,
        "urls": [ref.url, *([ref.pdf_url] if ref.pdf_url else [])],
        "language": ref.language,
        "abstract": ref.summary,
        "keywords": list(ref.keywords),
    }
    return rispy.dumps([record], implementation=_RisWriter)
