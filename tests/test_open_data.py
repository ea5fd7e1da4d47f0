"""The open data people reuse (no build): catalog.csv's role and report columns, the licence of each entry,
and datapackage.json validated with the frictionless library against the files it describes."""

from __future__ import annotations

import csv
import io
import json

import frictionless
import pytest

from knowledge_bank.catalog import Catalog
from knowledge_bank.exports import CSV_COLUMNS, catalog_csv
from knowledge_bank.loader import load_content
from knowledge_bank.render import render_site

from .helpers import FIXTURES, ROOT, content_root, pdf_bytes, write_entry
from .hostile import VALID_ROUND

SITE = "https://kb.example.org/base/"
LESSON = {
    "title": "Lesson with actors",
    "summary": "What the actors learnt.",
    "published": True,
    "date": "2024-05-02",
    "phase": "evaluation",
    "sdgs": [1],
    "keywords": ["=cmd|' /C calc'!A0"],
    "knowledge_type": "good-practice",
    "author": "Project",
    "countries": ["Perú", "Chile"],
    "actors": [{"name": "Agency", "country": "Brasil"}, {"name": "Other", "country": "Chile"}],
    "license": "CC0",
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory) -> Catalog:
    root = content_root(tmp_path_factory.mktemp("open-data"), FIXTURES / "valid")
    write_entry(root, "lessons", "with-actors", LESSON)
    folder = root / "rounds" / "with-report"
    folder.mkdir()
    (folder / "index.md").write_text(
        VALID_ROUND.replace("report: {pages: 12}", "report: {file: report.pdf, pages: 2}").replace(
            "cooperating:", "cooperating:\n  - {country: Chile, institution: Agency}"
        ),
        encoding="utf-8",
    )
    (folder / "report.pdf").write_bytes(pdf_bytes(2))
    content = load_content(root)
    assert content.ok, [p.format() for p in content.problems]
    return Catalog.build(content)


def rows(catalog: Catalog) -> dict[str, dict]:
    return {r["slug"]: r for r in csv.DictReader(io.StringIO(catalog_csv(catalog, SITE)))}


def test_the_csv_tells_each_role_apart(catalog):
    found = rows(catalog)
    assert list(next(iter(found.values()))) == list(CSV_COLUMNS)
    round_ = found["with-report"]
    assert (round_["beneficiary"], round_["cooperating_countries"]) == ("Paraguay", "Chile; Uruguay")
    assert (round_["action_countries"], round_["actor_countries"]) == ("", "")
    lesson = found["with-actors"]
    assert (lesson["beneficiary"], lesson["cooperating_countries"]) == ("", "")
    assert lesson["action_countries"] == "Peru; Chile"
    assert lesson["actor_countries"] == "Chile; Brazil", "in the order of the entry's countries"


def test_the_csv_links_the_report_and_names_the_licence(catalog):
    found = rows(catalog)
    assert found["with-report"]["report_url"] == SITE + "rounds/with-report/report.pdf"
    assert found["valid-round"]["report_url"] == "", "a round without a file has no link"
    assert found["with-report"]["license"] == "CC-BY-4.0"
    assert found["with-actors"]["license"] == "CC0-1.0"
    assert found["with-actors"]["keywords"].startswith("'="), "formulas stay neutralised"


def test_an_unknown_licence_is_an_error_naming_the_choices(tmp_path):
    root = content_root(tmp_path)
    write_entry(root, "lessons", "bad-licence", {**LESSON, "license": "All rights reserved"})
    (problem,) = [p.format() for p in load_content(root).problems if p.is_error]
    assert problem.startswith("lessons/bad-licence.md:13: error: `license`: unknown licence “All rights reserved”")
    assert "CC-BY-4.0, CC-BY-SA-4.0" in problem


def test_the_data_package_is_valid_with_the_files_it_describes(catalog, tmp_path):
    site = render_site(catalog, SITE)
    for name in ("catalog.csv", "catalog.json", "catalog.schema.json", "datapackage.json"):
        (tmp_path / name).write_text(site.data[name], encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads(site.data["datapackage.json"])
    assert [r["path"] for r in package["resources"]] == ["catalog.csv", "catalog.json"]
    assert [f["name"] for f in package["resources"][0]["schema"]["fields"]] == list(CSV_COLUMNS)
    assert [lic["name"] for lic in package["licenses"]] == ["CC-BY-4.0", "CC0-1.0"], "default first, then overrides"
    assert package["homepage"] == SITE


def test_a_spoilt_csv_fails_the_data_package(catalog, tmp_path):
    site = render_site(catalog, SITE)
    (tmp_path / "datapackage.json").write_text(site.data["datapackage.json"], encoding="utf-8")
    (tmp_path / "catalog.json").write_text(site.data["catalog.json"], encoding="utf-8")
    spoilt = site.data["catalog.csv"].replace("2025-03-01", "1 March 2025")
    (tmp_path / "catalog.csv").write_text(spoilt, encoding="utf-8")
    assert not frictionless.validate(tmp_path / "datapackage.json").valid


def test_the_repository_states_its_licences():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
