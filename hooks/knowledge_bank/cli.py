"""The ``kb`` command for editors: ``kb new``, ``kb check``, ``kb schema``.

``kb check`` runs the very validation of the build (``load_content``) and prints its problems with the
same formatter, so what it says is exactly what would stop ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from .kinds import BY_KIND, KINDS
from .loader import Content, load_content
from .problems import Problem, errors, report
from .scaffold import ScaffoldError, new_entry
from .schemas import SCHEMA_FILES, generated_files
from .vocabularies import VocabularyError


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``mkdocs.yml``: the knowledge bank's root."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="Tools for the editors of the Knowledge Bank.",
        epilog="Run it anywhere inside the repository: it finds the folder that holds mkdocs.yml.",
    )
    parser.add_argument("--root", type=Path, help="the repository folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = sub.add_parser("new", help="write the skeleton of a new, unpublished entry")
    new.add_argument("kind", choices=list(BY_KIND), help=" or ".join(BY_KIND))
    new.add_argument("title", help="the entry's title, in quotes")
    check = sub.add_parser("check", help="check entries exactly as the build does")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="entry files or folders to report on (default: everything); other files are skipped",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too, as `mkdocs build --strict` does")
    schema = sub.add_parser("schema", help="write the JSON Schemas and VS Code snippets derived from the models")
    schema.add_argument("--check", action="store_true", help="only tell whether the committed files are up to date")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kb`` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    root = (args.root or find_root(Path.cwd()) or Path.cwd()).resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"kb: {root} is not the Knowledge Bank: no mkdocs.yml there or above", file=sys.stderr)
        return 2
    try:
        if args.command == "new":
            return _new(root, args.kind, args.title)
        if args.command == "check":
            return _check(root, args.paths, args.strict)
        return _schema(root, args.check)
    except VocabularyError as error:  # `kb check` reports these itself; `new` and `schema` need the vocabularies
        print(report(error.problems), file=sys.stderr)
        return 1


def _new(root: Path, kind: str, title: str) -> int:
    try:
        path = new_entry(root, kind, title)
    except ScaffoldError as error:
        print(f"kb new: {error}", file=sys.stderr)
        return 1
    rel = path.relative_to(root).as_posix()
    print(f"Created {rel} (not published).")
    print(
        "Next: replace every FILL IN in it, then run `kb check " + rel + "` and preview with `python3 tasks.py serve`."
    )
    return 0


def _scope(root: Path, paths: list[Path]) -> list[Path] | None:
    """What ``kb check PATH...`` reports on: entries and folders of the content; None means everything."""
    if not paths:
        return None
    scope = []
    for given in paths:
        path = given.resolve()
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"kb check: no such file or folder: {given}")
        if path == root or not path.is_relative_to(root):
            if path == root:
                return None
            print(f"kb check: skipped {given}: it is outside the Knowledge Bank at {root}", file=sys.stderr)
            continue
        parts = path.relative_to(root).parts
        if parts[0] == "vocabularies":
            return None  # a vocabulary can change the meaning of every entry
        if parts[0] == "docs":
            scope.append(path)  # hand-written pages: no side door for entries (docs_pages.py)
            continue
        if parts[0] not in KINDS:
            folders = " and ".join(f"{folder}/" for folder in KINDS)
            print(f"kb check: skipped {given}: entries live in {folders}", file=sys.stderr)
            continue
        # A file inside an entry's folder (an attachment) is checked as part of that entry.
        scope.append(root.joinpath(*parts[:2]))
    return scope


def _check(root: Path, paths: list[Path], strict: bool) -> int:
    try:
        scope = _scope(root, paths)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    if scope == []:
        print("kb check: nothing to check")
        return 0
    content = load_content(root, only=scope)
    problems = list(content.problems)
    print(report(problems))
    untranslated = untranslated_keywords(content)
    if untranslated:  # information, not a problem: such a keyword is shown as written in every language
        print(f"{len(untranslated)} keyword(s) not in vocabularies/keywords.yml, shown as written in every language:")
        print("\n".join(f"  {keyword} ({', '.join(paths)})" for keyword, paths in untranslated.items()))
    if any(not p.is_error for p in problems):
        print("Warnings fail `mkdocs build --strict` and so the checks of a pull request: fix them too.")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        workspace = Path(os.environ.get("GITHUB_WORKSPACE") or root).resolve()
        for problem in sorted(problems):
            print(_for_workspace(problem, root, workspace).annotation())
    failed = errors(problems) or (strict and problems)
    return 1 if failed else 0


def untranslated_keywords(content: Content) -> dict[str, list[str]]:
    """Each keyword of the loaded entries that the thesaurus does not know, with the files that use it."""
    found: dict[str, list[str]] = {}
    for entry in content.entries:
        for keyword in entry.fields.keywords:
            if content.vocabularies.keywords.lookup(keyword) is None:
                found.setdefault(keyword, []).append(entry.source)
    return found


def _for_workspace(problem: Problem, root: Path, workspace: Path) -> Problem:
    """GitHub wants paths relative to the checked-out repository, which may hold the site in a subfolder."""
    path = root / problem.path
    if path.is_relative_to(workspace):
        return dataclasses.replace(problem, path=path.relative_to(workspace).as_posix())
    return problem


def _schema(root: Path, check_only: bool) -> int:
    stale = []
    for rel, text in generated_files(root).items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(rel)
        if not check_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    if check_only:
        for rel in stale:
            print(f"{rel} is out of date: run `kb schema`")
        return 1 if stale else 0
    print("\n".join(f"wrote {rel}" for rel in stale) or f"up to date: {', '.join(SCHEMA_FILES.values())}")
    return 0
