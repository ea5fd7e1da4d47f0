"""``kb new``: a complete, commented, unpublished skeleton of a round or a lesson."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jinja2

from .hygiene import PLACEHOLDER
from .loader import IGNORED
from .models import KINDS
from .text import slugify
from .vocabularies import load_vocabularies

TEMPLATES = Path(__file__).parent / "templates"
MAX_SLUG = 80
KIND_FOLDERS = {"round": "rounds", "lesson": "lessons"}


class ScaffoldError(Exception):
    """Why no skeleton was written; the message is meant for the editor."""


def slug_for(title: str) -> str:
    """The file name of an entry titled ``title``: accents folded, lower case, at most 80 characters."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def skeleton(root: Path, kind: str, title: str, today: dt.date) -> str:
    """The text of a new entry of ``kind`` (``round`` or ``lesson``) titled ``title``."""
    vocabularies = load_vocabularies(root / "vocabularies")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # YAML and Markdown, not HTML: the title goes through the `yaml` filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    text = env.get_template(f"new_{kind}.md.j2").render(
        title=title,
        today=today,
        visit_start=today,
        visit_end=today + dt.timedelta(days=3),
        phases=vocabularies.phases.keys(),
        added_values=vocabularies.added_values.terms,
    )
    assert PLACEHOLDER in text
    return text


def new_entry(root: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Write the skeleton of a new entry under ``root`` and return its path; never overwrite anything."""
    if kind not in KIND_FOLDERS:
        raise ScaffoldError(f"the kind must be round or lesson, not “{kind}”")
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('give the entry a title, e.g. kb new lesson "Mapping care needs"')
    if len(title) > 200:
        raise ScaffoldError(f"the title is {len(title)} characters long; at most 200 are allowed")
    folder = KIND_FOLDERS[kind]
    assert folder in KINDS
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
    text = skeleton(root, kind, title, today or dt.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": fail rather than overwrite
        handle.write(text)
    return path
