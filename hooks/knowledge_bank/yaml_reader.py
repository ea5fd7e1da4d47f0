"""Reading YAML text with one set of rules, for front matter and vocabulary files alike.

YAML is read with the safe loader, restricted further: only ``true``/``false`` are booleans
(``yes``, ``no``, ``on``, ``off`` stay strings, so ``published: yes`` is an error and
``country: NO`` is Norway), anchors, aliases and tags (``!!binary``, ``!!python/...``) are refused,
``<<`` and ``=`` are plain keys (no merge, no value key), a key may appear once, and the text is
bounded in size and nesting so that no input can make reading it slow.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

from .field_path import FieldPath, dotted

MAX_DEPTH = 20  # nesting of lists and groups: the entry models need 3, the vocabulary files 3
# Characters that are never meant in a field and can hide or reorder text (Trojan Source): control
# characters other than tab and newline, and the bidirectional embeddings, overrides and isolates.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans: only true/false (any case) are booleans."""


_PLAIN = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # `<<` and `=` are read as plain text
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", *_PLAIN)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _checked(construct):
    """A constructor whose ``ValueError`` (``2024-13-45``, an integer of 5,000 digits) becomes a YAML error at the value."""

    def construct_checked(loader: yaml.SafeLoader, node: yaml.Node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as exc:
            what = "date" if node.tag.endswith(":timestamp") else "number"
            raise yaml.constructor.ConstructorError(
                None, None, f"“{node.value[:40]}” is not a valid {what} ({str(exc)[:80]})", node.start_mark
            ) from exc

    return construct_checked


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked(yaml.SafeLoader.construct_yaml_timestamp))
StrictLoader.add_constructor("tag:yaml.org,2002:int", _checked(yaml.SafeLoader.construct_yaml_int))
StrictLoader.add_constructor("tag:yaml.org,2002:float", _checked(yaml.SafeLoader.construct_yaml_float))


# libyaml reads the same YAML some thirty times faster than PyYAML's pure-Python parser, but its
# error messages are vaguer (they do not name a tab, for instance). So it reads first; a text it
# refuses, or in which it finds an alias, a tag or deep nesting, is read again by the pure-Python
# parser, which writes the problem as editors know it. Both share the resolvers above.
FastParser: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class FastParser(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with StrictLoader's resolvers; used only for events and nodes."""

    FastParser.yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers


@dataclass
class YamlDocument:
    """What a YAML text holds: its data, the line of every key and list item, each scalar as written, its problems."""

    data: object = None  # None when the text is empty or could not be read
    lines: dict[FieldPath, int] = field(default_factory=dict)
    raw_scalars: dict[FieldPath, str] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)


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
    node = _fast_node(text) if FastParser is not None else None
    if node is not None:
        _use_node(doc, node, wording)
        if not doc.problems:
            return doc
        doc = YamlDocument()  # something is wrong: read it again carefully, so the messages are PyYAML's
    node = _careful_node(doc, text, wording)
    if not doc.problems and node is not None:
        _use_node(doc, node, wording)
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
        doc.problems.append(
            (line, "", f"{wording.subject} is not valid YAML: {problem}; check indentation, colons and quotes")
        )
        return None
    except yaml.YAMLError as exc:
        doc.problems.append((1, "", f"{wording.subject} is not valid YAML: {exc}"))
        return None
    except RecursionError:
        doc.problems.append((1, "", f"{wording.subject} is nested too deeply"))
        return None
    return node


def _use_node(doc: YamlDocument, node: yaml.Node, wording: Wording) -> None:
    """Index the keys and list items of the node tree and construct its data."""
    _index(node, (), doc, wording.first_line)  # a repeated key is reported, and the last value is read
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


def _index(node: yaml.Node, loc: FieldPath, doc: YamlDocument, first_line: int, depth: int = 0) -> None:
    """Record the line of every key and list item; report keys that appear twice and hidden characters."""
    if depth > 50:
        doc.problems.append((node.start_mark.line + first_line, dotted(loc), "the value is nested too deeply"))
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append((line, dotted(loc), _KEY_NOT_TEXT))
                continue
            key_node.tag = "tag:yaml.org,2002:str"  # `1:` or `~:` is the field "1" or "~", reported as unknown
            key = key_node.value
            if key in seen:
                doc.problems.append(
                    (line, dotted((*loc, key)), f"`{key}` is given twice (first on line {seen[key]}); keep one")
                )
                continue
            seen[key] = line
            doc.lines[(*loc, key)] = line
            _index(value_node, (*loc, key), doc, first_line, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            doc.lines[(*loc, i)] = item.start_mark.line + first_line
            _index(item, (*loc, i), doc, first_line, depth + 1)
    elif isinstance(node, yaml.ScalarNode):
        doc.raw_scalars[loc] = node.value
        found = _HIDDEN.search(node.value)
        if found is not None:
            hidden = found.group()
            name = unicodedata.name(hidden, "a control character")
            doc.problems.append(
                (
                    node.start_mark.line + first_line,
                    dotted(loc),
                    f"`{dotted(loc) or 'a key'}` contains the invisible character U+{ord(hidden):04X} ({name}); "
                    f"delete it (it can hide or reorder text)",
                )
            )


# A control character (Unicode category Cc: U+0000-001F, U+007F-009F) other than tab and newline,
# or a bidirectional override.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")

_KEY_NOT_TEXT = "a field name must be a word, not a list or a group"
