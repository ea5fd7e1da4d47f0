"""Long listings are split into pages of 100 entries: every page exists, the pager's links lead to the other
pages, every published entry is listed exactly once across them, and no listing page is in the search index.

``pagination.paginate`` is checked alone first (no build); a real build of 234 lessons then checks the pages."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.pagination import PAGE_SIZE, paginate

from .helpers import make_project, run_build, search_records
from .test_build import internal_links

PUBLISHED = 230  # three pages: 100, 100, 30
HIDDEN = 4
LESSON = """---
title: Lesson number {i}
summary: What partners learnt in case {i}.
published: {published}
date: {date}
phase: implementation
sdgs: [1]
keywords: [Shared keyword]
knowledge_type: lesson-learnt
author: Example project
countries: [Chile]
added_values: [1]
---
## Description of the action
Text of case {i}.
## Experience gained
Text.
## Impacts
Text.
"""


def url_of(uri: str) -> str:
    """The address MkDocs gives a page's source file (directory URLs): ``x/index.md`` and ``x.md`` are ``x/``."""
    return uri.removesuffix(".md").removesuffix("index").rstrip("/") + "/"


def follow(url: str, link: str) -> str:
    """The address a relative ``link`` on the page at ``url`` leads to ("" is the site root)."""
    assert not link.startswith("/") and "://" not in link, "links stay relative, so the site works under any base path"
    target = posixpath.normpath(posixpath.join(url, link))
    return "" if target == "." else target + "/"


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(0, [0]), (1, [1]), (PAGE_SIZE, [PAGE_SIZE]), (PAGE_SIZE + 1, [PAGE_SIZE, 1]), (230, [100, 100, 30])],
)
def test_paginate_splits_a_listing_into_pages_of_the_page_size_in_order(count, sizes):
    entries = tuple(range(count))
    pages = paginate(entries, "rounds/index.md", depth=1)
    assert [len(p.entries) for p in pages] == sizes
    assert tuple(e for p in pages for e in p.entries) == entries
    assert [p.number for p in pages] == list(range(1, len(sizes) + 1))
    assert {p.count for p in pages} == {len(sizes)}


@pytest.mark.parametrize(
    ("first", "depth", "uris"),
    [
        ("rounds/index.md", 1, ["rounds/index.md", "rounds/page/2.md", "rounds/page/3.md"]),
        ("keywords/care.md", 2, ["keywords/care.md", "keywords/care/page/2.md", "keywords/care/page/3.md"]),
    ],
)
def test_further_pages_live_below_the_first_and_link_each_other_and_the_root(first, depth, uris):
    pages = paginate(tuple(range(7)), first, depth=depth, size=3)
    assert [p.uri for p in pages] == uris
    for page_ in pages:
        here = url_of(page_.uri)
        assert here.count("/") == depth + (2 if page_.number > 1 else 0)
        assert follow(here, page_.root) == ""
        assert [follow(here, page_.href(n)) for n in (1, 2, 3)] == [url_of(uri) for uri in uris]


def test_an_empty_listing_is_one_page_without_pager_links():
    [only] = paginate((), "phases/evaluation.md", depth=2)
    assert (only.uri, only.entries, only.number, only.count) == ("phases/evaluation.md", (), 1, 1)
    assert follow("phases/evaluation/", only.root) == ""
    assert follow("phases/evaluation/", only.href(1)) == "phases/evaluation/"


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("paged")
    lessons = tmp / "content" / "lessons"
    lessons.mkdir(parents=True)
    start = dt.date(2020, 1, 1)
    for i in range(PUBLISHED + HIDDEN):
        published = "false" if i < HIDDEN else "true"
        date = start + dt.timedelta(days=i)
        (lessons / f"lesson-{i:03d}.md").write_text(LESSON.format(i=i, published=published, date=date.isoformat()))
    build = run_build(make_project(tmp, content=tmp / "content"))
    assert build.returncode == 0, build.output
    return build


def page(build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "lxml")


def listed(build, url: str) -> list[str]:
    """Slugs of the entries listed on the page at ``url``, resolved from their links."""
    hrefs = [a["href"] for a in page(build, url).select("ul.kb-list > li > a.kb-item__title")]
    return [posixpath.normpath(posixpath.join(url, h)).rsplit("/", 1)[-1] for h in hrefs]


def pages_of(build, first: str) -> list[str]:
    """The URLs of a listing's pages, found by following the pager's Next links from the first page."""
    urls, url = [first], first
    while nxt := page(build, url).select_one("nav.kb-pager a[rel=next]"):
        url = posixpath.normpath(posixpath.join(url, nxt["href"]))
        assert url not in urls, "the pager loops"
        urls.append(url)
    return urls


@pytest.mark.build
@pytest.mark.parametrize("first", ["lessons", "keywords/shared-keyword", "countries/chile"])
def test_a_long_listing_is_split_into_pages_that_list_every_published_entry_once(paged, first):
    urls = pages_of(paged, first)
    assert urls == [first, f"{first}/page/2", f"{first}/page/3"]
    slugs = [s for url in urls for s in listed(paged, url)]
    assert [len(listed(paged, url)) for url in urls] == [100, 100, 30]
    newest_first = [f"lesson-{i:03d}" for i in reversed(range(HIDDEN, PUBLISHED + HIDDEN))]
    assert slugs == newest_first
    assert not (paged.site / first / "page" / "4").exists()


@pytest.mark.build
def test_the_pager_links_every_page_and_marks_the_current_one(paged):
    for n, url in enumerate(["lessons", "lessons/page/2", "lessons/page/3"], start=1):
        pager = page(paged, url).select_one("nav.kb-pager")
        assert pager.select_one("[aria-current=page]").get_text() == str(n)
        targets = {a.get_text(): posixpath.normpath(posixpath.join(url, a["href"])) for a in pager.select("ul a[href]")}
        expected = {"1": "lessons", "2": "lessons/page/2", "3": "lessons/page/3"}
        assert targets == {k: v for k, v in expected.items() if k != str(n)}
        assert bool(pager.select_one("a[rel=prev]")) == (n > 1)
    assert "(page 2 of 3)" in page(paged, "lessons/page/2").select_one("h1").get_text()


@pytest.mark.build
def test_every_link_on_the_paginated_site_resolves(paged):
    broken = [
        f"{p} -> {t}"
        for p, t in internal_links(paged.site)
        if not ((paged.site / t).is_file() or (paged.site / t / "index.html").is_file())
    ]
    assert not broken, broken[:20]


@pytest.mark.build
def test_listing_pages_are_not_in_the_search_index_and_further_pages_not_in_the_navigation(paged):
    locations = set(search_records(paged.site))
    assert "lessons/lesson-100/" in locations  # entries are
    listings = ("lessons/", "lessons/page/", "keywords/", "countries/", "sdgs/", "phases/")
    assert not [loc for loc in locations if loc == "lessons/" or loc.startswith(listings[1:])]
    nav = page(paged, "").select_one("nav.md-nav--primary")
    assert not [a["href"] for a in nav.select("a[href]") if "/page/" in a["href"]]


@pytest.mark.build
def test_unpublished_entries_are_on_no_page(paged):
    html = "".join(p.read_text() for p in Path(paged.site).rglob("*.html"))
    for i in range(HIDDEN):
        assert f"Lesson number {i}<" not in html and f"lesson-{i:03d}" not in html
