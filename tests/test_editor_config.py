"""The editors' form (Decap CMS at /admin/) against the models: every field the models accept has a widget, with
the same rules, and nothing else; the fields that decide publication have none.

Each rule the form states is tried on the model itself: every value a select offers is accepted, a value it does
not offer is refused, a list one item past its limit is refused, a required field left out is refused, an optional
one left out is accepted. So the form and the models cannot drift apart unnoticed.
"""

from __future__ import annotations

import copy
import re
import typing

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from knowledge_bank.countries import CountryResolver
from knowledge_bank.editor_config import EditorSettings, config_yaml, decap_config
from knowledge_bank.kinds import KINDS
from knowledge_bank.models import ModelContext
from knowledge_bank.vocabularies import load_vocabularies

from .helpers import ROOT

VOCAB = load_vocabularies(ROOT / "vocabularies")
CONTEXT = {"kb": ModelContext(VOCAB, CountryResolver(VOCAB.country_aliases))}
SETTINGS = EditorSettings(repo="knowledge-bank/knowledge-bank")
CONFIG = decap_config(VOCAB, SETTINGS)
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}

COMMON = {
    "title": "A title",
    "summary": "A summary.",
    "date": "2024-05-02",
    "language": "es",
    "phase": "formulation",
    "sdgs": [5],
    "keywords": ["care"],
    "license": "CC-BY-SA-4.0",
}
ROUND = COMMON | {
    "beneficiary": {"country": "PE", "institution": "Ministry"},
    "cooperating": [{"country": "UY", "institution": "MIDES"}],
    "initiative": "Care system",
    "objective": "A design",
    "panel": [{"name": "Ana", "role": "specialist", "country": "UY", "institution": "MIDES"}],
    "visit": {"start": "2024-03-04", "end": "2024-03-06", "place": "Lima"},
    "reference_documents": [{"title": "Law", "url": "https://example.org/law"}],
    "report": {"file": "report.pdf", "pages": 12},
}
LESSON = COMMON | {
    "knowledge_type": "good-practice",
    "author": "Red Calle",
    "countries": ["CL"],
    "actors": [{"name": "IILA", "country": "IT"}],
    "added_values": [1, 3],
}
# Every field present in at least one sample; a sample for each side of a rule across fields.
TRANSLATION = {"title": "Translated title", "summary": "Translated summary."}
TRANSLATED = [  # an entry in English with its title and summary in the three other languages; one in Spanish
    {"language": "en", "translations": {"es": TRANSLATION, "pt": TRANSLATION, "fr": TRANSLATION}},
    {"language": "es", "translations": {"en": TRANSLATION}},
]
SAMPLES = {
    "rounds": [
        ROUND,
        ROUND | {"reference_documents": [{"title": "Guide", "file": "guide.pdf"}]},
        *(ROUND | t for t in TRANSLATED),
    ],
    "lessons": [LESSON, *(LESSON | t for t in TRANSLATED)],
}
# What the form cannot say, and kb check does: a group's fields required only when the group is given (Decap
# checks them even when the group is left out), and "a reference document has a `url` or a `file`, not both".
REQUIRED_WITHIN_OPTIONAL_GROUP = {("visit", "start"), ("visit", "end")} | {
    ("translations", lang, name) for lang in ("en", "es", "pt", "fr") for name in ("title", "summary")
}
ONE_OF = {("reference_documents", "url"), ("reference_documents", "file")}


def valid(folder: str, data: dict) -> bool:
    try:
        KINDS[folder].model_validate(data, context=CONTEXT)
    except ValidationError:
        return False
    return True


def widgets(fields: list[dict], path: tuple = ()):
    """(path of names, widget) of every widget, groups' and lists' fields included."""
    for field in fields:
        here = (*path, field["name"])
        yield here, field
        yield from widgets(field.get("fields", []), here)


def locate(data: dict, names: tuple) -> tuple[dict, str] | None:
    """The dict holding the field at ``names`` (a list's first item standing for the list) and the field's name."""
    holder: object = data
    for name in names[:-1]:
        holder = holder.get(name) if isinstance(holder, dict) else None
        if isinstance(holder, list):
            holder = holder[0] if holder else None
    return (holder, names[-1]) if isinstance(holder, dict) and names[-1] in holder else None


