"""The overview bar beside a comparison: where the changes sit in the whole text.

Why: as in Meld or Draftable, a glance at a narrow strip tells whether the changes
cluster in the operative part or spread everywhere, and one click goes there. Each
row of the view is a band of the strip, coloured by its kind of change; the part
on screen is outlined; a click (or a drag) scrolls there and selects the change
nearest the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from drafter.model import PairKind

from . import themes

SNAP_PX = 6  # a click this close to a change mark selects that change
WIDTH = 16


class OverviewBar(QWidget):
    """Reads the rows of a ComparisonView (as filtered); paints and jumps."""

    row_clicked = Signal(int)  # the source row to go to

    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cview = view
        self.setFixedWidth(WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Where the changes are in the whole text: click to go there")
        self.setAccessibleName("Overview of the changes")
        self._marks: list[tuple[int, int, str]] | None = None  # (proxy row, source row, kind)
        tree = view.view
        tree.verticalScrollBar().valueChanged.connect(self.update)
        tree.verticalScrollBar().rangeChanged.connect(self.update)
        for signal in (
            view.proxy.layoutChanged,
            view.proxy.modelReset,
            view.proxy.rowsInserted,
            view.proxy.rowsRemoved,
        ):
            signal.connect(self.invalidate)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def invalidate(self, *_args) -> None:
        self._marks = None
        self.update()

    def marks(self) -> list[tuple[int, int, str]]:
        """(proxy row, source row, kind) of every changed row shown, in order."""
        if self._marks is None:
            proxy, model = self.cview.proxy, self.cview.model
            out = []
            for r in range(proxy.rowCount()):
                src = proxy.mapToSource(proxy.index(r, 0)).row()
                pair = model.pair(src)
                if model.is_ghost(src):
                    out.append((r, src, "ghost"))
                elif pair.is_change:
                    out.append((r, src, str(pair.kind)))
            self._marks = out
        return self._marks

    def _rows(self) -> int:
        return max(1, self.cview.proxy.rowCount())

    def _y(self, row: float) -> float:
        return 2 + (self.height() - 4) * row / self._rows()

    def row_at(self, y: float) -> int:
        """The proxy row under a point of the bar."""
        frac = (y - 2) / max(1, self.height() - 4)
        return int(min(self._rows() - 1, max(0, frac * self._rows())))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        col = themes.colors(pal)
        band = max(2.0, (self.height() - 4) / self._rows())
        for r, _src, kind in self.marks():
            colour = QColor(
                col.gutter[PairKind.MOVED] if kind == "ghost" else col.gutter[PairKind(kind)]
            )
            if kind == "ghost":
                colour.setAlpha(110)
            painter.fillRect(QRectF(3, self._y(r), self.width() - 6, band), colour)
        first, last = self._visible_rows()
        if first is not None:
            edge = QColor(pal.color(QPalette.ColorRole.Text))
            edge.setAlpha(140)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            top, bottom = self._y(first), self._y(last + 1)
            painter.drawRect(QRectF(1, top, self.width() - 3, max(3.0, bottom - top - 1)))
        painter.end()

    def _visible_rows(self) -> tuple[int | None, int | None]:
        tree = self.cview.view
        vp = tree.viewport().rect()
        top = tree.indexAt(vp.topLeft())
        if not top.isValid():
            return None, None
        bottom = tree.indexAt(vp.bottomLeft())
        last = bottom.row() if bottom.isValid() else self._rows() - 1
        return top.row(), last

    def target_row(self, y: float) -> int:
        """The source row a click at ``y`` goes to: a change mark within SNAP_PX, else
        the row under the pointer."""
        best = None
        for r, src, _kind in self.marks():
            top, bottom = self._y(r), self._y(r + 1)
            dist = 0 if top <= y <= bottom else min(abs(y - top), abs(y - bottom))
            if dist <= SNAP_PX and (best is None or dist < best[0]):
                best = (dist, src)
        if best is not None:
            return best[1]
        proxy = self.cview.proxy
        return proxy.mapToSource(proxy.index(self.row_at(y), 0)).row()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.row_clicked.emit(self.target_row(event.position().y()))

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.row_clicked.emit(self.target_row(event.position().y()))
