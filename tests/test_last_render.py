"""`mkdocs serve` renders again only the pages of the entries whose body alone was edited (knowledge_bank.last_render);
whatever else changes, it renders the whole site. Either way the site is the one a render of its own would make."""

from __future__ import annotations

import re

from knowledge_bank.catalog import Catalog
from knowledge_bank.checked_entries import CheckedEntries
from knowledge_bank.languages import LANGUAGES
from knowledge_bank.last_render import LastRender
from knowledge_bank.loader import load_content
from knowledge_bank.render import GeneratedSite, render_site

from .helpers import ROOT, content_root

SITE = ("https://example.org/kb/", LANGUAGES, "Knowledge Bank")
ENTRY = "lessons/red-calle.md"
TOKEN = re.compile(r"kb-html-[0-9a-f]+-[0-9a-f]+")


def shown(site: GeneratedSite) -> dict:
    """Everything a build makes of the site: each page's HTML (its blocks put in), its table of contents, head, source
    and title; the data files, the attachments, what stays out of the navigation, the hand-written pages' parts."""
    pages = {uri: filled(site, markdown) for uri, markdown in site.pages.items()}
    parts = (site.tocs, site.heads, site.sources, site.titles, site.data, site.attachments, site.out_of_nav)
    return {"pages": pages, "parts": parts, "markers": site.markers}


def filled(site: GeneratedSite, markdown: str) -> str:
    """A generated page's Markdown with its HTML blocks put in (each must be there)."""
    return TOKEN.sub(lambda token: site.html_blocks.blocks[token[0]], markdown)


class Served:
    """The loads and renders of one `mkdocs serve` process, rebuild after rebuild."""

    def __init__(self, root) -> None:
        self.root, self.checked, self.last = root, CheckedEntries(), LastRender()

    def rebuild(self) -> GeneratedSite:
        content = load_content(self.root, reuse=self.checked)
        assert content.ok, content.problems
        return self.last.render(content, Catalog.build(content, preview=True), *SITE)


def rendered_alone(root) -> GeneratedSite:
    """What a render of its own makes of the project as it is now."""
    content = load_content(root)
    return render_site(Catalog.build(content, preview=True), SITE[0], SITE[1], site_name=SITE[2])


def edit(root, old: str, new: str, path: str = ENTRY) -> None:
    source = root / path
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_body_renders_again_only_its_entry_and_the_site_is_the_same(tmp_path):
    root = content_root(tmp_path, ROOT)
    served = Served(root)
    first = served.rebuild()
    entries = served.last.entries_rendered
    assert entries >= 10
    assert served.rebuild() is not first and served.last.entries_rendered == 0  # nothing changed: nothing rendered
    source = root / ENTRY
    source.write_text(source.read_text(encoding="utf-8") + "\nA sentence written while serving.\n", encoding="utf-8")
    site = served.rebuild()
    assert served.last.entries_rendered == 1
    assert shown(site) == shown(rendered_alone(root))
    for lang in LANGUAGES:  # the entry's page in every language shows it; the site before is left as it was
        uri = ("" if lang == "en" else f"{lang}/") + ENTRY
        assert "A sentence written while serving." in filled(site, site.pages[uri])
        assert "A sentence written while serving." not in filled(first, first.pages[uri])


def test_an_edit_of_anything_else_renders_the_whole_site_again(tmp_path):
    root = content_root(tmp_path, ROOT)
    served = Served(root)
    served.rebuild()
    entries = served.last.entries_rendered
    edit(root, "title: Building together", "title: Edited while serving")  # shown in listings, facets, the data
    site = served.rebuild()
    assert served.last.entries_rendered == entries
    assert shown(site) == shown(rendered_alone(root))
    assert "Edited while serving" in filled(site, site.pages["lessons/index.md"])
    assert "Edited while serving" in site.data["catalog.json"]

    edit(root, "Edited while serving", "Edited again")  # a title and the body at once
    (root / ENTRY).write_text((root / ENTRY).read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    served.rebuild()
    assert served.last.entries_rendered == entries

    labels = root / "vocabularies" / "labels.yml"  # a wording of the interface, on every page
    labels.write_text(labels.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    served.rebuild()
    assert served.last.entries_rendered == entries


def test_unpublishing_an_entry_is_not_an_edit_of_its_body_alone(tmp_path):
    """The preview shows unpublished entries too, but marks them as such wherever they are listed."""
    root = content_root(tmp_path, ROOT)
    served = Served(root)
    served.rebuild()
    entries = served.last.entries_rendered
    edit(root, "published: true", "published: false")
    site = served.rebuild()
    assert served.last.entries_rendered == entries
    assert shown(site) == shown(rendered_alone(root))


def test_two_entries_at_one_address_render_the_whole_site_again(tmp_path):
    """A duplicate slug is an error the preview shows while it goes on: which entry's page wins depends on the whole
    catalog, so an edit of one of the two bodies renders everything as a render of its own would."""
    root = content_root(tmp_path, ROOT)
    folder = root / "lessons" / "red-calle"
    folder.mkdir()
    (folder / "index.md").write_text((root / ENTRY).read_text(encoding="utf-8"), encoding="utf-8")
    checked, last = CheckedEntries(), LastRender()

    def rebuild() -> GeneratedSite:
        content = load_content(root, reuse=checked)
        assert any("red-calle" in problem.path for problem in content.problems)
        return last.render(content, Catalog.build(content, preview=True), *SITE)

    rebuild()
    entries = last.entries_rendered
    index = folder / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nOnly in the folder's copy.\n", encoding="utf-8")
    site = rebuild()
    assert last.entries_rendered == entries
    assert shown(site) == shown(rendered_alone(root))
