"""Personal contact details are never published: an e-mail address or a phone number in an entry is an error."""

from __future__ import annotations

import re

from .field_path import dotted
from .problems import Problem
from .source import Source

# Both patterns start only at an `@` or a `+`, so they take linear time on any text (a leading
# `[\w.+-]+@` retried from every letter of a long word took minutes on a 1 MB body).
EMAIL = re.compile(r"(?<=[\w.+-])@[\w-]++(?:\.[\w-]++)+")
PHONE = re.compile(r"(?<![\w/])\+\d[\d\s().-]{7,}\d")


def _has_contact(text: str) -> bool:
    # The substring tests run at C speed and rule out almost every text before a pattern is tried.
    return ("@" in text and EMAIL.search(text) is not None) or ("+" in text and PHONE.search(text) is not None)


def contact_details(src: Source) -> list[Problem]:
    """An error at every field value and body line holding an e-mail address or a phone number."""
    problems = []
    texts = [(src.line_of(loc), loc, value) for loc, value in src.raw_scalars.items()]
    if _has_contact(src.body):  # most bodies have none: look line by line only then
        texts += [(src.body_line + i, ("body",), line) for i, line in enumerate(src.body.split("\n"))]
    for line, loc, value in texts:
        if _has_contact(value):
            what = "an e-mail address" if EMAIL.search(value) else "a phone number"
            problems.append(
                Problem(
                    src.path,
                    line,
                    f"{what} found: personal contact details are never published; remove it",
                    dotted(loc),
                )
            )
    return problems
