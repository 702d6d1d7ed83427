"""Notes anchored to words the user selects in the paragraph, at their exact place."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog
from test_main_window import _versions_view

from drafter.gui import settings as S
from drafter.gui.notes_panel import NoteDialog


def _select(dlg: NoteDialog, start: int, end: int) -> None:
    cursor = dlg.paragraph_view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    dlg.paragraph_view.setTextCursor(cursor)


def test_selecting_words_fills_the_quote_with_their_exact_place(qtbot) -> None:
    text = "Invites States to cooperate, and invites States to report;"
    dlg = NoteDialog(None, "Note", paragraph_text=text)
    qtbot.addWidget(dlg)
    second = text.index("invites States")
    _select(dlg, second - 1, second + len("invites States") + 1)  # spaces trimmed
    assert dlg.quoted() == "invites States"
    assert dlg.span() == (second, second + len("invites States"))
    # Typing over the quote drops the selection's place: the words are looked up.
    dlg.quote.textEdited.emit("cooperate")
    dlg.quote.setText("cooperate")
    assert dlg.span() is None


def test_note_from_a_selection_is_stored_on_the_selected_occurrence(
    make_window, library, settings, monkeypatch
) -> None:
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    view = _versions_view(win)
    view.next_change()
    panel = win.notes_panel
    # a paragraph of this version in which a longer word occurs twice
    res = library.load_version(panel.version_id)
    par, repeated = next(
        (p, w)
        for p in res.paragraphs
        for w in p.text.split()
        if len(w) > 4 and p.text.split().count(w) > 1
    )
    panel.set_target(panel.version_id, par, panel.version_name)
    start = par.text.rindex(repeated)
    end = start + len(repeated)
    assert par.text.index(repeated) != start

    def fake_exec(dlg):
        _select(dlg, start, end)
        dlg.body.setPlainText("The later occurrence")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("drafter.gui.notes_panel.NoteDialog.exec", fake_exec)
    win.actions_.add_note.trigger()
    (note,) = library.notes(panel.version_id)
    assert (note.anchor.quote, note.anchor.start, note.anchor.end) == (repeated, start, end)
