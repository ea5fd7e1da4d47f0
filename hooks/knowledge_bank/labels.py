"""Labels: every text the site writes for a visitor, by dotted name, in the four languages (``labels.yml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .field_path import line_of
from .languages import LANGUAGES
from .problems import Problem

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_FIELD = re.compile(r"\{([a-z_]+)\}")


class UnknownLabel(KeyError):
    """A template or script asked for a label that ``labels.yml`` does not define."""


@dataclass(frozen=True)
class Labels:
    """Label name (``facets.countries.title``) -> its wording in each language; English is always there."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)

    def text(self, name: str, lang: str = "en") -> str:
        """The wording of ``name`` in ``lang``, or in English while no one has translated it."""
        try:
            wording = self.texts[name]
        except KeyError:
            raise UnknownLabel(f"no label `{name}` in vocabularies/labels.yml") from None
        return wording.get(lang) or wording["en"]

    def __call__(self, name: str, lang: str = "en", **values: object) -> str:
        """The wording of ``name`` with its ``{fields}`` filled in: ``t("pager.page", n=2)`` -> ``Page 2``."""
        text = self.text(name, lang)
        return text.format(**values) if values else text

    def count(self, name: str, n: int, lang: str = "en", **values: object) -> str:
        """The ``one`` or ``other`` form of ``name`` for the number ``n``: ``count("entries", 3)`` -> ``3 entries``."""
        return self(f"{name}.{'one' if n == 1 else 'other'}", lang, n=n, **values)

    def html(self, name: str, lang: str = "en", **values: object) -> Markup:
        """The wording as HTML: escaped, with values that are ``Markup`` (``<code>…</code>``) put in as they are."""
        return Markup.escape(self.text(name, lang)).format(**values)

    def language(self, lang: str) -> Wording:
        """The labels in ``lang``, as templates use them: ``t("pager.next")``, ``t.count("entries", n)``."""
        return Wording(self, lang)


@dataclass(frozen=True)
class Wording:
    """The labels in one language: what a template calls ``t``."""

    labels: Labels
    lang: str = "en"

    def __call__(self, name: str, **values: object) -> str:
        return self.labels(name, self.lang, **values)

    def count(self, name: str, n: int, **values: object) -> str:
        return self.labels.count(name, n, self.lang, **values)

    def html(self, name: str, **values: object) -> Markup:
        return self.labels.html(name, self.lang, **values)

    def language(self, lang: str) -> Wording:
        return Wording(self.labels, lang)


def parse_labels(data: object, lines: dict[tuple, int], rel: str) -> tuple[Labels, list[Problem]]:
    """The labels of ``labels.yml`` (read into ``data``, with the line of every key), and what is wrong with them."""
    problems: list[Problem] = []
    texts: dict[str, dict[str, str]] = {}
    if not isinstance(data, dict):
        return Labels(), [Problem(rel, 1, "labels.yml must be groups of labels: `name: {en: …, es: …, pt: …, fr: …}`")]
    _collect(data, (), texts, lines, rel, problems)
    return Labels(texts), problems


def _collect(group: dict, loc: tuple, texts: dict, lines: dict, rel: str, problems: list[Problem]) -> None:
    for key, value in group.items():
        here = (*loc, key)
        name = ".".join(map(str, here))
        line = line_of(lines, here)
        if not isinstance(key, str) or not _NAME.match(key):
            problems.append(Problem(rel, line, f"`{key}` is not a label name: use lower-case letters, digits, - and _"))
        elif isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
            problems += _wording(name, value, line, rel)
            texts[name] = {lang: str(value.get(lang) or "") for lang in LANGUAGES}
        elif isinstance(value, dict) and value:
            _collect(value, here, texts, lines, rel, problems)
        else:
            problems.append(
                Problem(rel, line, f"`{name}` must be a label (`{{en: …, es: …, pt: …, fr: …}}`) or a group of labels")
            )


def _wording(name: str, value: dict, line: int, rel: str) -> list[Problem]:
    problems = []
    if not isinstance(value.get("en"), str):
        problems.append(Problem(rel, line, f"`{name}` needs its English wording: `en: …`", name))
        return problems
    wanted = set(_FIELD.findall(value["en"]))
    for lang, text in value.items():
        if text is None:
            continue
        if not isinstance(text, str):
            problems.append(Problem(rel, line, f"`{name}.{lang}` must be text, not {text!r}", name))
        elif text and set(_FIELD.findall(text)) != wanted:
            fields = ", ".join(f"{{{f}}}" for f in sorted(wanted)) or "none"
            problems.append(
                Problem(
                    rel, line, f"`{name}.{lang}` must use the same {{fields}} as the English wording: {fields}", name
                )
            )
    return problems
