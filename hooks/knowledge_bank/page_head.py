"""The head of an entry's page: description, link-preview (OpenGraph, Twitter), Google Scholar (Highwire
``citation_*``) and schema.org JSON-LD, from the entry's public fields only."""

from __future__ import annotations

import json

from markupsafe import Markup

from .catalog import Catalog
from .citation import Reference
from .loader import Entry
from .models import Translation
from .templating import template


def json_ld(data: dict) -> Markup:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def schema_org(catalog: Catalog, entry: Entry, ref: Reference, site_url: str) -> dict:
    """The schema.org description of the entry: a ``Report`` (rounds) or ``CreativeWork`` (lessons)."""
    license_ = catalog.license_of(entry)
    data = {
        "@context": "https://schema.org",
        "@type": entry.fields.schema_org_type,
        "@id": ref.url,
        "url": ref.url,
        "name": ref.title,
        "headline": ref.title[:110],
        "description": ref.summary,
        "datePublished": ref.date.isoformat(),
        "inLanguage": ref.language,
        "genre": ref.genre,
        "keywords": list(ref.keywords),
        "author": [{"@type": "Organization", "name": name} for name in ref.authors],
        "publisher": {"@type": "Organization", "name": ref.publisher, **({"url": site_url} if site_url else {})},
        "license": license_.url,
        "isAccessibleForFree": True,
        "spatialCoverage": [
            {"@type": "Country", "name": catalog.country(code).name, "identifier": code}
            for code in catalog.roles_of(entry)
        ],
    }
    if entry.report:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": ref.pdf_url,
            "encodingFormat": "application/pdf",
            "contentSize": f"{entry.report.size} B",
        }
    return data


def entry_head(
    catalog: Catalog, entry: Entry, ref: Reference, site_url: str, translated: Translation | None = None
) -> str:
    """The tags an entry's page puts in its ``<head>``, escaped; its description and link previews ``translated``
    when the page's language has them."""
    schema = schema_org(catalog, entry, ref, site_url)
    return (
        template("pages/head.html.j2")
        .render(entry=entry, ref=ref, translated=translated, schema=schema, json_ld=json_ld)
        .strip()
    )
