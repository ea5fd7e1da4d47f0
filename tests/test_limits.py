"""Hostile front matter and bodies: each becomes a clear problem, in bounded time and memory."""

from __future__ import annotations

import pytest

from knowledge_bank import markup
from knowledge_bank.loader import load_content
from knowledge_bank.problems import Problem
from knowledge_bank.source import MAX_FRONT_MATTER

from .helpers import ROOT, content_root
from .hostile import VALID_LESSON


@pytest.fixture
def load(tmp_path):
    root = content_root(tmp_path)

    def load_text(text: str | bytes) -> list[str]:
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        (root / "lessons" / "hostile.md").write_bytes(raw)
        content = load_content(root)
        return [p.format() for p in content.problems if p.is_error]

    return load_text


def _with(field_line: str, replacement: str) -> str:
    assert field_line in VALID_LESSON
    return VALID_LESSON.replace(field_line, replacement, 1)


BOMB = (
    "---\na: &a [x, x]\n"
    + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    + "---\n"
)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (BOMB, 2, "anchors and aliases"),
        (_with("author: Example project", "author: " + "[" * 100_000 + "]" * 100_000), 1, "front matter is 200,"),
        (_with("author: Example project", "author: " + "[" * 5000 + "]" * 5000), 10, "nested more than 20 levels"),
        (_with("author: Example project", "author: " + "{a: " * 3000 + "1" + "}" * 3000), 10, "nested more than"),
        (
            _with("author: Example project", "author: " + "x" * (MAX_FRONT_MATTER + 1)),
            1,
            "long text belongs in the body",
        ),
        ("---\ntitle: x\n---\n" + "x" * 2_000_000, 1, "an entry must be under 1,000,000 bytes"),
        (
            _with("keywords: [Peer review]", "keywords: [" + ", ".join(f"k{i}" for i in range(2000)) + "]"),
            8,
            "at most 12",
        ),
        (_with("date: 2024-06-01", "date: 2024-13-45"), 5, "“2024-13-45” is not a valid date"),
        (_with("date: 2024-06-01", "date: 99999-01-01"), 5, "must be a date written YYYY-MM-DD"),
        (_with("sdgs: [1]", "sdgs: [" + "9" * 5000 + "]"), 7, "is not a valid number"),
        (_with("sdgs: [1]", "sdgs: [1e400]"), 7, "sdgs[0]"),
        (_with("sdgs: [1]", "sdgs: [.nan]"), 7, "sdgs[0]"),
        (_with("author: Example project", "author: !!python/object/apply:os.system ['true']"), 10, "YAML tags"),
        (_with("author: Example project", "author: !!binary aGVsbG8="), 10, "YAML tags"),
        (_with("author: Example project", "author: !custom x"), 10, "YAML tags"),
        (_with("author: Example project", "author: Example\n<<: {title: Merged}"), 11, "unknown field `<<`"),
        (_with("author: Example project", "author: Example\n=: x"), 11, "unknown field `=`"),
        (_with("author: Example project", "author: Example\n1: x"), 11, "unknown field `1`"),
        (_with("author: Example project", "author: Example\n~: x"), 11, "unknown field `~`"),
        (_with("author: Example project", "author: Example\n? [a, b]\n: x"), 11, "a field name must be a word"),
        (_with("author: Example project", 'author: "a\\u202eb"'), 10, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        (_with("author: Example project", 'author: "a\\x07b"'), 10, "`author` contains the invisible character U+0007"),
        (_with("actors:\n  - ", "actors:\n\t- "), 13, "'\\t'"),
        # Line breaks to YAML but not to people: `published: true` hidden in what reads as a comment.
        (_with("author: Example project", "author: Example # note\u2028published: true"), 10, "U+2028 (LINE SEP"),
        (_with("author: Example project", "author: Example # note\u2029published: true"), 10, "U+2029 (PARAGRAPH"),
        (_with("author: Example project", "author: Example # note\x85published: true"), 10, "U+0085 (NEXT LINE)"),
        (_with("author: Example project", "author: Example\n# a\u2028b: c\nd: e"), 11, "invisible line break"),
        (_with("author: Example project", "author: Example\n# a\u2028b: c\nd: e"), 12, "unknown field `d`"),
        # Field names written other than plainly: a search for `published: true` would not find them.
        (
            _with("author: Example project", 'author: Example\n"publ\\x69shed": true'),
            11,
            "`published` is written in quotes",
        ),
        (_with("author: Example project", "author: Example\n'published': true"), 11, "written in quotes"),
        (_with("author: Example project", "author: Example\n? published\n: true"), 11, "after a question mark"),
        (_with("author: Example project", "author: Example\nactors: [{? name: A}]"), 11, "after a question mark"),
        # Invisible format characters and noncharacters, named.
        (_with("author: Example project", 'author: "a\\u200bb"'), 10, "U+200B (ZERO WIDTH SPACE)"),
        (_with("author: Example project", 'author: "a\\u200db"'), 10, "U+200D (ZERO WIDTH JOINER)"),
        (_with("author: Example project", 'author: "a\\u200eb"'), 10, "U+200E (LEFT-TO-RIGHT MARK)"),
        (_with("author: Example project", 'author: "a\\u2060b"'), 10, "U+2060 (WORD JOINER)"),
        (_with("author: Example project", 'author: "a\\ufeffb"'), 10, "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        (_with("author: Example project", 'author: "a\\xadb"'), 10, "U+00AD (SOFT HYPHEN)"),
        (_with("author: Example project", 'author: "a\\U000E0041b"'), 10, "U+E0041 (TAG LATIN CAPITAL LETTER A)"),
        (_with("author: Example project", "author: a\u3164b"), 10, "U+3164 (HANGUL FILLER)"),
        (_with("author: Example project", 'author: "a\\ufffeb"'), 10, "U+FFFE (a noncharacter)"),
        (_with("title: ", "title: \u200b"), 2, "`title` contains the invisible character U+200B"),
        (_with("author: Example project", "auth\u200bor: Example"), 10, "`auth\\u200bor` contains the invisible"),
    ],
    ids=lambda v: v[:30] if isinstance(v, str) else str(v),
)
def test_hostile_front_matter_is_a_problem_at_its_line(load, text, line, fragment):
    errors = load(text)
    assert any(e.startswith(f"lessons/hostile.md:{line}: error:") and fragment in e for e in errors), errors


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            _with("author: Example project", 'author: "Example project'),
            10,
            "a quoted value starts on this line and is never closed; add the closing quote",
        ),
        (
            _with("author: Example project", "author: Example project\n  summary: x"),
            11,
            "indent a field exactly as the fields beside it",
        ),
        (
            _with("author: Example project", "author:Example project"),
            10,
            "`author:Example project` has no space after the colon; write `author: Example project`",
        ),
        (
            VALID_LESSON.replace("\n---\n", "\n\n", 1),
            16,
            "never closed: add a line `---` above line 16, where the text begins",
        ),
    ],
    ids=["unclosed quote", "over-indented key", "no space after the colon", "front matter never closed"],
)
def test_yaml_syntax_errors_point_at_the_line_and_say_what_is_missing(load, text, line, fragment):
    errors = load(text)
    assert any(e.startswith(f"lessons/hostile.md:{line}: error:") and fragment in e for e in errors), errors


