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

from .helpers import make_project, run_build, search_records
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


def _inert_json_ld(element) -> bool:
    """A schema.org block: data the browser never runs, JSON that no text closed (no ``<`` in it)."""
    if element.name != "script" or element.get("type") != "application/ld+json" or "<" in (element.string or "<"):
        return False
    try:
        json.loads(element.string)
    except ValueError:
        return False
    return True


def _live_markup(soup: BeautifulSoup) -> list[str]:
    """Everything in a parsed document that a payload could have turned into behaviour."""
    found = []
    for element in soup.find_all(True):
        # The site draws its own SVG (map, charts), whose <text> may hold a payload as escaped text: in an SVG,
        # look for the payload in the markup without its text nodes (a script inside is caught as a script).
        markup = re.sub(r">[^<]*<", "><", str(element)) if element.name == "svg" else str(element)
        if element.name in DANGEROUS_TAGS and "kbx" in markup and not _inert_json_ld(element):
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


@pytest.mark.parametrize(
    "url",
    [
        "rounds/kbx-round/",
        "lessons/kbx-lesson/",
        "keywords/script-alert-kbx1-script/",
        "es/rounds/kbx-round/",  # every language's pages: their title is the entry's, from the same front matter
        "fr/rounds/kbx-round/",  # its title and summary from its translations
        "fr/lessons/kbx-lesson/",
        "pt/keywords/script-alert-kbx1-script/",
    ],
)
def test_the_theme_title_and_meta_tags_hold_the_payload_as_text(hostile_build, url):
    soup = BeautifulSoup(hostile_build.page(url), "lxml")
    assert soup.title is not None and "kbx" in soup.title.get_text()
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert "kbx" not in "".join(str(s) for s in scripts), "a payload reached a script"


def _meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta") if key in (m.get("name"), m.get("property"))]


@pytest.mark.parametrize("url", ["rounds/kbx-round/", "lessons/kbx-lesson/", "fr/rounds/kbx-round/"])
def test_head_tags_hold_the_payloads_as_attribute_text(hostile_build, url):
    html = hostile_build.page(url)
    soup = BeautifulSoup(html, "lxml")
    title = soup.find("h1").get_text().replace("¶", "").strip()
    for key in ("og:title", "twitter:title", "citation_title"):
        assert [" ".join(v.split()) for v in _meta(soup, key)] == [title], key
    for key in ("description", "og:description", "twitter:description"):
        assert _meta(soup, key) == [SUMMARY], key
    assert any("kbx" in author for author in _meta(soup, "citation_author"))
    assert all(len(m.find_all(True)) == 0 for m in soup.head.find_all("meta")), "a meta tag grew children"
    holding = [el for el in soup.head.find_all(True) if "kbx" in str(el)]
    assert holding and {el.name for el in holding} <= {"title", "meta", "script", "link"}  # link: the canonical address
    assert all(el.name != "script" or el.get("type") == "application/ld+json" for el in holding)


@pytest.mark.parametrize("url", ["rounds/kbx-round/", "lessons/kbx-lesson/"])
def test_json_ld_holds_the_payloads_as_json_strings(hostile_build, url):
    soup = BeautifulSoup(hostile_build.page(url), "lxml")
    (script,) = soup.find_all("script", type="application/ld+json")
    raw = script.string
    assert "<" not in raw and ">" not in raw, "no text can close the script element"
    data = json.loads(raw)
    assert data["description"] == SUMMARY
    assert "kbx" in data["name"] and len(soup.find_all("script", type="application/ld+json")) == 1


def test_citation_files_hold_the_payloads_as_values(hostile_build):
    import bibtexparser
    import rispy
    from bibtexparser.middlewares import LatexDecodingMiddleware

    folder = hostile_build.site / "rounds" / "kbx-round"
    library = bibtexparser.parse_string(
        (folder / "kbx-round.bib").read_text(encoding="utf-8"), append_middleware=[LatexDecodingMiddleware()]
    )
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert library.entries[0]["abstract"] == SUMMARY
    (record,) = rispy.loads((folder / "kbx-round.ris").read_text(encoding="utf-8"))
    assert record["abstract"] == SUMMARY and record["type_of_reference"] == "RPRT"
    (item,) = json.loads((folder / "kbx-round.json").read_text(encoding="utf-8"))
    assert item["abstract"] == SUMMARY


def test_the_data_package_is_valid_with_the_payloads(hostile_build):
    import frictionless

    report = frictionless.validate(hostile_build.site / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_entry_page_shows_scalar_fields_as_written(hostile_build):
    soup = BeautifulSoup(hostile_build.page("rounds/kbx-round/"), "lxml")
    heading = soup.find("h1").get_text().replace("¶", "")
    assert heading.strip() == " ".join(TITLE.split())
    assert soup.find(class_="kb-summary").get_text() == SUMMARY
    facts = soup.find(class_="kb-keyfacts").get_text() + soup.find(class_="kb-facts").get_text()
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
    """Pagefind keeps a page's text, not its markup: a payload is letters in the record (Pagefind's excerpts
    escape < and >), and the search box shows it as text (tests/browser/test_injection_dom.py)."""
    records = search_records(hostile_build.site)
    hits = {url: r for url, r in records.items() if "kbx" in json.dumps(r)}
    assert hits, "the entries are searchable"
    for url, record in hits.items():
        assert 'class="' not in record["content"] and "<dl" not in record["content"], url  # no markup of the page
    assert any("<script>alert('kbx1')</script>" in r["content"] for r in hits.values())  # the payload, as written


def test_sitemap_is_well_formed(hostile_build):
    etree.fromstring((hostile_build.site / "sitemap.xml").read_bytes())
    assert IMG not in (hostile_build.site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_translated_title_and_the_original_it_names_are_text(hostile_build):
    soup = BeautifulSoup(hostile_build.page("fr/rounds/kbx-round/"), "lxml")
    note = soup.find(class_="kb-translated")
    assert note is not None and note.find("cite").get_text() == TITLE and len(note.find_all(True)) == 1
    assert soup.find(class_="kb-summary").get_text() == SUMMARY
