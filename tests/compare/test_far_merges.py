"""Merges whose members are not adjacent, or that moved (issue 10, part 3), on a real
text: 48/57's paragraphs merged the way drafters merge them ("...; and requests
..."), the merged paragraph put elsewhere and, where said, edited."""

from __future__ import annotations

import json

import pytest
from merged_versions import merged_version

from drafter.compare import compare
from drafter.model import PairKind

HUM = "families/humanitarian-coordination/A_RES_48_57.txt"


@pytest.mark.parametrize(
    ("members", "at", "kind", "edit_every"),
    [
        # OP 18+19+20 -> the first operative paragraph, a word in five rewritten: no
        # member alone overlaps the whole enough for a move.
        (["OP 18", "OP 19", "OP 20"], 14, "operative", 5),
        # A preambular and an operative paragraph, twenty places apart, merged into
        # one preambular paragraph near the top.
        (["PP 11", "OP 17"], 2, "preambular", 6),
        # Two preambular paragraphs seven places apart, merged and moved down.
        (["PP 2", "PP 9"], 12, "preambular", 0),
    ],
)
def test_a_merge_of_distant_paragraphs_that_moved_is_one_row(
    load_corpus, members, at, kind, edit_every
) -> None:
    old = load_corpus(HUM)
    new, ids, at = merged_version(old, members, at, kind, edit_every)
    cmp = compare(old, new)
    rows = [p for p in cmp.pairs if set(p.old) & ids]
    assert len(rows) == 1, [(p.kind, p.old, p.new) for p in rows]
    (row,) = rows
    assert row.kind == PairKind.MERGED and set(row.old) == ids and row.new == (at,)
    assert row.moved
    assert json.loads(json.dumps(row.to_json()))["moved"] is True
    # Nothing else moved: the other paragraphs are all in place.
    assert [p for p in cmp.pairs if p.kind == PairKind.MOVED] == []


def test_a_merge_in_place_is_not_moved(load_corpus) -> None:
    old = load_corpus(HUM)
    new, ids, _ = merged_version(old, ["OP 3", "OP 4"], 16, "operative")
    (row,) = [p for p in compare(old, new).pairs if set(p.old) & ids]
    assert row.kind == PairKind.MERGED and set(row.old) == ids and not row.moved