def with_value(folder: str, names: tuple, value: object) -> dict:
    """A sample where the field at ``names`` is present, with ``value`` in place (``...`` removes the field)."""
    for sample in SAMPLES[folder]:
        data = copy.deepcopy(sample)
        found = locate(data, names)
        if found:
            holder, name = found
            if value is ...:
                del holder[name]
            else:
                holder[name] = value
            return data
    raise AssertionError(f"no sample has {'.'.join(names)}: add it to SAMPLES")


@pytest.mark.parametrize("folder", KINDS)
def test_the_samples_are_valid(folder):
    assert all(valid(folder, sample) for sample in SAMPLES[folder])


def group_model(model: type[BaseModel], names: tuple) -> type[BaseModel]:
    """The model of the group of fields at ``names`` (``("panel",)`` -> PanelMember)."""
    for name in names:
        kinds = [model.model_fields[name].annotation]
        while not (isinstance(kinds[0], type) and issubclass(kinds[0], BaseModel)):
            kinds = [a for a in typing.get_args(kinds[0]) if a is not type(None)]
        model = kinds[0]
    return model


@pytest.mark.parametrize("folder", KINDS)
def test_every_field_the_model_accepts_has_a_widget_and_nothing_else(folder):
    model = KINDS[folder]
    form = {f["name"] for f in COLLECTIONS[folder]["fields"]}
    assert form == set(model.model_fields) - set(model.publication_fields) | {"body"}
    groups = [(n, w) for n, w in widgets(COLLECTIONS[folder]["fields"]) if "fields" in w]
    assert groups
    for names, widget in groups:
        assert {f["name"] for f in widget["fields"]} == set(group_model(model, names).model_fields)


@pytest.mark.parametrize("folder", KINDS)
def test_required_and_optional_as_the_model_says(folder):
    for names, widget in widgets(COLLECTIONS[folder]["fields"]):
        if names == ("body",):
            continue
        accepted = valid(folder, with_value(folder, names, ...))
        if widget["required"]:
            assert not accepted, f"{'.'.join(names)} is required by the form but not by the model"
        elif names in REQUIRED_WITHIN_OPTIONAL_GROUP:
            assert not accepted and not locate(with_value(folder, names[:1], ...), names)
        elif tuple(n for n in names if n) in ONE_OF:
            assert not accepted  # the other one of the pair is missing in this sample
        else:
            assert accepted, f"{'.'.join(names)} is optional in the form but required by the model"


@pytest.mark.parametrize("folder", KINDS)
def test_selects_offer_exactly_what_the_model_accepts(folder):
    selects = [(n, w) for n, w in widgets(COLLECTIONS[folder]["fields"]) if w["widget"] == "select"]
    assert selects
    for names, widget in selects:
        values = [option["value"] for option in widget["options"]]
        assert len(values) == len(set(values))
        for value in values:
            assert valid(folder, with_value(folder, names, [value] if widget.get("multiple") else value)), value
        unlisted = 99 if isinstance(values[0], int) else "zz"
        assert not valid(folder, with_value(folder, names, [unlisted] if widget.get("multiple") else unlisted))


@pytest.mark.parametrize("folder", KINDS)
def test_lists_have_the_models_limits(folder):
    lists = [(n, w) for n, w in widgets(COLLECTIONS[folder]["fields"]) if w["widget"] == "list" or w.get("multiple")]
    assert lists
    for names, widget in lists:
        # distinct values for a select, copies of the sample's first item otherwise
        items = (
            [o["value"] for o in widget["options"]] if widget.get("multiple") else [_sample_item(folder, names)] * 20
        )
        low, high = widget.get("min", 0), widget.get("max")
        if low:
            assert valid(folder, with_value(folder, names, items[:low]))
            assert not valid(folder, with_value(folder, names, items[: low - 1]))
        if high is not None:
            assert valid(folder, with_value(folder, names, items[:high]))
            assert not valid(folder, with_value(folder, names, items[: high + 1]))
        else:
            assert valid(folder, with_value(folder, names, items[: max(low, 1) + 4]))


