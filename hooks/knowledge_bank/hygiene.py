"""Editorial hygiene across entries: near-duplicate keywords and skeleton placeholders left in a file.

Both are warnings: they never stop ``kb check``, but they fail ``mkdocs build --strict`` and so a
pull request's checks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from .field_path import dotted
from .models import MAX_KEYWORD_LENGTH, MAX_KEYWORDS
from .problems import Problem, Severity
from .source import Source
from .text import fold

PLACEHOLDER = "FILL IN"  # what ``kb new`` writes where an editor's text is needed
TYPO_MIN_LENGTH = 8  # shorter keywords one letter apart are often different words (Health, Wealth)
_WORD = re.compile(r"[a-z0-9]+")
_PLURALS = (("oes", "ao"), ("aux", "al"), ("ies", "y"), ("ais", "al"))  # pt ações, fr sociaux, en policies, pt sociais


@dataclass(frozen=True)
class KeywordUse:
    """One keyword as written in one entry, and where."""

    path: str
    line: int
    index: int  # position in the entry's ``keywords`` list
    keyword: str


def _singular(word: str) -> str:
    """A rough singular that makes ``transfers``/``transfer`` and ``acciones``/``acción`` meet."""
    if len(word) <= 4:
        return word
    for plural, singular in _PLURALS:
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-1] if word.endswith("e") else word


def keyword_key(keyword: str) -> str:
    """Case, accents, punctuation, spacing and plural endings removed: ``Peer-reviews`` -> ``peerreview``."""
    return "".join(_singular(w) for w in _WORD.findall(fold(keyword)))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def keyword_warnings(uses: list[KeywordUse]) -> list[Problem]:
    """Warn on every keyword spelled almost like a more common one, naming it and its number of entries.

    Two spellings are near-duplicates when their keys are equal (case, accents, punctuation, plural) or
    one typo apart (one letter added, removed, changed or two swapped; keys of 8+ letters, same digits).
    Of two near-duplicates the spelling used by more entries is kept; ties go to the alphabetically
    first spelling, so the result never depends on the order in which files are read.
    """
    entries: dict[str, set[str]] = defaultdict(set)
    for use in uses:
        entries[use.keyword].add(use.path)
    ranked = sorted(entries, key=lambda s: (-len(entries[s]), s.casefold(), s))
    by_key: dict[str, str] = {}  # key of a kept spelling -> the spelling
    near: dict[str, list[str]] = defaultdict(list)  # a key with one letter deleted -> kept keys giving it
    variant_of: dict[str, str] = {}
    for spelling in ranked:
        key = keyword_key(spelling)
        target = by_key.get(key)
        if target is None and len(key) >= TYPO_MIN_LENGTH:
            target = _typo_of(key, by_key, near)
        if target is not None:
            variant_of[spelling] = target
            continue
        by_key[key] = spelling
        for variant in _deletions(key):
            near[variant].append(key)
    problems = []
    for use in uses:
        target = variant_of.get(use.keyword)
        if target is None:
            continue
        n = len(entries[target])
        problems.append(
            Problem(
                use.path,
                use.line,
                f'`keywords[{use.index}]`: "{use.keyword}" looks like "{target}" ({n} {"entry" if n == 1 else "entries"}); '
                f'write "{target}" so the entries are listed together, or choose a clearly different keyword',
                f"keywords[{use.index}]",
                Severity.WARNING,
            )
        )
    return problems


def _deletions(key: str) -> set[str]:
    """``key`` and every string one letter shorter: two keys one edit apart always share one of these."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _typo_of(key: str, by_key: dict[str, str], near: dict[str, list[str]]) -> str | None:
    """The kept spelling whose key is one edit from ``key`` (with the same digits), the first kept first."""
    candidates = {other for variant in _deletions(key) for other in near.get(variant, ())}
    rank = {k: i for i, k in enumerate(by_key)} if len(candidates) > 1 else {}  # rare: several are near
    for other in sorted(candidates, key=lambda k: rank.get(k, 0)):
        if len(other) >= TYPO_MIN_LENGTH and _digits(other) == _digits(key) and OSA.distance(key, other) <= 1:
            return by_key[other]
    return None


def placeholder_warnings(src: Source) -> list[Problem]:
    """Warn once for every field, and every line of the body, that still holds the ``FILL IN`` marker of a
    ``kb new`` skeleton. A comment is not a value: a valid value followed by ``# FILL IN …`` is filled in."""
    problems = []
    for loc, value in src.raw_scalars.items():
        if PLACEHOLDER in value:
            field = dotted(loc)
            problems.append(
                Problem(
                    src.path,
                    src.line_of(loc),
                    f"`{field}` still holds the “{PLACEHOLDER}” marker of the skeleton: write the entry's own text "
                    f"or value in its place",
                    field,
                    Severity.WARNING,
                )
            )
    for number, line in enumerate(src.body.split("\n"), start=src.body_line):
        if PLACEHOLDER in line:
            problems.append(
                Problem(
                    src.path,
                    number,
                    f"this line of the text still holds the “{PLACEHOLDER}” marker of the skeleton: write the "
                    f"entry's own text here, then delete the marker",
                    "",
                    Severity.WARNING,
                )
            )
    return problems


def keyword_uses(src: Source) -> list[KeywordUse]:
    """Every keyword of the file as written, even when other fields have errors."""
    keywords = src.data.get("keywords") if isinstance(src.data, dict) else None
    if not isinstance(keywords, list):
        return []
    return [
        KeywordUse(src.path, src.line_of(("keywords", i)), i, k.strip())
        for i, k in enumerate(keywords[:MAX_KEYWORDS])
        if isinstance(k, str) and 0 < len(k.strip()) <= MAX_KEYWORD_LENGTH
    ]  # longer lists and keywords are errors already; comparing them would only cost time and memory
