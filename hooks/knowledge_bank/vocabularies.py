"""The controlled vocabularies of the bank (phases, SDGs, added values, licences, country aliases, regions, labels),
read once from `vocabularies/` (vocabulary_files.py reads and checks each file)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .labels import Labels
from .problems import Problem
from .terms import Term, Vocabulary
from .vocabulary_files import (
    KeywordData,
    LicenseData,
    NumberedData,
    PhaseData,
    SdgData,
    read_country_aliases,
    read_labels,
    read_regions,
    read_terms,
)


@dataclass(frozen=True)
class Vocabularies:
    """All vocabularies of the knowledge bank."""

    phases: Vocabulary
    sdgs: Vocabulary
    added_values: Vocabulary
    country_aliases: dict[str, tuple[str, ...]]
    labels: Labels = field(default_factory=Labels)  # everything the site writes for a visitor
    licenses: Vocabulary = field(default_factory=lambda: Vocabulary("licence", ()))  # the first is the default

    @property
    def default_license(self) -> Term:
        """The licence of every entry that names none: the first of ``licenses.yml``."""
        return self.licenses.terms[0]

    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # region -> ISO alpha-2 codes (regions.yml)
    keywords: Vocabulary = field(default_factory=lambda: Vocabulary("keyword", ()))  # the thesaurus (keywords.yml)

    def in_americas(self, code: str) -> bool:
        """Whether the country ``code`` is in the Americas (``regions.yml``); other countries are partners."""
        return code in self.regions.get("americas", ())

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
    """Read ``phases.yml``, ``sdgs.yml``, ``added_values.yml``, ``licenses.yml``, ``keywords.yml``, ``countries.yml``,
    ``labels.yml`` and ``regions.yml`` from ``folder``.

    Every problem in every file is collected (``path:line``, field, message) and raised together
    as a :class:`VocabularyError`.
    """
    problems: list[Problem] = []
    phases = read_terms(folder, "phases.yml", "phase", PhaseData, problems)
    sdgs = read_terms(folder, "sdgs.yml", "SDG", SdgData, problems)
    added_values = read_terms(folder, "added_values.yml", "added value", NumberedData, problems)
    licenses = read_terms(folder, "licenses.yml", "licence", LicenseData, problems)
    keywords = read_terms(folder, "keywords.yml", "keyword", KeywordData, problems)
    aliases = read_country_aliases(folder, problems)
    labels = read_labels(folder, problems)
    if not problems and not licenses.terms:
        problems.append(
            Problem("vocabularies/licenses.yml", 1, "licenses.yml needs at least one licence: the site's default")
        )
    regions = read_regions(folder, problems)
    if problems:
        raise VocabularyError(sorted(problems), labels)
    return Vocabularies(
        phases=phases,
        sdgs=sdgs,
        added_values=added_values,
        country_aliases=aliases,
        labels=labels,
        licenses=licenses,
        regions=regions,
        keywords=keywords,
    )
