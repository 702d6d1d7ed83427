"""The change list: one line per change of the comparison on screen; a click goes there.

Why: F7 walks the changes one by one; a list shows them all at once ("OP 4:
'Recognize' → 'Acknowledge'"), so a delegate can pick the one to discuss.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from drafter.model import DELETE, INSERT, PairKind

from .comparison_model import KIND_LABEL
from .comparison_view import ComparisonView
from .plain import rich

RowRole = Qt.ItemDataRole.UserRole + 21
KIND_MARK = {
    PairKind.MODIFIED: "≠",
    PairKind.INSERTED: "+",
    PairKind.DELETED: "−",
    PairKind.MOVED: "⇅",
    PairKind.SPLIT: "⋔",
    PairKind.MERGED: "⋔",
}


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def change_line(model, row: int) -> str:
    """ "OP 4 · modified: “Recognize” → “Acknowledge”" for one changed row."""
    pair = model.pair(row)
    new, old = model.new_paragraphs(pair), model.old_paragraphs(pair)
    where = new[0].label if new else (old[0].label if old else f"row {row + 1}")
    if pair.kind == PairKind.MOVED and old and new:
        where = f"{old[0].label} → {new[0].label}"
    head = f"{where} · {KIND_LABEL[pair.kind]}"
    if pair.kind == PairKind.INSERTED and new:
        return f"{head}: “{_clip(new[0].text)}”"
    if pair.kind == PairKind.DELETED and old:
        return f"{head}: “{_clip(old[0].text)}”"
    gone = " ".join(t for op, t in pair.diff if op == DELETE).strip()
    added = " ".join(t for op, t in pair.diff if op == INSERT).strip()
    if gone and added:
        return f"{head}: “{_clip(gone, 24)}” → “{_clip(added, 24)}”"
    if added:
        return f"{head}: + “{_clip(added)}”"
    if gone:
        return f"{head}: − “{_clip(gone)}”"
    return head + (" (formatting only)" if pair.formatting_only else "")


class ChangeList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Changes")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._go)
        self.list.itemClicked.connect(self._go)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.view: ComparisonView | None = None
        self._stale = False
        self.on_screen = True  # False while its dock sits behind another one
        self.set_view(None)

    def set_view(self, view) -> None:
        """Follow ``view``; its lines are built now if the list is on screen, else
        when it is shown (it usually sits behind the notes, and a comparison of
        1,000 paragraphs has hundreds of changes)."""
        view = view if isinstance(view, ComparisonView) and not view.single else None
        if view is self.view and view is not None:
            return  # the same comparison: its lines are there, or will be when shown
        self.view = view
        self._stale = True
        if self.on_screen or view is None:
            self._fill()
        else:
            self.list.clear()  # never another comparison's lines

    def set_on_screen(self, on: bool) -> None:
        """Whether the user can see the list (a dock behind another is not hidden,
        only moved off the screen, so ``isVisible()`` cannot tell)."""
        self.on_screen = on
        if on and self._stale:
            self._fill()

    def _fill(self) -> None:
        self._stale = False
        self.list.clear()
        if self.view is None:
            self.title.setText("Open a comparison of two versions to list its changes.")
            return
        model = self.view.model
        rows = model.change_rows()
        self.title.setText(f"<b>{len(rows)} change{'s' if len(rows) != 1 else ''}</b>")
        for row in rows:
            pair = model.pair(row)
            item = QListWidgetItem(f"{KIND_MARK.get(pair.kind, '•')}  {change_line(model, row)}")
            item.setData(RowRole, row)
            item.setToolTip(rich(model.tooltip(row, 1) or ""))
            self.list.addItem(item)

    def _go(self, item: QListWidgetItem) -> None:
        if self.view is not None:
            self.view._overview_clicked(int(item.data(RowRole)))


def install_change_list(window) -> ChangeList:
    """A "Changes" dock beside the notes, following the comparison on screen."""
    panel = ChangeList(window)
    dock = window._dock("Changes", panel, Qt.DockWidgetArea.RightDockWidgetArea)
    panel.on_screen = False  # until the dock says it is shown
    dock.visibilityChanged.connect(panel.set_on_screen)
    window.tabifyDockWidget(window.notes_dock, dock)
    window.notes_dock.raise_()
    window.change_list, window.change_list_dock = panel, dock
    ws = window.workspace
    ws.current_changed.connect(lambda _spec: panel.set_view(ws.current_view()))
    ws.tab_loaded.connect(lambda _spec: panel.set_view(ws.current_view()))
    return panel
