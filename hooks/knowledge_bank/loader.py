"""Loading: every file of ``rounds/`` and ``lessons/`` parsed and validated, all problems collected."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from .attachments import attachment_files
from .checked_entries import CheckedEntries, files_key
from .contact_details import contact_details
from .countries import CountryResolver
from .docs_pages import docs_problems
from .entry_links import entry_link_problems
from .field_path import dotted
from .hygiene import KeywordUse, keyword_uses, keyword_warnings, placeholder_warnings
from .kinds import KINDS
from .markup import BodyError, RenderedBody, render_body
from .messages import describe
from .methodology import methodology_warnings
from .models import EntryFields, ModelContext, field_names_at
from .problems import Problem
from .report_pdf import ReportFile, report_problems
from .source import Source, read_source
from .text import slugify
from .vocabularies import Vocabularies, VocabularyError, load_vocabularies

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IGNORED = {"README.md", "index.md"}


@dataclass(frozen=True)
class Attachment:
    """A file that belongs to an entry, published only with it."""

    name: str  # path relative to the entry's folder
    path: Path


@dataclass(frozen=True)
class Entry:
    """A validated round or lesson: where it came from, its fields and its body."""

    slug: str
    source: str  # path relative to the project root, e.g. rounds/x.md
    fields: EntryFields
    body: str  # the Markdown, as written
    rendered: RenderedBody  # the body as its page shows it, rendered once when loaded
    attachments: tuple[Attachment, ...] = ()
    body_line: int = 1  # the line of the file where the body starts
    report: ReportFile | None = None  # the final report as a file of the entry's folder, read and checked

    @property
    def kind(self) -> str:
        """The kind's key: ``round``, ``lesson``."""
        return self.fields.kind

    @property
    def folder(self) -> str:
        """The kind's folder: ``rounds``, ``lessons``."""
        return self.fields.folder

    @property
    def is_public(self) -> bool:
        """The publication gate: a literal ``published: true`` and what the kind needs besides (a round's authorization)."""
        return self.fields.published is True and self.fields.is_authorized() is True

    @property
    def uri(self) -> str:
        """Its page among MkDocs' files: ``rounds/<slug>.md``."""
        return f"{self.folder}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{self.folder}/{self.slug}/"


