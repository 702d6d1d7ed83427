"""Item delegates that paint rich text cells and the change gutter.

Why: a QTextDocument per visible cell, cached by (row, column, width), is what keeps
scrolling smooth: a cell is laid out once, then only painted. The cache is
dropped when the width, font, colours or find term change.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import themes
from .comparison_model import HtmlRole, KindRole, RtlRole

PAD_X, PAD_Y = 8, 5
_Index = QModelIndex | QPersistentModelIndex


class RichTextDelegate(QStyledItemDelegate):
    """Paints ``HtmlRole`` as rich text wrapped to the column width."""

    def __init__(self, view: QAbstractItemView, *, cache_size: int = 600) -> None:
        super().__init__(view)
        self.view = view
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self.cache_size = cache_size
        self.linked_rows: set[int] = set()  # rows tinted as linked to the selection

    def clear_cache(self) -> None:
        self._docs.clear()

    def _width(self, index: _Index) -> int:
        header = getattr(self.view, "header", None)
        if header is not None:
            return max(60, header().sectionSize(index.column()))
        return max(60, self.view.viewport().width())

    def document(self, index: _Index, width: int, font) -> QTextDocument:
        html = index.data(HtmlRole) or ""
        key = (index.row(), index.column(), width, font.key(), hash(html))
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        opt = QTextOption()
        opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if index.data(RtlRole):
            opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
        doc.setDefaultTextOption(opt)
        doc.setHtml(html)
        doc.setTextWidth(max(20, width - 2 * PAD_X))
        self._docs[key] = doc
        if len(self._docs) > self.cache_size:
            self._docs.popitem(last=False)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._width(index)
        doc = self.document(index, width, option.font)
        return QSize(width, int(doc.size().height()) + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        rect: QRect = opt.rect
        pal = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(60)
            painter.fillRect(rect, hl)
            edge = QColor(pal.color(QPalette.ColorRole.Highlight))
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 1), edge)
            painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), edge)
        elif index.row() in self.linked_rows:
            painter.fillRect(rect, QColor(themes.colors(pal).linked_bg))
        doc = self.document(index, rect.width(), opt.font)
        painter.translate(rect.left() + PAD_X, rect.top() + PAD_Y)
        painter.setClipRect(QRect(0, 0, rect.width() - PAD_X, rect.height() - PAD_Y))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, pal.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        # a faint line between rows keeps aligned paragraphs readable
        painter.save()
        line = QColor(pal.color(QPalette.ColorRole.Mid))
        line.setAlpha(70)
        painter.setPen(line)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


class GutterDelegate(QStyledItemDelegate):
    """A coloured bar plus a symbol per row kind (colour is never the only signal)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        from .comparison_model import KIND_SYMBOL, PairRole

        pair = index.data(PairRole)
        if pair is None:
            return
        rect: QRect = option.rect
        pal = option.palette
        col = themes.colors(pal)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            hl = QColor(pal.color(QPalette.ColorRole.Highlight))
            hl.setAlpha(60)
            painter.fillRect(rect, hl)
        color = QColor(col.gutter[pair.kind])
        if pair.is_change:
            painter.fillRect(QRect(rect.left() + 3, rect.top() + 2, 5, rect.height() - 4), color)
            painter.setPen(color)
            font = painter.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            painter.setFont(font)
            symbol = KIND_SYMBOL[pair.kind]
            if pair.formatting_only:
                symbol = "ᶠ"
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
        line = QColor(pal.color(QPalette.ColorRole.Mid))
        line.setAlpha(70)
        painter.setPen(line)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(40, 24)


__all__ = ["GutterDelegate", "KindRole", "RichTextDelegate"]
