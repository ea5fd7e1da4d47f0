"""Controlled vocabularies (phases, SDGs, added values, country aliases), read from YAML data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from .country_names import alias_problems
from .field_path import FieldPath, line_of
from .labels import Labels, parse_labels
from .problems import Problem
from .text import fold
from .vocabulary_files import NumberedData, PhaseData, SdgData, TermData
from .yaml_reader import Wording, read_yaml

MAX_CHARS = 200_000  # characters in a vocabulary file: the largest is some 4,000


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


@dataclass(frozen=True)
class Vocabularies:
    """All vocabularies of the knowledge bank."""

    phases: Vocabulary
    sdgs: Vocabulary
    added_values: Vocabulary
    country_aliases: dict[str, tuple[str, ...]]
    labels: Labels = field(default_factory=Labels)  # everything the site writes for a visitor

    @classmethod
    def empty(cls, labels: Labels | None = None) -> Vocabularies:
        """No vocabulary (they could not be read), with the ``labels`` that could."""
        empty = cls(Vocabulary("phase", ()), Vocabulary("SDG", ()), Vocabulary("added value", ()), {})
        return empty if labels is None else replace(empty, labels=labels)

    @property
    def is_empty(self) -> bool:
        """Whether the vocabularies could not be read (nothing can be checked or generated against them)."""
        return not self.phases.terms


class VocabularyError(Exception):
    """The vocabulary files have problems; nothing can be validated against them until they are fixed."""

    def __init__(self, problems: list[Problem], labels: Labels | None = None) -> None:
        super().__init__(f"{len(problems)} problem(s) in the vocabularies")
        self.problems = problems
        self.labels = labels or Labels()  # those that could be read, for the preview's problem banner


def load_vocabularies(folder: Path) -> Vocabularies:
    """Read ``phases.yml``, ``sdgs.yml``, ``added_values.yml``, ``countries.yml`` and ``labels.yml`` from ``folder``.

    Every problem in every file is collected (``path:line``, field, message) and raised together
    as a :class:`VocabularyError`.
    """
    problems: list[Problem] = []
    phases = _vocabulary(folder, "phases.yml", "phase", PhaseData, problems)
    sdgs = _vocabulary(folder, "sdgs.yml", "SDG", SdgData, problems)
    added_values = _vocabulary(folder, "added_values.yml", "added value", NumberedData, problems)
    aliases = _country_aliases(folder, problems)
    labels = _labels(folder, problems)
    if problems:
        raise VocabularyError(sorted(problems), labels)
    return Vocabularies(phases=phases, sdgs=sdgs, added_values=added_values, country_aliases=aliases, labels=labels)


def _labels(folder: Path, problems: list[Problem]) -> Labels:
    path = folder / "labels.yml"
    data, lines = _read_yaml(path, problems)
    if data is None:
        return Labels()
    labels, found = parse_labels(data, lines, _display(path))
    problems += found
    return labels


def _vocabulary(folder: Path, filename: str, name: str, model: type[TermData], problems: list[Problem]) -> Vocabulary:
    path = folder / filename
    data, lines = _read_yaml(path, problems)
    rel = _display(path)
    if data is None:
        return Vocabulary(name, ())
    if not isinstance(data, list):
        problems.append(Problem(rel, 1, f"{filename} must be a list of terms (`- key: …` or `- number: …`)"))
        return Vocabulary(name, ())
    terms: list[Term] = []
    owner: dict[str, tuple[str, int]] = {}  # folded spelling -> (term key, line)
    for i, item in enumerate(data):
        try:
            parsed = model.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                loc = (i, *detail["loc"])
                field = ".".join(str(part) for part in detail["loc"]) or "term"
                problems.append(Problem(rel, line_of(lines, loc), _message(field, name, detail), field=field))
            continue
        term = Term(
            key=parsed.key,
            labels=parsed.labels.model_dump(),
            aliases=tuple(parsed.aliases),
            colour=getattr(parsed, "colour", ""),
            description=dict(parsed.description),
        )
        for spelling in term.names():
            folded = fold(spelling)
            other = owner.get(folded)
            if other and other[0] != term.key:
                problems.append(
                    Problem(
                        rel,
                        line_of(lines, (i,)),
                        f"`{spelling}` names both {name} `{other[0]}` (line {other[1]}) and `{term.key}`; "
                        "keep it on one of them",
                        field="aliases",
                    )
                )
            owner.setdefault(folded, (term.key, line_of(lines, (i,))))
        if any(t.key == term.key for t in terms):
            problems.append(Problem(rel, line_of(lines, (i,)), f"{name} `{term.key}` is defined twice; keep one"))
            continue
        terms.append(term)
    return Vocabulary(name, tuple(terms))


def _message(field: str, name: str, detail: dict) -> str:
    if detail["type"] == "missing":
        return f"`{field}` is missing: every {name} needs it"
    if detail["type"] == "extra_forbidden":
        return f"`{field}` is not a field of a {name}; check its spelling or remove it"
    if field == "colour":
        return f'`colour` must be a hex colour such as "#E5243B", not {detail["input"]!r}'
    return f"`{field}`: {detail['msg']}"


def _country_aliases(folder: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    path = folder / "countries.yml"
    rel = _display(path)
    data, lines = _read_yaml(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(
            Problem(rel, 1, "countries.yml must map ISO alpha-2 codes to lists of aliases (`BO: [Bolivia]`)")
        )
        return {}
    aliases: dict[str, tuple[str, ...]] = {}  # code as written -> its aliases
    for code, names in data.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(
                Problem(
                    rel,
                    line_of(lines, (code,)),
                    f"`{code}` must be followed by a list of names, like `[Bolivia, Bolivie]`",
                    field=code,
                )
            )
            continue
        aliases[code] = tuple(names)
    for code, message in alias_problems(aliases):  # against ISO's codes and names, and each other
        problems.append(Problem(rel, line_of(lines, (code,)), message, field=code))
    return {code.upper(): names for code, names in aliases.items()}


def _read_yaml(path: Path, problems: list[Problem]) -> tuple[object, dict[FieldPath, int]]:
    """The data of a YAML file and the line of every key and list item, read as front matter is; problems are collected."""
    rel = _display(path)
    if path.is_symlink() or path.parent.is_symlink():
        problems.append(Problem(rel, 1, "a vocabulary file may not be a symbolic link; commit the file itself"))
        return None, {}
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, 1, f"the vocabulary file {path.name} is missing"))
        return None, {}
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, "the file is not valid UTF-8; save it with UTF-8 encoding"))
        return None, {}
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    doc = read_yaml(text, Wording("the file", "in vocabulary files"), max_chars=MAX_CHARS)
    problems += [Problem(rel, line, message, field) for line, field, message in doc.problems]
    if doc.data is None and not doc.problems:
        problems.append(Problem(rel, 1, f"the vocabulary file {path.name} is empty"))
    return doc.data, doc.lines


def _display(path: Path) -> str:
    """``vocabularies/phases.yml``: the path as an editor sees it in the repository."""
    return f"{path.parent.name}/{path.name}"
