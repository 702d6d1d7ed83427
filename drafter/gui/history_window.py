"""The history window of a family: built in the background, then shown; jumps back
to the main window's pairwise comparison; the user's order of versions remembered.

Why a window of its own: the history is a family-wide view beside the comparison
tabs (a delegate keeps both open); the main window only calls :func:`open_history`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from drafter.history import build_history
from drafter.history.family import family_versions, load_versions

from . import dialogs, file_dialogs
from . import settings as S
from .history_view import HistoryData, HistoryView, ThreadNote
from .loading import VERSIONS, TabSpec

HISTORY_ORDERS = S.Option("history/orders", [])  # "family_id:id,id,id" strings


def saved_order(settings: S.Settings, family_id: int) -> list[int] | None:
    for entry in settings.get(HISTORY_ORDERS):
        fam, _, ids = entry.partition(":")
        if fam == str(family_id) and ids:
            try:
                return [int(x) for x in ids.split(",")]
            except ValueError:
                return None
    return None


def save_order(settings: S.Settings, family_id: int, order: list[int] | None) -> None:
    entries = [e for e in settings.get(HISTORY_ORDERS) if e.partition(":")[0] != str(family_id)]
    if order:
        entries.append(f"{family_id}:{','.join(map(str, order))}")
    settings.set(HISTORY_ORDERS, entries)


def load_family_history(library, family_id: int, order: list[int] | None, progress) -> HistoryData:
    """Background job: the family's versions (in ``order`` or negotiation order), their
    history, and the notes of every version put on their threads."""
    infos = family_versions(library, family_id, _known(library, family_id, order))
    name = next((f.name for f in library.families() if f.id == family_id), "")
    texts, columns = load_versions(library, infos)
    total = max(1, len(texts) - 1)

    def step(done: int, _total: int, text: str) -> None:
        progress(done, total, text)

    history = build_history(texts, columns, progress=step)
    by_id: dict[str, tuple[int, object]] = {}
    for v, info in enumerate(infos):
        for note in library.notes(info.id):
            if not note.orphaned:
                by_id[note.id] = (v, note)
    notes: dict[int, list[ThreadNote]] = {}
    for v, note in sorted(by_id.values(), key=lambda x: x[0]):
        root = note
        while root.carried_from in by_id:  # a carried copy: shown with its original
            root = by_id[root.carried_from][1]
        if root is not note:
            continue
        copies = tuple(
            w for w, n in by_id.values() if n is not note and _root_id(n, by_id) == note.id
        )
        try:
            thread, _step = history.locate(v, note.anchor.paragraph_id)
        except KeyError:
            continue
        notes.setdefault(thread.index, []).append(ThreadNote(v, note, tuple(sorted(copies))))
    return HistoryData(history, family_id, name, {t: tuple(items) for t, items in notes.items()})


def _root_id(note, by_id) -> str:
    while note.carried_from in by_id:
        note = by_id[note.carried_from][1]
    return note.id


def _known(library, family_id: int, order: list[int] | None) -> list[int] | None:
    """A saved order without the versions removed since (new ones follow it)."""
    if not order:
        return None
    ids = {v.id for v in library.versions(family_id)}
    kept = [i for i in order if i in ids]
    return kept or None


class ReorderDialog(QDialog):
    """Drag the versions into the order the history should follow."""

    def __init__(self, versions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Order of versions")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Versions, oldest first")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for v in versions:
            bits = " · ".join(x for x in (v.stage, v.date) if x)
            item = QListWidgetItem(f"{v.name}  ({bits})" if bits else v.name)
            item.setData(Qt.ItemDataRole.UserRole, v.version_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reset = False
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._restore
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Drag the versions into order, oldest first:", self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        self.reset = True
        self.accept()

    def order(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]


class HistoryWindow(QMainWindow):
    """One family's history; loads in the background through the main window's runner."""

    loaded = Signal()

    def __init__(self, main_window, family_id: int, name: str = "") -> None:
        super().__init__(main_window, Qt.WindowType.Window)
        self.main = main_window
        self.family_id = family_id
        self.view: HistoryView | None = None
        self.setWindowTitle(f"History — {name}" if name else "History")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1280, 820)
        self._placeholder()
        self.reload()

    def _placeholder(self, text: str = "Building the history…") -> None:
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)

    def reload(self) -> None:
        order = saved_order(self.main.settings, self.family_id)
        self.main.runner.run(
            "Building the history",
            partial(load_family_history, self.main.library, self.family_id, order),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _failed(self, message: str) -> None:
        if not shiboken6.isValid(self):  # closed while it was being built
            return
        self._placeholder(f"The history could not be built: {message}")
        dialogs.show_error(self, "History", message)

    def _loaded(self, data: HistoryData) -> None:
        if not shiboken6.isValid(self):  # closed while it was being built
            return
        self.view = HistoryView(data, self)
        self.view.compare_requested.connect(self._compare)
        self.view.reorder_requested.connect(self._reorder)
        self.view.export_requested.connect(self._export)
        self.setCentralWidget(self.view)
        if data.family_name:
            self.setWindowTitle(f"History — {data.family_name}")
        self.loaded.emit()

    def _compare(self, old_id: int, new_id: int, side: str, paragraph_id: int) -> None:
        spec = TabSpec(VERSIONS, old_id, new_id)
        self.main.compare_bar.show_spec(spec)
        self.main.workspace.open(spec, select=(side, paragraph_id))
        _bring_to_front(self.main)

    def _reorder(self) -> None:
        if self.view is None:
            return
        dlg = ReorderDialog(self.view.history.versions, self)
        if dialogs.run_modal(dlg) != QDialog.DialogCode.Accepted:
            return
        save_order(self.main.settings, self.family_id, None if dlg.reset else dlg.order())
        self._placeholder()
        self.view = None
        self.reload()

    def _export(self, threads: list[int], since: int = -1) -> None:
        if self.view is None:
            return
        folder = self.main.settings.get(S.EXPORT_DIR) or str(Path.home())
        name = (self.view.history.versions[-1].name or "history").replace("/", "_")
        path = file_dialogs.save_file_name(
            self, "Export the history", str(Path(folder) / f"{name} history.docx"), "Word (*.docx)"
        )
        if path:
            self.export_to(Path(path), threads, since if since >= 0 else None)

    def export_to(self, path: Path, threads: list[int], since: int | None = None) -> None:
        from drafter.export.history_table import write_history_table

        assert self.view is not None
        history = self.view.history
        author = self.main.settings.author
        self.main.settings.set(S.EXPORT_DIR, str(path.parent))
        self.main.runner.run(
            "Exporting the history",
            lambda _progress: write_history_table(
                history, path, author=author, threads=threads, changed_since=since
            ),
            on_done=lambda written: dialogs.show_exported(self, Path(written)),
        )


def _bring_to_front(window: QWidget) -> None:
    if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows
        window.raise_()
        window.activateWindow()


def open_history(main_window, family_id: int) -> HistoryWindow:
    """Show the family's history window (raising it if it is open already)."""
    for w in main_window.findChildren(HistoryWindow):
        if w.family_id == family_id and w.isVisible():
            _bring_to_front(w)
            return w
    name = next((f.name for f in main_window.library.families() if f.id == family_id), "")
    window = HistoryWindow(main_window, family_id, name)
    window.show()
    return window
