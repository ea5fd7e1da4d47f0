"""Keyword hygiene and skeleton placeholders: which spellings are near-duplicates, and who is warned."""

from __future__ import annotations

import random

import pytest

from knowledge_bank.hygiene import KeywordUse, keyword_key, keyword_warnings, placeholder_warnings
from knowledge_bank.source import read_source


def uses(*entries: list[str]) -> list[KeywordUse]:
    """Entry i (file e{i}.md) uses the keywords given, one per line from line 10."""
    return [KeywordUse(f"e{i}.md", 10 + j, j, k) for i, keywords in enumerate(entries) for j, k in enumerate(keywords)]


def messages(found) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message.split(";")[0]) for p in found]


def test_the_rarer_spelling_is_warned_and_told_the_common_one_and_its_count():
    found = keyword_warnings(uses(["Peer review"], ["Peer review"], ["Peer review"], ["Peer review"], ["Peer-reviews"]))
    assert messages(found) == [("e4.md", 10, '`keywords[0]`: "Peer-reviews" looks like "Peer review" (4 entries)')]
    assert found[0].field == "keywords[0]" and not found[0].is_error
    assert 'write "Peer review"' in found[0].message


@pytest.mark.parametrize(
    ("variant", "common"),
    [
        ("peer review", "Peer review"),  # case
        ("Políticas públicas", "Politicas publicas"),  # accents
        ("Peer-to-peer", "Peer to peer"),  # punctuation
        ("Cash transfers", "Cash transfer"),  # plural
        ("Social registries", "Social registry"),  # -ies
        ("Adultos mayores", "Adulto mayor"),  # Spanish -es
        ("Acciones", "Acción"),
        ("Políticas sociais", "Política social"),  # Portuguese -ais
        ("Monitorng", "Monitoring"),  # a letter missing
        ("Evalaution", "Evaluation"),  # two letters swapped
        ("Labor market", "Labour market"),
    ],
)
def test_near_duplicates(variant, common):
    found = keyword_warnings(uses([common], [common], [variant]))
    assert messages(found) == [("e2.md", 10, f'`keywords[0]`: "{variant}" looks like "{common}" (2 entries)')]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Care systems", "Care services"),
        ("Conditional cash transfers", "Unconditional cash transfers"),
        ("Formal employment", "Informal employment"),
        ("Health", "Wealth"),  # one letter apart but short: different words
        ("Agenda 2030", "Agenda 2031"),  # different numbers
        ("Phase 1", "Phase 2"),
        ("Social inclusion", "Social exclusion"),
    ],
)
def test_different_keywords_are_left_alone(one, other):
    assert keyword_warnings(uses([one], [other], [one])) == []


def test_identical_spellings_never_warn():
    assert keyword_warnings(uses(["Care systems"], ["Care systems"], ["Care systems", "Peer review"])) == []


def test_a_tie_is_decided_by_spelling_whatever_the_order_of_the_files():
    base = uses(["Cash transfers"], ["cash transfer"], ["Cash transfer"])
    expected = sorted(messages(keyword_warnings(base)))
    assert {m[2].split('"')[1] for m in expected} == {"Cash transfers", "cash transfer"}
    assert all('looks like "Cash transfer" (1 entry)' in m[2] for m in expected)
    for seed in range(5):
        shuffled = base[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(messages(keyword_warnings(shuffled))) == expected


def test_every_use_of_a_variant_is_pointed_at():
    found = keyword_warnings(
        uses(["Care systems"], ["Care systems"], ["Care systems"], ["Peer review", "care system"], ["care system"])
    )
    assert [(p.path, p.line) for p in found] == [("e3.md", 11), ("e4.md", 10)]
    assert all('looks like "Care systems" (3 entries)' in p.message for p in found)


def test_keys():
    assert keyword_key("Peer-reviews") == keyword_key("peer review") == "peerreview"
    assert keyword_key("Niñez") == keyword_key("ninez")


def test_placeholders_are_warned_on_their_line_with_their_field():
    text = "---\ntitle: T  # FILL IN a title\nsummary: >-\n  FILL IN a summary\n  on two lines\n---\n## Findings\nFILL IN\n"
    found = placeholder_warnings(read_source("x.md", text.encode()))
    assert [(p.line, p.field) for p in found] == [(3, "summary"), (8, "")], "a comment is not a value"
    assert "`summary` still holds" in found[0].message and "text still holds" in found[1].message
    assert all(not p.is_error for p in found)
