"""Reading one source file: bytes -> front matter (with the line of every field) and body.

YAML is read with the safe loader, restricted further: only ``true``/``false`` are booleans
(``yes``, ``no``, ``on``, ``off`` stay strings, so ``published: yes`` is an error and
``country: NO`` is Norway), anchors, aliases and tags (``!!binary``, ``!!python/...``) are refused,
``<<`` and ``=`` are plain keys (no merge, no value key), a key may appear once, and the front matter
is bounded in size and nesting so that no input can make reading it slow.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from frontmatter.default_handlers import YAMLHandler

MAX_BYTES = 1_000_000
MAX_FRONT_MATTER = 20_000  # characters: real front matter is a few thousand; PyYAML slows down on huge input
MAX_DEPTH = 20  # nesting of lists and groups: the models need 3
# Characters that are never meant in a field and can hide or reorder text (Trojan Source): control
# characters other than tab and newline, and the bidirectional embeddings, overrides and isolates.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
Path_ = tuple[str | int, ...]

FM_BOUNDARY = YAMLHandler.FM_BOUNDARY  # ^-{3,}\s*$


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
# error messages are vaguer (they do not name a tab, for instance). So it reads first; a file it
# refuses, or in which it finds an alias, a tag or deep nesting, is read again by the pure-Python
# parser, which writes the problem as editors know it. Both share the resolvers above.
FastParser: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class FastParser(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with StrictLoader's resolvers; used only for events and nodes."""

    FastParser.yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers


@dataclass
class Source:
    """A parsed file: its front matter, where each field is, and its body."""

    path: str
    data: dict = field(default_factory=dict)
    lines: dict[Path_, int] = field(default_factory=dict)
    raw_scalars: dict[Path_, str] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    fm_end_line: int = 1
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)

    def line_of(self, loc: Path_) -> int:
        """The line of the field at ``loc``, or of its nearest enclosing field."""
        return line_of(self.lines, loc)

    @property
    def ok(self) -> bool:
        return not self.problems


def line_of(lines: dict[Path_, int], loc: Path_) -> int:
    """The line of ``loc`` in ``lines``, or of its nearest enclosing field; 1 when none is known."""
    for n in range(len(loc), 0, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


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
        src.problems.append((1, "", "the front matter is not closed: add a line `---` after the last field"))
        return src
    src.fm_end_line = end + 1
    src.body = "\n".join(lines[end + 1 :])
    src.body_line = end + 2
    front_matter = "\n".join(lines[1:end])
    if len(front_matter) > MAX_FRONT_MATTER:
        src.problems.append(
            (
                1,
                "",
                f"the front matter is {len(front_matter):,} characters long; at most {MAX_FRONT_MATTER:,} are "
                f"allowed: long text belongs in the body, below the second `---`",
            )
        )
        return src
    _parse_front_matter(src, front_matter, offset=1)
    return src


def _parse_front_matter(src: Source, text: str, offset: int) -> None:
    if not text.strip():
        src.problems.append(
            (1, "", "the front matter is empty: it needs at least title, summary and the other required fields")
        )
        return
    known = len(src.problems)
    node = _fast_node(text) if FastParser is not None else None
    if node is not None:
        _use_node(src, node, offset)
        if len(src.problems) == known:
            return
        # Something is wrong: read it again carefully, so the messages are PyYAML's, as without libyaml.
        src.data, src.lines, src.raw_scalars, src.problems = {}, {}, {}, src.problems[:known]
    node = _careful_node(src, text, offset)
    if len(src.problems) > known:
        return
    _use_node(src, node, offset)


def _fast_node(text: str) -> yaml.Node | None:
    """The node tree read by libyaml, or None when anything calls for the careful, pure-Python reading."""
    if "\t" in text:  # libyaml accepts tabs where PyYAML refuses them
        return None
    try:
        if _refusal(yaml.parse(text, Loader=FastParser)) is not None:
            return None
        return yaml.compose(text, Loader=FastParser)
    except (yaml.YAMLError, RecursionError):
        return None


def _refusal(events) -> tuple[yaml.Mark, str] | None:
    """Where and why the front matter is refused before it is composed (an alias, a tag, deep nesting), or None.

    It stops at the first such event: PyYAML's time grows with the square of the nesting.
    """
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark, "YAML anchors and aliases (`&name`, `*name`) are not allowed in front matter"
        if getattr(event, "tag", None) is not None:
            return (
                event.start_mark,
                f"YAML tags such as `{event.tag}` are not allowed in front matter; write the plain value",
            )
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        if depth > MAX_DEPTH:
            return event.start_mark, f"the front matter is nested more than {MAX_DEPTH} levels deep"
    return None


def _careful_node(src: Source, text: str, offset: int) -> yaml.Node | None:
    """The node tree read by PyYAML's own parser, or None with the problem recorded."""
    try:
        refused = _refusal(yaml.parse(text, Loader=StrictLoader))
        if refused is not None:
            mark, message = refused
            src.problems.append((mark.line + 1 + offset, "", message))
            return None
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is found where the text ends; its start is where to fix it.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 1 + offset) if mark else 1
        problem = (exc.problem or str(exc)).strip()
        if exc.context and exc.context_mark:
            problem = f"{exc.context.replace('while ', '')} that is never closed ({problem})"
        src.problems.append(
            (line, "", f"the front matter is not valid YAML: {problem}; check indentation, colons and quotes")
        )
        return None
    except yaml.YAMLError as exc:
        src.problems.append((1, "", f"the front matter is not valid YAML: {exc}"))
        return None
    except RecursionError:
        src.problems.append((1, "", "the front matter is nested too deeply"))
        return None
    return node


