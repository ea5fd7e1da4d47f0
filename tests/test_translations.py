"""An entry's title and summary in other languages (its `translations`): validated like every field, shown by the
interface of that language marked as a translation (its text stays in its own language), in listings, Explore's
catalog and the search. The sample content has them: the Red Calle card (English) in Spanish, Portuguese and
French, the Guatemala round (Spanish) in English."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.loader import load_content

from .helpers import content_root, search_records, write_entry
from .test_exports import LESSON

RED_CALLE = "lessons/red-calle/"
GUATEMALA = "rounds/guatemala-registro-social/"
SPANISH_TITLE = "Construir juntos la metodología de trabajo entre pares"
ORIGINAL_TITLE = "Building together the methodology of work between peers"


def _problems(tmp_path, fields: dict) -> list[tuple[int, str, str]]:
    content = tmp_path / "content"
    write_entry(content, "lessons", "translated", {**LESSON, **fields})
    loaded = load_content(content_root(tmp_path, content))
    return [(p.line, p.field, p.message) for p in loaded.problems if p.is_error]


def test_an_entry_may_carry_its_title_and_summary_in_other_languages(tmp_path):
    spanish = {"title": "Lección con agencias", "summary": "Lo que aprendieron dos agencias."}
    content = tmp_path / "content"
    write_entry(content, "lessons", "translated", {**LESSON, "translations": {"es": spanish}})
    loaded = load_content(content_root(tmp_path, content))
    assert not [p for p in loaded.problems if p.is_error]
    fields = loaded.entries[0].fields
    assert fields.translation("es").title == "Lección con agencias" and fields.translation("fr") is None
    assert list(fields.translated()) == ["es"]


@pytest.mark.parametrize(
    ("translations", "field", "fragment"),
    [
        ({"de": {"title": "Titel", "summary": "Text."}}, "translations.de", "allowed fields: en, es, pt, fr"),
        ({"es": {"title": "Título"}}, "translations.es.summary", "add a line `summary: …` under `translations.es`"),
        ({"es": {"title": "", "summary": "Texto."}}, "translations.es.title", ""),
        ({"es": {"title": "x" * 201, "summary": "Texto."}}, "translations.es.title", "200"),
        ({"en": {"title": "Title", "summary": "Text."}}, "translations.en", "already in it; remove `translations.en`"),
        ("in Spanish", "translations", ""),
    ],
)
def test_a_wrong_translation_is_reported_at_its_field(tmp_path, translations, field, fragment):
    """The card is written in English (`language` left out): a translation into English is one too many."""
    problems = _problems(tmp_path, {"translations": translations})
    assert [f for _, f, _ in problems] == [field], problems
    line, _, message = problems[0]
    assert line == 15 and fragment in message, problems  # `translations:` is the 14th field, after `---`


def test_a_translation_into_its_own_language_is_reported_with_the_other_problems(tmp_path):
    problems = _problems(tmp_path, {"phase": "formulashun", "translations": {"en": {"title": "T", "summary": "S."}}})
    assert {f for _, f, _ in problems} == {"phase", "translations.en"}, problems


def test_the_page_in_a_translated_language_shows_the_translation_marked_as_one(repo_build):
    page = BeautifulSoup(repo_build.page("es/" + RED_CALLE), "lxml")
    h1 = page.select_one("h1")
    assert h1.get_text().rstrip("¶") == SPANISH_TITLE and not h1.get("lang")
    assert page.title.get_text().startswith(SPANISH_TITLE)
    summary = page.select_one(".kb-summary")
    assert summary.get_text().startswith("Red Calle empezó") and not summary.get("lang")
    note = page.select_one(".kb-translated")
    assert "Título y resumen traducidos del original en inglés" in note.get_text()
    assert note.select_one("cite")["lang"] == "en" and note.select_one("cite").get_text() == ORIGINAL_TITLE
    assert page.select_one(".kb-body")["lang"] == "en"  # the text stays in its own language


def test_the_page_in_the_entrys_own_language_shows_it_as_written(repo_build):
    page = BeautifulSoup(repo_build.page(RED_CALLE), "lxml")
    assert page.select_one("h1").get_text().rstrip("¶") == ORIGINAL_TITLE and not page.select(".kb-translated")
    spanish_round = BeautifulSoup(repo_build.page("es/" + GUATEMALA), "lxml")
    assert spanish_round.select_one("h1").get_text().startswith("Fortalecimiento del registro social")
    english_round = BeautifulSoup(repo_build.page(GUATEMALA), "lxml")
    assert english_round.select_one("h1").get_text().startswith("Strengthening the social registry")
    assert "translated from the original in Spanish" in english_round.select_one(".kb-translated").get_text()
    assert english_round.select_one(".kb-body")["lang"] == "es"


def test_listings_show_the_translated_title_in_the_pages_language(repo_build):
    for lang, title in (("fr/", "Construire ensemble la méthodologie"), ("pt/", "Construir juntos a metodologia")):
        page = BeautifulSoup(repo_build.page(lang + "lessons/"), "lxml")
        link = page.select_one(f'a.kb-item__title[href$="{RED_CALLE.removeprefix("lessons/")}"]')
        link = link or next(a for a in page.select("a.kb-item__title") if "red-calle" in a["href"])
        assert link.get_text().startswith(title) and not link.get("lang"), lang


def test_the_catalog_and_the_search_carry_the_translations(repo_build):
    catalog = json.loads((repo_build.site / "catalog.json").read_text(encoding="utf-8"))
    record = next(r for r in catalog["entries"] if r["slug"] == "red-calle")
    assert set(record["translations"]) == {"es", "pt", "fr"}
    assert record["translations"]["es"]["title"] == SPANISH_TITLE
    meta = search_records(repo_build.site)[RED_CALLE]["meta"]
    assert meta["title"] == ORIGINAL_TITLE and meta["title_es"] == SPANISH_TITLE and "title_en" not in meta
    guatemala = search_records(repo_build.site)[GUATEMALA]["meta"]
    assert guatemala["title"].startswith("Fortalecimiento") and guatemala["title_en"].startswith("Strengthening")


def test_headings_permalinks_are_titled_in_the_pages_language(repo_build):
    for lang, words in (("es/", "Enlace permanente"), ("pt/", "Link permanente"), ("fr/", "Lien permanent")):
        for url in (RED_CALLE, "about/"):
            links = BeautifulSoup(repo_build.page(lang + url), "lxml").select("a.headerlink")
            assert links and {a["title"] for a in links} == {words}, (lang, url)


def test_the_head_describes_the_page_in_its_language_and_cites_the_entry_as_written(repo_build):
    def head(url):
        page = BeautifulSoup(repo_build.page(url), "lxml")
        return {m.get("name") or m.get("property"): m["content"] for m in page.select("head meta[content]")}

    spanish = head("es/" + RED_CALLE)
    assert spanish["og:title"] == SPANISH_TITLE and spanish["description"].startswith("Red Calle empezó")
    assert spanish["citation_title"] == ORIGINAL_TITLE
    english = head(GUATEMALA)
    assert english["og:title"].startswith("Strengthening") and english["citation_title"].startswith("Fortalecimiento")
    for lang in ("es/", "pt/"):  # the round's own language, and one it has no translation in: as written
        assert head(lang + GUATEMALA)["og:title"].startswith("Fortalecimiento"), lang
