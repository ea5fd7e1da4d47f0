"""Links between entries: a body may link to another entry only if it exists and, from a published entry, only if
that entry is published too (a link would otherwise name an entry its country has not authorized)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from .kinds import KINDS
from .problems import Problem

if TYPE_CHECKING:
    from .loader import Entry

_HREF = re.compile(r'\shref="([^"]*)"')  # the sanitiser writes every attribute in double quotes
_ENTRY_PATH = re.compile(r"^/([a-z]+)/([^/]+?)(?:\.md|/(?:index\.(?:md|html))?)?$")


def linked_entry(entry: Entry, href: str) -> tuple[str, str] | None:
    """The (folder, slug) of the entry ``href`` in ``entry``'s body points at, or None for any other address."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = urlsplit(urljoin(f"/{entry.folder}/{entry.slug}/", unquote(parts.path))).path
    found = _ENTRY_PATH.match(path)
    if found is None or found[1] not in KINDS or found[2] in ("page", "index.md", "index.html"):
        return None
    return found[1], found[2]


def entry_link_problems(entries: Iterable[Entry], sources: dict[tuple[str, str], str]) -> list[Problem]:
    """An error for every link of a body to an entry that does not exist or, from a published entry, to one that
    is not published. ``sources`` holds every entry file found, (folder, slug) -> path, loaded or not."""
    public = {(e.folder, e.slug) for e in entries if e.is_public}
    problems = []
    for entry in entries:
        for href in dict.fromkeys(_HREF.findall(entry.rendered.html)):
            target = linked_entry(entry, href.replace("&amp;", "&"))
            if target is None or target == (entry.folder, entry.slug):
                continue
            line = _line_of(entry, href)
            if target not in sources:
                problems.append(
                    Problem(
                        entry.source,
                        line,
                        f"the text links to `{href}`, which is no entry of the knowledge bank: check the address "
                        f"(an entry's page is ../slug/ from another entry of its kind)",
                        "body",
                    )
                )
            elif entry.is_public and target not in public:
                problems.append(
                    Problem(
                        entry.source,
                        line,
                        f"the text links to `{href}`, an entry that is not published: a published entry may link "
                        f"only to published ones; remove the link until that entry is published",
                        "body",
                    )
                )
    return problems


def _line_of(entry: Entry, href: str) -> int:
    """The line of the body where ``href`` is written, or the body's first line."""
    at = entry.body.find(href)
    return entry.body_line + (entry.body[:at].count("\n") if at >= 0 else 0)