def test_long_keywords_are_errors_without_comparing_them(load):
    # Keyword hygiene indexes every one-letter deletion of a keyword: 10,000 letters would be 100 MB.
    errors = load(_with("keywords: [Peer review]", "keywords: [" + ", ".join(["a" * 3000] * 5) + "]"))
    assert any("`keywords[4]` is 3000 characters long; at most 60" in e for e in errors), errors


def test_a_value_cannot_forge_a_report_line(load):
    forged = 'countries: ["Chile\\nlessons/other.md:1: error: forged", Uruguay]'
    errors = load(_with("countries: [Chile, Uruguay]", forged))
    assert len(errors) == 1 and "\\nlessons/other.md:1: error: forged" in errors[0], errors
    problem = Problem("lessons/x.md", 3, "a\nb\r::error::c %", "f,i:eld")
    assert "\n" not in problem.format() and "\r" not in problem.format()
    assert problem.annotation() == "::error file=lessons/x.md,line=3,title=f%2Ci%3Aeld::a\\nb\\r::error::c %25"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("".join("    " * i + "- a\n" for i in range(300)), "too deeply"),
        ("*" * 20_000 + "a" + "*" * 20_000, "too deeply"),
        ('<div markdown="1">' * 2000 + "a" + "</div>" * 2000, "too deeply"),
    ],
    ids=["nested lists", "nested emphasis", "nested markdown html"],
)
def test_a_body_markdown_cannot_render_is_an_error(load, body, fragment):
    errors = load(VALID_LESSON + "\n" + body)
    assert any(e.startswith("lessons/hostile.md:16: error:") and fragment in e for e in errors), errors


def test_a_body_that_renders_too_slowly_is_an_error(load, monkeypatch):
    monkeypatch.setattr(markup, "BODY_SECONDS", 1)  # the real limit is 10 s; this body takes minutes
    errors = load(VALID_LESSON + "[" * 20_000 + "a" + "]" * 20_000)
    assert any("takes more than 1 s of computing time to render" in e for e in errors), errors


def test_a_body_with_too_many_headings_is_an_error(load):
    errors = load(VALID_LESSON + "".join(f"\n## Part {i}\n" for i in range(markup.MAX_HEADINGS - 2)))  # and 3 sections
    assert any("the text has 1,001 headings; at most 1,000 are allowed" in e for e in errors), errors
    assert load(VALID_LESSON + "".join(f"\n## Part {i}\n" for i in range(markup.MAX_HEADINGS - 3))) == []


def test_pathological_lines_are_read_in_linear_time(load):
    # These took minutes with the earlier regular expressions (e-mail, "## heading"); now a blink.
    assert load(VALID_LESSON + "a" * 500_000 + "\n## a" + " " * 20_000 + "x\n") == []


def test_the_body_is_checked_with_the_site_markdown_extensions():
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert tuple(names) == markup.EXTENSIONS
    settings = {name: opts for e in config["markdown_extensions"] if isinstance(e, dict) for name, opts in e.items()}
    assert settings == markup.EXTENSION_CONFIGS


@pytest.mark.build
def test_markers_expand_only_in_hand_written_pages(tmp_path):
    """The field reference and skeleton markers cost seconds each: an entry body repeating them must not expand them
    (they once did, after the body's time limit: 29 KB took 73 s and 554 MB)."""
    from knowledge_bank.reference import MARKER, SKELETON_MARKERS

    from .helpers import make_project, run_build

    content = tmp_path / "content"
    (content / "lessons").mkdir(parents=True)
    markers = "\n\n".join([MARKER, *SKELETON_MARKERS.values()] * 200)
    (content / "lessons" / "markers.md").write_text(VALID_LESSON + "\n" + markers + "\n", encoding="utf-8")
    build = run_build(make_project(tmp_path, content=content))
    assert build.returncode == 0, build.output
    assert 'id="fields-round"' not in build.page("lessons/markers/")
    assert 'id="fields-round"' in build.page("contribute/")
