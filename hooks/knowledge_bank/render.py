"""Rendering: the catalog becomes Markdown pages (from Jinja2 templates) and data files."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import jinja2

from .americas_map import AmericasMap, americas_map
from .attachments import rebased
from .catalog import Catalog
from .citation import apa_parts, bibtex, csl_json, reference, ris
from .cldr import file_size, language_name, language_named
from .cooperation import Cooperation, cooperation, page_of
from .datapackage import datapackage_json
from .exports import catalog_csv, catalog_json, catalog_schema, feed_xml
from .html_blocks import FragmentCache, HtmlBlocks, PageHeadings
from .labels import Wording
from .languages import LANGUAGES
from .loader import Entry
from .markup import heading_html
from .page_head import entry_head
from .pagination import paginate
from .search_index import LABELS, countries_by_language, search_labels, search_terms
from .statistics import ROLES, bar_label, country_entries, statistics, statistics_json
from .templating import for_build
from .text import fold
from .translation import InLanguage

MAP_MARKER = "<!-- kb:map -->"  # where a hand-written page (the home page) shows the map of the Americas
FRONT_DOOR = "<!-- kb:front-door -->"  # where docs/index.md shows the search, the numbers and the latest entries


@dataclass
class GeneratedSite:
    """Everything the hooks add to MkDocs' files."""

    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    data: dict[str, str] = field(default_factory=dict)  # src_uri -> text file content
    attachments: dict[str, Path] = field(default_factory=dict)  # src_uri -> file on disk
    sources: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> its source file
    out_of_nav: set[str] = field(default_factory=set)  # pages that stay out of the navigation
    tocs: dict[str, list[dict]] = field(default_factory=dict)  # generated page src_uri -> its table of contents
    titles: dict[str, str | None] = field(default_factory=dict)  # page src_uri -> the title of its <h1>, as HTML
    heads: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> the tags of its <head> (page_head.py)
    html_blocks: HtmlBlocks = field(default_factory=HtmlBlocks)  # HTML that replaces tokens after Markdown
    # (language folder, <!-- kb:… -->) in a hand-written page -> its Markdown in that language
    markers: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, uri: str, template: jinja2.Template, **context: object) -> None:
        """The page ``uri`` from ``template``, written in HTML blocks (its headings' ids and its table of contents
        from ``headings``, as Python-Markdown would make them from Markdown headings)."""
        headings = PageHeadings()
        self.pages[uri] = template.render(headings=headings, **context)
        self.tocs[uri], self.titles[uri] = headings.toc(), headings.title

    def copy(self) -> GeneratedSite:
        """A copy whose pages and files can change without this one's changing (the HTML blocks are shared: each is
        kept under a digest of its HTML, and none is ever changed)."""
        return replace(
            self, **{f.name: type(v)(v) for f in fields(self) if (v := getattr(self, f.name)) is not self.html_blocks}
        )

    def expand(self, markdown: str, uri: str = "index.md") -> str:
        """The Markdown of the hand-written page ``uri`` with each marker (``<!-- kb:front-door -->``,
        ``<!-- kb:map -->``) replaced by what it stands for, in the page's language."""
        here = tree(language_of(uri))
        for (folder, marker), replacement in self.markers.items():
            if folder == here and marker in markdown:
                markdown = markdown.replace(marker, replacement)
        return markdown


def tree(lang: str) -> str:
    """The folder of a language's pages in the site: English at the root, the others in ``es/``, ``pt/``, ``fr/``."""
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def language_of(uri: str) -> str:
    """The interface language of the page at ``uri`` (``es/rounds/x.md`` -> ``es``)."""
    first = uri.split("/", 1)[0]
    return first if first in LANGUAGES[1:] and "/" in uri else LANGUAGES[0]


def render_site(
    catalog: Catalog, site_url: str = "", languages: tuple[str, ...] = LANGUAGES, site_name: str = "Knowledge Bank"
) -> GeneratedSite:
    """All generated pages, in each of ``languages``, and the data files (once) for ``catalog``."""
    out, t = GeneratedSite(), catalog.vocabularies.labels.language(LANGUAGES[0])
    heads = _entry_files(out, catalog, catalog.entries, site_url, site_name)
    flows, charts, drawing = cooperation(catalog), statistics(catalog), americas_map(catalog)
    for lang in languages:
        _render_pages(out, catalog, lang, site_url, site_name, (flows, charts, drawing), heads)
    out.data["statistics.json"] = statistics_json(catalog, charts, flows)
    out.data["catalog.json"] = catalog_json(catalog)
    out.data["catalog.schema.json"] = catalog_schema()
    out.data["catalog.csv"] = catalog_csv(catalog, site_url)
    out.data["feed.xml"] = feed_xml(catalog, t, site_url)
    out.data["datapackage.json"] = datapackage_json(
        catalog, site_url, t("site.dataset_title"), t("site.dataset_description")
    )
    return out


