"""Pause Python's cyclic garbage collector while an analysis runs.

An analysis allocates hundreds of thousands of short-lived objects (tokens, spans, report
dicts) and creates no reference cycles (tests/test_gc_pause.py checks this on real
articles), so reference counting frees all of it and the cyclic collector has nothing to
find. Left on, it still wakes every few hundred allocations and walks the large, long-lived
corpora and model tables: about a tenth of the analysis time (docs/benchmarks.md). Pausing
it for the duration of a call is the standard remedy for such allocation bursts.

The pause nests and is shared by threads: the collector is re-enabled when the last
concurrent analysis finishes, and only if it was enabled when the first one started. The
pause is process-wide, so other threads' cyclic garbage (a database session's, say) waits
while any analysis runs; under a steady stream of overlapping analyses the collector
might never come back on, so an analysis that ends while others still run collects by
hand once more than :data:`OVERDUE` tracked objects have piled up.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

OVERDUE = 200_000  # net new tracked objects since the last collection (the collector's default trigger is 700)
_lock = threading.Lock()
_active = 0  # analyses running now, in any thread
_enabled_before = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    global _active, _enabled_before
    with _lock:
        if _active == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _enabled_before:
                gc.enable()
            overdue = _enabled_before and _active > 0 and gc.get_count()[0] > OVERDUE
        if overdue:
            gc.collect(1)  # the pile is all young: the collector has not run since it began
