"""The walk of the issue, at 1024x700 in the dark theme and at 1920x1080 in the light
one: import -> family management -> compare -> notes overview -> export, with the
keyboard where a user would use it, every step reachable at that size."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from drafter.gui import themes
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.library_panel import FamilyRole
from drafter.gui.loading import VERSIONS
from drafter.gui.window_fit import hidden_toolbar_actions

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(("size", "theme"), [((1024, 700), "dark"), ((1920, 1080), "light")])
def test_import_manage_compare_note_export(
    make_window, empty_library, corpus, tmp_path, qtbot, monkeypatch, size, theme
):
    app = QApplication.instance()
    themes.apply_theme(app, theme, 0)
    try:
        win = make_window(empty_library)
        win.resize(*size)
        qtbot.wait(100)
        assert hidden_toolbar_actions(win.toolbar) == []
        # import: the humanitarian resolutions, 46/182 and 47/168 (two families, one title)
        fam = corpus / "families" / "humanitarian-coordination"
        files = [str(fam / "A_RES_46_182.txt"), str(fam / "A_RES_47_168.txt")]
        with qtbot.waitSignal(win.workspace.tab_loaded, timeout=60000):
            win.import_paths(files, open_after=True)
        assert len(empty_library.families()) == 2
        # family management: rename the first (F2), merge the other into it (menu signal)
        panel = win.library_panel
        first, second = sorted(f.id for f in empty_library.families())
        monkeypatch.setattr(
            QInputDialog, "getText", staticmethod(lambda *a, **k: ("Humanitarian assistance", True))
        )
        qtbot.keyClick(win, Qt.Key.Key_1, CTRL)  # Go to Library
        index = next(
            panel.model.index(r, 0)
            for r in range(panel.model.rowCount())
            if panel.model.index(r, 0).data(FamilyRole) == first
        )
        panel.tree.setCurrentIndex(index)
        qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
        panel.merge_families.emit(second, first)
        (family,) = empty_library.families()
        assert family.name == "Humanitarian assistance" and family.version_count == 2
        # compare: one family now, so the chooser picks versions mode by itself
        old, new = (v.id for v in empty_library.versions())
        win.compare_bar.set_old(old)
        win.compare_bar.set_new(new)
        assert win.compare_bar.mode.currentData() == VERSIONS
        with qtbot.waitSignal(win.workspace.tab_loaded, timeout=60000):
            qtbot.keyClick(win, Qt.Key.Key_Return, CTRL)
        view = win.workspace.current_view()
        assert isinstance(view, ComparisonView) and view.spec.old_id == old
        qtbot.keyClick(win, Qt.Key.Key_F7)  # first change
        assert view.current_source_row() == view.model.change_rows()[0]
        # a note on it, then the overview of all notes finds it
        win.notes_panel.add("GRULAC asks to keep this; capital agrees.", ("grulac",))
        qtbot.keyClick(win, Qt.Key.Key_N, CTRL | SHIFT)
        overview = win.notes_overview
        assert win.notes_overview_dock.isVisible()
        overview.search.setText("grulac")
        overview.refresh()
        assert overview.model.rowCount() == 1
        # export "our positions"
        out = overview.export_to(str(tmp_path / f"positions-{theme}.docx"))
        rows = docx.Document(str(out)).tables[0].rows
        assert "GRULAC asks" in rows[1].cells[2].text
        # the overview bar and the change list follow the comparison
        win.change_list_dock.raise_()
        assert view.overview.isVisible() and win.change_list.list.count() == len(
            view.model.change_rows()
        )
    finally:
        themes.apply_theme(app, "system", 0)
