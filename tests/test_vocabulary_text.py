"""Vocabulary text is text, as entry fields are: escaped wherever it is shown, one line in a skeleton."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from knowledge_bank.catalog import Catalog
from knowledge_bank.loader import load_content
from knowledge_bank.render import render_site
from knowledge_bank.scaffold import skeleton

from .helpers import FIXTURES, content_root

PAYLOAD = "Plan [kbx](javascript:alert('kbx')) <script>alert('kbx')</script> **kbx**"


def test_a_phase_description_is_shown_as_text_on_its_page(tmp_path):
    root = content_root(tmp_path, FIXTURES / "valid")
    phases = root / "vocabularies" / "phases.yml"
    text = phases.read_text(encoding="utf-8")
    start = text.index("    en: ", text.index("- key: formulation"))  # the first line of its description
    end = text.index("\n", start)
    phases.write_text(text[:start] + '    en: "' + PAYLOAD.replace('"', '\\"') + '"' + text[end:], encoding="utf-8")
    content = load_content(root)
    assert content.ok, [p.format() for p in content.problems]
    site = render_site(Catalog.build(content))
    markdown = next(markdown for uri, markdown in site.pages.items() if uri.startswith("phases/formulation"))
    page = BeautifulSoup(site.html_blocks.whole(markdown.split("---\n", 2)[2]), "html.parser")
    shown = page.find("p", string=lambda text: text and "kbx" in text)
    assert shown is not None and shown.get_text() == PAYLOAD  # the text as written, neither a link nor a script
    assert not page.find("script") and not page.select('a[href^="javascript"]') and not page.find("strong")


def test_an_added_value_label_stays_on_one_comment_line_of_the_skeleton(tmp_path):
    root = content_root(tmp_path)
    vocabularies = load_content(root).vocabularies
    term = vocabularies.added_values.terms[0]
    object.__setattr__(term, "labels", {**term.labels, "en": "Ownership\npublished: true"})
    text = skeleton(vocabularies, "lesson", "T", dt.date(2026, 1, 1))
    assert "\npublished: true" not in text and "#   1. Ownership published: true" in text
