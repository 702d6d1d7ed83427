"""The history engine on real families of ../shared/corpus: threads read as a drafter would."""

from __future__ import annotations

import pytest
from history_helpers import AWAZA, CUBA, HUM, PALESTINE, cells, check_history, row

from drafter.history import Change, blame, build_history


@pytest.mark.parametrize(
    "files", [HUM, CUBA, PALESTINE, AWAZA], ids=["hum", "cuba", "pal", "awaza"]
)
def test_every_paragraph_belongs_to_exactly_one_step(files, family_history, load_corpus) -> None:
    history = family_history(files)
    check_history(history, [load_corpus(f) for f in files])
    assert not history.warnings


def test_negotiation_families_draft_to_adopted(corpus, load_corpus) -> None:
    """All 20 draft → adopted families: complete histories, no warning, and every
    numbered operative paragraph of the draft reaches the adopted text."""
    folders = sorted(p for p in (corpus / "negotiation").iterdir() if p.is_dir())
    assert len(folders) == 20
    for folder in folders:
        files = sorted(folder.glob("*.txt"), key=lambda p: "RES" in p.name)  # draft first
        texts = [load_corpus(str(f.relative_to(corpus))) for f in files]
        history = build_history(texts)
        check_history(history, texts)
        assert not history.warnings, folder.name
        for t in history.threads:
            first = t.steps[0]
            if first.version == 0 and first.kind == "operative" and first.number:
                assert t.last == 1 or t.merged_into is not None, (folder.name, first.label)


def _cut(res, number: str, at: str):
    """``res`` with paragraph ``number`` cut in two before ``at``, the way a page break
    cut it in older extractions (the tail a paragraph of its own)."""
    from dataclasses import replace

    from drafter.model import ParaKind

    paras = []
    for p in res.paragraphs:
        if p.number == number:
            k = p.text.index(at)
            paras.append(replace(p, id=len(paras), text=p.text[:k].rstrip(), footnotes=(),
                                 footnote_offsets=()))  # fmt: skip
            p = replace(p, kind=ParaKind.OTHER, number=None, text=p.text[k:], lead=0)
        paras.append(replace(p, id=len(paras)))
    return replace(res, paragraphs=tuple(paras))


def test_a_merge_joins_threads(corpus, load_corpus) -> None:
    """A/80/L.7 → A/RES/80/7 with the draft's OP 2 cut at its page break (as a PDF
    text read before the cleaner rejoined it): the adopted text has it in one."""
    files = ("negotiation/iaea-report/A_80_L.7.txt", "negotiation/iaea-report/A_RES_80_7.txt")
    draft, adopted = (load_corpus(f) for f in files)
    h = build_history([_cut(draft, "2", "GC(69)/DEC/11"), adopted])
    op2 = row(h, 1, "2")
    assert op2.steps[1].change == Change.MERGED and op2.steps[1].mark == ">"
    joined = [t for t in h.threads if t.merged_into == op2.index]
    assert len(joined) == 1
    tail = joined[0]
    assert tail.last == 0 and tail.steps[0].text.startswith("GC(69)/DEC/11")
    assert len(op2.steps[1].sources) == 2
    assert op2.changed_after(0) and tail.changed_after(0) and not tail.changed_after(1)


def test_cuba_threads(family_history) -> None:
    h = family_history(CUBA)
    n = len(h.versions)
    # Last year's resolutions list grows in the L-document; the adopted text keeps it.
    assert cells(row(h, 0, "PP 6"), n) == ["PP 6", "PP 6*", "PP 6"]
    op5 = row(h, 0, "5")
    assert cells(op5, n) == ["5", "5*", "5"]
    assert [(op, t) for op, t in op5.steps[1].diff if op] == [
        (-1, "seventy-fourth"),
        (1, "eighty-first"),
    ]
    # Every operative paragraph of 73/8 runs through to 80/4 under its own number.
    for number in "12345":
        assert [s.label for s in row(h, 0, number).steps] == [number] * 3
    # The sponsor line of the draft was there only in the draft.
    sponsor = row(h, 1, "¶ 3")
    assert sponsor.latest().text == "Cuba: draft resolution"
    assert cells(sponsor, n) == ["—", "¶ 3", "—"]
    assert sponsor.steps[-1].change == Change.DELETED
    # "Changed since the L-document": nothing substantive changed at adoption.
    since_l = [h.threads[i] for i in h.changed_since(1, ignore_formatting=True)]
    assert all(t.latest().kind not in ("operative", "preambular") for t in since_l)


