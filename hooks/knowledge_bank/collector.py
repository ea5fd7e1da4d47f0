"""Python's garbage collector during a build: what the build keeps to its end is not scanned again and again.

The collector goes through every object it tracks at each full collection, and through all of them once more as
the process exits. Most of a build's objects live until it ends: the modules MkDocs and the hooks import, the
content loaded, the pages rendered. ``settle()`` takes the objects alive at that moment out of the collector's
sight (``gc.freeze``): the hooks call it as a build starts, once the content is loaded and once the pages are
rendered, so that a full collection scans only what was made since, and once more as the process stops. At 1,000
entries, that is 0.2-0.3 s less of collections during the build and as much at exit (docs/performance.md).

The price: a cycle of settled objects that the build later drops stays in memory until the process ends (or
``gc.unfreeze()``). A build drops little of what it settled and ends soon after; ``mkdocs serve`` drops the catalog
of the build before at every rebuild, so it does not settle until it stops.
"""

from __future__ import annotations

import gc


def settle(now: bool = True, *, full: bool = False) -> None:
    """Free the young garbage (what the two youngest generations hold) or, if ``full``, all of it (a full collection
    goes only through the objects not settled yet), then keep every object alive now out of the collector's sight, for
    good; unless ``now`` is false (``mkdocs serve``). The render leaves garbage old enough to be out of the young
    generations (its templates' contexts): settled with it, it would add 6 % to the build's peak memory."""
    if not now:
        return
    gc.collect(2 if full else 1)
    gc.freeze()
