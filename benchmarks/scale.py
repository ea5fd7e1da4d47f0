"""Build and search at scale: the knowledge bank against a plain MkDocs + Material site of the same pages.

    python3 tasks.py bench                                   # what docs/performance.md shows
    .venv/bin/python benchmarks/scale.py --sizes 250 1000 --repeat 1 --no-write   # a quicker look

For each size N it generates N synthetic, valid entries (benchmarks/synthetic.py; 10 % unpublished)
in a temporary copy of the project and builds:

- the knowledge bank (``mkdocs build`` with the project's hooks), with ``KB_TIMINGS`` set so the
  hooks report the CPU time spent in the project's own code (load and validate, catalog, render,
  and each MkDocs event);
- the baseline: a plain MkDocs + Material site of the same page bodies (the published entries'
  Markdown without front matter, the hand-written pages), no hooks, entries out of the nav.

Each build runs in its own process; its CPU time (user + system) and peak memory come from the
operating system (``os.wait4``). The machine is shared, so each build is repeated and the fastest
run kept, and CPU time (not wall time) is compared. The baseline keeps Material's search plugin, so that
the site's search (Pagefind, indexed by the hooks at the end of the build) is compared with Material's
on the same pages. Then it measures the site's output (total size, the largest listing page and the
largest other page, catalog.json, Material's search index and the Pagefind bundle), what a first page
view and a first query cost in Chromium, fast and throttled to 400 kbit/s (benchmarks/search_cost.py),
Lighthouse's mobile scores at ``--lighthouse-size`` entries (benchmarks/lighthouse.py), and, at
``--serve-size`` entries, how long ``mkdocs serve`` takes to rebuild after one entry is edited, with and
without ``--dirty``.

It prints a table and, unless ``--no-write``, rewrites the table in docs/performance.md between
the ``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import at_a_glance  # noqa: E402  (the cost of the map, the flows and the statistics)
from lighthouse import scores as lighthouse_scores  # noqa: E402
from search_cost import search_costs  # noqa: E402
from synthetic import make_site  # noqa: E402

PERFORMANCE_PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
LISTING = re.compile(r"^(rounds|lessons)/(index\.html|page/)|^(countries|sdgs|phases|keywords)/|^cooperation/[^/]+/")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
TITLE = re.compile(r'^title: "(.*)"$', re.M)


@dataclass
class Build:
    wall: float
    cpu: float
    peak_mb: float
    own: dict[str, float] = field(default_factory=dict)


ONE_LANGUAGE = "mkdocs.one-language.yml"  # the same site with the interface in English only
NO_SEARCH = "mkdocs.no-search.yml"  # the baseline without Material's search plugin


def set_aside(folder: Path) -> None:
    """Move an earlier build's output out of the way, into ``removed/`` beside it, which goes with the bench's folder
    at the end.

    Removing it just before the next build would charge that build for the removal. ext4 without a journal (this
    machine's root) skips, as it allocates an inode, each one freed in the last minute or more, reading its inode
    table to find out (the kernel's ``recently_deleted``): a build of thousands of files right after thousands were
    removed spent 5-8 s of system time instead of 1.5-2 s (the site in English at 1,000 entries, 2026-12-02)."""
    graveyard = folder.parent / "removed"
    graveyard.mkdir(exist_ok=True)
    folder.rename(graveyard / f"{folder.name}-{len(list(graveyard.iterdir()))}")


def run_build(project: Path, site: Path, timings: Path | None = None, config: str = "mkdocs.yml") -> Build:
    """One ``mkdocs build`` in a child process: wall and CPU time, peak memory, the hooks' timings."""
    if site.exists():
        set_aside(site)
    env = {**ENV, "KB_TIMINGS": str(timings)} if timings else ENV
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stderr = child.stderr.read() if child.stderr else b""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if child.returncode:
        sys.exit(f"build failed in {project}:\n{stderr.decode(errors='replace')}")
    own = json.loads(timings.read_text()) if timings else {}
    # ru_maxrss is in kilobytes on Linux.
    return Build(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, own)


IMPORT_CORE = """
import time, mkdocs.plugins, mkdocs.structure.files, mkdocs.exceptions, jinja2, markdown, yaml, material
start = time.process_time()
import knowledge_bank.catalog, knowledge_bank.loader, knowledge_bank.problems, knowledge_bank.reference
import knowledge_bank.render, knowledge_bank.timings
print(time.process_time() - start)
"""


def import_cpu(repeat: int = 3) -> float:
    """CPU time to import the core (pydantic, pycountry…) after what MkDocs imports anyway: part of the own code."""
    env = {**ENV, "PYTHONPATH": str(ROOT / "hooks")}
    runs = [
        float(subprocess.run([sys.executable, "-c", IMPORT_CORE], env=env, capture_output=True, text=True).stdout)
        for _ in range(repeat)
    ]
    return min(runs)


def best(builds: list[Build]) -> Build:
    """The run with the least CPU time: on a shared machine, the one least disturbed."""
    return min(builds, key=lambda b: b.cpu)


def make_baseline(project: Path, out: Path) -> int:
    """A plain MkDocs + Material site of the published entries' bodies and the hand-written pages."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    for page in (project / "docs").glob("*.md"):
        shutil.copy2(page, docs / page.name)
    count = 0
    for kind in ("rounds", "lessons"):
        (docs / kind).mkdir()
        for source in sorted((project / kind).glob("*.md")):
            text = source.read_text(encoding="utf-8")
            if "\npublished: true\n" not in text:
                continue
            title = TITLE.search(text).group(1)  # type: ignore[union-attr]
            (docs / kind / source.name).write_text(f"# {title}\n\n" + FRONT_MATTER.sub("", text), encoding="utf-8")
            count += 1
    # The project's own configuration (theme, palette, features, Markdown extensions), less what is the
    # project's code: the hooks and the theme overrides; entries out of the navigation. With Material's
    # search as the site had it before Pagefind: four languages stemmed.
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "extra_javascript", "extra_css"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["theme"]["features"] = [*config["theme"].get("features", []), "search.suggest", "search.highlight"]
    config["plugins"] = [
        {"search": {"lang": ["en", "es", "pt", "fr"], "pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}
    ]
    config["nav"] = [{"Home": "index.md"}] + [
        {page.stem.capitalize(): page.name} for page in sorted(docs.glob("*.md")) if page.name != "index.md"
    ]
    config["not_in_nav"] = "/rounds/\n/lessons/\n"
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count


def gz(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def output_sizes(site: Path, baseline: Path) -> dict[str, object]:
    """Total size, the largest listing page and the largest other page, catalog, Material's search index
    (of the baseline) and the Pagefind bundle."""
    pages = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    listing = max((p for p in pages if LISTING.match(p[0])), key=lambda p: p[1])
    other = max((p for p in pages if not LISTING.match(p[0])), key=lambda p: p[1])
    return {
        "total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "pages": len(pages),
        "listing_pages": sum(1 for p in pages if LISTING.match(p[0])),
        "largest_listing": listing,
        "largest_other": other,
        "catalog": gz(site / "catalog.json"),
        "search_index": gz(baseline / "search" / "search_index.json"),
        "pagefind_bundle": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuild(project: Path, dirty: bool, edits: int = 2) -> float:
    """Seconds ``mkdocs serve`` takes to rebuild after one entry is edited (the least of ``edits`` edits)."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    child = subprocess.Popen(
        command + (["--dirty"] if dirty else []), cwd=project, env=ENV, stderr=subprocess.PIPE, text=True
    )
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    times: list[float] = []
    try:

        def wait_built() -> float:
            for line in child.stderr:  # type: ignore[union-attr]
                if match := built.search(line):
                    return float(match.group(1))
            sys.exit("mkdocs serve stopped")

        wait_built()
        target = sorted((project / "rounds").glob("*.md"))[len(times)]
        for i in range(edits):
            time.sleep(1.5)
            with target.open("a", encoding="utf-8") as out:
                out.write(f"\nEdited once more ({i}).\n")
            times.append(wait_built())
    finally:
        child.terminate()
        child.wait(timeout=30)
    return min(times)


def machine() -> str:
    cpu = "unknown CPU"
    if Path("/proc/cpuinfo").exists():
        names = re.findall(r"^model name\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(), re.M)
        if names:
            cpu = f"{names[0]}, {len(names)} logical CPUs"
    memory = ""
    if Path("/proc/meminfo").exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    import material
    import mkdocs

    return (
        f"{cpu}{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"MkDocs {mkdocs.__version__}, Material {material.__version__ if hasattr(material, '__version__') else '?'}"
    )


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 * 10 else f"{n / 1024 / 1024:,.1f} MB"


def an_entry(site: Path) -> str:
    """The address of one published entry page of the site."""
    return next(f"rounds/{p.name}/" for p in sorted((site / "rounds").iterdir()) if p.name != "page" and p.is_dir())


def measure(n: int, work: Path, repeat: int, query: str, lighthouse: bool) -> dict[str, object]:
    project, baseline = work / f"kb-{n}", work / f"baseline-{n}"
    counts = make_site(n, project)
    published = make_baseline(project, baseline)
    site, base_site, timings = work / f"site-{n}", work / f"baseline-site-{n}", work / f"timings-{n}.json"
    one_site, one_timings = work / f"site-one-{n}", work / f"timings-one-{n}.json"
    (project / ONE_LANGUAGE).write_text("INHERIT: mkdocs.yml\nextra:\n  kb_languages: [en]\n", encoding="utf-8")
    (baseline / NO_SEARCH).write_text("INHERIT: mkdocs.yml\nplugins: []\n", encoding="utf-8")
    runs, one_runs, base_runs, bare_runs = [], [], [], []
    for _ in range(repeat):  # interleaved, so that a noisy moment hits all four
        runs.append(run_build(project, site, timings))
        one_runs.append(run_build(project, one_site, one_timings, ONE_LANGUAGE))
        base_runs.append(run_build(baseline, base_site))
        bare_runs.append(run_build(baseline, work / f"baseline-bare-site-{n}", config=NO_SEARCH))
    ours, one, base, bare = best(runs), best(one_runs), best(base_runs), best(bare_runs)
    one_pagefind = one.own.get("pagefind (cpu)", 0.0)
    ours.own["import the core"] = import_cpu()
    own_events = sum(v for k, v in ours.own.items() if k.startswith("event ")) + ours.own["import the core"]
    sizes = output_sizes(site, base_site)
    entry = an_entry(site)
    search = search_costs(site, base_site, query, entry)
    pagefind_seconds = ours.own.pop("pagefind (wall)", 0.0)
    pagefind_cpu = ours.own.pop("pagefind (cpu)", 0.0)
    glance = at_a_glance.measure(project, site, ours.cpu)  # the map, the flows and the statistics
    result = {
        "at_a_glance": glance,
        "n": n,
        "published": published,
        "counts": counts,
        "build": ours.__dict__,
        "baseline": base.__dict__,
        "own_cpu": own_events,
        "own_share": own_events / ours.cpu,
        "ratio_cpu": ours.cpu / base.cpu,
        "ratio_cpu_without_pagefind": (ours.cpu - pagefind_cpu) / base.cpu,
        "one_language": one.__dict__,
        "one_ratio_cpu": one.cpu / base.cpu,  # the same pages as the baseline: one interface
        "one_ratio_cpu_without_pagefind": (one.cpu - one_pagefind) / base.cpu,
        "one_pagefind_cpu": one_pagefind,
        # Each without its search: the site without Pagefind's indexing, plain MkDocs without Material's search plugin.
        "baseline_without_search": bare.__dict__,
        "one_ratio_cpu_each_without_search": (one.cpu - one_pagefind) / bare.cpu,
        "four_to_one": ours.cpu / one.cpu,
        "one_ms_per_entry": one.cpu / n * 1000,
        "ratio_wall": ours.wall / base.wall,
        "cpu_ms_per_entry": ours.cpu / n * 1000,
        "sizes": sizes,
        "search": search,
        "pagefind_seconds": pagefind_seconds,
        "pagefind_cpu": pagefind_cpu,
        "pagefind_share": pagefind_seconds / ours.wall,
        "lighthouse": lighthouse_scores(site, ["", entry, "explore/"]) if lighthouse else {},
        "runs": [r.__dict__ for r in runs],
        "baseline_runs": [r.__dict__ for r in base_runs],
        "one_language_runs": [r.__dict__ for r in one_runs],
    }
    print(json.dumps(result, indent=1, default=str), flush=True)
    return result


PAGE_NAMES = {"": "home", "explore/": "Explore"}
OWN_PARTS = ("import the core", "load and validate", "catalog and facets", "render generated pages")  # then the rest


def table(results: list[dict], serve: dict[str, float]) -> str:
    cols = [f"{r['n']:,} entries" for r in results]
    first = results[0]["cpu_ms_per_entry"]

    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    rows = [
        row("", cols),
        "|---|" + "---:|" * len(cols),
        row("published entries", [f"{r['published']:,}" for r in results]),
        row(
            "build in English only, CPU (wall)",
            [f"{r['one_language']['cpu']:.1f} s ({r['one_language']['wall']:.1f} s)" for r in results],
        ),
        row(
            "· ratio to plain MkDocs, CPU: with / without Pagefind's indexing (its CPU)",
            [
                f"{r['one_ratio_cpu']:.2f}× / {r['one_ratio_cpu_without_pagefind']:.2f}× ({r['one_pagefind_cpu']:.1f} s)"
                for r in results
            ],
        ),
        row(
            "· each without its search: the site without Pagefind's indexing to plain MkDocs without its search plugin",
            [
                f"{r['one_ratio_cpu_each_without_search']:.2f}× ({r['baseline_without_search']['cpu']:.1f} s)"
                for r in results
            ],
        ),
        row(
            "· load and validate / render the generated pages / Pagefind / MkDocs, the theme and the rest, CPU",
            [
                " / ".join(
                    f"{v:.1f}"
                    for v in (
                        r["one_language"]["own"]["load and validate"],
                        r["one_language"]["own"]["render generated pages"],
                        r["one_pagefind_cpu"],
                        r["one_language"]["cpu"]
                        - r["one_pagefind_cpu"]
                        - r["one_language"]["own"]["load and validate"]
                        - r["one_language"]["own"]["render generated pages"],
                    )
                )
                + " s"
                for r in results
            ],
        ),
        row(
            "· CPU per entry (vs smallest N)",
            [
                f"{r['one_ms_per_entry']:.1f} ms ({r['one_ms_per_entry'] / results[0]['one_ms_per_entry']:.2f}×)"
                for r in results
            ],
        ),
        row(
            "build in four languages, CPU (wall)",
            [f"{r['build']['cpu']:.1f} s ({r['build']['wall']:.1f} s)" for r in results],
        ),
        row("· four languages to one, CPU", [f"{r['four_to_one']:.2f}×" for r in results]),
        row(
            "plain MkDocs + Material, CPU (wall)",
            [f"{r['baseline']['cpu']:.1f} s ({r['baseline']['wall']:.1f} s)" for r in results],
        ),
        row(
            "· four languages to plain, CPU (wall)",
            [f"{r['ratio_cpu']:.2f}× ({r['ratio_wall']:.2f}×)" for r in results],
        ),
        row(
            "· the same without Pagefind's indexing (its CPU)",
            [f"{r['ratio_cpu_without_pagefind']:.2f}× ({r['pagefind_cpu']:.1f} s)" for r in results],
        ),
        row(
            "own code, CPU (share of build)",
            [f"{r['own_cpu']:.2f} s ({100 * r['own_share']:.1f} %)" for r in results],
        ),
        row(
            "· import / load and validate / catalog / render / the rest",
            [
                " / ".join(
                    f"{v:.2f}"
                    for v in (
                        *(r["build"]["own"][part] for part in OWN_PARTS),
                        r["own_cpu"] - sum(r["build"]["own"][part] for part in OWN_PARTS),
                    )
                )
                + " s"
                for r in results
            ],
        ),
        row(
            "CPU per entry (vs smallest N)",
            [f"{r['cpu_ms_per_entry']:.1f} ms ({r['cpu_ms_per_entry'] / first:.2f}×)" for r in results],
        ),
        row("peak memory", [f"{r['build']['peak_mb']:.0f} MB" for r in results]),
        row(
            "output: total (HTML pages, of which listings)",
            [f"{kb(r['sizes']['total'])} ({r['sizes']['pages']:,}, {r['sizes']['listing_pages']:,})" for r in results],
        ),
        row(
            "largest listing page",
            [f"{kb(r['sizes']['largest_listing'][1])} `{r['sizes']['largest_listing'][0]}`" for r in results],
        ),
        row(
            "largest other page",
            [f"{kb(r['sizes']['largest_other'][1])} `{r['sizes']['largest_other'][0]}`" for r in results],
        ),
        row(
            "`catalog.json` raw / gzip (gzip per entry)",
            [
                f"{kb(r['sizes']['catalog'][0])} / {kb(r['sizes']['catalog'][1])} "
                f"({r['sizes']['catalog'][1] / r['published']:.0f} B)"
                for r in results
            ],
        ),
        row(
            "Pagefind: indexing, wall (share of the build's wall); bundle",
            [
                f"{r['pagefind_seconds']:.1f} s ({100 * r['pagefind_share']:.0f} %); {kb(r['sizes']['pagefind_bundle'])}"
                for r in results
            ],
        ),
        row(
            "first view without searching, home / an entry: all bytes (of which search)",
            [
                f"{kb(s['view_home']['bytes'])} ({s['view_home']['search_bytes']:,} B) / "
                f"{kb(s['view_entry']['bytes'])} ({s['view_entry']['search_bytes']:,} B)"
                for s in (r["search"] for r in results)
            ],
        ),
        row(
            "· the same, home page, Material's search (baseline)",
            [
                f"{kb(s['material_view_home']['bytes'])} ({kb(s['material_view_home']['search_bytes'])})"
                for s in (r["search"] for r in results)
            ],
        ),
        row(
            "first query until results painted: bytes (requests)",
            [f"{kb(r['search']['query']['bytes'])} ({r['search']['query']['requests']})" for r in results],
        ),
        row(
            "· Material's search: what it downloads for a first query, all on page load (its index raw / gzip)",
            [
                f"{kb(r['search']['material_view_home']['search_bytes'])} "
                f"({kb(r['sizes']['search_index'][0])} / {kb(r['sizes']['search_index'][1])})"
                for r in results
            ],
        ),
        row(
            "typing → results painted at 400 kbit/s, 400 ms: Pagefind / Material (ratio)",
            [
                f"{r['search']['query_slow']['seconds']:.1f} s / {r['search']['material_query_slow']['seconds']:.1f} s "
                f"({r['search']['material_query_slow']['seconds'] / r['search']['query_slow']['seconds']:.0f}×)"
                for r in results
            ],
        ),
        row(
            "· unthrottled: Pagefind / Material",
            [
                f"{r['search']['query']['seconds']:.2f} s / {r['search']['material_query']['seconds']:.2f} s"
                for r in results
            ],
        ),
    ]
    text = "\n".join(rows)
    audited = [r for r in results if r["lighthouse"]]
    for r in audited:
        text += "\n\n" + "\n".join(
            [
                f"| Lighthouse, mobile, at {r['n']:,} entries (median of 3) | performance | accessibility "
                "| best practices | SEO |",
                "|---|---:|---:|---:|---:|",
                *(
                    f"| {PAGE_NAMES.get(path, 'an entry')} `/{path}` | "
                    + " | ".join(f"{score[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo"))
                    + " |"
                    for path, score in r["lighthouse"].items()
                ),
            ]
        )
    if serve:
        text += "\n\n" + "\n".join(
            [
                f"| `mkdocs serve` at {serve['n']:,} entries: rebuild after editing one entry | seconds |",
                "|---|---:|",
                f"| `mkdocs serve` | {serve['plain']:.1f} s |",
                f"| `mkdocs serve --dirty` (`python3 tasks.py serve`) | {serve['dirty']:.1f} s |",
            ]
        )
    return text


def targets(results: list[dict], serve: dict[str, float]) -> str:
    """The issue's targets, each with the figure measured in this run and whether it is met."""
    by_n = {r["n"]: r for r in results}
    small, large = by_n[min(by_n)], by_n[max(by_n)]
    mid = by_n.get(1000, large)
    rows = ["| target | measured | met |", "|---|---|:-:|"]

    def add(target: str, measured: str, met: bool) -> None:
        rows.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    add(
        f"build in one language ≤ 1.5 × plain MkDocs at {mid['n']:,}, CPU: with Pagefind's indexing / without",
        f"{mid['one_ratio_cpu']:.2f}× / {mid['one_ratio_cpu_without_pagefind']:.2f}× (each without its search: "
        f"{mid['one_ratio_cpu_each_without_search']:.2f}×)",
        mid["one_ratio_cpu"] <= 1.5,
    )
    add(
        f"four languages ≤ 2.5 × one language at {mid['n']:,}, CPU",
        f"{mid['four_to_one']:.2f}×",
        mid["four_to_one"] <= 2.5,
    )
    per_entry = large["cpu_ms_per_entry"] / small["cpu_ms_per_entry"]
    add(
        f"time per entry at {large['n']:,} ≤ 1.2 × at {small['n']:,}",
        f"{per_entry:.2f}× ({large['cpu_ms_per_entry']:.1f} vs {small['cpu_ms_per_entry']:.1f} ms)",
        per_entry <= 1.2,
    )
    growth = large["sizes"]["largest_other"][1] / small["sizes"]["largest_other"][1]
    add(
        "no page but listings grows with N",
        f"largest other page {kb(small['sizes']['largest_other'][1])} at {small['n']:,}, "
        f"{kb(large['sizes']['largest_other'][1])} at {large['n']:,} ({growth:.2f}×)",
        growth <= 1.1,
    )
    listing = large["sizes"]["largest_listing"][1]
    add(f"no listing page > 500 KB at {large['n']:,}", kb(listing), listing <= 500 * 1024)
    peak = large["build"]["peak_mb"]
    add(f"peak memory ≤ 1 GB at {large['n']:,}", f"{peak:.0f} MB", peak <= 1024)
    worst = max(r["sizes"]["catalog"][1] / r["published"] for r in results)
    add("`catalog.json` ≤ 350 B per entry gzip", f"at most {worst:.0f} B", worst <= 350)
    views = max(r["search"][v]["search_bytes"] for r in results for v in ("view_home", "view_entry"))
    add("a first page view that does not search downloads 0 bytes of search", f"{views:,} B", views == 0)
    for r in results:
        if r["n"] in (1000, 4000):
            limit = 250 if r["n"] == 1000 else 400
            got = r["search"]["query"]["bytes"]
            add(
                f"first results ≤ {limit} KB gzip at {r['n']:,}",
                f"{kb(got)} in {r['search']['query']['requests']} requests",
                got <= limit * 1024,
            )
    slow = by_n.get(1000)
    if slow:
        ours, material = slow["search"]["query_slow"]["seconds"], slow["search"]["material_query_slow"]["seconds"]
        add("typing → results ≤ 6 s at 400 kbit/s, 1,000 entries", f"{ours:.1f} s", ours <= 6)
        add(
            "≥ 5× faster than Material's search, same run",
            f"{material / ours:.0f}× ({material:.1f} s)",
            material >= 5 * ours,
        )
    for r in results:
        for path, score in r["lighthouse"].items():
            add(
                f"Lighthouse mobile, {PAGE_NAMES.get(path, 'an entry')} at {r['n']:,}: performance ≥ 95, the rest 100",
                " / ".join(f"{score[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo")),
                score["performance"] >= 95 and min(score[c] for c in ("accessibility", "best-practices", "seo")) == 100,
            )
    if serve:
        add(
            f"`mkdocs serve` rebuild after one edit at {serve['n']:,} ≤ 5 s",
            f"{serve['dirty']:.1f} s with `--dirty` (`python3 tasks.py serve`); {serve['plain']:.1f} s without",
            serve["dirty"] <= 5,
        )
    return "\n".join(rows)


