"""File dialogs that never read the files they list.

Qt's own file dialog asks its icon provider for each file's icon and type, and the
default provider finds them by *reading the file* (MIME sniffing). When the library
database is in the folder shown, that open-and-close by the app's own process drops
the POSIX locks SQLite holds on it; the next process to close the library then takes
itself for the last one and deletes the WAL, with the notes in it ("How To Corrupt an
SQLite Database File", section 2.2). A native dialog running inside the process (the
GTK one) sniffs files the same way.

So every dialog here is Qt's widget dialog with :class:`NameOnlyIconProvider`, which
answers from the file name alone. Windows locks per handle, not per process, so the
native dialog stays there.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_MIME = QMimeDatabase()


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name; a file's content is never read."""

    def icon(self, what):  # a QFileInfo, or an IconType (the overload)
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QFileIconProvider.IconType.Folder)
        types = _MIME.mimeTypesForFileName(what.fileName())
        if types:
            themed = QIcon.fromTheme(types[0].iconName())
            if not themed.isNull():
                return themed
        return super().icon(QFileIconProvider.IconType.File)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        types = _MIME.mimeTypesForFileName(info.fileName())
        return types[0].comment() if types else "File"


def _dialog(parent: QWidget | None, caption: str, directory: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filters)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        provider = NameOnlyIconProvider()
        dialog.setIconProvider(provider)
        dialog._name_only_icons = provider  # the dialog does not own its provider
    return dialog


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> list[str]:
    """Files chosen to open (empty when cancelled)."""
    dialog = _dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    try:
        return list(dialog.selectedFiles()) if dialog.exec() else []
    finally:
        dialog.deleteLater()


def save_file_name(
    parent: QWidget | None, caption: str, path: str = "", filters: str = ""
) -> str:
    """The file chosen to write ("" when cancelled); the dialog asks before replacing."""
    dialog = _dialog(parent, caption, path, filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """A folder chosen ("" when cancelled)."""
    dialog = _dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()
