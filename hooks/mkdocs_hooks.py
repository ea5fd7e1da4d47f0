"""MkDocs hooks: a thin adapter that hands MkDocs events to the ``knowledge_bank`` core.

Imported at the top (not inside events): this folder is on ``sys.path`` only while MkDocs
imports the hook module.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from knowledge_bank.catalog import Catalog
from knowledge_bank.loader import load_content
from knowledge_bank.markup import sanitise_body
from knowledge_bank.problems import summary
from knowledge_bank.reference import expand_markers
from knowledge_bank.render import FragmentCache, GeneratedSite, render_site
from knowledge_bank.timings import stage, timed, write_timings

log = get_plugin_logger("knowledge_bank")
_state: dict[str, object] = {}


class GeneratedPage(File):
    """A generated page; under `mkdocs serve --dirty` it is rebuilt only if its Markdown changed since the last build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def _preview() -> bool:
    """Unpublished entries are shown only by `mkdocs serve`; a build, whatever its settings, never shows them."""
    return _state.get("command") == "serve"


def _refuse(config, message: str) -> NoReturn:
    """Stop the build. Outside `mkdocs serve`, empty the site folder first (fail closed): an earlier site
    left in place could still hold an entry unpublished since, and be deployed."""
    if not _preview():
        clean_directory(config.site_dir)
    raise PluginError(message)


@timed
def on_config(config):
    """Load and validate all content; stop before anything is written if there is an error."""
    if _state.get("dirty") and not _preview():
        _refuse(
            config,
            "`--dirty` is refused outside `mkdocs serve`: it would keep in the site the pages of entries that "
            "have since been unpublished or removed; build without --dirty",
        )
    root = Path(config.config_file_path).parent
    with stage("load and validate"):
        content = load_content(root)
    for problem in sorted(content.problems):  # each once, through the plugin logger, so --strict counts warnings
        (log.error if problem.is_error else log.warning)(problem.format())
    if not content.ok or (content.problems and config.strict):  # MkDocs' --strict would fail only after writing
        strict = " and --strict is on" if content.ok else ""
        _refuse(config, f"the content has {summary(list(content.problems))}{strict}; nothing was built")
    with stage("catalog and facets"):
        catalog = Catalog.build(content, preview=_preview())
        catalog.facets()
    with stage("render generated pages"):
        _state["site"] = render_site(catalog, config.site_url or "")
    _state["root"] = root
    return config


@timed
def on_files(files: Files, config) -> Files:
    """Add the generated pages, data files and public attachments."""
    site: GeneratedSite = _state["site"]  # type: ignore[assignment]
    previous: dict[str, str] = _state.get("previous_pages", {}) if _state.get("dirty") else {}  # type: ignore[assignment]
    for uri, markdown in site.pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if uri in site.out_of_nav else InclusionLevel.UNDEFINED
        page = GeneratedPage.generated(config, uri, content=markdown, inclusion=inclusion)
        page.changed = previous.get(uri) != markdown
        files.append(page)
    _state["pending_pages"] = site.pages  # what the next dirty build compares with, once this one is written
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
    """Insert the field reference and the entry skeletons, generated from the models, where a page asks for them."""
    return expand_markers(markdown, _state["root"])  # type: ignore[arg-type]


@timed
def on_page_content(html: str, page, config, files) -> str:
    """Sanitise the HTML rendered from an entry's body (its raw HTML and links), then put in the generated
    pages' HTML blocks (kept out of Markdown, which need not parse them).

    An entry page gets its blocks as plain text first: Material's search plugin indexes ``page.content``
    in its ``on_page_context``, which runs before this module's (hooks come after plugins);
    ``on_page_context`` below then puts the full HTML in.
    """
    site: GeneratedSite = _state["site"]  # type: ignore[assignment]
    if page.file.src_uri not in site.sources:
        return site.html_blocks.fill(html)
    html = sanitise_body(html, site.body_nonce)
    if (page.meta.get("search") or {}).get("exclude"):
        return site.html_blocks.fill(html)
    _state.setdefault("full_html", {})[page.file.src_uri] = site.html_blocks.fill(html)  # type: ignore[index]
    return site.html_blocks.fill_for_search(html)


@timed
def on_page_context(context, page, config, nav):
    """Give an entry page its full HTML back, and point its edit button at its source file in rounds/ or lessons/."""
    site: GeneratedSite = _state["site"]  # type: ignore[assignment]
    full_html: dict[str, str] = _state.get("full_html", {})  # type: ignore[assignment]
    if page.file.src_uri in full_html:
        page.content = full_html.pop(page.file.src_uri)  # after the search plugin has indexed the text version
    source = site.sources.get(page.file.src_uri)
    if source and config.repo_url and config.edit_uri:
        edit_root = config.edit_uri.rstrip("/").rsplit("/", 1)[0]  # "edit/main/docs" -> "edit/main"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root}/{source}"
    return context


def on_post_build(config) -> None:
    """With KB_TIMINGS=file.json, write the CPU time spent in the project's code (for benchmarks/scale.py)."""
    if _state.get("dirty"):
        _state["previous_pages"] = _state.get("pending_pages", {})
    write_timings()
