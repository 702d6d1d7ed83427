"""Light and dark themes, and the colours the diff views paint with.

Why: "follow the system" is the default (Qt's own palette); light and dark are
explicit Fusion palettes so they look the same on every platform. Diff colours
come from one table per theme so both themes keep inserted/deleted text legible.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from drafter.model import PairKind
from drafter.resources import resource_path


@dataclass(frozen=True)
class DiffColors:
    del_fg: str
    del_bg: str
    ins_fg: str
    ins_bg: str
    mark_bg: str  # find-in-comparison matches
    phrase_bg: str  # shared phrases in related mode
    number_fg: str  # paragraph numbers
    muted_fg: str
    linked_bg: str  # rows linked to the selection (related mode)
    gutter: dict[str, str]


LIGHT = DiffColors(
    del_fg="#a40000",
    del_bg="#fde0e0",
    ins_fg="#0b6b1f",
    ins_bg="#dcf5dc",
    mark_bg="#ffe766",
    phrase_bg="#cfe3ff",
    number_fg="#5a6270",
    muted_fg="#7a808a",
    linked_bg="#eef4ff",
    gutter={
        PairKind.UNCHANGED: "#d5d8dd",
        PairKind.MODIFIED: "#e0a030",
        PairKind.MOVED: "#7a5cc7",
        PairKind.INSERTED: "#2e9b46",
        PairKind.DELETED: "#cc3333",
        PairKind.SPLIT: "#2a83c4",
        PairKind.MERGED: "#2a83c4",
    },
)

DARK = DiffColors(
    del_fg="#ff8a80",
    del_bg="#4a2020",
    ins_fg="#8fe39b",
    ins_bg="#1e3d24",
    mark_bg="#7a6a00",
    phrase_bg="#24436e",
    number_fg="#a9b0bb",
    muted_fg="#8c939e",
    linked_bg="#26303f",
    gutter={
        PairKind.UNCHANGED: "#4a4f57",
        PairKind.MODIFIED: "#d6a23c",
        PairKind.MOVED: "#a58cf0",
        PairKind.INSERTED: "#5cc46f",
        PairKind.DELETED: "#ef6b6b",
        PairKind.SPLIT: "#5aa9e6",
        PairKind.MERGED: "#5aa9e6",
    },
)


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def colors(palette: QPalette | None = None) -> DiffColors:
    return DARK if is_dark(palette) else LIGHT


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e2127"), QColor("#282c33"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#23272e"),
        QPalette.ColorRole.ToolTipBase: QColor("#30343c"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Link: QColor("#6cb4ff"),
        QPalette.ColorRole.Highlight: QColor("#3d6fb6"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.PlaceholderText: QColor("#8c939e"),
        QPalette.ColorRole.Mid: QColor("#3a3f47"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777c85"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor("#f3f4f6"),
        QPalette.ColorRole.WindowText: QColor("#1d2025"),
        QPalette.ColorRole.Base: QColor("#ffffff"),
        QPalette.ColorRole.AlternateBase: QColor("#f7f8fa"),
        QPalette.ColorRole.ToolTipBase: QColor("#ffffe8"),
        QPalette.ColorRole.ToolTipText: QColor("#1d2025"),
        QPalette.ColorRole.Text: QColor("#1d2025"),
        QPalette.ColorRole.Button: QColor("#eceef1"),
        QPalette.ColorRole.ButtonText: QColor("#1d2025"),
        QPalette.ColorRole.Highlight: QColor("#3875d7"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#1a5fb4"),
        QPalette.ColorRole.PlaceholderText: QColor("#8a8f98"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a0a4ab"))
    return p


_system_palette: QPalette | None = None
_system_style: str | None = None


def apply_theme(app: QApplication, theme: str, font_size: int = 0) -> None:
    """Apply "system", "light" or "dark", and the base font size (0 = system)."""
    global _system_palette, _system_style
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    elif theme == "light":
        app.setStyle("Fusion")
        app.setPalette(_light_palette())
    else:
        if _system_style:
            app.setStyle(_system_style)
        app.setPalette(_system_palette)
    font = QFont(app.font())
    if font_size > 0:
        font.setPointSize(font_size)
    elif _default_point_size(app) > 0:
        font.setPointSize(_default_point_size(app))
    app.setFont(font)
    qss = resource_path("styles", "app.qss")
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.is_file() else "")


_default_size: int | None = None


def _default_point_size(app: QApplication) -> int:
    global _default_size
    if _default_size is None:
        _default_size = app.font().pointSize()
    return _default_size
