"""The site search's index: what an entry page gives Pagefind to find it by, and the Pagefind bundle itself.

Pagefind (PyPI ``pagefind[bin]``, whose wheel carries the binary) reads the built HTML: it indexes only the
elements marked ``data-pagefind-body`` (entries and hand-written pages, see ``docs/overrides/main.html``),
skips what is marked ``data-pagefind-ignore`` (an entry's facts block), and keeps ``data-pagefind-meta`` and
``data-pagefind-filter`` values (kind, date, countries, SDGs…) to show and filter results. Its metadata is
searched too, with less weight than the text: an entry's countries, SDGs, phase, keywords and institutions go
there, in the four languages, so that ``Brésil`` or ``ODS 5`` find it without filling its excerpt.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .languages import LANGUAGES
from .loader import Entry

BUNDLE = "pagefind"  # the bundle's folder in the site: /pagefind/
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
    seconds: float


def meta_value(text: str) -> str:
    """``text`` as a value of a ``data-pagefind-meta="key:value"`` attribute: one line, no comma."""
    return _SEPARATORS.sub(" ", text).strip()


def search_terms(catalog: Catalog, entry: Entry) -> str:
    """What finds ``entry`` besides its text: countries (names in four languages and ISO codes), SDGs
    (numbers and names), phase, keywords, institutions and author, in the four languages."""
    labels, vocabularies, fields = catalog.vocabularies.labels, catalog.vocabularies, entry.fields
    terms: list[str] = []
    for code in catalog.roles_of(entry):
        country = catalog.country(code)
        terms += [*dict.fromkeys(country.names.values()), country.code, country.alpha_3]
    for n in dict.fromkeys(fields.sdgs):
        term = vocabularies.sdgs[str(n)]
        terms += [f"{labels('sdg.short', lang, n=n)} {term.labels[lang]}" for lang in LANGUAGES]
    terms += dict.fromkeys(vocabularies.phases[fields.phase].labels[lang] for lang in LANGUAGES)
    terms += fields.keywords
    terms += fields.institutions()
    if author := getattr(fields, "author", None):
        terms.append(author)
    return meta_value(" · ".join(dict.fromkeys(terms)))


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


def write_search_index(site: Path, glob: str = "**/*.html", bundle: str = BUNDLE) -> SearchIndex:
    """Index the HTML files of ``site`` matching ``glob`` with Pagefind into ``site/bundle/``, replacing an
    earlier bundle."""
    folder = site / bundle
    shutil.rmtree(folder, ignore_errors=True)  # `mkdocs serve` rebuilds into the same folder
    start = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            bundle,
            "--glob",
            glob,
            "--exclude-selectors",
            EXCLUDED,
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    if done.returncode != 0 or not (folder / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind could not index {site}: {(done.stderr or done.stdout).strip()}")
    pages = re.search(r"Indexed (\d+) pages?", done.stdout)
    return SearchIndex(folder, int(pages[1]) if pages else 0, seconds)
