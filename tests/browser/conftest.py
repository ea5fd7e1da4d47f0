"""Browser tests: the repository's content plus a few fixture entries, built once with ``mkdocs build
--strict``, served on 127.0.0.1 and driven in Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ..conftest import FIXTURES, Build, make_project, run_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@dataclass
class ServedSite:
    build: Build
    url: str


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Iterator[ServedSite]:
    """The repository's content and tests/fixtures/browser/, built once and served on 127.0.0.1.

    The port is chosen first and the site built with it as ``site_url``: Material's instant
    navigation only follows links that its sitemap lists, and the sitemap's addresses keep no port.
    """
    project = make_project(tmp_path_factory.mktemp("browser"), with_repo_content=True)
    for kind in ("rounds", "lessons"):
        extra = FIXTURES / "browser" / kind
        if extra.is_dir():
            for path in extra.iterdir():
                (shutil.copytree if path.is_dir() else shutil.copy2)(path, project / kind / path.name)
    handler = functools.partial(QuietHandler, directory=str(project / "public"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(build, url)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def site(served_site) -> Build:
    return served_site.build


@pytest.fixture(scope="session")
def server(served_site) -> str:
    """The address of the served site."""
    return served_site.url


@pytest.fixture(scope="session")
def catalog(site) -> dict:
    return json.loads((site.site / "catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What a page did besides rendering: every request, console error and uncaught exception."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_hosts(self) -> set[str]:
        return {urlsplit(url).hostname or url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"}


def open_page(browser: Browser, server: str, **context_options) -> tuple[Page, Traffic]:
    """A fresh page (own context, so no shared storage) whose traffic is recorded."""
    options = {"viewport": {"width": 1280, "height": 900}, **context_options}
    context = browser.new_context(base_url=server, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    traffic = Traffic()
    page.on("request", lambda request: traffic.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and traffic.errors.append(message.text))
    page.on("pageerror", lambda error: traffic.errors.append(f"uncaught: {error}"))
    return page, traffic


@pytest.fixture
def page(browser, server) -> Iterator[Page]:
    """A page on the served site; the test fails if the page logged an error or left the site."""
    page, traffic = open_page(browser, server)
    yield page
    page.context.close()
    assert not traffic.errors, traffic.errors
    assert not traffic.foreign_hosts(), traffic.foreign_hosts()
