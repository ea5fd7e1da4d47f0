"""Broken entries: a real ``mkdocs build`` fails, names file, line and field, writes no site, changes no source."""

from __future__ import annotations

import shutil

import pytest

from .helpers import FIXTURES, make_project, run_build, tree_digest

pytestmark = pytest.mark.build

# fixture folder -> (path, line, field or "", a fragment of the message)
ERRORS = {
    "malformed_yaml": ("lessons/malformed-yaml.md", 8, "", "not valid YAML"),
    "missing_front_matter": ("lessons/missing-front-matter.md", 1, "", "must start with front matter"),
    "empty_front_matter": ("lessons/empty-front-matter.md", 1, "", "front matter is empty"),
    "non_mapping_front_matter": ("lessons/non-mapping-front-matter.md", 2, "", "`field: value` lines"),
    "unknown_field": ("lessons/unknown-field.md", 8, "keyword", "did you mean `keywords`?"),
    "missing_required_field": ("lessons/missing-required-field.md", 14, "summary", "`summary` is required"),
    "wrong_type": ("lessons/wrong-type.md", 7, "sdgs", "must be a list"),
    "unknown_country": ("lessons/unknown-country.md", 11, "countries[1]", "did you mean Paraguay"),
    "unknown_phase": ("lessons/unknown-phase.md", 6, "phase", "did you mean implementation?"),
    "unknown_sdg": ("lessons/unknown-sdg.md", 7, "sdgs[1]", "SDGs are numbered 1 to 17"),
    "unknown_added_value": ("lessons/unknown-added-value.md", 14, "added_values[1]", "numbered 1 to 6"),
    "duplicate_slug": ("lessons/same-slug.md", 1, "slug", "two entries have the slug “same-slug”"),
    "too_many_cooperating": ("rounds/too-many-cooperating.md", 10, "cooperating", "at most 2"),
    "too_many_reference_documents": ("rounds/too-many-reference-documents.md", 20, "reference_documents", "at most 4"),
    "report_over_20_pages": ("rounds/report-over-20-pages.md", 20, "report.pages", "1 to 20 pages"),
    "published_without_authorization": (
        "rounds/published-without-authorization.md",
        4,
        "authorization",
        "needs `authorization`",
    ),
    "published_quoted_string": ("lessons/published-quoted-string.md", 4, "published", "must be true or false"),
    "published_yes": ("lessons/published-yes.md", 4, "published", "must be true or false"),
    "published_one": ("lessons/published-one.md", 4, "published", "must be true or false"),
    "repeated_key": ("lessons/repeated-key.md", 11, "author", "`author` is given twice"),
    "not_utf8": ("lessons/not-utf8.md", 10, "", "not valid UTF-8"),
}
WARNINGS = {
    "warning_missing_section": ("lessons/warning-missing-section.md", 16, "no section “## Impacts”"),
    "warning_panel_not_2_plus_2": ("rounds/warning-panel-not-2-plus-2.md", 14, "2 specialists and 2 coordinators"),
    "warning_visit_not_3_to_5_days": ("rounds/warning-visit-not-3-to-5-days.md", 19, "3–5 day visit"),
    "warning_keyword_near_duplicate": (
        "lessons/keyword-near-duplicate.md",
        10,
        '`keywords[1]`: "Peer-reviews" looks like "Peer review" (1 entry)',
    ),
}


@pytest.fixture
def project_with(tmp_path):
    def make(case: str):
        project = make_project(tmp_path, content=FIXTURES / "bad" / case)
        shutil.copytree(FIXTURES / "valid" / "lessons", project / "lessons", dirs_exist_ok=True)
        return project

    return make


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_error_fails_the_build_and_points_at_the_line(project_with, case):
    path, line, field, fragment = ERRORS[case]
    project = project_with(case)
    before = tree_digest(project)
    build = run_build(project, strict=False)
    assert build.returncode != 0
    located = [ln for ln in build.output.splitlines() if f"{path}:{line}: error:" in ln]
    assert located, build.output
    assert any(fragment in ln for ln in located), located
    if field:
        assert any(f"`{field.split('[')[0]}" in ln or field in ln for ln in located), located
    assert not build.site.exists(), "a failed build must not write a site"
    assert tree_digest(project) == before, "a build must never modify a source file"


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_fails_only_a_strict_build(project_with, case):
    path, line, fragment = WARNINGS[case]
    project = project_with(case)
    before = tree_digest(project)
    lenient = run_build(project, strict=False)
    assert lenient.returncode == 0, lenient.output
    assert f"{path}:{line}: warning: " in lenient.output and fragment in lenient.output
    shutil.rmtree(lenient.site)
    strict = run_build(project, strict=True)
    assert strict.returncode != 0
    assert not strict.site.exists(), "a strict build with content warnings must stop before writing"
    assert tree_digest(project) == before


def test_every_problem_of_every_file_is_reported_at_once(tmp_path):
    content = tmp_path / "content"
    for case in ("unknown_field", "unknown_country", "too_many_cooperating", "not_utf8", "published_yes"):
        shutil.copytree(FIXTURES / "bad" / case, content, dirs_exist_ok=True)
    project = make_project(tmp_path, content=content)
    before = tree_digest(project)
    build = run_build(project)
    assert build.returncode != 0
    for case in ("unknown_field", "unknown_country", "too_many_cooperating", "not_utf8", "published_yes"):
        path, line, _, _ = ERRORS[case]
        assert f"{path}:{line}: error:" in build.output, case
    assert not build.site.exists()
    assert tree_digest(project) == before
