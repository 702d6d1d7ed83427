"""Qt models checked by qtmodeltester, and the row filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from drafter.gui.comparison_model import (
    GUTTER,
    NEW,
    OLD,
    REDLINE,
    ComparisonFilter,
    ComparisonModel,
    HtmlRole,
    PairRole,
)
from drafter.gui.related_view import ParagraphListModel
from drafter.model import Link, PairKind


def test_comparison_model_passes_modeltester(qtmodeltester, handmade):
    model = ComparisonModel(handmade(30))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 30 and model.columnCount() == 4


def test_comparison_model_cells(handmade):
    cmp = handmade(30)
    model = ComparisonModel(cmp)
    rows = [model.pair(r) for r in range(model.rowCount())]
    row = next(i for i, p in enumerate(rows) if p.kind == PairKind.MODIFIED)
    assert "line-through" in model.data(model.index(row, OLD), HtmlRole)
    assert "underline" in model.data(model.index(row, NEW), HtmlRole)
    assert model.data(model.index(row, GUTTER)) == "modified"
    assert "Modified" in model.data(model.index(row, GUTTER), Qt.ItemDataRole.ToolTipRole)
    red = model.data(model.index(row, REDLINE), HtmlRole)
    assert "line-through" in red and "underline" in red
    inserted = next(i for i, p in enumerate(rows) if p.kind == PairKind.INSERTED)
    assert model.data(model.index(inserted, OLD)) == ""
    moved = next(
        i for i, p in enumerate(rows) if p.kind == PairKind.MOVED and not model.is_ghost(i)
    )
    assert "Moved" in model.data(model.index(moved, NEW), HtmlRole)
    # labelled moved but standing where it stood: no extra row, nothing to jump to
    assert model.rowCount() == len(cmp.pairs)
    assert model.moved_origin_row(moved) is None and model.other_end(moved) is None


def test_filter_modes(qtmodeltester, handmade):
    cmp = handmade(44)
    model = ComparisonModel(cmp)
    proxy = ComparisonFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 44
    proxy.set_mode("changes")
    assert proxy.rowCount() == sum(p.is_change for p in cmp.pairs)
    proxy.set_mode("inserted")
    kinds = {proxy.index(r, 0).data(PairRole).kind for r in range(proxy.rowCount())}
    assert kinds == {PairKind.INSERTED}
    proxy.set_mode("splitmerge")
    kinds = {proxy.index(r, 0).data(PairRole).kind for r in range(proxy.rowCount())}
    assert kinds == {PairKind.SPLIT, PairKind.MERGED}


def test_find_term_refreshes_html(handmade):
    model = ComparisonModel(handmade(10))
    before = model.data(model.index(0, NEW), HtmlRole)
    word = model.comparison.new.paragraphs[0].text.split()[1]
    model.set_find_term(word)
    after = model.data(model.index(0, NEW), HtmlRole)
    assert before != after and model.colors.mark_bg in after


def test_paragraph_list_model(qtmodeltester, handmade):
    cmp = handmade(12)
    model = ParagraphListModel(cmp.new, {0, 1})
    qtmodeltester.check(model, force_py=True)
    text = cmp.new.paragraphs[1].text
    phrase = " ".join(text.split()[1:3])
    link = Link(0, 1, 0.5, (phrase,))
    model.set_highlight({1: (1, link)}, {1: (phrase,)})
    html = model.data(model.index(1, 0), HtmlRole)
    assert "#1" in html and "50%" in html and model.colors.phrase_bg in html
    assert "Link #1" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
