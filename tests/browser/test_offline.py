"""No third parties: the built site asks no host but its own for anything, so it works offline and
tells nobody else who visits."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import expect

from ..helpers import open_page

RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}
LOADING_LINKS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "dns-prefetch", "preconnect"}


def test_visiting_pages_requests_nothing_from_another_host(browser, server):
    page, traffic = open_page(browser, server)
    for url in ("", "rounds/peru-national-care-system/", "lessons/red-calle/", "countries/", "data/", "about/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.goto("explore/")
    page.locator('fieldset[data-facet="kind"] input').first.check()
    page.locator(".kb-explore__list a.kb-item__title").first.click()
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    box.fill("Brasil")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ results$"))
    page.context.close()
    assert len(traffic.requests) > 20
    assert traffic.foreign_hosts() == set()
    # The sitemap (every address in four languages) is for search engines: no page view downloads it.
    assert not [url for url in traffic.requests if "sitemap" in url]
    assert not traffic.errors, traffic.errors


def test_the_repository_link_and_edit_button_stay_but_fetch_nothing(page, site):
    page.goto("lessons/red-calle/")
    page.wait_for_load_state("networkidle")
    repository = page.locator(".md-header a.md-source")
    assert repository.get_attribute("href") == "https://github.com/knowledge-bank/knowledge-bank"
    # With data-md-component="source", Material would fetch stars and forks from the repository's host.
    assert page.locator("[data-md-component=source]").count() == 0
    edit = page.locator("a.md-content__button[href*='/edit/']")
    assert edit.get_attribute("href").endswith("/edit/main/lessons/red-calle.md")


def test_no_built_page_or_stylesheet_loads_anything_from_another_host(site):
    foreign = []
    for html in site.site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                if urlsplit(element.get(attribute, "")).netloc:
                    foreign.append(f"{html.relative_to(site.site)}: <{tag} {attribute}={element[attribute]}>")
        for link in soup.find_all("link", href=True):
            if LOADING_LINKS & set(link.get("rel", [])) and urlsplit(link["href"]).netloc:
                foreign.append(f"{html.relative_to(site.site)}: <link rel={link['rel']} href={link['href']}>")
        for style in soup.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                foreign.append(f"{html.relative_to(site.site)}: style={style['style']}")
    for css in site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for match in re.finditer(r"(@import\s+['\"]?|url\(\s*['\"]?)(https?:)?//[^)'\"\s]+", text):
            foreign.append(f"{css.relative_to(site.site)}: {match.group(0)}")
    assert not foreign, foreign[:20]
