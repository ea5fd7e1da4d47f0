"""The one YAML reader: the same rules for front matter and vocabulary files, messages worded for each."""

import pytest

from knowledge_bank.yaml_reader import Wording, read_yaml

VOCABULARY = Wording("the file", "in vocabulary files")


def test_a_list_is_read_with_the_line_of_every_item_and_key():
    doc = read_yaml("- key: a\n  labels: {en: A}\n- key: b\n", VOCABULARY, max_chars=1000)
    assert doc.data == [{"key": "a", "labels": {"en": "A"}}, {"key": "b"}]
    assert doc.lines[(0,)] == 1 and doc.lines[(0, "labels", "en")] == 2 and doc.lines[(1, "key")] == 3
    assert not doc.problems


def test_the_rules_are_those_of_front_matter():
    doc = read_yaml("NO: [yes, on, off]\n<<: x\n", VOCABULARY, max_chars=1000)
    assert doc.data == {"NO": ["yes", "on", "off"], "<<": "x"}


def test_messages_name_what_is_read_and_count_lines_from_its_first():
    aliases = read_yaml("a: &x 1\nb: *x\n", VOCABULARY, max_chars=1000)
    assert aliases.problems == [
        (1, "", "YAML anchors and aliases (`&name`, `*name`) are not allowed in vocabulary files")
    ]
    broken = read_yaml("title: T\nkeywords: [a\n", Wording(first_line=2), max_chars=1000)
    assert broken.problems[0][0] == 3 and broken.problems[0][2].startswith("the front matter is not valid YAML")
    long = read_yaml("a: " + "x" * 50, VOCABULARY, max_chars=20)
    assert long.problems == [(1, "", "the file is 53 characters long; at most 20 are allowed")]


def test_every_invisible_character_is_refused():
    """Control and format characters, the blank fillers and every noncharacter: all of them, checked against
    Unicode's own categories, and nothing a real text needs (letters, spaces, punctuation, tab and newline)."""
    import sys
    import unicodedata

    from knowledge_bank.hidden_characters import HIDDEN

    fillers = {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:  # never out of UTF-8, but an escape in double quotes writes one
            assert HIDDEN.fullmatch(chr(code)), f"U+{code:04X} (a lone surrogate)"
            continue
        char = chr(code)
        category = unicodedata.category(char)
        noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
        hidden = (category == "Cc" and char not in "\t\n") or category == "Cf" or code in fillers or noncharacter
        if category == "Cn" and not noncharacter:
            continue  # unassigned in this Python's Unicode, perhaps a format character of a later one
        assert bool(HIDDEN.fullmatch(char)) == hidden, f"U+{code:04X} {unicodedata.name(char, category)}"


def test_a_line_break_only_yaml_sees_is_reported_and_read_as_a_space():
    doc = read_yaml("a: 1 # note\u2028published: true\nb: 2\n", Wording(first_line=2), max_chars=1000)
    assert doc.data == {"a": 1, "b": 2}
    assert [(line, "U+2028" in message) for line, _, message in doc.problems] == [(2, True)]


def test_a_field_name_not_written_plainly_is_not_read():
    doc = read_yaml('title: T\n"publ\\x69shed": true\n', Wording(first_line=2), max_chars=1000)
    assert doc.data == {"title": "T"} and doc.problems[0][:2] == (3, "published")


def test_an_escape_that_names_no_character_is_reported_not_raised():
    """PyYAML's own reading raised on `\\U00110000` (a ValueError, not a YAML error): the build stopped with a
    traceback instead of the file's line."""
    doc = read_yaml('title: T\nsummary: "A \\U00110000"\n', Wording(first_line=2), max_chars=1000)
    assert doc.problems == [
        (
            3,
            "",
            "the front matter is not valid YAML: the escape `\\U00110000` names no character (the last is "
            "`\\U0010FFFF`); write the character itself",
        )
    ]
    assert read_yaml('a: "\\UFFFFFFFF"\n', VOCABULARY, max_chars=1000).problems[0][0] == 1  # an OverflowError


def test_a_lone_surrogate_written_as_an_escape_is_an_invisible_character():
    doc = read_yaml('title: T\nsummary: "x\\ud800y"\n', Wording(first_line=2), max_chars=1000)
    assert doc.problems == [
        (
            3,
            "summary",
            "`summary` contains the invisible character U+D800 (a lone surrogate); delete it (it can hide or "
            "reorder text)",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "title: T\n? published\n: true\n",
        "title: T\n?\n  published\n: true\n",  # the `?` alone on its line
        "title: T\n? # a comment\n  published\n: true\n",
        "title: T\nactors: {?\n published: true}\n",
        "title: T\nactors: [?\n published: true]\n",
    ],
)
def test_a_field_name_after_a_question_mark_is_not_read_however_it_is_laid_out(text):
    doc = read_yaml(text, Wording(first_line=2), max_chars=1000)
    assert "published" not in str(doc.data) and any("after a question mark" in m for _, _, m in doc.problems)


def test_a_question_mark_in_a_value_or_a_comment_is_no_complex_key():
    doc = read_yaml("title: Why?\n# who? when?\npublished: true\nnote: 'a ?'\n", VOCABULARY, max_chars=1000)
    assert doc.data == {"title": "Why?", "published": True, "note": "a ?"} and not doc.problems
