"""The site search (Pagefind, with the header's search box) in a real browser: keywords, country names in four
languages and ISO codes, SDGs, institutions, Spanish and Portuguese word forms, accents; entries before pages;
nothing of it loaded before the box is used; never an unpublished entry."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..helpers import open_page
from .explore import values_of

READY = "Type to start searching"
DONE = re.compile(r"^(\d+ results?|No results)$")


def open_search(page: Page) -> None:
    """Open the search box and wait until Pagefind is loaded."""
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text(READY, timeout=20_000)


@pytest.fixture(scope="module")
def search_page(browser, server):
    """One page for the module's searches (Pagefind loaded once)."""
    page, traffic = open_page(browser, server)
    page.goto("")
    open_search(page)
    yield page
    page.context.close()
    assert not traffic.errors, traffic.errors
    assert not traffic.foreign_hosts(), traffic.foreign_hosts()


def search(page: Page, query: str, everything: bool = True, ready: str = READY, done: re.Pattern = DONE) -> list[str]:
    """The pages found for ``query``, best first, as paths relative to the site root (all of them, or
    those painted first); ``ready`` and ``done`` are the status's wordings in the page's language."""
    box = page.locator("input.md-search__input")
    status = page.locator(".md-search-result__meta")
    box.fill("")
    expect(status).to_have_text(ready)
    box.fill(query)
    expect(status).to_have_text(done, timeout=20_000)
    more = page.locator(".kb-search__more")
    while everything and more.is_visible():
        count = page.locator(".md-search-result__link").count()
        more.click()
        expect(page.locator(".md-search-result__link")).not_to_have_count(count)
    hrefs = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
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


@pytest.mark.parametrize("name", ["Brasil", "Brazil", "Brésil", "brasil", "BR", "BRA"])
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


def test_sdg_5_in_spanish_finds_the_gender_equality_entries(search_page, catalog):
    expected = entries_with(catalog, "sdg", "5")
    found = search(search_page, "ODS 5")
    assert expected <= set(found)
    assert set(found[: len(expected)]) == expected
    assert set(entry_pages(found)) == expected  # not an entry of the 5th of a month


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
    assert search(search_page, query) == []
    expect(search_page.locator(".md-search-result__meta")).to_have_text("No results")


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


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("transferencia", "rounds/dominican-republic-cash-transfer-monitoring/"),  # the entry says "transfer"
        ("inclusion", "rounds/peru-national-care-system/"),  # "Inclusión"
        ("Inclusión", "lessons/youth-employment-follow-up/"),  # "inclusion"
        ("alimentacao", "lessons/alimentacao-escolar-agricultura-familiar/"),  # "Alimentação"
    ],
)
def test_accents_do_not_matter(search_page, query, slug):
    assert slug in search(search_page, query)


def test_a_phrase_ranks_its_entry_first_and_a_word_does_not_match_longer_words(search_page):
    found = search(search_page, "Red Calle")
    assert found[0] == "lessons/red-calle/"
    assert len(found) <= 3, found  # "Red" alone would also match "Reduced", "Redesign"…


def test_entries_come_before_hand_written_pages(search_page):
    found = search(search_page, "care systems")
    kinds = ["entry" if re.fullmatch(r"(rounds|lessons)/[^/]+/", p) else "page" for p in found]
    assert "page" in kinds and "entry" in kinds
    assert kinds == sorted(kinds), found  # every entry before the first page


def test_a_result_shows_title_kind_date_countries_and_a_short_excerpt(search_page):
    search(search_page, "registros", everything=False)
    first = search_page.locator(".kb-search-result").first
    # The Guatemala round or the Dominican one: one is written in Spanish, with its title in English too.
    expect(first.locator(".kb-search-result__title")).to_have_text(re.compile(r"registro social|social registry"))
    expect(first.locator(".kb-search-result__meta")).to_have_text(
        re.compile(r"^(Round report|Lessons-learnt card) · \w{3} \d{1,2}, \d{4} · ")
    )
    assert 0 < len(first.locator(".kb-search-result__excerpt").inner_text().split()) <= 30


def test_filters_narrow_the_results_to_a_country(search_page, catalog):
    country = search_page.locator(".kb-search__filters select[name=country]")
    assert len(search(search_page, "care")) > len(entries_with(catalog, "country", "UY"))
    country.select_option("Uruguay")
    search_page.wait_for_function(
        """(allowed) => {
          const links = [...document.querySelectorAll("a.md-search-result__link")];
          return links.length > 0 && links.every((a) => allowed.includes(new URL(a.href).pathname.slice(1)));
        }""",
        arg=sorted(entries_with(catalog, "country", "UY")),
    )
    country.select_option("")
    expect(search_page.locator(".md-search-result__meta")).to_have_text(DONE)


