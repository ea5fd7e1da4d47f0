"""Benchmark of /explore/: the time from a facet click to updated results, in headless Chromium.

    .venv/bin/python benchmarks/explore.py            # 5,000 synthetic entries, 60 clicks
    .venv/bin/python benchmarks/explore.py --entries 20000 --clicks 100

Builds the site once from the repository (mkdocs build), then serves it on 127.0.0.1 twice: with
its own catalog.json (the baseline, a dozen entries) and with a synthetic catalog.json of
``--entries`` entries. In each, it clicks facet checkboxes (on and off, across countries, phases,
SDGs, keywords and years) and measures in the page, with performance.now():

- "updated": from the click to the end of the change handler, when the counts and the first page
  of results are in the DOM (the handler is synchronous);
- "painted": from the click to the end of the first frame after it (style, layout and paint
  included; the page sets its address just after that frame).

The large catalog is measured twice: with the long facets folded (as the page opens) and with
every value of every facet on screen. It prints the median and 90th percentile of each, and the
ratio to the baseline. Not a test: the
numbers depend on the machine. Needs the test extra (playwright) and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from knowledge_bank.exports import CatalogFile  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
AMERICAS = (
    "AR BO BR CL CO CR CU DO EC SV GT HN HT JM MX NI PA PY PE TT UY VE BS BB BZ CA US GY SR LC GD VC KN AG DM".split()
)
PARTNERS = "ES IT DE FR PT JP KR".split()
WORDS = (
    "care cash transfer registry social protection pension disability childhood youth employment "
    "health nutrition school feeding housing water gender indigenous rural urban migrant monitoring "
    "evaluation targeting payments digital interoperability grievance shock disaster climate insurance "
    "labour skills training municipal community women older persons caregivers families poverty"
).split()

# The frame callback is registered before the click, so it runs first in the next frame and its
# timer fires right after that frame is painted (before the page's own deferred address update).
CLICK = """async selector => {
    const box = document.querySelector(selector)
    const painted = new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))
    const start = performance.now()
    box.click()
    const updated = performance.now()
    await painted
    return [updated - start, performance.now() - start]
}"""


def build_site(out: Path) -> Path:
    """The repository's site, built once into ``out``."""
    project = out / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "vocabularies", "rounds", "lessons"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / "hooks").symlink_to(ROOT / "hooks")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out / "site")], cwd=project, env=env, check=True
    )
    return out / "site"


