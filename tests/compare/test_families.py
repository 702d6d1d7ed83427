"""Versions mode on real families of texts from ../shared/corpus/families/."""

from __future__ import annotations

import pytest

from drafter.compare import compare
from drafter.compare.align import OPENING_THRESHOLD, REWRITE_THRESHOLD
from drafter.model import Comparison, PairKind

CUBA = "families/cuba-embargo/"
DRAFT = "families/draft-to-adopted/"
HUM = "families/humanitarian-coordination/"


def check_invariants(cmp: Comparison) -> None:
    """Every paragraph appears once; runs rebuild both sides; new reading order."""
    olds = [i for p in cmp.pairs for i in p.old]
    news = [i for p in cmp.pairs for i in p.new]
    assert sorted(olds) == list(range(len(cmp.old.paragraphs)))
    assert sorted(news) == list(range(len(cmp.new.paragraphs)))
    assert news == sorted(news)
    for pair in cmp.pairs:
        old = "".join(t for op, t in pair.diff if op <= 0)
        new = "".join(t for op, t in pair.diff if op >= 0)
        assert old == "\n".join(cmp.old.paragraphs[i].text for i in pair.old)
        assert new == "\n".join(cmp.new.paragraphs[i].text for i in pair.new)
        assert not pair.approximate


def pair_for_new(cmp: Comparison, number: str):
    for pair in cmp.pairs:
        if any(cmp.new.paragraphs[i].number == number for i in pair.new):
            return pair
    raise AssertionError(f"no pair for new paragraph {number}")


def changes(pair) -> list[tuple[int, str]]:
    return [(op, t) for op, t in pair.diff if op != 0]


def test_cuba_draft_against_adopted_is_almost_unchanged(load_corpus) -> None:
    cmp = compare(load_corpus(CUBA + "A_80_L.6.txt"), load_corpus(CUBA + "A_RES_80_4.md"))
    check_invariants(cmp)
    s = cmp.summary
    assert s["moved"] == 0 and s["split"] == 0 and s["merged"] == 0
    assert s["unchanged"] >= 0.75 * len(cmp.new.paragraphs)
    # Every operative and preambular paragraph of the draft was adopted as it stood.
    for pair in cmp.pairs:
        kinds = {cmp.new.paragraphs[i].kind for i in pair.new}
        if kinds & {"operative", "preambular"}:
            assert pair.kind == PairKind.UNCHANGED or pair.formatting_only, pair


def test_two_extractions_of_one_document_agree(load_corpus) -> None:
    cmp = compare(load_corpus(CUBA + "A_RES_80_4.md"), load_corpus(CUBA + "A_RES_80_4.pymupdf.txt"))
    check_invariants(cmp)
    substantive = [
        p for p in cmp.pairs if any(cmp.new.paragraphs[i].kind == "operative" for i in p.new)
    ]
    assert substantive and all(not p.is_change or p.formatting_only for p in substantive)


def test_cuba_2018_against_2025_updates_years_and_resolutions(load_corpus) -> None:
    cmp = compare(load_corpus(CUBA + "A_RES_73_8-EN.pdf"), load_corpus(CUBA + "A_RES_80_4.md"))
    check_invariants(cmp)
    assert changes(pair_for_new(cmp, "1")) == [(-1, "72/4"), (1, "79/7")]
    for number in ("4", "5"):
        pair = pair_for_new(cmp, number)
        assert pair.kind == PairKind.MODIFIED
        assert changes(pair) == [(-1, "seventy-fourth"), (1, "eighty-first")]
    recalled = next(
        p
        for p in cmp.pairs
        if p.kind == PairKind.MODIFIED
        and "73/8 of 1 November 2018" in "".join(t for op, t in p.diff if op == 1)
    )
    assert recalled.similarity > 0.7
    assert cmp.summary["unchanged"] >= 5
    closing = cmp.pairs[-1]  # "30th plenary meeting ..." became "22nd plenary meeting ..."
    assert closing.kind == PairKind.MODIFIED
    assert (-1, "30th") in closing.diff and (1, "22nd") in closing.diff


def test_draft_l2_against_adopted_80_1(load_corpus) -> None:
    cmp = compare(load_corpus(DRAFT + "A_80_L.2.txt"), load_corpus(DRAFT + "A_RES_80_1.md"))
    check_invariants(cmp)
    assert (-1, "Deploring") in changes(next(p for p in cmp.pairs if (-1, "Deploring") in p.diff))
    op1a = pair_for_new(cmp, "1(a)")
    assert op1a.kind == PairKind.MODIFIED and op1a.old
    assert (-1, "Head of State") in op1a.diff and (1, "President") in op1a.diff
    inserted = [cmp.new.paragraphs[p.new[0]].text for p in cmp.pairs if p.kind == PairKind.INSERTED]
    assert any(t.startswith("Taking note of the meeting of the Committee") for t in inserted)
    assert cmp.summary["moved"] == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [("A_RES_46_182.txt", "A_RES_47_168.txt"), ("A_RES_47_168.txt", "A_RES_48_57.txt")],
)
def test_humanitarian_series(load_corpus, old: str, new: str) -> None:
    """Successive resolutions of a series: the shared title and recalled text still pair."""
    cmp = compare(load_corpus(HUM + old), load_corpus(HUM + new))
    check_invariants(cmp)
    paired = [p for p in cmp.pairs if p.old and p.new]
    assert paired
    titles = [
        p
        for p in paired
        if "coordination of humanitarian emergency assistance"
        in cmp.new.paragraphs[p.new[0]].text.lower()
    ]
    assert titles
    # Pairs are real correspondences, not forced matches between unrelated texts: below
    # 0.5 only a paragraph rewritten in its place (alone between two pairs, or behind
    # the same distinctive opening), or a merge with a member cut down.
    weakest = min(REWRITE_THRESHOLD, OPENING_THRESHOLD)
    assert all(p.similarity >= weakest for p in paired)
    weak = (PairKind.MODIFIED, PairKind.MERGED)
    assert all(p.similarity >= 0.5 for p in paired if p.kind not in weak)
