"""Agreed-language search over the whole library; a hit opens the version at that paragraph.

Why on the UI thread with a short delay: the store answers from a full-text index
in milliseconds; debouncing keystrokes keeps typing smooth without a worker.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from drafter.errors import DrafterError

HitRole = Qt.ItemDataRole.UserRole + 41


def hit_text(hit) -> str:
    where = " · ".join(
        x
        for x in (
            hit.symbol or hit.title or f"version {hit.version_id}",
            hit.label or (hit.number and f"para {hit.number}"),
            hit.date,
        )
        if x
    )
    extra = ""
    if getattr(hit, "same_text_elsewhere", 0):
        extra = f"  (same wording in {hit.same_text_elsewhere} other paragraph{'s' if hit.same_text_elsewhere != 1 else ''})"
    return f"{where}{extra}\n{hit.snippet}"


class SearchPanel(QWidget):
    """A search box and its hits."""

    open_hit = Signal(int, int)  # version_id, paragraph_id
    error = Signal(str)

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Search agreed language (Ctrl+Shift+F)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Search the library")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setAccessibleName("Search results")
        self.results.itemActivated.connect(self._activated)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.search)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def _enter(self) -> None:
        self._timer.stop()
        self.search()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def search(self, query: str | None = None) -> list:
        if query is not None:
            self.edit.blockSignals(True)
            self.edit.setText(query)
            self.edit.blockSignals(False)
        text = self.edit.text().strip()
        self.results.clear()
        if not text or self.library is None:
            self.status.setText("")
            return []
        try:
            hits = self.library.search(text, limit=50)
        except DrafterError as exc:
            self.status.setText(html.escape(str(exc)))
            return []
        for hit in hits:
            item = QListWidgetItem(hit_text(hit))
            item.setData(HitRole, hit)
            item.setToolTip(getattr(hit, "text", "") or hit.snippet)
            self.results.addItem(item)
        self.status.setText(
            f"{len(hits)} paragraph{'s' if len(hits) != 1 else ''} found"
            if hits
            else "Nothing found"
        )
        return hits

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if hit is not None:
            self.open_hit.emit(int(hit.version_id), int(hit.paragraph_id))
