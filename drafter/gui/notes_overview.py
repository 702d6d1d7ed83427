"""All notes of the library in one list: search, filter, jump, export "our positions".

Why a panel of its own: the notes panel shows the notes of one paragraph; a
delegate also needs the whole picture ("what did we say about GRULAC?", "every
red line of the capital") across versions, and to send it as a Word table.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.errors import DrafterError

from . import file_dialogs, themes
from .comparison_model import HtmlRole, KeyRole
from .delegates import RichTextDelegate
from .flow_layout import FlowLayout

COLUMNS = ("Version", "Paragraph", "Note", "Tags", "Author", "Status")
ALL = "__all__"


def entry_html(e, colors) -> str:
    """One note as the list shows it: where, tags and author, then the note."""
    n = e.note
    status = "orphaned" if n.orphaned else ("" if str(n.status) == "open" else str(n.status))
    tags = " ".join(
        f'<span style="background-color:{colors.phrase_bg}">&nbsp;#{html.escape(t)}&nbsp;</span>'
        for t in n.tags
    )
    meta = " · ".join(x for x in (html.escape(n.author), n.updated[:10], status) if x)
    quote = f"“{html.escape(n.anchor.quote)}”: " if n.anchor.quote else ""
    return (
        f'<p style="margin:0"><b>{html.escape(e.version.display_name)} · '
        f"{html.escape(e.label)}</b> {tags}</p>"
        f'<p style="margin:2px 0 0 0">{quote}{html.escape(n.body)}</p>'
        f'<p style="margin:2px 0 0 0;color:{colors.muted_fg}">{meta}</p>'
    )


class NotesTableModel(QAbstractTableModel):
    """A thin model over the store's NoteEntry values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list = []

    def set_entries(self, entries: list) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        n = e.note
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            body = f"“{n.anchor.quote}”: {n.body}" if n.anchor.quote else n.body
            status = "orphaned" if n.orphaned else str(n.status)
            return (
                e.version.display_name,
                e.label,
                " ".join(body.split()),
                " ".join(f"#{t}" for t in n.tags),
                n.author,
                status,
            )[index.column()]
        if role == HtmlRole:
            return entry_html(e, themes.colors())
        if role == KeyRole:
            return int(n.id[:12], 16) if n.id[:12].isalnum() else index.row()
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"<b>{html.escape(e.version.display_name)} · {html.escape(e.label)}</b>"
                f"<p>{html.escape(e.paragraph_text[:600])}</p>"
                f"<p><i>{html.escape(n.body)}</i></p>"
            )
        return None


