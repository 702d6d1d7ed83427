"""Work-arounds for PySide6 bugs, named once.

``QTimer.singleShot`` with a Python callable corrupts the refcount of ``None`` in
PySide6 6.12 (the interpreter aborts at exit with "none_dealloc"); a QTimer object
with a connected slot does not. :func:`later` is the safe replacement.
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


def make_singletons_immortal() -> None:
    """PySide6 6.12 on Python 3.11 releases one reference to ``None``/``True``/``False``
    too many each time Python code returns one to Qt (a model's ``data()``, a slot).
    Python 3.12 made these objects immortal; on 3.11 their count reaches zero after a
    few hundred thousand calls and the interpreter aborts ("none_dealloc"). Giving
    them a practically endless reference count is what 3.12 does by design.
    """
    import ctypes
    import sys

    if sys.version_info >= (3, 12) or getattr(sys, "_drafter_singletons_pinned", False):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    sys._drafter_singletons_pinned = True  # type: ignore[attr-defined]