def write_page(text: str, command: str) -> None:
    page = PERFORMANCE_PAGE.read_text(encoding="utf-8")
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    block = f"{START}\nMeasured {stamp} on {machine()}, with `{command}`.\n\n{text}\n{END}"
    if START not in page:
        sys.exit(f"{PERFORMANCE_PAGE} has no {START} … {END} markers")
    head, rest = page.split(START, 1)
    PERFORMANCE_PAGE.write_text(head + block + rest.split(END, 1)[1], encoding="utf-8")
    print(f"wrote the table into {PERFORMANCE_PAGE.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each site at each size (the least CPU wins)")
    parser.add_argument("--repeat-largest", type=int, default=2, help="builds at the largest size")
    parser.add_argument("--serve-size", type=int, default=1000, help="entries for the serve rebuild (0: skip)")
    parser.add_argument("--lighthouse-size", type=int, default=1000, help="entries for Lighthouse (0: skip)")
    parser.add_argument("--query", default="registry", help="the first full-text query")
    parser.add_argument("--keep", type=Path, help="keep the generated projects and sites in this folder")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    command = "python3 tasks.py bench" + ("" if len(sys.argv) == 1 else " " + " ".join(sys.argv[1:]))
    work = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        largest = max(args.sizes)
        results = [
            measure(
                n,
                work,
                args.repeat_largest if n == largest and len(args.sizes) > 1 else args.repeat,
                args.query,
                lighthouse=n == args.lighthouse_size,
            )
            for n in sorted(args.sizes)
        ]
        serve: dict[str, float] = {}
        if args.serve_size:
            project = work / f"kb-serve-{args.serve_size}"
            make_site(args.serve_size, project)
            serve = {
                "n": args.serve_size,
                "plain": serve_rebuild(project, dirty=False),
                "dirty": serve_rebuild(project, dirty=True),
            }
            print(json.dumps(serve), flush=True)
        text = table(results, serve) + "\n\n" + targets(results, serve)
        text += "\n\n" + at_a_glance.table(
            [r["at_a_glance"] for r in results if r["n"] >= 1000] or [r["at_a_glance"] for r in results]
        )
        print(text)
        out = ROOT / "benchmarks" / "out"
        out.mkdir(exist_ok=True)
        (out / "scale.json").write_text(json.dumps({"results": results, "serve": serve}, indent=1, default=str))
        if not args.no_write:
            write_page(text, command)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
