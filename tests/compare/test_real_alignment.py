"""Alignment on real drafting changes, against the hand-checked gold.

The full measurement, with the held-out pairs, is benchmarks/real_alignment.py; this
runs the pairs used while developing and fails when a figure falls below what the
engine reaches today (all but one at link F1 1.000; the issue's target is 0.98 on
every pair).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.compare.evidence import Evidence
from drafter.compare.similarity import dice, pair_score, profile
from drafter.ingest import load
from drafter.model import PairKind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_alignment as ra  # noqa: E402

# Per-pair link F1 reached today (held-out pairs are not run here).
FLOORS = {
    "awaza_L4_to_80_3": 1.0,
    "cuba_73_8_to_L6": 1.0,
    "humanitarian_47_168_to_48_57": 1.0,
    "humanitarian_48_57_to_49_139": 1.0,
    "humanitarian_48_57_to_51_194": 1.0,
    "humanitarian_53_88_to_54_95": 1.0,
    "humanitarian_53_88_to_56_107": 1.0,
    "humanitarian_53_88_to_57_153": 1.0,
    "humanitarian_54_95_to_55_164": 1.0,
    "humanitarian_55_164_to_56_107": 1.0,
    "humanitarian_56_107_to_57_153": 1.0,
    "humanitarian_57_153_to_58_114": 1.0,
    "humanitarian_58_114_to_59_141": 1.0,
    # Missed: "Concerned about the need to mobilize adequate support ..." ->
    # "Emphasizing the need to mobilize adequate resources ..." (Dice 0.34).
    "humanitarian_60_124_to_61_134": 0.983,
    "icc_report_73_7_to_80_6": 1.0,
    "palestine_L2_to_80_1_md": 1.0,
    "palestine_L2_to_80_1_pymupdf": 1.0,
}
HUM = "families/humanitarian-coordination/"


@pytest.fixture(scope="module")
def scores(corpus):
    return ra.run_all(held_out=False)


def test_every_gold_reference_names_one_paragraph(scores) -> None:
    assert [u for s in scores for u in s.unresolved] == []
    assert {s.name for s in scores} == set(FLOORS)


def test_no_pair_falls_below_its_floor(scores) -> None:
    low = {s.name: round(s.links.f1, 3) for s in scores if s.links.f1 < FLOORS[s.name] - 1e-9}
    assert low == {}


def test_precision_of_links_moves_and_merges_holds(scores) -> None:
    tot = ra.total(scores)
    assert tot["links"].precision >= 0.99
    assert tot["moves"].precision >= ra.TARGET_PRECISION
    assert tot["merges"].precision >= ra.TARGET_PRECISION
    assert tot["splits"].precision >= ra.TARGET_PRECISION
    assert tot["links"].f1 >= 0.98
    assert tot["merges"].recall >= ra.TARGET_RECALL
    assert tot["splits"].recall >= ra.TARGET_RECALL
    assert tot["moves"].recall >= ra.TARGET_RECALL


def test_gold_that_cannot_be_found_is_reported_not_a_crash(corpus, tmp_path) -> None:
    gold = tmp_path / "x.gold"
    gold.write_text(
        f"old: corpus:{HUM}A_RES_47_168.txt\nnew: corpus:{HUM}A_RES_48_57.txt\n"
        "OP 1: No paragraph opens like this => OP 1: Takes note of the report\n",
        encoding="utf-8",
    )
    score = ra.run(ra.parse_gold(gold))
    assert len(score.unresolved) == 1 and "no paragraph opens" in score.unresolved[0]


def _para(res, opening: str):
    (p,) = [p for p in res.paragraphs if p.text.startswith(opening)]
    return p


def test_a_short_paragraph_grown_into_a_long_one_still_matches(load_corpus) -> None:
    # 48/57's "Reaffirming its resolutions 46/182 ... and 47/168 ..." became a list of six
    # resolutions in 51/194: little overall overlap, but the old text is all in the new.
    old = load_corpus(HUM + "A_RES_48_57.txt")
    new = load(ROOT / "tests/data/real_pairs/A_RES_51_194.txt")
    a = _para(old, "Reaffirming its resolutions 46/182")
    b = _para(new, "Reaffirming its resolutions 46/182")
    pa, pb = profile(a.text), profile(b.text)
    assert dice(pa.bag, pb.bag, pa.size, pb.size) < 0.5 <= pair_score(pa, pb) < 0.6
    cmp = compare(old, new)
    (pair,) = [p for p in cmp.pairs if a.id in p.old]
    assert pair.new == (b.id,) and pair.kind == PairKind.MODIFIED


def test_containment_alone_never_makes_a_move(load_corpus) -> None:
    # 47/168's "Noting the increasing number and complexity of disasters ..." is nearly all
    # inside a paragraph of 49/139 B, a different resolution further on: not its version.
    old = load_corpus(HUM + "A_RES_47_168.txt")
    new = load(ROOT / "tests/data/real_pairs/A_RES_49_139.txt")
    a = _para(old, "Noting the increasing number and complexity")
    b = _para(new, "Recognizing, in the light of the increasing number")
    assert pair_score(profile(a.text), profile(b.text)) < 0.6
    cmp = compare(old, new)
    assert not [p for p in cmp.pairs if a.id in p.old and b.id in p.new]


def test_the_one_paragraph_left_between_two_anchors_is_a_rewrite(load_corpus) -> None:
    # The OCR'd closing line of 47/168 ("93rd _ plenary meeting") is not read as a closing
    # line, so only its place says it is the one 48/57 replaced: the last paragraph
    # left after the last operative pair, on both sides.
    old = load_corpus(HUM + "A_RES_47_168.txt")
    new = load_corpus(HUM + "A_RES_48_57.txt")
    a = _para(old, "93rd _ plenary meeting")
    b = _para(new, "78th plenary meeting")
    cmp = compare(old, new)
    (pair,) = [p for p in cmp.pairs if a.id in p.old]
    assert pair.new == (b.id,) and pair.kind == PairKind.MODIFIED


def _pairs_of(cmp, a, b):
    return [p for p in cmp.pairs if a.id in p.old and b.id in p.new]


def test_two_requests_sharing_only_their_formula_are_not_one_paragraph(load_corpus) -> None:
    # 48/57 asks for the IASC's recommendations in the report to the Council; 49/139 B
    # for an assessment of the "White Helmets": two thirds of their words are the same
    # request formula, none of their subject. A rewrite in place shares its subject.
    old = load_corpus(HUM + "A_RES_48_57.txt")
    new = load(ROOT / "tests/data/real_pairs/A_RES_49_139.txt")
    a = _para(old, "Also requests the Secretary-General to include in his report")
    b = _para(new, "Invites the Secretary-General, in this context, to include")
    pa, pb = profile(a.text), profile(b.text)
    assert 0.6 <= dice(pa.bag, pb.bag, pa.size, pb.size) < 0.7
    everything = Evidence(profile(p.text).bag.keys() for p in (*old.paragraphs, *new.paragraphs))
    assert not everything.shares_rare_word(pa, pb)
    c = _para(old, "Also stresses, in this regard, that the Inter-Agency")
    d = _para(new, "Stresses the need for the Inter-Agency Standing Committee")
    assert everything.shares_rare_word(profile(c.text), profile(d.text))  # "primary", "meet"
    cmp = compare(old, new)
    assert not _pairs_of(cmp, a, b)
    # ... and the rewrite, five places from where the few pairs around it put it but
    # crossing none of them, is one paragraph modified in place.
    (pair,) = _pairs_of(cmp, c, d)
    assert pair.kind == PairKind.MODIFIED


def test_an_operative_paragraph_turned_preambular_behind_the_same_opening(load_corpus) -> None:
    # 48/57's "Takes note of the report of the Secretary-General;" is the opening of
    # 51/194's third preambular paragraph: far from its place, all of it kept, the same
    # eight opening words found on no other paragraph of either text.
    old = load_corpus(HUM + "A_RES_48_57.txt")
    new = load(ROOT / "tests/data/real_pairs/A_RES_51_194.txt")
    a = _para(old, "Takes note of the report of the Secretary-General;")
    b = _para(new, "Taking note of the report of the Secretary-General,")
    assert a.kind == "operative" and b.kind == "preambular"
    assert pair_score(profile(a.text), profile(b.text)) < 0.6  # not enough for a move alone
    cmp = compare(old, new)
    (pair,) = _pairs_of(cmp, a, b)
    assert pair.kind == PairKind.MOVED
    # "Calls upon States to respond quickly and generously to consolidated appeals ...":
    # lengthened (Dice 0.59) and five places from where the pairs around it put it.
    c = _para(old, "Calls upon States to respond quickly")
    d = _para(new, "Calls upon States to respond quickly")
    assert len(_pairs_of(cmp, c, d)) == 1


def test_two_agenda_items_behind_one_formula_are_not_a_move() -> None:
    # Eight equal opening words are no evidence when all they share is the formula and
    # neither is inside the other.
    from drafter.compare import compare as cmp_
    from drafter.ingest import parse_text

    body = [
        "Recalling its resolution 79/20 of 2 December 2024 on the question of youth,",
        "Welcoming the work of the Office for Disarmament Affairs in the field,",
        "Decides to include in the provisional agenda of its eighty-second session, under "
        "the item entitled “General and complete disarmament”, the sub-item "
        "entitled “Youth, disarmament and non-proliferation”.",
    ]
    other = [
        "Decides to include in the provisional agenda of its eighty-first session an item "
        "entitled “Group of Scientific and Technical Experts on Nuclear Disarmament "
        "Verification”.",
        *body[:2],
    ]
    old = parse_text("\n\n".join(body), fmt="txt")
    new = parse_text("\n\n".join(other), fmt="txt")
    cmp = cmp_(old, new)
    a = old.paragraphs[-1]
    assert not [p for p in cmp.pairs if a.id in p.old and p.new]
