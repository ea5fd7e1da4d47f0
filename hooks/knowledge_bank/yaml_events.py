"""Reading a YAML text that breaks no rule in one pass over libyaml's events (yaml_reader.py's first try).

yaml_reader.py reads a text in four passes: its events (to refuse aliases, tags and deep nesting before anything is
built), its node tree, the lines and hidden characters of that tree, and the data built from it. A text that breaks
none of the rules (yaml_rules.py), which is what nearly every entry and vocabulary file is, gets the same data, lines
and scalars from its events alone, in a third of the time. Anything the rules look at closely (an anchor, an alias
or a tag, a key written other than plainly or twice, a value YAML cannot read, an invisible character, deep
nesting, a second document) makes it give up, and yaml_reader.py reads the text its own way, which finds and words
the problem; tests/test_yaml_events.py checks that both readings agree.
"""

from __future__ import annotations

import yaml

from .field_path import FieldPath
from .hidden_characters import HIDDEN
from .yaml_rules import MAX_DEPTH, FastParser, StrictLoader, explicit_keys

_STR = "tag:yaml.org,2002:str"
_LOADER = StrictLoader("")  # its constructors turn a resolved scalar (a date, a number, a boolean) into its value
_RESOLVED: dict[str, str] = {}  # a plain scalar's tag, by its text: a few hundred texts recur across all entries


class _GiveUp(Exception):
    """The text holds something for yaml_reader.py's own reading to look at."""


class _Open:
    """A list or group being read: its value, where it is, and (a group) the key read whose value comes next."""

    __slots__ = ("value", "loc", "key")

    def __init__(self, value: dict | list, loc: FieldPath) -> None:
        self.value, self.loc, self.key = value, loc, None


def read_events(text: str, first_line: int) -> tuple[object, dict[FieldPath, int], dict[FieldPath, str]] | None:
    """The data, the line of every key and list item, and each scalar as written, of ``text`` read in one pass;
    or None when the text must be read with yaml_reader.py's care (``first_line``: the file's line of its first)."""
    if FastParser is None or "\t" in text or HIDDEN.search("".join(set(text))):  # each character once: 8x faster
        return None
    lines: dict[FieldPath, int] = {}
    scalars: dict[FieldPath, str] = {}
    try:
        if explicit_keys(text, FastParser):
            raise _GiveUp  # a key written after `?`
        data = _read(yaml.parse(text, Loader=FastParser), text, first_line, lines, scalars)
    except Exception:  # _GiveUp, or anything libyaml or a constructor raises: the careful reading reports it
        return None
    return data, lines, scalars


def _read(events, text: str, first_line: int, lines: dict, scalars: dict) -> object:
    data, documents, stack = None, 0, []
    escapes = "\\" in text  # a value in double quotes may then hold what the text does not (`\u200b`)
    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _GiveUp
            line = event.start_mark.line + first_line
            top = stack[-1] if stack else None
            if top is not None and top.key is None and type(top.value) is dict:  # a key
                if kind is not yaml.ScalarEvent or event.style:
                    raise _GiveUp  # a list or group as a key, a key in quotes
                if event.value in top.value:
                    raise _GiveUp  # given twice
                top.key = event.value
                lines[(*top.loc, event.value)] = line
                continue
            if top is None:
                loc = ()
            elif type(top.value) is list:
                loc = (*top.loc, len(top.value))
                lines[loc] = line
            else:
                loc = (*top.loc, top.key)
            if kind is yaml.ScalarEvent:
                value = _scalar(event, escapes)
                scalars[loc] = event.value
            else:
                value = {} if kind is yaml.MappingStartEvent else []
            if top is None:
                data = value
            elif type(top.value) is list:
                top.value.append(value)
            else:
                top.value[top.key] = value
                top.key = None
            if kind is not yaml.ScalarEvent:
                stack.append(_Open(value, loc))
                if len(stack) > MAX_DEPTH:
                    raise _GiveUp
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _GiveUp
        elif kind is yaml.AliasEvent:
            raise _GiveUp
    return data


def _scalar(event: yaml.ScalarEvent, escapes: bool) -> object:
    """The value of a scalar as StrictLoader constructs it: text, unless plain and resolved to another type."""
    value = event.value
    if escapes and event.style == '"' and HIDDEN.search(value):
        raise _GiveUp  # an invisible character written as an escape
    if not event.implicit[0]:  # quoted or a block of text: text
        return value
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = _LOADER.resolve(yaml.ScalarNode, value, (True, False))
        if len(_RESOLVED) < 4096:
            _RESOLVED[value] = tag
    if tag == _STR:
        return value
    return _LOADER.yaml_constructors[tag](_LOADER, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))
