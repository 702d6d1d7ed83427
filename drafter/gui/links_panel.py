"""The selected paragraph's links in related mode, best first, strong above weak.

Why a list of its own: the linked paragraphs of the other text sit in that text's
reading order, so the second best may be far off-screen. Here they are in rank
order, each with its score, a line separating the strong links from the weak ones
(the best candidates there are, on little shared evidence), and the current link
marked: Alt+Down / Alt+Up (or Ctrl+F7 / Ctrl+Shift+F7) step through them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from drafter.model import Link, Paragraph

from . import themes
from .plain import rich, set_plain

_Index = QModelIndex | QPersistentModelIndex
WEAK_LINE = "weak links: the best candidates there are, on little shared evidence"


class LinkListModel(QAbstractListModel):
    """Rows: the strong links, a separator line if any link is weak, the weak links."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, Link, Paragraph] | None] = []  # None: the separator
        self.current: int | None = None  # row of the link last stepped to

    def set_links(self, links: list[tuple[Link, Paragraph]]) -> None:
        self.beginResetModel()
        self.rows = []
        for rank, (lk, target) in enumerate(links, 1):
            if not lk.strong and None not in self.rows:
                self.rows.append(None)
            self.rows.append((rank, lk, target))
        self.current = None
        self.endResetModel()

    def link_rows(self) -> list[int]:
        return [r for r, row in enumerate(self.rows) if row is not None]

    def set_current(self, row: int | None) -> None:
        old, self.current = self.current, row
        for r in (old, row):
            if r is not None and 0 <= r < len(self.rows):
                idx = self.index(r, 0)
                self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or self.rows[index.row()] is None:
            return Qt.ItemFlag.NoItemFlags  # the line between strong and weak
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        colors = themes.colors()
        if row is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"─── {WEAK_LINE} ───"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colors.muted_fg))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        rank, lk, target = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            marker = "▶" if index.row() == self.current else "  "
            shared = "; ".join(lk.shared[:4]) if lk.shared else "no shared phrase"
            strength = "strong" if lk.strong else "weak"
            return f"{marker} #{rank}  {target.label}  ·  {lk.score:.0%} {strength}  ·  {shared}"
        if role == Qt.ItemDataRole.ForegroundRole and not lk.strong:
            return QBrush(QColor(colors.muted_fg))
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            text = " ".join(target.text.split())
            return rich(
                f"Link #{rank} to {target.label}, score {lk.score:.2f} "
                f"({'strong' if lk.strong else 'weak'})\n{text[:300]}"
            )
        return None


class LinksPanel(QWidget):
    """Title plus the rank-ordered list; emits the link the user picks."""

    link_chosen = Signal(object)  # the Link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.title = QLabel("  Select a paragraph to see its links, best first", self)
        self.title.setObjectName("sideTitle")
        set_plain(self.title)  # paragraph labels come from the document
        layout.addWidget(self.title)
        self.model = LinkListModel(self)
        self.view = QListView(self)
        self.view.setAccessibleName("links of the selected paragraph")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        layout.addWidget(self.view, 1)

    def show_links(self, label: str, links: list[tuple[Link, Paragraph]], why_none: str) -> None:
        self.model.set_links(links)
        strong = sum(lk.strong for lk, _ in links)
        if links:
            self.title.setText(
                f"  Links of {label}: {strong} strong, {len(links) - strong} weak "
                "(Alt+Down / Alt+Up to step through them)"
            )
        else:
            self.title.setText(f"  {label}: {why_none}")

    def links(self) -> list[Link]:
        return [row[1] for row in self.model.rows if row is not None]

    def current_rank(self) -> int | None:
        """1-based rank of the link last stepped to (None before any)."""
        cur = self.model.current
        return None if cur is None else self.model.link_rows().index(cur) + 1

    def set_current_rank(self, rank: int) -> Link | None:
        rows = self.model.link_rows()
        if not 1 <= rank <= len(rows):
            return None
        row = rows[rank - 1]
        self.model.set_current(row)
        idx = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(idx)
        entry = self.model.rows[row]
        return entry[1] if entry is not None else None

    def _clicked(self, index: QModelIndex) -> None:
        if not index.isValid() or self.model.rows[index.row()] is None:
            return
        rank = self.model.link_rows().index(index.row()) + 1
        link = self.set_current_rank(rank)
        if link is not None:
            self.link_chosen.emit(link)
