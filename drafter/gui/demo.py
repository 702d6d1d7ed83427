"""The demo library: the bundled samples open in a window of their own.

Why: a first look at Drafter must not fill the user's real library with sample
texts they then have to delete. The samples go into ``demo-library.db`` beside the
real library, in a second window whose title and status bar say it is the demo;
that window never saves its tabs over the user's session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from drafter.errors import DrafterError

from . import dialogs

DEMO_NOTE = "Demo library: the bundled samples. Your own library is not touched."


def demo_path(library) -> Path:
    return Path(str(library.path)).with_name("demo-library.db")


def open_demo(window):
    """Show the demo window (made once), with the two sample comparisons."""
    from drafter.store import Library

    existing = getattr(window, "demo_window", None)
    if existing is not None:
        existing.show()
        if QGuiApplication.platformName() != "offscreen":  # (it cannot raise windows)
            existing.raise_()
            existing.activateWindow()
        existing.open_samples()
        return existing
    try:
        library = Library.open(demo_path(window.library))
    except DrafterError as exc:
        dialogs.show_error(window, "Demo library", str(exc))
        return None
    demo = type(window)(library, window.settings)
    demo.demo = True
    demo.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    note = QLabel(f"<b>{DEMO_NOTE}</b>", demo)
    note.setAccessibleName("Demo library")
    demo.statusBar().addPermanentWidget(note)
    demo.demo_note = note
    demo.destroyed.connect(lambda *_a: library.close())

    def forget() -> None:
        window.demo_window = None

    demo.destroyed.connect(forget)
    demo.resize(window.size())
    demo.show()
    demo._tab_changed(None)
    demo.open_samples()
    window.demo_window = demo
    return demo
