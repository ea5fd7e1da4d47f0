"""Countries, resolved from ISO codes or names in en/es/pt/fr, and the extra aliases of ``countries.yml``."""

from __future__ import annotations

import difflib
from functools import cached_property

from .country_names import Country, iso_countries
from .text import fold

__all__ = ["Country", "CountryResolver"]


class CountryResolver:
    """Resolves any accepted spelling of a country; suggests the nearest names for unknown ones."""

    def __init__(self, extra_aliases: dict[str, tuple[str, ...]] | None = None) -> None:
        self._extra = extra_aliases or {}

    @cached_property
    def _tables(self) -> tuple[dict[str, Country], dict[str, str]]:
        """(code -> Country, folded spelling -> code): ISO's spellings, then the extra aliases."""
        by_code, iso_spellings = iso_countries()
        spellings = dict(iso_spellings)
        for code, aliases in self._extra.items():
            for alias in aliases:
                spellings[fold(alias)] = code
        return by_code, spellings

    def resolve(self, value: object) -> Country | None:
        """The country written as ``value``, or None."""
        by_code, spellings = self._tables
        code = spellings.get(fold(str(value)))
        return by_code.get(code) if code else None

    def by_code(self, code: str) -> Country:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        return self._tables[0][code]

    def suggest(self, value: object, n: int = 3) -> list[str]:
        """The English names of the countries whose spellings are nearest to ``value``."""
        by_code, spellings = self._tables
        close = difflib.get_close_matches(fold(str(value)), list(spellings), n=12, cutoff=0.6)
        names: list[str] = []
        for spelling in close:
            name = by_code[spellings[spelling]].name
            if name not in names:
                names.append(name)
        return names[:n]
