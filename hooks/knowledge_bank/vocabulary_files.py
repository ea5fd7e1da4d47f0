"""The vocabulary files of ``vocabularies/``: what each term of ``phases.yml``, ``sdgs.yml``, ``added_values.yml`` and
``licenses.yml`` holds, and the reading of every file (those, ``countries.yml``, ``labels.yml``, ``regions.yml``), each
problem collected at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .country_names import alias_problems, iso_countries
from .field_path import FieldPath, line_of
from .labels import Labels, parse_labels
from .languages import Language
from .problems import Problem
from .terms import Term, Vocabulary
from .text import fold
from .yaml_reader import Wording, read_yaml

MAX_CHARS = 200_000  # characters in a vocabulary file: the largest is some 4,000

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class TermLabels(BaseModel):
    """A term's label in each of the four languages; all four are required."""

    model_config = ConfigDict(extra="forbid")
    en: Text
    es: Text
    pt: Text
    fr: Text


class TermData(BaseModel):
    """A term as written in a vocabulary file: labels, aliases and an optional description."""

    model_config = ConfigDict(extra="forbid")
    labels: TermLabels
    aliases: list[Text] = []
    description: dict[Language, Text] = {}

    @property
    def key(self) -> str:  # pragma: no cover - every vocabulary file uses a subclass
        raise NotImplementedError


class PhaseData(TermData):
    """A phase of ``phases.yml``, named by a lower-case ``key``."""

    key_: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")] = Field(alias="key")

    @property
    def key(self) -> str:
        return self.key_


class KeywordData(TermData):
    """A keyword of the thesaurus ``keywords.yml``: its address (``keywords/<key>/``), names and other spellings."""

    key_: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = Field(alias="key")

    @property
    def key(self) -> str:
        return self.key_


class LicenseData(TermData):
    """A licence of ``licenses.yml``, named by its SPDX identifier, with the address of its deed."""

    key_: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")] = Field(alias="key")
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s\"'<>]+$")]

    @property
    def key(self) -> str:
        return self.key_


class NumberedData(TermData):
    """A term named by its ``number``, as the added values of ``added_values.yml``."""

    number: Annotated[int, Field(ge=1, le=99, strict=True)]

    @property
    def key(self) -> str:
        return str(self.number)


class SdgData(NumberedData):
    """A Sustainable Development Goal of ``sdgs.yml``, with its official colour."""

    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


def read_regions(folder: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """``regions.yml``: region name -> ISO alpha-2 codes; every code must be ISO's."""
    path = folder / "regions.yml"
    rel = display(path)
    data, lines = read_yaml_file(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        problems.append(
            Problem(rel, 1, "regions.yml must map a region to a list of ISO alpha-2 codes (`americas: [AR, BO]`)")
        )
        return {}
    known = iso_countries()[0]
    regions: dict[str, tuple[str, ...]] = {}
    for name, codes in data.items():
        for i, code in enumerate(codes):
            if str(code).upper() not in known:
                problems.append(
                    Problem(
                        rel,
                        line_of(lines, (name, i)),
                        f"`{code}` is not an ISO 3166-1 alpha-2 country code (for example `BO`)",
                        field=str(name),
                    )
                )
        regions[str(name)] = tuple(str(c).upper() for c in codes)
    return regions


def read_labels(folder: Path, problems: list[Problem]) -> Labels:
    path = folder / "labels.yml"
    data, lines = read_yaml_file(path, problems)
    if data is None:
        return Labels()
    labels, found = parse_labels(data, lines, display(path))
    problems += found
    return labels


def read_terms(folder: Path, filename: str, name: str, model: type[TermData], problems: list[Problem]) -> Vocabulary:
    path = folder / filename
    data, lines = read_yaml_file(path, problems)
    rel = display(path)
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
            url=getattr(parsed, "url", ""),
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


def read_country_aliases(folder: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    path = folder / "countries.yml"
    rel = display(path)
    data, lines = read_yaml_file(path, problems)
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


def read_yaml_file(path: Path, problems: list[Problem]) -> tuple[object, dict[FieldPath, int]]:
    """The data of a YAML file and the line of every key and list item, read as front matter is; problems are collected."""
    rel = display(path)
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


def display(path: Path) -> str:
    """``vocabularies/phases.yml``: the path as an editor sees it in the repository."""
    return f"{path.parent.name}/{path.name}"
