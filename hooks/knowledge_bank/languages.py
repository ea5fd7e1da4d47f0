"""The four languages of the knowledge bank: of its labels, its entries and its visitors."""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "es", "pt", "fr"]
LANGUAGES: tuple[Language, ...] = get_args(Language)  # English first: the site's own language


def interface_languages(configured: object) -> tuple[Language, ...]:
    """The interface's languages as mkdocs.yml's ``extra.kb_languages`` lists them (all four when it does not):
    English among them, whose pages are the site's root and the ones the search reads."""
    chosen = tuple(configured) if isinstance(configured, (list, tuple)) and configured else LANGUAGES
    if LANGUAGES[0] not in chosen or not set(chosen) <= set(LANGUAGES):
        raise ValueError(
            f"extra.kb_languages lists {', '.join(map(str, chosen))}: it must list en (the site's root, whose entry "
            f"pages the search reads) and only {', '.join(LANGUAGES)}"
        )
    return tuple(lang for lang in LANGUAGES if lang in chosen)  # in the site's order