@dataclass(frozen=True)
class Content:
    """The result of loading: entries that validated, and every problem found."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    vocabularies: Vocabularies
    countries: CountryResolver
    # With ``reuse`` (serve): a digest of what every entry was checked against (the vocabularies' files, the project)
    context: bytes = b""

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def load_content(root: Path, only: list[Path] | None = None, reuse: CheckedEntries | None = None) -> Content:
    """Load vocabularies and every entry under ``root``; ``only`` (files or folders) limits which problems are reported;
    ``reuse``: what an earlier load of this process checked (``mkdocs serve``), for the files that have not changed."""
    # taken before the vocabularies are read: a vocabulary saved meanwhile makes the next load check every entry again
    context_key = files_key(root / "vocabularies") + str(root.resolve()).encode() if reuse is not None else b""
    try:
        vocabularies = load_vocabularies(root / "vocabularies")
    except VocabularyError as error:  # entries cannot be checked against broken vocabularies
        return Content((), tuple(error.problems), Vocabularies.empty(error.labels), CountryResolver())
    countries = CountryResolver(vocabularies.country_aliases)
    context = {"kb": ModelContext(vocabularies, countries)}
    entries: list[Entry] = []
    problems: list[Problem] = []
    keywords: list[KeywordUse] = []
    sources: dict[tuple[str, str], str] = {}  # (folder, slug) -> source of every entry file, loaded or not
    for kind in KINDS:
        for source_path, folder in _entry_files(root, kind, problems):
            sources[(kind, folder.name if folder else source_path.stem)] = source_path.relative_to(root).as_posix()
            check = partial(_load_entry, root, kind, source_path, folder, context)
            if reuse is not None:
                entry, found, uses = reuse.get(source_path, folder, context_key, check)
            else:
                entry, found, uses = check(source_path.read_bytes())
            problems.extend(found)
            keywords.extend(uses)
            if entry is not None:
                entries.append(entry)
    problems.extend(_duplicate_slugs(entries))
    problems.extend(entry_link_problems(entries, sources))
    problems.extend(docs_problems(root))
    problems.extend(keyword_warnings(keywords))
    if only is not None:
        wanted = [p.resolve() for p in only]
        problems = [p for p in problems if _within((root / p.path).resolve(), wanted)]
    return Content(tuple(entries), tuple(sorted(problems)), vocabularies, countries, context_key)


def _within(path: Path, folders: list[Path]) -> bool:
    return any(path == f or path.is_relative_to(f) for f in folders)


def _entry_files(root: Path, kind: str, problems: list[Problem]) -> list[tuple[Path, Path | None]]:
    """(source file, attachment folder or None) for every entry of a kind, in name order."""
    found = []
    base = root / kind
    if base.is_symlink():  # its entries would be read from wherever the link points
        problems.append(Problem(kind, 1, f"{kind}/ may not be a symbolic link; commit the folder itself"))
        return found
    if not base.is_dir():
        return found
    for child in sorted(base.iterdir()):
        if child.name.startswith((".", "_")) or child.name in IGNORED:
            continue
        rel = child.relative_to(root).as_posix()
        if child.is_symlink():
            problems.append(Problem(rel, 1, "entries may not be symbolic links; commit the file itself"))
        elif child.is_dir():
            index = child / "index.md"
            if index.is_symlink():
                problems.append(
                    Problem(
                        f"{rel}/index.md", 1, "an entry's index.md may not be a symbolic link; commit the file itself"
                    )
                )
            elif index.is_file():
                found.append((index, child))
            else:
                problems.append(Problem(rel, 1, f"the folder has no index.md: put the entry's text in {rel}/index.md"))
        elif child.suffix == ".md":
            found.append((child, None))
        else:
            problems.append(
                Problem(rel, 1, f"only Markdown entries (.md) belong in {kind}/; put attachments in the entry's folder")
            )
    return found


def _load_entry(
    root: Path, kind: str, path: Path, folder: Path | None, context: dict, raw: bytes
) -> tuple[Entry | None, list[Problem], list[KeywordUse]]:
    """Check the entry file ``path``, whose bytes are ``raw``."""
    rel = path.relative_to(root).as_posix()
    slug = folder.name if folder else path.stem
    src = read_source(rel, raw)
    problems = [Problem(rel, line, message, field) for line, field, message in src.problems]
    problems += placeholder_warnings(src)
    uses = keyword_uses(src)
    if not SLUG.match(slug):
        problems.append(
            Problem(rel, 1, f"the file name “{slug}” is not a valid slug: rename it to “{slugify(slug)}”", "slug")
        )
    if src.data == {} and src.problems:
        return None, problems, uses
    model = KINDS[kind]
    fields = None
    try:
        fields = model.model_validate(src.data, context=context)
    except ValidationError as exc:
        reported = set()
        across = model.checks_across_fields(src.data)
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if any(loc[: len(bad)] == bad for bad in src.unreadable):
                continue  # reported where YAML could not read it
            if not loc and error["type"] in {kind for _, kind, _ in across}:
                continue  # a rule across fields, reported below at the field it names
            reported.add(error["type"])
            line = _line_for(src, loc, error["type"])
            field = dotted(loc)
            # An unknown field is told the fields of the group it is in (the entry's, a visit's, a translation's).
            problems.append(Problem(rel, line, describe(error, field_names_at(model, loc[:-1])), field))
        # A rule across fields runs only once every field is valid: run it on what was written, so that an
        # editor learns of it in this pass and not the next.
        for loc, kind, message in across:
            if kind not in reported:
                problems.append(Problem(rel, _line_for(src, loc, kind), message, dotted(loc)))
    problems += contact_details(src)
    rendered = None
    if src.body_line > 1:  # the front matter is closed: the body is known even if a field is wrong
        title = fields.title if fields else src.data.get("title")
        try:
            rendered = render_body(title if isinstance(title, str) else "", src.body)
        except BodyError as trouble:
            problems.append(Problem(rel, src.body_line, str(trouble), "body"))
    files, found = attachment_files(rel, folder, src)
    attachments = tuple(Attachment(name, path) for name, path in files)
    problems += found
    report = None
    if fields is not None and (document := fields.report_document()):
        report, found = report_problems(rel, document[1], document[0], dict(files), src)
        problems += found
    if fields is None or rendered is None or any(p.is_error for p in problems):
        return None, problems, uses
    problems += methodology_warnings(rel, fields, src)
    return Entry(slug, rel, fields, src.body, rendered, attachments, src.body_line, report), problems, uses


def _line_for(src: Source, loc: tuple, error_type: str) -> int:
    if error_type == "unauthorized":
        return src.lines.get(("published",), src.fm_end_line)
    if error_type == "missing" and loc not in src.lines:
        parent = loc[:-1]
        return src.line_of(parent) if parent else src.fm_end_line
    return src.line_of(loc)


def _duplicate_slugs(entries: list[Entry]) -> list[Problem]:
    by_slug: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        by_slug[(entry.folder, entry.slug)].append(entry)
    problems = []
    for (_kind, slug), same in by_slug.items():
        for entry in same[1:]:
            problems.append(
                Problem(
                    entry.source,
                    1,
                    f"two entries have the slug “{slug}” ({same[0].source} and {entry.source}); rename one",
                    "slug",
                )
            )
    return problems
