"""A kind of entry is defined once: a third kind takes one model class, one group of labels and one template.

The test copies the project's code, adds a throwaway kind ("story") in exactly those three places, and
builds a site with it: its pages, listing, facets, open data, feed, `kb check`, `kb new` and `kb schema`
all follow without another line changed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .helpers import ROOT, make_project, run_build

MODEL = '''"""Stories: success stories told by the people they changed (a throwaway kind of tests/test_new_kind.py)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..models import CountryCode, EntryFields, Text


class Story(EntryFields):
    """A success story, told by the people it changed."""

    kind: ClassVar[str] = "story"
    folder: ClassVar[str] = "stories"
    position: ClassVar[int] = 3
    sections: ClassVar[tuple[str, ...]] = ("What changed",)

    narrator: Text = Field(description="Who tells the story.")
    countries: list[CountryCode] = Field(min_length=1, description="Where it happened.")

    def country_roles(self) -> dict[str, tuple[str, ...]]:
        return {code: ("action",) for code in self.countries}

    def institutions(self) -> list[str]:
        return [self.narrator]
'''

TEMPLATE = """{% import "pages/_macros.md.j2" as m with context %}
{% macro meta(entry) %}{% endmacro %}

{% macro facts_before(entry, r) -%}
<dt>Told by</dt>
<dd class="kb-narrator">{{ entry.fields.narrator }}</dd>
<dt>{{ t("fields.countries") }}</dt>
<dd>{% for code in entry.fields.countries %}{{ m.country_link(code, r) }} {% endfor %}</dd>
{%- endmacro %}

{% macro facts_after(entry, r) %}{% endmacro %}

{% macro skeleton(title, today, phases, added_values) -%}
{% autoescape false %}
---
title: {{ title | yaml }}
summary: "FILL IN what changed"
published: false
date: {{ today.isoformat() }}
phase: implementation
sdgs: [1]
keywords: ["FILL IN a keyword"]
narrator: "FILL IN who tells it"
countries: [Chile]
---

## What changed

FILL IN the story.
{% endautoescape %}
{%- endmacro %}
"""

LABELS = """  story:
    one: {en: Success story card, es: Ficha de caso de éxito}
    other: {en: Success stories, es: Casos de éxito}
    intro: {en: "Stories of what changed, told by the people it changed."}
    needs: {en: ""}
"""

STORY = """---
title: A story of care told by its caregivers
summary: How community caregivers changed the care of older people in their town.
published: true
date: 2026-11-30
language: en
phase: implementation
sdgs: [5]
keywords: [Care systems, Community caregivers]
narrator: The caregivers' association of Salto
countries: [Uruguay]
---

## What changed

Caregivers who used to work alone now meet every week.
"""


def _project_with_a_story(tmp_path: Path) -> Path:
    project = make_project(tmp_path, with_repo_content=True)
    (project / "hooks").unlink()  # a copy of the code, so the new kind stays in this test
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    package = project / "hooks" / "knowledge_bank"
    (package / "kinds" / "story.py").write_text(MODEL, encoding="utf-8")  # 1. the model class
    (package / "templates" / "kinds" / "story.md.j2").write_text(TEMPLATE, encoding="utf-8")  # 2. the template
    labels = project / "vocabularies" / "labels.yml"  # 3. its group of labels, under `kinds:`
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text.replace("\nkinds:\n", "\nkinds:\n" + LABELS, 1), encoding="utf-8")
    (project / "stories").mkdir()
    (project / "stories" / "care-told-by-caregivers.md").write_text(STORY, encoding="utf-8")
    return project


def _kb(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}  # the copied code, with the new kind
    return subprocess.run(
        [sys.executable, "-c", "import sys; from knowledge_bank.cli import main; sys.exit(main())", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.build
def test_a_third_kind_builds_a_site(tmp_path):
    project = _project_with_a_story(tmp_path)
    build = run_build(project)  # --strict: the new kind's entry raises no warning either
    assert build.returncode == 0, build.output

    page = BeautifulSoup(build.page("stories/care-told-by-caregivers"), "lxml")
    assert page.select_one("h1").get_text(strip=True).startswith("A story of care told by its caregivers")
    assert page.select_one(".kb-kind").get_text().startswith("Success story card")
    assert page.select_one(".kb-narrator").get_text() == "The caregivers' association of Salto"
    assert page.select_one("h2#what-changed")

    listing = BeautifulSoup(build.page("stories"), "lxml")
    assert listing.select_one("h1").get_text(strip=True).startswith("Success stories")
    assert [a["href"] for a in listing.select(".kb-item__title")] == ["../stories/care-told-by-caregivers/"]
    uruguay = BeautifulSoup(build.page("countries/uruguay"), "lxml")
    assert "Success stories¶" in [h.get_text(strip=True) for h in uruguay.select("h2")]

    catalog = json.loads((build.site / "catalog.json").read_text(encoding="utf-8"))
    story = next(r for r in catalog["entries"] if r["kind"] == "story")
    assert story["url"] == "stories/care-told-by-caregivers/"
    assert story["institutions"] == ["The caregivers' association of Salto"]
    assert [c["roles"] for c in story["countries"]] == [["action"]]
    assert catalog["labels"]["kinds.story.other"]["es"] == "Casos de éxito"
    assert '<category term="story" label="Success story card"/>' in (build.site / "feed.xml").read_text("utf-8")


def test_a_third_kind_has_the_editors_tools(tmp_path):
    project = _project_with_a_story(tmp_path)
    assert _kb(project, "check").returncode == 0
    created = _kb(project, "new", "story", "How a town learnt to care")
    assert created.returncode == 0, created.stderr
    new = project / "stories" / "how-a-town-learnt-to-care.md"
    assert new.is_file()
    checked = _kb(project, "check", "stories")
    assert checked.returncode == 0, checked.stdout  # unpublished and valid: only FILL IN warnings
    assert "stories/how-a-town-learnt-to-care.md:3: warning:" in checked.stdout
    assert _kb(project, "schema").returncode == 0
    schema = json.loads((project / "schemas" / "story.schema.json").read_text(encoding="utf-8"))
    assert {"narrator", "countries", "title"} <= set(schema["properties"])
