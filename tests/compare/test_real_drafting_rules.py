"""The alignment rules added for real drafting changes seen in successive years of
one resolution (A/RES/58/114 -> 59/141 -> 60/124 -> 61/134, tests/data/real_pairs/),
each pinned on the real paragraphs that show it, with the precision guard beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.compare.align import weighted_increasing
from drafter.compare.evidence import Evidence
from drafter.compare.similarity import profile
from drafter.ingest import load
from drafter.model import Comparison, Pair, PairKind

PAIRS = Path(__file__).resolve().parents[1] / "data" / "real_pairs"
HUM = "families/humanitarian-coordination/"


def _load(name: str):
    return load(PAIRS / f"A_RES_{name}.txt")


@pytest.fixture(scope="module")
def y58_59() -> Comparison:
    return compare(_load("58_114"), _load("59_141"))


@pytest.fixture(scope="module")
def y60_61() -> Comparison:
    return compare(_load("60_124"), _load("61_134"))


def _id(paragraphs, opening: str, nth: int = 0) -> int:
    return [p.id for p in paragraphs if p.text.startswith(opening)][nth]


def _pair_of_old(cmp: Comparison, opening: str, nth: int = 0) -> Pair:
    o = _id(cmp.old.paragraphs, opening, nth)
    (pair,) = [p for p in cmp.pairs if o in p.old]
    return pair


def _assert_split(cmp: Comparison, old: str, news: tuple[str, ...]) -> None:
    pair = _pair_of_old(cmp, old)
    assert pair.kind == PairKind.SPLIT
    assert pair.new == tuple(_id(cmp.new.paragraphs, n) for n in news)


def test_a_split_part_that_keeps_a_clause_of_the_whole(y58_59) -> None:
    # 58/114 OP 9 (civilian organizations, "and in this regard takes note of the 2003
    # 'Guidelines on the Use of Military and Civil Defence Assets ...'") -> 59/141 OP 11
    # (the civilian character) + OP 12 ("Recalls the 2003 'Guidelines ...'", which adds
    # a clause of its own: under half of it is what OP 11 lacks, 24 words kept verbatim).
    _assert_split(
        y58_59,
        "Reaffirms the leading role of civilian organizations",
        ("Emphasizes the fundamentally civilian character", "Recalls the 2003"),
    )


def test_a_merged_part_that_keeps_a_clause_of_the_whole(y60_61) -> None:
    # 60/124's disaster paragraph and "Reaffirming, in this regard, the Hyogo
    # Declaration and the Hyogo Framework for Action ..." -> 61/134's one paragraph
    # "..., taking into account the Hyogo Declaration and the Hyogo Framework ...": the
    # conference's place and dates were cut, the Framework's title kept word for word.
    cmp = y60_61
    pair = _pair_of_old(cmp, "Expressing deep concern at the number and scale")
    assert pair.kind == PairKind.MERGED
    assert pair.old == (
        _id(cmp.old.paragraphs, "Expressing deep concern at the number and scale"),
        _id(cmp.old.paragraphs, "Reaffirming, in this regard, the Hyogo"),
    )
    assert pair.new == (_id(cmp.new.paragraphs, "Noting with grave concern the number"),)


def test_a_neighbour_that_only_shares_formula_words_is_not_absorbed(y58_59) -> None:
    # 58/114 "Reaffirming the responsibility first and foremost of States ..." beside the
    # new "Reaffirming also that States whose populations ...": the same formula, no
    # clause of the old paragraph kept; it stays inserted.
    cmp = y58_59
    n = _id(cmp.new.paragraphs, "Reaffirming also that States whose populations")
    assert not [p for p in cmp.pairs if n in p.new and p.old]


def test_two_requests_folded_under_one_formula_are_a_merge(y60_61) -> None:
    # 60/124 OP 21 "Requests the Secretary-General to report ... on the detailed use of
    # the Fund" and, three paragraphs on, OP 24 "Requests the Secretary-General to report
    # ... on progress made ..." -> 61/134 OP 28 "Requests ... to report ... on progress
    # made ... and to submit a report ... on the detailed use of the Central Emergency
    # Response Fund": OP 21 is all inside OP 28, its opening verb is OP 28's own.
    cmp = y60_61
    first = _id(cmp.old.paragraphs, "Requests the Secretary-General to report", 0)
    second = _id(cmp.old.paragraphs, "Requests the Secretary-General to report", 1)
    (pair,) = [p for p in cmp.pairs if second in p.old]
    assert pair.kind == PairKind.MERGED and pair.old == (first, second)
    assert cmp.new.paragraphs[pair.new[0]].text.endswith("Central Emergency Response Fund.")


def test_a_request_only_partly_inside_the_whole_is_not_gathered(load_corpus) -> None:
    # 47/168 OP 6 "Also requests the Secretary-General, in his annual report ..., to
    # review ..." is not part of 48/57's "Further requests the Secretary-General to
    # include in his annual report ..." (OP 10's successor): the same formula, but most
    # of OP 6 is not in it.
    cmp = compare(load_corpus(HUM + "A_RES_47_168.txt"), load_corpus(HUM + "A_RES_48_57.txt"))
    pair = _pair_of_old(cmp, "Further requests the Secretary-General to submit his annual")
    o6 = _id(cmp.old.paragraphs, "Also requests the Secretary-General, in his annual")
    assert o6 not in pair.old and pair.kind != PairKind.MERGED


def test_each_others_best_candidate_in_a_short_stretch_stays_in_place(y58_59) -> None:
    # 58/114 OP 15 "Calls upon relevant United Nations organizations to improve and
    # increase consistency in the way in which humanitarian needs are assessed" -> 59/141
    # OP 21 "... to continue to improve transparency and reliability of humanitarian
    # needs assessments" (Dice 0.6): four places from where the footnote lines left in
    # the body say it should be, with nothing else left between its neighbours that
    # comes closer. Not a move: the two footnote lines beside it kept their order.
    cmp = y58_59
    pair = _pair_of_old(cmp, "Calls upon relevant United Nations organizations to improve")
    assert pair.new == (
        _id(cmp.new.paragraphs, "Calls upon relevant United Nations organizations to continue"),
    )
    assert pair.kind == PairKind.MODIFIED and not pair.moved


def test_best_candidates_in_two_unrelated_texts_are_not_paired(load_corpus) -> None:
    # Consecutive resolutions of session 80 on unrelated subjects: "Requests the
    # Secretary-General, in consultation with ..." in both, each the other's best
    # candidate, but with most of both texts left to place: no link.
    cmp = compare(load_corpus("ga80/md/A_RES_80_4.md"), load_corpus("ga80/md/A_RES_80_5.md"))
    linked = [p for p in cmp.pairs if p.old and p.new and p.kind != PairKind.UNCHANGED]
    assert [
        p for p in linked if cmp.old.paragraphs[p.old[0]].text.startswith("Requests the Secretary")
    ] == []


def test_a_preambular_paragraph_made_operative_and_cut_to_one_clause(y60_61) -> None:
    # 60/124 "Emphasizing that OCHA should benefit from adequate and more predictable
    # funding, while stressing the importance for the Office to continue to make efforts
    # to broaden its donor base," -> 61/134 OP 17 "Reiterates that OCHA should benefit
    # from adequate and more predictable funding;" (17 of its 18 words in the old one).
    cmp = y60_61
    pair = _pair_of_old(cmp, "Emphasizing that the Office for the Coordination")
    (n,) = pair.new
    assert cmp.new.paragraphs[n].kind == "operative" and cmp.new.paragraphs[n].number == "17"
    assert pair.kind == PairKind.MOVED


def test_what_moved_weighs_paragraphs_not_short_lines() -> None:
    # Of two equally long in-order chains, the one with more weight stays in place; a
    # weight-0 element (a short line) only breaks ties in length.
    seq = [0, 5, 6, 3, 7]
    assert weighted_increasing(seq, [1, 1, 1, 1, 1]) in ([0, 1, 2, 4],)
    assert weighted_increasing(seq, [1, 0, 0, 1, 1]) == [0, 3, 4]
    assert weighted_increasing([], []) == []


def test_an_operative_paragraph_made_preambular_cut_and_grown_keeps_its_clause() -> None:
    # 57/153 OP 11 "Emphasizes that coordination ... is a mandate of the
    # Secretary-General, ..., and that the Office for the Coordination of Humanitarian
    # Affairs should benefit from adequate and more predictable funding, and requests
    # ..." -> 58/114 PP "Emphasizing that the Office for the Coordination of Humanitarian
    # Affairs of the Secretariat should benefit from adequate and more predictable
    # funding, while stressing ... its donor base" (Dice 0.49, 61 % of the shorter in the
    # longer): the same verb and 17 words kept in two runs make it one paragraph, moved.
    cmp = compare(_load("57_153"), _load("58_114"))
    pair = _pair_of_old(cmp, "Emphasizes that coordination of humanitarian assistance")
    (n,) = pair.new
    assert cmp.new.paragraphs[n].text.startswith("Emphasizing that the Office for the")
    assert cmp.new.paragraphs[n].kind == "preambular" and pair.kind == PairKind.MOVED


def test_a_formula_kept_word_for_word_is_no_clause() -> None:
    # "Requests the Secretary-General to report to the General Assembly at its ... session,
    # through the Economic and Social Council ..." is kept in every year's last
    # paragraph: a run of formula with no telling word counts for nothing.
    a = profile(
        "Requests the Secretary-General to report to the General Assembly at its "
        "sixtieth session, through the Economic and Social Council at its substantive "
        "session of 2005, on progress made"
    )
    b = profile(
        "Requests the Secretary-General to report to the General Assembly at its "
        "sixtieth session, through the Economic and Social Council at its substantive "
        "session of 2005, on the detailed use of the Fund"
    )
    ev = Evidence([a.bag.keys(), b.bag.keys()] + [{"x"}] * 40)
    assert ev.keeps_clauses(a.words, b.words, 8, 16) is False
    assert ev.keeps_clauses(a.words, a.words, 8, 16, lambda run: True) is False


def test_a_rewrite_that_alone_keeps_its_subject_term_in_a_short_stretch(y58_59) -> None:
    # 58/114 OP 14 "Encourages the donor community to improve its response ... through
    # policies and practices of good donorship ..." -> 59/141 OP 20 "Takes note with
    # interest of the progress being made by donors to improve their policies and
    # practices of good donorship ..." (Dice 0.39): each the other's best candidate in
    # the few paragraphs left between their neighbours, and "good donorship" is in no
    # other of them. The two footnote lines 58/114 left between them are no bound.
    cmp = y58_59
    pair = _pair_of_old(cmp, "Encourages the donor community")
    assert pair.new == (_id(cmp.new.paragraphs, "Takes note with interest of the progress"),)
    assert pair.kind == PairKind.MODIFIED and not pair.moved


def test_a_generic_word_kept_alone_makes_no_rewrite(load_corpus) -> None:
    # 80/15 "Encourages once again States Parties to Additional Protocols I and II ..."
    # and 80/16 "Requests the Secretary-General to provide the necessary support ...":
    # best candidates in the last few paragraphs of two unrelated texts, sharing the
    # word "additional" but no term ("Additional Protocols" is not in the other).
    cmp = compare(load_corpus("ga80/md/A_RES_80_15.md"), load_corpus("ga80/md/A_RES_80_16.md"))
    o = _id(cmp.old.paragraphs, "Encourages once again States Parties")
    assert [p.new for p in cmp.pairs if o in p.old] == [()]


def test_a_split_part_that_brings_what_the_other_part_lacks(y60_61) -> None:
    # 60/124 OP 12 (needs assessments, then the consolidated appeals process) -> 61/134
    # OP 11 (the appeals, 81 % of the old words) + OP 12 ("... common mechanisms to
    # improve their transparency and the reliability of their humanitarian needs
    # assessments ...": half of it new words, so the two together fit worse by Dice, but
    # it brings most of what OP 11 lacks, "reliability" and "assessments" among it).
    _assert_split(
        y60_61,
        "Calls upon relevant United Nations organizations to continue",
        (
            "Calls upon relevant United Nations organizations to support",
            "Calls upon United Nations humanitarian organizations",
        ),
    )
