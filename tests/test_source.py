"""Reading a file: front matter with the line of every field, YAML pitfalls turned into problems."""

from knowledge_bank.source import read_source


def test_lines_of_fields_and_list_items():
    src = read_source("x.md", b"---\ntitle: T\npanel:\n  - name: A\n  - name: B\n---\nBody\n")
    assert src.ok
    assert src.line_of(("title",)) == 2
    assert src.line_of(("panel", 1, "name")) == 5
    assert src.line_of(("panel", 1, "missing")) == 5
    assert src.body.strip() == "Body" and src.body_line == 7


def test_only_true_and_false_are_booleans():
    src = read_source("x.md", b"---\npublished: yes\ncountry: NO\nflag: false\n---\n")
    assert src.data == {"published": "yes", "country": "NO", "flag": False}


def test_repeated_key_is_reported_with_both_lines():
    src = read_source("x.md", b"---\ntitle: A\nsummary: S\ntitle: B\n---\n")
    assert src.problems == [(4, "title", "`title` is given twice (first on line 2); keep one")]


def test_bom_and_crlf_are_accepted():
    src = read_source("x.md", "\ufeff---\r\ntitle: Perú\r\n---\r\nBody\r\n".encode())
    assert src.ok and src.data == {"title": "Perú"}


def test_latin1_is_rejected_with_its_line():
    src = read_source("x.md", "---\ntitle: Niñez\n---\n".encode("latin-1"))
    assert [(line, "UTF-8" in message) for line, _, message in src.problems] == [(2, True)]


def test_object_constructing_tags_are_rejected():
    src = read_source("x.md", b"---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n")
    assert not src.ok and src.data == {}


def test_aliases_are_refused():
    bomb = b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n"
    src = read_source("x.md", bomb)
    assert not src.ok and "anchors and aliases" in src.problems[0][2]


def test_unclosed_bracket_points_at_its_start():
    src = read_source("x.md", b"---\ntitle: T\nkeywords: [a, b\nsummary: S\n---\n")
    assert src.problems[0][0] == 3


def test_front_matter_must_be_a_mapping_and_closed():
    assert "set of `field: value`" in read_source("x.md", b"---\n- a\n---\n").problems[0][2]
    assert (
        "never closed: add a line `---` after the last field" in read_source("x.md", b"---\ntitle: T\n").problems[0][2]
    )
    assert "must start with front matter" in read_source("x.md", b"# Title\n").problems[0][2]
