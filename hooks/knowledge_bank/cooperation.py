"""Who cooperated with whom: the directed flows of rounds, from each cooperating country to the beneficiary.

Built from the catalog's public rounds only (``Catalog.build`` decided publication), through the same
country roles the country pages list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .americas_map import Shade, legend
from .catalog import Catalog
from .countries import Country
from .loader import Entry


@dataclass(frozen=True)
class Flow:
    """The rounds in which ``cooperating`` answered ``beneficiary``'s request, newest first."""

    cooperating: Country
    beneficiary: Country
    rounds: tuple[Entry, ...]

    @property
    def count(self) -> int:
        return len(self.rounds)

    @property
    def path(self) -> str:
        """Where the flow's rounds are listed, from the site root: the beneficiary's section of the cooperating
        country's page, ``cooperation/chile/#peru``."""
        return f"{page_of(self.cooperating)}#{self.beneficiary.slug}"


def page_of(cooperating: Country) -> str:
    """The page of the rounds in which ``cooperating`` cooperated, one section per beneficiary, from the site root:
    ``cooperation/chile/``. (One page per pair of countries was mostly pages of one round: 436 of the 571 flows of
    the benchmark's 1,000 entries.)"""
    return f"cooperation/{cooperating.slug}/"


@dataclass(frozen=True)
class Cooperation:
    """Every flow of the catalog, and the countries on each side."""

    flows: tuple[Flow, ...]  # most rounds first, then by names

    @cached_property
    def cooperating(self) -> tuple[Country, ...]:
        """Countries that cooperated, those with most rounds first (the matrix's rows)."""
        return _by_total(self.flows, lambda f: f.cooperating)

    @cached_property
    def beneficiaries(self) -> tuple[Country, ...]:
        """Countries that received cooperation, most rounds first (the matrix's columns)."""
        return _by_total(self.flows, lambda f: f.beneficiary)

    @cached_property
    def cells(self) -> dict[tuple[str, str], Flow]:
        """(cooperating code, beneficiary code) -> the flow."""
        return {(f.cooperating.code, f.beneficiary.code): f for f in self.flows}

    @cached_property
    def legend(self) -> tuple[Shade, ...]:
        return legend(max((f.count for f in self.flows), default=0))

    def level(self, count: int) -> int:
        return next(s.level for s in self.legend if count <= s.high)

    def received_by(self, code: str) -> tuple[Flow, ...]:
        """The flows towards the beneficiary ``code``."""
        return tuple(f for f in self.flows if f.beneficiary.code == code)

    def given_by(self, code: str) -> tuple[Flow, ...]:
        """The flows from the cooperating country ``code``."""
        return tuple(f for f in self.flows if f.cooperating.code == code)


def _by_total(flows, side) -> tuple[Country, ...]:
    totals: dict[str, int] = defaultdict(int)
    countries: dict[str, Country] = {}
    for flow in flows:
        totals[side(flow).code] += flow.count
        countries[side(flow).code] = side(flow)
    return tuple(countries[c] for c in sorted(totals, key=lambda c: (-totals[c], countries[c].name)))


def cooperation(catalog: Catalog) -> Cooperation:
    """The flows of ``catalog``'s rounds: for each round, one per cooperating country other than the beneficiary."""
    pairs: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        roles = catalog.roles_of(entry)
        beneficiaries = [c for c, r in roles.items() if "beneficiary" in r]
        for target in beneficiaries:
            for source, r in roles.items():
                if "cooperating" in r and source != target:
                    pairs[(source, target)].append(entry)
    flows = [
        Flow(catalog.country(source), catalog.country(target), tuple(rounds))
        for (source, target), rounds in pairs.items()
    ]
    flows.sort(key=lambda f: (-f.count, f.cooperating.name, f.beneficiary.name))
    return Cooperation(tuple(flows))
