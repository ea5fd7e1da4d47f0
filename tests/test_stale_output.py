"""Building over an earlier site leaves no trace of an entry that has since been unpublished."""

from __future__ import annotations

import pytest

from .helpers import make_project, run_build
from .hostile import VALID_LESSON

pytestmark = pytest.mark.build

MARKER = "kbstalemarker"


def _lesson(project, published: bool):
    text = VALID_LESSON.replace("A lesson about peer visits", f"A lesson about {MARKER}")
    text = text.replace("Example project", f"Project {MARKER}")
    if not published:
        text = text.replace("published: true", "published: false")
    (project / "lessons" / "stale-lesson.md").write_text(text, encoding="utf-8")


def _traces(site) -> list[str]:
    return [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if "stale-lesson" in p.as_posix() or (p.is_file() and MARKER.encode() in p.read_bytes())
    ]


def _two_builds(tmp_path, *second_args: str):
    project = make_project(tmp_path)
    _lesson(project, published=True)
    first = run_build(project)
    assert first.returncode == 0, first.output
    assert _traces(first.site), "the first build publishes the lesson"
    _lesson(project, published=False)
    return run_build(project, *second_args)


def test_a_build_over_an_old_site_leaves_no_trace_of_an_unpublished_entry(tmp_path):
    second = _two_builds(tmp_path)
    assert second.returncode == 0, second.output
    assert (second.site / "index.html").is_file()
    assert _traces(second.site) == []


def test_a_refused_dirty_build_leaves_no_old_site_to_deploy(tmp_path):
    second = _two_builds(tmp_path, "--dirty")
    assert second.returncode != 0 and "--dirty" in second.output
    assert _traces(second.site) == []
    assert not [p for p in second.site.rglob("*") if p.is_file()], "the old site would still be deployable"


def test_a_build_refused_for_errors_leaves_no_old_site_to_deploy(tmp_path):
    project = make_project(tmp_path)
    _lesson(project, published=True)
    first = run_build(project)
    assert first.returncode == 0 and _traces(first.site), first.output
    _lesson(project, published=False)  # unpublished, and at the same time another file breaks
    (project / "lessons" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    second = run_build(project)
    assert second.returncode != 0 and "lessons/broken.md:2: error:" in second.output
    assert not [p for p in second.site.rglob("*") if p.is_file()], "the old site would still be deployable"
