"""The history view of a family: grid, filter, biography, blame, notes, jump, window."""

from __future__ import annotations

import shutil

import docx
import pytest

from drafter.gui.history_model import HistoryGridModel, StepRole
from drafter.gui.history_view import HistoryView
from drafter.gui.history_window import (
    HistoryWindow,
    load_family_history,
    open_history,
    save_order,
    saved_order,
)
from drafter.gui.loading import VERSIONS, TabSpec
from drafter.gui.themes import LIGHT

CUBA = ("A_RES_73_8-EN.pdf", "A_80_L.6.txt", "A_RES_80_4.md")


@pytest.fixture(scope="module")
def cuba_db(corpus, tmp_path_factory):
    """The Cuba family imported oldest first, a note on OP 5 of 73/8 carried along."""
    from drafter.store import Library

    path = tmp_path_factory.mktemp("cuba") / "library.db"
    with Library.open(path) as lib:
        first = lib.import_file(corpus / "families" / "cuba-embargo" / CUBA[0])
        res = lib.load_version(first.version_id)
        op5 = next(p.id for p in res.paragraphs if p.number == "5")
        lib.add_note(first.version_id, op5, "Capital: keep the date flexible", author="Norway")
        for name in CUBA[1:]:
            lib.import_file(corpus / "families" / "cuba-embargo" / name)
    return path


@pytest.fixture
def cuba(cuba_db, tmp_path):
    from drafter.store import Library

    path = tmp_path / "library.db"
    shutil.copy(cuba_db, path)
    lib = Library.open(path)
    lib.family_id = lib.versions()[0].family_id
    yield lib
    lib.close()


def _row(model: HistoryGridModel, version: int, label: str) -> int:
    for r in range(model.rowCount()):
        step = model.index(r, version).data(StepRole)
        if step is not None and step.label == label:
            return r
    raise AssertionError(label)


def test_grid_model_passes_modeltester(qtmodeltester, cuba):
    data = load_family_history(cuba, cuba.family_id, None, lambda *a: None)
    model = HistoryGridModel(data.history, LIGHT)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 4 and model.rowCount() == 26
    assert [model.headerData(c, 1) for c in range(3)] == [
        "A/RES/73/8\nadopted",
        "A/80/L.6\nL-document",
        "A/RES/80/4\nadopted",
    ]
    r = _row(model, 0, "5")
    assert [model.index(r, c).data() for c in range(3)] == ["5", "5*", "5"]
    model.set_changed_since(1)
    assert 0 < model.rowCount() < 26


def test_view_shows_biography_blame_and_notes(qtbot, cuba):
    data = load_family_history(cuba, cuba.family_id, None, lambda *a: None)
    note = next(n for items in data.notes.values() for n in items)
    assert note.note.body.startswith("Capital") and note.version == 0 and note.also_on == (1, 2)
    view = HistoryView(data)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    r = _row(view.model, 1, "5")
    assert view.model.index(r, 0).data() == "5 ✎"  # the note, and its carried copies
    view.select_cell(r, 1)
    bio = view.biography.toPlainText()
    assert "1. A/RES/73/8" in bio and "2. A/80/L.6" in bio and "3. A/RES/80/4" in bio
    assert "seventy-fourth" in bio and "eighty-first" in bio
    assert "line-through" in view.biography.toHtml()
    assert "Capital: keep the date flexible" in bio
    blame = view.blame.toPlainText()
    assert "eighty-first[2]" in blame.replace(" ", "")
    assert "Capital: keep the date flexible" in view.notes_view.toPlainText()
    assert "carried to A/80/L.6, A/RES/80/4" in view.notes_view.toPlainText()
    assert view.panes.tabText(2) == "Notes (1)"

    # "changed since A/80/L.6": OP 5 changed in L.6, not after; the cell stays on screen
    view.filter_box.setCurrentIndex(2)
    assert view.model.rowCount() < len(data.history.threads)
    assert all(
        data.history.threads[t].changed_after(1, ignore_formatting=True) for t in view.model.rows
    )
    assert "changed after A/80/L.6" in view.summary.text()
    view.filter_box.setCurrentIndex(0)
    assert view.model.rowCount() == 26


