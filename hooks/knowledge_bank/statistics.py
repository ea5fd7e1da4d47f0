"""The numbers of the statistics page and of ``statistics.json``: entries per year and kind, per phase, per SDG,
per country and role, and the most used keywords.

Every number comes from the catalog's public entries and its facets, so it equals what the listings count.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from .catalog import Catalog
from .cooperation import Cooperation
from .translation import InLanguage

ROLES = ("beneficiary", "cooperating", "action", "actor")
TOP_KEYWORDS = 20


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a label, where it links, and its parts (``(series key, number)``)."""

    key: str
    label: str
    href: str
    parts: tuple[tuple[str, int], ...]
    colour: str = ""  # an SDG's official colour

    @property
    def total(self) -> int:
        return sum(n for _, n in self.parts)


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart and the table of its numbers. ``series`` are the keys of the bars' parts."""

    name: str  # labels' group (statistics.<name>) and the chart's id
    series: tuple[str, ...]
    bars: tuple[Bar, ...]

    @property
    def highest(self) -> int:
        return max((b.total for b in self.bars), default=0)


def statistics(catalog: Catalog) -> tuple[Chart, ...]:
    """The charts of the statistics page, in order."""
    kinds = [k.kind for k in catalog.kinds]
    per_year: dict[int, Counter] = {}
    for entry in catalog.entries:
        per_year.setdefault(entry.fields.date.year, Counter())[entry.kind] += 1
    years = range(min(per_year), max(per_year) + 1) if per_year else range(0)
    year = Chart(
        "years",
        tuple(kinds),
        tuple(
            Bar(str(y), str(y), "", tuple((k, per_year.get(y, Counter())[k]) for k in kinds)) for y in reversed(years)
        ),
    )
    phases = Chart(
        "phases",
        ("entries",),
        tuple(Bar(v.slug, v.label, f"phases/{v.slug}/", (("entries", v.count),)) for v in catalog.phases.values),
    )
    sdgs = Chart(
        "sdgs",
        ("entries",),
        tuple(
            Bar(v.slug, v.label, f"sdgs/{v.slug}/", (("entries", v.count),), v.term.colour) for v in catalog.sdgs.values
        ),
    )
    roles: dict[str, Counter] = {}
    for entry in catalog.entries:
        for code, its_roles in catalog.roles_of(entry).items():
            for role in its_roles:
                roles.setdefault(code, Counter())[role] += 1
    country_values = sorted(catalog.countries.values, key=lambda v: (-v.count, v.label))
    countries = Chart(
        "countries",
        ROLES,
        tuple(
            Bar(v.country.code, v.label, f"countries/{v.slug}/", tuple((r, roles[v.country.code][r]) for r in ROLES))
            for v in country_values
        ),
    )
    top = sorted(catalog.keywords.values, key=lambda v: (-v.count, v.label.casefold()))[:TOP_KEYWORDS]
    keywords = Chart(
        "keywords",
        ("entries",),
        tuple(Bar(v.slug, v.label, f"keywords/{v.slug}/", (("entries", v.count),)) for v in top),
    )
    return (year, phases, sdgs, countries, keywords)


def country_entries(catalog: Catalog) -> dict[str, int]:
    """Country code -> its number of entries (what its page lists; one entry may give it several roles)."""
    return {v.country.code: v.count for v in catalog.countries.values}


def statistics_json(catalog: Catalog, charts: tuple[Chart, ...], flows: Cooperation) -> str:
    """``statistics.json``: the numbers of the statistics page and of the cooperation page, as open data."""
    entries = country_entries(catalog)
    data = {
        "entries": len(catalog.entries),
        "charts": {
            chart.name: [
                {"key": bar.key, "label": bar.label, **dict(bar.parts)}
                | ({"entries_in_total": entries[bar.key]} if chart.name == "countries" else {})
                for bar in chart.bars
            ]
            for chart in charts
        },
        "cooperation": [
            {
                "cooperating": f.cooperating.code,
                "beneficiary": f.beneficiary.code,
                "rounds": [e.slug for e in f.rounds],
            }
            for f in flows.flows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def bar_label(catalog: Catalog, name: InLanguage, bar: Bar) -> str:
    """What a bar of a statistics chart is called in ``name``'s language: its phase, SDG, country or keyword."""
    vocabularies = catalog.vocabularies
    if bar.href.startswith("countries/"):
        return name(catalog.country(bar.key))
    for folder, vocabulary in (("phases/", vocabularies.phases), ("sdgs/", vocabularies.sdgs)):
        if bar.href.startswith(folder):
            return name(vocabulary[bar.key])
    return bar.label