def _entry_files(
    out: GeneratedSite, catalog: Catalog, entries: Iterable[Entry], site_url: str, site_name: str
) -> dict[str, str]:
    """Put each entry's citation files (BibTeX, RIS, CSL-JSON) and attachments in ``out``; return each one's head tags
    as written (the same in every language, but for translations)."""
    t, heads = catalog.vocabularies.labels.language(LANGUAGES[0]), {}
    for entry in entries:
        ref = reference(catalog, entry, genre(t, entry.kind), site_name, site_url)
        folder = f"{entry.folder}/{entry.slug}"
        for suffix, text in (("bib", bibtex(ref)), ("ris", ris(ref)), ("json", csl_json(ref))):
            out.data[f"{folder}/{entry.slug}.{suffix}"] = text
        heads[entry.uri] = entry_head(catalog, entry, ref, site_url)
        for attachment in entry.attachments:
            out.attachments[f"{folder}/{attachment.name}"] = attachment.path
    return heads


def render_entries_again(
    previous: GeneratedSite,
    catalog: Catalog,
    entries: Iterable[Entry],
    site_url: str = "",
    languages: tuple[str, ...] = LANGUAGES,
    site_name: str = "Knowledge Bank",
) -> GeneratedSite:
    """``previous``, rendered from an earlier ``catalog`` whose entries differed from this one's only in their bodies,
    with the pages of ``entries`` (those whose body changed) rendered again in each of ``languages``: a body is shown on
    its entry's page and nowhere else, so every other page and data file stays as it was (the entries' own citation
    files and heads, made from their fields alone, are made again the same)."""
    out, entries = previous.copy(), tuple(entries)
    heads = _entry_files(out, catalog, entries, site_url, site_name)
    flows, drawing = cooperation(catalog), americas_map(catalog)
    for lang in languages:
        env = page_environment(out, catalog, lang, flows, drawing)
        render_entry_pages(out, env, catalog, entries, lang, (site_url, site_name), heads)
    return out


def genre(t: Wording, kind: str) -> str:
    """What a kind of entry is called in a citation (``Round report``), in ``t``'s language."""
    return t(f"kinds.{kind}.genre") if f"kinds.{kind}.genre" in t.labels.texts else t(f"kinds.{kind}.one")


def page_environment(
    out: GeneratedSite, catalog: Catalog, lang: str, flows: Cooperation, drawing: AmericasMap
) -> jinja2.Environment:
    """The environment of the generated pages in ``lang``: what every page template may use (``flows`` and the map's
    ``drawing`` are the same in every language: drawn once per build)."""
    t = catalog.vocabularies.labels.language(lang)
    here = tree(lang)
    up = "../" if here else ""  # from a language's root to the site's, where the data files are
    kinds = catalog.kinds
    name = InLanguage(lang)
    env = for_build(
        lang,
        t=t,
        country=lambda code: name(catalog.country(code)),
        by_name=lambda values: sorted(values, key=lambda v: fold(name(v))),
        by_country=lambda items: sorted(items, key=lambda c: fold(name(catalog.country(c.code)))),  # the map's
        value_label=lambda bar: bar_label(catalog, name, bar),
        catalog=catalog,
        kinds=kinds,
        html_block=out.html_blocks,
        page_of=lambda pager: f" {t('pager.page_of', n=pager.number, count=pager.count)}" if pager.count > 1 else "",
        cached=FragmentCache(),
        keyword_slug=catalog.keyword_slug,
        keyword_name=lambda keyword: name(catalog.keyword_term(keyword) or keyword),
        language_name=language_name,
        language_named=lambda code: language_named(code, lang),
        translation=lambda entry: entry.fields.translation(lang),  # its title and summary in lang, if it has them
        file_size=lambda size: file_size(size, lang),
        # An entry's own files (its report, its citations) are in its folder of the English pages.
        file_of=lambda entry, file: f"../../../{entry.folder}/{entry.slug}/{file}" if here else file,
        data_root=up,
        other_languages=[other for other in LANGUAGES if other != lang],
        country_names=lambda e: ", ".join(name(catalog.country(code)) for code in catalog.roles_of(e)),
        # The search reads only the English pages of entries (search_index.INDEX_LANGUAGE): they carry its data.
        indexed=not here,
        search_countries=lambda e: countries_by_language(catalog, e),
        search_terms=lambda e: search_terms(catalog, e),
        role_names=lambda roles: ", ".join(t("roles." + r) for r in roles),
        map=drawing,
        flows=flows,
    )
    env.filters["tr"] = name  # {{ country | tr }}: a value of the catalog in the page's language
    return env


