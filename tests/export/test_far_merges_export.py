"""A merge of distant paragraphs that moved (issue 10) goes out to Word exactly: the
redline accepts to the new text and rejects to the old one; the side-by-side table
holds the merged row."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from merged_versions import merged_version

from drafter.compare import compare
from drafter.export import write_redline, write_side_by_side
from drafter.model import PairKind

HUM = "families/humanitarian-coordination/A_RES_48_57.txt"


@pytest.mark.parametrize(
    ("members", "at", "kind"),
    [(["PP 11", "OP 17"], 2, "preambular"), (["OP 18", "OP 19", "OP 20"], 14, "operative")],
)
def test_moved_merge_of_distant_paragraphs_round_trips(
    review, load_corpus, tmp_path, members, at, kind
) -> None:
    old = load_corpus(HUM)
    new, ids, _ = merged_version(old, members, at, kind)
    cmp = compare(old, new)
    (row,) = [p for p in cmp.pairs if set(p.old) & ids]
    assert row.kind == PairKind.MERGED and row.moved
    path = tmp_path / "r.docx"
    write_redline(cmp, path, when=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert review.accept_all(path) == review.expected_texts(cmp.new)
    assert review.reject_all(path) == review.expected_texts(cmp.old)
    table = tmp_path / "s.docx"
    write_side_by_side(cmp, table)
    cells = [c.text for t in docx.Document(table).tables for r in t.rows for c in r.cells]
    merged_text = new.paragraphs[row.new[0]].text
    assert any(merged_text[:60] in c for c in cells)
