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
from enum import Enum

from markupsafe import Markup

_TAG = re.compile(r"<[^>]*>")


class Search(Enum):
    """What the site search indexes of a block."""

    TEXT = "text"  # one paragraph of its text (facts, listings: a tenth of the markup for the indexer to walk)
    HTML = "html"  # the block itself (an entry's body: its headings make the search's sections)
    NONE = "none"  # nothing (related entries must not make a page a hit for their words)


class HtmlBlocks:
    """The HTML blocks of one build's generated pages, each behind a token in the pages' Markdown.

    A token is a random nonce (one per process, so no text in an entry can name one) and a digest of the
    block, so that an unchanged page gets unchanged Markdown from one build to the next (``serve --dirty``).
    """

    nonce = secrets.token_hex(6)

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}
        self.search: dict[str, Search] = {}
        self.texts: dict[str, str] = {}
        self._token = re.compile(rf"<p>(kb-html-{self.nonce}-[0-9a-f]+)</p>")

    def __call__(self, caller, search: bool = True) -> str:
        """The template form: ``{% call html_block(search=False) %}<ul>…</ul>{% endcall %}``."""
        return self.add(str(caller()).strip(), Search.TEXT if search else Search.NONE)

    def add(self, block: str, search: Search = Search.TEXT) -> str:
        """Keep ``block`` and return the Markdown paragraph that stands for it."""
        token = f"kb-html-{self.nonce}-{hashlib.blake2b(block.encode(), digest_size=10).hexdigest()}"
        self.blocks[token] = block
        self.search[token] = search
        return f"\n\n{token}\n\n"

    def fill(self, page_html: str) -> str:
        """The page's HTML with each token paragraph replaced by its HTML block."""
        if "kb-html-" not in page_html:
            return page_html
        return self._token.sub(lambda m: self.blocks.get(m[1], m[0]), page_html)

    def fill_for_search(self, page_html: str) -> str:
        """The page's HTML as the search index needs it: each block as its ``Search`` says."""
        if "kb-html-" not in page_html:
            return page_html
        return self._token.sub(lambda m: self._for_search(m[1]) if m[1] in self.blocks else m[0], page_html)

    def _for_search(self, token: str) -> str:
        search = self.search[token]
        if search is Search.HTML:
            return self.blocks[token]
        if search is Search.NONE:
            return ""
        if token not in self.texts:
            self.texts[token] = "<p>" + " ".join(_TAG.sub(" ", self.blocks[token]).split()) + "</p>"
        return self.texts[token]


class FragmentCache:
    """Fragments that are the same on many pages, rendered once: ``{% call cached(key…) %}…{% endcall %}``."""

    def __init__(self) -> None:
        self.fragments: dict[tuple, str] = {}

    def __call__(self, *key, caller) -> Markup:
        if key not in self.fragments:
            self.fragments[key] = str(caller())
        return Markup(self.fragments[key])
