"""Redline: accept all = the new text, reject all = the old text, exactly, on real texts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from docx.oxml.ns import qn

from drafter.compare import compare
from drafter.export import write_redline
from drafter.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)


def renumbered(res: Resolution, paragraphs: list[Paragraph]) -> Resolution:
    """Give paragraphs fresh ids and sequential operative numbers, as a real revision would."""
    out, n = [], 0
    for i, p in enumerate(paragraphs):
        number = p.number
        if p.kind == ParaKind.OPERATIVE and p.level == 0 and p.number:
            n += 1
            number = str(n)
        out.append(dataclasses.replace(p, id=i, number=number))
    return dataclasses.replace(res, paragraphs=tuple(out))


def perturb(res: Resolution, seed: int) -> Resolution:
    """A plausible next draft: edits, a deletion, an insertion, a move, a split, a merge."""
    rng = random.Random(seed)
    ps = list(res.paragraphs)
    body = [i for i, p in enumerate(ps) if p.kind in (ParaKind.OPERATIVE, ParaKind.PREAMBULAR)]
    for i in rng.sample(body, 3):  # word edits
        words = ps[i].text.split(" ")
        k = rng.randrange(1, max(2, len(words) - 1))
        words[k] = "substantially " + words[k].upper()
        del words[max(0, k - 3)]
        ps[i] = dataclasses.replace(ps[i], text=" ".join(words))
    ops = [i for i, p in enumerate(ps) if p.kind == ParaKind.OPERATIVE and p.level == 0]
    a, b = sorted(rng.sample(ops[2:], 2))
    moved = ps.pop(b)  # move a paragraph up
    ps.insert(a, moved)
    new = dataclasses.replace(
        ps[ops[1]],
        text="Requests the Secretary-General to report on the implementation of the "
        "present resolution at its next session;",
        lead=8,
        footnotes=(),
    )
    ps.insert(ops[1] + 1, new)
    del ps[ops[0]]  # delete a paragraph
    # split a long paragraph at a "; " or ", "
    long_i = max(range(len(ps)), key=lambda i: len(ps[i].text) * (ps[i].kind == "operative"))
    t = ps[long_i].text
    cut = t.find(", ", len(t) // 2)
    if cut > 0:
        first = dataclasses.replace(ps[long_i], text=t[:cut] + ";", footnotes=())
        second = dataclasses.replace(ps[long_i], text="Also " + t[cut + 2 :], lead=0)
        ps[long_i : long_i + 1] = [first, second]
    return renumbered(res, ps)


def check_round_trip(review, comparison: Comparison, path) -> None:
    write_redline(comparison, path, when=dt.datetime(2013, 10, 3, 12, tzinfo=dt.UTC))
    assert review.accept_all(path, footnotes=True) == review.expected_texts(
        comparison.new, footnotes=True
    )
    assert review.reject_all(path, footnotes=True) == review.expected_texts(
        comparison.old, footnotes=True
    )
    ids = review.revision_ids(review.open_docx(path))
    assert len(ids) == len(set(ids))


def test_samples_versions_accept_reject(review, sample_versions, tmp_path):
    path = tmp_path / "redline.docx"
    check_round_trip(review, sample_versions, path)
    doc = review.open_docx(path)
    body = doc.element.body
    ins = list(body.iter(qn("w:ins")))
    dels = list(body.iter(qn("w:del")))
    assert ins and dels
    for el in ins + dels:
        assert el.get(qn("w:author")) == "Drafter"
        assert el.get(qn("w:date")) == "2013-10-03T12:00:00Z"
    # whole inserted / deleted paragraphs carry tracked paragraph marks
    marks = [
        el.getparent().getparent().getparent()
        for el in ins + dels
        if el.getparent().tag == qn("w:rPr") and el.getparent().getparent().tag == qn("w:pPr")
    ]
    assert len(marks) >= sample_versions.summary["inserted"] + sample_versions.summary["deleted"]


def test_67_219_against_68_4_in_versions_mode(review, res_67_219, res_68_4, tmp_path):
    """Two different texts compared as versions: almost everything changes, still exact."""
    check_round_trip(review, compare(res_67_219, res_68_4), tmp_path / "r.docx")
    check_round_trip(review, compare(res_68_4, res_67_219), tmp_path / "r2.docx")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_perturbed_67_219(review, res_67_219, tmp_path, seed):
    new = perturb(res_67_219, seed)
    comparison = compare(res_67_219, new)
    assert comparison.summary["changes"] >= 5
    check_round_trip(review, comparison, tmp_path / "p.docx")


def test_perturbed_corpus_family(review, corpus, tmp_path):
    from drafter.ingest import load

    folder = corpus / "families" / "draft-to-adopted"
    old, new = load(folder / "A_80_L.2.txt"), load(folder / "A_RES_80_1.md")
    check_round_trip(review, compare(old, new), tmp_path / "f.docx")


def _res(texts, kinds=None) -> Resolution:
    ps = []
    n = 0
    for i, t in enumerate(texts):
        kind = (kinds or {}).get(i, ParaKind.OPERATIVE)
        number = None
        if kind == ParaKind.OPERATIVE:
            n += 1
            number = str(n)
        ps.append(Paragraph(i, kind, number, t, lead=len(t.split()[0]) if t else 0))
    return Resolution("A/1", "T", dt.date(2020, 1, 1), tuple(ps))


def test_hand_made_moves_splits_merges_and_bad_diffs(review, tmp_path):
    old = _res(
        [
            "Alpha one.",
            "Beta two.",
            "Gamma three, four.",
            "Delta five.",
            "Eps six.",
            "Zeta seven.",
            "Eta eight.",
        ]
    )
    new = _res(
        [
            "Delta five.",
            "Alpha one!",
            "New para.",
            "Gamma three,",
            "four.",
            "Eps six. Zeta seven.",
            "Eta eight.",
        ]
    )
    pairs = (
        Pair(PairKind.MOVED, (3,), (0,), 1.0),
        Pair(
            PairKind.MODIFIED, (0,), (1,), 0.9, ((EQUAL, "Alpha one"), (DELETE, "."), (INSERT, "!"))
        ),
        Pair(PairKind.DELETED, (1,), (), 0.0),
        Pair(PairKind.INSERTED, (), (2,), 0.0),
        Pair(
            PairKind.SPLIT,
            (2,),
            (3, 4),
            0.9,
            ((EQUAL, "Gamma three,"), (DELETE, " "), (INSERT, "\n"), (EQUAL, "four.")),
        ),
        Pair(
            PairKind.MERGED,
            (4, 5),
            (5,),
            0.9,
            ((EQUAL, "Eps six."), (DELETE, "\n"), (INSERT, " "), (EQUAL, "Zeta seven.")),
        ),
        Pair(PairKind.UNCHANGED, (6,), (6,), 1.0, ((EQUAL, "stale diff"),)),  # wrong on purpose
    )
    comparison = Comparison(old, new, pairs)
    path = tmp_path / "hand.docx"
    check_round_trip(review, comparison, path)
    doc = review.open_docx(path)
    comments = [c.text for c in doc.comments]
    assert any("Moved from OP 4" in c for c in comments)
    assert any("Moved to OP 1" in c for c in comments)
    assert any("split into OP 4 and OP 5" in c for c in comments)
    assert any("OP 5 and OP 6 merged into OP 6" in c for c in comments)


def test_out_of_order_pairs_are_laid_out_consistently(review, tmp_path):
    """Pairs given in a poor order (deleted far from home, crossing pairs) still round-trip."""
    old = _res(["a a.", "b b.", "c c.", "d d.", "e e."])
    new = _res(["e e.", "c c.", "x x.", "a a.", "b b."])
    pairs = (
        Pair(PairKind.DELETED, (3,), (), 0.0),
        Pair(PairKind.MODIFIED, (4,), (0,), 1.0),
        Pair(PairKind.UNCHANGED, (2,), (1,), 1.0),
        Pair(PairKind.INSERTED, (), (2,), 0.0),
        Pair(PairKind.UNCHANGED, (0,), (3,), 1.0),
        Pair(PairKind.UNCHANGED, (1,), (4,), 1.0),
    )
    check_round_trip(review, Comparison(old, new, pairs), tmp_path / "o.docx")


def test_unique_ids_across_comments_and_revisions(review, sample_versions, tmp_path):
    old, new = sample_versions.old, sample_versions.new
    notes_new = [review.make_note(new, 9, "Capital wants this kept", quote="important")]
    notes_old = [review.make_note(old, 9, "Old wording was weaker", version_id=0)]
    path = tmp_path / "n.docx"
    write_redline(sample_versions, path, old_notes=notes_old, new_notes=notes_new)
    doc = review.open_docx(path)
    rev_ids = review.revision_ids(doc)
    comment_ids = [str(c.comment_id) for c in doc.comments]
    assert len(comment_ids) >= 2
    assert not set(rev_ids) & set(comment_ids)
    assert review.accept_all(path) == review.expected_texts(new)


def test_footnotes_become_word_footnotes(review, res_67_219, tmp_path):
    new = perturb(res_67_219, 5)
    path = tmp_path / "fn.docx"
    write_redline(compare(res_67_219, new), path)
    doc = review.open_docx(path)
    rels = [r for r in doc.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert rels, "no footnotes part"
    xml = rels[0].target_part.blob.decode("utf-8")
    for fn in res_67_219.footnotes:
        assert fn.text[:30].replace("&", "&amp;") in xml
    refs = list(doc.element.body.iter(qn("w:footnoteReference")))
    assert len(refs) >= len(res_67_219.footnotes)


def test_typography_numbers_and_italic_leads(review, res_67_219, tmp_path):
    from drafter.export.typography import label_text

    path = tmp_path / "t.docx"
    write_redline(compare(res_67_219, res_67_219), path)
    doc = review.open_docx(path)
    region = review.body_region(doc)
    assert not list(doc.element.body.iter(qn("w:ins"), qn("w:del")))  # nothing changed
    ops = [p for p in res_67_219.paragraphs if p.kind == ParaKind.OPERATIVE and p.level == 0]
    assert [label_text(p) for p in ops[:3]] == ["1.", "2.", "3."]
    subs = [label_text(p) for p in res_67_219.paragraphs if p.level > 0]
    assert subs[:2] == ["(a)", "(b)"] and "(i)" in subs
    # the italic run of each preambular paragraph is exactly its lead words
    pre = [p for p in res_67_219.paragraphs if p.kind == ParaKind.PREAMBULAR and p.lead]
    assert pre
    texts = {}
    for p_el in region:
        italics = "".join(
            t.text or ""
            for r in p_el.iter(qn("w:r"))
            if r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None
            for t in r.iter(qn("w:t"))
        )
        full = "".join(t.text or "" for t in p_el.iter(qn("w:t")))
        texts[full] = italics
    for p in pre:
        assert texts[p.text] == p.text[: p.lead]


def test_thousand_paragraph_comparison_round_trips(review, tmp_path):
    """The benchmark's comparison (real ga80 paragraphs, ~450 changes) is exact too."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from export_speed import build_comparison

    comparison = build_comparison(1000)
    assert comparison.summary["moved"] and comparison.summary["split"]
    check_round_trip(review, comparison, tmp_path / "big.docx")


