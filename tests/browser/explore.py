"""Helpers of the Explore tests: what the page shows, and what it should show, computed here from
catalog.json independently of the page's script."""

from __future__ import annotations

import unicodedata

from playwright.sync_api import Page, expect

from knowledge_bank.catalog import keyword_slug

FACETS = ("kind", "country", "role", "phase", "sdg", "keyword", "year")


def values_of(record: dict) -> dict[str, set[str]]:
    """The facet values of one catalog record."""
    return {
        "kind": {record["kind"]},
        "country": {c["code"] for c in record["countries"]},
        "role": {r for c in record["countries"] for r in c["roles"]},
        "phase": {record["phase"]},
        "sdg": {str(n) for n in record["sdgs"]},
        "keyword": {keyword_slug(k) for k in record["keywords"]},
        "year": {record["date"][:4]},
    }


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def text_of(record: dict, catalog: dict) -> str:
    names = [name for c in record["countries"] for name in catalog["countries"][c["code"]].values()]
    codes = [c["code"] for c in record["countries"]]
    keywords = [  # a keyword of the thesaurus by its names in the four languages
        name
        for group in catalog["keywords"].values()
        if set(group["spellings"]) & set(record["keywords"])
        for name in (group.get("labels") or {}).values()
    ]
    return fold(
        " ".join(
            [
                record["title"],
                record["summary"],
                *record["keywords"],
                *keywords,
                *names,
                *codes,
                *record["institutions"],
            ]
        )
    )


def matches(record: dict, catalog: dict, state: dict[str, set[str]], q: str = "", skip: str | None = None) -> bool:
    """AND across facets (except ``skip``), OR within one; every word of ``q`` in the entry's text."""
    values = values_of(record)
    if any(word not in text_of(record, catalog) for word in fold(q).split()):
        return False
    linked = ("country", "role")
    if not all(not chosen or values[name] & chosen for name, chosen in state.items() if name not in (skip, *linked)):
        return False
    countries = set() if skip == "country" else state.get("country", set())
    roles = set() if skip == "role" else state.get("role", set())
    return any((not countries or c in countries) and (not roles or r in roles) for c, r in pairs(record))


def pairs(record: dict) -> list[tuple[str, str]]:
    """(country, role) of a record: "Uruguay as beneficiary" needs Uruguay itself to be the beneficiary."""
    return [(c["code"], r) for c in record["countries"] for r in c["roles"]]


def counted_values(record: dict, name: str, state: dict[str, set[str]]) -> set[str]:
    """The values of facet ``name`` a matching record adds to: a country only in a chosen role, and the reverse."""
    if name == "country":
        return {c for c, r in pairs(record) if not state.get("role") or r in state["role"]}
    if name == "role":
        return {r for c, r in pairs(record) if not state.get("country") or c in state["country"]}
    return values_of(record)[name]


def expected_results(catalog: dict, state: dict[str, set[str]], q: str = "") -> list[str]:
    """URLs of the matching entries, newest first."""
    found = [r for r in catalog["entries"] if matches(r, catalog, state, q)]
    found.sort(key=lambda r: r["date"], reverse=True)
    return [r["url"] for r in found]


def expected_counts(catalog: dict, state: dict[str, set[str]], q: str = "") -> dict[str, dict[str, int]]:
    """Each value's count: entries matching every other facet and the text, and having the value."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for name in FACETS:
        for record in catalog["entries"]:
            if matches(record, catalog, state, q, skip=name):
                for value in counted_values(record, name, state):
                    counts[name][value] = counts[name].get(value, 0) + 1
    return counts


def open_explore(page: Page, query: str = "") -> None:
    page.goto(f"explore/{query}")
    expect(page.locator(".kb-explore__list")).to_be_attached()
    page.wait_for_load_state("networkidle")


def expand_all(page: Page) -> None:
    folded = page.locator(".kb-facet__more[aria-expanded=false]")
    for _ in range(folded.count()):
        folded.first.click()
    expect(folded).to_have_count(0)


def shown_results(page: Page) -> list[str]:
    """The entries listed, as URLs relative to the site root."""
    return page.eval_on_selector_all(
        ".kb-explore__list > li > a.kb-item__title",
        "links => links.map(a => new URL(a.href).pathname.replace(/^\\//, ''))",
    )


def shown_counts(page: Page) -> dict[str, dict[str, int]]:
    """The number beside every facet value, shown or folded away (zero counts included)."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("fieldset[data-facet]")].map(fieldset => [
            fieldset.dataset.facet,
            Object.fromEntries([...fieldset.querySelectorAll("li.kb-facet__value")].map(li => [
                li.querySelector("input").value, Number(li.querySelector(".kb-count").firstChild.nodeValue)]))]))"""
    )


def checkbox(page: Page, facet: str, value: str):
    return page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]')


def state_string(page: Page) -> str:
    return page.locator("[data-kb-explore]").get_attribute("data-state") or ""


def expect_query(page: Page, query: str) -> None:
    """Wait until the address's query is ``query`` (the page sets it just after drawing the results)."""
    page.wait_for_function("query => location.search === query", arg=f"?{query}" if query else "")


def nonzero(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {name: {k: n for k, n in values.items() if n} for name, values in counts.items()}
