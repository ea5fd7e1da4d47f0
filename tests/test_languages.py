"""The four interfaces, in a real build: every page of the Spanish, Portuguese and French sites is free of English
interface text (its visible text and its title, aria-label and placeholder attributes, checked against the English
wording of every label and of Material's own words), says its language, links its versions in the other languages,
and has the navigation of its language."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material
import pytest
import yaml
from bs4 import BeautifulSoup, Comment

from knowledge_bank.languages import LANGUAGES, interface_languages

from .helpers import ROOT

pytestmark = pytest.mark.build

OTHERS = LANGUAGES[1:]
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "languages"
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
ENGLISH_ONLY = ("performance/", "security/")  # pages that stay in English (their links say so)


def _labels() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}

    def walk(group: dict, name: str) -> None:
        for key, value in group.items():
            if isinstance(value, dict) and "en" in value:
                texts[f"{name}{key}"] = value
            elif isinstance(value, dict):
                walk(value, f"{name}{key}.")

    walk(yaml.safe_load((ROOT / "vocabularies" / "labels.yml").read_text(encoding="utf-8")), "")
    return texts


def _material(lang: str) -> dict[str, str]:
    text = (MATERIAL / f"{lang}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'"([a-z.]+)":\s*"([^"]*)"', text))


NUMBERS = {"n", "count", "low", "high", "pages", "days", "entries"}


def _pattern(wording: str) -> re.Pattern:
    """A label's wording as a whole text: its {fields} stand for a number (``{n}``) or any text."""
    pieces = re.split(r"\{([a-z_]+)\}", wording)
    regex = "".join(
        re.escape(piece) if i % 2 == 0 else (r"\d[\d.,\s]*" if piece in NUMBERS else ".+")
        for i, piece in enumerate(pieces)
    )
    return re.compile(regex, re.S)


@cache
def english_wordings(lang: str) -> tuple[re.Pattern, ...]:
    """Every English wording the interface in ``lang`` must not show: the labels, and Material's words, whose
    wording in ``lang`` differs from the English."""
    wordings = {
        value["en"] for value in _labels().values() if value.get(lang) and value[lang] != value["en"] and value["en"]
    }
    english, other = _material("en"), _material(lang)
    wordings |= {text for key, text in english.items() if other.get(key) and other[key] != text and len(text) > 1}
    return tuple(
        _pattern(w) for w in sorted(wordings) if len(re.findall(r"[A-Za-z]", re.sub(r"\{[a-z_]+\}", "", w))) > 2
    )


def english_on(html: str, lang: str) -> list[str]:
    """The English interface texts of a page whose interface is in ``lang``."""
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select("script, style, code, pre, [hidden]"):
        element.decompose()
    for element in soup.select("[lang]"):
        if element.name != "html" and element.get("lang") != lang:
            element.decompose()  # an entry's text in its own language, the language switcher's names
    found = []
    patterns = english_wordings(lang)
    texts = [s.strip() for s in soup.find_all(string=True) if s.strip() and not isinstance(s, Comment)]
    texts += [el[name].strip() for name in ATTRIBUTES for el in soup.select(f"[{name}]") if el[name].strip()]
    for text in texts:
        for pattern in patterns:
            if pattern.fullmatch(text):
                found.append(text)
                break
    return found


@pytest.mark.parametrize("lang", OTHERS)
def test_no_page_of_an_interface_shows_english_interface_text(repo_build, lang):
    pages = sorted((repo_build.site / lang).rglob("*.html"))
    assert len(pages) > 50
    problems = {}
    for page in pages:
        found = english_on(page.read_text(encoding="utf-8"), lang)
        if found:
            problems[page.relative_to(repo_build.site).as_posix()] = found
    assert not problems, f"{len(problems)} pages with English: " + repr(dict(list(problems.items())[:8]))


def test_the_check_finds_english_where_there_is_some():
    """The walk above is not blind: English labels on a Spanish page are found, in text and attributes; Spanish
    ones, and English inside an element that says it is English (an entry's text), are not."""
    page = '<html lang="es"><body><nav aria-label="Table of contents"><a title="Página siguiente">Países</a></nav>'
    page += '<p>11 entries</p><div lang="en"><p>Countries</p></div></body></html>'
    assert english_on(page, "es") == ["11 entries", "Table of contents"]


@pytest.mark.parametrize("lang", OTHERS)
def test_each_page_says_its_language_and_links_its_other_versions(repo_build, lang):
    for url in ("", "explore/", "about/", "data/", "contribute/", "lessons/red-calle/", "countries/", "rounds/"):
        soup = BeautifulSoup(repo_build.page(f"{lang}/{url}"), "lxml")
        assert soup.html["lang"] == lang, url
        alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
        assert set(alternates) == {*LANGUAGES, "x-default"}, url
        assert alternates[lang].endswith(f"/{lang}/{url}")
        assert alternates["x-default"] == alternates["en"] and alternates["en"].endswith(f"/{url}")
        switcher = {a["hreflang"] for a in soup.select(".kb-languages a[hreflang]")}
        assert switcher == set(LANGUAGES), url


@pytest.mark.parametrize("lang", OTHERS)
def test_the_navigation_of_a_language_leads_to_its_own_pages(repo_build, lang):
    soup = BeautifulSoup(repo_build.page(f"{lang}/about/"), "lxml")
    links = [a["href"] for a in soup.select(".md-tabs a.md-tabs__link, .md-nav--primary a.md-nav__link[href]")]
    assert links
    for href in links:
        target = (repo_build.site / lang / "about" / href).resolve()
        inside = target.is_relative_to((repo_build.site / lang).resolve())
        assert inside or any(page in href for page in ENGLISH_ONLY), href


def test_the_sitemap_names_each_page_in_every_language(repo_build):
    sitemap = (repo_build.site / "sitemap.xml").read_text(encoding="utf-8")
    soup = BeautifulSoup(sitemap, "xml")
    urls = {u.loc.text: {link["hreflang"] for link in u.find_all("link")} for u in soup.find_all("url")}
    red_calle = [loc for loc in urls if loc.endswith("lessons/red-calle/")]
    assert len(red_calle) == 4 and all(urls[loc] == set(LANGUAGES) for loc in red_calle)


def test_english_only_pages_exist_once(repo_build):
    for page in ENGLISH_ONLY:
        assert (repo_build.site / page / "index.html").is_file()
        for lang in OTHERS:
            assert not (repo_build.site / lang / page).exists()


@pytest.mark.parametrize("configured", [["es"], ["en", "de"], ["fr", "pt"]])
def test_a_site_without_english_or_with_another_language_is_refused(configured):
    """English pages are the site's root and what the search reads: a site without them would have a search
    without entries."""
    with pytest.raises(ValueError, match="must list en"):
        interface_languages(configured)
    assert interface_languages(None) == ("en", "es", "pt", "fr") and interface_languages(["pt", "en"]) == ("en", "pt")
