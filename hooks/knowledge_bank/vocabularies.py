"""Controlled vocabularies (phases, SDGs, added values, country aliases), read from YAML data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .text import fold

LANGUAGES = ("en", "es", "pt", "fr")


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, with its labels in the four languages."""

    key: str
    labels: dict[str, str]
    aliases: tuple[str, ...] = ()
    colour: str = ""
    description: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The English label."""
        return self.labels["en"]

    def names(self) -> list[str]:
        """Every name the term may be written as, for matching and for search."""
        return [self.key, *self.labels.values(), *self.aliases]


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms, looked up by key, label or alias, case- and accent-insensitively."""

    name: str
    terms: tuple[Term, ...]

    def __post_init__(self) -> None:
        index: dict[str, Term] = {}
        for term in self.terms:
            for name in term.names():
                index.setdefault(fold(str(name)), term)
        object.__setattr__(self, "_index", index)

    def lookup(self, value: object) -> Term | None:
        """The term written as ``value`` (key, number, label or alias), or None."""
        return self._index.get(fold(str(value)))  # type: ignore[attr-defined]

    def __getitem__(self, key: str) -> Term:
        term = self.lookup(key)
        if term is None:
            raise KeyError(key)
        return term

    def keys(self) -> list[str]:
        return [t.key for t in self.terms]

    def spellings(self) -> list[str]:
        """Every accepted spelling, for suggestions."""
        return list(self._index)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Vocabularies:
    """All vocabularies of the knowledge bank."""

    phases: Vocabulary
    sdgs: Vocabulary
    added_values: Vocabulary
    country_aliases: dict[str, tuple[str, ...]]


def _read(path: Path) -> object:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _terms(data: object, key_field: str, source: Path) -> tuple[Term, ...]:
    if not isinstance(data, list):
        raise ValueError(f"{source}: expected a list of terms")
    terms = []
    for item in data:
        labels = {lang: str(item["labels"][lang]) for lang in LANGUAGES}
        terms.append(
            Term(
                key=str(item[key_field]),
                labels=labels,
                aliases=tuple(str(a) for a in item.get("aliases", []) or []),
                colour=str(item.get("colour", "")),
                description={k: str(v) for k, v in (item.get("description") or {}).items()},
            )
        )
    return tuple(terms)


def load_vocabularies(folder: Path) -> Vocabularies:
    """Read ``phases.yml``, ``sdgs.yml``, ``added_values.yml`` and ``countries.yml`` from ``folder``."""
    aliases_data = _read(folder / "countries.yml") or {}
    return Vocabularies(
        phases=Vocabulary("phase", _terms(_read(folder / "phases.yml"), "key", folder / "phases.yml")),
        sdgs=Vocabulary("SDG", _terms(_read(folder / "sdgs.yml"), "number", folder / "sdgs.yml")),
        added_values=Vocabulary(
            "added value", _terms(_read(folder / "added_values.yml"), "number", folder / "added_values.yml")
        ),
        country_aliases={str(code).upper(): tuple(map(str, names or [])) for code, names in aliases_data.items()},
    )
