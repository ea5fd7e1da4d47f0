"""MkDocs hooks: a thin adapter that hands MkDocs events to the ``knowledge_bank`` core.

Imported at the top (not inside events): this folder is on ``sys.path`` only while MkDocs
imports the hook module.
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NoReturn

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory
from mkdocs_languages import MaterialWords, alternates, interface, navigation
from mkdocs_pages import GeneratedPage, render

from knowledge_bank.catalog import Catalog
from knowledge_bank.checked_entries import CheckedEntries
from knowledge_bank.collector import settle
from knowledge_bank.editor_config import EditorSettings
from knowledge_bank.editor_page import EditorFiles, editor_files
from knowledge_bank.html_blocks import FragmentCache
from knowledge_bank.kinds import KINDS
from knowledge_bank.languages import LANGUAGES, interface_languages
from knowledge_bank.last_render import LastRender
from knowledge_bank.loader import load_content
from knowledge_bank.markup import permalink_titles
from knowledge_bank.navigation import nav_in
from knowledge_bank.problem_banner import problem_banner
from knowledge_bank.problems import summary
from knowledge_bank.reference import expand_markers
from knowledge_bank.render import GeneratedSite, language_of, render_site
from knowledge_bank.search_index import SearchIndexer, SearchIndexError, SearchSource, indexed_pages
from knowledge_bank.timings import record, stage, timed, write_timings
from knowledge_bank.vocabularies import Vocabularies

log = get_plugin_logger("knowledge_bank")


@dataclass
class BuildState:
    """What the hooks keep between the events of one MkDocs process."""

    command: str = "build"  # "build", "gh-deploy" or "serve"
    dirty: bool = False  # --dirty: only pages whose Markdown changed are rebuilt
    vocabularies: Vocabularies = field(default_factory=Vocabularies.empty)  # read once, in on_config
    site: GeneratedSite = field(default_factory=GeneratedSite)  # what the core generated for this build
    editor: EditorFiles = field(default_factory=EditorFiles)  # /admin/: the editors' form (editor_page.py)
    written_pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown of the last written build
    pending_pages: dict[str, str] = field(default_factory=dict)  # the same for this build, once it is written
    banner: str = ""  # `mkdocs serve` only: the content's problems, shown at the top of every page
    written_banner: str = ""  # the banner of the last written build (--dirty: a change rebuilds every page)
    written_dests: dict[str, str] = field(default_factory=dict)  # generated src_uri -> file written (--dirty)
    pending_dests: dict[str, str] = field(default_factory=dict)  # the same for this build, once it is written
    hand_written: list[str] = field(default_factory=list)  # the hand-written pages' files in the site (the search)
    indexer: SearchIndexer = field(default_factory=SearchIndexer)  # Pagefind (in the background for serve's rebuilds)
    search: SearchSource = field(default_factory=SearchSource)  # what Pagefind reads of the written pages
    checked: CheckedEntries = field(default_factory=CheckedEntries)  # serve: entries checked by an earlier build
    last_render: LastRender = field(default_factory=LastRender)  # serve: the site rendered by the build before
    builds: int = 0  # builds done by this process (serve rebuilds after the first)
    languages: tuple[str, ...] = LANGUAGES  # of the interface (mkdocs.yml's extra.kb_languages: all four unless set)
    navs: dict[str, Navigation] = field(default_factory=dict)  # the navigation of each language
    files: Files | None = None  # this build's files

    @property
    def preview(self) -> bool:
        """Unpublished entries are shown only by `mkdocs serve`; a build, whatever its settings, never shows them."""
        return self.command == "serve"


state = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    state.command, state.dirty = command, dirty
    # `kill` (SIGTERM) or a closed terminal (SIGHUP) stop MkDocs like Ctrl+C, so that `mkdocs serve` removes its
    # temporary site, which holds the unpublished entries of the preview.
    for stop in filter(None, (signal.SIGTERM, getattr(signal, "SIGHUP", None))):
        signal.signal(stop, signal.default_int_handler)  # raises KeyboardInterrupt, as Ctrl+C does
    if dirty and state.preview:  # what tasks.py serve asks for: not a mistake to warn about
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)
        log.info("Rebuilding only the pages an edit changes (--dirty); `--clean` rebuilds every page")


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def _refuse(config, message: str) -> NoReturn:
    """Stop the build. Outside `mkdocs serve`, empty the site folder first (fail closed): an earlier site
    left in place could still hold an entry unpublished since, and be deployed."""
    if not state.preview:
        clean_directory(config.site_dir)
    raise PluginError(message)


@timed
def on_config(config):
    """Load and validate all content; stop before anything is written if there is an error."""
    if state.dirty and not state.preview:
        _refuse(
            config,
            "`--dirty` is refused outside `mkdocs serve`: it would keep in the site the pages of entries that "
            "have since been unpublished or removed; build without --dirty",
        )
    try:
        state.languages = interface_languages(config.extra.get("kb_languages"))  # all four unless set
    except ValueError as error:
        _refuse(config, str(error))
    settle(not state.preview)  # what MkDocs and the hooks loaded lives until the build ends (collector.py)
    state.search.within(Path(config.site_dir))
    if not state.dirty:  # every page is written again: what the search reads of them too
        state.indexer.wait()
        state.search.clear()
    with stage("load and validate"):
        # serve: an entry file unchanged since the last build is not checked again (its body not rendered again)
        content = load_content(Path(config.config_file_path).parent, reuse=state.checked if state.preview else None)
    state.vocabularies = content.vocabularies
    settle(not state.preview)
    for problem in sorted(content.problems):  # each once, through the plugin logger, so --strict counts warnings
        (log.error if problem.is_error else log.warning)(problem.format())
    stop = not content.ok or (content.problems and config.strict)  # MkDocs' --strict would fail only after writing
    if stop and not state.preview:
        strict = " and --strict is on" if content.ok else ""
        _refuse(config, f"the content has {summary(list(content.problems))}{strict}; nothing was built")
    # The preview never stops (MkDocs' server would hang every request until a build succeeds): it builds what
    # is valid and lists the problems at the top of every page, until they are fixed.
    state.banner = problem_banner(content.problems, content.vocabularies.labels) if state.preview else ""
    if content.vocabularies.is_empty:  # the preview of unreadable vocabularies: the hand-written pages and the banner
        state.site = GeneratedSite()
        return config

    with stage("editor at /admin/"):  # the editors' form, its configuration generated from models and vocabularies
        settings = EditorSettings.from_site(config.repo_url or "", config.edit_uri or "", config.extra.get("editor"))
        state.editor = editor_files(
            Path(config.config_file_path).parent, content.vocabularies, settings, config.site_name
        )
    with stage("catalog and facets"):
        catalog = Catalog.build(content, preview=state.preview)
        catalog.facets()
    with stage("render generated pages"):  # serve: only the pages of the entries whose body alone changed, if so
        url, name = config.site_url or "", config.site_name
        if state.preview:
            state.site = state.last_render.render(content, catalog, url, state.languages, name)
        else:
            state.site = render_site(catalog, url, state.languages, site_name=name)
            settle(full=True)
    return config


@timed
def on_files(files: Files, config) -> Files:
    """Add the generated pages, data files and public attachments."""
    site = state.site
    for file in [f for f in files.documentation_pages() if language_of(f.src_uri) not in state.languages]:
        files.remove(file)  # a language the site is built without (extra.kb_languages): its hand-written pages go
    state.hand_written = [file.dest_uri for file in files.documentation_pages()]  # before the generated ones
    previous = state.written_pages if state.dirty else {}
    every_page = state.banner != state.written_banner  # the banner is on every page
    state.pending_dests = {}
    if state.dirty and every_page:
        for file in files.documentation_pages():
            file.is_modified = lambda: True
    for uri, markdown in site.pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if uri in site.out_of_nav else InclusionLevel.UNDEFINED
        page = GeneratedPage.generated(config, uri, content=markdown, inclusion=inclusion)
        page.changed = every_page or previous.get(uri) != markdown
        files.append(page)
        state.pending_dests[uri] = page.abs_dest_path
    state.pending_pages = site.pages
    for uri, text in {**site.data, **state.editor.data}.items():  # the editor's: /admin/
        files.append(File.generated(config, uri, content=text))
    for uri, path in {**site.attachments, **state.editor.files}.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


@timed
def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    """The navigation of each other language: mkdocs.yml's, with that language's pages and titles."""
    state.files, state.navs = files, {LANGUAGES[0]: nav}
    for lang in state.languages:
        if lang != LANGUAGES[0]:
            exists = lambda uri: files.get_file_from_path(uri) is not None  # noqa: E731
            items = nav_in(lang, config.nav or [], exists, state.vocabularies.labels.language(lang))
            state.navs[lang] = navigation(items, files)
    return nav


@timed
def on_env(env, config, files):
    """What the theme's overrides use (docs/overrides/): a fresh fragment cache, labels, the preview's banner."""
    env.globals["kb_cached"] = FragmentCache()
    env.auto_reload = False  # a new environment each build: no need to look at each template's file for each page
    env.globals["kb_label"] = state.vocabularies.labels.language("en")
    env.globals["kb_problems"] = Markup(state.banner)
    env.globals["kb_word"] = MaterialWords()  # Material's words, read once per language and build
    env.globals["kb_alternates_of"] = lambda page: alternates(page.file.src_uri, state.languages, state.files)
    return env


@timed
def on_pre_page(page: Page, config, files) -> Page:
    """A generated page is rendered by ``mkdocs_pages.render``: HTML blocks only, it skips Markdown altogether."""
    if page.file.src_uri in state.site.pages:
        page.render = partial(render, page, state.site)  # type: ignore[method-assign]
    return page


@timed
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Insert the field reference and entry skeletons (from the models) and the home page's front door (from the
    catalog) where a hand-written page asks for them; never in a generated page, which holds entries' text."""
    if page.file.src_uri in state.site.pages:
        return markdown
    uri = page.file.src_uri
    return state.site.expand(expand_markers(markdown, state.vocabularies, lang=language_of(uri)), uri)