def _sample_item(folder: str, names: tuple) -> object:
    for sample in SAMPLES[folder]:
        found = locate(copy.deepcopy(sample), names)
        if found and found[0][found[1]]:
            return found[0][found[1]][0]
    raise AssertionError(names)


@pytest.mark.parametrize("folder", KINDS)
def test_texts_numbers_and_dates_have_the_models_rules(folder):
    for names, widget in widgets(COLLECTIONS[folder]["fields"]):
        kind = widget["widget"]
        rule = widget.get("field", widget)  # a list of texts: the rule is its item's
        if names == ("body",):
            assert kind == "markdown"
        elif kind in ("string", "text") or rule.get("pattern"):
            pattern = re.compile(rule["pattern"][0])
            limit = re.search(r"\{0,(\d+)\}", rule["pattern"][0])
            if limit:
                n = int(limit[1])
                text = "x" * n
                for ok, value in ((True, text), (False, text + "x")):
                    assert bool(pattern.search(value)) is ok
                    assert valid(folder, with_value(folder, names, [value] if kind == "list" else value)) is ok
            else:  # a web address
                for ok, value in ((True, "https://example.org/a"), (False, "example.org/a")):
                    assert bool(pattern.search(value)) is ok
                    assert valid(folder, with_value(folder, names, value)) is ok
        elif kind == "number":
            assert widget["value_type"] == "int"
            for value, ok in ((widget["min"], True), (widget["max"], True), (widget["min"] - 1, False)):
                assert valid(folder, with_value(folder, names, value)) is ok
            assert not valid(folder, with_value(folder, names, widget["max"] + 1))
        elif kind == "datetime":
            assert (widget["format"], widget["date_format"], widget["time_format"]) == ("YYYY-MM-DD",) * 2 + (False,)
            holder, name = locate(with_value(folder, names, "2024-03-05"), names)  # the middle of the sample's visit
            assert valid(folder, with_value(folder, names, holder[name]))  # the form's format, as the form writes it
            assert not valid(folder, with_value(folder, names, "03/05/2024"))
        elif kind == "file":
            assert valid(folder, with_value(folder, names, "final-report.pdf"))
            assert not valid(folder, with_value(folder, names, "../other/report.pdf"))


def test_the_form_never_writes_what_decides_publication():
    for folder, model in KINDS.items():
        names = {n for path, _ in widgets(COLLECTIONS[folder]["fields"]) for n in path}
        assert not names & {"published", "authorization"}
        assert set(model.publication_fields) >= {"published"}
    text = config_yaml(CONFIG)
    assert not re.search(r"\b(published|authorization|granted_by)\b", text)


def test_new_entries_get_a_folder_their_files_and_a_body_with_the_kinds_sections():
    for folder, model in KINDS.items():
        collection = COLLECTIONS[folder]
        assert (collection["folder"], collection["path"]) == (folder, "{{slug}}/index")
        assert (collection["media_folder"], collection["public_folder"]) == ("", "")
        assert (collection["create"], collection["delete"]) == (True, False)  # deleting commits straight to main
        body = collection["fields"][-1]["default"]
        assert re.findall(r"^## (.+)$", body, re.M) == list(model.sections)
    assert CONFIG["publish_mode"] == "editorial_workflow"


def test_the_yaml_reads_back_as_the_configuration_in_every_language():
    for lang in ("en", "es", "pt", "fr"):
        config = decap_config(VOCAB, SETTINGS, lang)
        assert yaml.safe_load(config_yaml(config)) == config
        assert config["locale"] == lang
    spanish = {c["name"]: c for c in decap_config(VOCAB, SETTINGS, "es")["collections"]}
    assert spanish["rounds"]["fields"][0]["label"] == "Título"


def test_settings_come_from_the_sites_configuration():
    settings = EditorSettings.from_site(
        "https://github.com/ops/bank/", "edit/trunk/docs/", {"auth_base_url": "https://auth.example.org"}
    )
    assert (settings.repo, settings.branch, settings.auth_base_url) == ("ops/bank", "trunk", "https://auth.example.org")
    backend = decap_config(VOCAB, settings)["backend"]
    assert backend == {"name": "github", "repo": "ops/bank", "branch": "trunk", "base_url": "https://auth.example.org"}
