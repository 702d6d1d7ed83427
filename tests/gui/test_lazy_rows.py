"""A long comparison opens with only the rows on screen laid out; the others are
measured when needed, and a row scrolled to is drawn at its exact height and stays
where it was put while the idle-time heights settle.

The comparison is real: a dozen adopted texts of the 80th session around the
negotiated L.4 draft of A/RES/80/3, against the same texts around the adopted
resolution, with one text dropped (several hundred rows).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from drafter.compare import compare
from drafter.gui.comparison_model import NEW, OLD
from drafter.gui.comparison_view import ComparisonView
from drafter.model import Resolution

SOURCES = [f"ga80/md/A_RES_80_{n}.md" for n in (5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)]


def _joined(parts, symbol: str) -> Resolution:
    paragraphs = []
    for res in parts:
        for p in res.paragraphs:
            paragraphs.append(replace(p, id=len(paragraphs), footnotes=(), footnote_offsets=()))
    return Resolution(symbol=symbol, title=None, date=None, paragraphs=tuple(paragraphs))


@pytest.fixture(scope="module")
def long_comparison(load_corpus):
    texts = [load_corpus(rel) for rel in SOURCES]
    draft = load_corpus("families/draft-to-adopted/A_80_L.4.txt")
    adopted = load_corpus("families/draft-to-adopted/A_RES_80_3.md")
    old = _joined([*texts[:6], draft, *texts[6:]], "old")
    new = _joined([*texts[:2], *texts[3:6], adopted, *texts[6:]], "new")
    return compare(old, new)


def _open(qtbot, cmp) -> ComparisonView:
    view = ComparisonView(cmp)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def _settled(view: ComparisonView) -> bool:
    d = view.text_delegate
    return not (d.refining or d._relayout.isActive() or view.view._relayout.isActive())


def _rows_on_screen(view: ComparisonView) -> list[int]:
    tree, port = view.view, view.view.viewport().rect()
    return [
        r
        for r in range(view.proxy.rowCount())
        if tree.visualRect(view.proxy.index(r, NEW)).intersects(port)
    ]


def _exact(view: ComparisonView, row: int) -> int:
    """The height a row's text needs: its taller side, laid out afresh."""
    tree, delegate = view.view, view.text_delegate
    return max(
        delegate._exact(view.proxy.index(row, col), tree.header().sectionSize(col), tree.font())
        for col in (OLD, NEW)
    )


def test_first_screen_lays_out_only_the_rows_on_screen(qtbot, long_comparison):
    view = _open(qtbot, long_comparison)
    rows = view.model.rowCount()
    assert rows > 400
    view.grab()  # the first paint, before any idle time
    on_screen = _rows_on_screen(view)
    assert 0 < len(on_screen) < 40
    measured = {key for key, _col, _width in view.text_delegate._heights}
    assert measured and measured <= set(on_screen)
    # and those rows are drawn at their exact heights from this first paint on
    for row in on_screen[:-1]:  # (the last one may run past the bottom)
        assert view.view.visualRect(view.proxy.index(row, NEW)).height() == _exact(view, row)
    # the scroll bar was there from the start, so the first layout was made at the
    # columns' final widths: nothing has to be measured again for a narrower column
    assert view.view.verticalScrollBar().isVisible()
    assert view.view._laid_out_widths == view.view._column_widths()
    qtbot.waitUntil(lambda: _settled(view), timeout=60000)
    assert view.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert view.view.verticalScrollBar().isVisible()


def test_row_scrolled_to_is_exact_and_stays_in_place(qtbot, long_comparison):
    view = _open(qtbot, long_comparison)
    view.grab()
    rows = view.model.rowCount()
    target = next(r for r in range(rows - 40, 0, -1) if view.model.pair(r).is_change)
    assert view.select_source_row(target)  # at once, while most heights are estimates
    qtbot.waitUntil(lambda: _settled(view), timeout=60000)
    tree, port = view.view, view.view.viewport().rect()
    index = view.proxy.mapFromSource(view.model.index(target, NEW))
    rect = tree.visualRect(index)
    # still on screen once every row above it has its exact height
    assert port.contains(rect.center()), (rect, port)
    # and drawn at the height its text needs, in either column
    assert rect.height() == _exact(view, index.row())
    # the text shown there is the paragraph's own
    pair = view.model.pair(target)
    first_new = view.model.new_paragraphs(pair)[:1] or view.model.old_paragraphs(pair)
    assert first_new[0].text[:30] in index.data(Qt.ItemDataRole.DisplayRole)


def test_a_note_redraws_only_its_row(qtbot, long_comparison):
    view = _open(qtbot, long_comparison)
    view.grab()
    model = view.model
    row = next(
        r
        for r in range(model.rowCount() // 2, model.rowCount())
        if model.pair(r).new and not model.is_ghost(r)
    )
    pid = model.pair(row).new[0]
    before = model.html(row, NEW)
    redrawn = []
    model.dataChanged.connect(lambda first, last, _roles: redrawn.append((first.row(), last.row())))
    view.set_note_counts({}, {pid: 2})
    assert redrawn == [(row, row)]
    assert "✎&nbsp;2" in model.html(row, NEW) and "✎" not in before
    redrawn.clear()
    view.set_note_counts({}, {pid: 2})  # the same counts: nothing to draw again
    assert redrawn == []
    view.set_note_counts({}, {})
    assert redrawn == [(row, row)] and model.html(row, NEW) == before
