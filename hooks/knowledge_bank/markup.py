"""Entry bodies as markup: each is rendered once, in a time limit, when it is loaded, and sanitised then.

Policy: scalar fields are text, escaped wherever they are shown (``md`` below and the templates'
autoescape); the body is Markdown whose raw HTML is sanitised with ``nh3`` (an allowlist of tags and
attributes, links only to ``https:``, ``http:`` and relative addresses). The HTML made here is the HTML
the entry's page shows: MkDocs never converts a body again.
"""

from __future__ import annotations

import copy
import html
import re
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions.toc import nest_toc_tokens, unique
from markupsafe import Markup

from .fast_markdown import prefiltered

# The Markdown extensions of mkdocs.yml and their settings (tests/test_limits.py keeps them equal).
EXTENSIONS = ("admonition", "attr_list", "def_list", "md_in_html", "tables", "toc")
EXTENSION_CONFIGS = {"toc": {"permalink": True}}
BODY_SECONDS = 10  # of CPU time: far above the milliseconds a real report takes
# Headings of one body: a report has a few dozen. Measured before Pagefind replaced Material's search plugin, a
# build's cost grew with the square of their number (the plugin walked the whole table of contents for each section:
# 6.5 s of CPU with 8,000 headings, 99 s with 24,000); the cap stays as the bound of every per-heading cost that
# remains (the page's table of contents, Python-Markdown's `unique` on many headings of one text).
MAX_HEADINGS = 1_000
STACK_HEADROOM = 400  # frames the check may use: MkDocs renders the same body with more frames above it

_TAGS = nh3.ALLOWED_TAGS - {"area", "map", "nav", "header", "footer"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang", "dir"},
    "th": {*nh3.ALLOWED_ATTRIBUTES["th"], "style"},  # style: only text-align survives (tables' alignment)
    "td": {*nh3.ALLOWED_ATTRIBUTES["td"], "style"},
}
_URL_SCHEMES = {"http", "https"}


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


def md(text: object) -> Markup:
    """Escape text for inline Markdown: shown as written, never read as markup or HTML."""
    # Quotes are text in Markdown; escaped as &#x27; they reached the theme's <title> as &amp;#x27;.
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


class BodyError(Exception):
    """The body cannot be rendered; the message is meant for the editor."""


class _TooSlow(Exception):
    pass


@dataclass(frozen=True)
class RenderedBody:
    """An entry's body as its page shows it: sanitised HTML, and the headings of the page's table of contents.

    The body is rendered after the page's title (``# title``), as it stands on the page, so heading ids,
    their permalinks and the table of contents are those of the whole page.
    """

    html: str
    headings: tuple[dict, ...]  # Python-Markdown's toc tokens, not nested: the title's first, then the body's
    ids: frozenset[str]  # every id the title and the body use, for headings added after the body

    def id_after(self, text: str) -> str:
        """The id of a heading ``text`` that follows the body: its own, unless the page already uses it."""
        return unique(heading_id(text), set(self.ids))

    def toc(self, after: str | list[str] | None = None, level: int = 2, lang: str = "") -> list[dict]:
        """The nested toc tokens of the page: the title, the body's headings, and the heading(s) ``after`` them;
        with ``lang``, the title's and the body's are marked as text in that language (the entry's, when the page's
        is another)."""
        tokens = [dict(t) for t in self.headings]
        if lang:
            for token in tokens:
                token["name"] = f'<span lang="{lang}">{token["name"]}</span>'

        for text in [after] if isinstance(after, str) else after or []:
            tokens.append({"level": level, "id": self.id_after(text), "name": text, "html": text, "data-toc-label": ""})
        return nest_toc_tokens(tokens)


