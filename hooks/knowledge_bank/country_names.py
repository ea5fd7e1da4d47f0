"""Country names as ISO 3166-1 and pycountry's translations give them, in the four languages."""

from __future__ import annotations

import gettext
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

import pycountry

from .languages import LANGUAGES
from .text import fold, slugify


@dataclass(frozen=True)
class Country:
    """A country as the site shows it: ISO code and names in the four languages."""

    code: str  # ISO 3166-1 alpha-2
    alpha_3: str
    names: dict[str, str]

    @property
    def name(self) -> str:
        return self.names["en"]

    @cached_property  # a country is linked from every listing that names it
    def slug(self) -> str:
        return slugify(self.name)


@cache
def iso_countries() -> tuple[dict[str, Country], dict[str, str]]:
    """(code -> Country, folded spelling -> code) for every ISO code, ISO name and translated name.

    Read once per process: pycountry's data does not change while the site is built or served.
    """
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in LANGUAGES
        if lang != "en"
    }
    full: dict[str, dict[str, str]] = {}
    for record in pycountry.countries:
        full[record.alpha_2] = {"en": record.name} | {lang: t.gettext(record.name) for lang, t in translations.items()}
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
        iso_names |= {t.gettext(official) for t in translations.values()}
        by_code[record.alpha_2] = Country(record.alpha_2, record.alpha_3, names)
        for spelling in {record.alpha_2, record.alpha_3, *iso_names, *names.values()}:
            spellings.setdefault(fold(spelling), record.alpha_2)
    return by_code, spellings


def alias_problems(aliases: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """(code as written, message) for every code that is not ISO 3166-1 alpha-2, every alias that already
    names another country, and every alias given to two countries."""
    by_code, spellings = iso_countries()
    problems: list[tuple[str, str]] = []
    claimed: dict[str, str] = {}
    for code, names in aliases.items():
        code_text = code.upper()
        if code_text not in by_code:
            problems.append((code, f"`{code}` is not an ISO 3166-1 alpha-2 country code (for example `BO`)"))
            continue
        for alias in names:
            folded = fold(alias)
            known = by_code.get(spellings.get(folded, ""))
            if known is not None and known.code != code_text:
                problems.append(
                    (
                        code,
                        f"alias `{alias}` of {code_text} is already the name or code of {known.code} ({known.name}); "
                        "remove it",
                    )
                )
            elif claimed.get(folded, code_text) != code_text:
                problems.append((code, f"alias `{alias}` is given to both {claimed[folded]} and {code_text}; keep one"))
            claimed.setdefault(folded, code_text)
    return problems


def _short(name: str) -> str:
    """``Bolivia, Plurinational State of`` -> ``Bolivia``: ISO's inverted long forms read badly in a page."""
    return name.split(",")[0].strip() if "," in name else name
