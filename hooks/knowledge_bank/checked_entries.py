"""Entries already checked by this process: ``mkdocs serve`` loads every entry again after each edit, and an entry whose
file, folder and vocabularies are what they were when it was checked is not read, validated and rendered again."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

Checked = TypeVar("Checked")


def files_key(folder: Path) -> bytes:
    """A digest of every file below ``folder``, names and bytes (the vocabularies: every entry is checked against them)."""
    digest = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class CheckedEntries:
    """What checking each entry file gave (its entry, its problems…), kept with the digest of what it was checked from:
    the file's bytes, the files of its folder (its attachments) and a key of everything else it was checked against
    (the vocabularies). Only the last check of each file is kept."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple, object]] = {}
        self.checks = 0  # files checked (not taken from what was kept): for tests

    def get(self, path: Path, folder: Path | None, context_key: bytes, check: Callable[[bytes], Checked]) -> Checked:
        """``check(its bytes)`` of the entry file ``path`` (of the entry folder ``folder``, if any), or what it gave
        last time."""
        raw = path.read_bytes()
        key = (context_key, hashlib.blake2b(raw, digest_size=16).digest(), _folder_key(folder))
        kept = self._kept.get(path)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[return-value]
        self.checks += 1
        result = check(raw)
        self._kept[path] = (key, result)
        return result


def _folder_key(folder: Path | None) -> object:
    """The files of an entry's folder, by name and bytes (a link by where it points); a folder that cannot be read is
    never the same twice (the check reports it)."""
    if folder is None:
        return ()
    digest = hashlib.blake2b(digest_size=16)
    try:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix().encode()
            if path.is_symlink():
                digest.update(b"link\0" + name + b"\0" + os.readlink(path).encode() + b"\0")
            elif path.is_file():
                digest.update(b"file\0" + name + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return object()
    return digest.digest()
