"""The navigation (tabs and menu) in each language, from mkdocs.yml's nav: the same structure, each page in the
language's folder, titles from the labels (``nav.pages.*``, ``nav.sections.*``). A page that exists only in
English (Performance, Security) is a link to it, saying so. The hooks turn this into MkDocs' objects."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .cldr import language_named
from .labels import Labels, Wording
from .render import tree
from .text import slugify


@dataclass(frozen=True)
class NavItem:
    """A page of the language's folder (``uri``), a link to a page in English (``url``) or a section."""

    title: str
    uri: str = ""  # src_uri of a page: es/about.md
    url: str = ""  # a page in English, from the site's root: performance/
    children: tuple[NavItem, ...] = ()


def page_key(path: str) -> str:
    """The label of a page of the nav by its file: ``rounds/index.md`` -> ``rounds``, ``index.md`` -> ``index``."""
    return path.removesuffix(".md").removesuffix("/index") or "index"


def section_key(title: str) -> str:
    """The label of a section of the nav by its English title: ``Browse`` -> ``browse``."""
    return slugify(title).replace("-", "_")


def nav_in(lang: str, nav: list, exists: Callable[[str], bool], t: Wording) -> tuple[NavItem, ...]:
    """mkdocs.yml's ``nav`` (a list of ``{title: path}`` and ``{title: [...]}``) for the interface in ``lang``."""
    items = []
    for entry in nav:
        ((title, target),) = entry.items()
        if isinstance(target, list):
            items.append(NavItem(t(f"nav.sections.{section_key(title)}"), children=nav_in(lang, target, exists, t)))
            continue
        name = t(f"nav.pages.{page_key(target)}")
        uri = tree(lang) + target
        if exists(uri):
            items.append(NavItem(name, uri=uri))
        else:
            url = "" if target == "index.md" else target.removesuffix(".md").removesuffix("index") + "/"
            items.append(NavItem(t("nav.in_english", page=name), url=url.replace("//", "/")))
    return tuple(items)


def language_switch(lang: str, alternates: list[tuple[str, str]], labels: Labels) -> str:
    """What the offer of another language needs on a page in ``lang`` that exists in ``alternates`` (language, link
    from the page), as JSON for ``data-kb-switch``: for each language, the link and the offer written in that
    language ("Esta página también está en español")."""
    switch = {}
    for other, href in alternates:
        t, name = labels.language(other), language_named(other, other)  # CLDR, in `other`: español, inglés
        switch[other] = {
            "href": href,
            "offer": t("nav.offer", language=name),
            "go": t("nav.offer_go", language=name),
            "stay": t("nav.offer_stay", language=language_named(lang, other)),
        }
    return json.dumps(switch, ensure_ascii=False, separators=(",", ":")) if len(switch) > 1 else ""
