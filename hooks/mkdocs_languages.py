"""MkDocs' side of the four languages: each language's navigation as MkDocs objects, a page's versions in the
other languages, and what the theme's overrides write in the page's language. The core says what they hold
(knowledge_bank.navigation, the labels); this module only hands them to MkDocs and Material."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from knowledge_bank.cldr import language_name
from knowledge_bank.labels import Labels
from knowledge_bank.navigation import NavItem, language_switch
from knowledge_bank.render import language_of, tree

LICENCE = Markup('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>')
MATERIAL = Markup('<a href="https://squidfunk.github.io/mkdocs-material/" rel="noopener">Material for MkDocs</a>')


def navigation(items: tuple[NavItem, ...], files: Files) -> Navigation:
    """MkDocs' navigation of ``items``: sections, pages of the site (titled as the nav calls them) and links."""
    pages: list[Page] = []

    def convert(item: NavItem, parent: Section | None):
        if item.children:
            section = Section(item.title, [])
            section.children = [convert(child, section) for child in item.children]
            converted = section
        elif item.uri:
            converted = files.get_file_from_path(item.uri).page
            converted.title = item.title
            pages.append(converted)
        else:
            converted = Link(item.title, item.url)
        converted.parent = parent
        return converted

    result = Navigation([convert(item, None) for item in items], pages)
    result.homepage = pages[0] if pages and pages[0].file.src_uri.endswith("/index.md") else None
    return result


def alternates(uri: str, languages: tuple[str, ...], files: Files | None) -> list[dict]:
    """The page ``uri`` in each of ``languages`` it exists in, its own included (language, name, page, current);
    nothing for a page in one language only."""
    lang = language_of(uri)
    english = uri.removeprefix(tree(lang))
    found = []
    for other in languages:
        file = files.get_file_from_path(tree(other) + english) if files else None
        if file is not None and file.page is not None:
            found.append({"lang": other, "name": language_name(other), "page": file.page, "current": other == lang})
    return found if len(found) > 1 else []


def interface(page: Page, lang: str, languages: tuple[str, ...], files: Files | None, labels: Labels) -> dict:
    """What the theme's overrides need to write ``page`` in ``lang`` (docs/overrides/): Material's words
    (partials/language.html), the labels, the site's name and footer, the switcher and the offer."""
    others = alternates(page.file.src_uri, languages, files)
    t = labels.language(lang)
    return {
        "kb_lang": lang,
        "kb_label": t,
        "kb_alternates": others,
        "kb_switch": language_switch(
            lang, [(alt["lang"], get_relative_url(alt["page"].url, page.url)) for alt in others], labels
        ),
        "kb_site_name": t("site.name"),
        "kb_home": page.file.src_uri == tree(lang) + "index.md",  # a language's home: its <title> is the site's name
        "kb_footer": [t.html("site.copyright", licence=LICENCE), t.html("site.made_with", tool=MATERIAL)],
    }


class MaterialWords:
    """Material's words in a language (its ``partials/languages/<lang>.html`` macro, which builds a table of some
    sixty words at each call), asked for a score of times on every page: each word is read once per language."""

    def __init__(self) -> None:
        self.words: dict[tuple[str, str], object] = {}

    def __call__(self, lang: str, key: str, *sources: Callable[[str], object]) -> object:
        if (lang, key) not in self.words:
            self.words[lang, key] = next((word for source in sources if (word := source(key))), key)
        return self.words[lang, key]
