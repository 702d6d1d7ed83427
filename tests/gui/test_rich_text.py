"""The HTML of cells: changes marked by more than colour, sides split per paragraph."""

from __future__ import annotations

from drafter.gui import rich_text
from drafter.gui.themes import LIGHT
from drafter.model import DELETE, EQUAL, INSERT, Pair, PairKind, Paragraph, ParaKind


def _par(pid: int, text: str, number: str | None = None, lead: int = 0) -> Paragraph:
    return Paragraph(pid, ParaKind.OPERATIVE, number, text, lead=lead)


def test_deleted_struck_inserted_underlined():
    pair = Pair(
        PairKind.MODIFIED,
        (0,),
        (0,),
        0.8,
        ((EQUAL, "Decides to "), (DELETE, "hold"), (INSERT, "convene"), (EQUAL, " a dialogue;")),
    )
    old = rich_text.pair_side_html(
        pair, "old", [_par(0, "Decides to hold a dialogue;", "2")], LIGHT
    )
    new = rich_text.pair_side_html(
        pair, "new", [_par(0, "Decides to convene a dialogue;", "2")], LIGHT
    )
    assert "line-through" in old and "hold" in old and "convene" not in old
    assert "underline" in new and "convene" in new and "hold" not in new
    assert "2." in old and "2." in new


def test_split_side_gets_one_block_per_paragraph():
    pair = Pair(
        PairKind.SPLIT,
        (0,),
        (0, 1),
        0.8,
        ((EQUAL, "Decides A"), (DELETE, ", and"), (INSERT, ";\nAlso"), (EQUAL, " B;")),
    )
    new = [_par(0, "Decides A;", "1"), _par(1, "Also B;", "2")]
    runs = rich_text.side_runs(pair, "new", new)
    assert ["".join(t for _, t in r) for r in runs] == ["Decides A;", "Also B;"]
    html = rich_text.pair_side_html(pair, "new", new, LIGHT)
    assert html.count("<p") == 2
    red = rich_text.redline_html(pair, [_par(0, "Decides A, and B;", "1")], new, LIGHT)
    assert red.count("<p") == 2 and "line-through" in red and "underline" in red


def test_inconsistent_diff_falls_back_to_whole_text():
    pair = Pair(PairKind.INSERTED, (), (0,), 0.0, ())
    html = rich_text.pair_side_html(pair, "new", [_par(0, "New text;")], LIGHT)
    assert "New text;" in html and "underline" in html


def test_lead_in_italics_and_find_marks():
    par = _par(0, "Recognizes the role of migrants;", "1", lead=len("Recognizes"))
    html = rich_text.paragraph_html(par, [(EQUAL, par.text)], LIGHT, find_term="ROLE")
    assert "<i>Recognizes</i>" in html
    assert LIGHT.mark_bg in html


def test_rtl_and_escaping():
    assert rich_text.is_rtl("تقرر الجمعية العامة")
    assert not rich_text.is_rtl("1. Decides")
    par = _par(0, "تقرر الجمعية العامة <b>", "1")
    html = rich_text.paragraph_html(par, [(EQUAL, par.text)], LIGHT)
    assert 'dir="rtl"' in html and "&lt;b&gt;" in html


def test_find_spans_case_insensitive():
    assert rich_text.find_spans("Migration and migration", "MIGRATION") == [(0, 9), (14, 23)]
    assert rich_text.find_spans("abc", "") == []
