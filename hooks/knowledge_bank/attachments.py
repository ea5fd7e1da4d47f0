"""Attachments: which files of an entry's folder are published with it, and the files its front matter names."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .field_path import dotted
from .problems import Problem
from .source import Source

ATTACHMENT_TYPES = frozenset(
    "pdf doc docx odt rtf txt csv xls xlsx ods ppt pptx odp png jpg jpeg gif webp zip".split()
)  # not html, svg, js, xml: the site would serve them from its own address, where they could run
ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_ATTACHMENT_BYTES = 20_000_000  # GitHub warns at 50 MB a file; visitors on slow links need far less


def attachment_files(rel: str, folder: Path | None, src: Source) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """(name in the folder, path) of every file published with the entry, and problems with the folder's files
    and with the files the front matter names."""
    problems: list[Problem] = []
    files: list[tuple[str, Path]] = []
    if folder is not None:
        for name, path, trouble in folder_files(folder):
            if trouble:
                problems.append(Problem(rel, 1, f"attachment “{name}” {trouble}", "file"))
            else:
                files.append((name, path))
    names = {name for name, _ in files}
    data = src.data if isinstance(src.data, dict) else {}
    wanted: list[tuple[tuple, object]] = []
    if isinstance(data.get("report"), dict):
        wanted.append((("report", "file"), data["report"].get("file")))
    for i, doc in enumerate(data.get("reference_documents") or []):
        if isinstance(doc, dict):
            wanted.append((("reference_documents", i, "file"), doc.get("file")))
    for loc, value in wanted:
        if not isinstance(value, str) or not value.strip():
            continue
        if folder is None:
            problems.append(
                Problem(
                    rel,
                    src.line_of(loc),
                    f"`{dotted(loc)}`: “{value}” needs the entry in a folder: move the file to "
                    f"{rel[:-3]}/index.md and put {value} beside it",
                    dotted(loc),
                )
            )
        elif value.strip() not in names:
            problems.append(
                Problem(rel, src.line_of(loc), f"`{dotted(loc)}`: no file “{value}” in the entry's folder", dotted(loc))
            )
    return files, problems


def folder_files(folder: Path) -> list[tuple[str, Path, str]]:
    """(name, path, what is wrong or "") for every file of an entry's folder but ``index.md`` and hidden ones.

    The site serves attachments from its own address, so only documents and images are published: an
    ``.html``, ``.svg`` or ``.js`` file would run in a visitor's browser as part of the site.
    """
    found = []
    for directory, folders, files in os.walk(folder, followlinks=False):
        here = Path(directory)
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(folders):
            if (here / name).is_symlink():
                found.append(((here / name).relative_to(folder).as_posix(), here / name, _SYMLINK))
        for name in sorted(files):
            path = here / name
            rel_name = path.relative_to(folder).as_posix()
            if name.startswith(".") or rel_name == "index.md":
                continue
            if path.is_symlink():
                found.append((rel_name, path, _SYMLINK))
            elif not all(ATTACHMENT_NAME.match(part) for part in rel_name.split("/")):
                found.append(
                    (rel_name, path, "has a name the site cannot link safely: use letters, digits, `.`, `-`, `_`")
                )
            elif path.suffix.lower().lstrip(".") not in ATTACHMENT_TYPES:
                allowed = ", ".join(sorted(ATTACHMENT_TYPES))
                found.append((rel_name, path, f"is not a document or image the site publishes; allowed: {allowed}"))
            elif (size := path.stat().st_size) > MAX_ATTACHMENT_BYTES:
                found.append(
                    (
                        rel_name,
                        path,
                        f"is {size / 1e6:.1f} MB; an attachment must be under {MAX_ATTACHMENT_BYTES / 1e6:.0f} MB: "
                        "compress it (e.g. a PDF's images) or link to it with `url:` instead",
                    )
                )
            else:
                found.append((rel_name, path, ""))
    return found


_SYMLINK = "is a symbolic link; commit the file itself in the entry's folder"


_RELATIVE = re.compile(r'(\s(?:src|href)=")([^"#/:?][^"]*)"')


def rebased(body: str, entry) -> str:
    """An entry's body for its page in another language's folder: links to the entry's own files (its pictures,
    its attachments) lead to them in the entry's English folder."""
    names = {attachment.name for attachment in entry.attachments}
    if not names:
        return body
    prefix = f"../../../{entry.folder}/{entry.slug}/"
    return _RELATIVE.sub(lambda m: f'{m[1]}{prefix}{m[2]}"' if m[2] in names else m[0], body)
