"""Real PDFs: page furniture, superscript footnote markers, italic leads."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from drafter.ingest import load
from drafter.model import ParaKind


@pytest.fixture(scope="module")
def res_73_8(corpus, load_cached):
    return load_cached(corpus / "families" / "cuba-embargo" / "A_RES_73_8-EN.pdf")


def _of(res, kind):
    return [p for p in res.paragraphs if p.kind == kind]


def test_73_8_structure(res_73_8):
    r = res_73_8
    assert (r.symbol, r.date) == ("A/RES/73/8", dt.date(2018, 11, 1))
    assert r.title == (
        "Necessity of ending the economic, commercial and financial embargo imposed by the "
        "United States of America against Cuba"
    )
    assert (r.session, r.agenda_item) == ("Seventy-third session", "Agenda item 43")
    assert len(_of(r, ParaKind.PREAMBULAR)) == 8
    ops = _of(r, ParaKind.OPERATIVE)
    assert [p.number for p in ops] == ["1", "2", "3", "4", "5"]
    assert ops[0].text == (
        "Takes note of the report of the Secretary-General on the implementation of resolution 72/4;"
    )
    assert ops[0].footnotes == ("1",) and r.footnote_text("1") == "A/73/85."
    assert [c.text for c in _of(r, ParaKind.CLOSING)] == ["30th plenary meeting 1 November 2018"]


def test_73_8_italic_leads_from_fonts(res_73_8):
    leads = {p.text[: p.lead] for p in res_73_8.paragraphs if p.lead}
    assert {
        "Determined",
        "Taking note",
        "Recalling also",
        "Takes note",
        "Once again urges",
    } <= leads
    pp = _of(res_73_8, ParaKind.PREAMBULAR)[1]
    assert pp.text.startswith("Reaffirming, among other principles") and pp.lead == len(
        "Reaffirming"
    )


def test_73_8_paragraph_continued_across_the_page(res_73_8):
    recalling = next(
        p for p in res_73_8.paragraphs if p.text.startswith("Recalling its resolutions")
    )
    assert "57/11 of 12 November 2002, 58/7 of 4 November 2003" in recalling.text
    assert recalling.text.endswith("72/4 of 1 November 2017,")
    for p in res_73_8.paragraphs:
        assert "18-18418" not in p.text and "*1818418*" not in p.text and "2/2" not in p.text


def test_73_3_declaration(corpus, load_cached):
    r = load_cached(corpus / "pdf" / "A_RES_73_3-EN.pdf")
    numbers = [p.number for p in r.paragraphs if p.number]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert len(numbers) >= 50
    assert [f.number for f in r.footnotes] == [str(n) for n in range(1, 8)]
    op1 = next(p for p in r.paragraphs if p.number == "1")
    assert op1.footnotes == ("1", "2")
    assert "Development, including the resolve" in op1.text
    op2 = next(p for p in r.paragraphs if p.number == "2")
    assert "resolution 69.2 of 28 May 2016" in op2.text  # a decimal, not a marker
    for p in r.paragraphs:
        assert (
            "18-16895" not in p.text
            and "Political declaration of the high-level" not in p.text[:40]
        ) or p.kind == ParaKind.HEADING


def test_73_6_footnote_continued_on_next_page(corpus, load_cached):
    r = load_cached(corpus / "pdf" / "A_RES_73_6-EN.pdf")
    six = r.footnote_text("6")
    assert six.startswith("Related documents include A/AC.105/1129")
    assert six.endswith("A/AC.105/1180 and A/AC.105/1181.")
    assert not any("A/AC.105/1181" in p.text for p in r.paragraphs)
    op5 = next(p for p in r.paragraphs if p.number == "5")
    assert op5.text.endswith("in the achievement of the Sustainable Development Goals;")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_printed_from_word_reads_like_the_text(corpus, tmp_path, make_docx):
    """67/219 written to Word with auto-numbering, printed to PDF, read back."""
    original = load(corpus / "A_RES_67_219.pdf.txt")
    docx_path = make_docx(original, tmp_path / "res.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    res = load(tmp_path / "res.pdf")

    def shape(r):
        return [(p.kind, p.number, p.text, p.footnotes, p.lead) for p in r.paragraphs]

    assert shape(res) == shape(original)
    assert res.footnotes == original.footnotes


def test_guessed_leads_agree_with_pdf_italics(corpus, load_cached):
    """Texts without italics get their leads guessed; the PDFs' fonts are the check."""
    from drafter.ingest.leads import guess_lead

    pairs = []
    cuba = corpus / "families" / "cuba-embargo" / "A_RES_73_8-EN.pdf"
    for path in [*sorted((corpus / "pdf").glob("*.pdf")), cuba]:
        for p in load_cached(path).paragraphs:
            if p.kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE) and p.lead:
                pairs.append((p.text[: p.lead], p.text[: guess_lead(p.text)]))
    assert len(pairs) > 80
    agree = sum(a == b for a, b in pairs)
    assert agree / len(pairs) >= 0.95, [x for x in pairs if x[0] != x[1]]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    "name",
    ["pdf/A_RES_73_3-EN.pdf", "pdf/A_RES_73_6-EN.pdf", "pdf/A_RES_73_7-EN.pdf",
     "families/cuba-embargo/A_RES_73_8-EN.pdf"],
)  # fmt: skip
@pytest.mark.parametrize("layout", [True, False], ids=["layout", "raw"])
def test_pdf_and_its_pdftotext_text_agree(corpus, tmp_path, load_cached, name, layout):
    """The 73/x PDFs and their text give the same paragraphs. pdftotext separates
    paragraphs by no blank line (-layout: only by indents; plain: not at all), and
    splits some words ("Amer ica"), so texts are compared without spaces."""
    import re

    txt = tmp_path / "extracted.txt"
    cmd = ["pdftotext", *(["-layout"] if layout else []), str(corpus / name), str(txt)]
    subprocess.run(cmd, check=True)

    def body(res):
        return [
            (p.kind, p.number, re.sub(r"\s+", "", p.text))
            for p in res.paragraphs
            if p.kind != ParaKind.HEADING
        ]

    from_pdf, from_text = body(load_cached(corpus / name)), body(load(txt))
    same = len(set(from_pdf) & set(from_text))
    if layout:
        numbered = [x[:2] for x in from_text if x[0] != ParaKind.OTHER]
        assert [x[:2] for x in from_pdf] == numbered
        assert same >= 0.9 * len(from_pdf), (same, len(from_pdf))
    else:  # plain pdftotext interleaves footnotes and page furniture less cleanly
        assert same >= 0.7 * len(from_pdf), (same, len(from_pdf))
