"""What a visitor downloads for a first full-text query: Material's built-in search vs Pagefind.

    .venv/bin/python benchmarks/search_cost.py SITE_DIR [--query registry]

Material: its search worker loads the whole ``search/search_index.json`` plus the worker and the
lunr language scripts before it answers anything; those files are counted, gzip-compressed as a
web server would send them.

Pagefind: ``python -m pagefind --site SITE_DIR`` (PyPI ``pagefind[bin]``, which ships the binary)
indexes the built site into ``SITE_DIR/pagefind/``. A page served from that folder then runs one
query in Debian's Chromium with Pagefind's own JavaScript API (search, then the data of the first
five results, as its UI shows them); every file it requests is counted: ``.pf_*`` and wasm files
as stored (Pagefind compresses them itself), JavaScript and JSON gzip-compressed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import subprocess
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
MATERIAL_FILES = (
    "search/search_index.json",
    "assets/javascripts/workers/search.*.min.js",
    "assets/javascripts/workers/kb-search.js",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.multi.min.js",
    "assets/javascripts/lunr/min/lunr.es.min.js",
    "assets/javascripts/lunr/min/lunr.pt.min.js",
    "assets/javascripts/lunr/min/lunr.fr.min.js",
)
QUERY_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>query</title>
<script type="module">
const pagefind = await import("./pagefind.js");
const search = await pagefind.search(new URLSearchParams(location.search).get("q"));
const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
window.kbResult = {count: search.results.length, titles: data.map(d => d.meta.title)};
</script></html>"""


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def wire_bytes(path: Path) -> int:
    """Bytes on the wire: Pagefind's own files are already compressed; text is gzip-compressed."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else gzipped(data)


def material_cost(site: Path) -> dict[str, int]:
    files = [f for pattern in MATERIAL_FILES for f in site.glob(pattern)]
    return {"files": len(files), "bytes": sum(wire_bytes(f) for f in files)}


def run_pagefind(site: Path) -> float:
    """Index the built site with Pagefind; returns its wall time in seconds."""
    import time

    start = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
        check=True,
        capture_output=True,
    )
    return time.monotonic() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def pagefind_cost(site: Path, query: str) -> dict[str, object]:
    """Serve the site, run one query with Pagefind's API in Chromium, count the bytes it fetched."""
    from playwright.sync_api import sync_playwright

    bundle = site / "pagefind"
    (bundle / "kb-query.html").write_text(QUERY_PAGE, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(f"http://127.0.0.1:{server.server_port}/pagefind/kb-query.html?q={query}")
            page.wait_for_function("window.kbResult", timeout=60_000)
            result = page.evaluate("window.kbResult")
            browser.close()
    finally:
        server.shutdown()
        (bundle / "kb-query.html").unlink()
    files = [site / url.split(f":{server.server_port}/", 1)[1].split("?")[0] for url in fetched]
    files = [f for f in files if f.is_file() and f.name != "kb-query.html"]
    return {
        "files": len(files),
        "bytes": sum(wire_bytes(f) for f in files),
        "results": result["count"],
        "bundle_bytes": sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="registry")
    args = parser.parse_args()
    print("Material:", material_cost(args.site))
    print("Pagefind indexing:", f"{run_pagefind(args.site):.1f} s")
    print("Pagefind:", pagefind_cost(args.site, args.query))


if __name__ == "__main__":
    main()