def test_cell_jumps_to_the_pairwise_comparison(qtbot, cuba):
    data = load_family_history(cuba, cuba.family_id, None, lambda *a: None)
    view = HistoryView(data)
    qtbot.addWidget(view)
    ids = [v.version_id for v in data.history.versions]
    r = _row(view.model, 1, "5")
    view.select_cell(r, 1)
    with qtbot.waitSignal(view.compare_requested) as sig:
        assert view.compare_current()
    step = view.model.step_at(r, 1)
    assert sig.args == [ids[0], ids[1], "new", step.id]
    sponsor = _row(view.model, 1, "¶ 3")  # the draft's sponsor line, gone at adoption
    view.select_cell(sponsor, 2)
    with qtbot.waitSignal(view.compare_requested) as sig:
        view.compare_current()
    assert sig.args[:3] == [ids[1], ids[2], "old"]


def test_window_from_the_library_opens_and_jumps(
    make_window, cuba, qtbot, settings, tmp_path, monkeypatch
):
    win = make_window(cuba)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        hw = open_history(win, cuba.family_id)
    assert isinstance(hw, HistoryWindow) and hw.view is not None
    assert open_history(win, cuba.family_id) is hw  # raised, not opened twice
    assert hw.windowTitle().startswith("History — ")
    view = hw.view
    r = _row(view.model, 2, "PP 6")
    view.select_cell(r, 2)
    view.compare_current()
    ids = [v.version_id for v in view.history.versions]
    qtbot.waitUntil(lambda: TabSpec(VERSIONS, ids[1], ids[2]) in win.workspace.specs())
    # Export what the filter shows: the tracking table of the paragraphs changed since 73/8
    from drafter.gui import dialogs, file_dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_exported", lambda parent, path: shown.append(path))
    target = str(tmp_path / "history.docx")
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: target)
    view.filter_box.setCurrentIndex(1)
    rows = list(view.model.rows)
    view.export_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    doc = docx.Document(str(shown[0]))
    assert len(doc.tables[0].rows) == len(rows) + 1
    assert not win.errors
    hw.close()


def test_saved_order_is_used_and_can_be_reset(cuba, settings):
    ids = [v.id for v in cuba.versions(cuba.family_id)]
    save_order(settings, cuba.family_id, [ids[2], ids[0]])
    assert saved_order(settings, cuba.family_id) == [ids[2], ids[0]]
    data = load_family_history(cuba, cuba.family_id, saved_order(settings, cuba.family_id), print)
    assert [v.version_id for v in data.history.versions][:2] == [ids[2], ids[0]]
    save_order(settings, cuba.family_id, None)
    assert saved_order(settings, cuba.family_id) is None


def test_one_version_and_an_unrelated_member(qtbot, cuba, corpus):
    """A version wrongly grouped into the family: the view warns above the grid."""
    other = cuba.import_file(
        corpus / "families" / "draft-to-adopted" / "A_RES_80_3.md", family_id=cuba.family_id
    )
    ids = [v.id for v in cuba.versions(cuba.family_id) if v.id != other.version_id]
    data = load_family_history(cuba, cuba.family_id, [*ids, other.version_id], lambda *a: None)
    view = HistoryView(data)
    qtbot.addWidget(view)
    view.show()
    assert not view.warning.isHidden() and "share no paragraph" in view.warning.text()
    single = load_family_history(cuba, cuba.family_id, [ids[0]], lambda *a: None)
    assert len(single.history.versions) == 4  # the order names one; the rest follow


def test_panes_show_document_text_as_text_and_bound_huge_paragraphs():
    from drafter.gui.history_html import biography_html, blame_html
    from drafter.history import build_history
    from drafter.model import Paragraph, ParaKind, Resolution

    def res(*texts, symbol):
        paras = tuple(Paragraph(i, ParaKind.OPERATIVE, str(i + 1), t) for i, t in enumerate(texts))
        return Resolution(symbol=symbol, title=None, date=None, paragraphs=paras)

    tag = "Decides that <img src=red.png> is not markup"
    huge = "word " * 6000
    h = build_history(
        [res(tag, huge, symbol="<b>A/1</b>"), res(tag + " at all", huge, symbol="A/2")]
    )
    bio = biography_html(h, h.threads[0], LIGHT)
    assert "<img" not in bio and "&lt;img src=red.png&gt;" in bio and "&lt;b&gt;A/1" in bio
    assert "&lt;img" in blame_html(h, 1, 0, LIGHT)
    assert "too long to trace" in blame_html(h, 1, 1, LIGHT)


def test_closing_the_window_while_it_builds_is_harmless(make_window, cuba, qtbot):
    win = make_window(cuba)
    hw = open_history(win, cuba.family_id)
    hw.close()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=30000)
    assert not win.errors
