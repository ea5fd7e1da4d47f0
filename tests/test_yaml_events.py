"""A text that breaks no rule is read in one pass over libyaml's events (knowledge_bank.yaml_events): the same data,
lines and scalars as the reading of its node tree, and a text that breaks a rule is left to that reading, which
words the problem."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge_bank import yaml_reader
from knowledge_bank.yaml_events import read_events
from knowledge_bank.yaml_reader import Wording, read_yaml

from .helpers import ROOT, fast_run

# Lines of every kind of YAML the rules look at (yaml_rules.py), at several depths, to be put together in any order.
LINES = [
    "title: Plain text, with: a colon",
    "title: 'single ''quoted'''",
    'title: "double \\u00e9 \\" quoted"',
    'title: "an escaped \\u200b space"',
    "title: é ñ ü ç",
    "title: a\u200bb",
    "title: Why?",
    "date: 2024-02-03",
    "date: 2024-02-30",
    "date: 2024-02-03 10:20:30",
    "n: 12",
    "n: 0x1F",
    "n: 1_000",
    "n: " + "9" * 30,
    "f: 1.5e3",
    "f: .inf",
    "b: yes",
    "b: true",
    "b: FALSE",
    "x: ~",
    "x: null",
    "x:",
    "k: ''",
    "'quoted': 1",
    '"publ\\x69shed": true',
    "? key",
    "?",
    "? # a comment",
    "  published",
    ": true",
    "{?",
    ": value",
    "[a, b]: list key",
    "a: &anchor 1",
    "b: *anchor",
    "c: !!str 5",
    "list: [1, two, 2024-01-01, {a: b}]",
    "map: {a: 1, b: [x, y]}",
    "list:",
    "- item",
    "- - nested",
    "- key: in an item",
    "  key: in an item",
    "  - indented item",
    "  key: value",
    "    deeper: value",
    "text: |",
    "  a block of text",
    "folded: >-",
    "---",
    "...",
    "# a comment",
    "k: v # comment",
    "k: a: b",
    "\tk: tab",
    "dup: 1",
    "dup: 2",
    "1: number key",
    "~: null key",
    "<<: merge",
    "=: value",
    "k: [",
    "k: 'unclosed",
    "deep: " + "[" * 20 + "x" + "]" * 20,  # 21 levels with the group: one too many (yaml_rules.MAX_DEPTH)
    "deep: " + "[" * 19 + "x" + "]" * 19,
    "%YAML 1.1",
    "",
]


def by_nodes(text: str, first_line: int = 1) -> yaml_reader.YamlDocument:
    """The text read as before there was a one-pass reading: its node tree (or PyYAML's careful reading)."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(yaml_reader, "read_events", lambda text, first_line: None)
        return read_yaml(text, Wording(first_line=first_line), max_chars=100_000)


@settings(max_examples=150 if fast_run() else 1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12), st.integers(min_value=1, max_value=3))
def test_what_is_read_in_one_pass_is_what_the_node_tree_reads(lines, first_line):
    text = "\n".join(lines) + "\n"
    read = read_events(text, first_line)
    doc = by_nodes(text, first_line)
    if read is not None:
        assert not doc.problems, "a text the one pass reads breaks no rule"
        assert read == (doc.data, doc.lines, doc.raw_scalars)


SOURCES = sorted(
    p.relative_to(ROOT).as_posix()
    for pattern in ("rounds/**/*.md", "lessons/**/*.md", "vocabularies/*.yml", "tests/fixtures/**/*.md")
    for p in ROOT.glob(pattern)
)


@pytest.mark.parametrize("path", SOURCES)
def test_every_front_matter_and_vocabulary_file_of_the_repository_is_read_alike(path):
    text = (ROOT / path).read_bytes().decode("utf-8", errors="replace")  # a fixture is not UTF-8
    if path.endswith(".md"):
        front = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
        if front is None:
            return  # no front matter to read (a fixture of that problem)
        text = front[1]
    read = read_events(text, 2)
    doc = by_nodes(text, 2)
    if read is None:
        assert doc.problems, f"{path} breaks no rule, yet it is not read in one pass"
    else:
        assert not doc.problems and read == (doc.data, doc.lines, doc.raw_scalars)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: !!str 1\n",  # a tag
        "'a': 1\n",  # a key in quotes
        "? a\n: 1\n",  # a key after a question mark
        "a: 1\na: 2\n",  # a key twice
        "[a]: 1\n",  # a list as a key
        'a: "x\\u200by"\n',  # an invisible character written as an escape
        "a: x\u200by\n",  # and as itself
        "a: 2024-02-30\n",  # a date YAML cannot construct
        "a: 1\n---\nb: 2\n",  # two documents
        "a: " + "[" * 20 + "x" + "]" * 20 + "\n",  # nested too deeply: 21 levels
        "a:\n\tb: 1\n",  # a tab
        "a: [\n",  # not YAML
        'a: "\\U00110000"\n',  # an escape of no character
        'a: "\\ud800"\n',  # a lone surrogate
    ],
)
def test_a_text_that_breaks_a_rule_is_left_to_the_careful_reading(text):
    assert read_events(text, 1) is None
    assert read_yaml(text, Wording(), max_chars=1000).problems
