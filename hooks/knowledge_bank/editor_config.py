"""The configuration of the editors' form at ``/admin/`` (Decap CMS), generated from the models and vocabularies.

Every field an entry's model accepts becomes a widget with the same rules — required or not, a list's limits, a
text's length, the values a vocabulary allows — except the fields that decide publication (``published``, a
round's ``authorization``), which the form never writes: publication stays a deliberate act in a reviewed pull
request. ``tests/test_editor_config.py`` tries every rule of every widget on the models themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .cldr import capitalized, language_name, language_named
from .country_names import iso_countries
from .kinds import KINDS
from .labels import Labels
from .languages import LANGUAGES
from .models import LABELS_KEY, VALUE_KEY, EntryFields
from .vocabularies import Vocabularies

LOCALES = {"en": "en", "es": "es", "pt": "pt", "fr": "fr"}  # the site's languages -> Decap's locales
TEXT_AREA = 600  # texts longer than this get a text area instead of a one-line input
URL_PATTERN = r"^https?://[^\s/]+"


@dataclass(frozen=True)
class EditorSettings:
    """Where the form reads and writes: the repository on GitHub and, for tests and previews, decap-server."""

    repo: str  # "owner/name" on GitHub
    branch: str = "main"
    auth_base_url: str = ""  # the OAuth client GitHub's login goes through (see the Contribute page)
    local_backend: str = "http://localhost:8081/api/v1"  # decap-server, used when /admin/ is opened on localhost

    @classmethod
    def from_site(cls, repo_url: str, edit_uri: str, extra: dict) -> EditorSettings:
        """From MkDocs' ``repo_url`` (``https://github.com/owner/name``), ``edit_uri`` (``edit/main/docs/``, whose
        branch the form writes to) and ``extra.editor`` (``auth_base_url``, ``local_backend``)."""
        repo = "/".join(repo_url.rstrip("/").split("/")[-2:]) if repo_url else "owner/name"
        parts = edit_uri.strip("/").split("/")
        branch = parts[1] if len(parts) > 1 and parts[0] == "edit" else "main"
        options = {k: str(v) for k, v in (extra or {}).items() if k in ("auth_base_url", "local_backend")}
        return cls(repo=repo, branch=branch, **options)


def decap_config(vocabularies: Vocabularies, settings: EditorSettings, lang: str = "en") -> dict:
    """The Decap CMS configuration (``admin/config.<lang>.yml``), its labels and messages in ``lang``."""
    form = _Form(vocabularies, lang)
    backend = {"name": "github", "repo": settings.repo, "branch": settings.branch}
    if settings.auth_base_url:
        backend["base_url"] = settings.auth_base_url
    return {
        "backend": backend,
        "local_backend": {"url": settings.local_backend},
        "publish_mode": "editorial_workflow",
        "locale": LOCALES[lang],
        # The media library of the header (not the form's uploads, which go into the entry's folder) saves here,
        # outside rounds/, lessons/ and docs/: nothing uploaded there is ever published.
        "media_folder": "uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [form.collection(model) for model in KINDS.values()],
    }


def config_yaml(config: dict) -> str:
    """``config`` as the YAML file Decap reads (the country list written once, then referred to)."""
    return "# Generated from the models and vocabularies by the build; do not edit.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True, width=120
    )


class _Form:
    """The widgets of one language."""

    def __init__(self, vocabularies: Vocabularies, lang: str) -> None:
        self.labels: Labels = vocabularies.labels
        self.lang = lang
        by_code, _ = iso_countries()
        countries = sorted(by_code.values(), key=lambda c: c.names.get(lang) or c.name)
        sdgs = vocabularies.sdgs.terms
        self.options = {  # one list object each, so that YAML writes it once (an anchor) and refers to it
            "country": [{"label": f"{c.names.get(lang) or c.name} ({c.code})", "value": c.code} for c in countries],
            "phase": [{"label": t.labels.get(lang) or t.label, "value": t.key} for t in vocabularies.phases.terms],
            "language": [{"label": f"{language_name(code)} ({code})", "value": code} for code in LANGUAGES],
            "license": [{"label": t.key, "value": t.key} for t in vocabularies.licenses.terms],
            "sdg": [{"label": f"{t.key}. {t.labels.get(lang) or t.label}", "value": int(t.key)} for t in sdgs],
            "added_value": [
                {"label": f"{t.key}. {t.labels.get(lang) or t.label}", "value": int(t.key)}
                for t in vocabularies.added_values.terms
            ],
        }

    def label(self, name: str) -> str:
        """The label of the field called ``name`` (``editor.fields.<name>`` in labels.yml); a language of
        ``translations`` by its name in CLDR."""
        if name in LANGUAGES:
            return capitalized(language_named(name, self.lang))
        return self.labels.text(f"editor.fields.{name}", self.lang)

    def collection(self, model: type[EntryFields]) -> dict:
        """The collection of a kind of entry: its folder, a folder per entry, and a widget per field."""
        schema = model.model_json_schema()
        required = set(schema.get("required", ()))
        fields = [
            self.widget(name, raw, name in required, schema.get("$defs", {}))
            for name, raw in schema["properties"].items()
            if name not in model.publication_fields
        ]
        body = "\n".join(f"## {section}\n" for section in model.sections)
        fields.append({"name": "body", "label": self.label("body"), "widget": "markdown", "default": body})
        return {
            "name": model.folder,
            "label": self.labels.text(f"kinds.{model.kind}.other", self.lang),
            "label_singular": self.labels.text(f"kinds.{model.kind}.one", self.lang),
            "folder": model.folder,
            "path": "{{slug}}/index",  # a folder per entry, so that its report and documents sit beside it
            "media_folder": "",  # uploads go into the entry's folder…
            "public_folder": "",  # …and the field holds the bare file name, as kb check requires
            "create": True,
            "delete": False,  # Decap deletes an entry by a commit straight to main: removing one is a pull request
            "extension": "md",
            "format": "frontmatter",
            "summary": "{{title}}",
            "sortable_fields": ["title", "date"],
            # Decap's preview shows bare Markdown, not the site's page, and halves the form's width (on a phone,
            # the form alone fits); the site's own preview is `python3 tasks.py serve` or the pull request's check.
            "editor": {"preview": False},
            "fields": fields,
        }

    def widget(self, name: str, raw: dict, required: bool, defs: dict) -> dict:
        """The widget of one field of the JSON Schema, with its rules."""
        schema = _nested(raw)
        field = {"name": name, "label": self.label(name), "required": required}
        if raw.get("description"):
            field["hint"] = raw["description"]
        if "default" in raw and raw["default"] not in (None, [], False):
            field["default"] = raw["default"]
        if "$ref" in schema:
            # Decap checks the fields of a group even when the group itself is left out, so in an optional group
            # none can be required (kb check still requires them when the group is given). An optional group
            # of groups (the translations) starts folded.
            group = self.group(schema, defs, within_optional=not required)
            folded = {"collapsed": True} if not required and all(f["widget"] == "object" for f in group) else {}
            return field | {"widget": "object", "fields": group, **folded}
        if schema.get("type") == "array":
            return field | self.listing(schema, defs)
        return field | self.value(schema)

    def group(self, schema: dict, defs: dict, within_optional: bool = False) -> list[dict]:
        model = defs[schema["$ref"].rsplit("/", 1)[-1]]
        required = set() if within_optional else set(model.get("required", ()))
        return [self.widget(n, s, n in required, defs) for n, s in model["properties"].items()]

    def listing(self, schema: dict, defs: dict) -> dict:
        item = _nested(schema["items"])
        limits = {k: schema[j] for k, j in (("min", "minItems"), ("max", "maxItems")) if j in schema}
        choices = self.choices(item)
        if choices is not None:
            return {"widget": "select", "multiple": True, "options": choices, **limits}
        if "$ref" in item:
            return {"widget": "list", "fields": self.group(item, defs), **limits}
        inner = {"name": "item", "label": self.label("item"), **self.value(item)}
        return {"widget": "list", "field": inner, **limits}

    def choices(self, schema: dict) -> list | None:
        """The options of a value taken from a vocabulary or a fixed set, labelled in the form's language."""
        if schema.get(VALUE_KEY) in self.options:
            return self.options[schema[VALUE_KEY]]
        if "enum" in schema:
            group = schema.get(LABELS_KEY)
            return [
                {"label": self.labels.text(f"{group}.{v}", self.lang) if group else str(v), "value": v}
                for v in schema["enum"]
            ]
        return None

    def value(self, schema: dict) -> dict:
        """The widget of one value (not a group, not a list)."""
        choices = self.choices(schema)
        if choices is not None:
            return {"widget": "select", "options": choices}
        if schema.get("format") == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
        if schema.get("type") == "integer":
            limits = {k: schema[j] for k, j in (("min", "minimum"), ("max", "maximum")) if j in schema}
            return {"widget": "number", "value_type": "int", **limits}
        if schema.get(VALUE_KEY) == "file":
            return {"widget": "file", "media_library": {"allow_multiple": False}}
        long = schema.get("maxLength", 0) >= TEXT_AREA and schema.get(VALUE_KEY) != "url"
        widget = {"widget": "text" if long else "string"}
        if schema.get(VALUE_KEY) == "url":
            widget["pattern"] = [URL_PATTERN, self.labels("editor.rules.url", self.lang)]
        elif "maxLength" in schema:
            limit = schema["maxLength"]
            widget["pattern"] = [f"^[\\s\\S]{{0,{limit}}}$", self.labels("editor.rules.max_length", self.lang, n=limit)]
        return widget


def _nested(schema: dict) -> dict:
    """An optional field's schema without its ``null``: ``anyOf: [X, null]`` -> X."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    return {**options[0], **{k: v for k, v in schema.items() if k != "anyOf"}} if len(options) == 1 else schema
