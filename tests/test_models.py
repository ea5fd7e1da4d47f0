"""The content model, validated directly (no build): what passes, what fails and how it is said."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from knowledge_bank.countries import CountryResolver
from knowledge_bank.kinds.lesson import Lesson
from knowledge_bank.kinds.round import Round
from knowledge_bank.models import ModelContext
from knowledge_bank.vocabularies import load_vocabularies

from .helpers import ROOT

VOCAB = load_vocabularies(ROOT / "vocabularies")
CONTEXT = {"kb": ModelContext(VOCAB, CountryResolver(VOCAB.country_aliases))}

LESSON = {
    "title": "A lesson",
    "summary": "What was learnt.",
    "published": True,
    "date": dt.date(2024, 6, 1),
    "phase": "implementation",
    "sdgs": [1],
    "keywords": ["Peer review"],
    "knowledge_type": "lesson-learnt",
    "author": "Red Calle",
    "countries": ["Chile", "URY", "Brésil"],
    "actors": [{"name": "IILA", "country": "Italia"}],
    "added_values": [1, 3, 4],
}
ROUND = {
    "title": "A round",
    "summary": "What the panel found.",
    "published": True,
    "date": dt.date(2025, 3, 1),
    "phase": "design",
    "sdgs": [1, 5],
    "keywords": ["Care systems"],
    "beneficiary": {"country": "Perú", "institution": "Ministry"},
    "cooperating": [{"country": "UY", "institution": "MIDES"}],
    "initiative": "Care system",
    "objective": "Recommendations",
    "authorization": {"granted_by": "Ministry", "date": dt.date(2025, 2, 20)},
}


def errors(model, data) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data, context=CONTEXT)
    return [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()]


def test_a_valid_lesson_normalises_countries_and_phase():
    lesson = Lesson.model_validate(LESSON, context=CONTEXT)
    assert lesson.countries == ["CL", "UY", "BR"]
    assert lesson.actors[0].country == "IT"
    assert lesson.language == "en"


def test_a_valid_round_resolves_phase_aliases():
    round_ = Round.model_validate(ROUND, context=CONTEXT)
    assert round_.phase == "formulation"
    assert round_.beneficiary.country == "PE"


def test_published_defaults_to_false():
    data = {k: v for k, v in LESSON.items() if k != "published"}
    assert Lesson.model_validate(data, context=CONTEXT).published is False


@pytest.mark.parametrize("value", ["true", "yes", 1, "1", "True"])
def test_published_must_be_a_real_boolean(value):
    assert errors(Lesson, LESSON | {"published": value}) == [(("published",), "bool_type")]


def test_published_round_needs_authorization():
    data = {k: v for k, v in ROUND.items() if k != "authorization"}
    assert errors(Round, data) == [((), "unauthorized")]
    assert Round.model_validate(data | {"published": False}, context=CONTEXT).authorization is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"cooperating": [{"country": c, "institution": "x"} for c in ("UY", "CL", "AR")]}, ("cooperating",)),
        ({"reference_documents": [{"title": "d", "url": "https://example.org"}] * 5}, ("reference_documents",)),
        ({"report": {"pages": 21}}, ("report", "pages")),
        ({"visit": {"start": dt.date(2025, 1, 5), "end": dt.date(2025, 1, 2)}}, ("visit",)),
        ({"reference_documents": [{"title": "d", "url": "javascript:alert(1)"}]}, ("reference_documents", 0, "url")),
        ({"reference_documents": [{"title": "d", "file": "../secret.pdf"}]}, ("reference_documents", 0, "file")),
        ({"reference_documents": [{"title": "d"}]}, ("reference_documents", 0)),
        ({"sdgs": []}, ("sdgs",)),
        ({"sdgs": [0]}, ("sdgs", 0)),
        ({"keywords": [f"k{i}" for i in range(13)]}, ("keywords",)),
        ({"title": "x" * 201}, ("title",)),
        ({"summary": "x" * 601}, ("summary",)),
        ({"language": "de"}, ("language",)),
        ({"phase": "nonsense"}, ("phase",)),
        ({"beneficiary": {"country": "Atlantis", "institution": "x"}}, ("beneficiary", "country")),
        ({"keyword": ["typo"]}, ("keyword",)),
    ],
)
def test_round_rules(change, expected):
    assert expected in [loc for loc, _ in errors(Round, ROUND | change)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"countries": []}, ("countries",)),
        ({"added_values": [7]}, ("added_values", 0)),
        ({"knowledge_type": "anecdote"}, ("knowledge_type",)),
        ({"actors": [{"name": "x", "country": "Narnia"}]}, ("actors", 0, "country")),
    ],
)
def test_lesson_rules(change, expected):
    assert expected in [loc for loc, _ in errors(Lesson, LESSON | change)]
