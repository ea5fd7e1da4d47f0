"""Where a value sits in a YAML document: its path of keys and list positions, written as editors write it."""

from __future__ import annotations

FieldPath = tuple[str | int, ...]  # ("panel", 1, "name") is the `name` of the second member of `panel`


def dotted(loc: FieldPath) -> str:
    """``("panel", 1, "name")`` -> ``panel[1].name``: a field as an editor names it in a message."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(lines: dict[FieldPath, int], loc: FieldPath) -> int:
    """The line of ``loc`` in ``lines``, or of its nearest enclosing field; 1 when none is known."""
    for n in range(len(loc), 0, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1
