#!/usr/bin/env python3
"""Make ``hooks/knowledge_bank/data/americas.json``: the shapes of the map of the Americas.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/americas_map.py package/countries-50m.json

Reads Natural Earth's 1:50m countries as the npm package ``world-atlas`` (ISC) ships them, in TopoJSON;
keeps the countries of ``vocabularies/regions.yml`` (``americas``), plus the pieces of other countries that
lie in the Americas (French Guiana is part of France's shape there), drawn unnamed; projects them
(Lambert azimuthal equal-area centred on the Americas) into a box 1,000 units wide; simplifies the shared
borders once (Douglas–Peucker on TopoJSON's arcs, so neighbours still meet); and writes SVG path data
with whole-number coordinates. Run it again only to change the shapes; the site reads the JSON it writes.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hooks" / "knowledge_bank" / "data" / "americas.json"
CENTRE = (-80.0, 12.0)  # longitude, latitude of the projection's centre
WIDTH = 1000
TOLERANCE = 0.8  # Douglas–Peucker tolerance, in map units (a thousandth of the width)
MIN_AREA = 3.0  # islands smaller than this (square map units) are left out, unless one is all a country has
SMALL = 14.0  # a country whose shape fits in a box this small also gets a dot, so it can be seen and clicked


def in_frame(lon: float, lat: float) -> bool:
    """Whether a piece of land (by its centre) belongs on a map of the Americas: the western hemisphere,
    without the Pacific islands of the United States (Hawaii) and the Aleutians west of the date line."""
    return -172 <= lon <= -10 and -60 <= lat <= 85 and not (lon < -140 and lat < 40)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Lambert azimuthal equal-area, centred on ``CENTRE``; x to the east, y to the south."""
    lon0, lat0 = map(math.radians, CENTRE)
    lam, phi = math.radians(lon), math.radians(lat)
    k = math.sqrt(2 / (1 + math.sin(lat0) * math.sin(phi) + math.cos(lat0) * math.cos(phi) * math.cos(lam - lon0)))
    x = k * math.cos(phi) * math.sin(lam - lon0)
    y = k * (math.cos(lat0) * math.sin(phi) - math.sin(lat0) * math.cos(phi) * math.cos(lam - lon0))
    return x, -y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, keeping both ends (an arc's ends are where borders meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        best, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    kept = [p for p, k in zip(points, keep, strict=True) if k]
    if points[0] == points[-1] and len(kept) < 5 and tolerance > 0.1:  # a small island: keep its shape
        return simplify(points, tolerance / 4)
    return kept


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def area(points) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True))) / 2


def centre(points) -> tuple[float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _round(value: float, digits: int) -> float | int:
    return round(value) if digits == 0 else round(value, digits)


def _number(value: float) -> str:
    """``3``, ``-0.5`` -> ``-.5``, ``1.20`` -> ``1.2``: as few characters as SVG allows."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data with relative moves: ``M12 34l3-1 …z`` for each ring."""
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        steps = [f"M{_number(x0)} {_number(y0)}"]
        px, py = x0, y0
        deltas = []
        for x, y in ring[1:]:
            if (x, y) != (px, py):
                deltas.append(f"{_number(_round(x - px, 1))} {_number(_round(y - py, 1))}")
                px, py = x, y
        parts.append("".join(steps) + ("l" + " ".join(deltas) if deltas else "") + "z")
    return "".join(parts).replace(" -", "-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("topojson", type=Path, help="countries-50m.json of the npm package world-atlas")
    parser.add_argument("--version", default="2.0.2", help="version of world-atlas the file comes from")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text())
    americas = yaml.safe_load((ROOT / "vocabularies" / "regions.yml").read_text())["americas"]
    by_numeric = {c.numeric: c.alpha_2 for c in pycountry.countries}

    lonlat_arcs = decode_arcs(topology)
    projected = [[project(lon, lat) for lon, lat in arc] for arc in lonlat_arcs]
    # Which polygons to draw, decided on the unprojected shapes.
    chosen: list[tuple[str | None, list[list[int]]]] = []  # (alpha-2 or None, polygon as rings of arc indices)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = by_numeric.get(geometry.get("id", ""))
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            lon, lat = centre(ring_points(polygon[0], lonlat_arcs))
            # Other countries' land only well west of Africa's islands (the Azores, Madeira, the Canaries, Cabo Verde).
            if in_frame(lon, lat) and (code in americas or lon < -33):
                chosen.append((code if code in americas else None, polygon))
    # Scale into a box WIDTH units wide, then simplify each arc once.
    used = {abs(i if i >= 0 else ~i) for _, polygon in chosen for ring in polygon for i in ring}
    xs = [x for i in used for x, _ in projected[i]]
    ys = [y for i in used for _, y in projected[i]]
    scale = (WIDTH - 10) / (max(xs) - min(xs))
    x_min, y_min = min(xs), min(ys)
    arcs: dict[int, list[tuple[float, float]]] = {
        i: simplify([((x - x_min) * scale + 5, (y - y_min) * scale + 5) for x, y in projected[i]], TOLERANCE)
        for i in used
    }
    dense = [[] for _ in range(len(projected))]
    for i, points in arcs.items():
        dense[i] = points
    height = math.ceil((max(ys) - y_min) * scale + 10)

    countries: dict[str, dict] = {}
    pieces: dict[str | None, list[tuple[float, list[list[tuple[int, int]]]]]] = {}
    for code, polygon in chosen:
        rings = []
        for ring in polygon:
            exact = ring_points(ring, dense)
            # Whole units are fine for most shapes; small islands keep a decimal, or they would vanish.
            digits = 0 if max(p[0] for p in exact) - min(p[0] for p in exact) > 2 * SMALL else 1
            points = [(_round(x, digits), _round(y, digits)) for x, y in exact]
            if len(set(points)) >= 3:
                rings.append(points)
        if rings:
            pieces.setdefault(code, []).append((area(rings[0]), rings))
    for code, polygons in pieces.items():
        polygons.sort(key=lambda p: -p[0])
        kept = [rings for a, rings in polygons if a >= MIN_AREA] or [polygons[0][1]]
        if code is None:
            continue
        main_ring = kept[0][0]
        all_points = [p for rings in kept for p in rings[0]]
        xs_c, ys_c = [p[0] for p in all_points], [p[1] for p in all_points]
        record = {"d": path_data([ring for rings in kept for ring in rings])}
        if max(xs_c) - min(xs_c) < SMALL and max(ys_c) - min(ys_c) < SMALL:
            cx, cy = centre(main_ring)
            record["dot"] = [round(cx), round(cy)]
        countries[code] = record
    others = [rings for a, rings in pieces.get(None, []) if a >= MIN_AREA]
    data = {
        "source": "Natural Earth 1:50m Cultural Vectors, Admin 0 – Countries, as TopoJSON in the npm package "
        f"world-atlas {args.version} (countries-50m.json)",
        "source_url": "https://github.com/topojson/world-atlas",
        "licence": "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/); "
        "world-atlas: ISC licence",
        "made_by": "tools/americas_map.py",
        "projection": f"Lambert azimuthal equal-area centred on {CENTRE[0]}, {CENTRE[1]}; "
        f"Douglas–Peucker tolerance {TOLERANCE} units",
        "width": WIDTH,
        "height": height,
        "countries": dict(sorted(countries.items())),
        "other_land": path_data([ring for rings in others for ring in rings]),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    missing = sorted(set(americas) - set(countries))
    print(f"{args.out}: {len(countries)} countries, {args.out.stat().st_size:,} bytes; not in the shapes: {missing}")


if __name__ == "__main__":
    main()
