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


def test_a_compound_broken_at_a_line_end_is_whole_where_the_text_prints_it(corpus):
    # The Markdown of A/RES/80/31 kept two line breaks as spaces: "Conference of
    # Nuclear- Weapon-Free Zones" and "Treaty on a Nuclear-Weapon- Free Zone"
    raw = (corpus / "ga80" / "md" / "A_RES_80_31.md").read_text(encoding="utf-8")
    assert "Nuclear- Weapon-Free" in raw and "Nuclear-Weapon- Free" in raw
    text = " ".join(p.text for p in load(corpus / "ga80" / "md" / "A_RES_80_31.md").paragraphs)
    assert "Nuclear- Weapon" not in text and "Weapon- Free" not in text
    assert "fourth Conference of Nuclear-Weapon-Free Zones" in text


def test_a_spaced_hyphen_stays_where_the_joined_word_is_not_printed():
    doc = ["pre- and post-conflict, the Secretary- General", "the Economic- Social"]
    words = vocabulary([*doc, "the Secretary-General"])
    assert repair(doc[0], words) == "pre- and post-conflict, the Secretary-General"
    assert repair(doc[1], words) == doc[1]
