"""Library management in the GUI on real texts: rename, merge, move (menu and drag),
filter and sort, language versions on one row, same-symbol files told apart, and the
comparison mode following the texts."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog

from drafter.gui.comparison_view import ComparisonView
from drafter.gui.library_panel import NEW_FAMILY, VERSION_MIME, FamilyRole, VersionRole
from drafter.gui.loading import RELATED, VERSIONS


def _family_rows(panel) -> list[str]:
    return [panel.model.item(r).text() for r in range(panel.model.rowCount())]


def _version_labels(panel) -> list[str]:
    out = []
    for r in range(panel.model.rowCount()):
        fam = panel.model.item(r)
        out += [fam.child(c).text() for c in range(fam.rowCount())]
    return out


def _humanitarian(library, corpus):
    fam = corpus / "families" / "humanitarian-coordination"
    return [
        library.import_file(fam / name).version for name in ("A_RES_46_182.txt", "A_RES_47_168.txt")
    ]


def test_rename_and_merge_families(make_window, empty_library, corpus, monkeypatch, qtbot):
    v46, v47 = _humanitarian(empty_library, corpus)
    win = make_window(empty_library, start=False)
    win.refresh_library()
    panel = win.library_panel
    assert len(_family_rows(panel)) == 2  # one title, two families
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Humanitarian coordination", True))
    )
    # F2 on the family row renames it
    panel.tree.setFocus()
    fam_index = next(
        panel.model.index(r, 0)
        for r in range(panel.model.rowCount())
        if panel.model.index(r, 0).data(FamilyRole) == v46.family_id
    )
    panel.tree.setCurrentIndex(fam_index)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    names = {f.id: f.name for f in empty_library.families()}
    assert names[v46.family_id] == "Humanitarian coordination"
    assert any(t.startswith("Humanitarian coordination") for t in _family_rows(panel))
    # merge the other family into it (the panel's "Merge into" menu emits this)
    panel.merge_families.emit(v47.family_id, v46.family_id)
    (family,) = empty_library.families()
    assert family.id == v46.family_id and family.version_count == 2
    assert _family_rows(panel) == ["Humanitarian coordination  (2 versions)"]
    # and out again, to a family of its own, by the "Move to document" menu
    panel.move_version.emit(v47.id, NEW_FAMILY)
    assert len(empty_library.families()) == 2


def test_drag_a_version_onto_a_family(make_window, empty_library, corpus, qtbot):
    v46, v47 = _humanitarian(empty_library, corpus)
    win = make_window(empty_library, start=False)
    win.refresh_library()
    tree = win.library_panel.tree
    target = next(
        win.library_panel.model.index(r, 0)
        for r in range(win.library_panel.model.rowCount())
        if win.library_panel.model.index(r, 0).data(FamilyRole) == v46.family_id
    )
    mime = QMimeData()
    mime.setData(VERSION_MIME, str(v47.id).encode())
    pos = tree.visualRect(target).center()
    event = QDropEvent(
        pos,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    assert empty_library.version(v47.id).family_id == v46.family_id
    assert len(empty_library.families()) == 1
    # dropped on empty space: nothing moves
    lone = QDropEvent(
        QPoint(5, tree.viewport().height() - 3),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(lone)
    assert len(empty_library.families()) == 1


def test_filter_and_sort(make_window, library, corpus):
    _humanitarian(library, corpus)
    win = make_window(library, start=False)
    win.refresh_library()
    panel = win.library_panel
    assert len(_family_rows(panel)) == 4
    panel.filter_edit.setText("67/219")
    assert _version_labels(panel) == ["A/RES/67/219"]
    panel.filter_edit.setText("humanitarian 1991")  # title words and a date
    assert _version_labels(panel) == ["A/RES/46/182"]
    panel.filter_edit.setText("illustrative")  # a stage
    assert _version_labels(panel) == ["A/68/L.5"]
    panel.filter_edit.setText("")
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("symbol"))
    firsts = [panel.model.item(r).child(0).text() for r in range(panel.model.rowCount())]
    assert firsts == ["A/68/L.5", "A/RES/46/182", "A/RES/47/168", "A/RES/67/219"]
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("date"))  # newest first
    dates = [
        max(panel.model.item(r).child(c, 3).text() for c in range(panel.model.item(r).rowCount()))
        for r in range(panel.model.rowCount())
    ]
    assert dates == sorted(dates, reverse=True)


def _language_copies(corpus, tmp_path, languages=("en", "ar", "zh", "ru")):
    """One document of the UN parallel corpus (A/AC.182/L.139) in several languages."""
    folder = corpus / "languages"
    ids = (folder / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(ids) if line.startswith("2015/a/ac_182/l_139 ")]
    paths = []
    for lang in languages:
        lines = (folder / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
        path = tmp_path / f"A_AC.182_L.139.{lang}.txt"
        path.write_text("A/AC.182/L.139\n\n" + "\n\n".join(lines[i] for i in rows), "utf-8")
        paths.append(path)
    return paths


def test_language_versions_are_one_row(make_window, empty_library, corpus, tmp_path):
    for path in _language_copies(corpus, tmp_path):
        empty_library.import_file(path)
    stored = empty_library.versions()
    assert sorted(v.language for v in stored) == ["ar", "en", "ru", "zh"]
    win = make_window(empty_library, start=False)
    win.refresh_library()
    panel = win.library_panel
    fam = panel.model.item(0)
    assert fam.rowCount() == 1  # one text, four languages
    assert fam.child(0, 1).text() == "EN +3"
    assert "AR, EN, RU, ZH" in fam.child(0, 1).toolTip() or "EN, AR, RU, ZH" in fam.child(0, 1).toolTip()
    assert not panel.tree.isColumnHidden(1)
    english = next(v for v in stored if v.language == "en")
    assert fam.child(0, 0).data(VersionRole) == english.id
    assert panel._language_ids(english.id) == {v.language: v.id for v in stored}
    # translations are not successive versions: nothing to compare a language with
    from drafter.gui.loading import previous_version_id

    assert all(previous_version_id(empty_library, v.id) is None for v in stored)
    assert win._latest_family_spec() is None


def test_same_symbol_files_told_apart_and_opened_as_versions(
    make_window, empty_library, corpus, qtbot
):
    fam = corpus / "families" / "cuba-embargo"
    win = make_window(empty_library, start=False)
    files = [str(fam / "A_RES_80_4.md"), str(fam / "A_RES_80_4.pymupdf.txt")]
    with qtbot.waitSignal(win.workspace.tab_loaded, timeout=30000):
        win.import_paths(files, open_after=True)
    assert len(empty_library.families()) == 1
    labels = _version_labels(win.library_panel)
    assert labels == ["A/RES/80/4 (A_RES_80_4.md)", "A/RES/80/4 (A_RES_80_4.pymupdf.txt)"]
    assert win.workspace.current_spec().mode == VERSIONS
    assert isinstance(win.workspace.current_view(), ComparisonView)


def test_mode_follows_the_texts_until_chosen_by_hand(make_window, library):
    win = make_window(library, start=False)
    bar = win.compare_bar
    ids = {v.symbol: v.id for v in library.versions()}
    bar.set_old(ids["A/68/L.5"])
    bar.set_new(ids["A/RES/68/4"])
    assert bar.mode.currentData() == VERSIONS  # one family
    bar.set_old(ids["A/RES/67/219"])
    assert bar.mode.currentData() == RELATED  # different texts
    bar.mode.setCurrentIndex(bar.mode.findData(VERSIONS))
    bar.mode.activated.emit(bar.mode.currentIndex())  # the user's own choice...
    bar.set_old(ids["A/68/L.5"])
    bar.set_old(ids["A/RES/67/219"])
    assert bar.mode.currentData() == VERSIONS  # ...sticks
    assert bar.spec().mode == VERSIONS