class NotesOverview(QWidget):
    """Every note of the library, with a search box and filters."""

    open_paragraph = Signal(int, int)  # version id, paragraph id
    error = Signal(str)

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search notes, quotes, tags, paragraphs…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search all notes")
        self.tag = self._combo("Tag")
        self.status = self._combo("Status")
        for label, key in (("Open", "open"), ("Resolved", "resolved")):
            self.status.addItem(label, key)
        self.version = self._combo("Version")
        self.author = self._combo("Author")
        self.model = NotesTableModel(self)
        # a list of rich-text entries: readable in a narrow dock (a table's columns
        # would push the note itself out of sight)
        self.table = QListView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("All notes")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setResizeMode(QListView.ResizeMode.Adjust)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setAlternatingRowColors(True)
        self.delegate = RichTextDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.activated.connect(self._activated)
        self.count = QLabel(self)
        self.export_btn = QPushButton("Export &positions…", self)
        self.export_btn.setToolTip(
            "The notes listed here as a Word table: paragraph | text | note | tags"
        )
        self.export_btn.clicked.connect(self.export_interactive)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for box in (self.tag, self.status, self.version, self.author):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        filters = FlowLayout()
        for box in (self.tag, self.status, self.version, self.author):
            filters.addWidget(box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.export_dir = ""
        self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload_choices()

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(f"Filter by {name.lower()}")
        box.setToolTip(f"Only notes with this {name.lower()}")
        box.addItem(f"Any {name.lower()}", ALL)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    # ---- contents -------------------------------------------------------------
    def reload_choices(self) -> None:
        """The tags, versions and authors the filters offer (from every note).
        Only while the panel is on screen; it reloads when it is shown again."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        try:
            everything = self.library.notes_overview()
        except DrafterError as exc:
            self.error.emit(str(exc))
            return
        tags = sorted({t for e in everything for t in e.note.tags}, key=str.casefold)
        authors = sorted({e.note.author for e in everything if e.note.author}, key=str.casefold)
        versions = {e.version.id: e.version.display_name for e in everything}
        self._fill(self.tag, [(f"#{t}", t) for t in tags])
        self._fill(self.author, [(a, a) for a in authors])
        self._fill(self.version, [(name, vid) for vid, name in sorted(versions.items())])
        self.refresh()

    @staticmethod
    def _fill(box: QComboBox, items) -> None:
        keep = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for label, data in items:
            box.addItem(label, data)
        i = box.findData(keep)
        box.setCurrentIndex(i if i >= 0 else 0)
        box.blockSignals(False)

    def _value(self, box: QComboBox):
        data = box.currentData()
        return None if data == ALL else data

    def entries(self) -> list:
        tag = self._value(self.tag)
        return self.library.notes_overview(
            search=self.search.text(),
            tags=(tag,) if tag else (),
            status=self._value(self.status),
            version_id=self._value(self.version),
            author=self._value(self.author),
        )

    def refresh(self) -> None:
        try:
            entries = self.entries()
        except DrafterError as exc:
            self.error.emit(str(exc))
            return
        self.delegate.clear_cache()
        self.model.set_entries(entries)
        n = len(entries)
        self.count.setText(f"{n} note{'s' if n != 1 else ''}")
        self.export_btn.setEnabled(n > 0)

    # ---- actions --------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        e = self.model.entries[index.row()]
        if not e.note.orphaned:
            self.open_paragraph.emit(e.version.id, e.note.anchor.paragraph_id)

    def export_to(self, path: str) -> Path:
        from drafter.export.positions import write_positions

        return write_positions(self.model.entries, path)

    def export_interactive(self) -> None:
        start = str(Path(self.export_dir or Path.home()) / "our-positions.docx")
        path = file_dialogs.save_file_name(
            self, "Export our positions", start, "Word documents (*.docx)"
        )
        if not path:
            return
        try:
            out = self.export_to(path)
        except DrafterError as exc:
            self.error.emit(str(exc))
            return
        self.export_dir = str(out.parent)
        self.count.setText(f"Exported {len(self.model.entries)} notes to {out.name}")


def install_notes_overview(window) -> NotesOverview:
    """Add the overview to the window: a dock beside the library, a View menu entry
    (Ctrl+Shift+N), kept up to date as notes and the library change."""
    from PySide6.QtGui import QAction, QKeySequence

    from . import dialogs

    panel = NotesOverview(window.library, window)
    dock = window._dock("All notes", panel, Qt.DockWidgetArea.LeftDockWidgetArea)
    dock.setObjectName("allNotesDock")
    window.tabifyDockWidget(window.search_dock, dock)
    window.library_dock.raise_()
    window.notes_overview, window.notes_overview_dock = panel, dock
    panel.open_paragraph.connect(window.open_paragraph)
    panel.error.connect(lambda m: dialogs.show_error(window, "Notes", m))
    window.notes_panel.notes_changed.connect(panel.reload_choices)
    window.undo_stack.indexChanged.connect(lambda _i: panel.reload_choices())
    act = QAction("All &Notes of the Library", window)
    act.setShortcut(QKeySequence("Ctrl+Shift+N"))
    act.setStatusTip("Every note of the library: search, filter, export our positions")

    def show() -> None:
        dock.show()
        dock.raise_()
        panel.reload_choices()
        panel.search.setFocus()

    act.triggered.connect(show)
    window.addAction(act)
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == "Edit":
            menu_action.menu().addAction(act)
    window.actions_all_notes = act
    return panel
