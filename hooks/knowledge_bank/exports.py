"""Open data: ``catalog.json`` (with its JSON Schema), ``catalog.csv`` and the Atom feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog
from .kinds import BY_KIND
from .labels import Wording
from .languages import Language
from .loader import Entry
from .models import Summary, Title, Translation
from .templating import template

SCHEMA_VERSION = 1
KindKey = Literal[tuple(BY_KIND)]  # type: ignore[valid-type]  # "round", "lesson": every kind in kinds/


class CountryRole(BaseModel):
    """A country of an entry and what part it played."""

    code: str = Field(description="ISO 3166-1 alpha-2 code.")
    name: str = Field(description="English name.")
    roles: list[Literal["beneficiary", "cooperating", "action", "actor"]]


class ReportLink(BaseModel):
    """A round's final report as a file: where it is, its real number of pages and its size."""

    url: str = Field(description="Address of the PDF, relative to the site root.")
    pages: int = Field(ge=1, le=20)
    bytes: int = Field(ge=1)


class CatalogRecord(BaseModel):
    """One published entry in ``catalog.json``."""

    model_config = ConfigDict(extra="forbid")

    kind: KindKey
    slug: str
    url: str = Field(description="Address of the entry's page, relative to the site root.")
    title: Title
    summary: Summary
    translations: dict[Language, Translation] | None = Field(
        None, description="The title and summary in other languages, by language, when the entry has them."
    )
    date: dt.date
    language: Language
    phase: str = Field(description="Key of the phase vocabulary.")
    sdgs: list[int]
    keywords: list[str]
    countries: list[CountryRole]
    institutions: list[str] = Field(description="Institutions of the beneficiary, cooperating countries or actors.")
    license: str = Field(description="SPDX identifier of the licence the entry is published under, e.g. CC-BY-4.0.")
    report: ReportLink | None = Field(None, description="A round's final report as a PDF file, when it has one.")
    knowledge_type: Literal["lesson-learnt", "good-practice", "success-story"] | None = None
    author: str | None = None
    initiative: str | None = None
    unpublished: Literal[True] | None = Field(
        default=None,
        description="Only in the `mkdocs serve` preview: the entry awaits publication. A built site never holds such an entry.",
    )


class KeywordGroup(BaseModel):
    """The spellings of one keyword that entries write differently (case, accents), grouped as on its page."""

    label: str = Field(description="The keyword's English name in the thesaurus, else its commonest spelling.")
    labels: dict[str, str] | None = Field(
        default=None, description="A keyword of the thesaurus (vocabularies/keywords.yml): its name in en, es, pt, fr."
    )
    spellings: list[str] = Field(description="Every spelling used in the entries' `keywords`.")


class CatalogFile(BaseModel):
    """The whole ``catalog.json``: vocabularies' labels and the published entries, newest first."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    generated: dt.date
    countries: dict[str, dict[str, str]] = Field(description="ISO code -> names in en, es, pt, fr.")
    phases: dict[str, dict[str, str]] = Field(description="Phase key -> labels in en, es, pt, fr.")
    sdgs: dict[str, dict[str, str]] = Field(description="SDG number -> labels in en, es, pt, fr, and its colour.")
    keywords: dict[str, KeywordGroup] = Field(
        default_factory=dict, description="Keyword slug (as in /keywords/<slug>/) -> its label and spellings."
    )
    regions: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Region (vocabularies/regions.yml: `americas`) -> the ISO codes of `countries` in it; the others are partners outside.",
    )
    labels: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Label name -> its wording in en, es, pt, fr (vocabularies/labels.yml): what Explore writes.",
    )
    entries: list[CatalogRecord]


def record(catalog: Catalog, entry: Entry) -> CatalogRecord:
    """The catalog record of one entry."""
    fields = entry.fields
    roles = catalog.roles_of(entry)
    return CatalogRecord(
        kind=entry.kind,
        slug=entry.slug,
        url=entry.url,
        title=fields.title,
        summary=fields.summary,
        translations=fields.translated() or None,
        date=fields.date,
        language=fields.language,
        phase=fields.phase,
        sdgs=list(dict.fromkeys(fields.sdgs)),
        keywords=list(fields.keywords),
        countries=[CountryRole(code=c, name=catalog.country(c).name, roles=list(r)) for c, r in roles.items()],
        institutions=fields.institutions(),
        license=catalog.license_of(entry).key,
        report=_report_link(entry),
        unpublished=None if entry.is_public else True,
        **fields.record_fields(),
    )


def _report_link(entry: Entry) -> ReportLink | None:
    report = entry.report
    return ReportLink(url=entry.url + report.name, pages=report.pages, bytes=report.size) if report else None


def catalog_file(catalog: Catalog) -> CatalogFile:
    codes = sorted({c for e in catalog.entries for c in catalog.roles_of(e)})
    vocab = catalog.vocabularies
    return CatalogFile(
        generated=max((e.fields.date for e in catalog.entries), default=dt.date(1970, 1, 1)),
        countries={c: catalog.country(c).names for c in codes},
        phases={t.key: t.labels for t in vocab.phases.terms},
        sdgs={t.key: t.labels | {"colour": t.colour} for t in vocab.sdgs.terms},
        keywords=keyword_groups(catalog),
        regions={name: [c for c in codes if c in region] for name, region in vocab.regions.items()},
        labels=catalog.vocabularies.labels.texts,
        entries=[record(catalog, e) for e in catalog.entries],
    )


def keyword_groups(catalog: Catalog) -> dict[str, KeywordGroup]:
    """Each keyword slug with its label and every spelling published entries use."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for entry in catalog.entries:
        for keyword in entry.fields.keywords:
            group = spellings[catalog.keyword_slug(keyword)]
            if keyword not in group:
                group.append(keyword)
    return {
        v.slug: KeywordGroup(label=v.label, labels=v.term.labels if v.term else None, spellings=spellings[v.slug])
        for v in catalog.keywords.values
    }


