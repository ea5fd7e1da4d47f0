"""One step of the build measured apart from the rest (bodies.py, front_matter.py): the bench's synthetic entries as
text, the two options every such script takes, and the least CPU time of a few rounds of the step."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import synthetic

T = TypeVar("T")


def arguments(description: str) -> argparse.Namespace:
    """``--entries`` (how many synthetic entries, 1,000 by default) and ``--repeat`` (rounds, 5)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args()


def entry_texts(n: int) -> list[str]:
    """The file of each of ``n`` synthetic entries (synthetic.make_site), as text, in the order of their paths."""
    with tempfile.TemporaryDirectory(prefix="kb-apart-") as work:
        synthetic.make_site(n, Path(work))
        paths = sorted(p for kind in ("rounds", "lessons") for p in (Path(work) / kind).glob("*.md"))
        return [path.read_text(encoding="utf-8") for path in paths]


def least_cpu(step: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The least CPU time of ``repeat`` runs of ``step``, and what the last run gave."""
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        out = step()
        best = min(best, time.process_time() - start)
    return best, out
