"""Reading YAML text with one set of rules, for front matter and vocabulary files alike.

YAML is read with the safe loader, restricted further (the rules: yaml_rules.py): only ``true``/``false`` are
booleans, anchors, aliases and tags (``!!binary``, ``!!python/...``) are refused, ``<<`` and ``=`` are plain keys,
a key may appear once, a field may hold no invisible character (hidden_characters.py), and the text is bounded in
size and nesting so that no input can make reading it slow. Every problem is collected with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

from .field_path import FieldPath, dotted
from .hidden_characters import AS_SPACE, hidden_character, unicode_line_breaks
from .yaml_events import read_events
from .yaml_rules import MAX_DEPTH, FastParser, StrictLoader, explicit_keys


@dataclass
class YamlDocument:
    """What a YAML text holds: its data, the line of every key and list item, each scalar as written, its problems."""

    data: object = None  # None when the text is empty or could not be read
    lines: dict[FieldPath, int] = field(default_factory=dict)
    raw_scalars: dict[FieldPath, str] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)
    # Values YAML could not read (an impossible date, a number too large): reported here, kept as their text in
    # ``data`` so that the other fields are still checked; a check of the value itself must not report them again.
    unreadable: set[FieldPath] = field(default_factory=set)


class Wording(NamedTuple):
    """How messages name the text being read, and where its first line is in its file."""

    subject: str = "the front matter"  # "the front matter is not valid YAML: …"
    within: str = "in front matter"  # "YAML tags … are not allowed in front matter"
    first_line: int = 1


def read_yaml(text: str, wording: Wording, *, max_chars: int, too_long: str = "") -> YamlDocument:
    """Read ``text`` with the knowledge bank's rules; problems are collected, never raised.

    ``too_long`` ends the message given when ``text`` is over ``max_chars`` characters (say where the text belongs).
    """
    doc = YamlDocument()
    if len(text) > max_chars:
        doc.problems.append(
            (1, "", f"{wording.subject} is {len(text):,} characters long; at most {max_chars:,} are allowed{too_long}")
        )
        return doc
    breaks = unicode_line_breaks(text, wording.first_line)
    if breaks:  # reported at their real line; read as spaces, so the lines YAML counts are the editor's
        text = text.translate(AS_SPACE)
    read = read_events(text, wording.first_line)  # nearly every text: one pass, as nothing is wrong with it
    if read is not None:
        doc.data, doc.lines, doc.raw_scalars = read
        doc.problems = breaks
        return doc
    node = _fast_node(text) if FastParser is not None else None
    if node is not None:
        _use_node(doc, node, text, wording)
        if not doc.problems:
            doc.problems = breaks
            return doc
        doc = YamlDocument()  # something is wrong: read it again carefully, so the messages are PyYAML's
    node = _careful_node(doc, text, wording)
    if not doc.problems and node is not None:
        _use_node(doc, node, text, wording)
    doc.problems[:0] = breaks
    return doc


def _fast_node(text: str) -> yaml.Node | None:
    """The node tree read by libyaml, or None when anything calls for the careful, pure-Python reading."""
    if "\t" in text:  # libyaml accepts tabs where PyYAML refuses them
        return None
    try:
        if _refusal(yaml.parse(text, Loader=FastParser), Wording()) is not None:
            return None
        return yaml.compose(text, Loader=FastParser)
    except (yaml.YAMLError, RecursionError):
        return None


def _refusal(events, wording: Wording) -> tuple[yaml.Mark, str] | None:
    """Where and why the text is refused before it is composed (an alias, a tag, deep nesting), or None.

    It stops at the first such event: PyYAML's time grows with the square of the nesting.
    """
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark, f"YAML anchors and aliases (`&name`, `*name`) are not allowed {wording.within}"
        if getattr(event, "tag", None) is not None:
            return (
                event.start_mark,
                f"YAML tags such as `{event.tag}` are not allowed {wording.within}; write the plain value",
            )
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        if depth > MAX_DEPTH:
            return event.start_mark, f"{wording.subject} is nested more than {MAX_DEPTH} levels deep"
    return None


def _careful_node(doc: YamlDocument, text: str, wording: Wording) -> yaml.Node | None:
    """The node tree read by PyYAML's own parser, or None with the problem recorded."""
    try:
        refused = _refusal(yaml.parse(text, Loader=StrictLoader), wording)
        if refused is not None:
            mark, message = refused
            doc.problems.append((mark.line + wording.first_line, "", message))
            return None
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is found where the text ends; its start is where to fix it.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + wording.first_line) if mark else 1
        problem = (exc.problem or str(exc)).strip()
        if exc.context and exc.context_mark:
            problem = f"{exc.context.replace('while ', '')} that is never closed ({problem})"
        fix = "check indentation, colons and quotes"
        glued = _key_without_space(text, wording.first_line)
        if glued is not None and glued[0] <= line:  # `title:Value`: PyYAML stumbles on a later line
            line, problem, fix = glued
        elif "scanning a quoted scalar" in problem:
            problem, fix = "a quoted value starts on this line and is never closed", "add the closing quote"
        elif problem == "mapping values are not allowed here":
            problem = "a `:` is not expected on this line"
            fix = (
                "indent a field exactly as the fields beside it (this one may be indented too far), "
                "or put a value that holds `: ` in quotes"
            )
        doc.problems.append((line, "", f"{wording.subject} is not valid YAML: {problem}; {fix}"))
        return None
    except yaml.YAMLError as exc:
        doc.problems.append((1, "", f"{wording.subject} is not valid YAML: {exc}"))
        return None
    except RecursionError:
        doc.problems.append((1, "", f"{wording.subject} is nested too deeply"))
        return None
    except (ValueError, OverflowError):  # PyYAML's chr() on `\U00110000` in double quotes: no such character
        escape = _NO_CHARACTER.search(text)
        line = text.count("\n", 0, escape.start()) + wording.first_line if escape else wording.first_line
        shown = f"`{escape[0]}` " if escape else ""
        problem = f"the escape {shown}names no character (the last is `\\U0010FFFF`); write the character itself"
        doc.problems.append((line, "", f"{wording.subject} is not valid YAML: {problem}"))
        return None
    return node