def test_humanitarian_threads(family_history) -> None:
    """46/182 (annex) → 47/168 → 48/57: a guiding paragraph of the annex becomes an
    operative request of the follow-up resolutions, reworded year after year."""
    h = family_history(HUM)
    n = len(h.versions)
    report = row(h, 0, "35(i)")
    assert cells(report, n) == ["35(i)", "10*", "22*"]
    assert report.latest().text.startswith("Further requests the Secretary-General to include")
    donors = row(h, 0, "32")
    assert cells(donors, n) == ["32", "4*", "—"]
    assert donors.steps[1].text.startswith("Calls upon potential donors")
    assert donors.steps[-1].change == Change.DELETED
    # 47/168's "Deeply concerned about the magnitude ..." (PP 2) and "Noting the
    # increasing number and complexity ..." (PP 4) are one paragraph in 48/57 (PP 5,
    # "Deeply concerned about the increasing number and growing magnitude ...").
    concerned = row(h, 1, "PP 2")
    assert cells(concerned, n) == ["—", "PP 2", "PP 5>"]
    assert concerned.steps[0].change == Change.INSERTED
    noting = row(h, 1, "PP 4")
    assert cells(noting, n) == ["—", "PP 4", "—"]
    assert h.threads[noting.merged_into] is concerned
    # The annex of 46/182 is not repeated in 47/168: its sections end there.
    assert cells(row(h, 0, "1"), n)[1:] == ["—", "—"]


def test_palestine_threads(family_history) -> None:
    h = family_history(PALESTINE)
    inserted = row(h, 1, "PP 3")
    assert cells(inserted, 2) == ["—", "PP 3"]
    assert inserted.latest().text.startswith("Taking note of the meeting of the Committee")
    # PP 3 of the draft is PP 4 of the resolution: renumbered, not changed.
    recalling = row(h, 0, "PP 3")
    assert cells(recalling, 2) == ["PP 3", "PP 4"]
    assert recalling.steps[1].change == Change.UNCHANGED
    assert cells(row(h, 0, "1(b)"), 2) == ["1(b)", "1(b)*"]


def test_blame_marks_where_each_phrase_entered(family_history) -> None:
    h = family_history(CUBA)
    latest = row(h, 0, "5").latest()
    spans = blame(h, latest.version, latest.id)
    text = latest.text
    assert [(s.version, text[s.start : s.end]) for s in spans] == [
        (0, "Decides to include in the provisional agenda of its "),
        (1, "eighty-first"),
        (0, text[text.index(" session") :]),
    ]
    pp6 = row(h, 0, "PP 6").latest()
    entered = {pp6.text[s.start : s.end] for s in blame(h, 2, pp6.id) if s.version == 1}
    assert any("79/7 of 30 October 2024" in x for x in entered)


def test_blame_across_years(family_history) -> None:
    """48/57 OP 22: its core wording comes from the annex of 46/182, its session from 48/57."""
    h = family_history(HUM)
    latest = row(h, 0, "35(i)").latest()
    spans = blame(h, 2, latest.id)
    assert spans[0].start == 0 and spans[-1].end == len(latest.text)
    by_version = {}
    for s in spans:
        by_version.setdefault(s.version, []).append(latest.text[s.start : s.end])
    assert "forty-ninth" in "".join(by_version[2])
    assert "coordination of humanitarian emergency assistance" in "".join(by_version[0])
