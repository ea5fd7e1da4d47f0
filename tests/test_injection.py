"""Payloads in every field of published entries are inert in every output of a real build."""

from __future__ import annotations

import csv
import io
import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from .helpers import make_project, run_build
from .hostile import IMG, KEYWORDS, LESSON_TITLE, SCRIPT, SUMMARY, TITLE, TITLE_BREAK, write_content

pytestmark = pytest.mark.build

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "svg", "math", "style", "base"}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp, content=write_content(tmp / "content"))
    build = run_build(project, strict=False)  # the payload headings make "missing section" warnings
    assert build.returncode == 0, build.output
    return build


def _live_markup(soup: BeautifulSoup) -> list[str]:
    """Everything in a parsed document that a payload could have turned into behaviour."""
    found = []
    for element in soup.find_all(True):
        # The site draws its own SVG (map, charts), whose <text> may hold a payload as escaped text: in an SVG,
        # look for the payload in the markup without its text nodes (a script inside is caught as a script).
        markup = re.sub(r">[^<]*<", "><", str(element)) if element.name == "svg" else str(element)
        if element.name in DANGEROUS_TAGS and "kbx" in markup:
            found.append(f"<{element.name}> {str(element)[:80]}")
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on"):
                found.append(f"{element.name} {name}={value[:60]}")
            if name in ("href", "src", "action", "formaction") and re.match(
                r"\s*(javascript|data|vbscript):", value, re.I
            ):
                found.append(f"{element.name} {name}={value[:60]}")
            if name == "id" and value.startswith("__") and element.name != "script" and "kbx" in str(element):
                found.append(f"{element.name} id={value}")
            if name == "style" and "kbx" in element.get_text():
                found.append(f"{element.name} style={value}")
    return found


def test_no_html_page_has_live_markup_from_an_entry(hostile_build):
    pages = sorted(hostile_build.site.rglob("*.html"))
    assert len(pages) > 20
    problems = {}
    for path in pages:
        found = _live_markup(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"))
        if found:
            problems[path.relative_to(hostile_build.site).as_posix()] = found
    assert problems == {}


@pytest.mark.parametrize("url", ["rounds/kbx-round/", "lessons/kbx-lesson/", "keywords/script-alert-kbx1-script/"])
def test_the_theme_title_and_meta_tags_hold_the_payload_as_text(hostile_build, url):
    soup = BeautifulSoup(hostile_build.page(url), "lxml")
    assert soup.title is not None and "kbx" in soup.title.get_text()
    assert soup.head.find("script", string=re.compile("kbx")) is None
    assert "kbx" not in "".join(str(s) for s in soup.find_all("script"))


def test_entry_page_shows_scalar_fields_as_written(hostile_build):
    soup = BeautifulSoup(hostile_build.page("rounds/kbx-round/"), "lxml")
    heading = soup.find("h1").get_text().replace("¶", "")
    assert heading.strip() == " ".join(TITLE.split())
    assert soup.find(class_="kb-summary").get_text() == SUMMARY
    facts = soup.find(class_="kb-facts").get_text()
    assert f"Ministry {SCRIPT}" in facts and f"Ministry {TITLE_BREAK}" in facts
    assert {a.get_text() for a in soup.select(".kb-chip")} >= set(KEYWORDS)


def test_body_html_is_sanitised_and_markdown_still_renders(hostile_build):
    soup = BeautifulSoup(hostile_build.page("rounds/kbx-round/"), "lxml")
    content = soup.find("article")
    assert content.find("h2", id=re.compile("^description-of-the-round")) is not None, "the body's Markdown renders"
    assert content.find("iframe") is None and content.find("details", ontoggle=True) is None
    links = [a.get("href") for a in content.find_all("a") if "kbx" in a.get_text()]
    assert all(h is None or h.startswith(("http", "#", "../", "./")) or "/" not in h for h in links), links
    assert content.find(style=re.compile("position")) is None


def test_catalog_json_holds_the_payloads_as_data(hostile_build):
    catalog = json.loads((hostile_build.site / "catalog.json").read_text(encoding="utf-8"))
    records = {r["slug"]: r for r in catalog["entries"]}
    assert records["kbx-round"]["title"] == " ".join(TITLE.split()) or records["kbx-round"]["title"] == TITLE
    assert records["kbx-round"]["summary"] == SUMMARY
    assert records["kbx-round"]["keywords"] == KEYWORDS


def test_catalog_csv_neutralises_formulas(hostile_build):
    rows = list(csv.DictReader(io.StringIO((hostile_build.site / "catalog.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 2
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "a cell would run as a formula"
    lesson = next(r for r in rows if r["slug"] == "kbx-lesson")
    assert lesson["title"] == "'" + LESSON_TITLE, "shown as written, after the quote that keeps it text"


def test_feed_is_well_formed_xml_with_payloads_as_text(hostile_build):
    raw = (hostile_build.site / "feed.xml").read_bytes()
    root = etree.fromstring(raw)  # strict XML: raises if a payload broke the document
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in root.findall("a:entry/a:title", ns)]
    assert " ".join(TITLE.split()) in titles or TITLE in titles
    assert all(len(t) == 0 for t in root.findall("a:entry/a:title", ns)), "a title became XML elements"
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    assert {e.summary for e in feed.entries} == {SUMMARY}


def test_search_index_text_is_inert_when_shown(hostile_build):
    index = json.loads((hostile_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [doc for doc in index["docs"] if "kbx" in doc["title"] + doc["text"]]
    assert hits, "the entries are searchable"
    for doc in hits:  # Material shows title and text as HTML
        for html in (doc["title"], doc["text"]):
            assert _live_markup(BeautifulSoup(html, "lxml")) == [], doc["location"]
            assert not BeautifulSoup(html, "lxml").find(["script", "img", "iframe"]), doc["location"]


def test_sitemap_is_well_formed(hostile_build):
    etree.fromstring((hostile_build.site / "sitemap.xml").read_bytes())
    assert IMG not in (hostile_build.site / "sitemap.xml").read_text(encoding="utf-8")
