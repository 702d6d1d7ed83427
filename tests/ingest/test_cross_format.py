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
