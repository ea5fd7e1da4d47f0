"""The methodology's expectations that are not requirements: warnings, which fail a strict build."""

from __future__ import annotations

from .field_path import dotted
from .models import EntryFields
from .problems import Problem, Severity
from .source import Source


def methodology_warnings(rel: str, fields: EntryFields, src: Source) -> list[Problem]:
    """What the methodology expects but does not require: the kind's sections, and what the kind itself checks."""
    warnings = []
    headings = _level_two_headings(src.body)
    for section in fields.sections:
        if section.casefold() not in headings:
            warnings.append(
                Problem(rel, src.body_line, f"the body has no section “## {section}”", "", Severity.WARNING)
            )
    for loc, message in fields.methodology_warnings():
        warnings.append(Problem(rel, src.line_of(loc), message, dotted(loc), Severity.WARNING))
    return warnings


def _level_two_headings(body: str) -> set[str]:
    """The ``## Heading`` texts of the body, folded. Plain string work: the regular expression it replaces
    (``^##\\s+(.+?)\\s*#*\\s*$``) took minutes on one line of many spaces."""
    found = set()
    for line in body.split("\n"):
        if line.startswith("##") and line[2:3].isspace():
            found.add(line[2:].strip().rstrip("#").strip().casefold())
    return found
