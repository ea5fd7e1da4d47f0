"""Hand-written pages (``docs/``): no side door for entries.

MkDocs publishes every page of ``docs/`` as it is: a page there is not validated, not sanitised, and its
``published: false`` means nothing. So no page may live where entries' pages are generated (``docs/rounds/``,
``docs/lessons/``), none may carry the publication flag, and nothing there may be a symbolic link.
"""

from __future__ import annotations

import os
from pathlib import Path

from .kinds import KINDS
from .problems import Problem
from .source import read_source


def docs_problems(root: Path) -> list[Problem]:
    """Every problem of the hand-written pages under ``root/docs``, in path order."""
    docs = root / "docs"
    if not docs.is_dir():
        return []
    problems = []
    for folder, dirs, names in os.walk(docs):  # symbolic links to folders are listed, never followed
        dirs.sort()
        for name in sorted(dirs + names):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                problems.append(
                    Problem(rel, 1, "a file or folder of docs/ may not be a symbolic link; commit the file itself")
                )
            elif name in names and path.suffix == ".md":
                problems += _page_problems(root, path, rel)
    return problems


def _page_problems(root: Path, path: Path, rel: str) -> list[Problem]:
    inside = path.relative_to(root / "docs").parts
    if len(inside) > 1 and inside[0] in KINDS:
        return [
            Problem(
                rel,
                1,
                f"a hand-written page may not live in docs/{inside[0]}/, where the entries' pages are generated: "
                f"it would be published as it is, unchecked; write an entry in {inside[0]}/ at the top of the "
                f"repository instead (`kb new`)",
            )
        ]
    raw = path.read_bytes()
    if not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        return []  # no front matter
    src = read_source(rel, raw)
    problems = [Problem(rel, line, message, field) for line, field, message in src.problems]
    if ("published",) in src.lines:
        problems.append(
            Problem(
                rel,
                src.lines[("published",)],
                "`published` belongs to entries: a hand-written page is always public, whatever the field says; "
                "delete the field, or make the text an entry in rounds/ or lessons/ (`kb new`)",
                "published",
            )
        )
    return problems
