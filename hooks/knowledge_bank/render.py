"""Rendering: the catalog becomes Markdown pages (from Jinja2 templates) and data files."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
from babel import Locale
from babel.units import format_unit

from .americas_map import americas_map
from .catalog import Catalog, keyword_slug
from .citation import apa_parts, bibtex, csl_json, reference, ris
from .cooperation import Cooperation, cooperation
from .datapackage import datapackage_json
from .exports import catalog_csv, catalog_json, catalog_schema, feed_xml
from .html_blocks import FragmentCache, HtmlBlocks
from .languages import LANGUAGES
from .page_head import entry_head
from .search_index import meta_value, search_terms
from .statistics import ROLES, country_entries, statistics, statistics_json
from .templating import for_build

MAP_MARKER = "<!-- kb:map -->"  # where a hand-written page (the home page) shows the map of the Americas
FRONT_DOOR = "<!-- kb:front-door -->"  # where docs/index.md shows the search, the numbers and the latest entries
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
    heads: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> the tags of its <head> (page_head.py)
    html_blocks: HtmlBlocks = field(default_factory=HtmlBlocks)  # HTML that replaces tokens after Markdown
    markers: dict[str, str] = field(default_factory=dict)  # <!-- kb:… --> in a hand-written page -> its Markdown

    def expand(self, markdown: str) -> str:
        """A hand-written page's Markdown with each marker (``<!-- kb:front-door -->``, ``<!-- kb:map -->``) replaced by what it stands for."""
        for marker, replacement in self.markers.items():
            if marker in markdown:
                markdown = markdown.replace(marker, replacement)
        return markdown


@cache
def language_name(lang: str) -> str:
    """A language's name in itself, from CLDR: ``es`` -> ``Español``."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def file_size(size: int, lang: str) -> str:
    """A file's size as a reader says it, in ``lang``: ``51 kB``, ``1,4 Mo``."""
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", locale=lang, length="short")
    return format_unit(round(size / 1e6, 1), "digital-megabyte", locale=lang, length="short", format="#,##0.#")


