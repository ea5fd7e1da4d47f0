"""The site search's index: what an entry page gives Pagefind to find it by, and the Pagefind bundle itself.

Pagefind (PyPI ``pagefind[bin]``, whose wheel carries the binary) reads the built HTML: it indexes only the
elements marked ``data-pagefind-body`` (entries and hand-written pages, see ``docs/overrides/main.html``),
skips what is marked ``data-pagefind-ignore`` (an entry's facts block), and keeps ``data-pagefind-meta`` and
``data-pagefind-filter`` values (kind, date, countries, SDGs…) to show and filter results. Its metadata is
searched too, with less weight than the text: an entry's countries, SDGs, phase, keywords and institutions go
there, in the four languages, so that ``Brésil`` or ``ODS 5`` find it without filling its excerpt.

One index serves the four interfaces. An entry's text is the same on its page in every language, so only its
English page is read (``INDEX_LANGUAGE``): the index is built once, not four times, and a search from the Spanish
interface finds the same entries as one from the English. What the results show in the reader's language comes
with each entry (``countries_es``, and ``title_es`` when the entry has its title in Spanish) or from the filters'
labels (``search_labels``: a small file per language). The hand-written pages, written in each language, are all
read, each with its ``interface`` filter. Pagefind stems the whole index as English; the search script
(docs/assets/javascripts/search/index.js) lets a Spanish, Portuguese or French word find its other forms.

Pagefind is not given the written pages themselves but what it reads of them (``SearchSource``): the theme's header,
navigation and footer are more than half of a page's HTML, which it would parse for nothing.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from .catalog import Catalog
from .languages import LANGUAGES
from .loader import Entry
from .translation import InLanguage

BUNDLE = "pagefind"  # the bundle's folder in the site: /pagefind/
FOLDER = "kb-search-source"  # what Pagefind reads, in the site while it is indexed (SearchSource)
INDEX_LANGUAGE = LANGUAGES[0]  # the one index's language: Pagefind's stemming, and the pages of entries it reads
LABELS = "search-labels.json"  # in each language's folder: the names of the filters' values
# Material's permalink anchors (¶) and the edit button are not text to find.
EXCLUDED = ".headerlink, .md-content__button"
_SEPARATORS = re.compile(r"[,\s]+")  # a comma would split Pagefind's `key:value, key:value` attribute


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class SearchIndex:
    """The bundle Pagefind wrote: where, how many pages it indexed, how long it took."""

    folder: Path
    pages: int
    seconds: float  # wall time
    cpu: float = 0.0  # Pagefind's CPU time (user and system), all its threads


def meta_value(text: str) -> str:
    """``text`` as a value of a ``data-pagefind-meta="key:value"`` attribute: one line, no comma."""
    return _SEPARATORS.sub(" ", text).strip()


def search_terms(catalog: Catalog, entry: Entry) -> str:
    """What finds ``entry`` besides its text: countries (names in four languages and ISO codes), SDGs
    (numbers and names), phase, keywords, institutions and author, in the four languages; its title and summary in
    the languages it has them in."""
    labels, vocabularies, fields = catalog.vocabularies.labels, catalog.vocabularies, entry.fields
    terms = [labels(f"kinds.{entry.kind}.one", lang) for lang in LANGUAGES]
    for code in catalog.roles_of(entry):
        country = catalog.country(code)
        terms += [*dict.fromkeys(country.names.values()), country.code, country.alpha_3]
    for n in dict.fromkeys(fields.sdgs):
        term = vocabularies.sdgs[str(n)]
        terms += [f"{labels('sdg.short', lang, n=n)} {term.labels[lang]}" for lang in LANGUAGES]
    terms += dict.fromkeys(vocabularies.phases[fields.phase].labels[lang] for lang in LANGUAGES)
    for keyword in fields.keywords:  # a keyword of the thesaurus by all its names and spellings
        term = catalog.keyword_term(keyword)
        terms += [keyword, *dict.fromkeys(term.labels.values()), *term.aliases] if term else [keyword]
    if translated := fields.translated():  # the title and summary in other languages, and the summary as written
        terms += [fields.summary, *(text for other in translated.values() for text in (other.title, other.summary))]
    terms += fields.institutions()
    if author := getattr(fields, "author", None):
        terms.append(author)
    return meta_value(" · ".join(dict.fromkeys(terms)))


def countries_by_language(catalog: Catalog, entry: Entry) -> dict[str, str]:
    """The countries of ``entry`` as a search result names them, in each language: ``{"es": "Brasil · Perú"}``."""
    codes = catalog.roles_of(entry)
    names = {lang: InLanguage(lang) for lang in LANGUAGES}
    return {lang: meta_value(" · ".join(name(catalog.country(c)) for c in codes)) for lang, name in names.items()}


def search_labels(catalog: Catalog, lang: str) -> dict[str, dict[str, str]]:
    """What the search's filters and results call the values of the index's filters (codes: ``round``, ``BR``,
    ``5``), in ``lang``: every kind, the countries of the catalog's entries (a built site's are all published; the
    preview's, all of them) and the SDGs."""
    t, name = catalog.vocabularies.labels.language(lang), InLanguage(lang)
    countries = {code for entry in catalog.entries for code in catalog.roles_of(entry)}  # (the preview's: all)
    return {
        "kind": {kind.kind: t(f"kinds.{kind.kind}.one") for kind in catalog.kinds},
        "country": {code: name(catalog.country(code)) for code in sorted(countries)},
        "sdg": {term.key: f"{t('sdg.short', n=term.key)} · {name(term)}" for term in catalog.vocabularies.sdgs.terms},
    }


