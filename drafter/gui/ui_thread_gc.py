"""Python's cyclic garbage collector, run only on the UI thread.

Why: the collector runs in whichever thread happens to allocate when a generation
fills up. In the desktop application that is often a worker (a comparison makes
millions of objects), and a collection there frees unreachable Qt wrappers (a
closed tab's views, their signal helpers) on the wrong thread: their C++
destructors then take Qt's locks from a thread that does not own them, which can
deadlock against the UI thread (seen as a test that hangs for ever in
``QObject::~QObject``). pyqtgraph ships the same remedy for the same reason.

So the automatic collector is switched off while the application runs, and a
timer on the UI thread collects when the allocation counts say it is due, with the
thresholds Python itself would use. Reference counting, which frees almost
everything, is not affected. ``stop()`` gives the automatic collector back.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(interval_ms)

    def collect_if_due(self) -> int:
        """Collect the generations that are due, as Python would; returns what was found."""
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if t0 and c0 > t0:
            if t2 and c2 > t2:
                return gc.collect(2)
            if t1 and c1 > t1:
                return gc.collect(1)
            return gc.collect(0)
        return 0

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
