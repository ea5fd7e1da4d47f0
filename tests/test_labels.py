"""Labels: everything the site writes for a visitor is data in vocabularies/labels.yml, in four languages."""

from __future__ import annotations

import re
import typing

import pytest

from knowledge_bank.catalog import Catalog
from knowledge_bank.kinds import BY_KIND
from knowledge_bank.kinds.lesson import Lesson
from knowledge_bank.kinds.round import PanelMember
from knowledge_bank.labels import UnknownLabel, parse_labels
from knowledge_bank.languages import LANGUAGES
from knowledge_bank.vocabularies import VocabularyError, load_vocabularies

from .helpers import ROOT

LABELS = load_vocabularies(ROOT / "vocabularies").labels
TEMPLATES = ROOT / "hooks" / "knowledge_bank" / "templates"
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
OVERRIDES = ROOT / "docs" / "overrides"
CALL = re.compile(r"""\bt(?:\.count|\.html)?\(\s*["']([a-z0-9_.-]*[a-z0-9_-])["']""")  # not a built "kinds." ~ …
THEME_CALL = re.compile(r"""\bkb_label\(\s*["']([a-z0-9_.-]*[a-z0-9_-])["']""")  # the theme overrides' labels


def _names_used(folder, pattern: str) -> set[str]:
    return {name for path in folder.rglob(pattern) for name in CALL.findall(path.read_text(encoding="utf-8"))}


def test_every_label_a_template_or_explore_asks_for_exists():
    used = _names_used(TEMPLATES, "*.j2") | _names_used(SCRIPTS, "*.js")
    used |= {
        name for path in OVERRIDES.rglob("*.html") for name in THEME_CALL.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 40
    assert {"search.placeholder", "search.none", "search.page"} <= used
    known = set(LABELS.texts) | {name.rsplit(".", 1)[0] for name in LABELS.texts if name.endswith((".one", ".other"))}
    assert used - known == set()


def test_labels_built_from_names_exist():
    """Labels whose names templates build from data: each kind's, each facet's, each role's."""
    names = [f"kinds.{kind}.{part}" for kind in BY_KIND for part in ("one", "other", "intro", "needs")]
    names += [
        f"facets.{facet}.{part}"
        for facet in ("countries", "sdgs", "phases", "keywords")
        for part in ("title", "intro", "all")
    ]
    names += [f"facets.{facet}.value" for facet in ("phases", "keywords")]
    names += [f"explore.facets.{name}" for name in ("kind", "country", "phase", "sdg", "keyword", "year")]
    names += [f"explore.chip.{name}" for name in ("phase", "keyword", "year")]
    names += [f"search.filters.{part}{name}" for name in ("kind", "country", "sdg") for part in ("", "any_")]
    names += [f"roles.{role}" for role in ("beneficiary", "cooperating", "action", "actor")]
    names += [f"panel_roles.{role}" for role in typing.get_args(PanelMember.model_fields["role"].annotation)]
    names += [f"knowledge_types.{k}" for k in typing.get_args(Lesson.model_fields["knowledge_type"].annotation)]
    assert [name for name in names if name not in LABELS.texts] == []


def test_every_label_has_its_four_languages():
    """English is required; the repository's labels are also written in Spanish, Portuguese and French."""
    for name, wording in LABELS.texts.items():
        if wording["en"]:
            assert all(wording[lang] for lang in LANGUAGES), f"{name}: {wording}"


def test_a_label_is_looked_up_with_its_fields_and_number():
    assert LABELS("pager.page", n=3) == "Page 3"
    assert LABELS.count("entries", 1) == "1 entry"
    assert LABELS.count("entries", 2, "fr") == "2 entrées"
    assert LABELS.language("es")("facets.countries.title") == "Países"
    assert str(LABELS.html("fields.authorized_by", date="1 May 2026", who="<b>")) == "1 May 2026 by &lt;b&gt;"
    with pytest.raises(UnknownLabel, match="no label `no.such` in vocabularies/labels.yml"):
        LABELS("no.such")


def test_a_missing_translation_shows_english():
    labels, problems = parse_labels({"a": {"b": {"en": "Hello", "es": ""}}}, {}, "vocabularies/labels.yml")
    assert problems == []
    assert labels("a.b", "es") == "Hello" and labels("a.b", "pt") == "Hello"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a:\n  b: {es: Hola}\n", 2, "`a.b` needs its English wording"),
        (
            "a:\n  b: {en: 'Page {n}', fr: 'Page'}\n",
            2,
            "`a.b.fr` must use the same {fields} as the English wording: {n}",
        ),
        ("a:\n  Bad Name: {en: x}\n", 2, "`Bad Name` is not a label name"),
        ("a:\n  b: 3\n", 2, "`a.b` must be a label"),
    ],
)
def test_a_broken_labels_file_is_reported_at_its_line(tmp_path, text, line, fragment):
    folder = tmp_path / "vocabularies"
    folder.mkdir()
    for path in (ROOT / "vocabularies").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "labels.yml").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        load_vocabularies(folder)
    found = [p.format() for p in error.value.problems]
    assert any(f.startswith(f"vocabularies/labels.yml:{line}: error:") and fragment in f for f in found), found


def test_explore_reads_the_labels_from_the_catalog(tmp_path):
    from knowledge_bank.exports import catalog_file
    from knowledge_bank.loader import load_content

    catalog = catalog_file(Catalog.build(load_content(ROOT)))
    assert catalog.labels == LABELS.texts
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in (SCRIPTS / "explore").glob("*.js"))
    for english in ("Clear all filters", "Words to find", "match, newest first", "Round report", "Not published"):
        assert english not in scripts  # no second copy of a label in JavaScript


def test_the_search_box_reads_its_labels_from_the_page():
    script = (SCRIPTS / "search" / "index.js").read_text(encoding="utf-8")
    for english in ("Type to start", "No results", "results", "Show more", "All countries", "Loading"):
        assert f'"{english}' not in script and f"'{english}" not in script
