"""Agreed-language search over the whole library; a hit opens the version at that paragraph.

Why on the UI thread with a short delay: the store answers from a full-text index
in milliseconds; debouncing keystrokes keeps typing smooth without a worker.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.errors import DrafterError

from . import themes
from .comparison_model import HtmlRole, KeyRole
from .delegates import RichTextDelegate
from .plain import rich, set_plain

HitRole = Qt.ItemDataRole.UserRole + 41


def hit_text(hit) -> str:
    """Plain text of a hit (accessibility, tests)."""
    return f"{_where(hit)}{_extra(hit)}\n{hit.snippet}"


def _where(hit) -> str:
    label = hit.label or (f"para {hit.number}" if hit.number else "")
    name = hit.symbol or hit.title or f"version {hit.version_id}"
    return " · ".join(x for x in (name, label, hit.date) if x)


def _extra(hit) -> str:
    n = getattr(hit, "same_text_elsewhere", 0)
    return f"  (same wording in {n} other paragraph{'s' if n != 1 else ''})" if n else ""


def hit_html(hit, colors) -> str:
    """The hit with its matched words marked, for the rich text delegate."""
    snippet = hit.snippet
    out, pos = [], 0
    for start, end in sorted(getattr(hit, "marks", ()) or ()):
        if start < pos or end > len(snippet):
            continue
        out.append(html.escape(snippet[pos:start]))
        out.append(
            f'<span style="background-color:{colors.mark_bg};color:{colors.mark_fg}">'
            f"{html.escape(snippet[start:end])}</span>"
        )
        pos = end
    out.append(html.escape(snippet[pos:]))
    exact = (
        ""
        if getattr(hit, "exact", True)
        else f' <i style="color:{colors.muted_fg}">(words apart)</i>'
    )
    return (
        f'<p style="margin:0"><b>{html.escape(_where(hit))}</b>'
        f'<span style="color:{colors.muted_fg}">{html.escape(_extra(hit))}</span>{exact}</p>'
        f'<p style="margin:2px 0 0 0">{"".join(out)}</p>'
    )


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
        set_plain(self.status)  # error messages quote the query and file names
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self._generation = 0
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
        self._generation += 1
        if not text or self.library is None:
            self.status.setText("")
            return []
        try:
            hits = self.library.search(text, limit=50)
        except DrafterError as exc:
            self.status.setText(str(exc))
            return []
        colors = themes.colors()
        for i, hit in enumerate(hits):
            item = QListWidgetItem(hit_text(hit))
            item.setData(HitRole, hit)
            item.setData(HtmlRole, hit_html(hit, colors))
            item.setData(KeyRole, self._generation * 1000 + i)
            item.setToolTip(rich(getattr(hit, "text", "") or hit.snippet))
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