def test_unedited_moves_use_word_move_markup(review, tmp_path):
    old = _res(["Alpha one.", "Beta two.", "Gamma three.", "Delta four."])
    new = _res(["Delta four.", "Alpha one.", "Beta two!", "Gamma three."])
    pairs = (
        Pair(PairKind.MOVED, (3,), (0,), 1.0),
        Pair(PairKind.UNCHANGED, (0,), (1,), 1.0),
        Pair(PairKind.MOVED, (1,), (2,), 0.9, moved_edited=True),
        Pair(PairKind.UNCHANGED, (2,), (3,), 1.0),
    )
    comparison = Comparison(old, new, pairs)
    path = tmp_path / "move.docx"
    check_round_trip(review, comparison, path)
    body = review.open_docx(path).element.body
    starts = {
        tag: [el.get(qn("w:name")) for el in body.iter(qn(f"w:{tag}RangeStart"))]
        for tag in ("moveFrom", "moveTo")
    }
    assert starts["moveFrom"] == starts["moveTo"] and len(starts["moveFrom"]) == 1
    for tag in ("moveFrom", "moveTo"):
        start_ids = {el.get(qn("w:id")) for el in body.iter(qn(f"w:{tag}RangeStart"))}
        end_ids = {el.get(qn("w:id")) for el in body.iter(qn(f"w:{tag}RangeEnd"))}
        assert start_ids == end_ids
    moved_text = "".join(t.text for el in body.iter(qn("w:moveTo")) for t in el.iter(qn("w:t")))
    assert moved_text == "1.Delta four."  # label and text; the tab is a w:tab
    # the edited move (OP 2 -> OP 3) stays a plain deletion + insertion
    deleted = "".join(t.text for t in body.iter(qn("w:delText")))
    assert "Beta two." in deleted


