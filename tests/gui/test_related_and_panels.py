"""Related mode on the real samples, the library panel, settings and drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from drafter.gui import settings as S
from drafter.gui.comparison_model import HtmlRole
from drafter.gui.related_view import RelatedView
from drafter.gui.settings_dialog import SettingsDialog


def _related(win) -> RelatedView:
    for i in range(win.workspace.tabs.count()):
        w = win.workspace.tabs.widget(i)
        if isinstance(w, RelatedView):
            win.workspace.tabs.setCurrentIndex(i)
            return w
    raise AssertionError("no related tab")


def test_selecting_a_paragraph_ranks_its_links(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _related(win)
    rel = view.relation
    old_id = max({lk.old for lk in rel.links}, key=lambda i: len(rel.links_from(i)))
    assert view.select_paragraph("old", old_id)
    links = rel.links_from(old_id)
    ranks = {pid: rank for pid, (rank, _lk) in view.new_model.highlight.items()}
    assert ranks == {lk.new: i for i, lk in enumerate(links, 1)}
    best = links[0].new
    # strong links are tinted; weak ones only badged
    assert view.new_view.delegate.linked_rows == {lk.new for lk in links if lk.strong}
    # the shared phrases are marked in the linked paragraph
    html = view.new_model.data(view.new_model.index(best, 0), HtmlRole)
    assert view.new_model.colors.phrase_bg in html and "#1" in html
    # notes follow the selection: the old text's version and paragraph
    assert win.notes_panel.version_id == library.sample_specs[0].old_id
    assert win.notes_panel.paragraph.id == old_id
    # the other way round: a paragraph of the new text lists its sources
    view.select_paragraph("new", best)
    assert old_id in view.old_model.highlight
    view.linked_only.setChecked(True)
    hidden = sum(
        view.old_view.isRowHidden(r, view.old_view.rootIndex())
        for r in range(view.old_model.rowCount())
    )
    assert hidden == view.old_model.rowCount() - len({lk.old for lk in rel.links if lk.strong})


def test_library_double_click_opens_version_with_previous(make_window, library, qtbot):
    win = make_window(library)
    panel = win.library_panel
    adopted = next(v for v in library.versions() if v.symbol == "A/RES/68/4")
    draft = next(v for v in library.versions() if v.symbol and "L.5" in v.symbol)
    panel.select_version(adopted.id)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            win.workspace.current_spec() is not None
            and win.workspace.current_spec().new_id == adopted.id
        ),
        timeout=30000,
    )
    assert win.workspace.current_spec().old_id == draft.id  # the draft is dated earlier


def test_drop_files_imports_them(make_window, empty_library, samples, qtbot):
    win = make_window(empty_library, start=False)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(samples / "A_RES_68_4.md"))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        win.library_panel.dropEvent(event)
    assert [v.symbol for v in empty_library.versions()] == ["A/RES/68/4"]


def test_settings_dialog_saves_and_applies(make_window, library, settings, monkeypatch):
    from drafter.gui import themes

    win = make_window(library)  # opens the draft -> adopted comparison
    view = win.workspace.current_view()
    assert view.model.colors == themes.LIGHT

    def fake_exec(dlg):
        dlg.author.setText("Ms. Rapporteur")
        dlg.font_size.setValue(13)
        dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    try:
        win.actions_.settings.trigger()
        assert settings.author == "Ms. Rapporteur"
        assert settings.get(S.THEME) == "dark" and settings.get(S.FONT_SIZE) == 13
        app = QApplication.instance()
        assert app.font().pointSize() == 13
        assert app.palette().color(app.palette().ColorRole.Window).lightness() < 128
        assert view.model.colors == themes.DARK  # the diff colours follow the theme
        assert themes.DARK.del_fg in view.model.html(1, 0)
    finally:
        settings.set(S.THEME, "system")
        settings.set(S.FONT_SIZE, 0)
        win.apply_settings()


def test_keyboard_reaches_every_panel(make_window, library, settings):
    settings.set(S.LAST_TABS, [library.sample_specs[1].to_str()])
    win = make_window(library)
    win.activateWindow()
    win.actions_.focus_library.trigger()
    assert win.library_panel.tree.hasFocus() or QApplication.focusWidget() is win.library_panel.tree
    win.actions_.focus_comparison.trigger()
    view = win.workspace.current_view()
    assert QApplication.focusWidget() is view.view
    win.actions_.search_library.trigger()
    assert QApplication.focusWidget() is win.search_panel.edit
    win.actions_.find.trigger()
    assert QApplication.focusWidget() is view.find_edit
    shortcuts = [
        a.shortcut().toString()
        for a in win.findChildren(type(win.actions_.find))
        if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), "duplicate shortcuts"


def test_set_stage_and_remove_version(make_window, library, settings, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    draft = library.sample_specs[1].old_id
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Rev.1", True)))
    win.library_panel.ask_stage(draft)
    assert library.version(draft).stage == "Rev.1"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    win.library_panel.ask_remove(draft)
    assert draft not in {v.id for v in library.versions()}
    assert all(draft not in (s.old_id, s.new_id) for s in win.workspace.specs())
    assert win.workspace.specs() == [library.sample_specs[0]]


def test_f7_in_related_mode_walks_linked_paragraphs(make_window, library, settings, qtbot):
    settings.set(S.LAST_TABS, [library.sample_specs[0].to_str()])
    win = make_window(library)
    view = _related(win)
    linked = sorted({lk.old for lk in view.relation.links if lk.strong})
    view.old_view.setCurrentIndex(view.old_model.index(-1, 0))
    view.active_side = "old"
    for expected in linked[:3]:
        qtbot.keyClick(win, Qt.Key.Key_F7)
        assert view.current_paragraph()[1].id == expected
    qtbot.keyClick(win, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_paragraph()[1].id == linked[1]


def test_find_in_related_mode(make_window, library, settings):
    settings.set(S.LAST_TABS, [library.sample_specs[0].to_str()])
    win = make_window(library)
    view = _related(win)
    win.actions_.find.trigger()
    assert QApplication.focusWidget() is view.find_edit
    view.find_edit.setText("round table")
    hits = view.old_model.matches("round table")
    assert hits
    view.old_view.setCurrentIndex(view.old_model.index(-1, 0))
    view.active_side = "old"
    assert view.find_next()
    assert view.current_paragraph()[1].id == hits[0]
    html = view.old_model.data(view.old_model.index(hits[0], 0), HtmlRole)
    assert view.old_model.colors.mark_bg in html
