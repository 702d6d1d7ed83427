"""A merge of distant paragraphs that moved (issue 10) shows as one row that says so."""

from __future__ import annotations

from merged_versions import merged_version

from drafter.compare import compare
from drafter.gui.comparison_model import GUTTER, NEW, OLD, ComparisonModel, HtmlRole
from drafter.model import PairKind

HUM = "families/humanitarian-coordination/A_RES_48_57.txt"


def test_a_moved_merge_row_names_its_members_and_that_it_moved(load_corpus) -> None:
    old = load_corpus(HUM)
    new, ids, at = merged_version(old, ["PP 11", "OP 17"], 2, "preambular")
    model = ComparisonModel(compare(old, new))
    (row,) = [r for r in range(model.rowCount()) if set(model.pair(r).old) & ids]
    pair = model.pair(row)
    assert pair.kind == PairKind.MERGED and pair.new == (at,)
    assert model.data(model.index(row, GUTTER)) == "merged"
    html = model.data(model.index(row, NEW), HtmlRole)
    assert "Merged and moved: was PP 11, OP 17 in the old text" in html
    old_html = model.data(model.index(row, OLD), HtmlRole)
    assert "the need to strengthen coordination further" in old_html  # PP 11
    assert "to examine further all possible ways" in old_html  # OP 17
