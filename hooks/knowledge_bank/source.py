"""Reading one entry file: bytes -> front matter (with the line of every field) and body.

The front matter is read by :mod:`yaml_reader`, with the rules every YAML file of the knowledge bank
follows; this module finds it between the two `---` lines and requires it to be a set of fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontmatter.default_handlers import YAMLHandler

from .field_path import FieldPath, line_of
from .yaml_reader import Wording, read_yaml

MAX_BYTES = 1_000_000
MAX_FRONT_MATTER = 20_000  # characters: real front matter is a few thousand; PyYAML slows down on huge input

FM_BOUNDARY = YAMLHandler.FM_BOUNDARY  # ^-{3,}\s*$


@dataclass
class Source:
    """A parsed file: its front matter, where each field is, and its body."""

    path: str
    data: dict = field(default_factory=dict)
    lines: dict[FieldPath, int] = field(default_factory=dict)
    raw_scalars: dict[FieldPath, str] = field(default_factory=dict)
    unreadable: set[FieldPath] = field(default_factory=set)  # values YAML could not read, already reported
    body: str = ""
    body_line: int = 1
    fm_end_line: int = 1
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)

    def line_of(self, loc: FieldPath) -> int:
        """The line of the field at ``loc``, or of its nearest enclosing field."""
        return line_of(self.lines, loc)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_source(path: str, raw: bytes) -> Source:
    """Parse ``raw`` (the bytes of the file at ``path``); problems are collected, never raised."""
    src = Source(path)
    if len(raw) > MAX_BYTES:
        src.problems.append((1, "", f"the file is {len(raw):,} bytes; an entry must be under {MAX_BYTES:,} bytes"))
        return src
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        src.problems.append(
            (line, "", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it with UTF-8 encoding")
        )
        return src
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or not FM_BOUNDARY.match(lines[0]):
        src.problems.append((1, "", "the file must start with front matter: a line `---`, the fields, and `---`"))
        return src
    end = next((i for i in range(1, len(lines)) if FM_BOUNDARY.match(lines[i]) or lines[i] == "..."), None)
    if end is None:
        text_line = _first_text_line(lines)
        where = f" above line {text_line}, where the text begins" if text_line else " after the last field"
        src.problems.append(
            (text_line or 1, "", f"the front matter that starts on line 1 is never closed: add a line `---`{where}")
        )
        return src
    src.fm_end_line = end + 1
    src.body = "\n".join(lines[end + 1 :])
    src.body_line = end + 2
    _read_front_matter(src, "\n".join(lines[1:end]))
    return src


def _read_front_matter(src: Source, text: str) -> None:
    """Fill ``src`` with the fields of the front matter ``text`` (which starts on line 2)."""
    if not text.strip() and len(text) <= MAX_FRONT_MATTER:
        src.problems.append(
            (1, "", "the front matter is empty: it needs at least title, summary and the other required fields")
        )
        return
    doc = read_yaml(
        text,
        Wording("the front matter", "in front matter", first_line=2),
        max_chars=MAX_FRONT_MATTER,
        too_long=": long text belongs in the body, below the second `---`",
    )
    if not isinstance(doc.data, dict) and not doc.problems:  # a list, a lone value, or only comments
        src.problems.append((2, "", "the front matter must be a set of `field: value` lines"))
        return
    src.problems += doc.problems
    src.lines, src.raw_scalars, src.unreadable = (
        doc.lines,
        doc.raw_scalars,
        doc.unreadable,
    )  # known even when a value cannot be read
    if isinstance(doc.data, dict):
        src.data = doc.data


_FIELD_LINE = re.compile(r"""^(?:[A-Za-z_][\w-]*\s*:|["'?{\[]|- |#|\s|$)""")


def _first_text_line(lines: list[str]) -> int | None:
    """The line that looks like the start of an entry's text in a front matter left open: the first one after a
    blank line that is neither a field, a list item, an indented line nor a comment — or a Markdown heading there."""
    blank = False
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            blank = True
        elif blank and (line.startswith("## ") or not _FIELD_LINE.match(line)):
            return number
    return None
