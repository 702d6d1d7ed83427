"""The history view of a family: a grid of paragraph threads × versions, and below it
the selected paragraph's biography, the origin of its wording and its notes.

Why a widget over a ready :class:`~drafter.history.History`: building the history
is core work done in the background (:mod:`history_window`); this view only shows
it. The grid is a QTableView over :class:`HistoryGridModel` (only visible cells
are painted); the panes are QTextBrowsers filled with HTML from
:mod:`history_html` for the one selected cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafter.history import History, Step, Thread
from drafter.model import Note, ParaKind

from . import themes
from .history_html import biography_html, blame_html
from .history_model import HistoryGridModel, change_words
from .plain import rich, set_plain
from .rich_text import note_html

_SUBSTANTIVE = (ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH)


@dataclass(frozen=True)
class ThreadNote:
    """A note on one paragraph of a thread: where it sits, and the versions its
    carried copies sit on (the note itself is the earliest copy)."""

    version: int
    note: Note
    also_on: tuple[int, ...] = ()


@dataclass(frozen=True)
class HistoryData:
    """What the background job hands to the view."""

    history: History
    family_id: int | None = None
    family_name: str = ""
    notes: dict[int, tuple[ThreadNote, ...]] = field(default_factory=dict)  # by thread

    def note_cells(self) -> dict[tuple[int, int], int]:
        cells: dict[tuple[int, int], int] = {}
        for t, items in self.notes.items():
            for item in items:
                for v in (item.version, *item.also_on):
                    cells[(t, v)] = cells.get((t, v), 0) + 1
        return cells


class HistoryView(QWidget):
    """Grid, filter, and the panes of the selected cell."""

    # old version id, new version id, side ("old"/"new") and paragraph id to select
    compare_requested = Signal(int, int, str, int)
    reorder_requested = Signal()
    export_requested = Signal(object, int)  # thread indexes shown, "changed since" (-1: all)

    def __init__(self, data: HistoryData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.history = data.history
        self.colors = themes.colors(self.palette())
        self.model = HistoryGridModel(self.history, self.colors, self)
        self.model.set_note_cells(data.note_cells())
        self._build()
        self._select_first()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        h = self.history
        s = h.summary
        kinds = ("modified", "moved", "split", "merged", "inserted", "deleted")
        counts = ", ".join(f"{s[k]} {k}" for k in kinds if s[k]) or "no changes"
        self.summary = QLabel(
            f"{len(h.versions)} version{'s' if len(h.versions) != 1 else ''}, "
            f"{s['threads']} paragraph threads: {counts}",
            self,
        )
        self.filter_box = QComboBox(self)
        self.filter_box.setAccessibleName("Show")
        self.filter_box.addItem("All paragraphs", None)
        for v, ver in enumerate(h.versions[:-1]):
            self.filter_box.addItem(f"Changed since {v + 1}. {ver.name}", v)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.formatting_box = QCheckBox("Hide formatting-only changes", self)
        self.formatting_box.setChecked(True)
        self.formatting_box.toggled.connect(self._filter_changed)
        self.compare_button = QPushButton("Compare with previous version", self)
        self.compare_button.setToolTip(
            "Open the pairwise comparison of this version with the one before it (Enter)"
        )
        self.compare_button.clicked.connect(self.compare_current)
        self.reorder_button = QPushButton("Reorder versions…", self)
        self.reorder_button.clicked.connect(self.reorder_requested)
        self.export_button = QPushButton("Export to Word…", self)
        self.export_button.setToolTip("The tracking table of the paragraphs shown, landscape")
        self.export_button.clicked.connect(
            lambda: self.export_requested.emit(
                list(self.model.rows), -1 if self.model.since is None else self.model.since
            )
        )
        has_ids = all(v.version_id is not None for v in h.versions)
        self.reorder_button.setVisible(has_ids and len(h.versions) > 1)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:", self))
        bar.addWidget(self.filter_box)
        bar.addWidget(self.formatting_box)
        bar.addStretch(1)
        bar.addWidget(self.compare_button)
        bar.addWidget(self.reorder_button)
        bar.addWidget(self.export_button)

        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 3px; }"
        )
        set_plain(self.summary, self.warning)
        self.warning.setText("⚠ " + "\n⚠ ".join(h.warnings))
        self.warning.setVisible(bool(h.warnings))

        self.grid = QTableView(self)
        self.grid.setAccessibleName("Paragraph threads by version")
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(False)
        self.grid.setAlternatingRowColors(True)
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        fm = self.grid.fontMetrics()
        vh = self.grid.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(fm.height() + 8)
        hh = self.grid.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        hh.setMinimumHeight(2 * fm.height() + 10)
        for v, ver in enumerate(h.versions):
            head = max(fm.horizontalAdvance(ver.name), fm.horizontalAdvance(ver.stage or ""))
            self.grid.setColumnWidth(v, max(70, min(170, head + 24)))
        hh.setSectionResizeMode(self.model.text_column, QHeaderView.ResizeMode.Stretch)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.activated.connect(lambda _i: self.compare_current())

        self.biography = QTextBrowser(self)
        self.biography.setAccessibleName("Biography of the paragraph")
        self.blame = QTextBrowser(self)
        self.blame.setAccessibleName("Origin of the wording")
        self.notes_view = QTextBrowser(self)
        self.notes_view.setAccessibleName("Notes on the paragraph")
        self.panes = QTabWidget(self)
        self.panes.setDocumentMode(True)
        self.panes.addTab(self.biography, "Biography")
        self.panes.addTab(self.blame, "Origin of wording")
        self.panes.addTab(self.notes_view, "Notes")

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.panes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.warning)
        layout.addWidget(self.splitter, 1)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.grid)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_cell)

    def _select_first(self) -> None:
        """Start on the first changed cell of a numbered paragraph (else of any), so the
        panes show something telling."""
        for substantive in (True, False):
            for row in range(self.model.rowCount()):
                thread = self.model.thread_at(row)
                for step in thread.steps if thread else ():
                    if (
                        step.version == 0
                        or not step.is_change
                        or step.id is None
                        or step.formatting_only
                    ):
                        continue
                    if substantive and step.kind not in _SUBSTANTIVE:
                        continue
                    self.select_cell(row, step.version)
                    return
        if self.model.rowCount():
            self.select_cell(0, len(self.history.versions) - 1)

    # -- selection ----------------------------------------------------------------
    def select_cell(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.grid.scrollTo(index)

    def select_paragraph(self, version: int, paragraph_id: int) -> bool:
        thread, _step = self.history.locate(version, paragraph_id)
        row = self.model.row_of_thread(thread.index)
        if row < 0:
            self.filter_box.setCurrentIndex(0)
            row = self.model.row_of_thread(thread.index)
        self.select_cell(row, version)
        return row >= 0

    def current(self) -> tuple[Thread, int, Step | None] | None:
        index = self.grid.currentIndex()
        thread = self.model.thread_at(index.row()) if index.isValid() else None
        if thread is None:
            return None
        col = index.column()
        if col >= len(self.history.versions):  # the wording column: the latest step
            step = thread.latest()
            return thread, step.version, step
        return thread, col, thread.step_at(col)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_panes()

    def _show_panes(self) -> None:
        cur = self.current()
        step = cur[2] if cur else None
        self.compare_button.setEnabled(self._compare_target() is not None)
        if cur is None:
            for pane in (self.biography, self.blame, self.notes_view):
                pane.clear()
            return
        thread, version, step = cur
        notes = self.data.notes.get(thread.index, ())
        by_version: dict[int, list[str]] = {}
        for item in notes:
            by_version.setdefault(item.version, []).append(self._note_line(item))
        self.biography.setHtml(
            biography_html(self.history, thread, self.colors, notes=by_version, current=version)
        )
        blame_step = step if step is not None and step.id is not None else thread.latest()
        self.blame.setHtml(
            blame_html(
                self.history,
                blame_step.version,
                blame_step.id,  # type: ignore[arg-type]
                self.colors,
                dark=themes.is_dark(self.palette()),
            )
        )
        self.notes_view.setHtml(
            "".join(note_html(self._note_line(item), self.colors) for item in notes)
            or note_html("No notes on this paragraph in any version.", self.colors)
        )
        self.panes.setTabText(2, f"Notes ({len(notes)})" if notes else "Notes")
        where = self.history.versions[version].name
        what = change_words(step) if step is not None and step.id is not None else "not there"
        self.grid.setToolTip(rich(f"Thread {thread.index + 1} in {where}: {what}"))

    def _note_line(self, item: ThreadNote) -> str:
        n = item.note
        names = self.history.versions
        where = f"on {names[item.version].name}"
        if item.also_on:
            where += ", carried to " + ", ".join(names[v].name for v in item.also_on)
        status = "" if str(n.status) == "open" else f" [{n.status}]"
        tags = f" #{' #'.join(n.tags)}" if n.tags else ""
        return f"{n.author}{status} ({where}): {n.body}{tags}"

    # -- actions --------------------------------------------------------------------
    def _compare_target(self) -> tuple[int, int, str, int] | None:
        """(old version id, new version id, side, paragraph id) to show for the selected
        cell: the comparison that made this step, or, where the paragraph is absent,
        the one in which it arrived or left."""
        cur = self.current()
        versions = self.history.versions
        if cur is None or len(versions) < 2:
            return None
        thread, version, step = cur
        if step is not None and step.id is not None:
            if version == 0:
                old_v, side, pid = 0, "old", step.id
            else:
                old_v, side, pid = version - 1, "new", step.id
        elif version < thread.first:  # not yet there: where it came in
            old_v, side, pid = thread.first - 1, "new", thread.steps[0].id
        elif thread.last + 1 < len(versions):  # gone: where it left
            last = thread.step_at(thread.last)
            old_v, side, pid = thread.last, "old", last.id if last else None
        else:
            return None
        old_id, new_id = versions[old_v].version_id, versions[old_v + 1].version_id
        if old_id is None or new_id is None or pid is None:
            return None
        return old_id, new_id, side, pid

    def compare_current(self) -> bool:
        target = self._compare_target()
        if target is None:
            return False
        self.compare_requested.emit(*target)
        return True

    def _filter_changed(self, *_args) -> None:
        cur = self.current()
        keep = (cur[0].index, cur[1]) if cur else None
        self.model.set_changed_since(
            self.filter_box.currentData(), ignore_formatting=self.formatting_box.isChecked()
        )
        shown = self.model.rowCount()
        total = len(self.history.threads)
        since = self.filter_box.currentData()
        if since is not None:
            self.summary.setText(
                f"{shown} of {total} paragraph threads changed after "
                f"{self.history.versions[since].name}"
            )
        if keep is not None and self.model.row_of_thread(keep[0]) >= 0:
            self.select_cell(self.model.row_of_thread(keep[0]), keep[1])
        elif shown:
            self.select_cell(0, len(self.history.versions) - 1)
        else:
            self._show_panes()

    def refresh_colors(self) -> None:
        self.colors = themes.colors(self.palette())
        self.model.set_colors(self.colors)
        self._show_panes()

    def copy_cell(self) -> None:
        """Ctrl+C on the grid: the selected paragraph's text as it read in that version."""
        cur = self.current()
        if cur and cur[2] is not None and cur[2].text:
            QGuiApplication.clipboard().setText(cur[2].text)
