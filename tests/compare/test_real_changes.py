"""Focused behaviours of versions mode on real paragraphs (issue 10, part 3).

The gold-based measurement is tests/compare/test_real_alignment.py; these pin the
individual rules on the real texts that show them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.compare.similarity import profile
from drafter.compare.tokens import formatting_key
from drafter.ingest import load
from drafter.model import PairKind

NEG = "negotiation/"
HUM = "families/humanitarian-coordination/"


def _pair_opening(cmp, opening: str):
    (pair,) = [
        p for p in cmp.pairs if p.old and cmp.old.paragraphs[p.old[0]].text.startswith(opening)
    ]
    return pair


def _with_digit(res, digit: str):
    """The draft as an extraction that kept a footnote number as a word would give it
    ("Indigenous women and girls 12 and"; ingest now detaches it, as it should)."""
    i = next(p.id for p in res.paragraphs if p.text.startswith("Noting Committee on the"))
    text = res.paragraphs[i].text
    if f"girls {digit} and" not in text:
        text = text.replace("girls and", f"girls {digit} and", 1)
    para = replace(res.paragraphs[i], text=text)
    return replace(res, paragraphs=(*res.paragraphs[:i], para, *res.paragraphs[i + 1 :]))


def test_a_leftover_footnote_number_is_formatting_only(load_corpus) -> None:
    # Footnote 12 left as a word in the draft, detached as a marker in the adopted text:
    # no change in wording.
    old = _with_digit(load_corpus(NEG + "indigenous-women-girls-day/A_80_L.11.txt"), "12")
    new = load_corpus(NEG + "indigenous-women-girls-day/A_RES_80_10.txt")
    cmp = compare(old, new)
    pair = _pair_opening(cmp, "Noting Committee on the Elimination of Discrimination")
    a, b = cmp.old.paragraphs[pair.old[0]].text, cmp.new.paragraphs[pair.new[0]].text
    assert "girls 12 and" in a and "girls and" in b
    assert pair.formatting_only and pair.kind == PairKind.MODIFIED


def test_a_number_that_is_no_footnote_is_a_change(load_corpus) -> None:
    # The same paragraph with a number that is not one of the document's footnotes
    # (the draft has footnotes 1-13): a real change of wording.
    old = _with_digit(load_corpus(NEG + "indigenous-women-girls-day/A_80_L.11.txt"), "99")
    new = load_corpus(NEG + "indigenous-women-girls-day/A_RES_80_10.txt")
    pair = _pair_opening(compare(old, new), "Noting Committee on the Elimination of Discrimination")
    assert not pair.formatting_only


def test_a_compound_broken_at_a_line_end_is_formatting_only(load_corpus) -> None:
    # "Non- Proliferation" (a line-end hyphen the extraction kept with a space) beside
    # "Non-Proliferation"; a suspended hyphen ("pre- and post-conflict") stays as it is.
    old = load_corpus(NEG + "icj-advisory-opinion-followup/A_C.1_80_L.25.txt")
    new = load_corpus(NEG + "icj-advisory-opinion-followup/A_RES_80_33.txt")
    cmp = compare(old, new)
    changed = [p for p in cmp.pairs if p.old and p.new and p.is_change and not p.formatting_only]
    assert not [p for p in changed if "Proliferation" in cmp.old.paragraphs[p.old[0]].text]
    assert formatting_key("pre- and post-conflict") == "pre- and post-conflict"


def test_a_preambular_paragraph_made_operative_keeps_its_opening_verb(load_corpus) -> None:
    # 48/57's operative "Takes note of the report of the Secretary-General" and 51/194's
    # preambular "Taking note of the report of the Secretary-General, in particular ...":
    # the opening verb compares as one word in either form.
    old = load_corpus(HUM + "A_RES_48_57.txt")
    new = load(Path(__file__).resolve().parents[1] / "data/real_pairs/A_RES_51_194.txt")
    op = next(p for p in old.paragraphs if p.text.startswith("Takes note of the report"))
    pp = next(p for p in new.paragraphs if p.text.startswith("Taking note of the report"))
    assert op.kind != pp.kind
    assert profile(op.text).words[:6] == profile(pp.text).words[:6]
    for verbs in (("Recognizing", "Recognizes"), ("Stressing", "Stresses"), ("Noting", "Notes")):
        a, b = (profile(f"{v} the importance").words[0] for v in verbs)
        assert a == b


@pytest.fixture(scope="module")
def hum_47_48(load_corpus):
    """A/RES/47/168 (OCR) -> A/RES/48/57 (layout text): next year's rewrite."""
    return compare(load_corpus(HUM + "A_RES_47_168.txt"), load_corpus(HUM + "A_RES_48_57.txt"))


def test_a_merge_whose_members_were_not_adjacent(hum_47_48) -> None:
    # 47/168: "Deeply concerned about the magnitude and ruinous effects of disasters ..."
    # (PP 2) and, two paragraphs on, "Noting the increasing number and complexity of
    # disasters ..." (PP 4) -> 48/57: "Deeply concerned about the increasing number and
    # growing magnitude and complexity of natural disasters and other emergencies".
    cmp = hum_47_48
    old, new = cmp.old, cmp.new
    a = next(p.id for p in old.paragraphs if p.text.startswith("Deeply concerned about the magn"))
    b = next(p.id for p in old.paragraphs if p.text.startswith("Noting the increasing number"))
    n = next(p.id for p in new.paragraphs if p.text.startswith("Deeply concerned about the incr"))
    assert b - a == 2
    (pair,) = [p for p in cmp.pairs if a in p.old]
    assert pair.kind == PairKind.MERGED and pair.old == (a, b) and pair.new == (n,)


def test_a_rewrite_behind_the_same_distinctive_opening(hum_47_48) -> None:
    # 47/168 OP 2 and 48/57 OP 3 both open "Emphasizes the leadership role of the
    # Secretary-General" (no other paragraph does) and share little else (Dice 0.39).
    cmp = hum_47_48
    old, new = cmp.old, cmp.new
    o = next(p.id for p in old.paragraphs if p.text.startswith("Emphasizes the leadership role"))
    n = next(p.id for p in new.paragraphs if p.text.startswith("Emphasizes the leadership role"))
    (pair,) = [p for p in cmp.pairs if o in p.old]
    assert n in pair.new
    # Openings shared by several paragraphs ("Requests the Secretary-General to include
    # in his ...") raise nothing: every weak pair has an opening unique on both sides.
    for p in cmp.pairs:
        if p.kind == PairKind.MODIFIED and p.similarity < 0.5 and len(p.old) == len(p.new) == 1:
            head = profile(cmp.old.paragraphs[p.old[0]].text).words[:5]
            same = [q for q in cmp.old.paragraphs if profile(q.text).words[:5] == head]
            assert len(same) == 1
