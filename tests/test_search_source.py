"""What Pagefind is given to read: each page the search reads, cut to its content, kept outside the site. That the
index is the same as from the whole pages: tests/test_search_index.py."""

from __future__ import annotations

from knowledge_bank.search_index import FOLDER, SEARCH_END, SearchSource, search_document


def test_what_pagefind_reads_of_a_page_is_its_html_tag_title_and_content():
    page = (
        '<!doctype html><html lang="es" class="no-js"><head><meta charset="utf-8"><title>Ronda - KB</title>'
        '<script>theme()</script></head><body><header><nav>Menu</nav></header><main><article class="md-content__inner">'
        '<div data-pagefind-body data-pagefind-filter="type:entry"><h1>Ronda</h1><article><p>Text</p></article></div>'
        "</article></main><footer>Footer</footer></body></html>"
    )
    assert search_document(page) == (
        '<!doctype html>\n<html lang="es" class="no-js"><head><meta charset="utf-8"><title>Ronda - KB</title></head>'
        '<body><div data-pagefind-body data-pagefind-filter="type:entry"><h1>Ronda</h1><article><p>Text</p></article>'
        "</div></body></html>\n"
    )
    assert search_document(page.replace("data-pagefind-body", "data-other")) is None  # Pagefind would not read it
    # An entry's page: what follows its text (facts, citation, related entries) is not read at all.
    entry = page.replace("</article></div>", f"</article>{SEARCH_END}<h2>Details</h2><dl>…</dl></div>")
    assert search_document(entry) == search_document(page)
    # What Pagefind would read outside the content, or after an entry's text, is not left out: the page is read whole.
    assert search_document(page.replace("<title>", '<meta data-pagefind-meta="image:x.png"><title>')).count("Menu")
    tagged = entry.replace("<h2>Details</h2>", '<h2>Details</h2><span data-pagefind-filter="kind:round"></span>')
    assert "kind:round" in search_document(tagged)


def test_the_pages_the_search_reads_are_kept_at_their_paths_until_forgotten(tmp_path):
    source = SearchSource()
    source.within(tmp_path)
    page = '<html lang="en"><title>T</title><article><div data-pagefind-body><p>Text</p></div></article></html>'
    source.keep("rounds/x/index.html", page)
    source.keep("rounds/index.html", "<html><body>a listing</body></html>")
    kept = source.folder / "rounds" / "x" / "index.html"
    assert kept.read_text(encoding="utf-8") == search_document(page)
    assert sorted(p.relative_to(source.folder).as_posix() for p in source.folder.rglob("*.html")) == [
        "rounds/x/index.html"
    ]
    source.keep("rounds/x/index.html", "<html><body>no longer read</body></html>")  # the page has no content now
    assert not kept.exists()
    source.keep("rounds/x/index.html", page)
    source.forget("rounds/x/index.html")
    assert not kept.exists()
    folder = source.folder
    assert folder == tmp_path / FOLDER
    source.clear()
    assert not folder.exists() and not list(tmp_path.iterdir())  # nothing left behind
    source.keep("rounds/x/index.html", page)
    source.within(tmp_path / "another-site")  # another build's site: the pages kept for this one go
    assert not folder.exists() and source.folder == tmp_path / "another-site" / FOLDER
