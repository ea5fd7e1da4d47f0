"""The final report as a file (report_pdf.py): a readable PDF of at most 20 pages, neither encrypted nor active;
a `report.pages` that disagrees with the file is a warning. Each PDF is made here with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from knowledge_bank.loader import load_content

from .helpers import content_root, pdf_bytes
from .hostile import VALID_ROUND


def _writer(pages: int = 3) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_javascript() -> bytes:
    """Document-level JavaScript: the catalog's /Names /JavaScript name tree, run when the file opens."""
    writer = _writer()
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x")})
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("kbx"), writer._add_object(action)])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
    return _bytes(writer)


def _with_open_action(kind: str) -> bytes:
    writer = _writer()
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    if kind == "/Launch":
        action[NameObject("/F")] = TextStringObject("calc.exe")
    else:
        action[NameObject("/JS")] = TextStringObject("app.alert(1)")
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _bytes(writer)


def _encrypted() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    return _bytes(writer)


def _round(root, report: bytes, pages: int | None = 3, name: str = "report.pdf"):
    folder = root / "rounds" / "a-round"
    folder.mkdir(parents=True)
    value = f"{{file: '{name}'{f', pages: {pages}' if pages else ''}}}"
    (folder / "index.md").write_text(VALID_ROUND.replace("report: {pages: 12}", f"report: {value}"), encoding="utf-8")
    (folder / name).write_bytes(report)


def _problems(tmp_path, report: bytes, **options) -> tuple[list[str], object]:
    root = content_root(tmp_path)
    _round(root, report, **options)
    content = load_content(root)
    return [p.format() for p in content.problems], content


def test_a_real_pdf_is_accepted_with_its_page_count_and_size(tmp_path):
    report = pdf_bytes(3)
    problems, content = _problems(tmp_path, report)
    assert problems == []
    (entry,) = content.entries
    assert (entry.report.name, entry.report.pages, entry.report.size) == ("report.pdf", 3, len(report))


def test_a_report_without_pages_takes_the_count_from_the_file(tmp_path):
    problems, content = _problems(tmp_path, pdf_bytes(4), pages=None)
    assert problems == [] and content.entries[0].report.pages == 4


def test_pages_that_disagree_with_the_file_are_a_warning(tmp_path):
    problems, content = _problems(tmp_path, pdf_bytes(5), pages=3)
    assert problems == [
        "rounds/a-round/index.md:20: warning: `report.pages` says 3 but “report.pdf” has 5 pages: write `pages: 5` "
        "(or remove `pages`: the site counts them)"
    ]
    assert content.entries[0].report.pages == 5, "the page shows what the file has"


def test_more_than_twenty_real_pages_is_an_error(tmp_path):
    problems, content = _problems(tmp_path, pdf_bytes(21), pages=None)
    assert (
        len(problems) == 1
        and "error: `report.file`: “report.pdf” has 21 pages; the methodology allows at most 20" in problems[0]
    )
    assert content.entries == ()


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (b"Just some text, not a PDF.\n" * 20, "is not a readable PDF"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", "is not a readable PDF"),
        (pdf_bytes(3)[:300], "is not a readable PDF"),
        (_encrypted(), "is encrypted or password-protected"),
        (_with_javascript(), "holds a JavaScript action"),
        (_with_open_action("/JavaScript"), "holds a JavaScript action"),
        (_with_open_action("/Launch"), "holds a Launch action"),
    ],
    ids=["text", "no pages", "truncated", "encrypted", "document JavaScript", "open action", "launch action"],
)
def test_a_pdf_that_is_unreadable_encrypted_or_active_is_refused(tmp_path, report, expected):
    problems, content = _problems(tmp_path, report)
    assert len(problems) == 1, problems
    assert problems[0].startswith("rounds/a-round/index.md:20: error: `report.file`: “report.pdf” " + expected)
    assert content.entries == (), "a refused report keeps the whole entry out of the site"


def test_a_report_that_is_not_a_pdf_is_an_error(tmp_path):
    problems, _ = _problems(tmp_path, b"PK\x03\x04 a word file", name="report.docx")
    assert problems == ["rounds/a-round/index.md:20: error: `report.file`: “report.docx” must be a PDF (report.pdf)"]
