"""Words pdftotext split by letter spacing are joined from the document's own words."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from drafter.ingest import load
from drafter.ingest.respace import repair, vocabulary


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_layout_text_of_a_real_pdf_has_whole_words(corpus, tmp_path):
    pdf = corpus / "pdf" / "A_RES_73_3-EN.pdf"
    out = tmp_path / "73_3.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True, timeout=60)
    raw = out.read_text(encoding="utf-8")
    # the extraction really splits them (letter spacing of justified lines)
    assert "treatme nt" in raw and "high -level" in raw
    text = " ".join(p.text for p in load(out).paragraphs)
    for word in ("treatment,", "high-level", "drug-resistant", "people-centred", "Women’s"):
        assert word in text
    for split in ("treatme nt", "high -level", "drug - resistant", "Women ’s"):
        assert split not in text


def test_pieces_that_are_words_stay_apart():
    doc = ["to follow up on the report, upon request", "possess or acquire; a possessor or on"]
    words = vocabulary(doc)
    assert [repair(t, words) for t in doc] == doc
    doc = ["the treatment and the re-establishment", "affordable treatme nt o n the there"]
    words = vocabulary(doc)
    assert repair(doc[0], words) == doc[0]
    assert repair(doc[1], words) == "affordable treatment o n the there"
