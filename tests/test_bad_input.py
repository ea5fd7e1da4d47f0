"""Broken entries: each fixture of ``tests/fixtures/bad/`` is one problem, named by file, line, field and message.

Every case is checked through the loader (no build, a table); two real ``mkdocs build`` runs prove the wiring:
an error stops the build before it writes anything, a warning stops only a ``--strict`` one, and both are
printed as ``path:line: severity: message``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge_bank.loader import load_content
from knowledge_bank.problems import Severity

from .helpers import FIXTURES, content_root, make_project, run_build, tree_digest

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
    "five_problems": ("rounds/five-problems.md", 5, "date", "“2024-02-30” is not a valid date"),
}
# Five independent problems of one file, each found in the same pass although YAML cannot read the date.
FIVE_PROBLEMS = [
    (4, "authorization", "needs `authorization`"),
    (5, "date", "“2024-02-30” is not a valid date (day is out of range for month); write a real date as YYYY-MM-DD"),
    (6, "phase", "unknown phase “formulashun”; did you mean formulation?"),
    (9, "beneficiary.country", "unknown country “Atlantis”"),
    (19, "visit", "the visit ends before it starts"),
]
# fixture folder -> (path, line, field or "", a fragment of the message)
WARNINGS = {
    "warning_missing_section": ("lessons/warning-missing-section.md", 16, "", "no section “## Impacts”"),
    "warning_panel_not_2_plus_2": (
        "rounds/warning-panel-not-2-plus-2.md",
        14,
        "panel",
        "2 specialists and 2 coordinators",
    ),
    "warning_visit_not_3_to_5_days": ("rounds/warning-visit-not-3-to-5-days.md", 19, "visit", "3–5 day visit"),
    "warning_keyword_near_duplicate": (
        "lessons/keyword-near-duplicate.md",
        10,
        "keywords[1]",
        '`keywords[1]`: "Peer-reviews" looks like "Peer review" (1 entry)',
    ),
}


def test_every_bad_fixture_is_in_a_table():
    assert sorted(ERRORS.keys() | WARNINGS.keys()) == sorted(p.name for p in (FIXTURES / "bad").iterdir())


def load_case(tmp_path, case: str):
    """The fixture ``case`` beside the valid entries, loaded as a build loads it; also the project's digest."""
    root = content_root(tmp_path, FIXTURES / "valid", FIXTURES / "bad" / case)
    before = tree_digest(root)
    content = load_content(root)
    assert tree_digest(root) == before, "loading never modifies a source file"
    return content


def located(content, severity: Severity, path: str, line: int) -> list:
    """The problems of ``severity`` at ``path:line``, as the editor reads them."""
    assert content.problems, "the fixture must raise a problem"
    assert {p.path for p in content.problems} == {path}, "only the broken file is reported, not the valid ones"
    found = [p for p in content.problems if p.severity is severity and p.path == path and p.line == line]
    assert found, [p.format() for p in content.problems]
    for problem in found:
        assert problem.format().startswith(f"{path}:{line}: {severity.value}: ")
    return found


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_error_points_at_the_file_line_and_field(tmp_path, case):
    path, line, field, fragment = ERRORS[case]
    content = load_case(tmp_path, case)
    assert not content.ok, "an error stops the build"
    found = located(content, Severity.ERROR, path, line)
    assert any(fragment in p.format() for p in found), [p.format() for p in found]
    if field:
        assert any(p.field == field for p in found), [(p.field, p.format()) for p in found]
        assert any(f"`{field.split('[')[0]}" in p.format() or field in p.format() for p in found)


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_points_at_the_file_line_and_field_and_is_not_an_error(tmp_path, case):
    path, line, field, fragment = WARNINGS[case]
    content = load_case(tmp_path, case)
    assert content.ok, "a warning alone lets a build without --strict through"
    assert all(p.severity is Severity.WARNING for p in content.problems), "so a --strict build stops"
    found = located(content, Severity.WARNING, path, line)
    assert any(fragment in p.format() for p in found), [p.format() for p in found]
    if field:
        assert any(p.field == field for p in found), [(p.field, p.format()) for p in found]


def test_every_problem_of_every_file_is_found_at_once(tmp_path):
    cases = ("unknown_field", "unknown_country", "too_many_cooperating", "not_utf8", "published_yes")
    root = content_root(tmp_path, *(FIXTURES / "bad" / case for case in cases))
    reported = {(p.path, p.line) for p in load_content(root).problems if p.is_error}
    assert {ERRORS[case][:2] for case in cases} <= reported


def test_five_independent_problems_of_one_file_are_reported_in_one_pass(tmp_path):
    content = load_case(tmp_path, "five_problems")
    found = [(p.line, p.field, p.message) for p in content.problems if p.is_error]
    for line, field, fragment in FIVE_PROBLEMS:
        assert any(ln == line and f == field and fragment in m for ln, f, m in found), (line, found)
    assert len(found) == len(FIVE_PROBLEMS), found  # the unreadable date is not reported twice


@pytest.mark.build
def test_the_build_and_kb_check_print_the_five_problems_in_one_run(tmp_path):
    project = make_project(tmp_path, content=FIXTURES / "bad" / "five_problems")
    build = run_build(project, strict=False)
    check = subprocess.run(
        [str(Path(sys.executable).parent / "kb"), "--root", str(project), "check"],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert build.returncode != 0 and check.returncode == 1
    for line, _, fragment in FIVE_PROBLEMS:
        for output in (build.output, check.stdout):
            printed = [ln for ln in output.splitlines() if f"rounds/five-problems.md:{line}: error:" in ln]
            assert any(fragment in ln for ln in printed), (line, output)
    assert not build.site.exists()


@pytest.mark.build
def test_errors_fail_the_build_which_prints_them_all_and_writes_nothing(tmp_path):
    cases = ("unknown_field", "unknown_country", "too_many_cooperating", "not_utf8", "published_yes")
    content = tmp_path / "content"
    for case in cases:
        shutil.copytree(FIXTURES / "bad" / case, content, dirs_exist_ok=True)
    project = make_project(tmp_path, content=content)
    before = tree_digest(project)
    build = run_build(project, strict=False)
    assert build.returncode != 0
    for case in cases:
        path, line, field, fragment = ERRORS[case]
        printed = [ln for ln in build.output.splitlines() if f"{path}:{line}: error:" in ln]
        assert any(fragment in ln for ln in printed), (case, build.output)
    assert not build.site.exists(), "a failed build must not write a site"
    assert tree_digest(project) == before, "a build must never modify a source file"


@pytest.mark.build
def test_a_warning_fails_only_a_strict_build(tmp_path):
    path, line, _, fragment = WARNINGS["warning_missing_section"]
    project = make_project(tmp_path, content=FIXTURES / "bad" / "warning_missing_section")
    before = tree_digest(project)
    lenient = run_build(project, strict=False)
    assert lenient.returncode == 0, lenient.output
    assert any(f"{path}:{line}: warning: " in ln and fragment in ln for ln in lenient.output.splitlines())
    shutil.rmtree(lenient.site)
    strict = run_build(project, strict=True)
    assert strict.returncode != 0
    assert f"{path}:{line}: warning: " in strict.output
    assert not strict.site.exists(), "a strict build with content warnings must stop before writing"
    assert tree_digest(project) == before
