"""The overview bar beside a comparison (where the changes are; click to go) and the
change list (one line per change; click to go), on the sample draft -> adopted."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from drafter.gui import settings as S
from drafter.gui import themes
from drafter.gui.change_list import RowRole
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.loading import VERSIONS, TabSpec
from drafter.gui.related_view import RelatedView
from drafter.model import PairKind


def _window(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    for i in range(win.workspace.tabs.count()):
        if win.workspace.tabs.widget(i).spec.mode == VERSIONS:
            win.workspace.tabs.setCurrentIndex(i)
    view = win.workspace.current_view()
    assert isinstance(view, ComparisonView)
    return win, view


def test_overview_bar_marks_every_change_and_jumps(make_window, library, settings, qtbot):
    _win, view = _window(make_window, library, settings)
    bar = view.overview
    assert bar.isVisible() and bar.height() > 200
    changes = view.model.change_rows()
    marks = bar.marks()
    assert [src for _r, src, kind in marks if kind != "ghost"] == changes
    assert {kind for *_x, kind in marks} >= {"modified", "inserted", "deleted", "moved", "ghost"}
    # the bar is painted in the kinds' colours, where the rows are
    image = bar.grab().toImage()
    last_row, last_src, last_kind = marks[-1]
    y = int((bar._y(last_row) + bar._y(last_row + 1)) / 2)
    colour = image.pixelColor(bar.width() // 2, y).name()
    assert colour == themes.colors().gutter[PairKind(last_kind)]
    # a click there selects that change and scrolls it into view
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, y))
    assert view.current_source_row() == last_src
    # Row heights are refined in idle time, so the scroll settles after a moment.
    qtbot.waitUntil(
        lambda: view.view.visualRect(view.view.currentIndex()).intersects(
            view.view.viewport().rect()
        ),
        timeout=5000,
    )
    first, last = bar._visible_rows()
    assert first <= view.view.currentIndex().row() <= last
    # filtering re-draws the marks for the rows shown
    view.set_filter("deleted")
    assert len(bar.marks()) == view.comparison.summary["deleted"]


def test_change_list_one_line_per_change(make_window, library, settings, qtbot):
    win, view = _window(make_window, library, settings)
    panel = win.change_list
    changes = view.model.change_rows()
    win.change_list_dock.raise_()  # (behind the notes, it is filled when shown)
    assert panel.isVisible() and panel.list.count() == len(changes)
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("Recognize" in t and "Acknowledge" in t and "modified" in t for t in lines)
    assert any("moved" in t and "→" in t for t in lines)
    assert any("inserted" in t for t in lines) and any("deleted" in t for t in lines)
    item = panel.list.item(5)
    panel.list.itemClicked.emit(item)
    assert view.current_source_row() == changes[5]
    # a related-documents tab has no change list
    for i in range(win.workspace.tabs.count()):
        if isinstance(win.workspace.tabs.widget(i), RelatedView):
            win.workspace.tabs.setCurrentIndex(i)
    assert panel.list.count() == 0 and "two versions" in panel.title.text()


def test_change_list_is_filled_when_shown(make_window, library, settings, qtbot):
    win, view = _window(make_window, library, settings)
    panel = win.change_list
    win.notes_dock.raise_()
    qtbot.waitUntil(lambda: not panel.on_screen)
    # a comparison opened while the list sits behind the notes: nothing built for it yet
    spec = TabSpec(VERSIONS, view.spec.new_id, view.spec.old_id)
    with qtbot.waitSignal(win.workspace.tab_loaded, timeout=60000):
        win.workspace.open(spec)
    other = win.workspace.current_view()
    assert other is not view and panel.view is other and panel.list.count() == 0
    win.change_list_dock.raise_()
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    rows = [panel.list.item(i).data(RowRole) for i in range(panel.list.count())]
    assert rows == other.model.change_rows()
