"""The map of the Americas: each country shaded by its number of public entries, and the partners outside the region.

The shapes are ``data/americas.json`` (Natural Earth 1:50m through world-atlas, made by ``tools/americas_map.py``);
the numbers are the countries facet of the catalog, so the map counts exactly what the country pages list.
Countries without a public entry are drawn as one unnamed shape, so the map names no country that only an
unpublished entry mentions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .catalog import Catalog

SHAPES = Path(__file__).parent / "data" / "americas.json"
SHADES = 5  # classes of the legend


@dataclass(frozen=True)
class Shape:
    """A country's outline as SVG path data, and a dot for a country too small to see or click."""

    d: str
    dot: tuple[int, int] | None = None


@dataclass(frozen=True)
class Shapes:
    """The drawing the map starts from, and where it comes from."""

    width: int
    height: int
    countries: dict[str, Shape]
    other_land: str  # land drawn in the Americas that is no country of the region (French Guiana is France's)
    source: str
    licence: str


@cache
def shapes() -> Shapes:
    """The shapes of ``data/americas.json``, read once per process."""
    data = json.loads(SHAPES.read_text(encoding="utf-8"))
    countries = {code: Shape(c["d"], tuple(c["dot"]) if "dot" in c else None) for code, c in data["countries"].items()}
    return Shapes(data["width"], data["height"], countries, data["other_land"], data["source"], data["licence"])


@dataclass(frozen=True)
class Shade:
    """One class of the legend: counts from ``low`` to ``high``."""

    level: int
    low: int
    high: int


@dataclass(frozen=True)
class MapCountry:
    """A country with public entries, its count and its class."""

    code: str
    name: str
    slug: str
    count: int
    level: int
    shape: Shape | None  # None for a country of the region that the drawing has no shape for, and for partners


@dataclass(frozen=True)
class AmericasMap:
    """What the map shows: the countries of the Americas with entries, the partners outside, the legend."""

    shapes: Shapes
    countries: tuple[MapCountry, ...]  # of the Americas, by English name (each language sorts its own: by_country)
    partners: tuple[MapCountry, ...]  # outside the Americas, likewise
    legend: tuple[Shade, ...]
    blank: str  # the land of every country without a public entry, as one path

    def level(self, count: int) -> int:
        return next((s.level for s in self.legend if count <= s.high), SHADES)


def legend(highest: int, classes: int = SHADES) -> tuple[Shade, ...]:
    """Classes that grow geometrically up to ``highest`` (1, 2–3, 4–9…); one per count while counts are small."""
    if highest <= classes:
        return tuple(Shade(n, n, n) for n in range(1, highest + 1))
    bounds: list[int] = []
    for i in range(1, classes + 1):
        bound = max(round(highest ** (i / classes)), (bounds[-1] + 1) if bounds else 1)
        bounds.append(min(bound, highest))
    bounds[-1] = highest
    shades, low = [], 1
    for level, high in enumerate(dict.fromkeys(bounds), start=1):
        shades.append(Shade(level, low, high))
        low = high + 1
    return tuple(shades)


def americas_map(catalog: Catalog) -> AmericasMap:
    """The map of ``catalog``'s entries: counts from its countries facet."""
    drawing = shapes()
    values = catalog.countries.values
    scale = legend(max((v.count for v in values), default=0))
    high = {s.high: s.level for s in scale}

    def level(count: int) -> int:
        return next(lvl for h, lvl in sorted(high.items()) if count <= h)

    americas, partners = [], []
    for v in values:
        code = v.country.code
        inside = catalog.vocabularies.in_americas(code)
        item = MapCountry(
            code, v.label, v.slug, v.count, level(v.count), drawing.countries.get(code) if inside else None
        )
        (americas if inside else partners).append(item)
    shown = {c.code for c in americas}
    blank = drawing.other_land + "".join(s.d for code, s in drawing.countries.items() if code not in shown)
    by_name = lambda c: c.name.casefold()  # noqa: E731
    return AmericasMap(
        drawing, tuple(sorted(americas, key=by_name)), tuple(sorted(partners, key=by_name)), scale, blank
    )
