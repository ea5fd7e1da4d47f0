"""Encodings: a byte-order mark, CRLF line endings, decomposed accents and tabs are handled or clearly refused."""

from __future__ import annotations

import json
import unicodedata

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.loader import load_content

from .helpers import content_root, make_project, run_build
from .hostile import VALID_LESSON

PERU_NFD = unicodedata.normalize("NFD", "Perú")


def _load(tmp_path, raw: bytes):
    root = content_root(tmp_path)
    (root / "lessons" / "encoded.md").write_bytes(raw)
    return load_content(root)


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbf" + VALID_LESSON.encode(),
        VALID_LESSON.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + VALID_LESSON.replace("\n", "\r\n").encode(),
        VALID_LESSON.replace("\n", "\r").encode(),
    ],
    ids=["utf-8 with bom", "crlf", "bom and crlf", "old mac cr"],
)
def test_bom_and_line_endings_load_like_the_plain_file(tmp_path, raw):
    content = _load(tmp_path, raw)
    assert [p.format() for p in content.problems] == []
    (entry,) = content.entries
    assert entry.fields.title == "A lesson about peer visits"
    assert "\r" not in entry.body


def test_crlf_error_lines_are_the_editor_lines(tmp_path):
    raw = VALID_LESSON.replace("phase: implementation", "phase: nonsense").replace("\n", "\r\n").encode()
    assert [p.format()[:40] for p in _load(tmp_path, raw).problems if p.is_error] == [
        "lessons/encoded.md:6: error: `phase`: un"
    ]


def test_latin1_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    raw = VALID_LESSON.replace("Example project", "Proyecto Perú").encode("latin-1")
    errors = [p.format() for p in _load(tmp_path, raw).problems if p.is_error]
    assert errors == [
        "lessons/encoded.md:10: error: the file is not valid UTF-8 (byte 0xfa); save it with UTF-8 encoding"
    ]


def test_tab_indentation_is_refused_at_its_line(tmp_path):
    raw = VALID_LESSON.replace("actors:\n  - ", "actors:\n\t- ").encode()
    errors = [p.format() for p in _load(tmp_path, raw).problems if p.is_error]
    assert len(errors) == 1 and errors[0].startswith("lessons/encoded.md:13: error:") and "\\t" in errors[0], errors


def test_a_tab_inside_a_value_is_kept(tmp_path):
    raw = VALID_LESSON.replace("author: Example project", 'author: "Example\\tproject"').encode()
    assert [p.format() for p in _load(tmp_path, raw).problems] == []


@pytest.mark.build
def test_decomposed_accents_resolve_and_render(tmp_path):
    content_dir = tmp_path / "content"
    (content_dir / "lessons").mkdir(parents=True)
    text = VALID_LESSON.replace("countries: [Chile, Uruguay]", f"countries: [{PERU_NFD}]")
    text = text.replace("keywords: [Peer review]", f"keywords: [Visitas {PERU_NFD}]")
    (content_dir / "lessons" / "nfd.md").write_text(text, encoding="utf-8")
    build = run_build(make_project(tmp_path, content=content_dir))
    assert build.returncode == 0, build.output
    catalog = json.loads((build.site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["entries"][0]["countries"][0]["code"] == "PE"
    assert (build.site / "keywords" / "visitas-peru" / "index.html").is_file()
    page = BeautifulSoup(build.page("lessons/nfd/"), "lxml")
    assert "Peru" in page.find(class_="kb-facts").get_text()
