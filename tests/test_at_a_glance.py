"""The bank at a glance, built for real: the map of the Americas, checked against the listings of the same build."""

from __future__ import annotations

import json
import posixpath
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

SVG = "{http://www.w3.org/2000/svg}"
HREF = "href"  # links in inline SVG (SVG 2's plain href: see templates/pages/_map.md.j2)


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
        on_map[resolve(url, link.get(HREF))] = int(re.search(r"(\d+) entr", title)[1])
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
    assert [a.get(HREF) for a in here] == ["../../countries/uruguay/"]
    assert "kb-map__here" in here[0].get("class")
    _, figure = map_of(repo_build, "countries/italy")
    assert figure.select_one(".kb-map__partners [aria-current=page]").get_text() == "Italy"


def test_the_map_is_on_the_first_page_of_a_country_only(repo_build):
    assert "kb-map" not in repo_build.page("rounds") and "kb-map" not in repo_build.page("keywords")


def listed_entries(build, url: str) -> list[str]:
    """The entry pages a listing links to (every page of it); with ``#id``, the list under that heading only."""
    url, _, section = url.partition("#")
    if section:
        heading = BeautifulSoup(build.page(url), "lxml").find(id=section)
        listing = heading.find_next_sibling("ul", class_="kb-list")
        assert heading.name == "h2" and listing.find_previous_sibling("h2") is heading, url
        return [resolve(url, a["href"]) for a in listing.select("a.kb-item__title")]
    found, page = [], url
    while page:
        html = BeautifulSoup(build.page(page), "lxml")
        found += [resolve(page, a["href"]) for a in html.select("ul.kb-list a.kb-item__title")]
        nxt = html.select_one(".kb-pager a[rel=next]")
        page = resolve(page, nxt["href"]) if nxt else None
    return found


def public_flows() -> dict[tuple[str, str], int]:
    """(cooperating, beneficiary) -> rounds, from the source files of public rounds (independently of the code)."""
    from .test_build import PUBLIC

    flows: dict[tuple[str, str], int] = {}
    for kind, _, meta in PUBLIC:
        if kind == "rounds":
            for party in meta["cooperating"]:
                key = (party["country"], meta["beneficiary"]["country"])
                flows[key] = flows.get(key, 0) + 1
    return flows


def test_each_cell_of_the_matrix_opens_exactly_its_rounds(repo_build):
    page = BeautifulSoup(repo_build.page("cooperation"), "lxml")
    svg = ElementTree.fromstring(
        str(page.select_one("svg.kb-matrix__svg")).replace("<svg", f'<svg xmlns="{SVG[1:-1]}"', 1)
    )
    cells = {resolve("cooperation", a.get(HREF)): int(a.find(f"{SVG}text").text) for a in svg.iter(f"{SVG}a")}
    table = {resolve("cooperation", tr.a["href"]): int(tr.a.text) for tr in page.select("table.kb-flow-table tbody tr")}
    assert cells == table and cells
    for url, count in cells.items():
        rounds = listed_entries(repo_build, url)
        assert len(rounds) == count and all(r.startswith("rounds/") for r in rounds), url
    # A cooperating country's page: its flows, a section each, and nothing else.
    pages = {url.partition("#")[0] for url in cells}
    assert len(pages) == len({cooperating for cooperating, _ in public_flows()})
    for page in pages:
        sections = BeautifulSoup(repo_build.page(page), "lxml").select("article h2")
        assert {f"{page}#{h2['id']}" for h2 in sections} == {url for url in cells if url.startswith(page + "#")}
    assert sorted(cells.values()) == sorted(public_flows().values())
    assert sum(cells.values()) == sum(public_flows().values())


def test_a_country_page_shows_whom_it_cooperated_with(repo_build):
    page = BeautifulSoup(repo_build.page("countries/uruguay"), "lxml")
    links = page.select(".kb-flows__list a")
    assert links
    for a in links:
        url = resolve("countries/uruguay", a["href"])
        assert len(listed_entries(repo_build, url)) == int(a.find_next_sibling(class_="kb-count").text)


def chart_rows(page, name: str) -> dict[str, list[int]]:
    figure = page.select_one(f"figure.kb-chart#{name}")
    rows = {}
    for tr in figure.select("tbody tr"):
        key = resolve("statistics", tr.a["href"]) if tr.a else tr.th.get_text()
        rows[key] = [int(td.get_text()) for td in tr.select("td")]
    return rows


def index_counts(build, facet: str) -> dict[str, int]:
    page = BeautifulSoup(build.page(facet), "lxml")
    return {
        resolve(facet, li.a["href"]): int(li.select_one(".kb-count").get_text())
        for li in page.select("ul.kb-facet-list > li")
    }


def test_every_number_of_the_statistics_equals_what_the_listings_count(repo_build):
    page = BeautifulSoup(repo_build.page("statistics"), "lxml")
    for facet in ("phases", "sdgs"):
        assert {k: v[0] for k, v in chart_rows(page, facet).items()} == index_counts(repo_build, facet)
    keywords = index_counts(repo_build, "keywords")
    top = {k: v[0] for k, v in chart_rows(page, "keywords").items()}
    assert top.items() <= keywords.items() and len(top) == min(20, len(keywords))
    assert min(top.values()) >= max(v for k, v in keywords.items() if k not in top)
    countries = chart_rows(page, "countries")
    assert {k: v[-1] for k, v in countries.items()} == index_counts(repo_build, "countries")
    years = chart_rows(page, "years")
    assert sum(v[0] for v in years.values()) == len(listed_entries(repo_build, "rounds"))
    assert sum(v[1] for v in years.values()) == len(listed_entries(repo_build, "lessons"))


def test_the_statistics_are_open_data_with_the_same_numbers(repo_build):
    data = json.loads((repo_build.site / "statistics.json").read_text(encoding="utf-8"))
    page = BeautifulSoup(repo_build.page("statistics"), "lxml")
    assert data["entries"] == len(json.loads((repo_build.site / "catalog.json").read_text())["entries"])
    for name in ("phases", "sdgs", "keywords"):
        assert [row["entries"] for row in data["charts"][name]] == [v[0] for v in chart_rows(page, name).values()]
    assert sum(len(f["rounds"]) for f in data["cooperation"]) == sum(public_flows().values())


@pytest.mark.parametrize("url", ["statistics", "cooperation"])
def test_the_charts_are_svg_drawn_at_build_time(repo_build, url):
    html = repo_build.page(url)
    assert "<svg" in html and "<script" not in html.split('<div class="md-content"')[1].split("</article>")[0]
    for svg in BeautifulSoup(html, "lxml").select("article svg"):
        ElementTree.fromstring(str(svg).replace("<svg", f'<svg xmlns="{SVG[1:-1]}"', 1))


def test_the_number_at_the_end_of_a_country_bar_is_its_entries(repo_build):
    page = BeautifulSoup(repo_build.page("statistics"), "lxml")
    shown = [int(t.get_text()) for t in page.select("figure#countries svg text.kb-chart__value")]
    assert shown == [v[-1] for v in chart_rows(page, "countries").values()]