_NO_CHARACTER = re.compile(r"\\U(?!00(?:0[0-9A-Fa-f]|10)[0-9A-Fa-f]{4})[0-9A-Fa-f]{8}")  # above U+10FFFF


_GLUED = re.compile(r"^\s*(?:- )?([A-Za-z_][A-Za-z0-9_]*):([^\s:/'\"][^#]*)")


def _key_without_space(text: str, first_line: int) -> tuple[int, str, str] | None:
    """The first line whose field name is glued to its value (``title:Value``), as (line, problem, fix)."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = _GLUED.match(line)
        if found is not None:
            key, value = found[1], found[2].strip()
            return number, f"`{key}:{value[:30]}` has no space after the colon", f"write `{key}: {value[:30]}`"
    return None


def _use_node(doc: YamlDocument, node: yaml.Node, text: str, wording: Wording) -> None:
    """Index the keys and list items of the node tree and construct its data."""
    where = _Where(wording.first_line, explicit_keys(text, StrictLoader))
    _index(node, (), doc, where)  # a repeated key is reported, the last value read
    if any(message == _KEY_NOT_TEXT for _, _, message in doc.problems):
        return  # such a key cannot be read into a mapping at all
    try:
        doc.data = StrictLoader("").construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + wording.first_line if mark else 1
        doc.problems.append(
            (line, "", f"{wording.subject} has a value YAML cannot read here: {getattr(exc, 'problem', exc)}")
        )


class _Where(NamedTuple):
    """The line of the file the indexed text's first line is, and where the text's keys written after `?` start."""

    first_line: int
    explicit: frozenset[int]


def _index(node: yaml.Node, loc: FieldPath, doc: YamlDocument, where: _Where, depth: int = 0) -> None:
    """Record the line of every key and list item; report keys that appear twice or are not plain, hidden
    characters, and values YAML cannot read."""
    if depth > 50:
        doc.problems.append((node.start_mark.line + where.first_line, dotted(loc), "the value is nested too deeply"))
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in list(node.value):
            line = key_node.start_mark.line + where.first_line
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append((line, dotted(loc), _KEY_NOT_TEXT))
                continue
            key_node.tag = "tag:yaml.org,2002:str"  # `1:` or `~:` is the field "1" or "~", reported as unknown
            key = key_node.value
            not_plain = _not_plain(key_node, where.explicit)
            if not_plain:
                shown = key if key.isprintable() else repr(key)[1:-1]
                doc.problems.append(
                    (
                        line,
                        dotted((*loc, key)),
                        f"the field name `{shown}` is written {not_plain}; write every field name plainly, "
                        f"as the word followed by a colon (`{shown}: …`), so that it reads as it is",
                    )
                )
                node.value.remove((key_node, value_node))  # not read at all: a hidden `published` publishes nothing
                continue
            if key in seen:
                doc.problems.append(
                    (line, dotted((*loc, key)), f"`{key}` is given twice (first on line {seen[key]}); keep one")
                )
                continue
            seen[key] = line
            doc.lines[(*loc, key)] = line
            _hidden(key, (*loc, key), line, doc)
            _index(value_node, (*loc, key), doc, where, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            doc.lines[(*loc, i)] = item.start_mark.line + where.first_line
            _index(item, (*loc, i), doc, where, depth + 1)
    elif isinstance(node, yaml.ScalarNode):
        doc.raw_scalars[loc] = node.value
        line = node.start_mark.line + where.first_line
        _hidden(node.value, loc, line, doc)
        _readable(node, loc, line, doc)


def _not_plain(key_node: yaml.ScalarNode, explicit: frozenset[int]) -> str:
    """How a field name is written other than plainly (in quotes, as a `?` key), or "" when it is plain."""
    if key_node.style:
        return "in quotes" if key_node.style in "'\"" else "as a block of text"
    if key_node.start_mark.index in explicit:  # `? published` then `: true` on the next line: a complex key
        return "after a question mark (`? name`)"
    return ""


_CONSTRUCTED = {
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
}


def _readable(node: yaml.ScalarNode, loc: FieldPath, line: int, doc: YamlDocument) -> None:
    """Report a date or number YAML cannot read (``2024-02-30``) at its line, and keep it as text, so that the
    rest of the document is still read and checked."""
    what = _CONSTRUCTED.get(node.tag)
    if what is None:
        return
    try:
        StrictLoader("").construct_object(node)
    except yaml.YAMLError as exc:
        name = dotted(loc)
        fix = "a real date as YYYY-MM-DD" if what == "date" else "a number of ordinary size"
        reason = getattr(exc, "problem", "")
        doc.problems.append((line, name, f"`{name or 'the value'}`: {reason}; write {fix}"))
        doc.unreadable.add(loc)
        node.tag = "tag:yaml.org,2002:str"


def _hidden(value: str, loc: FieldPath, line: int, doc: YamlDocument) -> None:
    """Report the first invisible or forbidden character of ``value`` (a key or a scalar) at its line."""
    found = hidden_character(value)
    if found:
        doc.problems.append(
            (
                line,
                dotted(loc),
                f"`{dotted(loc) or 'a key'}` contains the invisible character {found}; "
                "delete it (it can hide or reorder text)",
            )
        )


_KEY_NOT_TEXT = "a field name must be a word, not a list or a group"
