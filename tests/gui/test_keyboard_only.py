"""The main tasks with key presses only: open a comparison from the library, step
through changes, note some selected words, search the library, export.

Why: a delegate who works from the keyboard (or a screen reader) must never get stuck;
each step below presses keys on whatever widget has the focus, as a user would.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from drafter.gui import dialogs
from drafter.gui import settings as S
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.library_panel import VersionRole
from drafter.gui.loading import VERSIONS
from drafter.gui.search_panel import HitRole

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def press(qtbot, key, modifier=NONE) -> None:
    """A key press on the widget that has the keyboard focus."""
    # (after a dialog closes, the window comes back to the front asynchronously)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    target = QApplication.focusWidget()
    qtbot.keyClick(target, key, modifier)


def in_next_dialog(steps) -> list:
    """Run ``steps(dialog)`` once the next modal dialog is up (it blocks in exec)."""
    seen: list = []

    tries = [0]

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        tries[0] += 1
        if dlg is None or (not (focus and dlg.isAncestorOf(focus)) and tries[0] < 100):
            QTimer.singleShot(20, poll)  # until it is up and has the keyboard focus
            return
        seen.append(dlg)
        try:
            steps(dlg)
        except BaseException as exc:  # never leave a test stuck in a dialog's exec
            seen.append(exc)
            dlg.reject()

    QTimer.singleShot(0, poll)
    return seen


def test_main_tasks_with_the_keyboard_only(make_window, library, settings, qtbot, tmp_path):
    related, versions = library.sample_specs
    settings.set(S.LAST_TABS, [related.to_str()])
    settings.set(S.EXPORT_DIR, str(tmp_path))
    win = make_window(library)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)

    # open the adopted text from the library: Ctrl+1, arrows, Enter
    press(qtbot, Qt.Key.Key_1, CTRL)
    tree = win.library_panel.tree
    assert QApplication.focusWidget() is tree
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(30):
        index = tree.currentIndex().siblingAtColumn(0)
        if index.data(VersionRole) == versions.new_id:
            break
        if index.data(VersionRole) is None and not tree.isExpanded(index):
            press(qtbot, Qt.Key.Key_Right)  # a document: show its versions
        else:
            press(qtbot, Qt.Key.Key_Down)
    assert tree.currentIndex().siblingAtColumn(0).data(VersionRole) == versions.new_id
    with qtbot.waitSignal(win.workspace.tab_loaded, timeout=30000):
        press(qtbot, Qt.Key.Key_Return)
    spec = win.workspace.current_spec()
    assert spec.mode == VERSIONS and spec.new_id == versions.new_id
    view = win.workspace.current_view()
    assert isinstance(view, ComparisonView)

    # step through the changes
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is view.view
    changes = view.model.change_rows()
    view.select_source_row(0)
    press(qtbot, Qt.Key.Key_F7)
    assert view.current_source_row() == changes[0]
    press(qtbot, Qt.Key.Key_F7)
    assert view.current_source_row() == changes[1]
    press(qtbot, Qt.Key.Key_F7, SHIFT)
    assert view.current_source_row() == changes[0]
    while view.current_paragraph()[0] != "new":
        press(qtbot, Qt.Key.Key_F7)
    _side, par = view.current_paragraph()

    # a note on the paragraph's first two words, selected with the keyboard
    words = " ".join(par.text.split()[:2])

    def write_note(dlg) -> None:
        assert QApplication.focusWidget() is dlg.body  # ready to type
        qtbot.keyClicks(dlg.body, "Typed without a mouse")
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)
        assert QApplication.focusWidget() is dlg.paragraph_view
        press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
        press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
        assert dlg.quote.text().strip() == words
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dlg.body
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dlg.tags
        qtbot.keyClicks(dlg.tags, "keyboard")
        press(qtbot, Qt.Key.Key_Return)

    shown = in_next_dialog(write_note)
    press(qtbot, Qt.Key.Key_M, CTRL)
    assert shown, "Ctrl+M opened no dialog"
    assert len(shown) == 1, shown[1:]
    notes = [n for n in library.notes(spec.new_id) if n.body == "Typed without a mouse"]
    assert len(notes) == 1
    anchor = notes[0].anchor
    assert anchor.paragraph_id == par.id and notes[0].tags == ("keyboard",)
    assert anchor.quote.strip() == words and par.text[anchor.start : anchor.end] == anchor.quote

    # search the library; Enter picks the first hit and opens it
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)
    assert QApplication.focusWidget() is win.search_panel.edit
    qtbot.keyClicks(win.search_panel.edit, "orderly and regular migration")
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is win.search_panel.results
    hit = win.search_panel.results.currentItem().data(HitRole)
    press(qtbot, Qt.Key.Key_Return)

    def at_hit() -> bool:
        view, spec = win.workspace.current_view(), win.workspace.current_spec()
        cur = view.current_paragraph() if view is not None else None
        if cur is None:
            return False
        version = spec.new_id if cur[0] == "new" else spec.old_id
        return (version, cur[1].id) == (hit.version_id, hit.paragraph_id)

    qtbot.waitUntil(at_hit, timeout=30000)

    # export the comparison shown: Ctrl+E, Enter takes the proposed file
    exported: list = []
    original = dialogs.show_exported
    dialogs.show_exported = lambda parent, path: exported.append(path)
    try:
        shown = in_next_dialog(lambda dlg: press(qtbot, Qt.Key.Key_Return))
        press(qtbot, Qt.Key.Key_E, CTRL)
        assert shown, "Ctrl+E opened no dialog"
        assert len(shown) == 1, shown[1:]
        qtbot.waitUntil(lambda: bool(exported), timeout=30000)
    finally:
        dialogs.show_exported = original
    assert exported[0].parent == tmp_path and exported[0].is_file()
    assert not win.errors
