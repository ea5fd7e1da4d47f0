"""Vocabularies are data: every term has labels in four languages, and lookups ignore case and accents."""

import re

import pytest

from knowledge_bank.vocabularies import LANGUAGES, load_vocabularies

from .conftest import ROOT


@pytest.fixture(scope="module")
def vocab():
    return load_vocabularies(ROOT / "vocabularies")


def test_phases_in_cycle_order(vocab):
    assert vocab.phases.keys() == ["identification", "formulation", "implementation", "monitoring", "evaluation"]


@pytest.mark.parametrize(
    ("alias", "key"),
    [
        ("design", "formulation"),
        ("Reform", "formulation"),
        ("Implementación", "implementation"),
        ("implementacion", "implementation"),
        ("Évaluation", "evaluation"),
    ],
)
def test_phase_aliases(vocab, alias, key):
    assert vocab.phases.lookup(alias).key == key


def test_seventeen_sdgs_with_official_colours(vocab):
    assert [t.key for t in vocab.sdgs.terms] == [str(n) for n in range(1, 18)]
    assert vocab.sdgs["1"].colour.upper() == "#E5243B"
    assert vocab.sdgs["17"].colour.upper() == "#19486A"
    assert vocab.sdgs["1"].labels["en"] == "No poverty"
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", t.colour) for t in vocab.sdgs.terms)


def test_six_added_values(vocab):
    assert [t.key for t in vocab.added_values.terms] == [str(n) for n in range(1, 7)]
    assert vocab.added_values["3"].label.lower().startswith("sharing knowledge")


@pytest.mark.parametrize("name", ["phases", "sdgs", "added_values"])
def test_every_term_has_four_labels(vocab, name):
    for term in getattr(vocab, name).terms:
        assert set(term.labels) == set(LANGUAGES)
        assert all(label.strip() for label in term.labels.values())
