"""Text helpers shared by vocabularies, countries and keywords."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 14)  # the same names are folded again and again (a keyword on each page that shows it)
def fold(text: str) -> str:
    """A key for case-, accent- and spacing-insensitive comparison (``Perú`` == ``peru``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", no_marks.casefold()).strip()


def slugify(text: str) -> str:
    """A URL slug: folded, ASCII letters and digits joined by hyphens."""
    folded = fold(text)
    ascii_only = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "item"