def test_incomplete_or_foreign_comparisons(review, res_67_219, res_68_4, tmp_path):
    from drafter.compare import relate
    from drafter.errors import ExportError

    with pytest.raises(ExportError, match="side-by-side"):
        write_redline(relate(res_67_219, res_68_4), tmp_path / "x.docx")
    old = _res(["One a.", "Two b.", "Three c."])
    new = _res(["One a.", "Three c!", "Four d."])
    # pairs that forget paragraphs: the redline still reads as each version
    partial = Comparison(old, new, (Pair(PairKind.UNCHANGED, (0,), (0,), 1.0),))
    check_round_trip(review, partial, tmp_path / "partial.docx")
    bad = Comparison(old, new, (Pair(PairKind.UNCHANGED, (0,), (7,), 1.0),))
    with pytest.raises(ExportError, match="paragraph 8 of the new version"):
        write_redline(bad, tmp_path / "bad.docx")
    twice = Comparison(
        old, new, (Pair(PairKind.UNCHANGED, (0,), (0,), 1.0), Pair(PairKind.DELETED, (0,), (), 0))
    )
    with pytest.raises(ExportError, match="twice"):
        write_redline(twice, tmp_path / "twice.docx")
    assert not (tmp_path / "bad.docx").exists()


def test_control_characters_and_odd_authors_do_not_break_the_file(review, tmp_path):
    old = _res(["Form\x0cfeed text.", "Plain."])
    new = _res(["Form feed text.", "Plain\x01 now."])
    comparison = compare(old, new)
    path = write_redline(comparison, tmp_path / "odd.docx", author="\x07 Ms. X\x00")
    doc = review.open_docx(path)
    authors = {el.get(qn("w:author")) for el in doc.element.body.iter(qn("w:ins"))}
    assert authors == {"Ms. X"}
    assert review.accept_all(path) == ["1.\tForm feed text.", "2.\tPlain now."]


def test_reader_warnings_are_on_the_cover(review, sample_versions, tmp_path):
    new = dataclasses.replace(sample_versions.new, warnings=("a table on page 3 was skipped",))
    comparison = dataclasses.replace(sample_versions, new=new)
    doc = review.open_docx(write_redline(comparison, tmp_path / "w.docx"))
    texts = [
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    ]
    assert "When reading A_RES_68_4.md: a table on page 3 was skipped" in texts


def test_approximate_and_formatting_only_pairs_are_explained(review, tmp_path):
    old = _res(["Alpha “one”.", "Beta two three four."])
    new = _res(['Alpha "one".', "Beta two five four."])
    pairs = (
        Pair(PairKind.MODIFIED, (0,), (0,), 0.99, formatting_only=True),
        Pair(PairKind.MODIFIED, (1,), (1,), 0.8, approximate=True),
    )
    comparison = Comparison(old, new, pairs)
    path = tmp_path / "ap.docx"
    check_round_trip(review, comparison, path)
    comments = [c.text for c in review.open_docx(path).comments]
    assert any(c.startswith("Formatting only") for c in comments)
    assert any(c.startswith("Approximate") for c in comments)
