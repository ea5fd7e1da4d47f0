"""`mkdocs serve`: the generated site of the last build, so that an edit of nothing but entries' bodies — what an editor
does most while writing a report — renders again only those entries' pages, not the whole site in every language."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .loader import Content, Entry
from .render import GeneratedSite, render_entries_again, render_site


def _without_body(entry: Entry) -> tuple:
    """What other pages may show of an entry: everything but its body (its fields, its files, its report)."""
    return entry.source, entry.fields, entry.attachments, entry.report


@dataclass
class LastRender:
    """The site rendered last, and the key of everything it was rendered from but the entries' bodies."""

    key: tuple = ()
    site: GeneratedSite | None = None
    entries: dict[str, Entry] = field(default_factory=dict)  # source -> the entry as rendered
    entries_rendered: int = 0  # entries whose pages the last call rendered (every entry, or those edited): for tests

    def render(
        self, content: Content, catalog: Catalog, site_url: str, languages: tuple[str, ...], site_name: str
    ) -> GeneratedSite:
        """The generated site of ``catalog``: the last one with the pages of the entries whose body alone changed
        rendered again when nothing else did (the same vocabularies, settings and, for every entry, all but its
        body); otherwise all of it."""
        key = (
            content.context,
            site_url,
            languages,
            site_name,
            catalog.preview,
            tuple(map(_without_body, catalog.entries)),
        )
        # Two entries at one address (a duplicate slug, an error the preview shows) make one page: the one rendered
        # last. Which one that is depends on the whole catalog, so such a catalog is always rendered whole.
        distinct = len({entry.uri for entry in catalog.entries}) == len(catalog.entries)
        if content.context and self.site is not None and key == self.key and distinct:
            edited = [entry for entry in catalog.entries if self.entries.get(entry.source) is not entry]
            site = render_entries_again(self.site, catalog, edited, site_url, languages, site_name)
        else:
            edited = list(catalog.entries)
            site = render_site(catalog, site_url, languages, site_name=site_name)
        self.key, self.site, self.entries = key, site, {entry.source: entry for entry in catalog.entries}
        self.entries_rendered = len(edited)
        return site
