"""Lighthouse's mobile scores of a built site, served with gzip, in Debian's Chromium: the median of three runs.

    .venv/bin/python benchmarks/lighthouse.py SITE [PATH ...]

Lighthouse comes from the npm registry (``npm install lighthouse`` into ``benchmarks/.cache/lighthouse/``,
done by ``python3 tasks.py bench``) and drives ``/usr/bin/chromium`` through ``CHROME_PATH``: no browser
is downloaded. Its default mobile settings (a mid-range phone, simulated slow 4G) are kept.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from search_cost import gzip_server

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def install() -> None:
    """Install Lighthouse from the npm registry into the cache folder, once."""
    if CLI.is_file():
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--prefix", str(CACHE), "lighthouse@12", "--no-audit", "--no-fund", "--silent"], check=True
    )


def run_once(url: str) -> dict[str, float]:
    done = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={FLAGS}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        timeout=300,
    )
    if done.returncode:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    return {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}


def scores(site: Path, paths: list[str], runs: int = 3) -> dict[str, dict[str, float]]:
    """Path -> category -> the median score of ``runs`` runs."""
    install()
    out = {}
    with gzip_server(site) as (url, _):
        for path in paths:
            measured = [run_once(url + path) for _ in range(runs)]
            out[path] = {name: statistics.median(m[name] for m in measured) for name in CATEGORIES}
            print(f"lighthouse {path or '/'}: {out[path]} (runs: {measured})", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*", default=["", "explore/"])
    args = parser.parse_args()
    print(json.dumps(scores(args.site, args.paths), indent=1))


if __name__ == "__main__":
    main()
