"""Keep the window usable at any size: a toolbar that shortens before it hides,
and docks that grow and shrink with the window.

Why: at 1024×700 the toolbar used to push Redline and Export into its overflow
menu while still showing long labels, and the docks kept their pixel widths while
the window grew to 1920 wide. The toolbar now steps down (shorter chooser labels,
then icons only for buttons that have one) before anything goes into the overflow
menu (Qt's "»" button, which stays as the last resort); the docks keep their share
of the window's width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QToolButton

# share of the window's width the side docks take when nothing is saved
DEFAULT_DOCK_SHARE = {"library": 0.20, "notes": 0.18}
MIN_DOCK_WIDTH = 200
MAX_DOCK_SHARE = 0.4


def hidden_toolbar_actions(toolbar: QToolBar) -> list:
    """Actions whose button is not visible (they are in the overflow menu)."""
    hidden = []
    for act in toolbar.actions():
        if act.isSeparator():
            continue
        w = toolbar.widgetForAction(act)
        if w is not None and not w.isVisible():
            hidden.append(act)
    return hidden


class WindowFit(QObject):
    """Installed on the main window; adjusts the toolbar and docks on every resize."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar, compare_bar, docks) -> None:
        super().__init__(window)
        self.window = window
        self.toolbar = toolbar
        self.compare_bar = compare_bar
        self.docks: dict[str, QDockWidget] = docks
        self.level = 0
        self._last_width = 0
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize:
            self.fit_toolbar()
            self.scale_docks(event.oldSize().width(), event.size().width())
        return False

    # ---- toolbar ------------------------------------------------------------
    def set_level(self, level: int) -> None:
        """0: full labels; 1: short chooser labels; 2: icons only where there is one."""
        self.level = level
        self.compare_bar.set_compact(level >= 1)
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if level >= 2
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for act in self.toolbar.actions():
            w = self.toolbar.widgetForAction(act)
            if isinstance(w, QToolButton) and not act.icon().isNull():
                w.setToolButtonStyle(style)
        self.toolbar.layout().invalidate()

    def fit_toolbar(self) -> None:
        width = self.window.width()
        for level in (0, 1, 2):
            self.set_level(level)
            if self._fits_at(width):
                return

    def _fits_at(self, width: int) -> bool:
        needed = 0
        layout = self.toolbar.layout()
        for i in range(layout.count()):
            w = layout.itemAt(i).widget()
            if w is None or w.objectName() == "qt_toolbar_ext_button":
                continue
            hint = w.minimumSizeHint() if w is self.compare_bar else w.sizeHint()
            needed += hint.width() + layout.spacing()
        m = layout.contentsMargins()
        return needed + m.left() + m.right() + 16 <= width

    # ---- docks --------------------------------------------------------------
    def default_dock_sizes(self) -> None:
        width = max(self.window.width(), 800)
        docks = [self.docks[k] for k in DEFAULT_DOCK_SHARE]
        sizes = [
            max(MIN_DOCK_WIDTH, int(width * DEFAULT_DOCK_SHARE[k])) for k in DEFAULT_DOCK_SHARE
        ]
        self.window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)

    def scale_docks(self, old_width: int, new_width: int) -> None:
        """Each side dock keeps its share of the window's width."""
        if old_width <= 0 or new_width <= 0 or old_width == new_width:
            return
        docks, sizes = [], []
        for dock in self.docks.values():
            if dock.isFloating() or not dock.isVisible():
                continue
            share = dock.width() / old_width
            docks.append(dock)
            sizes.append(int(max(MIN_DOCK_WIDTH, min(share, MAX_DOCK_SHARE) * new_width)))
        if docks:
            self.window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
