"""axe-core, run in Chromium on every kind of page in both colour schemes: no serious or critical
violation. Violations are fixed in the theme overrides and the stylesheet, never by disabling rules."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ..helpers import make_project, open_page, run_build, serve
from ..test_pagination import LESSON

AXE = Axe()
BLOCKING = ("serious", "critical")

PAGES = [
    "",  # home
    "explore/",
    "explore/?country=UY&phase=implementation",
    "rounds/peru-national-care-system/",  # a round
    "lessons/red-calle/",  # a lesson
    "rounds/",  # the index of a kind
    "countries/",  # the index of a facet
    "sdgs/",
    "phases/",
    "keywords/",
    "countries/uruguay/",  # one value of a facet
    "sdgs/5/",
    "phases/formulation/",
    "keywords/care-systems/",
    "cooperation/",  # the matrix of who cooperated with whom
    "cooperation/chile/",  # the rounds in which a country cooperated, a section per beneficiary
    "statistics/",
    "about/",
    "data/",
    "contribute/",
    "performance/",
    "security/",
]


def violations(page: Page) -> list[str]:
    """Serious and critical violations, one line each, of the page at rest.

    Material fades a button's colours over 125 ms on focus and hover; axe measuring contrast in the
    middle of that fade (as happened once under load) would judge a colour the page never rests on.
    """
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))")
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.fixture(params=["light", "dark"])
def scheme(request) -> str:
    return request.param


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_violation(browser, server, scheme, url):
    page, traffic = open_page(browser, server, color_scheme=scheme)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if url.startswith("explore/"):
        expect(page.locator(".kb-explore__list")).to_be_attached()
    assert violations(page) == []
    page.context.close()
    assert not traffic.errors, traffic.errors


LANGUAGE_PAGES = [
    "",
    "explore/",
    "rounds/guatemala-registro-social/",
    "lessons/red-calle/",
    "countries/brazil/",
    "contribute/",
]
SEARCH_WORDS = {
    "es": ("Escriba para empezar a buscar", "resultados?"),
    "pt": ("Digite para começar a pesquisar", "resultados?"),
    "fr": ("Tapez pour lancer la recherche", "résultats?"),
}


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
@pytest.mark.parametrize("url", LANGUAGE_PAGES)
def test_no_serious_violation_in_each_language(browser, server, scheme, lang, url):
    page, traffic = open_page(browser, server, color_scheme=scheme)
    page.goto(f"{lang}/{url}")
    page.wait_for_load_state("networkidle")
    if url.startswith("explore/"):
        expect(page.locator(".kb-explore__list")).to_be_attached()
    assert page.locator("html").get_attribute("lang") == lang
    assert violations(page) == []
    page.context.close()
    assert not traffic.errors, traffic.errors


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_no_serious_violation_with_search_results_open_in_each_language(browser, server, scheme, lang):
    ready, results = SEARCH_WORDS[lang]
    page, traffic = open_page(browser, server, color_scheme=scheme)
    page.goto(f"{lang}/")
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text(ready, timeout=20_000)
    box.fill("cuidados")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(rf"^\d+ {results}$"))
    assert violations(page) == []
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_no_serious_violation_with_search_results_open(browser, server, scheme):
    page, traffic = open_page(browser, server, color_scheme=scheme)
    page.goto("")
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    box.fill("care")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ results$"))
    expect(page.locator(".kb-search__filters select")).to_have_count(3)
    assert violations(page) == []
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_no_serious_violation_with_search_results_open_on_a_phone(browser, server, scheme):
    page, traffic = open_page(browser, server, color_scheme=scheme, viewport={"width": 390, "height": 844})
    page.goto("lessons/red-calle/")
    page.locator("label.md-header__button[for=__search]").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    page.keyboard.type("registros")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ results?$"))
    assert violations(page) == []
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_no_serious_violation_on_a_phone_with_the_filters_folded_and_open(browser, server, scheme):
    page, traffic = open_page(browser, server, color_scheme=scheme, viewport={"width": 390, "height": 844})
    page.goto("explore/?sdg=5")
    toggle = page.locator(".kb-explore__toggle")
    expect(toggle).to_have_text("Show filters (1 chosen)")
    assert violations(page) == []
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("fieldset[data-facet=kind]")).to_be_visible()
    assert violations(page) == []
    page.context.close()


@pytest.fixture(scope="module")
def paged_server(tmp_path_factory):
    """A site whose list of lessons runs to two pages, so that it has a pager."""
    tmp = tmp_path_factory.mktemp("paged-axe")
    lessons = tmp / "content" / "lessons"
    lessons.mkdir(parents=True)
    for i in range(120):
        text = LESSON.format(i=i, published="true", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        (lessons / f"lesson-{i:03d}.md").write_text(text, encoding="utf-8")
    project = make_project(tmp, tmp / "content")
    build = run_build(project)
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


def test_no_serious_violation_on_a_page_of_a_long_listing(browser, paged_server, scheme):
    page, traffic = open_page(browser, paged_server, color_scheme=scheme)
    page.goto("lessons/page/2/")
    pager = page.get_by_role("navigation", name="Pages of this list")
    expect(pager.locator("[aria-current=page]")).to_have_text("2")
    expect(pager.get_by_role("link", name="Previous")).to_be_visible()
    assert violations(page) == []
    pager.get_by_role("link", name="Page 1").click()
    expect(page).to_have_url(paged_server + "lessons/")
    assert not traffic.errors, traffic.errors
    page.context.close()