def render_site(
    catalog: Catalog, site_url: str = "", lang: str = "en", site_name: str = "Knowledge Bank"
) -> GeneratedSite:
    """All generated pages and data files for ``catalog``, with the interface in ``lang``."""
    out = GeneratedSite()
    labels = catalog.vocabularies.labels
    t = labels.language(lang)
    kinds = catalog.kinds
    env = for_build(  # what every page template may use
        t=t,
        catalog=catalog,
        kinds=kinds,
        html_block=out.html_blocks,
        cached=FragmentCache(),
        keyword_slug=keyword_slug,
        language_name=language_name,
        file_size=lambda size: file_size(size, lang),
        other_languages=[other for other in LANGUAGES if other != lang],
        country_names=lambda e, sep=", ": sep.join(catalog.country(code).name for code in catalog.roles_of(e)),
        search_terms=lambda e: search_terms(catalog, e),
        search_meta=meta_value,
        role_names=lambda roles: ", ".join(t("roles." + r) for r in roles),
        map=americas_map(catalog),
        flows=cooperation(catalog),
    )
    out.markers[MAP_MARKER] = env.get_template("pages/home_map.md.j2").render()
    entry_page = env.get_template("pages/entry.md.j2")
    headings = {"details": t("fields.details"), "cite": t("cite.title"), "related": t("fields.related")}
    base = site_url.rstrip("/") + "/" if site_url else ""
    for entry in catalog.entries:
        uri = f"{entry.folder}/{entry.slug}.md"
        related = catalog.related(entry)
        genre = (
            t(f"kinds.{entry.kind}.genre")
            if f"kinds.{entry.kind}.genre" in labels.texts
            else t(f"kinds.{entry.kind}.one")
        )
        ref = reference(catalog, entry, genre, site_name, site_url)
        folder = f"{entry.folder}/{entry.slug}"
        for suffix, text in (("bib", bibtex(ref)), ("ris", ris(ref)), ("json", csl_json(ref))):
            out.data[f"{folder}/{entry.slug}.{suffix}"] = text
        out.pages[uri] = entry_page.render(
            entry=entry,
            # The page's title as MkDocs takes it from a heading: its text as HTML, on one line.
            title=" ".join(html.escape(entry.fields.title, quote=False).split()),
            roles=catalog.roles_of(entry),
            related=related,
            # The body in its own language: read by screen readers in that language.
            body=out.html_blocks.add(
                f'<div class="kb-body" lang="{entry.fields.language}">{entry.rendered.html}</div>'
            ),
            heading_ids={key: entry.rendered.id_after(text) for key, text in headings.items()},
            citation=apa_parts(ref),
            downloads={suffix: f"{entry.slug}.{suffix}" for suffix in ("bib", "ris", "json")},
            address=base + entry.url,
        )
        shown = [headings["details"], headings["cite"], *([headings["related"]] if related else [])]
        out.tocs[uri] = entry.rendered.toc(shown)
        out.heads[uri] = entry_head(catalog, entry, ref, site_url)
        out.sources[uri] = entry.source
        out.out_of_nav.add(uri)
        for attachment in entry.attachments:
            out.attachments[f"{entry.folder}/{entry.slug}/{attachment.name}"] = attachment.path
    kind_index = env.get_template("pages/kind_index.md.j2")
    for kind in kinds:
        for pager in paginate(catalog.by_kind(kind.kind), f"{kind.folder}/index.md", depth=1):
            out.pages[pager.uri] = kind_index.render(kind=kind, entries=pager.entries, pager=pager)
            if pager.number > 1:
                out.out_of_nav.add(pager.uri)
    facet_index = env.get_template("pages/facet_index.md.j2")
    facet_value = env.get_template("pages/facet_value.md.j2")
    for facet in catalog.facets():
        out.pages[f"{facet.name}/index.md"] = facet_index.render(facet=facet)
        for value in facet.values:
            for pager in paginate(value.entries, f"{facet.name}/{value.slug}.md", depth=2):
                out.pages[pager.uri] = facet_value.render(facet=facet, value=value, entries=pager.entries, pager=pager)
                out.out_of_nav.add(pager.uri)
    out.markers[FRONT_DOOR] = env.get_template("pages/front_door.md.j2").render()
    flows = env.globals["flows"]
    render_cooperation(out, env, flows)
    charts = statistics(catalog)
    out.pages["statistics/index.md"] = env.get_template("pages/statistics.md.j2").render(
        statistics=charts, entries_of=country_entries(catalog), role_keys=ROLES
    )
    out.data["statistics.json"] = statistics_json(catalog, charts, flows)
    out.data["catalog.json"] = catalog_json(catalog)
    out.data["catalog.schema.json"] = catalog_schema()
    out.data["catalog.csv"] = catalog_csv(catalog, site_url)
    out.data["feed.xml"] = feed_xml(catalog, t, site_url)
    out.data["datapackage.json"] = datapackage_json(
        catalog, site_url, t("site.dataset_title"), t("site.dataset_description")
    )
    return out


def render_cooperation(out: GeneratedSite, env: jinja2.Environment, flows: Cooperation) -> None:
    """``cooperation/``: the matrix of flows; ``cooperation/<cooperating>/<beneficiary>/``: the rounds of one flow."""
    out.pages["cooperation/index.md"] = env.get_template("pages/cooperation.md.j2").render()
    flow_page = env.get_template("pages/cooperation_flow.md.j2")
    for flow in flows.flows:
        for pager in paginate(flow.rounds, flow.path + "index.md", depth=3):
            out.pages[pager.uri] = flow_page.render(flow=flow, entries=pager.entries, pager=pager)
            out.out_of_nav.add(pager.uri)


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