def indexed_pages(pages: Iterable[str], folders: Iterable[str]) -> str:
    """The glob of the HTML files Pagefind reads: the hand-written ``pages`` (paths in the site) and the entry
    pages of each kind's folder (``rounds/<slug>/index.html``).

    The listings, facet pages and the cooperation pages hold no ``data-pagefind-body`` and would be read for
    nothing: leaving them out of the glob saves Pagefind some 40 % of its time at 1,000 entries.
    """
    paths = [*sorted(pages), *(f"{folder}/*/index.html" for folder in folders)]
    for path in paths:
        if set(path) & set("{},[]?") or "**" in path:
            raise ValueError(f"{path!r} cannot be part of a Pagefind glob")
    return "{" + ",".join(paths) + "}"


_BODY = "<div data-pagefind-body"  # docs/overrides/main.html: the content of a page the search reads
# An entry's page: the end of its text to find, before its facts, citation and related entries (all ignored by the
# search), at the top level of that content (templates/pages/entry.md.j2; a body holds no comment: markup.sanitise).
SEARCH_END = "<!--kb:search-end-->"
_ATTRIBUTE = "data-pagefind-"  # what Pagefind reads wherever it is: metadata, filters, sort keys…
_READ = ("data-pagefind-meta", "data-pagefind-filter", "data-pagefind-sort", "data-pagefind-default-meta")


def search_document(page: str) -> str | None:
    """What Pagefind reads of a written ``page``: its ``<html>`` tag, its ``<title>`` and the element marked
    ``data-pagefind-body`` (its content, which ends where the theme's ``<article>`` does, or an entry's text, which ends
    at ``SEARCH_END``), as a page of its own; None for a page without one, which Pagefind would leave out (a listing, an
    entry's page in another language)."""
    start, end = page.find(_BODY), page.rfind("</article>")
    if start < 0 or end < start:
        return None
    if page.find(_ATTRIBUTE, 0, start) >= 0 or page.find(_ATTRIBUTE, end) >= 0:
        return page  # Pagefind would read something outside the content too (metadata in the head…): all of it
    cut = page.find(SEARCH_END, start, end)
    if cut >= 0 and any(data in page[cut:end] for data in _READ):
        cut = -1  # metadata, a filter or a sort key after the end of the text: still read
    content = page[start:end] if cut < 0 else page[start:cut] + "</div>"
    html_start = page.find("<html")
    html_tag = page[html_start : page.find(">", html_start) + 1]
    title = page[page.find("<title>") : page.find("</title>") + len("</title>")]
    return f'<!doctype html>\n{html_tag}<head><meta charset="utf-8">{title}</head><body>{content}</body></html>\n'


