"""The library panel: documents (families) and their versions; import by drag and drop.

Why a QStandardItemModel: the library is small (hundreds of versions at most) and
is rebuilt from the store's values after each change; the panel only turns user
gestures into signals (open, compare, import) for the window to act on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .library_rows import SORTS, library_rows
from .plain import rich

VersionRole = Qt.ItemDataRole.UserRole + 11
FamilyRole = Qt.ItemDataRole.UserRole + 12
NARROW_WIDTH = 300
NEW_FAMILY = -1  # move_version's family id for "a document of its own"
VERSION_MIME = "application/x-drafter-version"
EMPTY_TEXT = (
    "<p><b>The library is empty.</b></p>"
    "<p>• <a href='import'>Import files…</a> (Ctrl+O): Word, PDF, text or Markdown.<br>"
    "• Or drag files from your file manager and drop them here.<br>"
    "• Or <a href='samples'>open the sample comparisons</a> to see how Drafter works "
    "(they go into a separate demo library).</p>"
)


def _languages_text(languages) -> str:
    """ "", "FR", "EN AR", "EN +5": short enough to leave the symbol its room (a text
    only in English, the common case, says nothing)."""
    if tuple(languages) == ("en",):
        return ""
    upper = [lang.upper() for lang in languages]
    return " ".join(upper) if len(upper) <= 2 else f"{upper[0]} +{len(upper) - 1}"


def _short_title(fam) -> str:
    name = fam.name or f"Document {fam.id}"
    return (name if len(name) <= 60 else name[:58] + "…") + f"  (#{fam.id})"


def _version_tip(v, languages) -> str:
    return "\n".join(
        x
        for x in (
            v.title,
            v.date or "",
            f"languages: {', '.join(lang.upper() for lang in languages)}"
            if len(languages) > 1
            else "",
            f"from {v.source}" if v.source else "",
            f"{v.paragraph_count} paragraphs, {v.note_count} notes",
        )
        if x
    )


def dropped_paths(mime) -> list[str]:
    """Local file paths in a drag-and-drop payload."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class LibraryTree(QTreeView):
    """The library's tree: versions can be dragged onto a family; files dropped on it
    are imported."""

    version_dropped = Signal(int, int)  # version id, family id
    files_dropped = Signal(list)
    rename_requested = Signal()  # F2

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F2 and not event.modifiers():
            self.rename_requested.emit()
            return
        super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)

    def startDrag(self, actions) -> None:
        vid = self.currentIndex().siblingAtColumn(0).data(VersionRole)
        if vid is None:
            return  # only versions move
        mime = QMimeData()
        mime.setData(VERSION_MIME, str(int(vid)).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    def family_at(self, pos: QPoint) -> int | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        if index.parent().isValid():
            index = index.parent()
        fid = index.data(FamilyRole)
        return int(fid) if fid is not None else None

    def _accepts(self, event) -> bool:
        mime = event.mimeData()
        if mime.hasFormat(VERSION_MIME):
            return self.family_at(event.position().toPoint()) is not None
        return bool(dropped_paths(mime))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(VERSION_MIME) or dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasFormat(VERSION_MIME):
            fid = self.family_at(event.position().toPoint())
            if fid is not None:
                event.acceptProposedAction()
                self.version_dropped.emit(int(bytes(mime.data(VERSION_MIME)).decode()), fid)
            return
        paths = dropped_paths(mime)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class LibraryPanel(QWidget):
    """Families with their versions (symbol, languages, stage, date), a filter box and
    a sort order; rename, merge and move by menu or by drag and drop."""

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
    rename_family = Signal(int, str)  # family id, title ("" = automatic again)
    merge_families = Signal(int, int)  # family id, into family id
    move_version = Signal(int, int)  # version id, family id (NEW_FAMILY: one of its own)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(["Document / version", "Lang.", "Stage", "Date"])
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter: symbol, title, stage…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter the library")
        self.filter_edit.textChanged.connect(lambda _t: self._rebuild())
        self.sort_box = QComboBox(self)
        self.sort_box.setAccessibleName("Sort the library by")
        self.sort_box.setToolTip("Order of the documents")
        for key, label in SORTS.items():
            self.sort_box.addItem(label, key)
        self.sort_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort_box.setMinimumContentsLength(7)
        self.sort_box.currentIndexChanged.connect(lambda _i: self._rebuild())
        self.tree = LibraryTree(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Library")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.activated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.setToolTip(
            "Double-click a version to open it; drag it onto another document to move it; "
            "drop files here to import them"
        )
        self.tree.version_dropped.connect(self.move_version)
        self.tree.files_dropped.connect(self.files_dropped)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)
        self.empty.setAccessibleName("The library is empty")
        self.empty.linkActivated.connect(self.empty_link)
        self.empty.hide()
        self.tree.rename_requested.connect(self._rename_current)
        tools = QHBoxLayout()
        tools.setContentsMargins(4, 4, 4, 0)
        tools.addWidget(self.filter_edit, 1)
        tools.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.setAcceptDrops(True)
        self.versions: dict[int, object] = {}
        self.families: dict[int, object] = {}
        self._contents: tuple = ((), ())
        self._built = False
        self._narrow = False

    empty_link = Signal(str)  # "import" or "samples", from the empty library's text

    def set_contents(self, families: Sequence, versions: Sequence) -> None:
        """Rebuild from the store's FamilyInfo and VersionInfo values."""
        self._contents = (tuple(families), tuple(versions))
        self.versions = {v.id: v for v in versions}
        self.families = {f.id: f for f in families}
        self._rebuild()

    def rows(self) -> list:
        families, versions = self._contents
        return library_rows(
            families,
            versions,
            filter_text=self.filter_edit.text(),
            sort=self.sort_box.currentData() or "recent",
        )

    def _rebuild(self) -> None:
        expanded = {
            self.model.item(r).data(FamilyRole)
            for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        }
        current = self.tree.currentIndex().siblingAtColumn(0).data(VersionRole)
        first = not self._built
        filtering = bool(self.filter_edit.text().strip())
        self.model.removeRows(0, self.model.rowCount())
        is_empty = not self._contents[1]
        self.tree.setVisible(not is_empty)
        self.empty.setVisible(is_empty)
        self.tree.setColumnHidden(1, not self._several_languages())  # the "Lang." column
        for frow in self.rows():
            fam = frow.family
            n = len(frow.versions)
            count = f"{n} version{'s' if n != 1 else ''}"
            # A family row spans the columns, so its (long) title stays readable.
            name = QStandardItem(f"{fam.name or f'Document {fam.id}'}  ({count})")
            name.setData(fam.id, FamilyRole)
            name.setToolTip(
                rich(
                    f"{fam.name}\nDocument {fam.id}"
                    + (" · title given by hand" if getattr(fam, "named_by_hand", False) else "")
                )
            )
            name.setDropEnabled(True)
            row = [name] + [QStandardItem("") for _ in range(3)]
            for vrow in frow.versions:
                v = vrow.version
                text = vrow.label
                if self._narrow and v.stage:
                    text += f" · {v.stage}"
                label = QStandardItem(text)
                label.setData(v.id, VersionRole)
                label.setToolTip(rich(_version_tip(v, vrow.languages)))
                langs = QStandardItem(_languages_text(vrow.languages))
                langs.setToolTip("Stored in " + ", ".join(lang.upper() for lang in vrow.languages))
                stage = QStandardItem(v.stage or "")
                date = QStandardItem(v.date or "")
                for it in (langs, stage, date):
                    it.setData(v.id, VersionRole)
                name.appendRow([label, langs, stage, date])
            self.model.appendRow(row)
            self.tree.setFirstColumnSpanned(name.row(), QModelIndex(), True)
            if first or filtering or fam.id in expanded:
                self.tree.expand(name.index())
        self._built = self._built or bool(self._contents[1])
        if current is not None:
            self.select_version(int(current))

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
                child = fam.child(c)
                vid = child.data(VersionRole)
                group = self._language_ids(vid)
                if vid == version_id or version_id in group.values():
                    self.tree.setCurrentIndex(child.index())
                    return

    def _language_ids(self, vid) -> dict:
        for frow in self.rows():
            for vrow in frow.versions:
                if vrow.id == vid:
                    return vrow.language_ids
        return {}

    def _activated(self, index: QModelIndex) -> None:
        vid = index.siblingAtColumn(0).data(VersionRole)
        if vid is not None:
            self.open_version.emit(int(vid))

    def _rename_current(self) -> None:
        fid = self.tree.family_at(self.tree.visualRect(self.tree.currentIndex()).center())
        if fid is not None:
            self.ask_rename(fid)

    def ask_rename(self, family_id: int) -> None:
        fam = self.families.get(family_id)
        title, ok = QInputDialog.getText(
            self,
            "Rename document",
            "Title of this document (leave empty to name it after its versions):",
            text=getattr(fam, "name", "") or "",
        )
        if ok:
            self.rename_family.emit(family_id, title.strip())

    def _menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        vid = index.siblingAtColumn(0).data(VersionRole) if index.isValid() else None
        fid = self.tree.family_at(pos)
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
            languages = self._language_ids(vid)
            if len(languages) > 1:
                other = menu.addMenu("Open in &language")
                for lang, lid in sorted(languages.items()):
                    other.addAction(lang.upper(), lambda lid=lid: self.open_version.emit(lid))
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
            move = menu.addMenu("&Move to document")
            for other_id, fam in self.families.items():
                if other_id != fid:
                    move.addAction(
                        _short_title(fam), lambda o=other_id: self.move_version.emit(vid, o)
                    )
            move.addSeparator()
            move.addAction(
                "A new document of its own", lambda: self.move_version.emit(vid, NEW_FAMILY)
            )
            menu.addAction("&Remove from library…", lambda: self.ask_remove(vid))
        elif fid is not None:
            menu.addAction("&Rename…\tF2", lambda: self.ask_rename(fid))
            if getattr(self.families.get(fid), "named_by_hand", False):
                menu.addAction(
                    "Name after its &versions again", lambda: self.rename_family.emit(fid, "")
                )
            merge = menu.addMenu("&Merge into")
            for other_id, fam in self.families.items():
                if other_id != fid:
                    merge.addAction(
                        _short_title(fam), lambda o=other_id: self.merge_families.emit(fid, o)
                    )
            merge.setEnabled(len(self.families) > 1)
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

    def _several_languages(self) -> bool:
        return len({getattr(v, "language", "en") for v in self.versions.values()}) > 1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a narrow dock gives the symbol the room of the date (still in the tooltip)
        narrow = self.width() < NARROW_WIDTH
        self.tree.setColumnHidden(3, narrow)
        self.tree.setColumnHidden(2, narrow)  # the stage goes into the name instead
        if narrow != self._narrow:
            self._narrow = narrow
            self._rebuild()
        self.tree.setColumnHidden(1, not self._several_languages())

    def dragEnterEvent(self, event) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
