"""An entry's page reads like a report, prints like one, and the home page is a front door: checked in Chromium
at desktop (1,280 × 800) and phone width."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ..helpers import open_page

ROUND = "rounds/peru-national-care-system/"


def test_the_report_text_starts_within_the_first_screen(browser, server):
    page, traffic = open_page(browser, server, viewport={"width": 1280, "height": 800})
    page.goto(ROUND)
    first_heading = page.locator("article h2").first
    expect(first_heading).to_have_text(re.compile("Description of the round"))
    assert first_heading.bounding_box()["y"] < 800, "the report's first section is on the first screen"
    download = page.locator("a.kb-report__download")
    assert download.bounding_box()["y"] + download.bounding_box()["height"] < 800
    expect(page.locator(".kb-report__file")).to_have_text(re.compile(r"^PDF, 3 pages, \d+ kB$"))
    facts = page.locator(".kb-keyfacts dt").all_inner_texts()
    assert [f.lower() for f in facts[:3]] == ["beneficiary", "cooperating countries", "on-site visit"]
    expect(page.locator(".kb-kind")).to_contain_text("Published Mar 14, 2025")
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_at_phone_width_the_download_comes_before_the_text(browser, server):
    page, _ = open_page(browser, server, viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(ROUND)
    download = page.locator("a.kb-report__download").bounding_box()
    text = page.locator("article h2").first.bounding_box()
    assert download["y"] < text["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"
    page.context.close()


def test_printing_shows_address_citation_and_date_and_no_site_furniture(browser, server):
    page, _ = open_page(browser, server)
    page.goto(ROUND)
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".kb-cite__copy",
        "a.kb-report__download",
        "ul.kb-list[data-pagefind-ignore]",
        ".md-footer",
    ):
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    note = page.locator(".kb-print-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(re.compile(rf"Address: \S+/{ROUND}"))
    expect(note).to_contain_text("Cite as: Ministerio de Desarrollo e Inclusión Social")
    expect(note.locator("[data-kb-print-date]")).to_have_text(re.compile(r"\d{4}"))
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.context.close()


def test_the_home_page_search_opens_the_site_search(browser, server):
    page, traffic = open_page(browser, server)
    page.goto("")
    numbers = page.locator(".kb-home__numbers li")
    expect(numbers).to_have_count(4)
    expect(page.locator(".kb-list > li")).to_have_count(5)
    page.locator("[data-kb-open-search]").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/$")), "the button opened the search, it did not go to Explore"
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_without_javascript_the_home_page_search_leads_to_explore(browser, server):
    page, _ = open_page(browser, server, java_script_enabled=False)
    page.goto("")
    page.locator("[data-kb-open-search]").click()
    expect(page).to_have_url(re.compile(r"/explore/$"))
    page.context.close()