@timed
def on_page_content(html: str, page, config, files) -> str:
    """Give a generated page its table of contents (its HTML blocks are put in just before it is written)."""
    if page.file.src_uri in state.site.tocs:
        page.toc = get_toc(state.site.tocs[page.file.src_uri])
    return html


@timed
def on_page_context(context, page, config, nav):
    """Put the page's HTML blocks in (an entry's body among them), with the ¶ links' titles in its language; give an
    entry page its head's tags, and point its edit button at its source file in rounds/ or lessons/."""
    uri, lang = page.file.src_uri, language_of(page.file.src_uri)
    html, permalink = state.site.html_blocks.fill(page.content or ""), state.vocabularies.labels.text("permalink", lang)
    page.content = html if lang == LANGUAGES[0] else permalink_titles(html, permalink)
    context["nav"] = state.navs.get(lang, nav)
    context.update(interface(page, lang, state.languages, state.files, state.vocabularies.labels))
    if uri in state.site.heads:
        context["kb_head"] = state.site.heads[uri]  # description, link previews, citation tags (main.html)
    source = state.site.sources.get(uri)
    if source and config.repo_url and config.edit_uri:
        edit_root = config.edit_uri.rstrip("/").rsplit("/", 1)[0]  # "edit/main/docs" -> "edit/main"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root}/{source}"
    return context


