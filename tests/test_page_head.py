"""What a built page says about itself (page_head.py, main.html): read from the built HTML with a real parser.
Each entry's meta description is its summary; OpenGraph, Twitter, Google Scholar's citation_* tags and schema.org
JSON-LD describe it; every page announces the Atom feed; Cite this offers files that parse back."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from .test_build import PUBLIC

pytestmark = pytest.mark.build

SITE = "https://knowledge-bank.example.org/"


def head(build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "lxml").head


def meta(page: BeautifulSoup, key: str) -> list[str]:
    """Every ``content`` of ``<meta name=key>`` or ``<meta property=key>``."""
    return [m["content"] for m in page.find_all("meta") if key in (m.get("name"), m.get("property"))]


def json_ld(page: BeautifulSoup) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.mark.parametrize(("kind", "slug", "fields"), PUBLIC, ids=[s for _, s, _ in PUBLIC])
def test_an_entry_describes_itself_from_its_own_fields(repo_build, kind, slug, fields):
    page = head(repo_build, f"{kind}/{slug}")
    address = f"{SITE}{kind}/{slug}/"
    # The English page's description and link previews: the entry's English title and summary when it has them.
    shown = (fields.get("translations") or {}).get("en") or fields
    summary = " ".join(shown["summary"].split())
    assert meta(page, "description") == [summary], "one description: the summary"
    assert meta(page, "og:title") == meta(page, "twitter:title") == [shown["title"]]
    assert meta(page, "citation_title") == [fields["title"]]  # a citation names the entry as written
    assert meta(page, "og:description") == meta(page, "twitter:description") == [summary]
    assert meta(page, "og:url") == [address] and meta(page, "og:type") == ["article"]
    assert meta(page, "twitter:card") == ["summary"]
    assert meta(page, "citation_publication_date") == [fields["date"].strftime("%Y/%m/%d")]
    if kind == "rounds":
        institutions = [fields["beneficiary"]["institution"], *(c["institution"] for c in fields["cooperating"])]
        assert meta(page, "citation_author") == list(dict.fromkeys(institutions))
    else:
        assert meta(page, "citation_author") == [fields["author"]]
    data = json_ld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ("Report" if kind == "rounds" else "CreativeWork")
    assert (data["name"], data["url"], data["datePublished"]) == (fields["title"], address, fields["date"].isoformat())
    assert data["inLanguage"] == fields.get("language", "en")
    assert data["publisher"]["name"] == "Knowledge Bank"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["spatialCoverage"] and all(len(c["identifier"]) == 2 for c in data["spatialCoverage"])


def test_a_round_with_a_report_points_scholar_to_its_pdf(repo_build):
    with_report = [(s, m) for k, s, m in PUBLIC if k == "rounds" and (m.get("report") or {}).get("file")]
    without = [s for k, s, m in PUBLIC if k == "rounds" and not (m.get("report") or {}).get("file")]
    for slug, fields in with_report:
        page = head(repo_build, f"rounds/{slug}")
        (pdf,) = meta(page, "citation_pdf_url")
        assert pdf == f"{SITE}rounds/{slug}/{fields['report']['file']}"
        assert (repo_build.site / pdf.removeprefix(SITE)).is_file()
        assert json_ld(page)["encoding"]["contentUrl"] == pdf
    assert without and all(meta(head(repo_build, f"rounds/{s}"), "citation_pdf_url") == [] for s in without)


@pytest.mark.parametrize("url", ["", "about", "data", "rounds", "countries", "keywords", "explore"])
def test_every_page_announces_the_feed_and_has_one_description(repo_build, url):
    page = head(repo_build, url)
    (feed,) = page.find_all("link", rel="alternate", type="application/atom+xml")
    assert urljoin(SITE + (url + "/" if url else ""), feed["href"]) == SITE + "feed.xml"
    assert len(meta(page, "description")) == 1
    assert not page.find_all("script", type="application/ld+json"), "only entries describe themselves"


def test_the_home_page_has_its_own_description(repo_build):
    (description,) = meta(head(repo_build, ""), "description")
    assert description.startswith("Final reports of peer-to-peer technical cooperation rounds")


def test_cite_this_offers_a_citation_and_files_that_parse_back(repo_build):
    for kind, slug, fields in PUBLIC:
        page = BeautifulSoup(repo_build.page(f"{kind}/{slug}"), "lxml")
        text = page.select_one("#kb-citation").get_text()
        assert fields["title"] in text and f"{SITE}{kind}/{slug}/" in text
        assert page.select_one('button[data-clipboard-target="#kb-citation"]') is not None
        links = {a.get_text(): a["href"] for a in page.select(".kb-cite__downloads a")}
        assert links == {"BibTeX": f"{slug}.bib", "RIS": f"{slug}.ris", "CSL-JSON": f"{slug}.json"}
        folder = repo_build.site / kind / slug
        (entry,) = bibtexparser.parse_file(str(folder / f"{slug}.bib")).entries
        assert entry.key == f"kb-{kind[:-1]}-{slug}"
        (record,) = rispy.loads((folder / f"{slug}.ris").read_text(encoding="utf-8"))
        assert record["title"] == fields["title"]
        (item,) = json.loads((folder / f"{slug}.json").read_text(encoding="utf-8"))
        assert item["title"] == fields["title"] and item["URL"] == f"{SITE}{kind}/{slug}/"
