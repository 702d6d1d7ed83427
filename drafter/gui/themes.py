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
    mark_bg: str  # find-in-comparison matches, search hits, note badges
    mark_fg: str  # the text on mark_bg (never the theme's text colour: white on yellow)
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
    mark_fg="#1d2025",
    phrase_bg="#cfe3ff",
    number_fg="#4f5663",
    muted_fg="#555b66",
    linked_bg="#eef4ff",
    gutter={
        PairKind.UNCHANGED: "#d5d8dd",
        PairKind.MODIFIED: "#8a5800",
        PairKind.MOVED: "#6a4bb8",
        PairKind.INSERTED: "#1c7233",
        PairKind.DELETED: "#b52b2b",
        PairKind.SPLIT: "#1d68a0",
        PairKind.MERGED: "#1d68a0",
    },
)

DARK = DiffColors(
    del_fg="#ff8a80",
    del_bg="#4a2020",
    ins_fg="#8fe39b",
    ins_bg="#1e3d24",
    mark_bg="#e0c04a",
    mark_fg="#1b1b1b",
    phrase_bg="#24436e",
    number_fg="#a9b0bb",
    muted_fg="#9aa1ac",
    linked_bg="#26303f",
    gutter={
        PairKind.UNCHANGED: "#4a4f57",
        PairKind.MODIFIED: "#d6a23c",
        PairKind.MOVED: "#a58cf0",
        PairKind.INSERTED: "#5cc46f",
        PairKind.DELETED: "#f47c7c",
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
        QPalette.ColorRole.PlaceholderText: QColor("#9aa1ac"),
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
        QPalette.ColorRole.Highlight: QColor("#2f6bc9"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#1a5fb4"),
        QPalette.ColorRole.PlaceholderText: QColor("#6b7079"),
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


# Fusion draws check box and radio button frames in a shade of the window colour,
# nearly invisible on a dark window: give them the text colour's contrast.
_DARK_INDICATORS = """
QCheckBox::indicator, QRadioButton::indicator, QTreeView::indicator, QListView::indicator {
    width: 13px; height: 13px; border: 1px solid #a9b0bb; background: #1e2127;
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator { border-radius: 2px; }
QCheckBox::indicator:hover, QRadioButton::indicator:hover { border-color: #e6e6e6; }
QCheckBox::indicator:checked, QTreeView::indicator:checked, QListView::indicator:checked {
    background: #6cb4ff; border-color: #6cb4ff;
    image: url(%(check)s);
}
QRadioButton::indicator:checked {
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 #6cb4ff, stop:0.5 #6cb4ff, stop:0.6 #1e2127, stop:1 #1e2127);
    border-color: #6cb4ff;
}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #5a5f68; }
"""


def palette_for(theme: str) -> QPalette | None:
    """The explicit palette of "light" or "dark" (None for "system")."""
    if theme == "dark":
        return _dark_palette()
    if theme == "light":
        return _light_palette()
    return None


def colour_pairs(theme: str) -> list[tuple[str, str, str]]:
    """Every (what, foreground, background) pair the theme paints text with.

    What a contrast check must cover: the palette's text roles on their
    backgrounds, and each diff colour on what it is drawn over (the view's base,
    alternate rows, linked rows, the selected row's tint)."""
    pal = palette_for(theme)
    col = DARK if theme == "dark" else LIGHT
    R = QPalette.ColorRole

    def c(role) -> str:
        return pal.color(role).name()

    base = c(R.Base)
    selected = _blend(c(R.Highlight), base, SELECTION_ALPHA / 255)
    pairs = [
        ("text", c(R.Text), base),
        ("text on alternate rows", c(R.Text), c(R.AlternateBase)),
        ("window text", c(R.WindowText), c(R.Window)),
        ("button text", c(R.ButtonText), c(R.Button)),
        ("selected text", c(R.HighlightedText), c(R.Highlight)),
        ("tooltip", c(R.ToolTipText), c(R.ToolTipBase)),
        ("link", c(R.Link), base),
        ("placeholder", c(R.PlaceholderText), base),
        ("deleted words", col.del_fg, col.del_bg),
        ("inserted words", col.ins_fg, col.ins_bg),
        ("find and search hits, note badges", col.mark_fg, col.mark_bg),
        ("shared phrases", c(R.Text), col.phrase_bg),
        ("linked rows", c(R.Text), col.linked_bg),
    ]
    for name, fg in (("paragraph numbers", col.number_fg), ("muted text", col.muted_fg)):
        for where, bg in (
            ("", base),
            (" on alternate rows", c(R.AlternateBase)),
            (" on linked rows", col.linked_bg),
            (" on the selected row", selected),
            (" on the window", c(R.Window)),
        ):
            pairs.append((name + where, fg, bg))
    pairs.append(("text on the selected row", c(R.Text), selected))
    for kind, fg in col.gutter.items():
        if kind == PairKind.UNCHANGED:
            continue  # a plain separator line, no symbol and no meaning of its own
        pairs.append((f"{kind} mark", fg, base))
        pairs.append((f"{kind} mark on the selected row", fg, selected))
        pairs.append((f"{kind} square in the summary", fg, c(R.Window)))
    return pairs


def _blend(fg: str, bg: str, alpha: float) -> str:
    a, b = QColor(fg), QColor(bg)
    pairs = zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
    mix = [round(x * alpha + y * (1 - alpha)) for x, y in pairs]
    return QColor(*mix).name()


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: str) -> float:
        rgb = QColor(colour).getRgbF()[:3]
        lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


SELECTION_ALPHA = 40  # the selected row's tint over the base (delegates paint it)

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
    sheet = qss.read_text(encoding="utf-8") if qss.is_file() else ""
    if theme == "dark":
        sheet += _dark_indicator_sheet()
    app.setStyleSheet(sheet)


def _dark_indicator_sheet() -> str:
    check = resource_path("icons", "check-dark.svg")
    sheet = _DARK_INDICATORS % {"check": check.as_posix()}
    if not check.is_file():
        sheet = sheet.replace(f"image: url({check.as_posix()});", "")
    return sheet


_default_size: int | None = None


def _default_point_size(app: QApplication) -> int:
    global _default_size
    if _default_size is None:
        _default_size = app.font().pointSize()
    return _default_size
