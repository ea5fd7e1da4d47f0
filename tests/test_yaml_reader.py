"""The one YAML reader: the same rules for front matter and vocabulary files, messages worded for each."""

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
