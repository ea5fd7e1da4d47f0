"""HTML that generated pages keep out of Markdown, and theme fragments shared by many pages.

A generated page is Markdown for MkDocs, but most of it is HTML the core already made (an entry's facts
and its rendered body, listings): Markdown need not parse it again. A template puts it in with
``{% call html_block() %}…{% endcall %}`` (or ``html_block.add``) and the page's Markdown gets a
paragraph holding a token; once MkDocs has converted the Markdown, ``fill`` puts the HTML back.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from markdown.extensions.toc import nest_toc_tokens, unique
from markupsafe import Markup

from .markup import heading_html, heading_id


class HtmlBlocks:
    """The HTML blocks of one build's generated pages, each behind a token in the pages' Markdown.

    A token is a random nonce (one per process, so no text in an entry can name one) and a digest of the
    block, so that an unchanged page gets unchanged Markdown from one build to the next (``serve --dirty``).
    """

    nonce = secrets.token_hex(6)

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}
        self._token = re.compile(rf"<p>(kb-html-{self.nonce}-[0-9a-f]+)</p>")

    def __call__(self, caller) -> str:
        """The template form: ``{% call html_block() %}<ul>…</ul>{% endcall %}``."""
        return self.add(str(caller()).strip())

    def add(self, block: str) -> str:
        """Keep ``block`` and return the Markdown paragraph that stands for it."""
        token = f"kb-html-{self.nonce}-{hashlib.blake2b(block.encode(), digest_size=10).hexdigest()}"
        self.blocks[token] = block
        return f"\n\n{token}\n\n"

    def paragraphs(self, markdown: str) -> str | None:
        """What Python-Markdown makes of a page whose Markdown is nothing but tokens (every generated page), without
        it: a paragraph for each token, which ``fill`` replaces by its block. None when it holds anything else."""
        tokens = markdown.split()
        if not tokens or not all(token in self.blocks for token in tokens):
            return None
        return "\n".join(f"<p>{token}</p>" for token in tokens)

    def whole(self, markdown: str) -> str | None:
        """The HTML of such a page: its paragraphs filled. None when its Markdown holds anything but tokens."""
        paragraphs = self.paragraphs(markdown)
        return None if paragraphs is None else self.fill(paragraphs)

    def fill(self, page_html: str) -> str:
        """The page's HTML with each token paragraph replaced by its HTML block."""
        if "kb-html-" not in page_html:
            return page_html
        return self._token.sub(lambda m: self.blocks.get(m[1], m[0]), page_html)


class FragmentCache:
    """Fragments that are the same on many pages, rendered once: ``{% call cached(key…) %}…{% endcall %}``."""

    def __init__(self) -> None:
        self.fragments: dict[tuple, str] = {}

    def __call__(self, *key, caller) -> Markup:
        if key not in self.fragments:
            self.fragments[key] = str(caller())
        return Markup(self.fragments[key])


class PageHeadings:
    """The headings of a generated page written in HTML, with the ids Python-Markdown's toc extension gives headings
    (the text's, then ``_1``, ``_2``… when the page has it already), and the page's table of contents made of them.
    One difference, on purpose: an id never starts with ``_`` (markup.heading_id: those are the theme's).

    A template asks for each heading's id as it writes it: ``{{ m.heading(2, text, headings(2, text)) }}``.
    """

    def __init__(self) -> None:
        self.tokens: list[dict] = []
        self._ids: set[str] = set()

    def __call__(self, level: int, text: str, anchor: str = "") -> str:
        """The id of the page's next heading, ``text`` at ``level``: an item of its table of contents. ``anchor``: the id
        it is given instead of its text's, for links made on other pages (the page has it already: ``_1``…)."""
        anchor = unique(anchor or heading_id(text), self._ids)
        shown = heading_html(text)
        self.tokens.append({"level": level, "id": anchor, "name": shown, "html": shown, "data-toc-label": ""})
        return anchor

    @property
    def title(self) -> str | None:
        """The page's title as MkDocs takes it from its first heading, when that is an ``<h1>``."""
        return self.tokens[0]["name"] if self.tokens and self.tokens[0]["level"] == 1 else None

    def toc(self) -> list[dict]:
        """The table of contents: the headings nested by level, as MkDocs takes them from Python-Markdown."""
        return nest_toc_tokens([dict(token) for token in self.tokens])  # (it empties the list it is given)
