"""Hand-written pages are no side door: no page where entries' pages are generated, no `published` field, no
symbolic link; `kb check` and the build report each, and the build writes nothing."""

from __future__ import annotations

import pytest

from knowledge_bank.cli import main
from knowledge_bank.loader import load_content

from .helpers import FIXTURES, content_root, make_project, run_build


def _errors(root) -> list[str]:
    return [p.format() for p in load_content(root).problems if p.is_error]


@pytest.fixture
def root(tmp_path):
    root = content_root(tmp_path, FIXTURES / "valid")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


def test_a_page_under_docs_rounds_or_lessons_is_an_error_naming_the_file(root):
    for kind in ("rounds", "lessons"):
        (root / "docs" / kind).mkdir()
        (root / "docs" / kind / "side-door.md").write_text("---\ntitle: Secret\n---\nText\n", encoding="utf-8")
    errors = _errors(root)
    for kind in ("rounds", "lessons"):
        assert any(
            e.startswith(f"docs/{kind}/side-door.md:1: error: a hand-written page may not live in") for e in errors
        ), errors


def test_a_docs_page_with_published_is_an_error_at_its_line(root):
    (root / "docs" / "draft.md").write_text("---\ntitle: Draft\npublished: false\n---\nText\n", encoding="utf-8")
    errors = _errors(root)
    assert any(e.startswith("docs/draft.md:3: error: `published` belongs to entries") for e in errors), errors


def test_a_symbolic_link_in_docs_is_an_error(root):
    (root / "docs" / "linked.md").symlink_to(root / "lessons" / "valid-lesson.md")
    (root / "docs" / "folder").symlink_to(root / "lessons", target_is_directory=True)
    errors = _errors(root)
    assert any(e.startswith("docs/linked.md:1: error: a file or folder of docs/ may not be a symbolic") for e in errors)
    assert any(e.startswith("docs/folder:1: error:") for e in errors), errors


def test_kb_check_covers_docs(root, capsys):
    (root / "docs" / "draft.md").write_text("---\npublished: true\n---\nText\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert main(["--root", str(root), "check", str(root / "docs" / "draft.md")]) == 1
    assert "docs/draft.md:2: error: `published` belongs to entries" in capsys.readouterr().out


@pytest.mark.build
def test_the_build_refuses_a_side_door_page_and_writes_nothing(tmp_path):
    project = make_project(tmp_path, content=FIXTURES / "valid")
    (project / "docs" / "rounds").mkdir()
    (project / "docs" / "rounds" / "side-door.md").write_text("# Not an entry\n", encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode != 0 and "docs/rounds/side-door.md:1: error:" in build.output
    assert not build.site.exists()
