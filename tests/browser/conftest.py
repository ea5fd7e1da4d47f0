"""Browser tests: the repository's content plus a few fixture entries, built once with ``mkdocs build
--strict``, served on 127.0.0.1 and driven in Debian's Chromium through Playwright."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ..helpers import FIXTURES, Build, make_project, open_page, run_build, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@dataclass
class ServedSite:
    build: Build
    url: str


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Iterator[ServedSite]:
    """The repository's content and tests/fixtures/browser/, built once and served on 127.0.0.1.

    The server starts first and the site is built with its address as ``site_url``, so that every address the
    site writes (canonical, alternates, sitemap) is the served one.
    """
    project = make_project(tmp_path_factory.mktemp("browser"), with_repo_content=True)
    for kind in ("rounds", "lessons"):
        extra = FIXTURES / "browser" / kind
        if extra.is_dir():
            for path in extra.iterdir():
                (shutil.copytree if path.is_dir() else shutil.copy2)(path, project / kind / path.name)
    with serve(project / "public") as url:
        config = project / "mkdocs.yml"
        config.write_text(
            re.sub(r"(?m)^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8")), encoding="utf-8"
        )
        build = run_build(project)
        assert build.returncode == 0, build.output
        yield ServedSite(build, url)


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


@pytest.fixture
def page(browser, server) -> Iterator[Page]:
    """A page on the served site; the test fails if the page logged an error or left the site."""
    page, traffic = open_page(browser, server)
    yield page
    page.context.close()
    assert not traffic.errors, traffic.errors
    assert not traffic.foreign_hosts(), traffic.foreign_hosts()
