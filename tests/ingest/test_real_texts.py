"""Exact expectations on the two real texts the issue names."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.ingest import load
from drafter.model import ParaKind


@pytest.fixture(scope="module")
def res_67_219(corpus):
    return load(corpus / "A_RES_67_219.pdf.txt")


@pytest.fixture(scope="module")
def res_68_4(corpus):
    return load(corpus / "A_RES_68_4.md")


def _kinds(res, kind):
    return [p for p in res.paragraphs if p.kind == kind]


def test_67_219_header(res_67_219):
    r = res_67_219
    assert r.symbol == "A/RES/67/219"
    assert r.date == dt.date(2012, 12, 21)
    assert r.title == "International migration and development"
    assert r.language == "en"


def test_67_219_counts_and_numbers(res_67_219):
    r = res_67_219
    assert len(_kinds(r, ParaKind.PREAMBULAR)) == 12
    ops = _kinds(r, ParaKind.OPERATIVE)
    assert [p.number for p in ops] == [str(n) for n in range(1, 20)]
    subs = [p.number for p in _kinds(r, ParaKind.SUBPARAGRAPH)]
    assert subs == [
        "3(a)", "3(b)", "3(b)(i)", "3(b)(ii)", "3(b)(iii)",
        "3(c)", "3(c)(i)", "3(c)(ii)", "3(c)(iii)", "3(c)(iv)", "3(d)",
    ]  # fmt: skip
    levels = {p.number: p.level for p in r.paragraphs if p.number}
    assert levels["3"] == 0 and levels["3(c)"] == 1 and levels["3(c)(iv)"] == 2
    closing = _kinds(r, ParaKind.CLOSING)
    assert len(closing) == 1 and closing[0].text.startswith("61st plenary meeting")
    assert [p.id for p in r.paragraphs] == list(range(len(r.paragraphs)))


def test_67_219_op15_op16_separate(res_67_219):
    by_num = {p.number: p for p in res_67_219.paragraphs if p.number}
    assert by_num["15"].text.endswith("developed and developing countries;")
    assert by_num["16"].text.startswith("Invites the regional commissions")
    assert "16." not in by_num["15"].text


def test_67_219_footnotes(res_67_219):
    r = res_67_219
    assert [fn.number for fn in r.footnotes] == [str(n) for n in range(1, 14)]
    assert r.footnote_text("1").startswith("See Official Records of the Economic and Social")
    assert r.footnote_text("1").endswith("chap. I, sect. B.")
    assert r.footnote_text("8") == "Ibid., vol. 1249, No. 20378."
    assert r.footnote_text("13") == "A/67/254."
    cited = [n for p in r.paragraphs for n in p.footnotes]
    assert sorted(set(cited), key=int) == [str(n) for n in range(1, 14)]
    text = {p.id: p.text for p in r.paragraphs}
    joined = "\n".join(text.values())
    assert "Women and the Convention" in joined and "Women8" not in joined
    assert "Outcome, its resolution" in joined and "Outcome, 2" not in joined
    assert "2011," in joined and "2011,12" not in joined
    assert "Secretary-General;" in joined and "General;13" not in joined
    assert "23 December 2003" in joined
    women = next(p for p in r.paragraphs if "Discrimination against Women" in p.text)
    assert women.footnotes == ("5", "6", "7", "8", "9")


def test_67_219_no_furniture(res_67_219):
    for p in res_67_219.paragraphs:
        if p.kind != ParaKind.HEADING:
            assert "A/RES/67/219" not in p.text
        assert "3/5" not in p.text
        assert "_____" not in p.text
        assert "Resolution 60/1" not in p.text  # footnote text stays out of paragraphs


def test_67_219_line_joining(res_67_219):
    joined = "\n".join(p.text for p in res_67_219.paragraphs)
    assert "sixty-eighth session" in joined
    assert "non-governmental organizations" in joined
    assert "high-level dialogue" in joined
    assert "- " not in joined.replace(" - ", "")
    first_pp = _kinds(res_67_219, ParaKind.PREAMBULAR)[0]
    assert first_pp.text.startswith("Recalling its resolutions 58/208 of 23 December 2003, 59/241")
    assert first_pp.lead == len("Recalling")
    reaffirming = _kinds(res_67_219, ParaKind.PREAMBULAR)[4]
    assert reaffirming.text.startswith("Reaffirming the Universal Declaration of Human Rights, and")


def test_68_4(res_68_4):
    r = res_68_4
    assert r.symbol == "A/RES/68/4"
    assert r.date == dt.date(2013, 10, 3)
    assert (
        r.title
        == "Declaration of the High-level Dialogue on International Migration and Development"
    )
    assert r.session == "Sixty-eighth session"
    assert r.agenda_item == "Agenda item 21 (e)"
    numbered = [p for p in r.paragraphs if p.number]
    assert [p.number for p in numbered] == [str(n) for n in range(1, 35)]
    by_num = {p.number: p for p in numbered}
    assert by_num["15"].footnotes == ("1",)
    assert r.footnote_text("1") == "United Nations, Treaty Series, vol. 2220, No. 39481."
    assert all(not p.footnotes for p in r.paragraphs if p.number != "15")
    for p in r.paragraphs:
        assert "13-43969" not in p.text
        assert "Please recycle" not in p.text
        assert "<sup>" not in p.text and "*" not in p.text
    assert by_num["5"].text.endswith("with full respect for human rights;")
    assert by_num["6"].text.startswith("Recognize the need to strengthen synergies")
    closing = _kinds(r, ParaKind.CLOSING)
    assert [c.text for c in closing] == ["25th plenary meeting 3 October 2013"]
    adopts = next(p for p in r.paragraphs if p.text.startswith("Adopts"))
    assert adopts.kind == ParaKind.OPERATIVE and adopts.lead == len("Adopts")
    assert any(
        p.kind == ParaKind.HEADING and p.text.startswith("Declaration of the High-level")
        for p in r.paragraphs
    )


def test_samples_match_corpus(samples, corpus):
    a = load(samples / "A_RES_67_219.pdf.txt")
    b = load(corpus / "A_RES_67_219.pdf.txt")
    assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