class SearchSource:
    """The pages the search reads, each cut to what Pagefind reads of it (``search_document``), at the same paths as
    in the site but in a folder of their own inside it (``FOLDER``), where the build writes its pages: a folder of
    scratch files made anew in the system's temporary folder at each build cost up to 1.5 s of system time more at
    1,000 entries (the file system looks for room among the files removed by the build before). ``mkdocs build``
    removes it once the site is indexed, and a build stopped before that leaves it to the next build, which empties
    the site first; ``mkdocs serve`` keeps it for its rebuilds (under ``--dirty``, the pages it does not write again
    stay as they were)."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._kept: set[str] = set()  # the pages in it

    def within(self, site: Path) -> None:
        """Keep the pages in the site folder ``site`` (the build's), forgetting those kept in another."""
        if self._folder != site / FOLDER:
            self.clear()
            self._folder = site / FOLDER

    @property
    def folder(self) -> Path:
        if self._folder is None:
            raise RuntimeError("SearchSource.within(site) is called before a page is kept")
        return self._folder

    def keep(self, dest_uri: str, page: str) -> None:
        """Keep what the search reads of the page written at ``dest_uri`` (or forget it, when it reads nothing)."""
        document = search_document(page)
        if document is None:
            self.forget(dest_uri)
            return
        target = self.folder / dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        written = target.with_name(target.name + ".next")  # serve indexes in the background: no half-written page
        written.write_text(document, encoding="utf-8")
        os.replace(written, target)
        self._kept.add(dest_uri)

    def forget(self, dest_uri: str) -> None:
        if dest_uri in self._kept and self._folder is not None:
            (self._folder / dest_uri).unlink(missing_ok=True)
            self._kept.discard(dest_uri)

    def clear(self) -> None:
        """Forget every page (a build that writes every page again, or the site indexed)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._kept = set()


class SearchIndexer:
    """Runs Pagefind over a written site. ``mkdocs build`` waits for it (``index``); ``mkdocs serve`` does too for
    its first build, then indexes each rebuild in the background (``start``), so that an edited page reloads at
    once and its search follows a few seconds later. A new bundle is written beside the old one and swapped in,
    so that the site always has one."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None

    def index(
        self, site: Path, glob: str = "**/*.html", bundle: str = BUNDLE, source: Path | None = None
    ) -> SearchIndex:
        """Index the HTML files of ``source`` (by default ``site``) matching ``glob`` into ``site/bundle/``, replacing an
        earlier bundle."""
        staging, old = site / f"{bundle}.next", site / f"{bundle}.old"
        for folder in (staging, old):
            shutil.rmtree(folder, ignore_errors=True)
        start, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
        try:  # the binary pagefind[bin] installs (`python -m pagefind` would start Python again only to find it)
            command = [str(get_executable()), "--site", str(source or site), "--output-path", str(staging)]
            command += ["--glob", glob, "--exclude-selectors", EXCLUDED, "--force-language", INDEX_LANGUAGE]
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            raise SearchIndexError(
                f"Pagefind could not run ({error}); reinstall it: pip install 'pagefind[bin]'"
            ) from None
        stdout, stderr = self._process.communicate()
        seconds, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        if self._process.returncode != 0 or not (staging / "pagefind.js").is_file():
            raise SearchIndexError(f"Pagefind could not index {site}: {(stderr or stdout).strip()}")
        folder = site / bundle
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
        pages = re.search(r"Indexed (\d+) pages?", stdout)
        return SearchIndex(folder, int(pages[1]) if pages else 0, seconds, cpu)

    def start(self, site: Path, glob: str, report: Callable[[str], None], source: Path | None = None) -> None:
        """Index in the background, once the indexing started before has ended; ``report`` a failure."""
        self.wait()

        def work() -> None:
            try:
                self.index(site, glob, source=source)
            except (SearchIndexError, OSError) as error:  # OSError: serve removed its folder as it stopped
                report(str(error))

        self._thread = threading.Thread(target=work, name="pagefind", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Wait for the background indexing, if any."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def stop(self) -> None:
        """End the indexing at once (serve is stopping and removes its folder): nothing is written after."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self.wait()
