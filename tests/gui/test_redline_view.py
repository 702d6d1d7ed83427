"""The redline column on real texts (A/RES/73/8 → A/RES/80/4, Cuba embargo): italic
opening words survive an edit, a changed footnote is flagged, no number stands
twice, and switching to the redline keeps the paragraph on screen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from drafter.compare import compare
from drafter.gui.comparison_model import NEW, REDLINE, ComparisonModel, HtmlRole
from drafter.gui.comparison_view import ComparisonView
from drafter.ingest import load
from drafter.model import PairKind


@pytest.fixture(scope="module")
def cuba(corpus):
    family = corpus / "families" / "cuba-embargo"
    return compare(load(family / "A_RES_73_8-EN.pdf"), load(family / "A_RES_80_4.md"))


@pytest.fixture(scope="module")
def humanitarian(corpus):
    family = corpus / "families" / "humanitarian-coordination"
    return compare(load(family / "A_RES_46_182.txt"), load(family / "A_RES_47_168.txt"))


def _row_of(model: ComparisonModel, words: str) -> int:
    for r in range(model.rowCount()):
        if words in model.plain_text(r, NEW):
            return r
    raise AssertionError(words)


def test_edited_paragraphs_keep_their_italic_opening_words(qapp, cuba):
    model = ComparisonModel(cuba)
    checked = 0
    for r in range(model.rowCount()):
        pair = model.pair(r)
        new = model.new_paragraphs(pair)
        if pair.kind != PairKind.MODIFIED or not new or not new[0].lead:
            continue
        lead = new[0].text[: new[0].lead]
        html = model.html(r, REDLINE)
        italic = "".join(re.findall(r"<i>([^<]*)</i>", html))
        assert lead in italic, (lead, html[:300])
        checked += 1
    assert checked >= 5  # "Reaffirming", "Recalling also", "Takes note", "Requests"...


def test_a_changed_footnote_is_flagged_in_the_view(qapp, cuba):
    model = ComparisonModel(cuba)
    row = _row_of(model, "Takes note of the report of the Secretary-General")
    (change,) = model.footnote_changes(row)
    assert "A/73/85" in change.old_text and "A/80/83" in change.new_text
    for column in (NEW, REDLINE):
        html = model.data(model.index(row, column), HtmlRole)
        assert "Footnote 1 changed" in html
    # a paragraph whose footnotes did not change says nothing
    other = _row_of(model, "Reiterates its call upon all States")
    assert model.footnote_changes(other) == []
    assert "Footnote" not in model.html(other, REDLINE)


@pytest.mark.parametrize("which", ["cuba", "humanitarian"])
def test_no_number_stands_twice_in_a_redline_cell(qapp, which, request):
    model = ComparisonModel(request.getfixturevalue(which))
    for r in range(model.rowCount()):
        labels = re.findall(r'font-weight:600">([^<]+)</span>', model.html(r, REDLINE))
        assert len(labels) == len(set(labels)), (r, labels)
        pair = model.pair(r)
        assert len(labels) <= max(len(pair.old), len(pair.new), 1)


def test_switching_to_the_redline_stays_on_the_paragraph(qtbot, humanitarian):
    view = ComparisonView(humanitarian)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    middle = view.model.rowCount() // 2
    view.select_source_row(middle)
    qtbot.wait(100)
    bar = view.view.verticalScrollBar()
    for on in (True, False, True):
        view.set_redline(on)
        qtbot.wait(150)
        QApplication.processEvents()
        current = view.view.currentIndex()
        assert view.current_source_row() == middle
        assert current.column() == (REDLINE if on else NEW)  # a shown column
        rect = view.view.visualRect(current)
        assert rect.isValid() and rect.intersects(view.view.viewport().rect())
        assert bar.value() < bar.maximum()  # not thrown to the end
