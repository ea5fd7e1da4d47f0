"""`mkdocs serve` loads every entry again after each edit: an entry whose file, folder and vocabularies have not changed
since it was checked is taken as it was checked (knowledge_bank.checked_entries), and nothing else is."""

from __future__ import annotations

import os

from knowledge_bank.checked_entries import CheckedEntries
from knowledge_bank.loader import load_content

from .helpers import ROOT, content_root


def _titles(content) -> dict[str, str]:
    return {entry.source: entry.fields.title for entry in content.entries}


def test_an_unchanged_project_is_not_checked_again_and_loads_the_same(tmp_path):
    root = content_root(tmp_path, ROOT)
    checked = CheckedEntries()
    first = load_content(root, reuse=checked)
    files = checked.checks
    assert files >= 10 and first.entries
    again = load_content(root, reuse=checked)
    assert checked.checks == files  # nothing checked again
    assert again.entries == first.entries and again.problems == first.problems
    assert again.entries == load_content(root).entries  # and what a load of its own finds


def test_an_edited_entry_is_checked_again_and_only_it(tmp_path):
    root = content_root(tmp_path, ROOT)
    checked = CheckedEntries()
    load_content(root, reuse=checked)
    files = checked.checks
    source = root / "lessons" / "red-calle.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("title: Building together", "title: Edited"), encoding="utf-8")
    content = load_content(root, reuse=checked)
    assert checked.checks == files + 1
    assert _titles(content)["lessons/red-calle.md"].startswith("Edited")
    # a mistake is found at once, and the fix too
    source.write_text(source.read_text(encoding="utf-8").replace("date: ", "date: 2024-02-30\nwas: ", 1))
    broken = load_content(root, reuse=checked)
    assert "lessons/red-calle.md" not in _titles(broken) and [
        p for p in broken.problems if p.path.endswith("red-calle.md")
    ]
    source.write_text(text, encoding="utf-8")
    fixed = load_content(root, reuse=checked)
    assert _titles(fixed)["lessons/red-calle.md"].startswith("Building together") and fixed.ok


def test_a_changed_attachment_or_vocabulary_checks_its_entries_again(tmp_path):
    root = content_root(tmp_path, ROOT)
    checked = CheckedEntries()
    load_content(root, reuse=checked)
    files = checked.checks
    folder = next(p for p in (root / "rounds").iterdir() if p.is_dir())
    (folder / "notes.txt").write_text("an attachment added beside the entry", encoding="utf-8")
    load_content(root, reuse=checked)
    assert checked.checks == files + 1  # the entry of that folder
    stat = (folder / "notes.txt").stat()
    (folder / "notes.txt").write_text("AN ATTACHMENT ADDED BESIDE THE ENTRY", encoding="utf-8")  # same size, same time
    os.utime(folder / "notes.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    load_content(root, reuse=checked)
    assert checked.checks == files + 2
    phases = root / "vocabularies" / "phases.yml"
    phases.write_text(phases.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_content(root, reuse=checked)
    assert checked.checks == 2 * files + 2  # every entry is checked against the vocabularies