def test_nothing_of_the_search_is_loaded_before_the_box_is_used(browser, server):
    page, traffic = open_page(browser, server)
    page.goto("lessons/red-calle/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in traffic.requests if "pagefind" in url or "/search/" in url], traffic.requests
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text(READY, timeout=20_000)
    assert [url for url in traffic.requests if "pagefind" in url]
    page.keyboard.type("Brasil")
    expect(page.locator(".md-search-result__meta")).to_have_text(DONE, timeout=20_000)
    page.keyboard.press("ArrowDown")
    expect(page.locator("a.md-search-result__link").first).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.keyboard.press("s")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.context.close()
    assert not traffic.errors, traffic.errors


SPANISH_READY, SPANISH_DONE = "Escriba para empezar a buscar", re.compile(r"^(\d+ resultados?|Sin resultados)$")


@pytest.fixture(scope="module")
def spanish_search(browser, server):
    """The search of the Spanish interface (its own index, of the Spanish pages)."""
    page, traffic = open_page(browser, server)
    page.goto("es/")
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text(SPANISH_READY, timeout=20_000)
    yield page
    page.context.close()
    assert not traffic.errors, traffic.errors


@pytest.mark.parametrize(
    ("query", "keyword"),
    [
        ("transferencias condicionadas", "conditional-cash-transfers"),
        ("cuidados", "care-systems"),
        ("registro social", "social-registry"),
    ],
)
def test_the_spanish_search_finds_english_entries_by_the_spanish_name_of_their_keyword(
    spanish_search, catalog, query, keyword
):
    expected = {f"es/{url}" for url in entries_with(catalog, "keyword", keyword)}
    found = search(spanish_search, query, ready=SPANISH_READY, done=SPANISH_DONE)
    assert expected and expected <= set(found), (query, found)
    first = spanish_search.locator(".kb-search-result__meta").first
    expect(first).to_have_text(re.compile(r"^(Informe de ronda|Ficha de lecciones aprendidas) · "))


def test_the_spanish_search_shows_spanish_pages_names_and_filters(spanish_search, catalog):
    """One index serves every interface: from the Spanish one, a result leads to the Spanish page, names its kind
    and countries in Spanish, the hand-written pages found are the Spanish ones, and the filters are in Spanish."""
    found = search(spanish_search, "Brasil", ready=SPANISH_READY, done=SPANISH_DONE)
    assert found and all(path.startswith("es/") for path in found), found
    assert {f"es/{url}" for url in entries_with(catalog, "country", "BR")} <= set(found)
    metas = spanish_search.locator(".kb-search-result__meta").all_inner_texts()
    assert any("Brasil" in meta for meta in metas) and not any("Brazil" in meta for meta in metas), metas
    pages = search(spanish_search, "contribuir", ready=SPANISH_READY, done=SPANISH_DONE)
    assert "es/contribute/" in pages and not [p for p in pages if not p.startswith("es/")], pages
    country = spanish_search.locator(".kb-search__filters select[name=country]")
    options = country.locator("option").all_inner_texts()
    assert options[0] == "Todos los países" and "Brasil" in options and "México" in options, options
    assert options[1:] == sorted(options[1:], key=lambda name: name.replace("É", "E")), options
    kinds = spanish_search.locator(".kb-search__filters select[name=kind] option").all_inner_texts()
    assert kinds[1:] == sorted(["Informe de ronda", "Ficha de lecciones aprendidas"]), kinds
    search(spanish_search, "cuidados", ready=SPANISH_READY, done=SPANISH_DONE)
    country.select_option("Uruguay")
    spanish_search.wait_for_function(
        """(allowed) => {
          const links = [...document.querySelectorAll("a.md-search-result__link")];
          return links.length > 0 && links.every((a) => allowed.includes(new URL(a.href).pathname.slice(1)));
        }""",
        arg=sorted(f"es/{url}" for url in entries_with(catalog, "country", "UY")),
    )
    country.select_option("")


def test_the_spanish_search_shows_an_entrys_spanish_title_as_a_translation(spanish_search):
    """The Red Calle card, written in English, has its title in Spanish: the Spanish results show it, in the page's
    language, and its excerpt stays marked as English."""
    found = search(spanish_search, "Red Calle", everything=False, ready=SPANISH_READY, done=SPANISH_DONE)
    assert found[0] == "es/lessons/red-calle/", found
    first = spanish_search.locator(".kb-search-result").first
    title = first.locator(".kb-search-result__title")
    expect(title).to_have_text("Construir juntos la metodología de trabajo entre pares")
    assert (
        title.get_attribute("lang") is None
        and first.locator(".kb-search-result__excerpt").get_attribute("lang") == "en"
    )
