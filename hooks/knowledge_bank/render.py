"""Rendering: the catalog becomes Markdown pages (from Jinja2 templates) and data files."""

from __future__ import annotations

import hashlib
import html
import math
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from .catalog import ROLES, Catalog, keyword_slug
from .exports import catalog_csv, catalog_json, catalog_schema, feed_xml
from .markup import body_markers
from .models import Round

TEMPLATES = Path(__file__).parent / "templates"
KIND_LABELS = {"rounds": "Round report", "lessons": "Lessons-learnt card"}
KNOWLEDGE_TYPES = {"lesson-learnt": "Lesson learnt", "good-practice": "Good practice", "success-story": "Success story"}
LANGUAGE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
OTHER_LANGUAGES = ("es", "pt", "fr")  # the site is in English; entries also name things in these
SDG_ABBREVIATIONS = {"en": "SDG", "es": "ODS", "pt": "ODS", "fr": "ODD"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_BODY_NONCE = secrets.token_hex(12)
_TAG = re.compile(r"<[^>]*>")
PAGE_SIZE = 100  # entries on one listing page: at most ~70 KB of HTML, whatever the size of the bank


def md(text: object) -> Markup:
    """Escape text for inline Markdown: shown as written, never read as markup or HTML."""
    # Quotes are text in Markdown; escaped as &#x27; they reached the theme's <title> as &amp;#x27;.
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


class HtmlBlocks:
    """The HTML parts of generated pages, kept out of Markdown so that Markdown never re-parses them.

    A template wraps HTML in ``{% call html_block() %}…{% endcall %}``: the page's Markdown gets a
    paragraph holding a token instead, and ``fill`` puts the HTML back in the page's HTML. A token is
    a random nonce (one per process, so no text in an entry can name one) and a digest of the block,
    so that an unchanged page gets unchanged Markdown from one build to the next (``serve --dirty``).
    """

    nonce = secrets.token_hex(6)

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}
        self.searched: set[str] = set()
        self.texts: dict[str, str] = {}
        self._token = re.compile(rf"<p>(kb-html-{self.nonce}-[0-9a-f]+)</p>")

    def __call__(self, caller, search: bool = True) -> str:
        block = str(caller()).strip()
        token = f"kb-html-{self.nonce}-{hashlib.blake2b(block.encode(), digest_size=10).hexdigest()}"
        self.blocks[token] = block
        if search:
            self.searched.add(token)
        return f"\n\n{token}\n\n"

    def fill(self, page_html: str) -> str:
        """The page's HTML with each token paragraph replaced by its HTML block."""
        if "kb-html-" not in page_html:
            return page_html
        return self._token.sub(lambda m: self.blocks.get(m[1], m[0]), page_html)

    def fill_for_search(self, page_html: str) -> str:
        """The page's HTML as the search index needs it: each block as one paragraph of its text (a tenth of
        the markup for the search plugin's HTML parser to walk), blocks marked ``search=False`` left out."""
        if "kb-html-" not in page_html:
            return page_html
        return self._token.sub(lambda m: self._text(m[1]) if m[1] in self.searched else "", page_html)

    def _text(self, token: str) -> str:
        if token not in self.texts:
            self.texts[token] = "<p>" + " ".join(_TAG.sub(" ", self.blocks[token]).split()) + "</p>"
        return self.texts[token]


class FragmentCache:
    """Theme fragments that are the same on many pages, rendered once: ``{% call kb_cached(key…) %}…{% endcall %}``."""

    def __init__(self) -> None:
        self.fragments: dict[tuple, str] = {}

    def __call__(self, *key, caller) -> Markup:
        if key not in self.fragments:
            self.fragments[key] = str(caller())
        return Markup(self.fragments[key])


@dataclass
class GeneratedSite:
    """Everything the hooks add to MkDocs' files."""

    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    data: dict[str, str] = field(default_factory=dict)  # src_uri -> text file content
    attachments: dict[str, Path] = field(default_factory=dict)  # src_uri -> file on disk
    sources: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> its source file
    out_of_nav: set[str] = field(default_factory=set)  # pages that stay out of the navigation
    # Marks bodies to sanitise (markup.py). One per process, not per build: under `mkdocs serve --dirty` an
    # unchanged entry must keep unchanged Markdown. Authors cannot know it either way.
    body_nonce: str = field(default_factory=lambda: _BODY_NONCE)
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
    env.globals["body_markers"] = body_markers(out.body_nonce)
    env.globals["html_block"] = out.html_blocks
    env.globals["cached"] = FragmentCache()
    entry_template = env.get_template("entry.md.j2")
    for entry in catalog.entries:
        uri = f"{entry.kind}/{entry.slug}.md"
        out.pages[uri] = entry_template.render(
            entry=entry, roles=catalog.roles_of(entry), related=catalog.related(entry)
        )
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
