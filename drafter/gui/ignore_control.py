"""The "ignore" choices (hyphen and quote variants, whitespace, ...) as check boxes.

One setting serves the screen and the Word exports alike (the comparison is made
with it, and exports render that comparison); the core value is
:class:`drafter.compare.ignore.Ignore`, stored as text in the settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from drafter.compare.ignore import LABELS, NAMES, Ignore


class IgnoreChoices(QWidget):
    """Five check boxes, one per kind of difference a comparison may leave out."""

    def __init__(self, value: Ignore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for name in NAMES:
            box = QCheckBox(LABELS[name], self)
            box.setChecked(name in value.names)
            layout.addWidget(box)
            self.boxes[name] = box
        self.setToolTip(
            "Differences left out of comparisons, on screen and in Word exports alike "
            "(as Word's and Litera's compare options do)"
        )

    def value(self) -> Ignore:
        return Ignore(**{name: box.isChecked() for name, box in self.boxes.items()})
