"""A locked or damaged library, shown in the window: a busy state, then a reason.

The store waits at most its documented time for another program that holds the
library's write lock (:mod:`drafter.notify`); meanwhile the window shows a wait
cursor and "Waiting for the library … (5 s of at most 30 s)" in the status bar.
Waits reported from a worker thread reach the window through a queued signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication

from drafter import notify


class BusyReporter(QObject):
    """Install with :func:`install`; ``messages`` keeps what was shown (for tests)."""

    changed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.messages: list[str] = []
        self._cursor = False
        self._shown = -1
        self.changed.connect(self._show)

    # notify.Reporter's interface (called from whichever thread writes)
    def waiting(self, waited: float, limit: float) -> None:
        second = int(waited)
        if second == self._shown:
            return
        self._shown = second
        self.changed.emit(
            f"Waiting for the library: another program is changing it "
            f"({second} s of at most {limit:.0f} s)…"
        )
        if QThread.currentThread() is self.thread():
            # the write runs on the UI thread: let the status line and cursor paint
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def done_waiting(self) -> None:
        self._shown = -1
        self.changed.emit("")

    def damaged(self, message: str) -> None:
        pass  # shown by the window once it is up (app.py)

    def _show(self, text: str) -> None:
        if text:
            self.messages.append(text)
            if not self._cursor:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                self._cursor = True
            self.window.statusBar().showMessage(text)
        else:
            if self._cursor:
                QGuiApplication.restoreOverrideCursor()
                self._cursor = False
            self.window.statusBar().clearMessage()


class _Adapter(notify.Reporter):
    def __init__(self, busy: BusyReporter) -> None:
        self.busy = busy

    def waiting(self, waited: float, limit: float) -> None:
        self.busy.waiting(waited, limit)

    def done_waiting(self) -> None:
        self.busy.done_waiting()


def install(window) -> BusyReporter:
    """Report library waits in ``window`` from now on; returns the reporter."""
    busy = BusyReporter(window)
    previous = notify.set_reporter(_Adapter(busy))
    busy.destroyed.connect(lambda *_: notify.set_reporter(previous))
    return busy
