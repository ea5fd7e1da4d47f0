"""What the search costs a visitor, measured in Chromium against a site served with gzip, as a real host serves it.

    .venv/bin/python benchmarks/search_cost.py SITE [--baseline BASELINE_SITE] [--query registry]

- **A first page view that does not search**: every byte the server sends for the home page and an entry
  page (HTML, CSS, scripts, and whatever the page fetches by itself), and how many of them are the search's
  (``/pagefind/``, ``assets/javascripts/search/``; on Material's site ``search/search_index.json``, its worker
  and the lunr scripts).
- **A first query**: a visitor opens the home page and, once it has loaded, types the query into the search
  box; the bytes and requests from the first keystroke until the first results are painted, and the time it
  takes with the network throttled to 400 kbit/s and 400 ms of latency (Chrome DevTools Protocol). The same
  on Material's search (the baseline site), whose worker starts downloading the whole index as the page
  opens.

Bytes are counted by the server itself: the gzip-compressed bytes of text files (HTML, CSS, JavaScript,
JSON, SVG, XML), Pagefind's already-compressed index files and WebAssembly as stored.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TEXT = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".csv"}
SEARCH_PATHS = ("pagefind/", "assets/javascripts/search/", "search/", "assets/javascripts/workers/", "lunr/")
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
OURS_DONE = (
    "/^(\\d[\\d,]* results?|No results)$/.test(document.querySelector('.md-search-result__meta')?.textContent.trim())"
)
MATERIAL_DONE = "/matching document/.test(document.querySelector('.md-search-result__meta')?.textContent)"


@dataclass
class Sent:
    """What the server sent: (path, bytes) for every response."""

    responses: list[tuple[str, int]] = field(default_factory=list)

    def since(self, mark: int) -> list[tuple[str, int]]:
        return self.responses[mark:]

    @staticmethod
    def total(responses: list[tuple[str, int]], search_only: bool = False) -> int:
        return sum(size for path, size in responses if not search_only or is_search(path))


def is_search(path: str) -> bool:
    path = path.lstrip("/")
    return path.startswith(SEARCH_PATHS) or "/lunr/" in path or "/workers/" in path


@functools.lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: int) -> bytes:
    """A text file compressed once (a host compresses ahead or caches): the time measured is the network's."""
    return gzip.compress(path.read_bytes(), compresslevel=6)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text, as GitHub Pages, Netlify or nginx serve them; counts what it sends."""

    sent: Sent

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: C901 - the standard library's, with gzip
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        compress = path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        data = _gzipped(path, path.stat().st_mtime_ns) if compress else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.sent.responses.append((self.path.split("?")[0], len(data)))
        return io.BytesIO(data)


@contextlib.contextmanager
def gzip_server(folder: Path) -> Iterator[tuple[str, Sent]]:
    """Serve ``folder`` on 127.0.0.1 with gzip; yields its address and the record of what it sent."""
    sent = Sent()
    handler = type("Handler", (_Handler,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", sent
    finally:
        server.shutdown()
        server.server_close()


def _context(browser, slow: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW)
    return context, page


def first_view(browser, url: str, sent: Sent, path: str) -> dict[str, int]:
    """Bytes of one first page view that does not search (the page, and everything it fetches on its own)."""
    context, page = _context(browser, slow=False)
    mark = len(sent.responses)
    page.goto(url + path, timeout=600_000)
    page.wait_for_load_state("networkidle", timeout=600_000)
    page.wait_for_timeout(1500)  # anything fetched a little after the load (Material's worker) counts too
    responses = sent.since(mark)
    context.close()
    return {"bytes": Sent.total(responses), "search_bytes": Sent.total(responses, search_only=True)}


def first_query(browser, url: str, sent: Sent, query: str, material: bool, slow: bool) -> dict[str, float]:
    """Open the home page, type ``query`` once it has loaded; bytes, requests and seconds to painted results."""
    context, page = _context(browser, slow)
    page.goto(url, wait_until="load", timeout=600_000)
    mark = len(sent.responses)
    start = time.monotonic()
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function(MATERIAL_DONE if material else OURS_DONE, timeout=900_000, polling="raf")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    seconds = time.monotonic() - start
    results = page.locator(".md-search-result__meta").inner_text()
    responses = sent.since(mark)
    context.close()
    return {
        "seconds": seconds,
        "bytes": Sent.total(responses, search_only=True),
        "requests": sum(1 for path, _ in responses if is_search(path)),
        "all_bytes": Sent.total(responses),
        "results": results,
    }


def search_costs(site: Path, baseline: Path | None, query: str, entry: str) -> dict[str, object]:
    """Every measure of this module for the site (and Material's search on the baseline site)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        with gzip_server(site) as (url, sent):
            out["view_home"] = first_view(browser, url, sent, "")
            out["view_entry"] = first_view(browser, url, sent, entry)
            out["query"] = first_query(browser, url, sent, query, material=False, slow=False)
            out["query_slow"] = first_query(browser, url, sent, query, material=False, slow=True)
        if baseline:
            with gzip_server(baseline) as (url, sent):
                out["material_view_home"] = first_view(browser, url, sent, "")
                out["material_query"] = first_query(browser, url, sent, query, material=True, slow=False)
                out["material_query_slow"] = first_query(browser, url, sent, query, material=True, slow=True)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--query", default="registry")
    parser.add_argument("--entry", default="lessons/red-calle/")
    args = parser.parse_args()
    for name, value in search_costs(args.site, args.baseline, args.query, args.entry).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
