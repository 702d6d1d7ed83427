"""Small and large windows: at 1024×700 every toolbar action stays on the toolbar,
labels are shortened rather than cut, the summary stays on one line, the notes
buttons keep their whole labels; the docks grow with the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from drafter.gui import settings as S
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.loading import VERSIONS
from drafter.gui.window_fit import hidden_toolbar_actions


def _settle(qtbot, ms: int = 150) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def _versions_window(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs if s.mode == VERSIONS])
    return make_window(library)


def test_small_window_keeps_every_action_reachable(make_window, library, settings, qtbot):
    win = _versions_window(make_window, library, settings)
    win.resize(1024, 700)
    _settle(qtbot)
    assert hidden_toolbar_actions(win.toolbar) == []
    for act in (win.actions_.redline, win.actions_.export, win.actions_.next_change):
        assert win.toolbar.widgetForAction(act).isVisible()
    # the chooser shortened its labels first
    assert win.compare_bar.compact and win.compare_bar.mode.currentText() == "Versions"
    # nothing of the toolbar lies past the window's right edge
    for act in win.toolbar.actions():
        w = win.toolbar.widgetForAction(act)
        if w is not None and w.isVisible():
            assert w.geometry().right() <= win.toolbar.width()
    # at full size the long labels come back
    win.resize(1920, 1080)
    _settle(qtbot)
    assert not win.compare_bar.compact
    assert win.compare_bar.mode.currentText() == "Versions of one text"
    assert win.fit.level == 0


def test_notes_buttons_keep_their_labels(make_window, library, settings, qtbot):
    win = _versions_window(make_window, library, settings)
    for width in (1024, 1920):
        win.resize(width, 700)
        _settle(qtbot)
        panel = win.notes_panel
        for button in (panel.add_btn, panel.edit_btn, panel.resolve_btn, panel.delete_btn):
            assert button.isVisible()
            text_width = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert button.width() >= text_width + 8, (width, button.text(), button.width())
            assert button.geometry().right() <= panel.width()


def test_summary_stays_on_one_line_and_counts_rows_shown(make_window, library, settings, qtbot):
    win = _versions_window(make_window, library, settings)
    view = win.workspace.current_view()
    assert isinstance(view, ComparisonView)
    line = view.summary.fontMetrics().height()
    tops = {}
    for width in (1920, 1024):
        win.resize(width, 700)
        _settle(qtbot)
        assert view.summary.height() < 2 * line  # one line, never wrapped
        tops[width] = view.filter_box.mapTo(view, view.filter_box.rect().topLeft()).y()
    assert tops[1920] == tops[1024]  # the "Show" combo does not move
    assert view.summary.shown_form > 0  # a shorter form at 1024 wide...
    assert "formatting only" in view.summary.toolTip()  # ...the whole line in the tooltip
    # "(N shown)" counts the rows on screen, the row where the moved paragraph stood too
    view.set_filter("moved")
    shown = view.proxy.rowCount()
    assert shown == 2 * view.comparison.summary["moved"]
    assert f"({shown} shown)" in view.summary.full_text()


def test_docks_grow_with_the_window(make_window, library, settings, qtbot):
    win = _versions_window(make_window, library, settings)
    win.resize(1024, 700)
    _settle(qtbot)
    small = (win.library_dock.width(), win.notes_dock.width())
    win.resize(1920, 1080)
    _settle(qtbot)
    large = (win.library_dock.width(), win.notes_dock.width())
    assert large[0] > small[0] * 1.4 and large[1] > small[1] * 1.4
    # and the library shows the symbols, not just stage and date
    tree = win.library_panel.tree
    assert tree.columnWidth(0) > 100
