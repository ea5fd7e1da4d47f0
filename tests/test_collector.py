"""The garbage collector during a build (collector.py): what is alive is settled out of its sight, what is garbage
is freed first, and `mkdocs serve` settles nothing."""

from __future__ import annotations

import gc
import weakref

import pytest

from knowledge_bank.collector import settle


class _Node:
    """An object that can hold itself: a cycle only the collector frees."""


@pytest.fixture
def collector():
    """The test process's collector as it was: nothing settled before, everything given back after."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_settle_takes_what_is_alive_out_of_the_collectors_sight(collector):
    alive = _Node()
    alive.itself = alive
    settle()
    assert gc.get_freeze_count() > 0
    assert not any(found is alive for found in gc.get_objects())  # a full collection would not go through it
    gc.unfreeze()
    assert any(found is alive for found in gc.get_objects())


def test_garbage_is_freed_not_settled(collector):
    cycle = _Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    del cycle  # unreachable now, but a cycle: only a collection frees it
    settle()
    assert gone() is None


def test_serve_settles_nothing(collector):
    settle(now=False)  # as the hooks call it under `mkdocs serve`, whose rebuilds drop the catalog before
    assert gc.get_freeze_count() == 0


def test_a_full_settle_frees_old_garbage_too(collector):
    cycle = _Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    gc.collect()  # alive and collected: now in the oldest generation, which settle() alone does not go through
    del cycle
    settle()
    assert gone() is not None  # settled with the living: freed only when the process ends
    gc.unfreeze()
    settle(full=True)
    assert gone() is None
