"""Cyclic garbage made by the UI is freed on the UI thread, however much a worker allocates."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject

from drafter.gui.ui_thread_gc import UiThreadCollector


class _Cycle:
    """Part of a reference cycle that owns a Qt object; notes where it was freed."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self
        self.qobject = QObject()

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def _busy_worker() -> None:
    # allocates as a comparison does: far more container objects than gen-0's threshold
    junk = [[i] for i in range(200_000)]
    del junk


def test_a_worker_never_collects_the_uis_cyclic_garbage(qapp, qtbot):
    collector = qapp.findChild(UiThreadCollector)  # installed as the application does
    assert collector is not None
    assert not gc.isenabled()  # the automatic collector is off while the app runs
    gc.collect()
    _Cycle.freed_on.clear()
    for _ in range(20):
        _Cycle()  # unreachable at once, reachable only through its own cycle
    worker = threading.Thread(target=_busy_worker, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.freed_on == []  # the worker's allocations collected nothing
    kept = [[i] for i in range(5_000)]  # the UI thread's own allocations make a pass due
    qtbot.waitUntil(lambda: len(_Cycle.freed_on) == 20, timeout=5000)
    del kept
    assert set(_Cycle.freed_on) == {threading.main_thread().name}
    assert collector.collect_if_due() == 0  # nothing left that is due


def test_stop_gives_the_automatic_collector_back(qapp):
    was = gc.isenabled()
    gc.enable()
    try:
        c = UiThreadCollector(qapp)
        assert not gc.isenabled()
        c.stop()
        assert gc.isenabled()
        c.deleteLater()
    finally:
        if not was:
            gc.disable()
