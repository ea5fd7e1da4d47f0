"""/explore/ in a real browser: facets, counts, free text, the URL, the back button, every language."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from knowledge_bank.templating import day

from ..helpers import open_page, serve
from .explore import (
    FACETS,
    checkbox,
    expand_all,
    expect_query,
    expected_counts,
    expected_results,
    nonzero,
    open_explore,
    shown_counts,
    shown_results,
)

NOTHING: dict[str, set[str]] = {name: set() for name in FACETS}


def chosen(**values: set[str]) -> dict[str, set[str]]:
    return {**NOTHING, **values}


def test_lists_every_published_entry_newest_first(page, catalog):
    open_explore(page)
    assert shown_results(page) == expected_results(catalog, NOTHING)
    assert len(shown_results(page)) == len(catalog["entries"]) >= 11
    assert nonzero(shown_counts(page)) == expected_counts(catalog, NOTHING)
    first = page.locator(".kb-explore__list > li").first
    record = catalog["entries"][0]
    assert first.locator(".kb-item__title").inner_text() == record["title"]
    assert first.locator(".kb-item__summary").inner_text() == record["summary"]
    meta = first.locator(".kb-item__meta").inner_text()
    assert first.locator("time").get_attribute("datetime") == record["date"]
    assert first.locator("time").inner_text() == day(dt.date.fromisoformat(record["date"]))
    assert all(c["name"] in meta for c in record["countries"]), meta


def test_each_facet_value_narrows_the_results_to_exactly_its_count(page, catalog):
    open_explore(page)
    expand_all(page)
    before = shown_counts(page)
    tried = 0
    for facet, values in before.items():
        for value, count in values.items():
            box = checkbox(page, facet, value)
            box.check()
            results = shown_results(page)
            assert len(results) == count, (facet, value)
            assert results == expected_results(catalog, chosen(**{facet: {value}})), (facet, value)
            expect_query(page, urlencode({facet: value}))
            box.uncheck()
            expect_query(page, "")
            tried += 1
    assert tried >= 40
    assert set(before) == set(FACETS)
    assert shown_results(page) == expected_results(catalog, NOTHING)


def test_facets_combine_with_and_values_with_or(page, catalog):
    open_explore(page)
    expand_all(page)
    steps = [("country", "CL"), ("country", "UY"), ("phase", "implementation"), ("sdg", "1"), ("kind", "lesson")]
    state = chosen()
    for facet, value in steps:
        shown_before = shown_counts(page)[facet][value]
        was = len(shown_results(page))
        checkbox(page, facet, value).check()
        state[facet] = state[facet] | {value}
        results = shown_results(page)
        assert results == expected_results(catalog, state), (facet, value)
        assert results, "the steps must keep at least one entry"
        if len(state[facet]) == 1:
            assert len(results) == shown_before  # a first value of a facet leaves exactly its count
        else:
            assert len(results) >= was  # a second value of the same facet widens
        assert nonzero(shown_counts(page)) == nonzero(expected_counts(catalog, state)), (facet, value)
    # A value that no matching entry has is offered but cannot be chosen.
    disabled = page.locator("fieldset[data-facet] input:disabled")
    assert disabled.count() > 0
    assert page.locator(".kb-explore__chosen button").count() == len(steps)


def test_free_text_searches_titles_summaries_keywords_countries_and_institutions(page, catalog):
    open_explore(page)
    words = page.get_by_label("Words to find")
    for query in ("Brasil", "pérou", "ministerio desarrollo", "interoperability", "CUIDADORAS"):
        words.fill(query)
        expected = expected_results(catalog, NOTHING, query)
        expect_query(page, urlencode({"text": query}))  # set once the results of this query are drawn
        expect(page.locator(".kb-explore__list > li")).to_have_count(len(expected))
        assert shown_results(page) == expected, query
        assert expected, f"{query} should find something in the sample content"
    words.fill("zzz no such word")
    expect(page.locator(".kb-explore__status")).to_have_text("No entry matches. Remove a filter, or clear them all.")
    expect(page.locator(".kb-explore__list > li")).to_have_count(0)
    # Text and facets combine.
    words.fill("care")
    checkbox(page, "kind", "round").check()
    assert shown_results(page) == expected_results(catalog, chosen(kind={"round"}), "care")


def test_state_lives_in_the_url_and_the_back_button_undoes_a_filter(page, catalog):
    open_explore(page, "?phase=formulation&country=UY&text=care")
    assert checkbox(page, "phase", "formulation").is_checked()
    assert checkbox(page, "country", "UY").is_checked()
    assert page.get_by_label("Words to find").input_value() == "care"
    state = chosen(phase={"formulation"}, country={"UY"})
    assert shown_results(page) == expected_results(catalog, state, "care")
    # The page rewrites the query in its own order; unknown values are dropped.
    expect_query(page, "text=care&country=UY&phase=formulation")

    checkbox(page, "phase", "formulation").uncheck()
    expect_query(page, "text=care&country=UY")
    checkbox(page, "sdg", "5").check()
    expect_query(page, "text=care&country=UY&sdg=5")
    after = chosen(country={"UY"}, sdg={"5"})
    assert shown_results(page) == expected_results(catalog, after, "care")
    address = page.url

    page.go_back()
    expect(checkbox(page, "sdg", "5")).not_to_be_checked()
    assert shown_results(page) == expected_results(catalog, chosen(country={"UY"}), "care")
    page.go_back()
    expect(checkbox(page, "phase", "formulation")).to_be_checked()
    assert shown_results(page) == expected_results(catalog, state, "care")
    page.go_forward()
    page.go_forward()
    expect(checkbox(page, "sdg", "5")).to_be_checked()
    assert page.url == address

    page.reload()
    expect(checkbox(page, "sdg", "5")).to_be_checked()
    assert shown_results(page) == expected_results(catalog, after, "care")

    page.goto("explore/?country=XX&sdg=99&kind=round")
    expect(checkbox(page, "kind", "round")).to_be_checked()
    expect_query(page, "kind=round")


def test_reached_from_the_tabs_and_restored_by_the_back_button(page, catalog):
    page.goto("")
    page.wait_for_load_state("networkidle")
    page.locator(".md-tabs__link", has_text="Explore").click()
    expect(page).to_have_url(re.compile(r"/explore/$"))
    expect(page.locator(".kb-explore__list > li")).to_have_count(len(catalog["entries"]))
    checkbox(page, "kind", "round").check()
    expect_query(page, "kind=round")
    first = page.locator(".kb-explore__list a.kb-item__title").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_contain_text(title)
    page.go_back()
    expect(checkbox(page, "kind", "round")).to_be_checked()
    assert shown_results(page) == expected_results(catalog, chosen(kind={"round"}))


def test_keyboard_alone(page, catalog):
    open_explore(page)
    page.get_by_label("Words to find").focus()
    page.keyboard.press("Tab")
    name, kind = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert name == "kind", "the first filter after the words is the first kind"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus must show"
    page.keyboard.press("Space")
    expect(page.locator(".kb-explore__status")).to_contain_text("match")
    assert shown_results(page) == expected_results(catalog, chosen(kind={kind}))
    page.keyboard.press("Space")
    assert shown_results(page) == expected_results(catalog, NOTHING)
    # The status is announced politely; the controls are named.
    assert page.locator(".kb-explore__status").get_attribute("role") == "status"
    for box in page.locator("fieldset[data-facet] input").all()[:5]:
        assert box.evaluate("b => b.labels.length") == 1


def test_markup_in_catalog_text_is_shown_as_text(page, catalog):
    record = next(r for r in catalog["entries"] if "<script>" in r["title"])
    open_explore(page, "?text=markup")
    item = page.locator(".kb-explore__list > li", has=page.locator("a", has_text="markup in a title"))
    expect(item).to_have_count(1)
    item.scroll_into_view_if_needed()  # laid out only once on screen (content-visibility: auto), a frame later
    expect(item.locator(".kb-item__title")).to_have_text(record["title"], use_inner_text=True)
    expect(item.locator(".kb-item__summary")).to_have_text(record["summary"], use_inner_text=True)
    assert page.locator(".kb-explore img, .kb-explore b, .kb-explore em, .kb-explore script").count() == 0
    assert page.evaluate("window.kbInjected") is None


def test_works_when_the_site_lives_below_the_root_of_its_host(browser, site, catalog):
    """As on GitHub Pages (https://owner.github.io/repository/): catalog.json is found from the site's base."""
    with serve(site.project) as base:  # the site is then at /public/
        page, traffic = open_page(browser, base)
        page.goto("public/explore/?country=UY")
        expect(checkbox(page, "country", "UY")).to_be_checked()
        assert shown_results(page) == [f"public/{url}" for url in expected_results(catalog, chosen(country={"UY"}))]
        page.context.close()
        assert not traffic.errors, traffic.errors


def test_without_javascript_the_page_says_so_and_links_the_static_pages(browser, server):
    page, traffic = open_page(browser, server, java_script_enabled=False)
    page.goto("explore/")
    message = page.locator(".kb-explore-nojs")
    expect(message).to_be_visible()
    expect(message).to_contain_text("needs JavaScript")
    links = page.locator(".kb-explore-static a")
    hrefs = {urlsplit(a.get_attribute("href")).path.strip("./") for a in links.all()}
    assert hrefs == {"rounds", "lessons", "countries", "sdgs", "phases", "keywords"}
    page.context.close()


def test_a_catalog_that_cannot_be_loaded_is_reported(browser, server):
    page, traffic = open_page(browser, server)
    page.route("**/catalog.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto("explore/")
    expect(page.locator(".kb-explore__status")).to_contain_text("could not be loaded")
    expect(page.locator(".kb-explore-static a").first).to_be_visible()
    page.context.close()


def test_a_facet_page_opens_explore_with_its_value_chosen(page, catalog):
    page.goto("countries/uruguay/")
    page.get_by_role("link", name="Narrow them down in Explore").click()
    expect(checkbox(page, "country", "UY")).to_be_checked()
    assert shown_results(page) == expected_results(catalog, chosen(country={"UY"}))


def test_long_result_lists_come_fifty_at_a_time(browser, server, catalog):
    copies = [
        {**record, "slug": f"{record['slug']}-{i}", "url": f"{record['url'].rstrip('/')}-{i}/"}
        for i in range(10)
        for record in catalog["entries"]
    ]
    copies.sort(key=lambda r: r["date"], reverse=True)
    big = {**catalog, "entries": copies}
    page, traffic = open_page(browser, server)
    page.route("**/catalog.json", lambda route: route.fulfill(body=json.dumps(big), content_type="application/json"))
    open_explore(page)
    total = len(copies)
    expect(page.locator(".kb-explore__status")).to_have_text(f"All {total} entries, newest first.")
    items = page.locator(".kb-explore__list > li")
    expect(items).to_have_count(50)
    more = page.locator(".kb-explore__more")
    expect(more).to_have_text(f"Show 50 more ({total - 50} left)")
    more.click()
    expect(items).to_have_count(100)
    shown = min(total, 150)
    more.press("Enter")
    expect(items).to_have_count(shown)
    assert shown_results(page) == expected_results(big, NOTHING)[:shown]
    checkbox(page, "kind", "round").check()  # a new choice starts again at the first fifty
    expect(items).to_have_count(min(50, len(expected_results(big, chosen(kind={"round"})))))
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_the_role_filter_combines_with_the_country_filter(page, catalog):
    """ "Peru as beneficiary" lists the rounds Peru asked for, not every entry that names Peru."""
    for state in (
        chosen(role={"beneficiary"}),
        chosen(country={"PE"}),
        chosen(country={"PE"}, role={"beneficiary"}),
        chosen(country={"UY"}, role={"cooperating"}),
        chosen(country={"UY", "PE"}, role={"beneficiary", "actor"}),
    ):
        query = urlencode([(name, v) for name in FACETS for v in sorted(state[name])])
        open_explore(page, f"?{query}")
        expand_all(page)
        assert shown_results(page) == expected_results(catalog, state), query
        assert shown_counts(page) | {} and nonzero(shown_counts(page)) == nonzero(expected_counts(catalog, state)), (
            query
        )
    peru = chosen(country={"PE"})
    assert len(expected_results(catalog, chosen(country={"PE"}, role={"beneficiary"}))) < len(
        expected_results(catalog, peru)
    )


def test_countries_are_grouped_into_the_americas_and_partners_outside(page, catalog):
    open_explore(page)
    expand_all(page)
    items = page.locator('fieldset[data-facet="country"] li')
    texts = items.evaluate_all(
        "lis => lis.map(li => li.classList.contains('kb-facet__group') ? '#' + li.textContent : li.querySelector('input').value)"
    )
    assert texts[0] == "#The Americas"
    split = texts.index("#Partners outside the region")
    assert set(texts[split + 1 :]) == {"IT", "ES", "DE"} & {c for c in catalog["countries"]}
    assert set(texts[1:split]) == set(catalog["regions"]["americas"])


def test_an_empty_result_says_which_removal_would_help(page, catalog):
    state = chosen(country={"UY"}, role={"beneficiary"}, kind={"round"})
    assert not expected_results(catalog, state)
    open_explore(page, "?kind=round&country=UY&role=beneficiary")
    links = page.locator(".kb-explore__without a")
    expect(links).to_have_count(3)
    without_uy = len(expected_results(catalog, chosen(role={"beneficiary"}, kind={"round"})))
    without_role = len(expected_results(catalog, chosen(country={"UY"}, kind={"round"})))
    texts = links.all_inner_texts()
    assert f"Without Uruguay: {without_uy} entries" in texts
    assert any(
        t.startswith("Without Role: Beneficiary:")
        and t.endswith(f" {without_role} entry")
        or t.endswith(f" {without_role} entries")
        for t in texts
    ), texts
    page.get_by_role("link", name=f"Without Uruguay: {without_uy} entries").click()
    expect(page.locator(".kb-explore__list > li")).to_have_count(without_uy)
    expect_query(page, "kind=round&role=beneficiary")
    expect(page.locator(".kb-explore__without")).to_be_hidden()


def test_on_a_phone_a_sticky_button_jumps_from_the_filters_to_the_results(browser, server, catalog):
    page, traffic = open_page(browser, server, viewport={"width": 390, "height": 800})
    open_explore(page)
    page.get_by_role("button", name="Show filters").click()
    checkbox(page, "kind", "round").check()
    rounds = len(expected_results(catalog, chosen(kind={"round"})))
    jump = page.get_by_role("button", name=f"Show {rounds} results")
    expect(jump).to_be_visible()
    assert jump.bounding_box()["y"] < 800  # sticky: on screen while the filters are
    results = page.locator("#kb-explore-results-title")
    assert results.bounding_box()["y"] > 1600  # the results start far below the filters
    jump.click()
    expect(results).to_be_in_viewport()
    expect(page.locator(".kb-explore__status")).to_be_focused()
    page.context.close()
    assert not traffic.errors and not traffic.foreign_hosts()


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_explore_in_each_language_filters_the_same_entries_and_leads_to_that_languages_pages(page, catalog, lang):
    """Explore of the Spanish, Portuguese and French interfaces: the same entries and counts, its words, country
    and phase names in that language, and each result a link to the entry's page in that language."""
    page.goto(f"{lang}/explore/?country=UY&phase=implementation")
    expect(page.locator(".kb-explore__list")).to_be_attached()
    page.wait_for_load_state("networkidle")
    state = chosen(country={"UY"}, phase={"implementation"})
    assert shown_results(page) == [f"{lang}/{url}" for url in expected_results(catalog, state)]
    assert nonzero(shown_counts(page)) == expected_counts(catalog, state)
    legends = page.eval_on_selector_all("fieldset[data-facet] legend", "ls => ls.map(l => l.textContent.trim())")
    labels = catalog["labels"]
    assert labels["explore.facets.country"][lang] in legends and labels["explore.facets.country"]["en"] not in legends
    uruguay = checkbox(page, "country", "UY").locator("xpath=..")
    expect(uruguay).to_contain_text(catalog["countries"]["UY"][lang])
    phase = checkbox(page, "phase", "implementation").locator("xpath=..")
    expect(phase).to_contain_text(catalog["phases"]["implementation"][lang])
    # The Red Calle card (in English, Uruguay, implementation) has its title and summary in each of these languages.
    red_calle = page.locator(f'a.kb-item__title[href$="{lang}/lessons/red-calle/"]')
    translated = next(r for r in catalog["entries"] if r["slug"] == "red-calle")["translations"][lang]
    expect(red_calle).to_have_text(translated["title"])
    assert red_calle.get_attribute("lang") is None
