"""The four languages in a real browser: a first visit is offered the page in the browser's language (never sent
there), the choice is remembered, and the switcher leads to the same page in each language."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ..helpers import open_page


def test_a_first_visit_is_offered_the_page_in_the_browsers_language_and_can_stay(browser, server):
    page, traffic = open_page(browser, server, locale="es-ES")
    page.goto("lessons/red-calle/")
    offer = page.locator(".kb-offer")
    expect(offer).to_be_visible()
    expect(offer).to_have_attribute("lang", "es")
    expect(offer).to_contain_text("Esta página también está en español.")
    expect(page).to_have_url(re.compile(r"/lessons/red-calle/$"))  # offered, not sent
    go = offer.get_by_role("link", name="Leerla en español")
    expect(go).to_have_attribute("href", re.compile(r"/es/lessons/red-calle/$"))
    offer.get_by_role("button", name="Seguir en inglés").click()
    expect(offer).to_be_hidden()
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(offer).to_be_hidden()  # the choice to stay is remembered
    page.context.close()
    assert not traffic.errors, traffic.errors


def test_the_switcher_leads_to_the_same_page_and_the_choice_is_remembered(browser, server):
    page, traffic = open_page(browser, server, locale="en-US")
    page.goto("countries/brazil/")
    expect(page.locator(".kb-offer")).to_be_hidden()  # the browser's language is the page's
    page.locator(".kb-languages button").hover()
    page.locator(".kb-languages a[hreflang=pt]").click()
    expect(page).to_have_url(re.compile(r"/pt/countries/brazil/$"))
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(page.locator(".kb-offer")).to_be_hidden()
    page.goto("about/")  # an English page, for a visitor who chose Portuguese: offered in Portuguese
    offer = page.locator(".kb-offer")
    expect(offer).to_contain_text("Esta página também está em português.")
    expect(offer.get_by_role("link", name="Ler em português")).to_have_attribute("href", re.compile(r"/pt/about/$"))
    page.context.close()
    assert not traffic.errors, traffic.errors