def _render_pages(
    out: GeneratedSite,
    catalog: Catalog,
    lang: str,
    site_url: str,
    site_name: str,
    drawn: tuple[Cooperation, object, AmericasMap],
    heads: dict[str, str],
) -> None:
    """The generated pages with the interface in ``lang``, in that language's folder of the site. ``drawn``: the
    flows, the charts and the map, the same in every language; ``heads``: each entry's head as written."""
    flows, charts, drawing = drawn
    here = tree(lang)
    kinds = catalog.kinds
    env = page_environment(out, catalog, lang, flows, drawing)
    out.markers[here, MAP_MARKER] = env.get_template("pages/home_map.md.j2").render()
    out.data[here + LABELS] = json.dumps(search_labels(catalog, lang), ensure_ascii=False, separators=(",", ":"))
    render_entry_pages(out, env, catalog, catalog.entries, lang, (site_url, site_name), heads)
    kind_index = env.get_template("pages/kind_index.md.j2")
    for kind in kinds:
        for pager in paginate(catalog.by_kind(kind.kind), f"{kind.folder}/index.md", depth=1):
            out.add(here + pager.uri, kind_index, kind=kind, entries=pager.entries, pager=pager)
            if pager.number > 1 or here:
                out.out_of_nav.add(here + pager.uri)
    facet_index = env.get_template("pages/facet_index.md.j2")
    facet_value = env.get_template("pages/facet_value.md.j2")
    for facet in catalog.facets():
        out.add(f"{here}{facet.name}/index.md", facet_index, facet=facet)
        if here:
            out.out_of_nav.add(f"{here}{facet.name}/index.md")
        for value in facet.values:
            for pager in paginate(value.entries, f"{facet.name}/{value.slug}.md", depth=2):
                out.add(here + pager.uri, facet_value, facet=facet, value=value, entries=pager.entries, pager=pager)
                out.out_of_nav.add(here + pager.uri)
    out.markers[here, FRONT_DOOR] = env.get_template("pages/front_door.md.j2").render()
    render_cooperation(out, env, flows, here)
    statistics_page = env.get_template("pages/statistics.md.j2")
    out.add(
        f"{here}statistics/index.md",
        statistics_page,
        statistics=charts,
        entries_of=country_entries(catalog),
        role_keys=ROLES,
    )
    if here:
        out.out_of_nav.update({f"{here}statistics/index.md", f"{here}cooperation/index.md"})


def render_entry_pages(
    out: GeneratedSite,
    env: jinja2.Environment,
    catalog: Catalog,
    entries: Iterable[Entry],
    lang: str,
    site: tuple[str, str],
    heads: dict[str, str],
) -> None:
    """The pages of ``entries`` in ``lang`` (``env``'s); ``site``: the site's address and name; ``heads``: each entry's
    head as written."""
    site_url, site_name = site
    t = catalog.vocabularies.labels.language(lang)
    here = tree(lang)
    entry_page = env.get_template("pages/entry.md.j2")
    headings = {"details": t("fields.details"), "cite": t("cite.title"), "related": t("fields.related")}
    base = site_url.rstrip("/") + "/" if site_url else ""
    for entry in entries:
        uri = here + entry.uri
        related = catalog.related(entry)
        ref = reference(catalog, entry, genre(t, entry.kind), site_name, site_url)
        body = entry.rendered.html if not here else rebased(entry.rendered.html, entry)
        translated = entry.fields.translation(lang)
        out.pages[uri] = entry_page.render(
            entry=entry,
            translated=translated,
            title=heading_html((translated or entry.fields).title),  # as MkDocs would take it from the <h1>
            roles=catalog.roles_of(entry),
            related=related,
            # The body in its own language: read by screen readers in that language.
            body=out.html_blocks.add(f'<div class="kb-body" lang="{entry.fields.language}">{body}</div>'),
            heading_ids={key: entry.rendered.id_after(text) for key, text in headings.items()},
            citation=apa_parts(ref),
            downloads={suffix: f"{entry.slug}.{suffix}" for suffix in ("bib", "ris", "json")},
            address=base + here + entry.url,
        )
        shown = [headings["details"], headings["cite"], *([headings["related"]] if related else [])]
        out.tocs[uri] = entry.rendered.toc(shown, lang=entry.fields.language if entry.fields.language != lang else "")
        # The same head in every language, but for a translated description and link previews.
        out.heads[uri] = entry_head(catalog, entry, ref, site_url, translated) if translated else heads[entry.uri]
        out.sources[uri] = entry.source
        out.out_of_nav.add(uri)


def render_cooperation(out: GeneratedSite, env: jinja2.Environment, flows: Cooperation, here: str = "") -> None:
    """``cooperation/``: the matrix of flows; ``cooperation/<cooperating>/``: the rounds in which a country cooperated,
    a section per beneficiary (in the language folder ``here``)."""
    out.add(f"{here}cooperation/index.md", env.get_template("pages/cooperation.md.j2"))
    country_page = env.get_template("pages/cooperation_country.md.j2")
    for country in flows.cooperating:
        uri = f"{here}{page_of(country)}index.md"
        out.add(uri, country_page, country=country, given=flows.given_by(country.code))
        out.out_of_nav.add(uri)