def catalog_json(catalog: Catalog) -> str:
    """``catalog.json``: compact JSON of ``CatalogFile``."""
    return catalog_file(catalog).model_dump_json(exclude_none=True)


def catalog_schema() -> str:
    """The JSON Schema of ``catalog.json``, derived from the models."""
    schema = CatalogFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Knowledge Bank catalog"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS: dict[str, tuple[str, str]] = {  # column -> (Table Schema type, meaning), for datapackage.json
    "kind": ("string", "Kind of entry: round (a round report) or lesson (a lessons-learnt card)."),
    "slug": ("string", "Identifier of the entry within its kind, as in its address."),
    "url": ("string", "Address of the entry's page."),
    "title": ("string", "Title."),
    "date": ("date", "Publication date."),
    "language": ("string", "Language of the text: en, es, pt or fr."),
    "phase": ("string", "Key of the phase of the policy or operation cycle."),
    "sdgs": ("string", "Sustainable Development Goals (numbers 1-17), joined with '; '."),
    "keywords": ("string", "Keywords as written, joined with '; '."),
    "countries": ("string", "Every country of the entry (English names), whatever its role, joined with '; '."),
    "beneficiary": ("string", "A round's beneficiary country: the country that asked for the round."),
    "cooperating_countries": ("string", "A round's cooperating countries, joined with '; '."),
    "action_countries": ("string", "A lesson's countries where the action took place, joined with '; '."),
    "actor_countries": ("string", "A lesson's countries of the institutions involved, joined with '; '."),
    "institutions": ("string", "Institutions of the beneficiary, cooperating countries or actors, joined with '; '."),
    "license": ("string", "SPDX identifier of the licence the entry is published under."),
    "report_url": ("string", "Address of a round's final report (PDF), when it has one."),
    "summary": ("string", "One-paragraph summary."),
}


def _cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ or a control character is quoted."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else value


def catalog_csv(catalog: Catalog, site_url: str = "") -> str:
    """``catalog.csv``: one row per published entry, lists joined with ``; ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(CSV_COLUMNS))
    base = site_url.rstrip("/") + "/" if site_url else ""

    def having(r: CatalogRecord, role: str) -> str:
        return "; ".join(c.name for c in r.countries if role in c.roles)

    for entry in catalog.entries:
        r = record(catalog, entry)
        row = [
            r.kind,
            r.slug,
            base + r.url,
            r.title,
            r.date.isoformat(),
            r.language,
            r.phase,
            "; ".join(map(str, r.sdgs)),
            "; ".join(r.keywords),
            "; ".join(c.name for c in r.countries),
            having(r, "beneficiary"),
            having(r, "cooperating"),
            having(r, "action"),
            having(r, "actor"),
            "; ".join(r.institutions),
            r.license,
            base + r.report.url if r.report else "",
            r.summary,
        ]
        writer.writerow([_cell(str(v)) for v in row])
    return out.getvalue()


def feed_xml(catalog: Catalog, t: Wording, site_url: str = "") -> str:
    """``feed.xml``: an Atom feed of the 50 newest published entries."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    entries = catalog.entries[:50]
    updated = max((e.fields.date for e in entries), default=dt.date(1970, 1, 1))
    return template("data/feed.xml.j2").render(t=t, entries=entries, base=base, updated=updated)
