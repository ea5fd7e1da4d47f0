"""The Contribute page and CONTRIBUTING.md: the field reference is generated from the models, so it cannot drift."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from knowledge_bank.kinds.lesson import Actor, Lesson
from knowledge_bank.kinds.round import Authorization, PanelMember, Party, ReferenceDocument, Report, Round, Visit
from knowledge_bank.models import EntryFields
from knowledge_bank.reference import MARKER, SKELETON_MARKERS

from .helpers import ROOT

GROUPS = {
    "fields-entry": EntryFields,
    "fields-round": Round,
    "fields-lesson": Lesson,
    "fields-party": Party,
    "fields-panelmember": PanelMember,
    "fields-visit": Visit,
    "fields-referencedocument": ReferenceDocument,
    "fields-report": Report,
    "fields-authorization": Authorization,
    "fields-actor": Actor,
}


def squash(text: str) -> str:
    return "".join(text.split())


def page(build) -> BeautifulSoup:
    return BeautifulSoup(build.page("contribute"), "lxml")


def table_after(heading) -> dict[str, list[str]]:
    table = heading.find_next("table")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return {row[0]: row[1:] for row in rows}


def test_the_reference_lists_every_field_of_every_model_with_its_description(repo_build):
    soup = page(repo_build)
    common = set(EntryFields.model_fields)
    for anchor, model in GROUPS.items():
        heading = soup.select_one(f"#{anchor}")
        assert heading is not None, anchor
        rows = table_after(heading)
        expected = set(model.model_fields) - (common if model in (Round, Lesson) else set())
        assert set(rows) == expected, anchor
        for name in expected:
            info = model.model_fields[name]
            required, value, meaning = rows[name]
            assert required == ("yes" if info.is_required() else "no"), (anchor, name)
            assert squash(meaning) == squash(info.description.replace("`", "")), (anchor, name)


def test_the_reference_states_the_rules(repo_build):
    rows = table_after(page(repo_build).select_one("#fields-entry"))
    assert "at most 200 characters" in rows["title"][1]
    assert "1 to 12 items" in rows["keywords"][1]
    assert "default false" in rows["published"][1]
    rounds = table_after(page(repo_build).select_one("#fields-round"))
    assert "1 to 2 items" in rounds["cooperating"][1]
    links = page(repo_build).select("#fields-round ~ table a[href='#fields-authorization']")
    assert links, "a group of fields links to its own table"


def test_the_skeletons_are_shown_for_the_web_editor(repo_build):
    blocks = [pre.get_text() for pre in page(repo_build).select("details pre")]
    assert len(blocks) == 2
    for block, kind in zip(blocks, ("round", "lesson"), strict=True):
        front = yaml.safe_load(block.split("---\n")[1])
        assert front["published"] is False and front["title"] == f"Title of the {kind}"
        assert "FILL IN" in block


def test_no_marker_is_left_in_the_built_page(repo_build):
    html = repo_build.page("contribute")
    for marker in (MARKER, *SKELETON_MARKERS.values()):
        assert marker not in html


def test_contributing_stands_on_its_own():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for needed in ("published: true", "authorization", "Create new file", "kb new", "kb check", "FILL IN"):
        assert needed in text, needed
