"""Listings split into pages: ``rounds/``, then ``rounds/page/2/``… of ``PAGE_SIZE`` entries each."""

from __future__ import annotations

import math
from dataclasses import dataclass

PAGE_SIZE = 100  # entries on one listing page: at most ~70 KB of HTML, whatever the size of the bank


@dataclass(frozen=True)
class Pager:
    """One page of a listing: its entries, its number, and the way back to the site root and to its siblings."""

    uri: str  # src_uri of this page
    entries: tuple
    number: int
    count: int
    depth: int  # folders between the site root and the first page's URL (rounds/ -> 1, keywords/care/ -> 2)

    @property
    def root(self) -> str:
        """The way from this page to the site root."""
        return "../" * (self.depth + (2 if self.number > 1 else 0))

    def href(self, number: int) -> str:
        """The relative link from this page to page ``number`` of the same listing."""
        if self.number == 1:
            return "./" if number == 1 else f"page/{number}/"
        return "../../" if number == 1 else f"../{number}/"


def paginate(entries: tuple, first_uri: str, depth: int, size: int = PAGE_SIZE) -> list[Pager]:
    """Split a listing into pages of ``size`` entries: ``x/index.md`` or ``x.md`` first, then ``x/page/2.md``…"""
    count = max(1, math.ceil(len(entries) / size))
    base = first_uri.removesuffix(".md").removesuffix("/index")
    return [
        Pager(
            first_uri if n == 1 else f"{base}/page/{n}.md", tuple(entries[(n - 1) * size : n * size]), n, count, depth
        )
        for n in range(1, count + 1)
    ]
