"""Work-arounds for PySide6 bugs, named once.

``QTimer.singleShot`` with a Python callable corrupted the refcount of ``None`` in
PySide6 6.12.0 (the interpreter aborted with "none_dealloc"; pyproject now keeps
PySide6 below 6.12). :func:`later` is a timer owned by a parent, so a pending call
is cancelled when its widget goes away, which singleShot with a callable is not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def later(parent: QObject, msec: int, fn: Callable[[], object]) -> QTimer:
    """Call ``fn`` once after ``msec`` ms on the UI thread (cancelled with ``parent``)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)

    def fire() -> None:
        timer.deleteLater()
        fn()

    timer.timeout.connect(fire)
    timer.start(msec)
    return timer
