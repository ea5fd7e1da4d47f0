"""The bank at a glance, built for real: the map of the Americas, checked against the listings of the same build."""

from __future__ import annotations

import posixpath
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

SVG = "{http://www.w3.org/2000/svg}"


def listed_counts(build) -> dict[str, int]:
    """Country page URL -> its number of entries, as the countries index lists them."""
    page = BeautifulSoup(build.page("countries"), "lxml")
    return {
        posixpath.normpath("countries/" + li.a["href"]): int(li.select_one(".kb-count").get_text())
        for li in page.select("ul.kb-facet-list > li")
    }


def map_of(build, url: str):
    """The map of a page: its SVG as XML (so it is well-formed) and the figure around it."""
    figure = BeautifulSoup(build.page(url), "lxml").select_one("figure.kb-map")
    assert figure is not None, url
    svg = ElementTree.fromstring(str(figure.select_one("svg")).replace("<svg", f'<svg xmlns="{SVG[1:-1]}"', 1))
    return svg, figure


def resolve(url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(url, href))


@pytest.mark.parametrize("url", ["", "countries/uruguay", "countries/italy"])
def test_the_map_counts_what_the_countries_index_lists(repo_build, url):
    listed = listed_counts(repo_build)
    svg, figure = map_of(repo_build, url)
    on_map = {}
    for link in svg.iter(f"{SVG}a"):
        title = link.find(f"{SVG}title").text
        on_map[resolve(url, link.get("href"))] = int(re.search(r"(\d+) entr", title)[1])
    partners = {
        resolve(url, li.a["href"]): int(li.select_one(".kb-count").text) for li in figure.select(".kb-map__partners li")
    }
    table = {resolve(url, tr.a["href"]): int(tr.td.text) for tr in figure.select("table tbody tr")}
    assert on_map | partners == table == listed
    assert set(on_map).isdisjoint(partners) and {"countries/italy", "countries/spain"} <= set(partners)
    for page in table:
        assert (repo_build.site / page / "index.html").is_file(), page


def test_a_country_page_highlights_its_country(repo_build):
    svg, _ = map_of(repo_build, "countries/uruguay")
    here = [a for a in svg.iter(f"{SVG}a") if a.get("aria-current") == "page"]
    assert [a.get("href") for a in here] == ["../../countries/uruguay/"]
    assert "kb-map__here" in here[0].get("class")
    _, figure = map_of(repo_build, "countries/italy")
    assert figure.select_one(".kb-map__partners [aria-current=page]").get_text() == "Italy"


def test_the_map_is_on_the_first_page_of_a_country_only(repo_build):
    assert "kb-map" not in repo_build.page("rounds") and "kb-map" not in repo_build.page("keywords")
