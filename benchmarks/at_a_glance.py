"""The cost of the bank at a glance (the map, who cooperated with whom, the statistics) in a built synthetic site.

    .venv/bin/python benchmarks/at_a_glance.py --sizes 1000 4000

For each size: the CPU the core spends drawing the map, the flows and the charts and rendering their pages
(in this process, best of three), the pages they add, their share of the build, and what they add to a page
in gzip bytes: the map block of the home page and of the largest country page, the whole cooperation page and
the statistics page. ``benchmarks/scale.py`` (``python3 tasks.py bench``) calls ``measure`` on each site it
builds and prints ``table``.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from knowledge_bank.americas_map import americas_map  # noqa: E402
from knowledge_bank.catalog import Catalog  # noqa: E402
from knowledge_bank.cooperation import cooperation  # noqa: E402
from knowledge_bank.loader import load_content  # noqa: E402
from knowledge_bank.render import GeneratedSite, page_environment, render_cooperation, render_site  # noqa: E402
from knowledge_bank.statistics import ROLES, country_entries, statistics  # noqa: E402

LIMIT = 60 * 1024  # what the map and the charts may add to any page, gzip


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 6))


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def render_new_pages(catalog: Catalog) -> None:
    """Render what the map, the flows and the statistics add, as ``render_site`` does: the home page's map, each
    country page's map and cooperation block, the cooperation pages and the statistics page."""
    out = GeneratedSite()
    env = page_environment(out, catalog, "en", cooperation(catalog), americas_map(catalog))
    env.get_template("pages/home_map.md.j2").render()
    maps = env.get_template("pages/_map.md.j2").module
    blocks = env.get_template("pages/_cooperation.md.j2").module
    for value in catalog.countries.values:
        maps.americas_map(env.globals["map"], "../../", here=value.country.code)
        blocks.country_block(env.globals["flows"], value.country, "../../")
    render_cooperation(out, env, env.globals["flows"])
    out.add(
        "statistics/index.md",
        env.get_template("pages/statistics.md.j2"),
        statistics=statistics(catalog),
        entries_of=country_entries(catalog),
        role_keys=ROLES,
    )


def measure(project: Path, site: Path, build_cpu: float | None = None) -> dict[str, object]:
    """What the new pages cost in the site ``project`` built into ``site``."""
    catalog = Catalog.build(load_content(project))
    catalog.facets()
    draw = _best(lambda: (americas_map(catalog), cooperation(catalog), statistics(catalog)))
    new_pages = _best(lambda: render_new_pages(catalog))
    whole = _best(lambda: render_site(catalog), repeat=2)
    flows = cooperation(catalog)
    pages = [p for p in site.glob("cooperation/**/index.html")] + [site / "statistics" / "index.html"]
    home = (site / "index.html").read_text(encoding="utf-8")
    countries = sorted(site.glob("countries/*/index.html"), key=lambda p: p.stat().st_size)
    largest = countries[-1].read_text(encoding="utf-8") if countries else ""

    def block(page: str, start: str, end: str) -> int:
        """The gzip size of the first element of ``page`` that starts with ``start`` (up to ``end``)."""
        i = page.find(start)
        return gz(page[i : page.index(end, i) + len(end)]) if i >= 0 else 0

    def article(path: Path) -> int:
        return block(path.read_text(encoding="utf-8"), "<article", "</article>")

    result = {
        "entries": len(catalog.entries),
        "draw_cpu": draw,
        "new_pages_cpu": new_pages,
        "render_site_cpu": whole,
        "flows": len(flows.flows),
        "pages_added": len(pages),
        "home_map_gz": block(home, '<figure class="kb-map"', "</figure>"),
        "country_map_and_flows_gz": block(largest, '<figure class="kb-map"', "</figure>")
        + block(largest, '<div class="kb-flows"', "</div>"),
        "cooperation_gz": article(site / "cooperation" / "index.html"),
        "statistics_gz": article(site / "statistics" / "index.html"),
        "page_gz": {
            "home": gz(home),
            "cooperation": gz((site / "cooperation" / "index.html").read_text(encoding="utf-8")),
            "statistics": gz((site / "statistics" / "index.html").read_text(encoding="utf-8")),
        },
    }
    if build_cpu:
        result["build_cpu"] = build_cpu
    return result


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def table(results: list[dict]) -> str:
    """The measurements as a Markdown table, one column per size."""
    sizes = [r["entries"] for r in results]
    lines = [
        "| the map, who cooperated with whom, statistics | " + " | ".join(f"{n:,} published" for n in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]

    def row(label: str, values) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row("CPU to draw the map, the flows and the charts", [f"{r['draw_cpu'] * 1000:.0f} ms" for r in results])
    row(
        "CPU to render them (home map, each country's map and flows, /cooperation/…, /statistics/)",
        [f"{r['new_pages_cpu']:.2f} s" for r in results],
    )
    row("CPU of every generated page (core, all pages, for scale)", [f"{r['render_site_cpu']:.2f} s" for r in results])
    row("flows (cooperating → beneficiary pairs)", [f"{r['flows']:,}" for r in results])
    row("pages added (/cooperation/…, /statistics/)", [f"{r['pages_added']:,}" for r in results])
    if all("build_cpu" in r for r in results):
        row("whole build CPU (for scale)", [f"{r['build_cpu']:.1f} s" for r in results])
    row("map block on the home page, gzip", [kb(r["home_map_gz"]) for r in results])
    row("map + flows on the largest country page, gzip", [kb(r["country_map_and_flows_gz"]) for r in results])
    row(
        "/cooperation/ content, gzip (whole page)",
        [f"{kb(r['cooperation_gz'])} ({kb(r['page_gz']['cooperation'])})" for r in results],
    )
    row(
        "/statistics/ content, gzip (whole page)",
        [f"{kb(r['statistics_gz'])} ({kb(r['page_gz']['statistics'])})" for r in results],
    )
    worst = max(
        max(r["home_map_gz"], r["country_map_and_flows_gz"], r["cooperation_gz"], r["statistics_gz"]) for r in results
    )
    lines.append("")
    lines.append(
        f"Largest growth of a page: {kb(worst)} gzip (limit {kb(LIMIT)}): {'met' if worst <= LIMIT else 'NOT met'}."
    )
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import run_build
    from synthetic import make_site

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="kb-glance-") as work:
        for n in args.sizes:
            project, site = Path(work) / f"kb-{n}", Path(work) / f"site-{n}"
            make_site(n, project)
            build = run_build(project, site)
            results.append(measure(project, site, build.cpu))
            print(results[-1], flush=True)
    print(table(results))


if __name__ == "__main__":
    main()
