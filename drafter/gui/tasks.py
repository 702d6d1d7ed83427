"""One way to run core work in the background: import, compare, export alike.

Why: the window must never freeze. A :class:`TaskRunner` runs a plain Python
function on a ``QThreadPool`` worker; the function gets a ``progress(done, total,
text)`` callback; its result (or its error) comes back on the UI thread through
Qt signals. :class:`~drafter.errors.DrafterError` messages are shown as they are;
any other exception is reported as an unexpected error, never a traceback.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from drafter.errors import DrafterError, unexpected

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except DrafterError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: report it plainly, log the details
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(unexpected(exc))
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A handle on one running job; kept alive by the runner until it ends."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.done = False


class TaskRunner(QObject):
    """Runs functions in a thread pool and tracks how many are under way.

    ``busy_changed(bool)`` lets the window show a progress bar; ``error(title,
    message)`` is emitted for every failed task that has no own error handler.
    """

    busy_changed = Signal(bool)
    progress = Signal(str, int, int, str)  # title, done, total, text
    error = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._tasks: list[Task] = []

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        title: str,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Task:
        """Run ``fn(progress)`` in the background; ``on_done(result)`` on the UI thread."""
        task = Task(title, self)
        signals = _Signals()
        signals.moveToThread(self.thread())
        signals.setParent(task)
        signals.progress.connect(task.progress)
        task.progress.connect(lambda d, t, s: self.progress.emit(title, d, t, s))
        signals.finished.connect(task.finished)
        signals.failed.connect(task.failed)

        def finish(result: object) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            except DrafterError as exc:
                self._report(title, str(exc), on_error)
            finally:
                self._end(task)

        def fail(message: str) -> None:
            try:
                self._report(title, message, on_error)
            finally:
                self._end(task)

        # connected to the Task (a UI-thread object), so they run on the UI thread
        task.finished.connect(finish)
        task.failed.connect(fail)
        was_busy = self.busy
        self._tasks.append(task)
        if not was_busy:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, signals))
        return task

    def _report(self, title: str, message: str, on_error: Callable[[str], None] | None) -> None:
        if on_error is not None:
            on_error(message)
        else:
            self.error.emit(title, message)

    def _end(self, task: Task) -> None:
        task.done = True
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()
        if not self._tasks:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return self.pool.waitForDone(msecs)
