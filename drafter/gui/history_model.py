"""A thin table model over a :class:`~drafter.history.History`: threads × versions.

Why a QAbstractTableModel: a family of 10 versions of 300 paragraphs is 3,000
cells; the view asks only for the cells on screen, each answered from the frozen
history in O(1) (no widget per cell). The last column shows the start of each
thread's latest wording so a row can be read without selecting it. The
"changed since version X" filter is a list of the thread indexes shown.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from drafter.history import Change, History, Step, Thread

from .plain import rich
from .themes import DiffColors

StepRole = Qt.ItemDataRole.UserRole + 31  # the Step of a cell (None when absent)
ThreadRole = Qt.ItemDataRole.UserRole + 32  # the thread index of a row

_CHANGE_WORDS = {
    Change.UNCHANGED: "unchanged",
    Change.MODIFIED: "modified",
    Change.MOVED: "moved",
    Change.SPLIT: "split",
    Change.MERGED: "merged",
    Change.INSERTED: "new in this version",
    Change.DELETED: "deleted in this version",
}


def change_words(step: Step) -> str:
    if step.change == Change.MOVED and step.moved_edited:
        return "moved and edited"
    if step.change == Change.MODIFIED and step.formatting_only:
        return "formatting only"
    if step.version == 0:
        return "first version"
    return _CHANGE_WORDS[step.change]


class HistoryGridModel(QAbstractTableModel):
    """Rows: the threads shown (all, or those changed since a version); columns: the
    versions, then the latest wording."""

    def __init__(self, history: History, colors: DiffColors, parent=None) -> None:
        super().__init__(parent)
        self.history = history
        self.colors = colors
        self.rows: list[int] = [t.index for t in history.threads]
        self.since: int | None = None
        self.note_cells: dict[tuple[int, int], int] = {}  # (thread, version) -> notes
        self._tints = self._make_tints(colors)

    @staticmethod
    def _make_tints(colors: DiffColors) -> dict[str, QColor]:
        out = {}
        for kind, hex_colour in colors.gutter.items():
            c = QColor(hex_colour)
            c.setAlpha(70)
            out[str(kind)] = c
        return out

    # -- filter and decorations --------------------------------------------------
    def set_changed_since(self, version: int | None, *, ignore_formatting: bool = True) -> None:
        self.beginResetModel()
        self.since = version
        if version is None:
            self.rows = [t.index for t in self.history.threads]
        else:
            self.rows = self.history.changed_since(version, ignore_formatting=ignore_formatting)
        self.endResetModel()

    def set_note_cells(self, cells: dict[tuple[int, int], int]) -> None:
        self.note_cells = dict(cells)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def set_colors(self, colors: DiffColors) -> None:
        self.colors = colors
        self._tints = self._make_tints(colors)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # -- lookups ---------------------------------------------------------------
    def thread_at(self, row: int) -> Thread | None:
        if 0 <= row < len(self.rows):
            return self.history.threads[self.rows[row]]
        return None

    def step_at(self, row: int, column: int) -> Step | None:
        t = self.thread_at(row)
        if t is None or not 0 <= column < len(self.history.versions):
            return None
        return t.step_at(column)

    def row_of_thread(self, thread_index: int) -> int:
        try:
            return self.rows.index(thread_index)
        except ValueError:
            return -1

    @property
    def text_column(self) -> int:
        return len(self.history.versions)

    # -- Qt model ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.history.versions) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return str(self.rows[section] + 1)
            return None
        versions = self.history.versions
        if section == len(versions):
            if role == Qt.ItemDataRole.DisplayRole:
                return "Latest wording"
            return None
        if not 0 <= section < len(versions):
            return None
        v = versions[section]
        if role == Qt.ItemDataRole.DisplayRole:
            sub = v.stage or v.date or ""
            return f"{v.name}\n{sub}" if sub else v.name
        if role == Qt.ItemDataRole.ToolTipRole:
            bits = [v.name, v.title or "", v.stage or "", v.date or "", v.source or ""]
            return rich("\n".join(b for b in bits if b))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        thread = self.thread_at(row)
        if thread is None:
            return None
        if role == ThreadRole:
            return thread.index
        if col == self.text_column:
            text = thread.latest().text or ""
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(text[:600].split())[:200]
            if role == Qt.ItemDataRole.ToolTipRole:
                return rich(text[:1000] + ("…" if len(text) > 1000 else ""))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(self.colors.muted_fg)
            return None
        step = thread.step_at(col)
        if role == StepRole:
            return step
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(thread, col, step)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if step is None or (step.version == 0) or not step.is_change:
                return None
            if step.change == Change.MODIFIED and step.formatting_only:
                return None
            return self._tints.get(str(step.change))
        if role == Qt.ItemDataRole.ForegroundRole and (step is None or step.id is None):
            return QColor(self.colors.muted_fg)
        if role == Qt.ItemDataRole.ToolTipRole:
            return rich(self._tooltip(thread, col, step))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(thread, col, step)
        return None

    def _cell_text(self, thread: Thread, col: int, step: Step | None) -> str:
        if step is None:
            if thread.merged_into is not None and col == thread.last + 1:
                return f"→ #{thread.merged_into + 1}"
            return "—"
        text = step.cell
        notes = self.note_cells.get((thread.index, col), 0)
        return f"{text} ✎" if notes else text

    def _tooltip(self, thread: Thread, col: int, step: Step | None) -> str:
        name = self.history.versions[col].name
        if step is None:
            if thread.merged_into is not None and col == thread.last + 1:
                return f"{name}: merged into thread {thread.merged_into + 1}"
            return f"{name}: not in this version"
        if step.id is None:
            return f"{name}: deleted in this version"
        head = f"{name}, {step.label}: {change_words(step)}"
        notes = self.note_cells.get((thread.index, col), 0)
        if notes:
            head += f" ({notes} note{'s' if notes != 1 else ''})"
        text = step.text or ""
        return f"{head}\n{text[:300]}{'…' if len(text) > 300 else ''}"
