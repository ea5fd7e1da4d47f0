"""The authorization gate: a public build holds no trace of any unpublished entry."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from bs4 import BeautifulSoup

from .helpers import FIXTURES, make_project, pagefind_bytes, run_build, search_records

pytestmark = pytest.mark.build

MARKERS = [
    "ZQX",  # every marker below starts with it: title, summary, body, institutions, names, place, file
    "zqx",  # slugs, keyword slugs and the attachment's name
    "Suriname",
    "suriname",
    "Guyana",
    "guyana",
    "Belize",
    "belize",  # countries only unpublished entries use
    "Zqxkeyword",
]


@pytest.fixture(scope="module")
def public_build(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("publication"), content=FIXTURES / "publication")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def all_files(site):
    """Every file of the site, as its reader sees it: gzip files and the search bundle's files decompressed."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            elif "pagefind" in path.relative_to(site).parts:
                data = pagefind_bytes(path)
            yield path, data


def test_the_search_bundle_is_read_decompressed(public_build):
    """The markers are looked for in what Pagefind's JavaScript reads, not in its compressed files."""
    files = {p.relative_to(public_build.site).as_posix(): data for p, data in all_files(public_build.site)}
    fragments = [data for name, data in files.items() if name.startswith("pagefind/fragment/")]
    indexes = [data for name, data in files.items() if name.startswith("pagefind/index/")]
    assert len(fragments) >= 2 and indexes
    assert any(b"public-round" in data for data in fragments)
    assert any(b"uruguay" in data.lower() for data in indexes)  # words are stored as plain bytes


def test_no_file_of_the_site_contains_a_marker(public_build):
    leaks = [
        f"{path.relative_to(public_build.site)}: {marker}"
        for path, data in all_files(public_build.site)
        for marker in MARKERS
        if marker.encode() in data or marker.encode() in path.as_posix().encode()
    ]
    assert not leaks, leaks


def test_published_entries_are_there(public_build):
    catalog = json.loads((public_build.site / "catalog.json").read_text())
    assert sorted(e["slug"] for e in catalog["entries"]) == ["public-lesson", "public-round"]
    assert (public_build.site / "rounds/public-round/index.html").exists()
    assert (public_build.site / "lessons/public-lesson/index.html").exists()


def counts(html: str) -> dict[str, int]:
    soup = BeautifulSoup(html, "lxml")
    return {
        li.a.get_text(strip=True): int(li.select_one(".kb-count").get_text())
        for li in soup.select("ul.kb-facet-list > li")
    }


def test_counts_include_only_published_entries(public_build):
    # "Care systems" and "Peer review" are each used by one public and one unpublished entry.
    keywords = counts(public_build.page("keywords"))
    assert keywords == {"Care systems": 1, "Peer review": 1}
    sdgs = counts(public_build.page("sdgs"))
    assert sdgs == {"SDG 1 · No poverty": 2, "SDG 5 · Gender equality": 1}
    phases = counts(public_build.page("phases"))
    assert phases == {"Formulation": 1, "Implementation": 1}
    countries = counts(public_build.page("countries"))
    assert countries == {"Chile": 1, "Paraguay": 1, "Uruguay": 2}  # panel members give no role
    for folder in ("rounds", "lessons"):
        items = BeautifulSoup(public_build.page(folder), "lxml").select("ul.kb-list > li")
        assert len(items) == 1


def test_no_facet_page_exists_for_values_only_unpublished_entries_have(public_build):
    for url in (
        "sdgs/14",
        "sdgs/15",
        "phases/evaluation",
        "phases/identification",
        "countries/suriname",
        "keywords/zqxkeywordone",
        "rounds/zqx-authorized-not-flagged",
        "lessons/zqx-flag-missing",
    ):
        assert not (public_build.site / url).exists(), url


def test_search_index_and_sitemap_list_only_public_pages(public_build):
    locations = set(search_records(public_build.site))
    entry_locations = {loc for loc in locations if re.match(r"(rounds|lessons)/.+/", loc)}
    assert entry_locations == {"rounds/public-round/", "lessons/public-lesson/"}
    sitemap = (public_build.site / "sitemap.xml").read_text()
    assert "public-round" in sitemap and "zqx" not in sitemap


def test_the_map_names_and_counts_only_public_entries(public_build):
    figure = BeautifulSoup(public_build.page(""), "lxml").select_one("figure.kb-map")
    titles = sorted(t.get_text() for t in figure.select("svg a title"))
    assert titles == ["Chile: 1 entry", "Paraguay: 1 entry", "Uruguay: 2 entries"]
    assert [tr.th.get_text() for tr in figure.select("table tbody tr")] == ["Chile", "Paraguay", "Uruguay"]


def test_flows_and_statistics_count_only_public_entries(public_build):
    data = json.loads((public_build.site / "statistics.json").read_text())
    assert data["entries"] == 2
    assert data["cooperation"] == [{"cooperating": "UY", "beneficiary": "PY", "rounds": ["public-round"]}]
    assert {row["key"] for row in data["charts"]["countries"]} == {"CL", "PY", "UY"}
    assert {row["key"]: row["entries"] for row in data["charts"]["phases"]} == {"formulation": 1, "implementation": 1}
    assert sorted(p.name for p in (public_build.site / "cooperation").iterdir()) == ["index.html", "uruguay"]
    cells = BeautifulSoup(public_build.page("cooperation"), "lxml").select("svg a title")
    assert [c.get_text() for c in cells] == ["Uruguay → Paraguay: 1 round"]
