"""Payloads in every field, in a real browser: Explore, entry pages and search show them as text and run nothing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..helpers import make_project, open_page, run_build, serve
from ..hostile import LESSON_TITLE, SUMMARY, write_content

# Every payload calls alert() or loads an address on evil.example; a page that ran one would show it here.
PROBE = "window.kbRan = []; window.alert = (m) => window.kbRan.push(String(m));"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-dom")
    project = make_project(tmp, content=write_content(tmp / "content"))
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


@pytest.fixture
def hostile_page(browser, hostile_server):
    page, traffic = open_page(browser, hostile_server)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(PROBE)
    yield page
    ran = page.evaluate("window.kbRan")
    page.context.close()
    assert dialogs == [] and ran == [], (dialogs, ran)
    assert not traffic.foreign_hosts(), traffic.foreign_hosts()


@pytest.mark.parametrize(
    "url", ["explore/", "explore/?text=kbx", "rounds/kbx-round/", "lessons/kbx-lesson/", "rounds/", "keywords/"]
)
def test_no_payload_runs(hostile_page, url):
    hostile_page.goto(url)
    hostile_page.wait_for_load_state("networkidle")
    assert hostile_page.locator("script:not([src])", has_text="kbx").count() == 0
    # The body's <img src=x onerror=…> keeps only its address (a file of the entry's folder, inert); no element
    # carries an event handler, and no frame is drawn.
    assert hostile_page.locator("iframe, [onerror], [onclick], [onload], [onmouseover]").count() == 0


def test_explore_shows_payloads_as_text(hostile_page):
    hostile_page.goto("explore/?text=kbx")
    items = hostile_page.locator(".kb-explore__list > li")
    expect(items).to_have_count(2)
    lesson = items.filter(has=hostile_page.locator("a", has_text="HYPERLINK"))
    # Results below the fold are laid out only once scrolled to (content-visibility: auto), a frame later: their
    # rendered text is read as a reader sees it, on screen, once it is there.
    lesson.scroll_into_view_if_needed()
    expect(lesson.locator(".kb-item__title")).to_have_text(LESSON_TITLE, use_inner_text=True)
    expect(lesson.locator(".kb-item__summary")).to_have_text(SUMMARY, use_inner_text=True)
    facets = hostile_page.locator(".kb-explore").inner_text()
    assert "<script>alert('kbx1')</script>" in facets  # the keyword, as a facet value, in letters


def test_search_results_show_payloads_as_text(hostile_page):
    hostile_page.goto("")
    box = hostile_page.locator("input.md-search__input")
    box.click()
    expect(hostile_page.locator(".md-search-result__meta")).to_have_text(re.compile("Type to start"), timeout=20_000)
    box.fill("kbx1")
    expect(hostile_page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ results?$"))
    results = hostile_page.locator(".md-search-result")
    assert "alert" in results.inner_text()
    assert results.locator("script, img, iframe").count() == 0