def on_post_build(config) -> None:
    """Index the written site for the search (the last step, so that `mkdocs build` alone makes a whole site; under
    `mkdocs serve`, whose site holds the previews, a rebuild is indexed in the background); with KB_TIMINGS=file.json,
    write the time spent in the project's code and in indexing (for benchmarks/scale.py)."""
    if state.dirty:  # a page generated last time and not now (an entry removed or broken since) goes
        for uri in state.written_dests.keys() - state.pending_dests.keys():
            Path(state.written_dests[uri]).unlink(missing_ok=True)
            state.search.forget(Path(state.written_dests[uri]).relative_to(config.site_dir).as_posix())
        state.written_pages, state.written_dests, state.pending_dests = state.pending_pages, state.pending_dests, {}
    state.written_banner = state.banner
    state.builds += 1
    # The English pages of entries: the one index reads no other (search_index.INDEX_LANGUAGE).
    site, pages = Path(config.site_dir), indexed_pages(state.hand_written, KINDS)
    if state.preview and state.builds > 1:
        report = lambda message: log.warning(f"the search was not updated: {message}")  # noqa: E731
        state.indexer.start(site, pages, report, source=state.search.folder)
        return
    try:
        index = state.indexer.index(site, pages, source=state.search.folder)
    except SearchIndexError as error:
        _refuse(config, str(error))
    finally:
        if not state.preview:  # serve keeps it for its rebuilds
            state.search.clear()
    record("pagefind (wall)", index.seconds)  # a separate process: not part of the hooks' CPU
    record("pagefind (cpu)", index.cpu)
    write_timings()


@timed
def on_post_page(output: str, page, config) -> str:
    """Keep what the search reads of the page (search_index.SearchSource): Pagefind reads that, not the whole page."""
    state.search.keep(page.file.dest_uri, output)
    page.content = None  # written: its HTML need not stay in memory until every page is
    return output


def on_shutdown() -> None:
    """Serve is stopping and will remove its folder: end an indexing still running, so that nothing is left."""
    state.indexer.stop()
    state.search.clear()
    settle()  # the process ends: Python need not go through every object once more before it does (collector.py)
