"""Country resolution: ISO codes and names in four languages, case- and accent-insensitive."""

import pytest

from knowledge_bank.countries import CountryResolver
from knowledge_bank.vocabularies import load_vocabularies

from .helpers import ROOT


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    return CountryResolver(load_vocabularies(ROOT / "vocabularies").country_aliases)


@pytest.mark.parametrize("spelling", ["Brasil", "Brésil", "Brazil", "BR", "BRA", "brasil", "BRESIL", "bra"])
def test_every_spelling_of_brazil_is_one_country(resolver, spelling):
    assert resolver.resolve(spelling).code == "BR"


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Perú", "PE"),
        ("peru", "PE"),
        ("Pérou", "PE"),
        ("México", "MX"),
        ("Mexique", "MX"),
        ("Paraguai", "PY"),
        ("Estados Unidos", "US"),
        ("États-Unis", "US"),
        ("Bolivia", "BO"),
        ("Bolívia", "BO"),
        ("Haïti", "HT"),
        ("República Dominicana", "DO"),
        ("Italia", "IT"),
        ("NO", "NO"),
        ("Trinidad and Tobago", "TT"),
    ],
)
def test_names_in_four_languages(resolver, spelling, code):
    assert resolver.resolve(spelling).code == code


def test_decomposed_accents_match(resolver):
    assert resolver.resolve("Peru\u0301").code == "PE"  # "Perú" written with a combining accent


def test_display_names_are_short_and_translated(resolver):
    bolivia = resolver.resolve("BO")
    assert bolivia.name == "Bolivia"
    assert bolivia.names == {"en": "Bolivia", "es": "Bolivia", "pt": "Bolívia", "fr": "Bolivie"}


def test_ambiguous_short_forms_are_not_guessed(resolver):
    assert resolver.resolve("Corea") is None  # two Koreas: the editor must say which


@pytest.mark.parametrize(("typo", "expected"), [("Paragay", "Paraguay"), ("Brazl", "Brazil"), ("Colombai", "Colombia")])
def test_unknown_names_suggest_the_nearest(resolver, typo, expected):
    assert resolver.resolve(typo) is None
    assert resolver.suggest(typo)[0] == expected
