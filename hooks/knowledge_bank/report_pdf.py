"""The final report as a PDF file: read with pypdf, refused unless it is a plain, readable PDF of at most 20 pages.

A round's ``report.file`` is published for every visitor to open, so it must be what it says: a PDF that a
reader can open (not encrypted), that runs nothing (no JavaScript, no launch actions), and that keeps to the
methodology's limit of 20 pages. Its real page count and size are what the round's page shows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .field_path import FieldPath, dotted
from .kinds.round import MAX_REPORT_PAGES
from .problems import Problem, Severity
from .source import Source

if TYPE_CHECKING:
    from pypdf import PdfReader

MAX_OBJECTS = 200_000  # objects walked in search of scripts: a real report of 20 pages has a few thousand
ACTIVE_NAMES = frozenset({"/JavaScript", "/JS", "/Launch", "/XFA", "/RichMedia"})  # what could run in a reader

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on damaged files become one problem of ours


@dataclass(frozen=True)
class ReportFile:
    """A validated report: its name in the entry's folder, its real number of pages and its size in bytes."""

    name: str
    pages: int
    size: int


class UnsafePdf(Exception):
    """The PDF cannot be published as it is; the message says why and what to do."""


def read_report(path: Path) -> int:
    """The number of pages of the PDF at ``path``; raises ``UnsafePdf`` if it is unreadable, encrypted or active."""
    from pypdf import PdfReader  # here: most builds have no report file, and importing pypdf takes a tenth of a second

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            raise UnsafePdf(
                "is encrypted or password-protected: export it again without a password, so every reader can open it"
            )
        pages = len(reader.pages)
        active = _active_content(reader)
    except UnsafePdf:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged or non-PDF file: all mean "not readable"
        raise UnsafePdf(f"is not a readable PDF ({type(error).__name__}): export the report again as PDF") from None
    if active:
        raise UnsafePdf(
            f"holds {active} that a PDF reader could run: print the report to a new PDF (for example with "
            "“Microsoft Print to PDF” or “Save as PDF”), which keeps the text and drops scripts"
        )
    if pages == 0:
        raise UnsafePdf("has no pages: export the report again as PDF")
    return pages


def _active_content(reader: PdfReader) -> str:
    """The first name of an active feature (``/JavaScript``…) reachable from the document's trailer, or ""."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]
    walked = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        walked += 1
        if walked > MAX_OBJECTS:
            return "more objects than a 20-page report needs"
        if isinstance(node, DictionaryObject):
            for name, value in node.items():
                hit = name if name in ACTIVE_NAMES else value if isinstance(value, NameObject) else None
                if hit in ACTIVE_NAMES:
                    return f"a {hit.lstrip('/')} action"
                if name != "/Parent":  # pages point back at their parent: it is walked from the root
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return ""


def report_problems(
    rel: str, declared_pages: int | None, name: str, files: dict[str, Path], src: Source
) -> tuple[ReportFile | None, list[Problem]]:
    """The entry's report file, read and checked, and what is wrong with it (a wrong ``report.pages`` is a warning)."""
    loc: FieldPath = ("report", "file")
    path = files.get(name)
    if path is None:  # attachments.py already says the file is missing
        return None, []
    line = src.line_of(loc)
    if not name.lower().endswith(".pdf"):
        return None, [Problem(rel, line, f"`report.file`: “{name}” must be a PDF (report.pdf)", dotted(loc))]
    try:
        pages = read_report(path)
    except UnsafePdf as trouble:
        return None, [Problem(rel, line, f"`report.file`: “{name}” {trouble}", dotted(loc))]
    problems = []
    if pages > MAX_REPORT_PAGES:
        problems.append(
            Problem(
                rel,
                line,
                f"`report.file`: “{name}” has {pages} pages; the methodology allows at most {MAX_REPORT_PAGES}: "
                "publish the executive report, and link annexes as reference documents",
                dotted(loc),
            )
        )
    if declared_pages is not None and declared_pages != pages:
        problems.append(
            Problem(
                rel,
                src.line_of(("report", "pages")),
                f"`report.pages` says {declared_pages} but “{name}” has {pages} pages: write `pages: {pages}` "
                "(or remove `pages`: the site counts them)",
                "report.pages",
                Severity.WARNING,
            )
        )
    return ReportFile(name, pages, path.stat().st_size), problems
