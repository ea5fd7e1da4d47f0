"""The problem banner of the `mkdocs serve` preview: while the content has problems, every page lists them.

A build stops on an error; the preview does not (MkDocs' server would keep the old site and make every request
wait for a build that never succeeds). It builds what is valid and shows the problems at the top of every page,
the 404 page too, so an editor sees them wherever the browser is, and the banner goes when they are fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from .labels import Labels
from .problems import Problem
from .templating import template

MAX_SHOWN = 50  # lines in the banner; the rest are counted, and `kb check` prints them all


# The banner's wording when labels.yml itself cannot be read (its own problems are then among those listed).
FALLBACK = Labels(
    {
        "preview.problems.title.one": {"en": "The content has 1 problem to fix."},
        "preview.problems.title.other": {"en": "The content has {n} problems to fix."},
        "preview.problems.text": {"en": "Fix the lines below (as {check} prints them); the preview updates by itself."},
        "preview.problems.more": {"en": "… and {n} more: run {check} to see them all."},
    }
)


def problem_banner(problems: Sequence[Problem], labels: Labels, lang: str = "en") -> str:
    """The banner's HTML for ``problems`` (errors first), or "" when there are none."""
    if not problems:
        return ""
    if not all(name in labels.texts for name in FALLBACK.texts):
        labels = FALLBACK
    ordered = sorted(problems, key=lambda p: (not p.is_error, p))
    return template("preview/problems.html.j2").render(
        t=labels.language(lang), problems=ordered, shown=ordered[:MAX_SHOWN]
    )
