"""MkDocs hooks: a thin adapter that hands MkDocs events to the ``knowledge_bank`` core.

Imported at the top (not inside events): this folder is on ``sys.path`` only while MkDocs
imports the hook module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from knowledge_bank.catalog import Catalog
from knowledge_bank.html_blocks import FragmentCache
from knowledge_bank.loader import load_content
from knowledge_bank.problems import summary
from knowledge_bank.reference import expand_markers
from knowledge_bank.render import GeneratedSite, render_site
from knowledge_bank.timings import stage, timed, write_timings
from knowledge_bank.vocabularies import Vocabularies

log = get_plugin_logger("knowledge_bank")


@dataclass
class BuildState:
    """What the hooks keep between the events of one MkDocs process."""

    command: str = "build"  # "build", "gh-deploy" or "serve"
    dirty: bool = False  # --dirty: only pages whose Markdown changed are rebuilt
    vocabularies: Vocabularies = field(default_factory=Vocabularies.empty)  # read once, in on_config
    site: GeneratedSite = field(default_factory=GeneratedSite)  # what the core generated for this build
    written_pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown of the last written build
    pending_pages: dict[str, str] = field(default_factory=dict)  # the same for this build, once it is written
    full_html: dict[str, str] = field(default_factory=dict)  # entry page src_uri -> its HTML, after search indexed

    @property
    def preview(self) -> bool:
        """Unpublished entries are shown only by `mkdocs serve`; a build, whatever its settings, never shows them."""
        return self.command == "serve"


state = BuildState()


class GeneratedPage(File):
    """A generated page; under `mkdocs serve --dirty` it is rebuilt only if its Markdown changed since the last build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def on_startup(command: str, dirty: bool) -> None:
    state.command, state.dirty = command, dirty


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
    with stage("load and validate"):
        content = load_content(Path(config.config_file_path).parent)
    state.vocabularies = content.vocabularies
    for problem in sorted(content.problems):  # each once, through the plugin logger, so --strict counts warnings
        (log.error if problem.is_error else log.warning)(problem.format())
    if not content.ok or (content.problems and config.strict):  # MkDocs' --strict would fail only after writing
        strict = " and --strict is on" if content.ok else ""
        _refuse(config, f"the content has {summary(list(content.problems))}{strict}; nothing was built")
    with stage("catalog and facets"):
        catalog = Catalog.build(content, preview=state.preview)
        catalog.facets()
    with stage("render generated pages"):
        state.site = render_site(catalog, config.site_url or "")
    return config


@timed
def on_files(files: Files, config) -> Files:
    """Add the generated pages, data files and public attachments."""
    site = state.site
    previous = state.written_pages if state.dirty else {}
    for uri, markdown in site.pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if uri in site.out_of_nav else InclusionLevel.UNDEFINED
        page = GeneratedPage.generated(config, uri, content=markdown, inclusion=inclusion)
        page.changed = previous.get(uri) != markdown
        files.append(page)
    state.pending_pages = site.pages
    for uri, text in site.data.items():
        files.append(File.generated(config, uri, content=text))
    for uri, path in site.attachments.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


@timed
def on_env(env, config, files):
    """A fresh cache, for each build, of theme fragments shared by many pages (docs/overrides/main.html)."""
    env.globals["kb_cached"] = FragmentCache()
    return env


@timed
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Insert the field reference, the entry skeletons and the generated blocks (the map) where a page asks for them."""
    return state.site.expand(expand_markers(markdown, state.vocabularies))


@timed
def on_page_content(html: str, page, config, files) -> str:
    """Put the generated pages' HTML blocks in (an entry's body among them) and give an entry page its table of
    contents.

    An entry page gets its blocks in the form the search indexes first: Material's search plugin indexes
    ``page.content`` in its ``on_page_context``, which runs before this module's (hooks come after plugins);
    ``on_page_context`` below then puts the full HTML in.
    """
    site, uri = state.site, page.file.src_uri
    if uri in site.tocs:
        page.toc = get_toc(site.tocs[uri])
    if uri not in site.sources or (page.meta.get("search") or {}).get("exclude"):
        return site.html_blocks.fill(html)
    state.full_html[uri] = site.html_blocks.fill(html)
    return site.html_blocks.fill_for_search(html)


@timed
def on_page_context(context, page, config, nav):
    """Give an entry page its full HTML back, and point its edit button at its source file in rounds/ or lessons/."""
    uri = page.file.src_uri
    if uri in state.full_html:
        page.content = state.full_html.pop(uri)  # after the search plugin has indexed the search version
    source = state.site.sources.get(uri)
    if source and config.repo_url and config.edit_uri:
        edit_root = config.edit_uri.rstrip("/").rsplit("/", 1)[0]  # "edit/main/docs" -> "edit/main"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root}/{source}"
    return context


def on_post_build(config) -> None:
    """With KB_TIMINGS=file.json, write the CPU time spent in the project's code (for benchmarks/scale.py)."""
    if state.dirty:
        state.written_pages = state.pending_pages
    write_timings()
