"""All notes of the library in one list (search, filters, jump), "our positions" to
Word as a table, the CLI's notes list --search/--tag, and carry-forward undone."""

from __future__ import annotations

import json

import docx

from drafter.cli import main
from drafter.gui import dialogs
from drafter.gui import settings as S


def _paragraph(library, version_id: int, words: str) -> int:
    res = library.load_version(version_id)
    return next(p.id for p in res.paragraphs if words in p.text)


def _seed_notes(library):
    ids = {v.symbol: v.id for v in library.versions()}
    adopted, draft, other = ids["A/RES/68/4"], ids["A/68/L.5"], ids["A/RES/67/219"]
    p_traff = _paragraph(library, adopted, "trafficking in persons")
    library.add_note(
        adopted,
        p_traff,
        "GRULAC wants stronger language on smuggling; we can accept.",
        author="Delegation of Norway",
        tags=("grulac", "capital"),
    )
    library.add_note(
        adopted,
        _paragraph(library, adopted, "irregular migration"),
        "Red line for the capital: keep 'safe, orderly and regular'.",
        author="Delegation of Norway",
        tags=("red-line", "capital"),
    )
    library.add_note(
        draft,
        _paragraph(library, draft, "human rights"),
        "EU text, agreed ad ref.",
        author="EU delegation",
        tags=("agreed",),
    )
    library.add_note(
        other,
        _paragraph(library, other, "round table"),
        "Check with GRULAC coordinator.",
        author="Delegation of Norway",
        tags=("grulac",),
    )
    return adopted, draft, other, p_traff


def test_all_notes_searchable_and_filterable(make_window, library, settings, qtbot):
    adopted, draft, other, p_traff = _seed_notes(library)
    win = make_window(library)
    panel = win.notes_overview
    win.actions_all_notes.trigger()
    assert win.notes_overview_dock.isVisible()
    assert panel.model.rowCount() == 4
    panel.search.setText("GRULAC")  # was: nothing found
    panel.refresh()
    assert panel.model.rowCount() == 2
    assert {e.version.id for e in panel.model.entries} == {adopted, other}
    panel.search.setText("grulac smuggling")  # every word, note or paragraph
    panel.refresh()
    assert [e.note.anchor.paragraph_id for e in panel.model.entries] == [p_traff]
    panel.search.setText("")
    panel.tag.setCurrentIndex(panel.tag.findData("capital"))
    assert panel.model.rowCount() == 2
    panel.author.setCurrentIndex(panel.author.findData("EU delegation"))
    assert panel.model.rowCount() == 0
    panel.tag.setCurrentIndex(0)
    assert panel.model.rowCount() == 1 and panel.model.entries[0].version.id == draft
    panel.author.setCurrentIndex(0)
    panel.version.setCurrentIndex(panel.version.findData(other))
    assert panel.model.rowCount() == 1
    # resolve one note: the status filter sees it
    note = panel.model.entries[0].note
    library.update_note(note.id, status="resolved")
    panel.version.setCurrentIndex(0)
    panel.status.setCurrentIndex(panel.status.findData("resolved"))
    assert [e.note.id for e in panel.model.entries] == [note.id]
    # activating a row opens that paragraph
    panel.status.setCurrentIndex(0)
    panel.search.setText("smuggling")
    panel.refresh()
    with qtbot.waitSignal(win.workspace.tab_loaded, timeout=30000, raising=False):
        panel.table.activated.emit(panel.model.index(0, 2))
    qtbot.waitUntil(lambda: win.workspace.current_view() is not None, timeout=30000)
    view = win.workspace.current_view()
    qtbot.waitUntil(lambda: view.current_paragraph() is not None, timeout=10000)
    assert view.current_paragraph()[1].id == p_traff


def test_our_positions_to_word(make_window, library, tmp_path):
    _seed_notes(library)
    win = make_window(library, start=False)
    panel = win.notes_overview
    win.actions_all_notes.trigger()  # shows the panel, which loads the notes
    panel.tag.setCurrentIndex(panel.tag.findData("capital"))
    out = panel.export_to(str(tmp_path / "positions"))
    assert out.suffix == ".docx"
    doc = docx.Document(str(out))
    (table,) = doc.tables  # both notes are on A/RES/68/4
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Paragraph", "Text", "Note", "Tags"]
    assert len(rows) == 3
    numbers = [int(r[0].removeprefix("OP ")) for r in rows[1:]]
    assert numbers == sorted(numbers)  # in the order of the text
    (grulac,) = [r for r in rows[1:] if "GRULAC" in r[2]]
    assert "trafficking in persons" in grulac[1]
    assert grulac[2].startswith("GRULAC wants") and "Delegation of Norway" in grulac[2]
    assert grulac[3] == "grulac, capital"


def test_cli_notes_list_search_tag_and_positions(library, tmp_path, capsys, monkeypatch):
    _seed_notes(library)
    db = str(library.path)
    assert main(["notes", "list", "--db", db, "--search", "GRULAC", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 2 and all("GRULAC" in n["body"] for n in found)
    assert {n["version"]["symbol"] for n in found} == {"A/RES/68/4", "A/RES/67/219"}
    assert all(n["paragraph"] and n["paragraph_text"] for n in found)
    assert main(["notes", "list", "--db", db, "--tag", "capital", "--tag", "grulac"]) == 0
    out = capsys.readouterr().out
    assert "GRULAC wants stronger" in out and "Red line" not in out
    assert main(["notes", "list", "--db", db, "--search", "nothing-like-this"]) == 0
    assert "No notes match." in capsys.readouterr().out
    target = tmp_path / "pos.docx"
    assert main(["notes", "positions", str(target), "--db", db, "--author", "Norway"]) == 0
    assert "3 notes" in capsys.readouterr().out
    assert len(docx.Document(str(target)).tables) == 2
    assert main(["notes", "positions", str(tmp_path / "none.docx"), "--db", db, "--tag", "x"]) == 2
    assert "no notes to export" in capsys.readouterr().err
    assert not (tmp_path / "none.docx").exists()


def test_carry_forward_can_be_undone(make_window, library, settings, qtbot, monkeypatch):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    spec = library.sample_specs[1]
    library.add_note(spec.old_id, 0, "On the heading", author="A")
    library.add_note(spec.old_id, 3, "On a paragraph", author="A")
    infos = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, msg: infos.append(msg))
    win.workspace.open(spec)
    qtbot.waitUntil(lambda: win.workspace.current_spec() == spec, timeout=30000)
    win.actions_.carry_notes.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=30000)
    carried = library.notes(spec.new_id)
    assert len(carried) == 2
    assert "Carry 2 notes forward" in win.undo_action.text()
    win.undo_action.trigger()
    assert library.notes(spec.new_id) == []
    assert len(library.notes(spec.old_id)) == 2  # the originals stay
    win.redo_action.trigger()
    assert sorted(n.id for n in library.notes(spec.new_id)) == sorted(n.id for n in carried)
