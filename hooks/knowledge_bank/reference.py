"""The editor's field reference, read off the models' JSON Schema: names, types, rules and meanings.

The Contribute page shows it (the MkDocs hook inserts it at build time, with the skeletons ``kb new``
writes), and the VS Code snippets are written from it, so none of them can drift from the models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .kinds import KINDS
from .models import EntryFields
from .scaffold import skeleton
from .templating import template
from .vocabularies import Vocabularies

MARKER = "<!-- kb:field-reference -->"
SKELETON_MARKERS = {model.kind: f"<!-- kb:skeleton:{model.kind} -->" for model in KINDS.values()}


@dataclass(frozen=True)
class FieldDoc:
    """One field as an editor needs to know it."""

    name: str
    type: str  # in words: "text", "list of numbers", "group of fields"…
    required: bool
    rules: str  # "at most 200 characters", "1 to 12 items", "one of: a, b"…
    description: str
    model: str | None = None  # the nested group of fields (Party, PanelMember…), if any
    is_list: bool = False
    choices: tuple[str, ...] = ()
    format: str = ""  # "date", "boolean", "integer" or "" for text


@dataclass(frozen=True)
class ModelDoc:
    """A group of fields: a kind of entry, or a nested group such as ``panel``'s members."""

    name: str
    title: str
    description: str
    fields: tuple[FieldDoc, ...]

    @property
    def anchor(self) -> str:
        return f"fields-{self.name.lower()}"


@cache
def _schemas() -> dict[str, dict]:
    return {m.__name__: m.model_json_schema() for m in (EntryFields, *KINDS.values())}


def _nested(schema: dict) -> dict:
    """Drop the ``null`` of an optional field: ``anyOf: [X, null]`` -> X."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    return {**options[0], **{k: v for k, v in schema.items() if k != "anyOf"}} if len(options) == 1 else schema


def _field(name: str, raw: dict, required: bool) -> FieldDoc:
    schema = _nested(raw)
    rules: list[str] = []
    is_list = schema.get("type") == "array"
    item = _nested(schema.get("items", {})) if is_list else schema
    if is_list:
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low and high:
            rules.append(f"{low} to {high} items")
        elif high:
            rules.append(f"at most {high} items")
        elif low:
            rules.append(f"at least {low} item" + ("s" if low > 1 else ""))
    model = item["$ref"].rsplit("/", 1)[-1] if "$ref" in item else None
    choices = tuple(str(c) for c in item.get("enum", ()))
    kind = item.get("type", "")
    if model:
        words, fmt = "group of fields", ""
    elif choices:
        words, fmt = "one word", ""
        rules.append("one of: " + ", ".join(f"`{c}`" for c in choices))
    elif item.get("format") == "date":
        words, fmt = "date YYYY-MM-DD", "date"
    elif kind == "boolean":
        words, fmt = "`true` or `false`", "boolean"
    elif kind == "integer":
        words, fmt = "number", "integer"
        if "minimum" in item and "maximum" in item:
            rules.append(("each " if is_list else "") + f"{item['minimum']} to {item['maximum']}")
    else:
        words, fmt = "text", ""
        if "maxLength" in item:
            rules.append(("each " if is_list else "") + f"at most {item['maxLength']} characters")
    if is_list:
        words = {"group of fields": "list of groups", "number": "list of numbers", "text": "list of texts"}.get(
            words, f"list of {words}"
        )
    if "default" in raw and raw["default"] not in (None, []):
        default = str(raw["default"]).lower() if isinstance(raw["default"], bool) else raw["default"]
        rules.append(f"default `{default}`")
    return FieldDoc(name, words, required, "; ".join(rules), raw.get("description", ""), model, is_list, choices, fmt)


def _model(name: str, title: str, schema: dict, skip: set[str] = frozenset()) -> ModelDoc:
    required = set(schema.get("required", ()))
    fields = tuple(_field(n, s, n in required) for n, s in schema["properties"].items() if n not in skip)
    return ModelDoc(name, title, schema.get("description", ""), fields)


def model_docs() -> list[ModelDoc]:
    """Every group of fields: common ones, rounds', lessons', then the nested groups in order of use."""
    schemas = _schemas()
    common = set(schemas["EntryFields"]["properties"])
    docs = [_model("Entry", "Fields of every entry", schemas["EntryFields"])]
    defs: dict[str, dict] = {}
    for model in KINDS.values():
        schema = schemas[model.__name__]
        docs.append(_model(model.__name__, f"Fields of a {model.kind} ({model.folder}/)", schema, skip=common))
        defs.update(schema.get("$defs", {}))
    users: dict[str, list[str]] = {}  # group -> the fields it is used in, by their paths
    paths = {doc.name: "" for doc in docs}
    done = 0
    while done < len(docs):  # the groups used by the entries, then those used by these groups (a translation)
        new = [field.model for doc in docs[done:] for field in doc.fields if field.model and field.model not in users]
        for doc in docs[done:]:
            for field in doc.fields:
                if field.model:
                    users.setdefault(field.model, []).append(paths[doc.name] + field.name)
        done = len(docs)
        for name in dict.fromkeys(new):
            paths[name] = users[name][0] + "." if len(users[name]) == 1 else ""
            named = [f"`{path}`" for path in users[name]]
            docs.append(
                _model(
                    name,
                    "Inside "
                    + (" and ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + " and " + named[-1]),
                    defs[name],
                )
            )
    return docs


def field_reference() -> str:
    """The Markdown of the field reference, for the Contribute page."""
    docs = model_docs()
    return template("editors/field_reference.md.j2").render(docs=docs, by_name={d.name: d for d in docs})


def expand_markers(markdown: str, vocabularies: Vocabularies, today: dt.date | None = None, lang: str = "en") -> str:
    """Replace the markers of a hand-written page in ``lang`` with the field reference and the skeletons of new
    entries. The reference is written from the models, in English: on a page in another language it says so to
    screen readers (``lang="en"``), and the page says so to its readers."""
    if MARKER in markdown:
        reference = field_reference()
        if lang != "en":
            reference = f'<div lang="en" markdown="1">\n\n{reference}\n\n</div>'
        markdown = markdown.replace(MARKER, reference)
    for kind, marker in SKELETON_MARKERS.items():
        if marker in markdown:
            text = skeleton(vocabularies, kind, f"Title of the {kind}", today or dt.date.today())
            code = "\n".join(("    " + line).rstrip() for line in text.rstrip("\n").split("\n"))
            markdown = markdown.replace(marker, code)  # an indented code block: needs no Markdown extension
    return markdown
