"""``kb new``: a complete, commented, unpublished skeleton of a round or a lesson."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .hygiene import PLACEHOLDER
from .kinds import BY_KIND
from .loader import IGNORED
from .templating import template
from .text import slugify
from .vocabularies import Vocabularies, load_vocabularies

MAX_SLUG = 80


class ScaffoldError(Exception):
    """Why no skeleton was written; the message is meant for the editor."""


def slug_for(title: str) -> str:
    """The file name of an entry titled ``title``: accents folded, lower case, at most 80 characters."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def skeleton(vocabularies: Vocabularies, kind: str, title: str, today: dt.date) -> str:
    """The text of a new entry of ``kind`` (``round``, ``lesson``…) titled ``title``."""
    macros = template(f"kinds/{kind}.md.j2").make_module()
    text = str(macros.skeleton(title, today, vocabularies.phases.keys(), vocabularies.added_values.terms))
    assert PLACEHOLDER in text
    return text


def new_entry(root: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Write the skeleton of a new entry under ``root`` and return its path; never overwrite anything."""
    if kind not in BY_KIND:
        raise ScaffoldError(f"the kind must be one of {', '.join(sorted(BY_KIND))}, not “{kind}”")
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('give the entry a title, e.g. kb new lesson "Mapping care needs"')
    if len(title) > 200:
        raise ScaffoldError(f"the title is {len(title)} characters long; at most 200 are allowed")
    folder = BY_KIND[kind].folder
    slug = slug_for(title)
    if slug == "item" and "item" not in title.casefold():
        raise ScaffoldError(f"“{title}” gives no usable file name; use a title with letters")
    if f"{slug}.md" in IGNORED:
        raise ScaffoldError(f"the file name {slug}.md is reserved; choose a longer title")
    path = root / folder / f"{slug}.md"
    for existing in (path, root / folder / slug):
        if existing.exists() or existing.is_symlink():
            rel = existing.relative_to(root).as_posix()
            raise ScaffoldError(
                f"{rel} already exists: edit that entry, or choose a title that gives another file name"
            )
    text = skeleton(load_vocabularies(root / "vocabularies"), kind, title, today or dt.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": fail rather than overwrite
        handle.write(text)
    return path
