"""``datapackage.json``: the open data described as a Frictionless Data Package (https://datapackage.org/).

It names the files (``catalog.csv`` with a Table Schema of its columns, ``catalog.json`` with its JSON Schema),
their licence (the site's default; an entry under another licence says so in its ``license`` column) and
how to cite the dataset, so that tools such as ``frictionless validate`` can check and load them.
"""

from __future__ import annotations

import datetime as dt
import json

from .catalog import Catalog
from .exports import CSV_COLUMNS
from .kinds import BY_KIND
from .languages import LANGUAGES

NAME = "knowledge-bank-catalog"


def datapackage_json(catalog: Catalog, site_url: str, title: str, description: str) -> str:
    """The Data Package descriptor of the open data of ``catalog``."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    default = catalog.vocabularies.default_license
    used = dict.fromkeys([default.key, *(catalog.license_of(e).key for e in catalog.entries)])
    generated = max((e.fields.date for e in catalog.entries), default=dt.date(1970, 1, 1))
    fields = []
    for name, (kind, meaning) in CSV_COLUMNS.items():
        field: dict = {"name": name, "type": kind, "description": meaning}
        if name in ("kind", "slug", "url", "title", "date", "language", "license"):
            field["constraints"] = {"required": True}
        if name == "kind":
            field["constraints"]["enum"] = list(BY_KIND)
        if name == "language":
            field["constraints"]["enum"] = list(LANGUAGES)
        fields.append(field)
    package = {
        "name": NAME,
        "title": title,
        "description": description,
        "homepage": base or None,
        "created": f"{generated.isoformat()}T00:00:00Z",
        "licenses": [
            {
                "name": key,
                "path": catalog.vocabularies.licenses[key].url,
                "title": catalog.vocabularies.licenses[key].description.get("en", key),
            }
            for key in used
        ],
        "keywords": ["social protection", "technical cooperation", "triangular cooperation", "Americas", "SDG"],
        "resources": [
            {
                "name": "catalog-csv",
                "title": "Published entries, one row each",
                "path": "catalog.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "dialect": {"delimiter": ",", "doubleQuote": True, "header": True},
                "schema": {"fields": fields, "primaryKey": ["kind", "slug"], "missingValues": [""]},
            },
            {
                "name": "catalog-json",
                "title": "Published entries with the labels of countries, phases and SDGs in four languages",
                "type": "json",
                "path": "catalog.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "jsonschema": "catalog.schema.json",
            },
        ],
    }
    return json.dumps({k: v for k, v in package.items() if v is not None}, indent=2, ensure_ascii=False) + "\n"
