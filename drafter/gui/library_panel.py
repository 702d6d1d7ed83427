"""The library panel: documents (families) and their versions; import by drag and drop.

Why a QStandardItemModel: the library is small (hundreds of versions at most) and
is rebuilt from the store's values after each change; the panel only turns user
gestures into signals (open, compare, import) for the window to act on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .plain import rich

VersionRole = Qt.ItemDataRole.UserRole + 11
FamilyRole = Qt.ItemDataRole.UserRole + 12
NARROW_WIDTH = 300


def dropped_paths(mime) -> list[str]:
    """Local file paths in a drag-and-drop payload."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class LibraryPanel(QWidget):
    """Families with their versions (symbol, stage, date)."""

    open_version = Signal(int)  # compare with the previous version, or show it alone
    compare_versions = Signal(int, int, str)  # old, new, mode
    set_old = Signal(int)
    set_new = Signal(int)
    files_dropped = Signal(list)
    remove_version = Signal(int)
    rename_stage = Signal(int, str)
    show_provenance = Signal(int)  # agreed language of a version
    show_proposals = Signal(int)  # delegations' proposals on a version
    show_history = Signal(int)  # family id: every paragraph across its versions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Document / version", "Stage", "Date"])
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Library")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.activated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.setToolTip("Double-click a version to open it; drop files here to import them")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.setAcceptDrops(True)
        self.versions: dict[int, object] = {}

    def set_contents(self, families: Sequence, versions: Sequence) -> None:
        """Rebuild from the store's FamilyInfo and VersionInfo values."""
        expanded = {
            self.model.item(r).data(FamilyRole)
            for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        }
        first = not self.versions
        self.model.removeRows(0, self.model.rowCount())
        self.versions = {v.id: v for v in versions}
        by_family: dict[int, list] = {}
        for v in versions:
            by_family.setdefault(v.family_id, []).append(v)
        for fam in families:
            members = by_family.get(fam.id, [])
            count = f"{len(members)} version{'s' if len(members) != 1 else ''}"
            # A family row spans the three columns, so its (long) title stays readable.
            name = QStandardItem(f"{fam.name or f'Document {fam.id}'}  ({count})")
            name.setData(fam.id, FamilyRole)
            name.setToolTip(rich(fam.name))
            row = [name, QStandardItem(""), QStandardItem("")]
            for v in members:
                label = QStandardItem(v.symbol or v.title or v.source or f"version {v.id}")
                label.setData(v.id, VersionRole)
                label.setToolTip(
                    rich(
                        "\n".join(
                            x
                            for x in (
                                v.title,
                                v.date or "",
                                f"from {v.source}" if v.source else "",
                                f"{v.paragraph_count} paragraphs, {v.note_count} notes",
                            )
                            if x
                        )
                    )
                )
                stage = QStandardItem(v.stage or "")
                date = QStandardItem(v.date or "")
                for it in (stage, date):
                    it.setData(v.id, VersionRole)
                name.appendRow([label, stage, date])
            self.model.appendRow(row)
            self.tree.setFirstColumnSpanned(name.row(), QModelIndex(), True)
            if first or fam.id in expanded:
                self.tree.expand(name.index())

    def selected_version_ids(self) -> list[int]:
        ids = []
        for idx in self.tree.selectionModel().selectedRows(0):
            vid = idx.data(VersionRole)
            if vid is not None:
                ids.append(int(vid))
        return ids

    def select_version(self, version_id: int) -> None:
        for r in range(self.model.rowCount()):
            fam = self.model.item(r)
            for c in range(fam.rowCount()):
                if fam.child(c).data(VersionRole) == version_id:
                    self.tree.setCurrentIndex(fam.child(c).index())
                    return

    def _activated(self, index: QModelIndex) -> None:
        vid = index.siblingAtColumn(0).data(VersionRole)
        if vid is not None:
            self.open_version.emit(int(vid))

    def _menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        vid = index.siblingAtColumn(0).data(VersionRole) if index.isValid() else None
        ids = self.selected_version_ids()
        menu = QMenu(self)
        fam = index.siblingAtColumn(0).data(FamilyRole) if index.isValid() else None
        if fam is None and vid is not None and int(vid) in self.versions:
            fam = getattr(self.versions[int(vid)], "family_id", None)
        if fam is not None:
            family = int(fam)
            menu.addAction(
                "Show &history (every paragraph across versions)",
                lambda: self.show_history.emit(family),
            )
            menu.addSeparator()
        if vid is not None:
            vid = int(vid)
            menu.addAction(
                "Open (compare with previous version)", lambda: self.open_version.emit(vid)
            )
            menu.addAction("Use as &old text", lambda: self.set_old.emit(vid))
            menu.addAction("Use as &new text", lambda: self.set_new.emit(vid))
            menu.addAction(
                "&Agreed language (where its words were used before)…",
                lambda: self.show_provenance.emit(vid),
            )
            menu.addAction(
                "&Proposals on this version (compilation, fate)…",
                lambda: self.show_proposals.emit(vid),
            )
            menu.addSeparator()
            menu.addAction("Set &stage…", lambda: self.ask_stage(vid))
            menu.addAction("&Remove from library…", lambda: self.ask_remove(vid))
        if len(ids) == 2:
            a, b = ids
            menu.addSeparator()
            menu.addAction(
                "Compare these two &versions", lambda: self.compare_versions.emit(a, b, "versions")
            )
            menu.addAction(
                "Compare as &related documents", lambda: self.compare_versions.emit(a, b, "related")
            )
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    def ask_stage(self, version_id: int) -> None:
        info = self.versions.get(version_id)
        stage, ok = QInputDialog.getText(
            self,
            "Stage",
            "Stage of this version (zero draft, Rev.1, adopted…):",
            text=getattr(info, "stage", "") or "",
        )
        if ok:
            self.rename_stage.emit(version_id, stage)

    def ask_remove(self, version_id: int) -> None:
        info = self.versions.get(version_id)
        name = getattr(info, "display_name", f"version {version_id}")
        answer = QMessageBox.question(
            self,
            "Remove from library",
            rich(f"Remove {name} and its notes from the library? The file on disk is not touched."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_version.emit(version_id)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a narrow dock gives the symbol the room of the date (still in the tooltip)
        self.tree.setColumnHidden(2, self.width() < NARROW_WIDTH)

    def dragEnterEvent(self, event) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
