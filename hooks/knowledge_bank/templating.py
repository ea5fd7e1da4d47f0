"""The one Jinja environment of the core, and the one place that knows the templates folder.

``templates/pages/`` are the generated pages (Markdown with HTML blocks), ``templates/kinds/`` what each
kind of entry shows and the skeleton ``kb new`` writes, ``templates/data/`` the feed, ``templates/editors/``
the field reference. Every value is HTML-escaped except in ``editors/`` (Markdown written from the models)
and inside ``{% autoescape false %}`` (the skeletons, which are YAML).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from .markup import md

TEMPLATES = Path(__file__).parent / "templates"


def _escapes(name: str | None) -> bool:
    return not (name or "").startswith("editors/")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, shared by every environment (each build's, each language's)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def _new_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=_escapes,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_COMPILED,
    )
    env.filters["md"] = md
    env.filters["compact"] = lambda text: "\n".join(line.rstrip() for line in text.split("\n") if line.strip())
    env.filters["day"] = day
    # A value of the catalog as written in English (a term's label, a country's name); each build's environment
    # replaces it with the page's language (translation.InLanguage).
    env.filters["tr"] = lambda value: getattr(value, "label", None) or getattr(value, "name", str(value))
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    env.globals["code"] = lambda text: Markup("<code>{}</code>").format(text)
    env.globals["time"] = lambda d: Markup('<time datetime="{}">{}</time>').format(d.isoformat(), day(d))
    env.globals["days"] = lambda n: dt.timedelta(days=n)
    return env


@cache
def environment() -> jinja2.Environment:
    """The environment: its templates, filters and the helpers that depend on no build."""
    return _new_environment()


@cache  # a build writes a few hundred dates, each on many pages
def day(date: dt.date, lang: str = "en") -> str:
    """``date`` as CLDR writes a date in ``lang`` (medium: "Mar 14, 2025", "14 mar 2025"), as the browser's
    ``Intl.DateTimeFormat`` writes it in Explore and the search results."""
    return format_date(date, "medium", locale=lang)


def template(name: str) -> jinja2.Template:
    """The template ``name`` (``pages/entry.md.j2``…)."""
    return environment().get_template(name)


def for_build(lang: str = "en", **values: object) -> jinja2.Environment:
    """An environment of its own for one build in one language, with the build's values (its catalog, its labels…)
    as globals and dates written in ``lang``.

    Templates import their macros without context, so each imported template is run once per build and language,
    not once per page; what the macros need comes from these globals. Templates are compiled once per process.
    """
    env = _new_environment()
    env.auto_reload = False  # its templates do not change during its build: not looked at again for each page
    env.filters["day"] = lambda date: day(date, lang)
    env.globals["time"] = lambda d: Markup('<time datetime="{}">{}</time>').format(d.isoformat(), day(d, lang))
    env.globals.update(values)
    return env
