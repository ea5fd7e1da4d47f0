"""What CLDR (through Babel) says in each language: the names of languages, the size of a file."""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.units import format_unit


@cache
def language_name(lang: str) -> str:
    """A language's name in itself, from CLDR: ``es`` -> ``Español``."""
    return capitalized(Locale.parse(lang).get_display_name(lang) or lang)


@cache
def language_named(code: str, lang: str) -> str:
    """A language's name as a sentence in ``lang`` says it, from CLDR: (``pt``, ``es``) -> ``portugués``."""
    return Locale.parse(lang).languages.get(code, code)


def file_size(size: int, lang: str) -> str:
    """A file's size as a reader says it, in ``lang``: ``51 kB``, ``1,4 Mo``."""
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", locale=lang, length="short")
    return format_unit(round(size / 1e6, 1), "digital-megabyte", locale=lang, length="short", format="#,##0.#")


def capitalized(text: str) -> str:
    """``text`` with its first letter upper-case, as a label starts: ``portugués`` -> ``Portugués``."""
    return text[:1].upper() + text[1:]
