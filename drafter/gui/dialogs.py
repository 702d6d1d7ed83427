"""Small message helpers: errors as plain dialogs, never tracebacks, never blocking tests.

Why ``open()`` rather than ``exec()``: a window-modal box that does not spin a nested
event loop keeps background tasks and the screenshot mode running.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .plain import set_plain

_open_boxes: list[QMessageBox] = []
quiet = False  # screenshot mode: print instead of showing boxes


def _keep(box: QMessageBox) -> QMessageBox:
    _open_boxes.append(box)
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    return box


def run_modal(dlg) -> int:
    """``dlg.exec()``, then the keyboard focus back where it was.

    Why: once a modal dialog closes, some platforms leave no window active, and a
    keyboard user would have to reach for the mouse to carry on.
    """
    before = QApplication.focusWidget()
    result = dlg.exec()
    if before is not None and shiboken6.isValid(before) and before.isVisible():
        before.window().activateWindow()
        before.setFocus(Qt.FocusReason.OtherFocusReason)
    return result


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox | None:
    if quiet:
        print(f"drafter: {title}: {message}", file=sys.stderr)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    set_plain(box)
    _keep(box).open()
    return box


def show_info(parent: QWidget | None, title: str, message: str) -> QMessageBox | None:
    if quiet:
        print(f"drafter: {title}: {message}", file=sys.stderr)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent
    )
    set_plain(box)
    _keep(box).open()
    return box


def show_exported(parent: QWidget | None, path: Path) -> QMessageBox | None:
    """ "Saved to ..." with an "Open folder" button."""
    if quiet:
        print(f"drafter: exported {path}", file=sys.stderr)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Export finished",
        f"Saved {path.name}\nin {path.parent}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    set_plain(box)
    folder_btn = box.addButton("Open &Folder", QMessageBox.ButtonRole.ActionRole)
    file_btn = box.addButton("Open &File", QMessageBox.ButtonRole.ActionRole)

    def clicked(button) -> None:
        if button is folder_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        elif button is file_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    box.buttonClicked.connect(clicked)
    _keep(box).open()
    return box


def open_boxes() -> list[QMessageBox]:
    return list(_open_boxes)
