"""Vocabularies are data: every term has labels in four languages, and lookups ignore case and accents."""

import re
import shutil

import pytest

from knowledge_bank import cli
from knowledge_bank.languages import LANGUAGES
from knowledge_bank.vocabularies import VocabularyError, load_vocabularies

from .helpers import ROOT, make_project, run_build, tree_digest


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


# --- broken vocabulary files: every problem at once, with its line, never a traceback -------------

BROKEN_CASES = [
    # (file, text to replace, replacement, expected "path:line" and words of the message)
    ("sdgs.yml", '    es: "Fin de la pobreza"\n', "", "vocabularies/sdgs.yml:6:", "`labels.es` is missing"),
    ("sdgs.yml", 'colour: "#E5243B"', 'colour: "red"', "vocabularies/sdgs.yml:5:", "colour"),
    (
        "phases.yml",
        "aliases: [design,",
        "aliases: [diagnosis, design,",
        "vocabularies/phases.yml:12:",
        "`diagnosis` names both",
    ),
    (
        "phases.yml",
        "- key: formulation\n",
        "- key: formulation\n  colour: blue\n",
        "vocabularies/phases.yml:13:",
        "`colour` is not a field",
    ),
    ("added_values.yml", "- number: 1\n", "- number: one\n", "vocabularies/added_values.yml:4:", "number"),
    (
        "countries.yml",
        "MX: [Méjico]",
        "MX: [Méjico]\nXQ: [Atlantis]",
        "vocabularies/countries.yml:",
        "`XQ` is not an ISO 3166-1",
    ),
    (
        "countries.yml",
        "MX: [Méjico]",
        "MX: [Méjico, Brasil]",
        "vocabularies/countries.yml:",
        "already the name or code of BR",
    ),
    (
        "phases.yml",
        "- key: identification\n",
        "- key: identification\n  labels: [\n",
        "vocabularies/phases.yml:",
        "not valid YAML",
    ),
    # read as front matter is: no aliases, no tags, no repeated key
    (
        "sdgs.yml",
        '  colour: "#DDA63A"\n',
        '  colour: &red "#DDA63A"\n',
        "vocabularies/sdgs.yml:13:",
        "anchors and aliases (`&name`, `*name`) are not allowed in vocabulary files",
    ),
    ("sdgs.yml", 'colour: "#E5243B"', 'colour: !!str "#E5243B"', "vocabularies/sdgs.yml:5:", "YAML tags such as"),
    (
        "sdgs.yml",
        '  colour: "#E5243B"\n',
        '  colour: "#E5243B"\n  colour: "#E5243C"\n',
        "vocabularies/sdgs.yml:6:",
        "`colour` is given twice (first on line 5); keep one",
    ),
    (
        "countries.yml",
        "MX: [Méjico]",
        "MX: [Méjico]\nUY: [Uruguai]\nUY: [Uruguaya]",
        "vocabularies/countries.yml:22:",
        "`UY` is given twice (first on line 21)",
    ),
]


def _broken_copy(tmp_path, filename, old, new):
    folder = tmp_path / "vocabularies"
    shutil.copytree(ROOT / "vocabularies", folder)
    text = (folder / filename).read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer matches {filename}"
    (folder / filename).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("filename", "old", "new", "where", "words"), BROKEN_CASES)
def test_broken_vocabulary_is_reported_with_its_line(tmp_path, filename, old, new, where, words):
    folder = _broken_copy(tmp_path, filename, old, new)
    with pytest.raises(VocabularyError) as raised:
        load_vocabularies(folder)
    lines = [p.format() for p in raised.value.problems]
    assert any(line.startswith(where) and words in line for line in lines), lines


def test_every_broken_vocabulary_file_is_reported_at_once(tmp_path):
    folder = _broken_copy(tmp_path, "sdgs.yml", 'colour: "#E5243B"', 'colour: "red"')
    text = (folder / "countries.yml").read_text(encoding="utf-8")
    (folder / "countries.yml").write_text(text + "XQ: [Atlantis]\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        load_vocabularies(folder)
    assert {p.path for p in raised.value.problems} == {"vocabularies/sdgs.yml", "vocabularies/countries.yml"}


@pytest.mark.build
def test_a_build_with_a_broken_vocabulary_fails_cleanly_and_changes_nothing(tmp_path):
    project = make_project(tmp_path, with_repo_content=True)
    sdgs = project / "vocabularies" / "sdgs.yml"
    sdgs.write_text(sdgs.read_text(encoding="utf-8").replace('colour: "#E5243B"', 'colour: "red"'), encoding="utf-8")
    before = tree_digest(project)
    build = run_build(project)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "vocabularies/sdgs.yml:5: error:" in build.output
    assert build.output.count("vocabularies/sdgs.yml:5:") == 1  # reported once, not once per layer
    assert not (build.site / "index.html").exists()
    assert tree_digest(project) == before


def test_kb_new_with_a_broken_vocabulary_says_why(tmp_path, capsys):
    project = make_project(tmp_path, with_repo_content=True)
    phases = project / "vocabularies" / "phases.yml"
    phases.write_text(
        phases.read_text(encoding="utf-8").replace("- key: formulation\n", "- key: Formulation!\n"), encoding="utf-8"
    )
    assert cli.main(["--root", str(project), "new", "round", "A new round"]) == 1
    assert "vocabularies/phases.yml:12: error:" in capsys.readouterr().err
    assert not any((project / "rounds").glob("a-new-round*"))


def test_yes_no_on_off_stay_words_in_a_vocabulary_as_in_an_entry(tmp_path):
    folder = _broken_copy(tmp_path, "countries.yml", "MX: [Méjico]", "MX: [Méjico]\nNO: [Norge, yes]")
    phases = folder / "phases.yml"
    phases.write_text(phases.read_text(encoding="utf-8").replace("aliases: [design,", "aliases: [on, design,", 1))
    vocab = load_vocabularies(folder)
    assert vocab.country_aliases["NO"] == ("Norge", "yes")  # `NO:` is Norway, not false
    assert vocab.phases.lookup("on").key == "formulation"  # `on` is a word, not true


def test_a_vocabulary_file_that_is_a_symbolic_link_is_an_error(tmp_path):
    folder = tmp_path / "vocabularies"
    shutil.copytree(ROOT / "vocabularies", folder)
    (folder / "phases.yml").rename(tmp_path / "phases.yml")
    (folder / "phases.yml").symlink_to(tmp_path / "phases.yml")
    with pytest.raises(VocabularyError) as raised:
        load_vocabularies(folder)
    lines = [p.format() for p in raised.value.problems]
    assert any(ln.startswith("vocabularies/phases.yml:1: error: a vocabulary file may not be") for ln in lines), lines