def synthetic_catalog(real: CatalogFile, n: int, seed: int = 7) -> str:
    """A catalog.json of ``n`` entries with realistic spreads: ~40 countries, 17 SDGs, 5 phases,
    ~600 keywords (a few common, most rare), 300 institutions, 17 years."""
    rng = random.Random(seed)
    from knowledge_bank.countries import CountryResolver

    resolver = CountryResolver()
    codes = AMERICAS + PARTNERS
    countries = {c: resolver.by_code(c).names for c in codes}
    keywords = list(dict.fromkeys(" ".join(rng.sample(WORDS, 2)).capitalize() for _ in range(800)))[:600]
    institutions = [
        f"Ministry of {' '.join(rng.sample(WORDS, 2))} of {countries[rng.choice(codes)]['en']}" for _ in range(300)
    ]
    phases = list(real.phases)
    entries = []
    for i in range(n):
        kind = rng.choice(["round", "lesson"])
        date = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(17 * 365))
        chosen = rng.sample(AMERICAS, rng.randint(1, 3)) + (rng.sample(PARTNERS, 1) if rng.random() < 0.2 else [])
        roles = ["beneficiary", "cooperating"] if kind == "round" else ["action"]
        entries.append(
            {
                "kind": kind,
                "slug": f"entry-{i:05d}",
                "url": f"{kind}s/entry-{i:05d}/",
                "title": " ".join(rng.sample(WORDS, 6)).capitalize() + f" ({i})",
                "summary": " ".join(rng.choices(WORDS, k=45)).capitalize() + ".",
                "date": date.isoformat(),
                "language": rng.choice(["en", "es", "pt", "fr"]),
                "phase": rng.choice(phases),
                "sdgs": sorted(rng.sample(range(1, 18), rng.randint(1, 4))),
                "keywords": list(
                    dict.fromkeys(
                        keywords[min(int(rng.paretovariate(0.8)), len(keywords)) - 1] for _ in range(rng.randint(2, 6))
                    )
                ),
                "countries": [
                    {"code": c, "name": countries[c]["en"], "roles": [roles[min(j, len(roles) - 1)]]}
                    for j, c in enumerate(chosen)
                ],
                "institutions": rng.sample(institutions, rng.randint(1, 3)),
            }
        )
    entries.sort(key=lambda e: e["date"], reverse=True)
    used = sorted({k for e in entries for k in e["keywords"]})
    from knowledge_bank.catalog import keyword_slug

    data = {
        "generated": entries[0]["date"],
        "countries": countries,
        "phases": real.phases,
        "sdgs": real.sdgs,
        "keywords": {keyword_slug(k): {"label": k, "spellings": [k]} for k in used},
        "entries": entries,
    }
    return CatalogFile.model_validate(data).model_dump_json(exclude_none=True)  # validated like the real one


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def measure(browser, url: str, clicks: int, unfold: bool, warmup: int = 5) -> tuple[list[float], list[float], int]:
    """(updated, painted) times in ms of ``clicks`` facet clicks, after ``warmup`` unmeasured ones;
    with ``unfold``, every value of every facet is on screen (the worst case)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "explore/")
    page.wait_for_selector(".kb-explore__list > li")
    if unfold:
        for button in page.locator(".kb-facet__more").all():
            button.click()
    boxes = page.eval_on_selector_all(
        "fieldset[data-facet]:not([data-facet=kind]) input",
        'inputs => inputs.map(i => `fieldset[data-facet=${i.name}] input[value="${i.value}"]`)',
    )
    entries = page.locator(".kb-explore__status").inner_text()
    rng = random.Random(11)
    picks = [rng.choice(boxes[:40]) for _ in range(warmup + clicks)]  # the commonest values, toggled on and off
    updated, painted = [], []
    for i, selector in enumerate(picks):
        if page.locator(selector).is_disabled():
            page.evaluate("() => document.querySelector('.kb-explore__clear').click()")
        u, p = page.evaluate(CLICK, selector)
        if i >= warmup:
            updated.append(u)
            painted.append(p)
    page.close()
    return updated, painted, int("".join(ch for ch in entries.split(" entr")[0] if ch.isdigit()) or 0)


def summary(name: str, values: list[float], baseline: list[float] | None = None) -> str:
    median = statistics.median(values)
    p90 = statistics.quantiles(values, n=10)[-1]
    ratio = f"  ({median / statistics.median(baseline):.1f}× baseline)" if baseline else ""
    return f"  {name:8} median {median:6.1f} ms   p90 {p90:6.1f} ms{ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--clicks", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp))
        real = CatalogFile.model_validate_json((site / "catalog.json").read_text(encoding="utf-8"))
        big = Path(tmp) / "big"
        shutil.copytree(site, big)
        (big / "catalog.json").write_text(synthetic_catalog(real, args.entries), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            results = {}
            for name, folder, unfold in (("baseline", site, False), ("large", big, False), ("unfolded", big, True)):
                httpd, url = serve(folder)
                results[name] = measure(browser, url, args.clicks, unfold)
                httpd.shutdown()
            browser.close()
    base_u, base_p, base_n = results["baseline"]
    print(f"Explore, facet click -> results updated, headless Chromium, {args.clicks} clicks each")
    print(f"baseline: the repository's catalog ({base_n} entries)")
    print(summary("updated", base_u))
    print(summary("painted", base_p))
    for name, title in (("large", "facets folded, as a visitor sees them"), ("unfolded", "every facet unfolded")):
        big_u, big_p, big_n = results[name]
        print(f"{name}: a synthetic catalog ({big_n} entries), {title}")
        print(summary("updated", big_u, base_u))
        print(summary("painted", big_p, base_p))


if __name__ == "__main__":
    main()
