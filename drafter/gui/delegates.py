"""Item delegates that paint rich text cells and the change gutter.

Why: a QTextDocument per visible cell, cached by (row, column, width), is what keeps
scrolling smooth: a cell is laid out once, then only painted. The cache is
dropped when the width, font, colours or find term change.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from drafter.model import PairKind

from . import themes
from .comparison_model import HtmlRole, KeyRole, KindRole, LengthsRole, RtlRole

PAD_X, PAD_Y = 8, 5
_SAMPLE = (
    "Recognizes the contribution of migrants to sustainable development in countries of "
    "origin, transit and destination, and decides to convene a high-level dialogue (2013);"
)
_Index = QModelIndex | QPersistentModelIndex


def _row_line(painter: QPainter, rect: QRect, pal: QPalette) -> None:
    """A faint line under a row (fillRect: a translucent drawLine is 100x slower)."""
    line = QColor(pal.color(QPalette.ColorRole.Mid))
    line.setAlpha(70)
    painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), line)


class RichTextDelegate(QStyledItemDelegate):
    """Paints ``HtmlRole`` as rich text wrapped to the column width.

    Row heights: exact once a cell has been laid out (painted or refined in idle
    time), estimated from the plain text's width before that. So the first screen
    of a 1,000-row comparison needs a handful of layouts, not thousands; the
    estimates are replaced in the background (``refine``) and whenever a painted
    cell turns out taller or shorter than estimated.
    """

    def __init__(self, view: QAbstractItemView, *, cache_size: int = 400) -> None:
        super().__init__(view)
        self.view = view
        header = getattr(view, "header", None)  # a tree's columns (a list has none)
        self._header = header() if header is not None else None
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._heights: dict[tuple[int, int, int], int] = {}
        self._estimates: dict[tuple[int, int, int], int] = {}
        # (row key, column) -> length of each line of the cell's text: read once, so a
        # new column width re-estimates every row by arithmetic alone
        self._lengths: dict[tuple[int, int], tuple[int, ...]] = {}
        self._metrics: dict[str, tuple[float, int]] = {}  # font key -> (char width, line)
        self.cache_size = cache_size
        self.linked_rows: set[int] = set()  # rows tinted as linked to the selection
        self.focus_row: int | None = None  # the link stepped to (related mode): a side bar
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(30)
        self._relayout.timeout.connect(self._apply_heights)
        self._refine_timer = QTimer(self)
        self._refine_timer.setInterval(0)
        self._refine_timer.timeout.connect(self._refine_step)
        self._refine_row = 0
        self._refine_first = 0
        self._refine_changed = False

    def clear_cache(self, *, heights: bool = True) -> None:
        self._docs.clear()
        if heights:
            self._heights.clear()
            self._estimates.clear()
            self._lengths.clear()
            self._metrics.clear()
            self.start_refine()

    def _width(self, index: _Index) -> int:
        header = self._header
        if header is not None:
            return max(60, header.sectionSize(index.column()))
        return max(60, self.view.viewport().width())

    @staticmethod
    def _key(index: _Index, width: int) -> tuple[int, int, int]:
        key = index.data(KeyRole)
        return (index.row() if key is None else int(key), index.column(), width)

    def _new_document(self, index: _Index, width: int, font) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        opt = QTextOption()
        opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if index.data(RtlRole):
            opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
        doc.setDefaultTextOption(opt)
        doc.setHtml(index.data(HtmlRole) or "")
        doc.setTextWidth(max(20, width - 2 * PAD_X))
        return doc

    def document(self, index: _Index, width: int, font) -> QTextDocument:
        html = index.data(HtmlRole) or ""
        key = (*self._key(index, width), font.key(), hash(html))
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = self._new_document(index, width, font)
        self._docs[key] = doc
        if len(self._docs) > self.cache_size:
            self._docs.popitem(last=False)
        return doc

    def _font_metrics(self, font) -> tuple[float, int]:
        """Average advance of one character of running text in ``font``, and its line
        spacing (measured once per font)."""
        key = font.key()
        metrics = self._metrics.get(key)
        if metrics is None:
            fm = QFontMetrics(font)
            metrics = (fm.horizontalAdvance(_SAMPLE) / len(_SAMPLE), fm.lineSpacing())
            self._metrics[key] = metrics
        return metrics

    def _line_lengths(self, index: _Index, key: tuple[int, int, int]) -> tuple[int, ...]:
        cell = key[:2]
        lengths = self._lengths.get(cell)
        if lengths is None:
            lengths = index.data(LengthsRole)
            if lengths is None:  # a model without the role: measure its text
                text = index.data(Qt.ItemDataRole.DisplayRole) or ""
                lengths = tuple(len(b) for b in text.split("\n")) if text else ()
            self._lengths[cell] = lengths
        return lengths

    def _estimate(
        self, option: QStyleOptionViewItem, index: _Index, key: tuple[int, int, int]
    ) -> int:
        char_width, line = self._font_metrics(option.font)
        lengths = self._line_lengths(index, key)
        per_line = max(8.0, (key[2] - 2 * PAD_X) / (char_width * 1.06))
        lines = sum(max(1, math.ceil(n / per_line)) for n in lengths)
        h = lines * line + 4 * len(lengths) + 2 * PAD_Y
        self._estimates[key] = h
        return h

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # called for every row of the view at each layout: kept to dictionary look-ups
        width = self._width(index)
        key = self._key(index, width)
        h = self._heights.get(key) or self._estimates.get(key)
        if h is None:
            h = self._estimate(option, index, key)
        return QSize(width, h)

    def _exact(self, index: _Index, width: int, font) -> int:
        doc = self._new_document(index, width, font)
        return int(doc.size().height()) + 2 * PAD_Y

    # ---- idle-time refinement of estimated heights ----------------------------
    def start_refine(self) -> None:
        """Replace estimated heights by exact ones in idle time, from the top visible row on."""
        top = self.view.indexAt(QPoint(0, 0)).row() if self.view.model() is not None else -1
        self._refine_first = max(0, top)
        self._refine_row = 0  # rows done, counted from _refine_first (wrapping)
        self._refine_changed = False
        self._refine_timer.start()

    @property
    def refining(self) -> bool:
        return self._refine_timer.isActive()

    def _columns(self) -> list[int]:
        """The shown columns this delegate paints."""
        header = self._header
        if header is None:
            return [0]
        return [
            c
            for c in range(header.count())
            if not self.view.isColumnHidden(c)
            and self.view.itemDelegateForColumn(c) in (None, self)
        ]

    def measure_top(self, height: int) -> None:
        """Exact heights, and the laid-out documents paint will use, for the first rows
        down to ``height`` pixels: a view about to show its top then draws those rows
        at their right heights from its first paint (no estimate to correct)."""
        model = self.view.model()
        if model is None:
            return
        cols, font = self._columns(), self.view.font()
        row, filled, rows, changed = 0, 0, model.rowCount(), False
        while row < rows and filled < height:
            tallest = 0
            for c in cols:
                index = model.index(row, c)
                width = self._width(index)
                key = self._key(index, width)
                exact = self._heights.get(key)
                if exact is None:
                    exact = int(self.document(index, width, font).size().height()) + 2 * PAD_Y
                    self._heights[key] = exact
                    changed = changed or exact != self._estimates.get(key)
                tallest = max(tallest, exact)
            filled += tallest
            row += 1
        if changed and row:  # a view that measured these rows already asks again
            model.dataChanged.emit(model.index(0, 0), model.index(row - 1, max(cols)), [])

    def _refine_step(self) -> None:
        model = self.view.model()
        if model is None or not self.view.isVisible():
            self._refine_timer.stop()  # resumed by the view's showEvent
            return
        header = self._header
        cols = self._columns()
        font = self.view.font()
        deadline = time.perf_counter() + 0.012
        rows = model.rowCount()
        while self._refine_row < rows and time.perf_counter() < deadline:
            r = (self._refine_first + self._refine_row) % rows
            if header is not None and self.view.isRowHidden(r, QModelIndex()):
                self._refine_row += 1
                continue
            for c in cols:
                index = model.index(r, c)
                width = self._width(index)
                key = self._key(index, width)
                if key not in self._heights:
                    exact = self._exact(index, width, font)
                    self._heights[key] = exact
                    if exact != self._estimates.get(key):
                        self._refine_changed = True
            self._refine_row += 1
        if self._refine_row >= rows:
            self._refine_timer.stop()
            if self._refine_changed:
                self._refine_changed = False
                self._relayout.start()

    def _apply_heights(self) -> None:
        """Lay the rows out with the heights found since, keeping the row at the top of
        the viewport where it is: rows above it that turned out taller or shorter than
        estimated must not move the text the user is reading."""
        view = self.view
        model = view.model()
        if model is None or not model.rowCount():
            return
        top = QPersistentModelIndex(view.indexAt(QPoint(0, 0)))
        per_pixel = view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel
        offset = view.visualRect(QModelIndex(top)).top() if top.isValid() else 0
        view.doItemsLayout()
        if per_pixel and top.isValid():
            moved = view.visualRect(QModelIndex(top)).top() - offset
            if moved:
                bar = view.verticalScrollBar()
                bar.setValue(bar.value() + moved)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        rect: QRect = opt.rect
        pal = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(themes.SELECTION_ALPHA)
            painter.fillRect(rect, hl)
            edge = QColor(pal.color(QPalette.ColorRole.Highlight))
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 1), edge)
            painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), edge)
        elif index.row() in self.linked_rows:
            painter.fillRect(rect, QColor(themes.colors().linked_bg))
        if index.row() == self.focus_row and not selected:
            bar = QColor(pal.color(QPalette.ColorRole.Highlight))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), bar)
        doc = self.document(index, rect.width(), opt.font)
        exact = int(doc.size().height()) + 2 * PAD_Y
        key = self._key(index, rect.width())
        if self._heights.get(key) != exact:
            self._heights[key] = exact
            if abs(exact - rect.height()) > 1:
                self._relayout.start()  # the estimate was off: lay the rows out again
        painter.translate(rect.left() + PAD_X, rect.top() + PAD_Y)
        painter.setClipRect(QRect(0, 0, rect.width() - PAD_X, rect.height() - PAD_Y))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, pal.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        # a faint line between rows keeps aligned paragraphs readable
        _row_line(painter, rect, pal)


class GutterDelegate(QStyledItemDelegate):
    """A coloured bar plus a symbol per row kind (colour is never the only signal)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        from .comparison_model import KIND_SYMBOL, PairRole

        pair = index.data(PairRole)
        if pair is None:
            return
        rect: QRect = option.rect
        pal = option.palette
        col = themes.colors()
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(themes.SELECTION_ALPHA)
            painter.fillRect(rect, hl)
        model = index.model()
        source = getattr(model, "sourceModel", lambda: None)() or model
        row = model.mapToSource(index).row() if source is not model else index.row()
        if hasattr(source, "is_ghost") and source.is_ghost(row):
            # where a moved paragraph stood: a hollow bar and an arrow to follow
            color = QColor(col.gutter[PairKind.MOVED])
            painter.setPen(color)
            painter.drawRect(QRect(rect.left() + 3, rect.top() + 2, 4, rect.height() - 5))
            painter.drawText(
                QRect(rect.left() + 10, rect.top() + PAD_Y, rect.width() - 12, 24),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                "↧",
            )
            _row_line(painter, rect, pal)
            painter.restore()
            return
        color = QColor(col.gutter[pair.kind])
        if pair.is_change:
            painter.fillRect(QRect(rect.left() + 3, rect.top() + 2, 5, rect.height() - 4), color)
            painter.setPen(color)
            font = painter.font()
            font.setBold(True)
            if font.pointSizeF() > 0:  # pixel-sized fonts report -1
                font.setPointSizeF(font.pointSizeF() * 1.15)
            painter.setFont(font)
            symbol = KIND_SYMBOL[pair.kind]
            if pair.formatting_only:  # an italic f: only formatting changed
                symbol = "f"
                font.setItalic(True)
                painter.setFont(font)
            painter.drawText(
                QRect(rect.left() + 10, rect.top() + PAD_Y, rect.width() - 12, 24),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                symbol,
            )
            if pair.approximate:
                painter.setPen(QColor(col.muted_fg))
                painter.drawText(
                    QRect(rect.left() + 10, rect.top() + PAD_Y + 22, rect.width() - 12, 20),
                    Qt.AlignmentFlag.AlignHCenter,
                    "≈",
                )
        _row_line(painter, rect, pal)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(40, 24)


__all__ = ["GutterDelegate", "KindRole", "RichTextDelegate"]
