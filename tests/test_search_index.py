"""What the built site gives the search and Explore: the search index's settings and documents, the
names entry pages carry in four languages, and the keyword groups of catalog.json."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.catalog import keyword_slug

from .test_build import PUBLIC

pytestmark = pytest.mark.build


def search_index(build) -> dict:
    return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_stems_the_four_languages(repo_build):
    config = search_index(repo_build)["config"]
    assert config["lang"] == ["en", "es", "pt", "fr"]
    assert set(config["pipeline"]) == {"stemmer", "stopWordFilter", "trimmer"}


def test_pages_run_search_in_our_worker_which_loads_materials(repo_build):
    html = repo_build.page("")
    config = json.loads(BeautifulSoup(html, "lxml").select_one("script#__config").string)
    worker, _, material = config["search"].partition("?material=")
    assert worker == "assets/javascripts/workers/kb-search.js"
    assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", material)
    workers = repo_build.site / "assets" / "javascripts" / "workers"
    assert (workers / "kb-search.js").is_file() and (workers / material).is_file()


def test_index_and_explore_pages_stay_out_of_the_search_index(repo_build):
    locations = {doc["location"].split("#")[0] for doc in search_index(repo_build)["docs"]}
    assert "explore/" not in locations
    for folder in ("rounds/", "lessons/", "countries/", "sdgs/", "phases/", "keywords/"):
        assert folder not in locations
    assert not any(re.match(r"(countries|sdgs|phases|keywords)/.", loc) for loc in locations)
    entries = {loc for loc in locations if re.fullmatch(r"(rounds|lessons)/[^/]+/", loc)}
    assert entries == {f"{kind}/{slug}/" for kind, slug, _ in PUBLIC}


def test_related_entries_do_not_make_an_entry_a_hit_for_their_words(repo_build):
    docs = search_index(repo_build)["docs"]
    related = [d for d in docs if d["location"].endswith("#related-entries")]
    assert related, "the sample content has related entries"
    assert all(d["text"] == "" for d in related)
    page = BeautifulSoup(repo_build.page("rounds/peru-national-care-system"), "lxml")
    assert page.select("ul.kb-list[data-search-exclude] > li")


def test_entry_pages_name_countries_phase_and_sdgs_in_spanish_portuguese_and_french(repo_build):
    page = BeautifulSoup(repo_build.page("lessons/alimentacao-escolar-agricultura-familiar"), "lxml")
    rows = {li["lang"]: li.get_text(" ", strip=True) for li in page.select(".kb-translations > li")}
    assert set(rows) == {"es", "pt", "fr"}
    assert "Brasil" in rows["es"] and "Brasil" in rows["pt"] and "Brésil" in rows["fr"]
    assert "ODS 2 Hambre cero" in rows["es"] and "ODD 2" in rows["fr"] and "Formulação" in rows["pt"]
    docs = [  # the page's first section (key facts) and its "About this entry" section (the other languages)
        d
        for d in search_index(repo_build)["docs"]
        if d["location"].startswith("lessons/alimentacao-escolar-agricultura-familiar/")
    ]
    text = " ".join(d["text"] for d in docs)
    for name in ("Brazil", "Brasil", "Brésil", "Fin de la pobreza", "ODS 1", "SDG 1"):
        assert name in text, name
    assert "PortuguêsIn" not in text, "facts must stay separate words in the index"


def test_catalog_groups_keywords_as_the_keyword_pages_do(repo_build):
    catalog = json.loads((repo_build.site / "catalog.json").read_text(encoding="utf-8"))
    groups = catalog["keywords"]
    used = {k for e in catalog["entries"] for k in e["keywords"]}
    assert {s for g in groups.values() for s in g["spellings"]} == used
    for slug, group in groups.items():
        assert all(keyword_slug(s) == slug for s in group["spellings"])
        assert (repo_build.site / "keywords" / slug / "index.html").is_file()
