"""Files for editors' tools, derived from the models: JSON Schemas of the front matter and VS Code snippets.

``kb schema`` writes them; a test regenerates them and fails when the committed copies are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import KINDS
from .reference import FieldDoc, model_docs
from .vocabularies import load_vocabularies

SCHEMA_FILES = {folder: f"schemas/{model.kind}.schema.json" for folder, model in KINDS.items()}
SNIPPETS_FILE = ".vscode/knowledge-bank.code-snippets"


def front_matter_schema(folder: str) -> dict:
    """The JSON Schema of the front matter of the entries of ``folder`` (``rounds``…)."""
    model = KINDS[folder]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Knowledge Bank {model.kind}",
        **{k: v for k, v in schema.items() if k != "title"},
        "$comment": "Generated from hooks/knowledge_bank/models.py by `kb schema`; do not edit by hand. Countries "
        "and phases are checked against the vocabularies by `kb check`, which a schema cannot do.",
    }


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _value(field: FieldDoc, stop: int, choices: dict[str, list[str]]) -> tuple[str, int]:
    """A snippet placeholder for one scalar value, and the next tab stop."""
    options = list(field.choices) or choices.get(field.name, [])
    if field.format == "boolean":
        options = ["false", "true"]
    if options:
        return "${" + f"{stop}|{','.join(options)}|" + "}", stop + 1
    if field.format == "date":
        return "${" + f"{stop}:" + "${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}", stop + 1
    return f"${stop}", stop + 1


def _snippet(field: FieldDoc, groups: dict[str, list[FieldDoc]], choices: dict[str, list[str]]) -> list[str]:
    """The lines a field's snippet inserts, with tab stops."""
    if not field.model:
        if field.is_list:
            return [f"{field.name}: [$1]"]
        value, _ = _value(field, 1, choices)
        return [f"{field.name}: {value}"]
    lines, stop = [f"{field.name}:"], 1
    for i, inner in enumerate(groups[field.model]):
        value, stop = _value(inner, stop, {})
        lead = ("  - " if i == 0 else "    ") if field.is_list else "  "
        lines.append(f"{lead}{inner.name}: {value}")
    return lines


def vscode_snippets(choices: dict[str, list[str]]) -> dict:
    """One snippet per top-level field: type the field's name in a front matter and press Ctrl+Space."""
    docs = model_docs()
    groups = {d.name: list(d.fields) for d in docs}
    snippets = {}
    for doc in docs[: 1 + len(KINDS)]:  # every entry, then each kind's own fields
        where = "" if doc.name == "Entry" else f"{doc.name}: "
        for field in doc.fields:
            snippets[f"{where}{field.name}"] = {
                "scope": "markdown",
                "prefix": field.name,
                "body": _snippet(field, groups, choices),
                "description": f"{where}{field.description}",
            }
    return snippets


def generated_files(root: Path) -> dict[str, str]:
    """Path relative to ``root`` -> the text ``kb schema`` writes there."""
    vocabularies = load_vocabularies(root / "vocabularies")
    files = {path: _dump(front_matter_schema(kind)) for kind, path in SCHEMA_FILES.items()}
    files[SNIPPETS_FILE] = _dump(vscode_snippets({"phase": vocabularies.phases.keys()}))
    return files
