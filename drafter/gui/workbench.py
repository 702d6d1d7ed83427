"""Pieces the workbench windows share (agreed language, proposals): the tree header,
the Word file to save, a note added from a window."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QWidget

from drafter.errors import DrafterError

from . import dialogs
from .file_dialogs import save_file_name


def stretch_first_column(header: QHeaderView, columns: int) -> None:
    """The first column takes the width; the others fit their contents."""
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, columns):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)


def ask_docx_path(parent: QWidget, title: str, symbol: str | None, what: str) -> str | None:
    """A Word file name to save to, suggested from the document's symbol."""
    name = (symbol or "document").replace("/", "_")
    path = save_file_name(parent, title, f"{name} {what}.docx", "Word documents (*.docx)")
    return path or None


def add_note(parent: QWidget, library, version_id: int, paragraph_id: int, body: str, **kw) -> bool:
    """Store a note; a refusal is shown as a plain dialog. True when stored."""
    try:
        library.add_note(version_id, paragraph_id, body, **kw)
    except DrafterError as exc:
        dialogs.show_error(parent, "Notes", str(exc))
        return False
    return True