def _use_node(src: Source, node: yaml.Node | None, offset: int) -> None:
    """Index the fields of the front matter's node and construct its data."""
    if not isinstance(node, yaml.MappingNode):
        src.problems.append((offset + 1, "", "the front matter must be a set of `field: value` lines"))
        return
    _index(node, (), src, offset)  # a repeated key is reported, and the last value is read
    if any(message == _KEY_NOT_TEXT for _, _, message in src.problems):
        return  # such a key cannot be read into a mapping at all
    try:
        loader = StrictLoader("")
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + offset if mark else 1
        src.problems.append(
            (line, "", f"the front matter has a value YAML cannot read here: {getattr(exc, 'problem', exc)}")
        )
        return
    src.data = data


def _index(node: yaml.Node, loc: Path_, src: Source, offset: int, depth: int = 0) -> None:
    """Record the line of every field and list item; report keys that appear twice."""
    if depth > 50:
        src.problems.append((node.start_mark.line + 1 + offset, _dotted(loc), "the value is nested too deeply"))
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                src.problems.append((line, _dotted(loc), _KEY_NOT_TEXT))
                continue
            key_node.tag = "tag:yaml.org,2002:str"  # `1:` or `~:` is the field "1" or "~", reported as unknown
            key = key_node.value
            if key in seen:
                src.problems.append(
                    (line, _dotted((*loc, key)), f"`{key}` is given twice (first on line {seen[key]}); keep one")
                )
                continue
            seen[key] = line
            src.lines[(*loc, key)] = line
            _index(value_node, (*loc, key), src, offset, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            src.lines[(*loc, i)] = item.start_mark.line + 1 + offset
            _index(item, (*loc, i), src, offset, depth + 1)
    elif isinstance(node, yaml.ScalarNode):
        src.raw_scalars[loc] = node.value
        found = _HIDDEN.search(node.value)
        if found is not None:
            hidden = found.group()
            name = unicodedata.name(hidden, "a control character")
            src.problems.append(
                (
                    node.start_mark.line + 1 + offset,
                    _dotted(loc),
                    f"`{_dotted(loc) or 'a key'}` contains the invisible character U+{ord(hidden):04X} ({name}); "
                    f"delete it (it can hide or reorder text)",
                )
            )


# A control character (Unicode category Cc: U+0000-001F, U+007F-009F) other than tab and newline,
# or a bidirectional override.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


_KEY_NOT_TEXT = "a field name must be a word, not a list or a group"


def _dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
