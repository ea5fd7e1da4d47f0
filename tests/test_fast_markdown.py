"""Bodies are rendered with Python-Markdown's inline patterns and block tests tried only where they can match
(knowledge_bank.fast_markdown): the HTML and the table of contents are exactly Python-Markdown's own, on every text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge_bank import markup
from knowledge_bank.fast_markdown import BLOCK_NEEDS, InlineProcessor, Needing

from .helpers import ROOT, fast_run
from .hostile import BODY

# Pieces of every kind of Markdown the inline patterns and the extensions read, and the characters they turn on.
PIECES = [
    "word",
    "Ünïcode",
    " ",
    "  \n",
    "\n",
    "\n\n",
    "`code`",
    "``two `ticks``",
    "\\*",
    "\\",
    "**strong**",
    "*em*",
    "_em_",
    "__strong__",
    "***both***",
    "snake_case_word",
    "2 * 3 * 4",
    "[link](https://example.org)",
    "[ref]",
    "[ref][]",
    "\n\n[ref]: https://example.org/r",
    "![pic](pic.png)",
    "![ref][ref]",
    "<https://example.org>",
    "<name@example.org>",
    "<b>bold</b>",
    "<span>",
    "<!-- note -->",
    "&amp;",
    "&#169;",
    "&copy",
    "& ",
    "<",
    ">",
    "# Heading",
    "## Sub {: #id }",
    "- item",
    "1. first",
    "> quote",
    '!!! note "Title"',
    "    indented",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Term\n:   definition",
    "\n---\n",
    "\n* * *\n",
    "\n_  _  _\n",
    "-  -",
    "Title\n=====",
    "Title\n---",
    "\n:",
    '<div markdown="1">*inside*</div>',
    "[TOC]",
    "~",
    "!",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "`",
]


def both(text: str) -> tuple[tuple[str, list], tuple[str, list]]:
    """(Python-Markdown's own HTML and toc of ``text``, the site's renderer's)."""
    stock = markup.stock_renderer()
    ours = markup._renderer.reset()
    return (stock.convert(text), stock.toc_tokens), (ours.convert(text), ours.toc_tokens)


def test_the_site_renders_bodies_with_the_prefiltered_inline_processor():
    assert markup.FAST_INLINE, (
        "Python-Markdown's InlineProcessor.__handleInline or __applyPattern is not the one fast_markdown.py was written "
        "against (its WRITTEN_FOR digests): compare them with fast_markdown.InlineProcessor, then update the digests"
    )
    assert isinstance(markup._renderer.treeprocessors["inline"], InlineProcessor)
    assert not isinstance(markup.stock_renderer().treeprocessors["inline"], InlineProcessor)


@pytest.mark.parametrize("name", BLOCK_NEEDS)
def test_the_site_renders_bodies_with_prefiltered_block_tests(name):
    attribute = BLOCK_NEEDS[name][0]
    assert isinstance(getattr(markup._renderer.parser.blockprocessors[name], attribute), Needing), (
        f"Python-Markdown's {name} processor's {attribute} is not the expression fast_markdown.BLOCK_NEEDS lists: "
        "check that the strings listed there are still needed by the new expression, then update it"
    )
    assert not isinstance(getattr(markup.stock_renderer().parser.blockprocessors[name], attribute), Needing)


def _spans(found):
    return found and (found.span(), found.groups())


@settings(max_examples=100 if fast_run() else 1000, deadline=None)
@given(st.sampled_from(sorted(BLOCK_NEEDS)), st.text(alphabet=" \n#>=-_*:]![a\\\"'()", max_size=30))
def test_a_prefiltered_block_expression_matches_where_its_expression_does(name, text):
    attribute = BLOCK_NEEDS[name][0]
    wrapped = getattr(markup._renderer.parser.blockprocessors[name], attribute)
    expression = wrapped.expression
    assert _spans(wrapped.search(text)) == _spans(expression.search(text))
    assert _spans(wrapped.match(text)) == _spans(expression.match(text))


@settings(max_examples=50 if fast_run() else 400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.text(max_size=60))
def test_any_text_renders_as_python_markdown_renders_it(pieces, noise):
    text = "".join(pieces) + noise
    stock, ours = both(text)
    assert ours == stock


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("rounds", "lessons", "docs", "tests/fixtures")
        for p in (ROOT / folder).rglob("*.md")
    ),
)
def test_every_markdown_file_of_the_repository_renders_as_python_markdown_renders_it(path):
    stock, ours = both(Path(ROOT / path).read_bytes().decode("utf-8", "replace"))
    assert ours == stock


def test_the_hostile_body_renders_as_python_markdown_renders_it():
    stock, ours = both(BODY)
    assert ours == stock
