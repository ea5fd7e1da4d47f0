"""Shared test helpers: a temporary project, a real ``mkdocs build`` of it, a static server on 127.0.0.1 and a
recorded browser page.

Tests and conftest files import these from here (never from a conftest). A test that calls ``run_build`` or
``mkdocs`` must be marked ``build`` (``tests/conftest.py`` marks browser tests and users of ``repo_build``);
under ``python3 tasks.py test --fast`` both refuse to run, so an unmarked one fails instead of slowing the loop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # Playwright is imported only by the browser tests
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
FAST = "KB_TESTS_FAST"  # set by `tasks.py test --fast`: nothing may build


@dataclass
class Build:
    """The outcome of one real ``mkdocs build``."""

    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, url: str) -> str:
        """The HTML of the page at ``url`` (e.g. ``rounds/x/``)."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def content_root(tmp: Path, *contents: Path) -> Path:
    """A project root for loading without a build: the repository's vocabularies, and ``rounds/`` and
    ``lessons/`` holding those of each folder of ``contents`` (a later folder's file replaces an earlier one's)."""
    root = tmp / "root"
    shutil.copytree(ROOT / "vocabularies", root / "vocabularies")
    for kind in ("rounds", "lessons"):
        (root / kind).mkdir()
        for content in contents:
            if (content / kind).is_dir():
                shutil.copytree(content / kind, root / kind, symlinks=True, dirs_exist_ok=True)
    return root


BODIES = {
    "rounds": "## Description of the round\nText.\n## Findings\nText.\n## Recommendations\nText.\n## Further cooperation\nText.\n",
    "lessons": "## Description of the action\nText.\n## Experience gained\nText.\n## Impacts\nText.\n",
}


def write_entry(root: Path, kind: str, slug: str, fields: dict, body: str | None = None) -> Path:
    """Write ``root/kind/slug.md`` with ``fields`` as front matter (each value as JSON, which is YAML) and a body
    with the kind's sections; returns the file."""

    lines = [f"{key}: {yaml_flow(value)}" for key, value in fields.items()]
    path = root / kind / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(["---", *lines, "---", body if body is not None else BODIES[kind]]), encoding="utf-8")
    return path


def yaml_flow(value) -> str:
    """``value`` as YAML on one line: text quoted as JSON strings (JSON is YAML), field names plain, as the
    knowledge bank requires."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {yaml_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_flow(item) for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def fast_run() -> bool:
    """Whether this is ``python3 tasks.py test --fast`` (which also runs fewer property-based examples)."""
    return bool(os.environ.get(FAST))


def make_project(tmp: Path, content: Path | None = None, with_repo_content: bool = False) -> Path:
    """A project folder with the repository's configuration, docs and vocabularies, and ``content``.

    ``content`` is a folder holding ``rounds/`` and/or ``lessons/``; ``with_repo_content`` copies the
    repository's own entries instead.
    """
    project = tmp / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "vocabularies"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / "hooks").symlink_to(ROOT / "hooks")
    for kind in ("rounds", "lessons"):
        source = (ROOT if with_repo_content else content or tmp) / kind
        if source.is_dir():
            shutil.copytree(source, project / kind, symlinks=True)
        else:
            (project / kind).mkdir()
    return project


def mkdocs(*args: str) -> list[str]:
    """The command line of ``mkdocs *args``; refused under ``--fast``, where no test may build."""
    if fast_run():
        raise RuntimeError(f"`mkdocs {' '.join(args)}` in a fast run: mark this test `build` (see tests/helpers.py)")
    return [*MKDOCS, *args]


def mkdocs_env() -> dict[str, str]:
    """The environment a build runs in (without MkDocs 2's announcement)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_build(project: Path, *args: str, strict: bool = True) -> Build:
    """Run ``mkdocs build`` in ``project`` into ``project/public``."""
    site = project / "public"
    command = mkdocs("build", "-d", str(site), *(["--strict"] if strict else []), *args)
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=mkdocs_env(), timeout=300)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


def pagefind_bytes(path: Path) -> bytes:
    """A file of the Pagefind bundle as Pagefind's JavaScript reads it: gunzipped, without its signature."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.removeprefix(b"pagefind_dcd")


def search_records(site: Path) -> dict[str, dict]:
    """What the site search holds of each page it indexed, by URL relative to the site root (``lessons/x/``):
    Pagefind's fragment of the page (its text, ``meta``, ``filters`` and ``anchors``)."""
    records = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        record = json.loads(pagefind_bytes(path))
        records[urlsplit(record["url"]).path.lstrip("/")] = record
    return records


def tree_digest(folder: Path) -> dict[str, str]:
    """Path -> SHA-256 of every source file below ``folder`` (not the built ``public/``), to prove a build modified nothing."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("public/")
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` as static files on a free port of 127.0.0.1; yields the address (``http://127.0.0.1:port/``).

    The port is taken as soon as the block starts and the folder read at each request, so a site can be
    built inside the block knowing its address (as ``site_url``).
    """
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@dataclass
class Traffic:
    """What a page did besides rendering: every request, console error and uncaught exception."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_hosts(self) -> set[str]:
        return {urlsplit(url).hostname or url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"}


def open_page(browser: Browser, server: str, **context_options) -> tuple[Page, Traffic]:
    """A fresh page (own context, so no shared storage) on the site at ``server``, whose traffic is recorded."""
    options = {"viewport": {"width": 1280, "height": 900}, **context_options}
    context = browser.new_context(base_url=server, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    traffic = Traffic()
    page.on("request", lambda request: traffic.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and traffic.errors.append(message.text))
    page.on("pageerror", lambda error: traffic.errors.append(f"uncaught: {error}"))
    return page, traffic
