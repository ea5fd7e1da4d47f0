"""Rendering: the catalog becomes Markdown pages (from Jinja2 templates) and data files."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .catalog import ROLES, Catalog, keyword_slug
from .exports import catalog_csv, catalog_json, catalog_schema, feed_xml
from .html_blocks import FragmentCache, HtmlBlocks, Search
from .markup import md
from .models import Round

TEMPLATES = Path(__file__).parent / "templates"
KIND_LABELS = {"rounds": "Round report", "lessons": "Lessons-learnt card"}
KNOWLEDGE_TYPES = {"lesson-learnt": "Lesson learnt", "good-practice": "Good practice", "success-story": "Success story"}
LANGUAGE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
OTHER_LANGUAGES = ("es", "pt", "fr")  # the site is in English; entries also name things in these
SDG_ABBREVIATIONS = {"en": "SDG", "es": "ODS", "pt": "ODS", "fr": "ODD"}
RELATED_HEADING = "Related entries"
PAGE_SIZE = 100  # entries on one listing page: at most ~70 KB of HTML, whatever the size of the bank


@dataclass
class GeneratedSite:
    """Everything the hooks add to MkDocs' files."""

    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    data: dict[str, str] = field(default_factory=dict)  # src_uri -> text file content
    attachments: dict[str, Path] = field(default_factory=dict)  # src_uri -> file on disk
    sources: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> its source file
    out_of_nav: set[str] = field(default_factory=set)  # pages that stay out of the navigation
    tocs: dict[str, list[dict]] = field(default_factory=dict)  # entry page src_uri -> its table of contents
    html_blocks: HtmlBlocks = field(default_factory=HtmlBlocks)  # HTML that replaces tokens after Markdown


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless a template says `| safe` (only the Markdown body)
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md
    env.filters["compact"] = lambda text: "\n".join(line.rstrip() for line in text.split("\n") if line.strip())
    env.filters["day"] = lambda d: d.strftime("%-d %b %Y")
    env.globals.update(
        KIND_LABELS=KIND_LABELS,
        KNOWLEDGE_TYPES=KNOWLEDGE_TYPES,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        OTHER_LANGUAGES=OTHER_LANGUAGES,
        SDG_ABBREVIATIONS=SDG_ABBREVIATIONS,
        ROLES=ROLES,
        keyword_slug=keyword_slug,
        role_names=lambda roles: ", ".join(ROLES[r] for r in roles),
    )
    return env


def render_site(catalog: Catalog, site_url: str = "") -> GeneratedSite:
    """All generated pages and data files for ``catalog``."""
    env = environment()
    env.filters["country_name"] = lambda code, lang: catalog.country(code).names[lang]
    env.globals.update(
        catalog=catalog,
        is_round=lambda e: isinstance(e.fields, Round),
        country_names=lambda e: ", ".join(catalog.country(code).name for code in catalog.roles_of(e)),
    )
    out = GeneratedSite()
    env.globals["html_block"] = out.html_blocks
    env.globals["cached"] = FragmentCache()
    entry_template = env.get_template("entry.md.j2")
    for entry in catalog.entries:
        uri = f"{entry.kind}/{entry.slug}.md"
        related = catalog.related(entry)
        after = RELATED_HEADING if related else None
        out.pages[uri] = entry_template.render(
            entry=entry,
            roles=catalog.roles_of(entry),
            related=related,
            body=out.html_blocks.add(entry.rendered.html, Search.HTML),
            related_heading=RELATED_HEADING,
            related_id=entry.rendered.id_after(RELATED_HEADING),
        )
        out.tocs[uri] = entry.rendered.toc(after)
        out.sources[uri] = entry.source
        out.out_of_nav.add(uri)
        for attachment in entry.attachments:
            out.attachments[f"{entry.kind}/{entry.slug}/{attachment.name}"] = attachment.path
    kind_template = env.get_template("kind_index.md.j2")
    for kind in ("rounds", "lessons"):
        for pager in paginate(catalog.by_kind(kind), f"{kind}/index.md", depth=1):
            out.pages[pager.uri] = kind_template.render(kind=kind, entries=pager.entries, pager=pager)
            if pager.number > 1:
                out.out_of_nav.add(pager.uri)
    facet_index = env.get_template("facet_index.md.j2")
    facet_value = env.get_template("facet_value.md.j2")
    for facet in catalog.facets():
        out.pages[f"{facet.name}/index.md"] = facet_index.render(facet=facet)
        for value in facet.values:
            for pager in paginate(value.entries, f"{facet.name}/{value.slug}.md", depth=2):
                out.pages[pager.uri] = facet_value.render(facet=facet, value=value, entries=pager.entries, pager=pager)
                out.out_of_nav.add(pager.uri)
    out.data["catalog.json"] = catalog_json(catalog, site_url)
    out.data["catalog.schema.json"] = catalog_schema()
    out.data["catalog.csv"] = catalog_csv(catalog, site_url)
    out.data["feed.xml"] = feed_xml(env, catalog, site_url)
    return out


@dataclass(frozen=True)
class Pager:
    """One page of a listing: its entries, its number, and the way back to the site root and to its siblings."""

    uri: str  # src_uri of this page
    entries: tuple
    number: int
    count: int
    depth: int  # folders between the site root and the first page's URL (rounds/ -> 1, keywords/care/ -> 2)

    @property
    def root(self) -> str:
        """The way from this page to the site root."""
        return "../" * (self.depth + (2 if self.number > 1 else 0))

    def href(self, number: int) -> str:
        """The relative link from this page to page ``number`` of the same listing."""
        if self.number == 1:
            return "./" if number == 1 else f"page/{number}/"
        return "../../" if number == 1 else f"../{number}/"


def paginate(entries: tuple, first_uri: str, depth: int, size: int = PAGE_SIZE) -> list[Pager]:
    """Split a listing into pages of ``size`` entries: ``x/index.md`` or ``x.md`` first, then ``x/page/2.md``…"""
    count = max(1, math.ceil(len(entries) / size))
    base = first_uri.removesuffix(".md").removesuffix("/index")
    return [
        Pager(
            first_uri if n == 1 else f"{base}/page/{n}.md", tuple(entries[(n - 1) * size : n * size]), n, count, depth
        )
        for n in range(1, count + 1)
    ]
