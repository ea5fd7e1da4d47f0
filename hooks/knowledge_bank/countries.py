"""Countries, resolved through pycountry from ISO codes or names in en/es/pt/fr."""

from __future__ import annotations

import difflib
import gettext
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import pycountry

from .text import fold, slugify
from .vocabularies import LANGUAGES


@dataclass(frozen=True)
class Country:
    """A country as the site shows it: ISO code and names in the four languages."""

    code: str  # ISO 3166-1 alpha-2
    alpha_3: str
    names: dict[str, str]

    @property
    def name(self) -> str:
        return self.names["en"]

    @property
    def slug(self) -> str:
        return slugify(self.name)


class CountryResolver:
    """Resolves any accepted spelling of a country; suggests the nearest names for unknown ones."""

    def __init__(self, extra_aliases: dict[str, tuple[str, ...]] | None = None) -> None:
        self._extra = extra_aliases or {}

    @cached_property
    def _translations(self) -> dict[str, gettext.NullTranslations]:
        return {
            lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in LANGUAGES
            if lang != "en"
        }

    @cached_property
    def _tables(self) -> tuple[dict[str, Country], dict[str, str]]:
        """(code -> Country, folded spelling -> code)."""
        full: dict[str, dict[str, str]] = {}
        for record in pycountry.countries:
            full[record.alpha_2] = {"en": record.name} | {
                lang: t.gettext(record.name) for lang, t in self._translations.items()
            }
        # ISO's inverted long forms ("Bolivia, Plurinational State of") read badly; shorten
        # them unless the short form would name two countries ("Korea").
        shorts = Counter(short for names in full.values() for short in {_short(n) for n in names.values()})
        by_code: dict[str, Country] = {}
        spellings: dict[str, str] = {}
        for record in pycountry.countries:
            names = {
                lang: name if shorts[_short(name)] > 1 else _short(name) for lang, name in full[record.alpha_2].items()
            }
            names["en"] = getattr(record, "common_name", None) or names["en"]
            official = getattr(record, "official_name", record.name)
            iso_names = {official, *full[record.alpha_2].values()}
            iso_names |= {t.gettext(official) for t in self._translations.values()}
            by_code[record.alpha_2] = Country(record.alpha_2, record.alpha_3, names)
            for spelling in {record.alpha_2, record.alpha_3, *iso_names, *names.values()}:
                spellings.setdefault(fold(spelling), record.alpha_2)
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

    def spellings_of(self, code: str) -> list[str]:
        """Every name the country is known by in the four languages, for search."""
        country = self.by_code(code)
        return sorted(set(country.names.values()) | {country.code, country.alpha_3})


def _short(name: str) -> str:
    """``Bolivia, Plurinational State of`` -> ``Bolivia``: ISO's inverted long forms read badly in a page."""
    return name.split(",")[0].strip() if "," in name else name
