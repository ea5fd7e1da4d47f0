"""What the built site gives the search and Explore: the Pagefind bundle written by `mkdocs build` (which pages,
with which metadata and filters), the names entry pages carry in four languages, and the keyword groups of
catalog.json. The search itself, in a browser: tests/browser/test_search.py."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.catalog import keyword_slug
from knowledge_bank.kinds import KINDS
from knowledge_bank.search_index import SearchIndexer, indexed_pages

from .helpers import search_records
from .test_build import PUBLIC

pytestmark = pytest.mark.build


def test_the_build_writes_the_search_bundle_and_no_material_search(repo_build):
    bundle = repo_build.site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("wasm.*.pagefind"))
    assert not (repo_build.site / "search").exists()
    assert not (repo_build.site / "assets" / "javascripts" / "workers" / "kb-search.js").exists()
    config = json.loads(BeautifulSoup(repo_build.page(""), "lxml").select_one("script#__config").string)
    assert not (repo_build.site / config["search"]).with_suffix("").with_suffix(".json").exists()
    assert (repo_build.site / "assets" / "javascripts" / "search" / "index.js").is_file()


def test_no_page_loads_the_search_before_it_is_used(repo_build):
    for url in ("", "lessons/red-calle/", "explore/"):
        soup = BeautifulSoup(repo_build.page(url), "lxml")
        sources = [s.get("src", "") for s in soup.select("script")] + [s.get("href", "") for s in soup.select("link")]
        assert not [src for src in sources if "pagefind" in src or "search" in src], url
        assert soup.select_one(".md-search input.md-search__input")  # the box is there, in the header
        assert soup.select_one(".md-header .md-search")


def test_only_entries_and_hand_written_pages_are_indexed(repo_build):
    """One index for the four interfaces: each entry once (its English page), each hand-written page in each language."""
    urls = set(search_records(repo_build.site))
    entries = {url for url in urls if re.fullmatch(r"(es/|pt/|fr/)?(rounds|lessons)/[^/]+/", url)}
    assert entries == {f"{kind}/{slug}/" for kind, slug, _ in PUBLIC}
    for lang in ("", "es/", "pt/", "fr/"):
        assert {f"{lang}{page}" for page in ("", "about/", "contribute/", "data/")} <= urls
        assert f"{lang}explore/" not in urls
    listings = r"(es/|pt/|fr/)?((countries|sdgs|phases|keywords)/|(rounds|lessons)/(page/|$))"
    assert not [url for url in urls if re.match(listings, url)]
    entry = json.loads((repo_build.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"] and (repo_build.site / "pagefind" / "wasm.en.pagefind").is_file()


def test_pagefind_reads_every_page_that_has_text_to_index(repo_build):
    """Pagefind reads only the entry pages and the hand-written pages (indexed_pages): none that holds text for the
    search is left out of what it reads."""
    site = repo_build.site
    with_body = {
        page.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for page in site.rglob("*.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    }
    with_body = {url.removeprefix("/") for url in with_body}
    assert with_body and with_body == set(search_records(site))


def test_pagefind_reading_what_the_hooks_kept_of_each_page_finds_what_it_finds_in_the_whole_pages(repo_build, tmp_path):
    """Pagefind reads the pages cut to their content (search_index.SearchSource), not the pages as written: the index
    holds the same records, text, metadata, filters and anchors, as Pagefind makes from the whole pages."""
    site = tmp_path / "site"
    shutil.copytree(repo_build.site, site, ignore=shutil.ignore_patterns("pagefind"))
    hand_written = [
        p.relative_to(site).as_posix() for p in site.rglob("index.html") if "data-pagefind-body" in p.read_text()
    ]
    SearchIndexer().index(site, indexed_pages(hand_written, KINDS))  # the whole pages (the entries' among them)
    assert search_records(site) == search_records(repo_build.site)


def test_the_glob_of_indexed_pages_refuses_what_it_cannot_hold():
    assert indexed_pages(["index.html", "about/index.html"], ["rounds"]) == (
        "{about/index.html,index.html,rounds/*/index.html}"
    )
    with pytest.raises(ValueError, match="Pagefind glob"):
        indexed_pages(["a,b/index.html"], ["rounds"])


def test_an_entry_is_indexed_with_its_metadata_and_filters_not_its_facts(repo_build):
    record = search_records(repo_build.site)["lessons/alimentacao-escolar-agricultura-familiar/"]
    meta, filters = record["meta"], record["filters"]
    assert filters["kind"] == ["lesson"] and filters["type"] == ["entry"] and filters["language"] == ["pt"]
    assert "BR" in filters["country"] and "2" in filters["sdg"]  # codes, which search-labels.json names
    assert "Brazil" in meta["countries_en"] and "Brasil" in meta["countries_es"] and "Brésil" in meta["countries_fr"]
    assert re.fullmatch(r"20\d{6}", meta["date"])  # one word: its numbers are not found (the results format it)
    terms = ("Brazil", "Brasil", "Brésil", "BR", "BRA", "ODS 2 Hambre cero", "SDG 1", "ODD 1", "Formulação", "Ficha")
    for name in terms:
        assert name in meta["terms"], name
    assert "In other languages" not in record["content"] and "Keywords" not in record["content"]
    # The interface's headings are no entry's words (the one index serves every language), nor is its title twice.
    assert "About this entry" not in record["content"] and "Cite this" not in record["content"]
    assert record["content"].count(meta["title"]) <= 1
    assert "Related entries" not in record["content"]
    assert meta["title"] and "¶" not in meta["title"] and "¶" not in record["content"]


def test_a_hand_written_page_is_a_page_to_the_search_in_its_language(repo_build):
    records = search_records(repo_build.site)
    for lang, url in (("en", "about/"), ("es", "es/about/"), ("pt", "pt/about/"), ("fr", "fr/about/")):
        assert records[url]["filters"] == {"type": ["page"], "interface": [lang]}, url


def test_the_search_names_the_filters_values_in_each_language(repo_build):
    """The index's filters hold codes; each language's search-labels.json names them, for the published entries."""
    records = search_records(repo_build.site)
    used = {code for record in records.values() for code in record["filters"].get("country", [])}
    for lang, brazil, sdg2, lesson in (
        ("", "Brazil", "SDG 2 · Zero hunger", "Lessons-learnt card"),
        ("es/", "Brasil", "ODS 2 · Hambre cero", "Ficha de lecciones aprendidas"),
        ("pt/", "Brasil", "ODS 2 · Fome zero e agricultura sustentável", "Ficha de lições aprendidas"),
        ("fr/", "Brésil", "ODD 2 · Faim « zéro »", "Fiche d'enseignements tirés"),
    ):
        labels = json.loads((repo_build.site / f"{lang}search-labels.json").read_text(encoding="utf-8"))
        assert set(labels["country"]) == used, lang
        assert (labels["country"]["BR"], labels["sdg"]["2"], labels["kind"]["lesson"]) == (brazil, sdg2, lesson)


def test_entry_pages_carry_the_language_of_their_body(repo_build):
    page = BeautifulSoup(repo_build.page("lessons/alimentacao-escolar-agricultura-familiar"), "lxml")
    assert page.html["lang"] == "en"  # the interface
    assert page.select_one(".kb-body")["lang"] == "pt" and page.select_one(".kb-summary")["lang"] == "pt"


def test_related_entries_do_not_make_an_entry_a_hit_for_their_words(repo_build):
    page = BeautifulSoup(repo_build.page("rounds/peru-national-care-system"), "lxml")
    assert page.select('ul.kb-list[data-pagefind-ignore="all"] > li')
    related = [a.get_text() for a in page.select("ul.kb-list a.kb-item__title")]
    content = search_records(repo_build.site)["rounds/peru-national-care-system/"]["content"]
    assert related and not [title for title in related if title in content]


def test_entry_pages_name_countries_phase_and_sdgs_in_spanish_portuguese_and_french(repo_build):
    page = BeautifulSoup(repo_build.page("lessons/alimentacao-escolar-agricultura-familiar"), "lxml")
    rows = {li["lang"]: li.get_text(" ", strip=True) for li in page.select(".kb-translations > li")}
    assert set(rows) == {"es", "pt", "fr"}
    assert "Brasil" in rows["es"] and "Brasil" in rows["pt"] and "Brésil" in rows["fr"]
    assert "ODS 2 Hambre cero" in rows["es"] and "ODD 2" in rows["fr"] and "Formulação" in rows["pt"]


def test_catalog_groups_keywords_as_the_keyword_pages_do(repo_build):
    catalog = json.loads((repo_build.site / "catalog.json").read_text(encoding="utf-8"))
    groups = catalog["keywords"]
    used = {k for e in catalog["entries"] for k in e["keywords"]}
    assert {s for g in groups.values() for s in g["spellings"]} == used
    for slug, group in groups.items():
        assert all(keyword_slug(s) == slug for s in group["spellings"])
        assert (repo_build.site / "keywords" / slug / "index.html").is_file()


def test_translated_titles_are_metadata_not_text(repo_build):
    """An excerpt comes from the text, marked with the entry's language: translations must not be in it."""
    record = search_records(repo_build.site)["lessons/red-calle/"]
    assert record["meta"]["title_es"].startswith("Construir juntos")
    assert "Construir juntos" not in record["content"] and "Construire ensemble" not in record["content"]
