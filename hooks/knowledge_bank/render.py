"""Rendering: the catalog becomes Markdown pages (from Jinja2 templates) and data files."""

from __future__ import annotations

import html
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


def md(text: object) -> Markup:
    """Escape text for inline Markdown: shown as written, never read as markup or HTML."""
    # Quotes are text in Markdown; escaped as &#x27; they reached the theme's <title> as &amp;#x27;.
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


@dataclass
class GeneratedSite:
    """Everything the hooks add to MkDocs' files."""

    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown
    data: dict[str, str] = field(default_factory=dict)  # src_uri -> text file content
    attachments: dict[str, Path] = field(default_factory=dict)  # src_uri -> file on disk
    sources: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> its source file
    out_of_nav: set[str] = field(default_factory=set)  # pages that stay out of the navigation
    body_nonce: str = field(default_factory=lambda: secrets.token_hex(12))  # marks bodies to sanitise (markup.py)


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
        out.pages[f"{kind}/index.md"] = kind_template.render(kind=kind, entries=catalog.by_kind(kind))
    facet_index = env.get_template("facet_index.md.j2")
    facet_value = env.get_template("facet_value.md.j2")
    for facet in catalog.facets():
        out.pages[f"{facet.name}/index.md"] = facet_index.render(facet=facet)
        for value in facet.values:
            uri = f"{facet.name}/{value.slug}.md"
            out.pages[uri] = facet_value.render(facet=facet, value=value)
            out.out_of_nav.add(uri)
    out.data["catalog.json"] = catalog_json(catalog, site_url)
    out.data["catalog.schema.json"] = catalog_schema()
    out.data["catalog.csv"] = catalog_csv(catalog, site_url)
    out.data["feed.xml"] = feed_xml(env, catalog, site_url)
    return out
