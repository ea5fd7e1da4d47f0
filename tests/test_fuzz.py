"""Property-based: whatever a file holds, loading yields a valid entry or problems naming the file — never a traceback."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge_bank.loader import load_content

from .helpers import FIXTURES, ROOT, content_root, fast_run
from .hostile import VALID_LESSON

LINE = re.compile(r"^lessons/fuzzed\.md:\d+: (error|warning): \S.*$")
# The fast loop (`tasks.py test --fast`) tries a few examples of each property; the full run, 120.
SETTINGS = settings(
    max_examples=20 if fast_run() else 120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
FIELDS = yaml.safe_load(VALID_LESSON.split("---")[1])


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return content_root(tmp_path_factory.mktemp("fuzz"))


def _check(root, raw: bytes) -> None:
    (root / "lessons" / "fuzzed.md").write_bytes(raw)
    content = load_content(root)
    lines = [p.format() for p in content.problems]
    assert all(LINE.match(line) for line in lines), lines
    if content.entries:
        assert not [p for p in content.problems if p.is_error]
        assert [e.source for e in content.entries] == ["lessons/fuzzed.md"]
    else:
        assert [p for p in content.problems if p.is_error], "a file that is not an entry must say why"


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(root, raw):
    _check(root, raw)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_inside_front_matter(root, raw):
    _check(root, b"---\n" + raw + b"\n---\nBody.\n")


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("{}[]:,-?!&*|>'\"#%@` \n\tab1=<")), max_size=300))
def test_arbitrary_yaml_punctuation(root, text):
    _check(root, f"---\n{text}\n---\nBody.\n".encode())


@SETTINGS
@given(st.dictionaries(st.text(max_size=15), values, max_size=8))
def test_arbitrary_yaml_mapping(root, data):
    _check(root, ("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nBody.\n").encode())


@SETTINGS
@given(st.sampled_from(sorted(FIELDS)), values)
def test_valid_yaml_of_the_wrong_shape(root, field, value):
    data = {**FIELDS, field: value}
    _check(
        root, ("---\n" + yaml.safe_dump(data, allow_unicode=True, default_flow_style=None) + "---\nBody.\n").encode()
    )


@SETTINGS
@given(st.integers(0, len(VALID_LESSON)), st.integers(0, 20), st.text(max_size=20))
def test_an_edited_valid_entry(root, at, cut, insert):
    _check(root, (VALID_LESSON[:at] + insert + VALID_LESSON[at + cut :]).encode("utf-8", "surrogatepass"))


raw_scalars = st.one_of(
    st.from_regex(r"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}:[0-9]{2})?\Z"),  # dates YAML reads
    st.from_regex(r"\A[-+]?(0x|0o|0b)?[0-9_]{1,20}\Z"),  # integers
    st.integers(4000, 6000).map(lambda n: "9" * n),  # integers longer than Python converts by default
    st.from_regex(r"\A[-+]?[0-9.]{1,40}([eE][-+]?[0-9]{1,4})?\Z"),  # floats
    st.sampled_from(["=", "<<", "~", "!!binary aGk=", "!!python/name:os.system", "*a", "&a x", ".nan", "-.inf"]),
)


@SETTINGS
@given(st.sampled_from(sorted(FIELDS)), raw_scalars)
def test_scalars_as_written_by_hand(root, field, raw):
    lines = [f"{field}: {raw}" if line.startswith(f"{field}:") else line for line in VALID_LESSON.split("\n")]
    _check(root, "\n".join(lines).encode())


# libyaml reads first, for speed; whenever it accepts a front matter, PyYAML's own parser (which
# writes the messages) must read exactly the same fields, values and lines.
# (A front matter libyaml reads with any problem is read again carefully, so only clean readings matter.
# libyaml also accepts a few forms PyYAML refuses, such as `?` inside a word in a `[...]` list:
# there the careful reading is never used, and the two need not agree.)
def _both_readings(text: str):
    from knowledge_bank import yaml_reader

    fast = yaml_reader._fast_node(text)
    if fast is None:
        return None
    wording = yaml_reader.Wording(first_line=2)
    quick, careful = yaml_reader.YamlDocument(), yaml_reader.YamlDocument()
    yaml_reader._use_node(quick, fast, text, wording)
    if quick.problems:
        return None
    node = yaml_reader._careful_node(careful, text, wording)
    if careful.problems or node is None:
        return None
    yaml_reader._use_node(careful, node, text, wording)
    return quick, careful


def _same(pair) -> None:
    if pair is None:
        return
    quick, careful = pair
    assert (quick.data, quick.lines, quick.raw_scalars, quick.problems) == (
        careful.data,
        careful.lines,
        careful.raw_scalars,
        careful.problems,
    )


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML has no libyaml: only the careful reading exists")
@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("{}[]:,-?!&*|>'\"#%@` \n\tab1=<")), max_size=300))
def test_libyaml_and_pyyaml_agree_on_yaml_punctuation(text):
    _same(_both_readings(text))


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML has no libyaml: only the careful reading exists")
@SETTINGS
@given(st.integers(0, len(VALID_LESSON)), st.integers(0, 20), st.text(max_size=20))
def test_libyaml_and_pyyaml_agree_on_an_edited_entry(at, cut, insert):
    front_matter = VALID_LESSON.split("---")[1]
    _same(_both_readings(front_matter[:at] + insert + front_matter[at + cut :]))


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML has no libyaml: only the careful reading exists")
def test_libyaml_and_pyyaml_agree_on_every_real_and_fixture_entry():
    files = [*ROOT.glob("rounds/**/*.md"), *ROOT.glob("lessons/**/*.md"), *FIXTURES.rglob("*.md")]
    compared = 0
    for path in files:
        parts = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n---\n", 1)
        if not parts[0].startswith("---\n") or len(parts) < 2:
            continue
        pair = _both_readings(parts[0].removeprefix("---\n"))
        _same(pair)
        compared += pair is not None
    assert compared >= 12  # every entry of the repository at least
