"""The versions-mode view: aligned side-by-side rows (or a redline), filters,
summary counts, find, and next/previous change.

Why a QTreeView over a flat table model: it asks the delegate for the height of
visible rows only, so a 1,000-pair comparison shows its first screen at once.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from drafter.model import Comparison, PairKind, Paragraph

from . import themes
from .comparison_model import (
    FILTERS,
    GUTTER,
    KIND_LABEL,
    NEW,
    OLD,
    REDLINE,
    ComparisonFilter,
    ComparisonModel,
)
from .delegates import PAD_Y, GutterDelegate, RichTextDelegate
from .fit_label import FitLabel
from .overview_bar import OverviewBar


class PairTree(QTreeView):
    """A flat tree view whose Left/Right keys choose the old or new side."""

    side_key = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Aligned paragraphs")
        self._relayout = QTimer(self, singleShot=True, interval=60)
        self._relayout.timeout.connect(self._do_relayout)
        self._relayout_forced = False
        self._laid_out_widths: tuple[int, ...] = ()

    def pin_scroll_bar(self) -> None:
        """Show the vertical scroll bar from the start when the rows cannot fit on the
        screen: else it appears once the first layout has measured them, narrows the
        columns, and every row is measured again for the new width."""
        model = self.model()
        screen = self.screen()
        if model is None or screen is None:
            return
        shortest_row = self.fontMetrics().lineSpacing() + 2 * PAD_Y  # one line of text
        if model.rowCount() * shortest_row <= screen.availableGeometry().height():
            return
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().rangeChanged.connect(self._unpin_scroll_bar)

    def _unpin_scroll_bar(self, _low: int, high: int) -> None:
        if high > 0:  # the rows are measured and overflow: "as needed" keeps it shown
            self.verticalScrollBar().rangeChanged.disconnect(self._unpin_scroll_bar)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Left and not event.modifiers():
            self.side_key.emit("old")
            return
        if event.key() == Qt.Key.Key_Right and not event.modifiers():
            self.side_key.emit("new")
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        delegate = self.itemDelegate()
        if isinstance(delegate, RichTextDelegate):
            if self.verticalScrollBar().value() == 0:  # opening on the first rows
                delegate.measure_top(self.viewport().height())
            delegate.start_refine()

    def schedule_relayout(self, *, if_resized: bool = False) -> None:
        """Lay the rows out again soon; ``if_resized``: only if the shown columns'
        widths differ from the last layout's (a header resize that changed nothing,
        or that the layout already saw, costs no pass over every row)."""
        self._relayout_forced = self._relayout_forced or not if_resized
        self._relayout.start()

    def _column_widths(self) -> tuple[int, ...]:
        header = self.header()
        return tuple(
            -1 if self.isColumnHidden(c) else header.sectionSize(c) for c in range(header.count())
        )

    def doItemsLayout(self) -> None:
        self._laid_out_widths = self._column_widths()
        super().doItemsLayout()

    def _do_relayout(self, *, clear: bool = False) -> None:
        """Lay rows out again (widths, filter or columns changed); ``clear`` after a
        font or theme change, when cached heights and layouts are stale."""
        forced, self._relayout_forced = self._relayout_forced, False
        if not (forced or clear) and self._column_widths() == self._laid_out_widths:
            return
        delegate = self.itemDelegate()
        if isinstance(delegate, RichTextDelegate):
            if clear:
                delegate.clear_cache()
            delegate.start_refine()
        self.doItemsLayout()


class ComparisonView(QWidget):
    """Shows one :class:`Comparison`; emits which paragraph the user is on."""

    paragraph_selected = Signal(str, object)  # side ("old"/"new"), Paragraph | None
    message = Signal(str)

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ComparisonModel(comparison, self)
        self.model.set_colors(themes.colors())
        self.proxy = ComparisonFilter(self)
        self.proxy.setSourceModel(self.model)
        self.active_side = "new"
        self.single = False
        self._focus_pid: int | None = None
        self._scroll_target = QPersistentModelIndex()
        self._scroll_hint = QAbstractItemView.ScrollHint.PositionAtCenter
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._scroll_again)
        self._build()
        self._update_summary()
        self.view.pin_scroll_bar()

    def _scroll_again(self) -> None:
        if self._scroll_target.isValid():
            self.view.scrollTo(QModelIndex(self._scroll_target), self._scroll_hint)
            self._scroll_hint = QAbstractItemView.ScrollHint.PositionAtCenter

    # ---- construction ---------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        self.summary = FitLabel(self)  # one line: the rows below never jump
        self.summary.setObjectName("summaryBar")
        self.summary.setAccessibleName("Summary of changes")
        bar.addWidget(self.summary, 1)

        layout.addLayout(bar)

        find = QHBoxLayout()
        find.setContentsMargins(6, 0, 6, 2)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Find in comparison (Ctrl+F)")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName("Find in comparison")
        self.find_edit.textChanged.connect(self._find_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.setMinimumWidth(110)
        find.addWidget(self.find_edit, 1)
        prev_btn = QToolButton(self, text="▲", toolTip="Previous match (Shift+Enter)")
        prev_btn.clicked.connect(self.find_previous)
        next_btn = QToolButton(self, text="▼", toolTip="Next match (Enter)")
        next_btn.clicked.connect(self.find_next)
        find.addWidget(prev_btn)
        find.addWidget(next_btn)
        self.find_count = QLabel(self)
        find.addWidget(self.find_count)
        find.addSpacing(8)
        self.filter_box = QComboBox(self)
        self.filter_box.setAccessibleName("Show")
        for key, label in FILTERS.items():
            self.filter_box.addItem(label, key)
        self.filter_box.setToolTip("Which rows to show")
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        find.addWidget(QLabel("&Show:", self, buddy=self.filter_box))
        find.addWidget(self.filter_box)
        self.hide_formatting = QCheckBox("Hide &formatting-only", self)
        self.hide_formatting.setToolTip(
            "Hide rows whose only differences are footnote markers, spacing, quotes or dashes"
        )
        self.hide_formatting.toggled.connect(self._filter_changed)
        find.addWidget(self.hide_formatting)
        self.redline_box = QCheckBox("&Redline", self)
        self.redline_box.setToolTip("One column with deletions and insertions inline")
        self.redline_box.toggled.connect(self.set_redline)
        find.addWidget(self.redline_box)
        layout.addLayout(find)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, self.find_previous)

        self.view = PairTree(self)
        self.view.setModel(self.proxy)
        self.text_delegate = RichTextDelegate(self.view)
        self.view.setItemDelegate(self.text_delegate)
        self.view.setItemDelegateForColumn(GUTTER, GutterDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        for col in (OLD, NEW, REDLINE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GUTTER, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(GUTTER, 34)
        header.sectionResized.connect(lambda *a: self.view.schedule_relayout(if_resized=True))
        self.view.setColumnHidden(REDLINE, True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.clicked.connect(self._clicked)
        self.view.side_key.connect(self._set_side)
        self.overview = OverviewBar(self, self)
        self.overview.row_clicked.connect(self._overview_clicked)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 2, 0)
        body.setSpacing(2)
        body.addWidget(self.view, 1)
        body.addWidget(self.overview)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.view)

    # ---- public API -----------------------------------------------------
    @property
    def comparison(self) -> Comparison:
        return self.model.comparison  # type: ignore[return-value]

    def set_single(self, on: bool) -> None:
        """One version shown alone: one column of its text, no gutter, no redline."""
        self.single = on
        for w in (self.redline_box, self.hide_formatting, self.overview):
            w.setVisible(not on)
        self.view.setColumnHidden(OLD, on or self.redline_box.isChecked())
        self.view.setColumnHidden(GUTTER, on)
        self.view.setColumnHidden(NEW, self.redline_box.isChecked() and not on)
        self.view.setColumnHidden(REDLINE, on or not self.redline_box.isChecked())
        self.view.schedule_relayout(if_resized=True)  # a column shown or hidden: new widths

    def set_redline(self, on: bool) -> None:
        if self.single:
            return  # nothing to redline against
        if self.redline_box.isChecked() != on:
            self.redline_box.setChecked(on)
            return
        if self.view.isColumnHidden(REDLINE) != on:
            return  # already so (a new tab told to match the others)
        # stay on the same paragraph: the selected row if it is on screen, else the top one
        current = self.view.currentIndex()
        top = self.view.indexAt(self.view.viewport().rect().topLeft())
        on_screen = current.isValid() and self.view.visualRect(current).intersects(
            self.view.viewport().rect()
        )
        anchor = current if on_screen else top
        anchor_row = anchor.row() if anchor.isValid() else -1
        self.view.setColumnHidden(OLD, on)
        self.view.setColumnHidden(NEW, on)
        self.view.setColumnHidden(REDLINE, not on)
        if current.isValid():  # the current cell must sit in a shown column
            cell = self.proxy.index(current.row(), REDLINE if on else NEW)
            self.view.selectionModel().setCurrentIndex(
                cell, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.view._do_relayout()
        if anchor_row >= 0:
            target = self.proxy.index(anchor_row, REDLINE if on else NEW)
            hint = (
                QAbstractItemView.ScrollHint.PositionAtCenter
                if on_screen
                else QAbstractItemView.ScrollHint.PositionAtTop
            )
            self.view.scrollTo(target, hint)
            self._scroll_target, self._scroll_hint = QPersistentModelIndex(target), hint
            self._scroll_timer.start()

    def set_filter(self, mode: str, hide_formatting: bool | None = None) -> None:
        i = self.filter_box.findData(mode)
        if i < 0:
            raise ValueError(mode)
        if hide_formatting is not None:
            self.hide_formatting.blockSignals(True)
            self.hide_formatting.setChecked(hide_formatting)
            self.hide_formatting.blockSignals(False)
        if i == self.filter_box.currentIndex():
            self._filter_changed()
        else:
            self.filter_box.setCurrentIndex(i)

    def current_source_row(self) -> int | None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return None
        return self.proxy.mapToSource(idx).row()

    def select_source_row(self, row: int, *, side: str | None = None) -> bool:
        """Select a comparison row (showing all rows if the filter hides it)."""
        if row < 0 or row >= self.model.rowCount():
            return False
        src = self.model.index(row, NEW)
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.set_filter("all", hide_formatting=False)
            idx = self.proxy.mapFromSource(src)
        if side:
            self.active_side = side
        self.view.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        # again once row heights are known (first show, filter change)
        self._scroll_target = QPersistentModelIndex(idx)
        self._scroll_hint = QAbstractItemView.ScrollHint.PositionAtCenter
        self._scroll_timer.start()
        return True

    def select_paragraph(self, side: str, paragraph_id: int) -> bool:
        row = (
            self.model.row_of_old(paragraph_id)
            if side == "old"
            else self.model.row_of_new(paragraph_id)
        )
        if row is None:
            return False
        self._focus_pid = paragraph_id  # a split/merge row holds several: remember which
        return self.select_source_row(row, side=side)

    def current_paragraph(self) -> tuple[str, Paragraph] | None:
        row = self.current_source_row()
        if row is None:
            return None
        pair = self.model.pair(row)
        old, new = self.model.old_paragraphs(pair), self.model.new_paragraphs(pair)
        side = self.active_side
        if side == "new" and not new:
            side = "old"
        if side == "old" and not old:
            side = "new"
        pars = new if side == "new" else old
        for p in pars:
            if p.id == self._focus_pid:
                return side, p
        return (side, pars[0]) if pars else None

    def _step_change(self, step: int) -> bool:
        count = self.proxy.rowCount()
        cur = self.view.currentIndex()
        row = cur.row() if cur.isValid() else (-1 if step > 0 else count)
        row += step  # every changed row is a stop
        while 0 <= row < count:
            src = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            pair = self.model.pair(src)
            if pair.is_change and not self.model.is_ghost(src):
                self.select_source_row(src)
                changes = self.model.change_rows()
                if src in changes:
                    self.message.emit(
                        f"Change {changes.index(src) + 1} of {len(changes)}: "
                        f"{KIND_LABEL[pair.kind]}"
                    )
                return True
            row += step
        self.message.emit("No more changes" if step > 0 else "No earlier changes")
        return False

    def show_example(self) -> None:
        """Go to the first change (first run)."""
        self.view.setCurrentIndex(self.proxy.index(-1, 0))
        self.next_change()

    def next_change(self) -> bool:
        return self._step_change(1)

    def previous_change(self) -> bool:
        return self._step_change(-1)

    def find_matches(self) -> list[int]:
        """Proxy rows whose text contains the find term."""
        term = self.find_edit.text().casefold()
        if not term:
            return []
        cols = (REDLINE,) if self.redline_box.isChecked() else (OLD, NEW)
        rows = []
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            if any(term in self.model.plain_text(src, c).casefold() for c in cols):
                rows.append(r)
        return rows

    def find_next(self) -> bool:
        return self._find_step(1)

    def find_previous(self) -> bool:
        return self._find_step(-1)

    def _find_step(self, step: int) -> bool:
        matches = self.find_matches()
        if not matches:
            self.find_count.setText("no match" if self.find_edit.text() else "")
            return False
        cur = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        if step > 0:
            nxt = next((r for r in matches if r > cur), matches[0])
        else:
            nxt = next((r for r in reversed(matches) if r < cur), matches[-1])
        self.select_source_row(self.proxy.mapToSource(self.proxy.index(nxt, 0)).row())
        self.find_count.setText(f"{matches.index(nxt) + 1} of {len(matches)}")
        return True

    def focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def set_note_counts(self, old: dict[int, int], new: dict[int, int]) -> None:
        self.model.set_note_counts(old, new)

    def refresh_colors(self) -> None:
        self.model.set_colors(themes.colors())
        self._update_summary()
        self.view._do_relayout(clear=True)

    # ---- internals ------------------------------------------------------
    def _overview_clicked(self, row: int) -> None:
        self.select_source_row(row)
        self.view.setFocus()
        changes = self.model.change_rows()
        if row in changes:
            kind = KIND_LABEL[self.model.pair(row).kind]
            self.message.emit(f"Change {changes.index(row) + 1} of {len(changes)}: {kind}")

    def _filter_changed(self, *_args) -> None:
        current = self.current_source_row()
        self.proxy.set_mode(self.filter_box.currentData(), self.hide_formatting.isChecked())
        self.view.schedule_relayout()
        if current is not None:
            idx = self.proxy.mapFromSource(self.model.index(current, NEW))
            if idx.isValid():
                self.view.scrollTo(idx)
        self._update_summary()

    def _find_changed(self, text: str) -> None:
        self.model.set_find_term(text)
        self.view.schedule_relayout()
        if text:
            n = len(self.find_matches())
            self.find_count.setText(f"{n} row{'s' if n != 1 else ''}" if n else "no match")
        else:
            self.find_count.setText("")

    def _update_summary(self) -> None:
        cmp = self.model.comparison
        if cmp is None:
            self.summary.set_forms([""])
            return
        s = cmp.summary
        col = themes.colors()
        parts, short = [], []
        for kind, label in (
            (PairKind.MODIFIED, "modified"),
            (PairKind.INSERTED, "inserted"),
            (PairKind.DELETED, "deleted"),
            (PairKind.MOVED, "moved"),
            (PairKind.SPLIT, "split"),
            (PairKind.MERGED, "merged"),
        ):
            n = s.get(str(kind), 0)
            if n:
                square = f'<span style="color:{col.gutter[kind]}">■</span>'
                parts.append(f"{square}&nbsp;{n}&nbsp;{label}")
                short.append(f"{square}{n}")
        extra = []
        if s.get("formatting_only"):
            extra.append(f"{s['formatting_only']} formatting only")
        if s.get("approximate"):
            extra.append(f"{s['approximate']} approximate")
        total = self.model.rowCount()  # every row the view can show, "stood here" rows too
        shown = self.proxy.rowCount()
        head = f"<b>{s['changes']} change{'s' if s['changes'] != 1 else ''}</b> in {total} rows"
        if cmp.old is cmp.new or (cmp.old == cmp.new and not s["changes"]):
            head = f"<b>{html.escape(cmp.new.display_name)}</b> alone: {total} paragraphs"
            parts = short = ["no earlier version to compare with"]
        if shown != total:
            head += f" ({shown} shown)"
        body = " &nbsp; ".join(parts) if parts else "no differences"
        tail = f" &nbsp; <i>({', '.join(extra)})</i>" if extra else ""
        forms = [f"{head} &nbsp;·&nbsp; {body}{tail}"]
        if tail:
            forms.append(f"{head} &nbsp;·&nbsp; {body}")
        if short and short != parts:
            forms.append(f"{head} &nbsp;·&nbsp; {' '.join(short)}")
        forms.append(head)
        self.summary.set_forms(forms)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._emit_selection()

    def _clicked(self, index: QModelIndex) -> None:
        col = index.column()
        if col == OLD:
            self._set_side("old")
        elif col in (NEW, REDLINE):
            self._set_side("new")
        elif col == GUTTER:
            self.jump_other_end(self.proxy.mapToSource(index).row())

    def shown_pairs(self) -> int:
        """Rows shown, not counting those marking where moved paragraphs stood."""
        return sum(
            1
            for r in range(self.proxy.rowCount())
            if not self.model.is_ghost(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
        )

    def jump_other_end(self, row: int | None = None) -> bool:
        """From a moved paragraph to where it stood, and back (gutter click, Ctrl+J)."""
        if row is None:
            row = self.current_source_row()
            if row is None:
                return False
        target = self.model.other_end(row)
        if target is None:
            self.message.emit("This row has no moved paragraph")
            return False
        to_origin = not self.model.is_ghost(row)
        self.select_source_row(target, side="old" if to_origin else "new")
        self.message.emit(
            "Where the moved paragraph stood in the old text"
            if to_origin
            else "Where the paragraph moved to in the new text"
        )
        return True

    def _set_side(self, side: str) -> None:
        self.active_side = side
        self._emit_selection()

    def _emit_selection(self) -> None:
        cur = self.current_paragraph()
        if cur is None:
            self.paragraph_selected.emit(self.active_side, None)
        else:
            self.paragraph_selected.emit(cur[0], cur[1])
