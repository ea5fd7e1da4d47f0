"""MkDocs' side of the generated pages: each a file MkDocs rebuilds under ``--dirty`` only when its Markdown changed,
rendered without Python-Markdown (the core made its HTML: knowledge_bank.render)."""

from __future__ import annotations

import re

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from knowledge_bank.html_blocks import HtmlBlocks
from knowledge_bank.render import GeneratedSite


class GeneratedPage(File):
    """A generated page; under `mkdocs serve --dirty` it is rebuilt only if its Markdown changed since the last build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class AnchorIds:
    """The ids of a page's HTML, for MkDocs' check of links to its anchors: looked for only when a link names one, in
    the page's HTML made again then from its blocks (the page's own is not kept once written)."""

    def __init__(self, blocks: HtmlBlocks, content: str) -> None:
        self.blocks, self.content = blocks, content

    def __contains__(self, anchor: object) -> bool:
        return bool(re.search(rf"""\sid=["']{re.escape(str(anchor))}["']""", self.blocks.fill(self.content)))


def render(page: Page, site: GeneratedSite, config, files) -> None:
    """MkDocs' ``Page.render``, except for a page of HTML blocks only (every generated page): without Markdown, which
    would find nothing to convert, its content is a paragraph per block, each replaced by its block just before the
    page is written (the hooks' on_page_context), so that the pages' HTML is not all in memory at once; its title, as
    MkDocs takes it, from its <h1>."""
    content = site.html_blocks.paragraphs(page.markdown or "")
    if content is None:
        Page.render(page, config, files)
    else:
        page.content, page.toc = content, get_toc([])  # its table of contents: the hooks' on_page_content
        page.present_anchor_ids = AnchorIds(site.html_blocks, content)  # type: ignore[assignment]
    page._title_from_render = site.titles.get(page.file.src_uri) or page._title_from_render
