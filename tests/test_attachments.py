"""Attachments: a `file:` cannot leave its entry's folder, only documents and images are published, and only
the attachments of published entries reach the site."""

from __future__ import annotations

import pytest

from knowledge_bank.loader import load_content

from .helpers import content_root, make_project, run_build
from .hostile import VALID_ROUND


def _round_in_folder(root, slug="a-round", report="report.pdf", published=True):
    folder = root / "rounds" / slug
    folder.mkdir(parents=True)
    text = VALID_ROUND.replace("report: {pages: 12}", f"report: {{file: '{report}', pages: 12}}")
    if not published:
        text = text.replace("published: true", "published: false")
    (folder / "index.md").write_text(text, encoding="utf-8")
    return folder


def _errors(root):
    return [p.format() for p in load_content(root).problems if p.is_error]


@pytest.mark.parametrize(
    "value", ["../../mkdocs.yml", "../other/report.pdf", "/etc/passwd", "C:\\\\x.pdf", "..\\\\x.pdf"]
)
def test_a_file_outside_the_entry_folder_is_an_error_naming_the_entry(tmp_path, value):
    root = content_root(tmp_path)
    _round_in_folder(root, report=value)
    (root / "rounds" / "a-round" / "report.pdf").write_bytes(b"%PDF")
    errors = _errors(root)
    assert any(e.startswith("rounds/a-round/index.md:20: error: `report.file`") for e in errors), errors


@pytest.mark.build
def test_a_symbolic_link_is_an_error_and_the_build_writes_nothing(tmp_path):
    content = tmp_path / "content"
    folder = _round_in_folder(content)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (folder / "report.pdf").symlink_to(secret)
    project = make_project(tmp_path, content=content)
    build = run_build(project, strict=False)
    assert build.returncode != 0
    assert "rounds/a-round/index.md:1: error: attachment “report.pdf” is a symbolic link" in build.output
    assert not build.site.exists()


def test_a_symbolic_link_to_a_folder_is_an_error(tmp_path):
    root = content_root(tmp_path)
    folder = _round_in_folder(root)
    (folder / "report.pdf").write_bytes(b"%PDF")
    (folder / "more").symlink_to(tmp_path)
    assert any("attachment “more” is a symbolic link" in e for e in _errors(root)), _errors(root)


@pytest.mark.parametrize("name", ["page.html", "image.svg", "code.js", "feed.xml", "x.htm"])
def test_files_that_would_run_in_a_browser_are_refused(tmp_path, name):
    root = content_root(tmp_path)
    folder = _round_in_folder(root)
    (folder / "report.pdf").write_bytes(b"%PDF")
    (folder / name).write_text("<script>alert(1)</script>")
    assert any(f"attachment “{name}” is not a document or image" in e for e in _errors(root)), _errors(root)


def test_an_oversized_attachment_is_an_error(tmp_path):
    root = content_root(tmp_path)
    folder = _round_in_folder(root)
    with (folder / "report.pdf").open("wb") as handle:
        handle.truncate(20_000_001)  # sparse: no 20 MB written to the disk
    assert any("attachment “report.pdf” is 20.0 MB; an attachment must be under 20 MB" in e for e in _errors(root))


@pytest.mark.parametrize("name", ['a"b.pdf', "a<b>.pdf", "a b.pdf", "-x.pdf"])
def test_attachment_names_are_safe_to_link(tmp_path, name):
    root = content_root(tmp_path)
    folder = _round_in_folder(root)
    (folder / "report.pdf").write_bytes(b"%PDF")
    (folder / name).write_bytes(b"%PDF")
    assert any(f"attachment “{name}” has a name" in e for e in _errors(root)), _errors(root)


@pytest.mark.build
def test_only_published_entries_attachments_are_copied(tmp_path):
    content = tmp_path / "content"
    public = _round_in_folder(content, "public-round")
    (public / "report.pdf").write_bytes(b"%PDF public kb-public-bytes")
    hidden = _round_in_folder(content, "hidden-round", published=False)
    (hidden / "report.pdf").write_bytes(b"%PDF hidden kb-hidden-bytes")
    (hidden / "annex.docx").write_bytes(b"kb-hidden-bytes annex")
    project = make_project(tmp_path, content=content)
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert (build.site / "rounds" / "public-round" / "report.pdf").read_bytes().endswith(b"kb-public-bytes")
    leaked = [p for p in build.site.rglob("*") if p.is_file() and b"kb-hidden-bytes" in p.read_bytes()]
    assert leaked == []
    assert not [p for p in build.site.rglob("*") if "hidden-round" in p.as_posix()]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "//evil.example/x", "ftp://x.org/a"],
)
def test_links_other_than_http_and_https_are_refused(tmp_path, url):
    root = content_root(tmp_path)
    text = VALID_ROUND.replace("report: {pages: 12}", f"reference_documents:\n  - {{title: Guide, url: '{url}'}}")
    (root / "rounds" / "a-round.md").write_text(text, encoding="utf-8")
    errors = _errors(root)
    assert any(
        e.startswith("rounds/a-round.md:21: error: `reference_documents[0].url`") and "https://" in e for e in errors
    ), errors


def test_a_symbolic_link_as_an_entry_index_is_an_error(tmp_path):
    root = content_root(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text(VALID_ROUND, encoding="utf-8")
    (root / "rounds" / "linked").mkdir()
    (root / "rounds" / "linked" / "index.md").symlink_to(secret)
    content = load_content(root)
    assert "rounds/linked/index.md:1: error: an entry's index.md may not be a symbolic link" in _errors(root)[0]
    assert not content.entries


def test_a_symbolic_link_as_the_rounds_or_lessons_folder_is_an_error(tmp_path):
    root = content_root(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (root / "rounds").rename(elsewhere)
    (elsewhere / "a-round.md").write_text(VALID_ROUND, encoding="utf-8")
    (root / "rounds").symlink_to(elsewhere, target_is_directory=True)
    content = load_content(root)
    assert any(e.startswith("rounds:1: error: rounds/ may not be a symbolic link") for e in _errors(root))
    assert not content.entries
