"""The cyclic collector is paused during an analysis: safe only if analyses make no cycles."""
from __future__ import annotations

import gc
import threading

import pytest

from framing import analyze
from framing.errors import FramingError
from framing.gc_pause import cyclic_gc_paused


@pytest.fixture
def collector_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_an_analysis_leaves_no_reference_cycles_behind(seed_text, collector_enabled):
    analyze(seed_text, title="Islamic State gains", metadata={"outlet": "Reuters"})
    gc.collect()
    gc.disable()
    try:
        analyze(seed_text, title="Islamic State gains", metadata={"outlet": "Reuters"})
        analyze("Officials said on Monday that the talks had failed, but the ministry denied it.")
        assert gc.collect() == 0  # nothing unreachable: reference counting freed it all
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_an_analysis_and_after_an_error(collector_enabled):
    analyze("The minister said the talks could resume soon.")
    assert gc.isenabled()
    with pytest.raises(FramingError):
        analyze("   ")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_enabled):
    gc.disable()
    analyze("The minister said the talks could resume soon.")
    assert not gc.isenabled()


def test_the_pause_lasts_until_the_last_concurrent_analysis_ends(collector_enabled):
    inner_started, release = threading.Event(), threading.Event()

    def hold_a_pause():
        with cyclic_gc_paused():
            inner_started.set()
            release.wait(5)

    worker = threading.Thread(target=hold_a_pause)
    worker.start()
    inner_started.wait(5)
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's analysis is still running
    release.set()
    worker.join(5)
    assert gc.isenabled()


class _Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_garbage_piling_up_under_overlapping_analyses_is_still_collected(collector_enabled):
    import weakref

    from framing import gc_pause

    inner_started, release = threading.Event(), threading.Event()

    def hold_a_pause():
        with cyclic_gc_paused():
            inner_started.set()
            release.wait(10)

    worker = threading.Thread(target=hold_a_pause)
    worker.start()
    inner_started.wait(5)
    try:
        with cyclic_gc_paused():
            garbage = [_Node() for _ in range(gc_pause.OVERDUE + 1000)]
            probe = weakref.ref(garbage[0])
            del garbage
        assert not gc.isenabled()  # the other analysis still runs ...
        assert probe() is None  # ... but the pile was collected by hand
    finally:
        release.set()
        worker.join(5)