def heading_id(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading of this text, when no other element has it —
    without leading underscores: ids such as ``__config`` or ``__search`` are the theme's, and a heading that took
    one would break the page's scripts."""
    return _slugify(text, "-")


def heading_html(text: str) -> str:
    """A heading's text as Python-Markdown writes it, and as MkDocs takes a page's title and table of contents from it:
    HTML, on one line."""
    return " ".join(html.escape(text, quote=False).split())


def _slugify(value: str, separator: str) -> str:
    return markdown.extensions.toc.slugify(value, separator).lstrip("_") or "section"


def stock_renderer() -> markdown.Markdown:
    """Python-Markdown with the site's extensions and settings, as it comes."""
    toc = {**EXTENSION_CONFIGS["toc"], "slugify": _slugify}
    return markdown.Markdown(
        extensions=list(EXTENSIONS), extension_configs={**copy.deepcopy(EXTENSION_CONFIGS), "toc": toc}
    )


# One instance, reset between bodies: setting up the extensions costs more than most bodies. Its inline patterns are
# and block tests tried only where they can match (fast_markdown.py): the same HTML, in 40 % less time.
_renderer = stock_renderer()
FAST_INLINE = prefiltered(_renderer)
conversions = 0  # bodies converted by this process (tests/test_render_once.py counts them)


def render_body(title: str, body: str) -> RenderedBody:
    """Render, in a time limit, the Markdown ``body`` of the entry titled ``title``; raise ``BodyError``."""
    global conversions
    conversions += 1
    try:
        with _time_limit(BODY_SECONDS), _stack_limit(STACK_HEADROOM):
            page = _renderer.reset().convert(f"# {md(title)}\n\n{body}")
            tokens = _flatten(_renderer.toc_tokens)
    except _TooSlow:
        raise BodyError(
            f"the text takes more than {BODY_SECONDS} s of computing time to render as Markdown; simplify its nesting"
        ) from None
    except RecursionError:
        raise BodyError(
            "the text nests lists, quotes or emphasis too deeply to render as Markdown; simplify it"
        ) from None
    except Exception as exc:  # a bug of Python-Markdown on odd input is still the editor's problem to avoid
        raise BodyError(f"the text cannot be rendered as Markdown ({type(exc).__name__}); simplify it") from None
    if len(tokens) - 1 > MAX_HEADINGS:  # the first is the page's title
        raise BodyError(
            f"the text has {len(tokens) - 1:,} headings; at most {MAX_HEADINGS:,} are allowed (a report has a few "
            f"dozen): make the smaller ones bold text, or split the text into several entries"
        )
    title_end = page.find("</h1>") + len("</h1>")  # the title is escaped text: its heading holds no other </h1>
    ids = frozenset(a or b for a, b in _ID.findall(page))
    foreign: list[str] = []
    html = sanitise(page[title_end:].lstrip("\n"), foreign)
    if foreign:
        raise BodyError(
            f"the text shows an image from outside the entry's folder (“{foreign[0][:80]}”): the site asks no other "
            f"host for anything; attach the image file to the entry (make the entry a folder, slug/index.md, with "
            f"the file beside it) and write ![what it shows](file.png)"
        )
    return RenderedBody(html, tuple(tokens), ids)


def _flatten(tokens: list[dict]) -> list[dict]:
    """Toc tokens in document order, without their ``children``."""
    flat = []
    for token in tokens:
        flat.append({k: v for k, v in token.items() if k != "children"})
        flat.extend(_flatten(token.get("children", [])))
    return flat


@contextmanager
def _time_limit(seconds: int):
    """Raise ``_TooSlow`` after ``seconds`` of CPU time spent by this process (not wall-clock time, which a busy
    machine stretches) — with ``ITIMER_PROF``, so only on Unix in the main thread (elsewhere no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _TooSlow

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def _stack_limit(headroom: int):
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(min(limit, depth + headroom))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


# The classes the site's Markdown features write: admonitions (with Material's types), their titles, heading
# permalinks and a [TOC]. Any other class could borrow the site's own look (a fake "Not published" banner, a dialog).
CLASSES = frozenset(
    "admonition admonition-title headerlink toc note abstract summary tldr info todo tip hint important success "
    "check done question help faq warning caution attention failure fail missing danger error bug example quote "
    "cite".split()
)


def _own_file(address: str) -> bool:
    """Whether an image address is a file of the entry's own folder (``photo.png``, ``figures/map.png``)."""
    parts = urlsplit(address)
    path = parts.path.replace("\\", "/")
    return bool(path) and not (parts.scheme or parts.netloc or path.startswith("/") or ".." in path.split("/"))


def _attribute_filter(foreign_images: list[str]):
    def attribute(tag: str, name: str, value: str) -> str | None:
        # Ids beginning with "_" are the theme's (`__config` holds its settings): a body must not shadow them.
        if name == "id" and (value.startswith("_") or not value.isprintable()):
            return None
        if name == "class":
            return " ".join(c for c in value.split() if c in CLASSES) or None
        if tag == "img" and name == "src" and not _own_file(value):
            foreign_images.append(value)  # the site asks no other host for anything: an error, not a silent gap
            return None
        return value

    return attribute


def sanitise(html: str, foreign_images: list[str] | None = None) -> str:
    """HTML rendered from an entry's body, with every tag, attribute, class and address outside the allowlist
    removed; the address of every image from outside the entry's folder is added to ``foreign_images``."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute_filter([] if foreign_images is None else foreign_images),
        url_schemes=_URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="noopener nofollow",
    )


_PERMALINK = re.compile(r'(class="headerlink" href="#[^"]*" title=")Permanent link(")')


def permalink_titles(page: str, title: str) -> str:
    """``page`` (HTML) with the title of each heading's ¶ link (Python-Markdown's "Permanent link") as ``title``."""
    return _PERMALINK.sub(lambda m: m[1] + html.escape(title) + m[2], page) if "Permanent link" in page else page
