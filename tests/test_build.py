"""The repository's own content, built for real with ``mkdocs build --strict``: what a visitor gets."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import frictionless
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from knowledge_bank.exports import CatalogFile

from .helpers import ROOT, search_records


def source_entries() -> list[tuple[str, str, dict]]:
    """(kind, slug, front matter) of every entry, read straight from the files, independently of the code."""
    found = []
    for kind in ("rounds", "lessons"):
        for path in sorted((ROOT / kind).iterdir()):
            file = path / "index.md" if path.is_dir() else path
            slug = path.name if path.is_dir() else path.stem
            meta = yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])
            found.append((kind, slug, meta))
    return found


def is_public(kind: str, meta: dict) -> bool:
    return meta.get("published") is True and (kind == "lessons" or bool(meta.get("authorization")))


PUBLIC = [(k, s, m) for k, s, m in source_entries() if is_public(k, m)]
HIDDEN = [(k, s, m) for k, s, m in source_entries() if not is_public(k, m)]


def soup(build, url: str) -> BeautifulSoup:
    page = BeautifulSoup(build.page(url), "lxml")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    return page


def test_sample_content_is_big_enough():
    assert sum(k == "rounds" for k, _, _ in PUBLIC) >= 4
    assert sum(k == "lessons" for k, _, _ in PUBLIC) >= 7
    assert len(HIDDEN) >= 1


@pytest.mark.parametrize(
    "url", ["", "about", "data", "contribute", "rounds", "lessons", "countries", "sdgs", "phases", "keywords"]
)
def test_main_pages_exist(repo_build, url):
    assert soup(repo_build, url).select_one("h1")


def test_every_public_entry_has_a_page_and_no_hidden_one_does(repo_build):
    for kind, slug, meta in PUBLIC:
        page = soup(repo_build, f"{kind}/{slug}")
        shown = ((meta.get("translations") or {}).get("en") or meta)["title"]  # in English when it has it
        assert page.select_one("h1").get_text(strip=True) == shown
    for kind, slug, _ in HIDDEN:
        assert not (repo_build.site / kind / slug).exists()


def internal_links(site: Path):
    for html in site.rglob("*.html"):
        page_url = html.relative_to(site).as_posix()
        for a in BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select("a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root (site_url's path is /)
                yield page_url, posixpath.normpath("." + parts.path)
            else:
                yield page_url, posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))


def test_every_internal_link_resolves(repo_build):
    broken = []
    for page, target in internal_links(repo_build.site):
        path = repo_build.site / target
        if not (path.is_file() or (path / "index.html").is_file()):
            broken.append(f"{page} -> {target}")
    assert not broken, broken[:20]


def test_catalog_json_validates_against_models_and_its_schema(repo_build):
    raw = (repo_build.site / "catalog.json").read_text()
    catalog = CatalogFile.model_validate_json(raw)
    schema = json.loads((repo_build.site / "catalog.schema.json").read_text())
    jsonschema.validate(json.loads(raw), schema)
    assert {(e.kind + "s", e.slug) for e in catalog.entries} == {(k, s) for k, s, _ in PUBLIC}
    dates = [e.date for e in catalog.entries]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_catalog_csv_has_one_row_per_public_entry(repo_build):
    rows = list(csv.DictReader(io.StringIO((repo_build.site / "catalog.csv").read_text())))
    assert {r["slug"] for r in rows} == {s for _, s, _ in PUBLIC}


def test_the_open_data_is_a_valid_data_package(repo_build):
    report = frictionless.validate(repo_build.site / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_sample_rounds_offer_their_report_as_a_real_pdf(repo_build):
    with_report = [(s, m) for k, s, m in PUBLIC if k == "rounds" and (m.get("report") or {}).get("file")]
    assert len(with_report) >= 2
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO((repo_build.site / "catalog.csv").read_text()))}
    for slug, meta in with_report:
        pdf = repo_build.site / "rounds" / slug / meta["report"]["file"]
        assert len(PdfReader(pdf).pages) == meta["report"]["pages"] <= 20
        assert pdf.stat().st_size < 200_000, "a sample report stays small"
        link = soup(repo_build, f"rounds/{slug}").select_one(f'a[href="{meta["report"]["file"]}"]')
        assert link is not None and "PDF" in link.parent.get_text()
        assert rows[slug]["report_url"].endswith(f"rounds/{slug}/{meta['report']['file']}")


def test_feed_parses_and_links_to_entries(repo_build):
    feed = feedparser.parse((repo_build.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(PUBLIC)
    base = "https://knowledge-bank.example.org/"
    for item in feed.entries:
        path = item.link.removeprefix(base)
        assert (repo_build.site / path / "index.html").exists(), item.link


def entries_on(build, url: str) -> list[str]:
    return [a["href"] for a in soup(build, url).select("ul.kb-list > li > a.kb-item__title")]


def test_listings_are_newest_first_and_complete(repo_build):
    for kind in ("rounds", "lessons"):
        expected = sorted(((m["date"], m["title"], s) for k, s, m in PUBLIC if k == kind), reverse=True)
        assert [h.rstrip("/").rsplit("/", 1)[-1] for h in entries_on(repo_build, kind)] == [s for _, _, s in expected]


def facet_counts(build, url: str) -> dict[str, tuple[int, str]]:
    return {
        li.a["href"].strip("/"): (int(li.select_one(".kb-count").get_text()), li.a.get_text(strip=True))
        for li in soup(build, url).select("ul.kb-facet-list > li")
    }


def test_every_count_matches_the_entries_on_its_page(repo_build):
    for facet in ("countries", "sdgs", "phases", "keywords"):
        counts = facet_counts(repo_build, facet)
        assert counts, facet
        for slug, (count, _) in counts.items():
            assert len(entries_on(repo_build, f"{facet}/{slug}")) == count, f"{facet}/{slug}"


def test_sdg_and_phase_counts_match_the_sources(repo_build):
    sdgs = facet_counts(repo_build, "sdgs")
    for n in range(1, 18):
        expected = sum(n in m["sdgs"] for _, _, m in PUBLIC)
        assert sdgs.get(str(n), (0, ""))[0] == expected, n
    assert sdgs["1"][1] == "SDG 1 · No poverty"
    assert set(facet_counts(repo_build, "phases")) == {
        "identification",
        "formulation",
        "implementation",
        "monitoring",
        "evaluation",
    }


def test_red_calle_facts(repo_build):
    page = soup(repo_build, "lessons/red-calle")
    key_facts, facts = page.select_one(".kb-keyfacts"), page.select_one(".kb-facts")
    assert "Red Calle" in key_facts.get_text(" ", strip=True), "the author is a key fact, above the text"
    text = key_facts.get_text(" ", strip=True) + " " + facts.get_text(" ", strip=True)
    links = {a["href"] for a in key_facts.select("a") + facts.select("a")}
    for country in ("chile", "colombia", "costa-rica", "paraguay", "uruguay", "brazil", "italy"):
        assert f"../../countries/{country}/" in links
    assert "../../phases/implementation/" in links and "../../sdgs/1/" in links
    for keyword in ("technical-exchange", "peer-review", "peer-to-peer-workshops"):
        assert f"../../keywords/{keyword}/" in links
    for value in (
        "Building ownership and trust",
        "Sharing knowledge and learning jointly",
        "Co-creating solutions and flexibility",
    ):
        assert value.lower() in text.lower()
    assert "Instituto Italo-Latino Americano" in text or "IILA" in text


def test_entry_edit_button_points_to_its_source_file(repo_build):
    edit = soup(repo_build, "lessons/red-calle").select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("/edit/main/lessons/red-calle.md")


def test_entry_pages_stay_out_of_the_navigation(repo_build):
    nav = soup(repo_build, "").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert not [h for h in hrefs if "/rounds/" in h and h.rstrip("/").count("/") > 1]
    assert all(m["title"] not in nav.get_text() for _, _, m in PUBLIC)


def test_search_finds_countries_keywords_and_sdgs_of_an_entry(repo_build):
    records = search_records(repo_build.site)
    red_calle = records["lessons/red-calle/"]["meta"]["terms"]
    for term in ("Costa Rica", "Paraguay", "Peer review", "No poverty", "Technical exchange", "Red Calle"):
        assert term in red_calle
    assert not any(url.startswith(("countries/", "keywords/", "sdgs/", "phases/")) for url in records)


def test_no_personal_contact_details_anywhere(repo_build):
    import re

    for html in repo_build.site.rglob("*.html"):
        text = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").get_text(" ")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), html


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("", "Knowledge Bank"),
        ("lessons/red-calle/", "Building together the methodology of work between peers - Knowledge Bank"),
        ("sdgs/", "SDGs - Knowledge Bank"),
        ("countries/chile/", "Chile - Knowledge Bank"),
    ],
)
def test_browser_tab_titles_name_the_page_once(repo_build, url, title):
    """The tab and bookmarks show the page's own title, then the site's; the home page is the site itself."""
    assert BeautifulSoup(repo_build.page(url), "lxml").title.get_text() == title
