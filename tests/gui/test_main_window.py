"""The whole window on the real samples: first run, keyboard navigation, notes with
undo, export through the dialog, import errors, search, session restore."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from drafter.gui import dialogs, export_dialog
from drafter.gui import settings as S
from drafter.gui.comparison_model import NEW, OLD
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.export_dialog import ExportDialog
from drafter.gui.loading import RELATED, VERSIONS
from drafter.gui.related_view import RelatedView


def _versions_view(win) -> ComparisonView:
    for i in range(win.workspace.tabs.count()):
        w = win.workspace.tabs.widget(i)
        if isinstance(w, ComparisonView):
            win.workspace.tabs.setCurrentIndex(i)
            return w
    raise AssertionError("no versions tab")


def test_first_run_shows_what_to_do_and_samples_open_in_a_demo_library(
    make_window, empty_library, qtbot
):
    win = make_window(empty_library)
    assert win.workspace.specs() == [] and win.center.currentIndex() == 0
    welcome = win.workspace.welcome.text()
    assert "Import resolution files" in welcome and "drop them" in welcome
    assert "href='samples'" in welcome and "demo library" in welcome
    panel = win.library_panel
    assert panel.empty.isVisible() and not panel.tree.isVisible()
    assert "drag files" in panel.empty.text() and "href='import'" in panel.empty.text()
    # the samples go into a demo library of their own, in a window that says so
    panel.empty.linkActivated.emit("samples")
    demo = win.demo_window
    assert demo is not None and demo.demo and demo.library is not empty_library
    qtbot.waitUntil(lambda: len(demo.workspace.specs()) == 2, timeout=30000)
    qtbot.waitUntil(
        lambda: all(
            not isinstance(demo.workspace.tabs.widget(i), type(None))
            and hasattr(demo.workspace.tabs.widget(i), "current_paragraph")
            for i in range(2)
        ),
        timeout=30000,
    )
    specs = demo.workspace.specs()
    assert [s.mode for s in specs] == [RELATED, VERSIONS]
    assert len(demo.library.versions()) == 3
    assert empty_library.versions() == []  # the user's library is untouched
    assert str(demo.library.path).endswith("demo-library.db")
    assert "demo library" in demo.windowTitle() and demo.demo_note.isVisible()
    current = demo.workspace.current_view()
    assert isinstance(current, RelatedView)  # 67/219 -> 68/4 on screen
    qtbot.waitUntil(lambda: current.current_paragraph() is not None, timeout=10000)
    assert current.current_paragraph()[0] == "old"
    assert demo.library_panel.model.rowCount() == 2  # 67/219 and 68/4's family
    # the demo never writes its tabs over the user's session
    demo.save_state()
    assert win.settings.get(S.LAST_TABS) == []
    demo.runner.wait(20000)
    demo.close()


def test_f7_and_shift_f7_step_through_changes(make_window, library, settings, qtbot):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    cmp = view.comparison
    changes = [i for i, p in enumerate(cmp.pairs) if p.is_change]
    assert len(changes) >= 5
    view.view.setFocus()
    view.view.setCurrentIndex(view.proxy.index(-1, 0))
    for expected in changes[:4]:
        qtbot.keyClick(win, Qt.Key.Key_F7)
        assert view.current_source_row() == expected
        assert view.view.selectionModel().isRowSelected(
            view.proxy.mapFromSource(view.model.index(expected, 0)).row()
        )
    qtbot.keyClick(win, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_source_row() == changes[2]
    # the toolbar action does the same
    win.actions_.next_change.trigger()
    assert view.current_source_row() == changes[3]


def test_changes_only_filter_from_the_menu(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    win.actions_.changes_only.setChecked(True)
    assert view.shown_pairs() == view.comparison.summary["changes"]
    win.actions_.changes_only.setChecked(False)
    assert view.shown_pairs() == len(view.comparison.pairs)


def test_add_note_saved_then_undo_redo(make_window, library, settings):
    settings.set(S.AUTHOR, "Delegate of Testland")
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    view.next_change()
    side, par = view.current_paragraph()
    spec = win.workspace.current_spec()
    vid = spec.new_id if side == "new" else spec.old_id
    assert win.notes_panel.version_id == vid and win.notes_panel.paragraph == par
    note = win.notes_panel.add("Check this wording with the capital", ("capital", "wording"))
    stored = library.notes(vid)
    assert [n.id for n in stored] == [note.id]
    assert stored[0].author == "Delegate of Testland" and stored[0].anchor.paragraph_id == par.id
    assert set(stored[0].tags) == {"capital", "wording"}
    assert win.notes_panel.list.count() == 1
    row = view.current_source_row()
    col = NEW if side == "new" else OLD
    assert "✎" in view.model.html(row, col)  # the paragraph shows it has a note
    win.undo_action.trigger()
    assert "✎" not in view.model.html(row, col)
    assert library.notes(vid) == []
    assert win.notes_panel.list.count() == 0
    win.redo_action.trigger()
    assert [n.id for n in library.notes(vid)] == [note.id]
    # resolve, then delete and undo the delete
    win.notes_panel.list.setCurrentRow(0)
    win.notes_panel.toggle_resolved()
    assert library.notes(vid)[0].status == "resolved"
    win.notes_panel.delete_current()
    assert library.notes(vid) == []
    win.undo_action.trigger()
    assert [n.status for n in library.notes(vid)] == ["resolved"]
    win.undo_action.trigger()
    assert [n.status for n in library.notes(vid)] == ["open"]


def test_add_note_through_the_dialog(make_window, library, settings, monkeypatch):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    view.next_change()

    def fake_exec(dlg):
        dlg.body.setPlainText("Red line for our delegation")
        dlg.tags.setText("#redline, G77")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("drafter.gui.notes_panel.NoteDialog.exec", fake_exec)
    win.actions_.add_note.trigger()
    notes = library.notes(win.notes_panel.version_id)
    assert [(n.body, n.tags) for n in notes] == [
        ("Red line for our delegation", ("redline", "G77"))
    ]


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (VERSIONS, "redline"),
        (VERSIONS, "side_by_side"),
        (VERSIONS, "clean"),
        (RELATED, "side_by_side"),
    ],
)
def test_export_via_dialog_and_reopen(
    make_window, library, settings, monkeypatch, tmp_path, qtbot, mode, kind
):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    if mode == VERSIONS:
        view = _versions_view(win)
        while view.next_change() and view.current_paragraph()[0] != "new":
            pass  # a row with a new side: a clean copy carries the new text's notes
    else:
        win.workspace.tabs.setCurrentIndex(0)
        view = win.workspace.current_view()
        assert isinstance(view, RelatedView)
        view.show_example()
    win.notes_panel.add("A note that goes to Word")
    out = tmp_path / "exports" / f"{kind}.docx"
    out.parent.mkdir()
    monkeypatch.setattr(export_dialog, "save_file_name", lambda *a, **k: str(out.with_suffix("")))

    def fake_exec(dlg):
        dlg.radios[kind].setChecked(True)
        dlg.browse()  # the patched file dialog picks the path (".docx" added)
        dlg.with_notes.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    shown = []
    monkeypatch.setattr(dialogs, "show_exported", lambda parent, path: shown.append(path))
    win.actions_.export.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown == [out] and out.is_file()
    doc = docx.Document(str(out))
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "migration" in body.lower()
    # the note went along as a Word comment
    parts = {str(p.partname): p for p in doc.part.package.iter_parts()}
    assert "/word/comments.xml" in parts
    assert "A note that goes to Word" in parts["/word/comments.xml"].blob.decode("utf-8")
    assert not win.errors


def test_import_reports_bad_files_and_keeps_the_rest(
    make_window, empty_library, tmp_path, qtbot, samples
):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a PDF")
    win = make_window(empty_library, start=False)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        win.import_paths([str(bad), str(samples / "A_RES_68_4.md")])
    assert [v.symbol for v in empty_library.versions()] == ["A/RES/68/4"]
    assert len(win.errors) == 1 and "broken.pdf" in win.errors[0][1]
    assert win.library_panel.model.rowCount() == 1
    assert str(Path(samples / "A_RES_68_4.md").resolve()) in settings_recent(win)


def settings_recent(win) -> list[str]:
    return win.settings.get(S.RECENT_FILES)


def test_search_hit_opens_version_at_paragraph(make_window, library, qtbot):
    win = make_window(library)
    hits = win.search_panel.search("orderly and regular migration")
    assert hits
    item = win.search_panel.results.item(0)
    hit = hits[0]
    win.search_panel.results.itemActivated.emit(item)

    def shown() -> bool:
        view = win.workspace.current_view()
        cur = view.current_paragraph() if view is not None else None
        if cur is None:
            return False
        spec = win.workspace.current_spec()
        return (spec.new_id if cur[0] == "new" else spec.old_id) == hit.version_id

    qtbot.waitUntil(shown, timeout=30000)
    _side, par = win.workspace.current_view().current_paragraph()
    assert par.id == hit.paragraph_id


def test_session_restored_on_restart(make_window, library, settings, qtbot):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    settings.set(S.LAST_TAB_INDEX, 1)
    win = make_window(library)
    assert win.workspace.specs() == library.sample_specs
    assert win.workspace.tabs.currentIndex() == 1
    win.actions_.redline.setChecked(True)
    win.resize(800, 555)  # the offscreen screen is 800x600: restore clamps to it
    related = win.workspace.tabs.widget(0)
    related.splitter.setSizes([200, 400])
    related.splitter.splitterMoved.emit(200, 1)
    win.save_state()
    win2 = make_window(library)
    assert win2.workspace.specs() == library.sample_specs
    assert win2.workspace.tabs.currentIndex() == 1
    assert win2.actions_.redline.isChecked()
    assert win2.height() == 555  # (the width is clamped by the window's minimum width)
    win2.workspace.tabs.setCurrentIndex(0)
    qtbot.wait(10)
    sizes = win2.workspace.tabs.widget(0).splitter.sizes()
    assert sizes[0] < sizes[1]


def test_errors_are_dialogs_not_crashes(make_window, library, qtbot):
    win = make_window(library)
    from drafter.gui.loading import TabSpec

    win.workspace.open(TabSpec(VERSIONS, 9999, 1))
    qtbot.waitUntil(lambda: bool(win.errors), timeout=30000)
    assert "9999" in win.errors[-1][1] or "version" in win.errors[-1][1].lower()
    assert win.workspace.find_tab(TabSpec(VERSIONS, 9999, 1)) == -1


def test_note_buttons_follow_selection(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    view.next_change()
    panel = win.notes_panel
    assert panel.add_btn.isEnabled()
    assert not panel.edit_btn.isEnabled() and not panel.delete_btn.isEnabled()
    panel.add("First note")
    assert panel.edit_btn.isEnabled() and panel.delete_btn.isEnabled()
    view.next_change()  # another paragraph: no note selected
    assert not panel.edit_btn.isEnabled()


def test_note_on_quoted_words(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    view.next_change()
    par = win.notes_panel.paragraph
    words = " ".join(par.text.split()[1:4])
    note = win.notes_panel.add("About these words", quote=words.upper())
    stored = library.notes(win.notes_panel.version_id)[0]
    assert stored.id == note.id and stored.anchor.quote == words
    assert par.text[stored.anchor.start : stored.anchor.end] == words
    assert f"“{words}”" in win.notes_panel.list.item(0).text()


def test_note_dialog_rejects_words_not_in_paragraph(qtbot):
    from drafter.gui.notes_panel import NoteDialog

    dlg = NoteDialog(None, "Note", paragraph_text="Decides to convene a dialogue;")
    qtbot.addWidget(dlg)
    dlg.body.setPlainText("x")
    dlg.quote.setText("not there")
    dlg.accept()
    assert (
        dlg.result() != QDialog.DialogCode.Accepted and "not in the paragraph" in dlg.problem.text()
    )
    dlg.quote.setText("convene a")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_carry_notes_forward(make_window, library, settings, qtbot, monkeypatch):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    spec = win.workspace.current_spec()
    view.select_source_row(0)  # an unchanged heading: its note must carry
    view.active_side = "old"
    view._emit_selection()
    assert win.notes_panel.version_id == spec.old_id
    win.notes_panel.add("Note on the old text")
    infos = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, msg: infos.append(msg))
    win.actions_.carry_notes.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    assert "1 carried" in infos[0]
    assert [n.body for n in library.notes(spec.new_id)] == ["Note on the old text"]


def test_orphaned_notes_listed_with_their_quote(make_window, library, settings, qtbot, monkeypatch):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    spec = win.workspace.current_spec()
    deleted = next(i for i, p in enumerate(view.comparison.pairs) if p.kind == "deleted")
    view.select_source_row(deleted)
    assert win.notes_panel.version_id == spec.old_id  # a deleted row: the old text
    words = " ".join(win.notes_panel.paragraph.text.split()[:2])
    win.notes_panel.add("This heading must go", quote=words)
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        win.actions_.carry_notes.trigger()
    view.next_change()
    view.select_source_row(0, side="new")
    assert win.notes_panel.version_id == spec.new_id
    assert win.notes_panel.orphans.count() == 1 and win.notes_panel.orphans.isVisibleTo(win)
    assert f"“{words}”" in win.notes_panel.orphans.item(0).text()
    win.notes_panel.orphans.setCurrentRow(0)
    assert win.notes_panel.current_note().orphaned
    assert win.notes_panel.delete_btn.isEnabled()


def test_samples_reopen_from_help_menu(make_window, library, settings, qtbot):
    win = make_window(library)  # no saved session: the latest family opens
    while win.workspace.tabs.count():
        win.workspace.close_current()
    assert win.center.currentIndex() == 0  # the welcome text
    before = len(library.versions())
    win.actions_.samples.trigger()
    demo = win.demo_window
    qtbot.waitUntil(lambda: len(demo.workspace.specs()) == 2, timeout=30000)
    demo.runner.wait(20000)
    win.actions_.samples.trigger()  # again: the same window, nothing imported twice
    assert win.demo_window is demo
    demo.runner.wait(20000)
    assert len(demo.library.versions()) == 3 and len(demo.workspace.specs()) == 2
    assert len(library.versions()) == before
    demo.close()


def test_corrupt_and_missing_files_are_plain_dialogs(
    make_window, empty_library, tmp_path, qtbot, samples
):
    corrupt = tmp_path / "damaged.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a Word file")
    missing = tmp_path / "gone.md"
    good = samples / "A_RES_68_4.md"
    win = make_window(empty_library, start=False)
    win.settings.add_recent(str(missing.resolve()))  # once imported, since deleted
    seen: list[tuple[int, int, str]] = []
    win.runner.progress.connect(lambda _t, done, total, text: seen.append((done, total, text)))
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        win.import_paths([str(corrupt), str(missing), str(good)])
        assert win.progress.isVisibleTo(win)  # a progress bar while importing
    # progress went through every file, then the bar went away
    assert (0, 3, "Importing damaged.docx") in seen and (3, 3, "Import finished") in seen
    assert not win.progress.isVisibleTo(win)
    assert [v.symbol for v in empty_library.versions()] == ["A/RES/68/4"]
    assert len(win.errors) == 1
    title, text = win.errors[0]
    assert title == "Some files could not be imported"
    lines = text.splitlines()
    assert len(lines) == 2
    assert "damaged.docx" in lines[0] and "gone.md" in lines[1]
    assert "not" in lines[1].lower() or "no such" in lines[1].lower()
    assert "Traceback" not in text and 'File "' not in text
    # the good file is a recent file; the bad and the vanished ones are not
    recent = settings_recent(win)
    assert recent == [str(good.resolve())]
    assert [a.text() for a in win.recent_menu.actions()] == ["A_RES_68_4.md"]
