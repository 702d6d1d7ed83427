"""Preferences: author name and delegation, font size, light/dark theme."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from . import settings as S
from .ignore_control import IgnoreChoices

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class SettingsDialog(QDialog):
    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Drafter Settings")
        self.settings = settings
        self.author = QLineEdit(settings.get(S.AUTHOR), self)
        self.author.setPlaceholderText(settings.author)
        self.delegation = QLineEdit(settings.get(S.DELEGATION), self)
        self.delegation.setPlaceholderText("e.g. Delegation of Norway")
        self.delegation.setToolTip(
            "With your name, it signs the tracked changes of Word exports: “Name (Delegation)”"
        )
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText("System default")
        self.font_size.setValue(settings.get(S.FONT_SIZE))
        self.theme = QComboBox(self)
        for key in S.THEMES:
            self.theme.addItem(THEME_LABELS[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get(S.THEME))))
        form = QFormLayout(self)
        form.addRow("&Author name for notes:", self.author)
        form.addRow("&Delegation:", self.delegation)
        form.addRow("&Font size (points):", self.font_size)
        form.addRow("&Theme:", self.theme)
        self.ignore = IgnoreChoices(settings.ignore, self)
        form.addRow("Ignore when comparing:", self.ignore)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.set(S.AUTHOR, self.author.text().strip())
        self.settings.set(S.DELEGATION, self.delegation.text().strip())
        self.settings.set(S.FONT_SIZE, self.font_size.value())
        self.settings.set(S.THEME, self.theme.currentData())
        self.settings.set(S.IGNORE, self.ignore.value().to_text())
        self.settings.sync()
