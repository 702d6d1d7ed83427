"""The versions-mode view on a hand-made comparison: navigation, filters, find, redline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from drafter.gui.comparison_model import GUTTER, NEW, OLD, REDLINE
from drafter.gui.comparison_view import ComparisonView
from drafter.model import (
    EQUAL,
    Comparison,
    Footnote,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)


def _view(qtbot, cmp):
    view = ComparisonView(cmp)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_next_previous_change_visit_every_change(qtbot, handmade):
    cmp = handmade(30)
    view = _view(qtbot, cmp)
    changes = [i for i, p in enumerate(cmp.pairs) if p.is_change]
    seen = []
    messages = []
    view.message.connect(messages.append)
    while view.next_change():
        seen.append(view.current_source_row())
    assert seen == changes
    assert messages[0].startswith(f"Change 1 of {len(changes)}")
    back = []
    while view.previous_change():
        back.append(view.current_source_row())
    assert back == changes[-2::-1]


def test_selection_reports_side_and_paragraph(qtbot, handmade):
    cmp = handmade(30)
    view = _view(qtbot, cmp)
    got = []
    view.paragraph_selected.connect(lambda side, par: got.append((side, par)))
    deleted = next(i for i, p in enumerate(cmp.pairs) if p.kind == PairKind.DELETED)
    view.select_source_row(deleted)
    side, par = got[-1]
    assert side == "old" and par.id == cmp.pairs[deleted].old[0]  # a deleted row has no new side
    modified = next(i for i, p in enumerate(cmp.pairs) if p.kind == PairKind.MODIFIED)
    view.select_source_row(modified)
    qtbot.keyClick(view.view, Qt.Key.Key_Left)
    assert got[-1][0] == "old" and got[-1][1].id == cmp.pairs[modified].old[0]
    qtbot.keyClick(view.view, Qt.Key.Key_Right)
    assert got[-1][0] == "new" and got[-1][1].id == cmp.pairs[modified].new[0]


def test_filter_keeps_summary_and_selection_in_step(qtbot, handmade):
    cmp = handmade(44)
    view = _view(qtbot, cmp)
    view.set_filter("changes")
    assert view.proxy.rowCount() == cmp.summary["changes"]
    assert "shown" in view.summary.full_text()
    view.set_filter("deleted")
    assert view.proxy.rowCount() == cmp.summary["deleted"]
    # selecting a row the filter hides shows all rows again
    unchanged = next(i for i, p in enumerate(cmp.pairs) if p.kind == PairKind.UNCHANGED)
    assert view.select_source_row(unchanged)
    assert view.current_source_row() == unchanged
    assert view.proxy.rowCount() == len(cmp.pairs)


def test_find_in_comparison(qtbot, handmade):
    cmp = handmade(30)
    view = _view(qtbot, cmp)
    view.find_edit.setText("firmly")
    rows = view.find_matches()
    assert rows and all("firmly" in view.model.plain_text(r, NEW) for r in rows)
    assert view.find_next()
    assert view.current_source_row() == rows[0]
    assert "1 of" in view.find_count.text()
    view.find_edit.setText("no-such-words-here")
    assert not view.find_next()
    assert view.find_count.text() == "no match"


def test_redline_toggles_columns(qtbot, handmade):
    view = _view(qtbot, handmade(20))
    view.set_redline(True)
    assert view.view.isColumnHidden(OLD) and view.view.isColumnHidden(NEW)
    assert not view.view.isColumnHidden(REDLINE) and not view.view.isColumnHidden(GUTTER)
    view.set_redline(False)
    assert view.view.isColumnHidden(REDLINE) and not view.view.isColumnHidden(OLD)


def _moved_comparison() -> Comparison:
    texts = [f"Paragraph {w} about migration and development;" for w in "ABCDE"]
    old = tuple(Paragraph(i, ParaKind.OPERATIVE, str(i + 1), t) for i, t in enumerate(texts))
    order = [0, 2, 3, 1, 4]  # B moved down
    new = tuple(Paragraph(j, ParaKind.OPERATIVE, str(j + 1), texts[i]) for j, i in enumerate(order))
    pairs = tuple(
        Pair(
            PairKind.MOVED if i == 1 else PairKind.UNCHANGED,
            (i,),
            (j,),
            1.0,
            ((EQUAL, texts[i]),),
        )
        for j, i in enumerate(order)
    )
    res = Resolution("A/X/1", None, None, old), Resolution("A/X/2", None, None, new)
    return Comparison(res[0], res[1], pairs)


def _click_gutter(qtbot, view, row: int) -> None:
    idx = view.proxy.mapFromSource(view.model.index(row, GUTTER))
    rect = view.view.visualRect(idx)
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_gutter_click_on_moved_row_jumps_to_exactly_where_it_stood(qtbot):
    view = _view(qtbot, _moved_comparison())
    # rows: A | where B stood | C | D | B (moved) | E
    assert view.model.rowCount() == 6
    assert [view.model.is_ghost(r) for r in range(6)] == [False, True, False, False, False, False]
    moved = view.model.row_of_new(3)
    assert moved == 4 and "was OP 2" in view.model.html(moved, NEW)
    view.select_source_row(moved)
    _click_gutter(qtbot, view, moved)
    place = view.current_source_row()
    assert place == 1 and view.active_side == "old"
    # the row holds B's old text, between A and C, and no new text
    assert view.current_paragraph()[1].id == 1
    assert view.model.pair(place - 1).old == (0,) and view.model.pair(place + 1).old == (2,)
    assert "OP 2 stood here; it moved to OP 4" in view.model.html(place, OLD)
    assert view.model.html(place, NEW) == ""
    # and back: the gutter of the place it left leads to the moved paragraph
    _click_gutter(qtbot, view, place)
    assert view.current_source_row() == moved
    assert view.jump_other_end() and view.current_source_row() == place
    # the extra row is not a change of its own
    assert view.model.change_rows() == [moved]
    view.select_source_row(0)
    assert view.next_change() and view.current_source_row() == moved
    assert "6 rows" in view.summary.full_text() and "shown" not in view.summary.full_text()


def test_rows_are_sized_to_their_text(qtbot, handmade):
    cmp = handmade(20)
    view = _view(qtbot, cmp)
    heights = [view.view.rowHeight(view.proxy.index(r, 0)) for r in range(5)]
    assert all(h > 15 for h in heights)
    assert len(set(heights)) > 1  # rows follow their text, not one fixed height


def test_one_version_alone_and_footnote_tooltips(qtbot):
    par = Paragraph(0, ParaKind.OPERATIVE, "1", "Recalls its resolution 67/219;", footnotes=("1",))
    res = Resolution(
        "A/RES/68/4", None, None, (par,), footnotes=(Footnote("1", "Resolution 67/219."),)
    )
    cmp = Comparison(res, res, (Pair(PairKind.UNCHANGED, (0,), (0,), 1.0, ((EQUAL, par.text),)),))
    view = _view(qtbot, cmp)
    assert "alone" in view.summary.full_text()
    tip = view.model.data(view.model.index(0, NEW), Qt.ItemDataRole.ToolTipRole)
    doc = QTextDocument()
    doc.setHtml(tip)  # footnote text is shown verbatim, never read as markup
    assert doc.toPlainText() == "[1] Resolution 67/219."
