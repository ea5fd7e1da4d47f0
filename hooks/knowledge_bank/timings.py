"""CPU time spent in the project's own code during a build, for the scale benchmark.

Off unless the environment variable ``KB_TIMINGS`` names a JSON file: the hooks then add the
process CPU time of each stage (load, catalog, render, and each MkDocs event) and write the totals
there when the build ends. ``benchmarks/scale.py`` reads it.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager
from functools import wraps

_totals: dict[str, float] = defaultdict(float)


@contextmanager
def stage(name: str):
    """Add the CPU time of the ``with`` block to stage ``name``."""
    start = time.process_time()
    try:
        yield
    finally:
        _totals[name] += time.process_time() - start


def timed(function):
    """Add the CPU time of every call of ``function`` (an MkDocs event) to a stage named after it."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        with stage(f"event {function.__name__}"):
            return function(*args, **kwargs)

    return wrapper


def record(name: str, seconds: float) -> None:
    """Add ``seconds`` measured elsewhere (the wall time of a tool the build runs, like Pagefind) to ``name``."""
    _totals[name] += seconds


def write_timings() -> None:
    """Write the totals to the file named by ``KB_TIMINGS`` (if set) and start again from zero."""
    path = os.environ.get("KB_TIMINGS")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(dict(_totals), out, indent=1)
    _totals.clear()
