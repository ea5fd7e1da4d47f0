"""Entry bodies as markup: each is rendered once in a time limit when loaded, and sanitised when built.

Policy: scalar fields are text, escaped wherever they are shown (see ``render.md`` and the templates'
autoescape); the body is Markdown whose raw HTML is sanitised with ``nh3`` (an allowlist of tags and
attributes, links only to ``https:``, ``http:`` and relative addresses).
"""

from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager

import markdown
import nh3

# The Markdown extensions of mkdocs.yml (tests/test_limits.py keeps the two lists equal).
EXTENSIONS = ("admonition", "attr_list", "def_list", "md_in_html", "tables", "toc")
BODY_SECONDS = 10  # far above the milliseconds a real report takes
STACK_HEADROOM = 400  # frames the check may use: MkDocs renders the same body with more frames above it

_TAGS = nh3.ALLOWED_TAGS - {"area", "map", "nav", "header", "footer"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang", "dir"},
    "th": {*nh3.ALLOWED_ATTRIBUTES["th"], "style"},  # style: only text-align survives (tables' alignment)
    "td": {*nh3.ALLOWED_ATTRIBUTES["td"], "style"},
}
_URL_SCHEMES = {"http", "https"}


class _TooSlow(Exception):
    pass


def _new_renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS))


_renderer = _new_renderer()  # one instance, reset between bodies: setting up the extensions costs more than most bodies


def body_problem(body: str) -> str | None:
    """Why the body cannot be rendered (too slow, too deeply nested), or None when it renders."""
    global _renderer
    try:
        with _time_limit(BODY_SECONDS), _stack_limit(STACK_HEADROOM):
            _renderer.reset().convert(body)
    except _TooSlow:
        return f"the text takes more than {BODY_SECONDS} s to render as Markdown; simplify its nesting"
    except RecursionError:
        return "the text nests lists, quotes or emphasis too deeply to render as Markdown; simplify it"
    except Exception as exc:  # a bug of Python-Markdown on odd input is still the editor's problem to avoid
        return f"the text cannot be rendered as Markdown ({type(exc).__name__}); simplify it"
    return None


@contextmanager
def _time_limit(seconds: int):
    """Raise ``_TooSlow`` after ``seconds`` — with SIGALRM, so only on Unix in the main thread (else no limit)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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


def _attribute(tag: str, name: str, value: str) -> str | None:
    # Ids beginning with "_" are the theme's (`__config` holds its settings): a body must not shadow them.
    if name == "id" and (value.startswith("_") or not value.isprintable()):
        return None
    return value


def sanitise(html: str) -> str:
    """HTML rendered from an entry's body, with every tag, attribute and address outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes=_URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="noopener nofollow",
    )


def body_markers(nonce: str) -> tuple[str, str]:
    """The HTML comments around an entry's body: a body cannot forge them without knowing the build's nonce."""
    return f"<!-- kb-body {nonce} -->", f"<!-- /kb-body {nonce} -->"


def sanitise_body(page_html: str, nonce: str) -> str:
    """Sanitise the part of an entry page's HTML that comes from its body; without a marker, fail closed."""
    start, end = body_markers(nonce)
    head, found, rest = page_html.partition(start)
    if not found:
        return sanitise(page_html)
    body, found, tail = rest.partition(end)
    if not found:
        return head + sanitise(rest)
    return head + sanitise(body) + tail
