"""The catalog's open data (no build): the record of each entry in ``catalog.json``, the whole file, and the JSON
Schema published beside it."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest

from knowledge_bank.catalog import Catalog
from knowledge_bank.exports import catalog_file, catalog_json, catalog_schema, record
from knowledge_bank.loader import load_content

from .helpers import FIXTURES, content_root, write_entry

SCHEMA = json.loads(catalog_schema())

VALID_ROUND = {
    "kind": "round",
    "slug": "valid-round",
    "url": "rounds/valid-round/",
    "title": "A round about care services",
    "summary": "The panel reviewed a care services programme.",
    "date": "2025-03-01",
    "language": "en",
    "phase": "formulation",
    "sdgs": [1, 5],
    "keywords": ["Care systems"],
    "countries": [
        {"code": "PY", "name": "Paraguay", "roles": ["beneficiary"]},
        {"code": "UY", "name": "Uruguay", "roles": ["cooperating"]},
    ],
    "institutions": ["Ministry of Social Development"],  # the beneficiary's and the cooperating one's, once
    "license": "CC-BY-4.0",  # the site's default: the first of vocabularies/licenses.yml
    "initiative": "National care services programme",
}
VALID_LESSON = {
    "kind": "lesson",
    "slug": "valid-lesson",
    "url": "lessons/valid-lesson/",
    "title": "A lesson about peer visits",
    "summary": "Partners learnt to plan peer visits together.",
    "date": "2024-06-01",
    "language": "en",
    "phase": "implementation",
    "sdgs": [1],
    "keywords": ["Peer review"],
    "countries": [
        {"code": "CL", "name": "Chile", "roles": ["action", "actor"]},
        {"code": "UY", "name": "Uruguay", "roles": ["action"]},
    ],
    "institutions": ["Ministry of Social Development"],
    "license": "CC-BY-4.0",
    "knowledge_type": "lesson-learnt",
    "author": "Example project",
}
LESSON = {
    "title": "Lesson with agencies",
    "summary": "What two agencies learnt.",
    "published": True,
    "date": dt.date(2023, 5, 2),
    "phase": "evaluation",
    "sdgs": [10, 10, 2],
    "keywords": ["peer review", "Targeting"],
    "knowledge_type": "good-practice",
    "author": "Project",
    "countries": ["Perú"],
    "actors": [{"name": "IILA"}, {"name": "Agency", "country": "Perú"}, {"name": "IILA"}],
    "added_values": [2],
    "license": "CC BY-SA 4.0",  # a label: stored as its SPDX key
}
DRAFTS = {  # unpublished: a lesson in a country no published entry has, and a round not yet authorized
    "lessons": {**LESSON, "title": "Draft lesson", "published": False, "countries": ["México"], "actors": []},
    "rounds": {
        **{k: VALID_ROUND[k] for k in ("title", "summary", "phase", "sdgs", "keywords", "initiative")},
        "published": False,
        "date": dt.date(2026, 1, 1),
        "beneficiary": {"country": "Ecuador", "institution": "Ministry"},
        "cooperating": [{"country": "Chile", "institution": "Agency"}],
        "objective": "Objective",
    },
}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = content_root(tmp_path_factory.mktemp("exports"), FIXTURES / "valid")
    write_entry(root, "lessons", "with-agencies", LESSON)
    for kind, fields in DRAFTS.items():
        write_entry(root, kind, f"draft-{kind[:-1]}", fields)
    loaded = load_content(root)
    assert loaded.ok and len(loaded.entries) == 5, [p.format() for p in loaded.problems]
    return loaded


def records(catalog: Catalog) -> dict[str, dict]:
    """Slug -> the record as ``catalog.json`` writes it."""
    return {r["slug"]: r for r in json.loads(catalog_json(catalog))["entries"]}


def test_the_record_of_a_round_and_of_a_lesson(content):
    catalog = Catalog.build(content)
    found = {e.slug: record(catalog, e).model_dump(mode="json", exclude_none=True) for e in catalog.entries}
    assert found["valid-round"] == VALID_ROUND
    assert found["valid-lesson"] == VALID_LESSON
    assert records(catalog)["valid-round"] == VALID_ROUND, "catalog.json writes the same record"


def test_institutions_and_roles_of_a_lesson_come_from_its_countries_and_actors(content):
    found = records(Catalog.build(content))["with-agencies"]
    assert found["institutions"] == ["IILA", "Agency"], "each actor once, in order, with or without a country"
    assert found["countries"] == [{"code": "PE", "name": "Peru", "roles": ["action", "actor"]}]
    assert found["sdgs"] == [10, 2], "a repeated SDG once"
    assert found["keywords"] == ["peer review", "Targeting"], "keywords as written"
    assert (found["knowledge_type"], found["author"]) == ("good-practice", "Project")
    assert found["license"] == "CC-BY-SA-4.0", "the entry's own licence overrides the site's default"


def test_unpublished_entries_are_only_in_a_preview_and_flagged_there(content):
    public = records(Catalog.build(content))
    assert set(public) == {"valid-round", "valid-lesson", "with-agencies"}
    assert not [slug for slug, r in public.items() if "unpublished" in r]
    preview = records(Catalog.build(content, preview=True))
    assert {slug for slug, r in preview.items() if r.get("unpublished") is True} == {"draft-lesson", "draft-round"}
    assert {slug for slug, r in preview.items() if "unpublished" not in r} == set(public)


def test_the_file_names_the_countries_of_its_entries_in_four_languages_newest_first(content):
    public = json.loads(catalog_json(Catalog.build(content)))
    assert sorted(public["countries"]) == ["CL", "PE", "PY", "UY"], "not México or Ecuador: only drafts have them"
    assert public["countries"]["PY"] == {"en": "Paraguay", "es": "Paraguay", "pt": "Paraguai", "fr": "Paraguay"}
    assert public["generated"] == "2025-03-01", "the newest published entry's date"
    assert [r["slug"] for r in public["entries"]] == ["valid-round", "valid-lesson", "with-agencies"]
    assert public["keywords"]["peer-review"] == {
        "label": "Peer review",
        "labels": {
            "en": "Peer review",
            "es": "Revisión entre pares",
            "pt": "Revisão por pares",
            "fr": "Examen par les pairs",
        },
        "spellings": ["Peer review", "peer review"],
    }
    preview = json.loads(catalog_json(Catalog.build(content, preview=True)))
    assert {"EC", "MX"} <= set(preview["countries"]) and preview["generated"] == "2026-01-01"
    assert catalog_file(Catalog.build(content)).model_dump(mode="json", exclude_none=True) == public


@pytest.mark.parametrize("preview", [False, True], ids=["public", "preview"])
def test_catalog_json_validates_against_its_schema(content, preview):
    data = json.loads(catalog_json(Catalog.build(content, preview=preview)))
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    "spoil",
    [
        lambda r: r.update(extra="field"),
        lambda r: r["countries"][0]["roles"].append("donor"),
        lambda r: r.update(kind="report"),
        lambda r: r.pop("title"),
        lambda r: r.update(unpublished=False),
        lambda r: r.update(date="1 March 2025"),
    ],
    ids=["unknown field", "unknown role", "unknown kind", "no title", "unpublished false", "date not ISO"],
)
def test_the_schema_refuses_a_spoilt_record(content, spoil):
    data = json.loads(catalog_json(Catalog.build(content)))
    spoilt = copy.deepcopy(data)
    spoil(spoilt["entries"][0])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(spoilt, SCHEMA, format_checker=jsonschema.FormatChecker())
