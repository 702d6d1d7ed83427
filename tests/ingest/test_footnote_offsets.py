"""Where each footnote marker stood in the paragraph text (Paragraph.footnote_offsets)."""

from __future__ import annotations

from drafter.ingest import load


def _before(par, number: str, width: int = 40) -> str:
    offset = par.footnote_offsets[par.footnotes.index(number)]
    return par.text[max(0, offset - width) : offset]


def test_markers_of_67_219_sit_after_their_words(corpus) -> None:
    res = load(corpus / "A_RES_67_219.pdf.txt")
    cited = [p for p in res.paragraphs if p.footnotes]
    assert all(len(p.footnote_offsets) == len(p.footnotes) for p in cited)
    pp5 = next(p for p in cited if "8" in p.footnotes)
    assert _before(pp5, "8").endswith("against Women")  # "Women8" in the PDF text
    assert _before(pp5, "6", 40).endswith("Civil and Political Rights,")  # its first "6"
    pp2 = next(p for p in cited if "2" in p.footnotes)
    assert _before(pp2, "2").endswith("World Summit Outcome,")  # "Outcome, 2 its"
    op1 = next(p for p in cited if "13" in p.footnotes)
    assert _before(op1, "13").endswith("Secretary-General;")


def test_markdown_sup_marker_of_68_4(corpus) -> None:
    res = load(corpus / "A_RES_68_4.md")
    (par,) = [p for p in res.paragraphs if p.footnotes]
    assert par.number == "15"
    assert _before(par, "1", 40).endswith("Members of Their Families,")
    assert par.text[par.footnote_offsets[0] :].startswith(" to the international system")


def test_pdf_raised_digits_placed(corpus) -> None:
    res = load(corpus / "pdf" / "A_RES_73_3-EN.pdf")
    cited = [p for p in res.paragraphs if p.footnotes]
    assert cited and all(len(p.footnote_offsets) == len(p.footnotes) for p in cited)
    for p in cited:
        for off in p.footnote_offsets:
            assert 0 < off <= len(p.text)
            # a marker follows a word or punctuation, never the middle of a word
            assert off == len(p.text) or not (p.text[off - 1].isalnum() and p.text[off].isalnum())
