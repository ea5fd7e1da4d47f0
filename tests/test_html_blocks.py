"""What happens to a generated page's HTML after Markdown, and to a body when it is loaded: core code, no build."""

from __future__ import annotations

import markdown

from knowledge_bank.html_blocks import FragmentCache, HtmlBlocks, PageHeadings
from knowledge_bank.markup import EXTENSION_CONFIGS, EXTENSIONS, md, render_body


def _markdown(text: str) -> str:
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS).convert(text)


def test_a_block_is_a_token_in_markdown_and_its_html_after():
    blocks = HtmlBlocks()
    facts = blocks.add('<dl><dt>Phase</dt><dd><a href="../x/">Design</a></dd></dl>')
    body = blocks.add("<h2 id='a'>A</h2><p>Body</p>")
    related = blocks.add("<ul><li>Other entry</li></ul>")
    page = _markdown(f"# Title\n{facts}text *between*\n{body}{related}")
    assert "kb-html-" in page and "<dl>" not in page  # Markdown never saw the blocks
    filled = blocks.fill(page)
    assert '<dl><dt>Phase</dt><dd><a href="../x/">Design</a></dd></dl>' in filled
    assert "<h2 id='a'>A</h2><p>Body</p>" in filled and "<ul><li>Other entry</li></ul>" in filled
    assert "<em>between</em>" in filled and "kb-html-" not in filled


def test_a_page_of_blocks_only_is_its_html_without_markdown_as_markdown_would_make_it():
    blocks = HtmlBlocks()
    page = blocks.add("<h1 id='t'>Title</h1>") + blocks.add("<div class='kb-body'><p>Body</p></div>")
    assert (
        blocks.whole(page)
        == blocks.fill(_markdown(page))
        == "<h1 id='t'>Title</h1>\n<div class='kb-body'><p>Body</p></div>"
    )
    assert blocks.fill(blocks.paragraphs(page)) == blocks.whole(page)  # (filled just before the page is written)
    assert blocks.whole(page + "\n# A heading\n") is None  # Markdown to convert: the page goes through Markdown
    assert blocks.paragraphs(page + "\n# A heading\n") is None
    assert blocks.whole("kb-html-000000000000-00000000000000000000") is None and blocks.whole("  \n") is None


def test_a_page_written_in_html_has_the_heading_ids_table_of_contents_and_title_markdown_would_give_it():
    headings = PageHeadings()
    ids = [headings(1, "Rounds & lessons"), headings(2, "Brazil"), headings(2, "Brazil"), headings(3, "Lessons")]
    converter = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS)
    converter.convert("# Rounds & lessons\n\n## Brazil\n\n## Brazil\n\n### Lessons\n")
    assert ids == ["rounds-lessons", "brazil", "brazil_1", "lessons"]
    assert headings.toc() == converter.toc_tokens == headings.toc()  # (asked twice: the same)
    assert headings.title == "Rounds &amp; lessons"  # as MkDocs takes a page's title from its <h1>: HTML
    assert PageHeadings().title is None


def test_a_heading_may_take_an_id_other_pages_link_to():
    headings = PageHeadings()
    ids = [headings(1, "Peru"), headings(2, "Perú", "peru"), headings(2, "Chile", "chile"), headings(2, "Chile")]
    assert ids == ["peru", "peru_1", "chile", "chile_1"]  # unique on the page all the same
    assert [(h["id"], h["name"]) for h in headings.toc()[0]["children"]] == [
        ("peru_1", "Perú"),
        ("chile", "Chile"),
        ("chile_1", "Chile"),
    ]


def test_a_token_is_a_digest_of_its_block_and_cannot_be_guessed():
    first, second = HtmlBlocks(), HtmlBlocks()
    assert first.add("<p>same</p>") == second.add("<p>same</p>")  # serve --dirty: unchanged page, unchanged Markdown
    assert first.add("<p>same</p>") != first.add("<p>other</p>")
    assert HtmlBlocks.nonce in first.add("<p>x</p>")
    forged = "<p>kb-html-000000000000-00000000000000000000</p>"
    assert first.fill(forged) == forged  # a token no block was made for stays as written


def test_a_fragment_is_rendered_once_per_key():
    calls = []
    cache = FragmentCache()

    def caller():
        calls.append(1)
        return "<nav>…</nav>"

    assert cache("nav", "../", caller=caller) == cache("nav", "../", caller=caller) == "<nav>…</nav>"
    cache("nav", "../../", caller=caller)
    assert len(calls) == 2


def test_a_body_is_rendered_after_its_title_and_sanitised():
    rendered = render_body(
        "Findings of <b>the</b> round",
        "## Findings\n\nText [x](javascript:alert(1)) <script>alert(1)</script>\n\n## Findings\n\n### Detail\n",
    )
    assert rendered.html.startswith('<h2 id="findings">Findings<a class="headerlink" href="#findings"')
    assert '<h2 id="findings_1">' in rendered.html and '<h3 id="detail">' in rendered.html
    assert "<script" not in rendered.html and "javascript:" not in rendered.html and "<h1" not in rendered.html
    title, *headings = rendered.headings
    assert (title["level"], title["id"]) == (1, "findings-of-btheb-round")  # the id MkDocs gives the page's # title
    assert [h["id"] for h in headings] == ["findings", "findings_1", "detail"]


def test_the_table_of_contents_nests_the_body_under_the_title_and_adds_related_entries():
    rendered = render_body("A round", "## Related entries\n\nAn editor's own section.\n\n## Impacts\n")
    assert rendered.id_after("Related entries") == "related-entries_1"  # the body took the plain id first
    (title,) = rendered.toc("Related entries")
    assert title["id"] == "a-round"
    assert [(c["id"], c["name"]) for c in title["children"]] == [
        ("related-entries", "Related entries"),
        ("impacts", "Impacts"),
        ("related-entries_1", "Related entries"),
    ]
    assert [c["id"] for c in render_body("A round", "Text.").toc()[0]["children"]] == []


def test_md_escapes_text_for_inline_markdown():
    assert md("*not* <b>bold</b> [link](x) #1") == "\\*not\\* &lt;b&gt;bold&lt;/b&gt; \\[link\\]\\(x\\) \\#1"
    assert md("  two\n lines  ") == "two lines"
