"""Words pdftotext split by letter spacing are joined from the document's own words."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from drafter.ingest import load
from drafter.ingest.lines import tidy
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
    # one piece is a word elsewhere ("ng" of "planni ng" and "includi ng", "e" of the
    # label "(e)", "on"), the other is none, and the joined word is printed elsewhere
    for split, word in (("includi ng", "including"), ("th e", "the"),
                        ("preventi on", "prevention"), ("progres s", "progress"),
                        # "ng" is a "word" only as other words were split so: "planning"
                        # printed once elsewhere is evidence enough
                        ("planni ng", "planning")):  # fmt: skip
        assert split in raw and split not in text and word in text
    assert "a iming" in text  # ("a" and "iming" would be joined only as "a" was no word)


def test_a_short_word_before_a_piece_stays_apart():
    # "a gain" is two words though "again" is printed twice and "gain" once
    doc = ["again and again, a gain of time; the th e", "the the, a day and a night"]
    words = vocabulary(doc)
    assert repair(doc[0], words) == "again and again, a gain of time; the the"


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


def test_a_compound_broken_on_both_sides_of_a_hyphen(corpus):
    # A/RES/80/24's Markdown never prints "Nuclear-Weapon-Free" whole, only broken
    # ("Nuclear-Weapon- Free Zone", "Nuclear- Weapon-Free Zone"): the hyphen left on the
    # other side tells the compound; so "whole- of-government" and "2024– 2034" in 80/5
    res = load(corpus / "ga80" / "md" / "A_RES_80_24.md")
    text = " ".join(p.text for p in res.paragraphs)
    assert "Weapon- Free" not in text and "Nuclear- Weapon" not in text
    assert "South-East Asia Nuclear-Weapon-Free Zone" in text
    text = " ".join(p.text for p in load(corpus / "ga80" / "md" / "A_RES_80_5.md").paragraphs)
    assert "into a whole-of-government," in text and "Decade 2024–2034" in text
    assert "policy- and decision-making" in tidy("policy- and decision-making")
