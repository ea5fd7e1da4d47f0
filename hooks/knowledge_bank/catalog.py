"""The catalog: published entries and their facets (countries, SDGs, phases, keywords) with counts.

Publication is decided here, once: ``Catalog.build`` keeps only public entries unless a
preview is asked for, so nothing downstream can render what it was never given.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .countries import Country, CountryResolver
from .kinds import KINDS
from .loader import Content, Entry
from .models import EntryFields
from .terms import Term
from .text import slugify
from .vocabularies import Vocabularies


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet (a country, an SDG, a phase, a keyword) and the entries that have it."""

    slug: str
    label: str
    entries: tuple[Entry, ...]
    term: Term | None = None
    country: Country | None = None

    @property
    def count(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Facet:
    """A way to group entries, with every value that at least one entry in the catalog has."""

    name: str  # URL folder and labels' group: countries, sdgs, phases, keywords
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class Catalog:
    """The entries a site shows, newest first, and their facets."""

    entries: tuple[Entry, ...]
    vocabularies: Vocabularies
    countries_resolver: CountryResolver
    preview: bool = False
    roles: dict[tuple[str, str], dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def build(cls, content: Content, preview: bool = False) -> Catalog:
        """The catalog of public entries; with ``preview``, unpublished ones too (for ``mkdocs serve`` only)."""
        chosen = [e for e in content.entries if preview or e.is_public]
        chosen.sort(key=lambda e: (e.fields.date, e.fields.title), reverse=True)
        roles = {(e.kind, e.slug): e.fields.country_roles() for e in chosen}
        return cls(tuple(chosen), content.vocabularies, content.countries, preview, roles)

    @property
    def kinds(self) -> list[type[EntryFields]]:
        """Every kind of entry, in order (rounds first)."""
        return list(KINDS.values())

    def by_kind(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind (``round``), newest first."""
        return tuple(e for e in self.entries if e.kind == kind)

    def roles_of(self, entry: Entry) -> dict[str, tuple[str, ...]]:
        """Country code -> roles (beneficiary, cooperating, action, actor) for one entry."""
        return self.roles[(entry.kind, entry.slug)]

    def license_of(self, entry: Entry) -> Term:
        """The licence an entry is published under: its own ``license``, or the site's default."""
        key = entry.fields.license
        return self.vocabularies.licenses[key] if key else self.vocabularies.default_license

    def country(self, code: str) -> Country:
        return self.countries_resolver.by_code(code)

    @cached_property
    def countries(self) -> Facet:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for code in self.roles_of(entry):
                groups[code].append(entry)
        values = [
            FacetValue(self.country(code).slug, self.country(code).name, tuple(items), country=self.country(code))
            for code, items in groups.items()
        ]
        return Facet("countries", tuple(sorted(values, key=lambda v: v.slug)))

    @cached_property
    def sdgs(self) -> Facet:
        return self._vocabulary_facet("sdgs", self.vocabularies.sdgs.terms, lambda e: [str(n) for n in e.fields.sdgs])

    @cached_property
    def phases(self) -> Facet:
        return self._vocabulary_facet("phases", self.vocabularies.phases.terms, lambda e: [e.fields.phase])

    def _vocabulary_facet(self, name, terms, keys_of) -> Facet:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for key in dict.fromkeys(keys_of(entry)):
                groups[key].append(entry)
        values = [FacetValue(t.key, t.label, tuple(groups[t.key]), term=t) for t in terms if groups[t.key]]
        return Facet(name, tuple(values))

    def keyword_term(self, keyword: str) -> Term | None:
        """The thesaurus's keyword (``vocabularies/keywords.yml``) written as ``keyword``, or None."""
        return self.vocabularies.keywords.lookup(keyword)

    def keyword_slug(self, keyword: str) -> str:
        """The address of ``keyword``'s page (``keywords/<slug>/``): its thesaurus key, else its slug as written."""
        term = self.keyword_term(keyword)
        return term.key if term else keyword_slug(keyword)

    @cached_property
    def keywords(self) -> Facet:
        """Keywords grouped as the thesaurus knows them (any of their names and spellings), else by slug (case,
        accents and punctuation ignored) and labelled by their commonest spelling."""
        groups: dict[str, list[Entry]] = defaultdict(list)
        spellings: dict[str, Counter] = defaultdict(Counter)
        for entry in self.entries:
            for keyword in entry.fields.keywords:
                spellings[self.keyword_slug(keyword)][keyword] += 1
            for slug in dict.fromkeys(self.keyword_slug(k) for k in entry.fields.keywords):  # once per entry
                groups[slug].append(entry)
        known = {term.key: term for term in self.vocabularies.keywords.terms}
        values = []
        for slug, items in groups.items():
            term = known.get(slug)
            label = term.label if term else spellings[slug].most_common(1)[0][0]
            values.append(FacetValue(slug, label, tuple(items), term=term))
        return Facet("keywords", tuple(sorted(values, key=lambda v: v.slug)))

    def facets(self) -> tuple[Facet, ...]:
        return (self.countries, self.sdgs, self.phases, self.keywords)

    def related(self, entry: Entry, n: int = 3) -> list[Entry]:
        """Entries that share the most keywords, countries and SDGs with ``entry`` (at least two), newest first."""
        return self._related_index.related(entry, n)

    @cached_property
    def _related_index(self) -> RelatedIndex:
        return RelatedIndex(self.entries, self.signature)

    def signature(self, entry: Entry) -> set[str]:
        """What ``related`` compares: an entry's keywords, countries and SDGs."""
        return (
            {f"k:{self.keyword_slug(k)}" for k in entry.fields.keywords}
            | {f"c:{c}" for c in self.roles_of(entry)}
            | {f"s:{s}" for s in entry.fields.sdgs}
        )


class RelatedIndex:
    """Shared features counted with bit sets, so that finding related entries stays linear in practice.

    Bit ``i`` stands for the entry of rank ``i`` in the order related entries are shown (newest first,
    then by slug). For one entry, the bit sets of its features are added into a binary counter held
    as bit planes (plane ``j`` has the bit ``j`` of every entry's count of shared features); entries
    are then read from the highest count down, lowest bit (best rank) first.
    """

    def __init__(self, entries, signature) -> None:
        self.ranked = sorted(entries, key=lambda e: (-e.fields.date.toordinal(), e.slug))
        self.rank = {id(e): i for i, e in enumerate(self.ranked)}
        self.signatures = {id(e): signature(e) for e in self.ranked}
        self.bits: dict[str, int] = defaultdict(int)
        for i, e in enumerate(self.ranked):
            for feature in self.signatures[id(e)]:
                self.bits[feature] |= 1 << i

    def related(self, entry: Entry, n: int) -> list[Entry]:
        mine = self.signatures.get(id(entry))
        if mine is None:
            return []
        planes: list[int] = []
        for feature in mine:
            carry = self.bits[feature]
            for j, plane in enumerate(planes):
                planes[j], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        everyone = (1 << len(self.ranked)) - 1
        remaining = everyone & ~(1 << self.rank[id(entry)])
        found: list[Entry] = []
        for count in range(len(mine), 1, -1):
            exact = remaining
            for j, plane in enumerate(planes):
                exact &= plane if count >> j & 1 else ~plane
            if count >> len(planes):
                exact = 0
            while exact and len(found) < n:
                low = exact & -exact
                found.append(self.ranked[low.bit_length() - 1])
                exact ^= low
            if len(found) >= n:
                break
        return found


@lru_cache(maxsize=65536)
def keyword_slug(keyword: str) -> str:
    slug = slugify(keyword)
    return "keyword-index" if slug == "index" else slug
