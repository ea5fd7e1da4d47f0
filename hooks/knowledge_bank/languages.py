"""The four languages of the knowledge bank: of its labels, its entries and its visitors."""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "es", "pt", "fr"]
LANGUAGES: tuple[Language, ...] = get_args(Language)  # English first: the site's own language
