"""One document, several renderings, one paragraph list (regression guard; the full
measurement over the corpus is benchmarks/cross_format.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.ingest import load

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cross_format import agreement


@pytest.mark.parametrize("stem", ["A_RES_80_20", "A_RES_80_24"])
def test_markdown_and_pymupdf_text_of_one_pdf_agree(corpus, stem):
    # Two extractions of one official PDF: a Markdown conversion and PyMuPDF's raw
    # text (page headers, job numbers, footnote blocks and digits left in the text).
    md = load(corpus / "ga80" / "md" / f"{stem}.md")
    txt = load(corpus / "ga80" / "txt" / f"{stem}.txt")
    agr = agreement(md, txt)
    assert agr.share == 1.0, agr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_and_its_layout_text_agree(corpus, tmp_path):
    pdf = corpus / "families" / "cuba-embargo" / "A_RES_73_8-EN.pdf"
    out = tmp_path / "A_RES_73_8.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True, timeout=60)
    agr = agreement(load(pdf), load(out))
    # today's figure (benchmarks/cross_format.py): raise it as segmentation improves
    assert agr.share >= 0.95, agr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_plain_pdftotext_footnotes_printed_before_their_numbers(corpus, tmp_path):
    # pdftotext without -layout prints A/RES/73/3's page 2 footnotes as "Resolution
    # 70/1." / "Resolution 69/313, annex." / "3" / "See ..." ... "6" / "See ..." / "1" / "2"
    # (the first two numbers at the block's end), and on page 5 "7" / "18-16895" / "See
    # World Health ...": the job number stands between a number and its text
    pdf = corpus / "pdf" / "A_RES_73_3-EN.pdf"
    out = tmp_path / "A_RES_73_3.txt"
    subprocess.run(["pdftotext", str(pdf), str(out)], check=True, timeout=60)
    raw = out.read_text(encoding="utf-8")
    assert "__________________\n\nResolution 70/1.\nResolution 69/313, annex.\n3\n" in raw
    res, ref = load(out), load(pdf)
    notes = {fn.number: fn.text for fn in res.footnotes}
    assert notes == {fn.number: fn.text for fn in ref.footnotes}
    assert notes["1"] == "Resolution 70/1." and notes["7"].startswith("See World Health")
    body = " ".join(p.text for p in res.paragraphs)
    assert "Resolution 69/313, annex." not in body and "WHA71/2018/REC/1" not in body


def test_a_footnote_whose_text_is_a_symbol():
    # A/RES/59/141 (layout text): "1" / "A/59/93-E/2004/74." / "04-48472" / "A/RES/59/141"
    # / "Concerned about the need ...": the symbol is footnote 1's text, the job number and
    # the running header end the block, and the paragraph after them is body text
    path = Path(__file__).resolve().parents[1] / "data" / "real_pairs" / "A_RES_59_141.txt"
    res = load(path)
    assert {fn.number: fn.text for fn in res.footnotes}["1"] == "A/59/93-E/2004/74."
    assert any(p.text.startswith("Concerned about the need to mobilize") for p in res.paragraphs)
    assert [p.number for p in res.paragraphs if p.number][:6] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_plain_and_raw_pdftotext_of_a_declaration(corpus, tmp_path):
    # A/RES/73/3: pdftotext without -layout joins compounds broken at a line end without
    # their hyphen ("communitybased", "childfriendly"), which the document prints whole
    # elsewhere; -raw runs the declaration's subtitle into "We, Heads of State ..."
    pdf = corpus / "pdf" / "A_RES_73_3-EN.pdf"
    plain, raw = tmp_path / "plain.txt", tmp_path / "raw.txt"
    subprocess.run(["pdftotext", str(pdf), str(plain)], check=True, timeout=60)
    subprocess.run(["pdftotext", "-raw", str(pdf), str(raw)], check=True, timeout=60)
    assert "communitybased" in plain.read_text(encoding="utf-8")
    text = " ".join(p.text for p in load(plain).paragraphs)
    assert "communitybased" not in text and "childfriendly" not in text
    assert "people-centred, community-based and gender-responsive" in text
    assert "epidemic\nWe, Heads of State" in raw.read_text(encoding="utf-8")
    res = load(raw)
    we = next(p for p in res.paragraphs if p.text.startswith("We, Heads of State"))
    assert res.paragraphs[we.id - 1].text.startswith("United to end tuberculosis")
    assert agreement(load(pdf), res).share >= 0.99


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_layout_text_markers_after_a_year(corpus, tmp_path):
    # A/RES/73/6 in pdftotext -layout: raised markers spaced after a year or "Goals"
    # ("Reduction 2015–2030 3 and", "the Sustainable Development Goals 2 for")
    pdf = corpus / "pdf" / "A_RES_73_6-EN.pdf"
    out = tmp_path / "73_6.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True, timeout=60)
    raw = out.read_text(encoding="utf-8")
    assert "2015–2030 3 and" in raw and "Development Goals 2 for" in raw
    res = load(out)
    convinced = next(p for p in res.paragraphs if p.text.startswith("Convinced that the fulfil"))
    assert "Reduction 2015–2030 and of the" in convinced.text
    assert convinced.footnotes[:3] == ("2", "3", "4")
