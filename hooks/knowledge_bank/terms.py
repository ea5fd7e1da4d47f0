"""A vocabulary's terms (a phase, an SDG, an added value, a licence) and how a value written by an editor finds its term."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import fold


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, with its labels in the four languages."""

    key: str
    labels: dict[str, str]
    aliases: tuple[str, ...] = ()
    colour: str = ""
    url: str = ""  # a licence's deed
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
        object.__setattr__(self, "_by_key", {term.key: term for term in self.terms})

    def lookup(self, value: object) -> Term | None:
        """The term written as ``value`` (key, number, label or alias), or None."""
        return self._index.get(fold(str(value)))  # type: ignore[attr-defined]

    def __getitem__(self, key: str) -> Term:
        """The term whose key is ``key`` (as templates ask for it), else the one written so."""
        term = self._by_key.get(key) or self.lookup(key)  # type: ignore[attr-defined]
        if term is None:
            raise KeyError(key)
        return term

    def keys(self) -> list[str]:
        return [t.key for t in self.terms]

    def spellings(self) -> list[str]:
        """Every accepted spelling, for suggestions."""
        return list(self._index)  # type: ignore[attr-defined]
