"""A one-line rich-text label that shortens its text to fit, never wraps.

Why: a summary line that wraps grows by a line, and everything under it (the find
box, the "Show" combo) jumps down under the pointer. This label is given its text
in several forms, longest first; it shows the longest form that fits its width and
keeps the full text in its tooltip. The last form is elided if even it does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .plain import rich


def html_width(html: str, font) -> float:
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    return doc.idealWidth()


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


class FitLabel(QLabel):
    """Shows the longest of its forms that fits on one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self._forms: list[str] = []
        self.shown_form = -1

    def set_forms(self, forms: Sequence[str]) -> None:
        self._forms = [f for f in forms if f] or [""]
        self.setToolTip(rich(plain(self._forms[0])) if self._forms[0] else "")
        self._fit()

    def full_text(self) -> str:
        return self._forms[0] if self._forms else ""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self._forms:
            return
        room = self.contentsRect().width() - 2
        font = self.font()
        for i, form in enumerate(self._forms):
            if html_width(form, font) <= room:
                self.shown_form = i
                super().setText(form)
                return
        # nothing fits: the shortest form as plain text, elided with "…"
        self.shown_form = len(self._forms) - 1
        text = plain(self._forms[-1])
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
        super().setText(elided.replace("&", "&amp;").replace("<", "&lt;"))

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setHeight(self.fontMetrics().height() + 4)
        return hint

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().height() + 4)
        return hint
