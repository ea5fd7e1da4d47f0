"""The site search (Material's, with our worker) in a real browser: keywords, country names in four
languages, SDGs, institutions, Spanish and Portuguese stemming; never an unpublished entry."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..helpers import open_page
from .explore import values_of

READY = "Type to start searching"


@pytest.fixture(scope="module")
def search_page(browser, server):
    """One page for the module's searches (the search index is built once in its worker)."""
    page, traffic = open_page(browser, server)
    page.goto("")
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text(READY, timeout=20_000)
    yield page
    page.context.close()
    assert not traffic.errors, traffic.errors
    assert not traffic.foreign_hosts(), traffic.foreign_hosts()


def search(page: Page, query: str) -> list[str]:
    """The pages found for ``query``, best first, as paths relative to the site root."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the query on keyup
    expect(page.locator(".md-search-result__meta")).to_have_text(READY)
    box.fill(query)
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"matching document"))
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.href)",
    )
    found = []
    for href in hrefs:
        path = urlsplit(href).path.lstrip("/")
        if path not in found:
            found.append(path)
    return found


def entries_with(catalog: dict, facet: str, value: str) -> set[str]:
    return {r["url"] for r in catalog["entries"] if value in values_of(r)[facet]}


def entry_pages(found: list[str]) -> list[str]:
    return [p for p in found if re.fullmatch(r"(rounds|lessons)/[^/]+/", p)]


@pytest.mark.parametrize("name", ["Brasil", "Brazil", "Brésil", "brasil"])
def test_a_country_is_found_by_its_name_in_each_language(search_page, catalog, name):
    expected = entries_with(catalog, "country", "BR")
    assert len(expected) >= 3
    found = search(search_page, name)
    assert expected <= set(found), expected - set(found)


@pytest.mark.parametrize("name", ["México", "Mexique", "Pérou", "Perú", "Uruguai", "Chili"])
def test_other_countries_are_found_by_their_spanish_portuguese_and_french_names(search_page, catalog, name):
    code = next(c for c, names in catalog["countries"].items() if name in names.values())
    expected = entries_with(catalog, "country", code)
    assert expected
    assert expected <= set(search(search_page, name))


def test_a_keyword_finds_its_entries_first(search_page, catalog):
    expected = entries_with(catalog, "keyword", "interoperability")
    found = search(search_page, "Interoperability")
    assert expected <= set(found)
    assert set(found[: len(expected)]) == expected, "index pages must not crowd out the entries"
    assert not any(p.startswith(("countries/", "sdgs/", "phases/", "keywords/", "explore/")) for p in found)


def test_a_multi_word_keyword_ranks_its_entries_first(search_page, catalog):
    expected = entries_with(catalog, "keyword", "care-systems")
    found = search(search_page, "care systems")
    assert set(found[: len(expected)]) == expected


@pytest.mark.parametrize(
    ("query", "sdg"), [("SDG 13", "13"), ("Climate action", "13"), ("ODS 13", "13"), ("Acción por el clima", "13")]
)
def test_an_sdg_is_found_by_number_and_name(search_page, catalog, query, sdg):
    expected = entries_with(catalog, "sdg", sdg)
    assert expected
    assert expected <= set(search(search_page, query))


def test_an_institution_is_found(search_page, catalog):
    institution = "Gabinete de Coordinación de Políticas Sociales"
    expected = {r["url"] for r in catalog["entries"] if institution in r["institutions"]}
    assert expected
    assert expected <= set(search(search_page, institution))


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("capacitación", "lessons/cuidadoras-comunitarias/"),  # the entry says "capacitaciones"
        ("cuidadores", "lessons/cuidadoras-comunitarias/"),  # "cuidadoras"
        ("avaliação", "lessons/avaliacoes-participativas/"),  # "avaliações"
        ("participativo", "lessons/avaliacoes-participativas/"),  # "participativas"
    ],
)
def test_spanish_and_portuguese_words_are_stemmed(search_page, site, query, slug):
    page_text = site.page(slug)
    assert query not in page_text, "the test needs a form of the word that the entry does not use"
    assert slug in search(search_page, query)


def test_a_whole_word_and_its_beginning_both_find_an_entry(search_page):
    for query in ("capacitaciones", "capacit", "comunitarias", "comunit"):
        assert "lessons/cuidadoras-comunitarias/" in search(search_page, query), query


@pytest.mark.parametrize("query", ["Zqxhiddentitle", "Zqxhiddenbody", "Zqxhiddenkeyword", "Zqxhiddenauthor"])
def test_an_unpublished_entry_is_never_found(search_page, query):
    box = search_page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    expect(search_page.locator(".md-search-result__meta")).to_have_text("No matching documents")


def test_an_unpublished_round_of_the_sample_content_is_not_found(search_page):
    found = search(search_page, "Early childhood development services in Ecuador")
    assert not any("ecuador-early-childhood" in p for p in found)


def test_matches_are_marked_once(search_page):
    """A word and its stems share a position; the preview must mark it once, not garble it."""
    search(search_page, "registros")
    results = search_page.locator(".md-search-result")
    assert results.locator("mark").count() > 0
    assert results.locator("mark mark").count() == 0
    assert "mark>" not in results.inner_text()
