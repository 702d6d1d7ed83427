"""The export dialog: redline / side by side / clean copy, with or without notes.

Why a plain request value: the dialog only asks; the window runs the export in the
background (export is the core's job) and reports where the file went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .file_dialogs import save_file_name

KINDS = {
    "redline": "&Redline (Word tracked changes)",
    "side_by_side": "&Side by side (two-column table)",
    "clean": "&Clean copy of the new text",
}


@dataclass(frozen=True)
class ExportRequest:
    kind: str  # redline | side_by_side | clean
    path: Path
    with_notes: bool


def default_name(old: str, new: str, kind: str) -> str:
    def slug(s: str) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_") or "text"

    if kind == "clean":
        return f"{slug(new)}.docx"
    suffix = "redline" if kind == "redline" else "side-by-side"
    return f"{slug(old)}_to_{slug(new)}_{suffix}.docx"


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        old_name: str,
        new_name: str,
        folder: str,
        related: bool = False,
        has_notes: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to Word")
        self.old_name, self.new_name = old_name, new_name
        self.folder = folder or str(Path.home())
        self.group = QButtonGroup(self)
        box = QVBoxLayout()
        self.radios: dict[str, QRadioButton] = {}
        for key, label in KINDS.items():
            rb = QRadioButton(label, self)
            if related and key == "redline":
                rb.setEnabled(False)
                rb.setToolTip("A redline needs two versions of one text (versions mode)")
            self.radios[key] = rb
            self.group.addButton(rb)
            box.addWidget(rb)
            rb.toggled.connect(self._kind_changed)
        self.with_notes = QCheckBox("Include &notes (as Word comments)", self)
        self.with_notes.setChecked(has_notes)
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Output file")
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Export as:", box)
        form.addRow("", self.with_notes)
        file_label = QLabel("&File:", self)  # a label on a layout gets no buddy by itself
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_btn = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.radios["side_by_side"] if related else self.radios["redline"]).setChecked(True)
        self.resize(560, 0)

    def kind(self) -> str:
        return next(k for k, rb in self.radios.items() if rb.isChecked())

    def _kind_changed(self, on: bool) -> None:
        if not on:
            return
        current = self.path.text().strip()
        folder = str(Path(current).parent) if current else self.folder
        self.path.setText(
            str(Path(folder) / default_name(self.old_name, self.new_name, self.kind()))
        )

    def browse(self) -> None:
        path = save_file_name(
            self, "Export to", self.path.text(), "Word documents (*.docx)"
        )
        if path:
            if not path.lower().endswith(".docx"):
                path += ".docx"
            self.path.setText(path)

    def request(self) -> ExportRequest | None:
        text = self.path.text().strip()
        if not text:
            return None
        return ExportRequest(self.kind(), Path(text).expanduser(), self.with_notes.isChecked())
