"""Footnote digits left in PyMuPDF and Markdown text are markers, never words."""

from __future__ import annotations

import pytest

from drafter.ingest import load
from drafter.ingest.footnotes import MarkerState, strip_markers


def _para(res, start):
    return next(p for p in res.paragraphs if p.text.startswith(start))


@pytest.mark.parametrize("name", ["ga80/md/A_RES_80_6.md", "ga80/txt/A_RES_80_6.txt"])
def test_spaced_marker_after_a_name(corpus, name):
    # "the Rome Statute of the International Criminal Court 1 reaffirms the purposes"
    p = _para(load(corpus / name), "Recalling also that the Rome Statute")
    assert "Court reaffirms the purposes" in p.text and " 1 " not in p.text
    assert p.footnotes == ("1",)


@pytest.mark.parametrize("name", ["ga80/md/A_RES_80_20.md", "ga80/txt/A_RES_80_20.txt"])
def test_marker_after_a_lowercase_word_and_glued_to_a_year(corpus, name):
    # "... group of the agenda 5 and ... the indicative timetable for 2025–20286 and ..."
    res = load(corpus / name)
    p = next(p for p in res.paragraphs if "indicative timetable" in p.text)
    assert "agenda and" in p.text and "2025–2028 and" in p.text
    assert p.footnotes == ("5", "6")


def test_marker_after_a_bracket(corpus):
    res = load(corpus / "ga80" / "md" / "A_RES_80_68.md")
    p = next(p for p in res.paragraphs if "(Protocol II)" in p.text)
    assert "(Protocol II) and" in p.text and "4" in p.footnotes


@pytest.mark.parametrize(
    ("text", "cited_before", "want", "cited"),
    [
        # the forms the issue names (PyMuPDF text of session-80 resolutions)
        ("progress on COVID-19 13 and its effects", "12", "progress on COVID-19 and its effects", ("13",)),
        ("the Conference of the Parties 14 urged States", "13", "the Conference of the Parties urged States", ("14",)),
        ("the killing of at least 56514 humanitarian workers", "13", "the killing of at least 565 humanitarian workers", ("14",)),
        # numbers that stay numbers, even when the next footnote has that number
        ("more than 3 million people", "2", "more than 3 million people", ()),
        ("as set out in paragraph 3 of its resolution", "2", "as set out in paragraph 3 of its resolution", ()),
        ("Security Council resolution 1314 on children", "13", "Security Council resolution 1314 on children", ()),
        ("adopted on 23 June 2003 on the integrated", "2", "adopted on 23 June 2003 on the integrated", ()),
        ("for the Decade 2024– 203412 and the Agenda", "11", "for the Decade 2024– 2034 and the Agenda", ("12",)),
    ],
)  # fmt: skip
def test_plain_digit_markers(text, cited_before, want, cited):
    n = int(cited_before)
    state = MarkerState([str(k) for k in range(1, n + 3)])
    for k in range(1, n + 1):
        state.note(str(k))
    assert strip_markers(text, state) == (want, cited)


def test_a_run_on_paragraph_number_after_a_footnote_digit(corpus):
    # A/RES/80/3's Markdown: "... in the Pact for the Future. 16 9. We note the interest":
    # the footnote digit after the full stop is a marker, and 9 (next in sequence) opens
    # its own paragraph; so in 80/5: "... and its annexes.5 9. We reaffirm"
    res = load(corpus / "ga80" / "md" / "A_RES_80_3.md")
    op8, op9 = (next(p for p in res.paragraphs if p.number == n) for n in ("8", "9"))
    assert op8.text.endswith("in the Pact for the Future.") and op8.footnotes[-1] == "16"
    assert op9.text.startswith("We note the interest and commitment")
    res = load(corpus / "ga80" / "md" / "A_RES_80_5.md")
    op8, op9 = (next(p for p in res.paragraphs if p.number == n) for n in ("8", "9"))
    assert op8.text.endswith("the Pact for the Future and its annexes.")
    assert op8.footnotes == ("4", "5") and op9.text.startswith("We reaffirm the Addis Ababa")


@pytest.mark.parametrize(
    ("name", "start", "want", "number"),
    [
        ("A_RES_80_51.md", "Acknowledging also the preamble", "of Nuclear Weapons and the advisory", "6"),
        ("A_RES_80_51.md", "Acknowledging also the preamble", "of nuclear weapons, in which", "7"),
        ("A_RES_80_61.md", "Taking note of the report", "Secretary-General, and expressing", "2"),
        ("A_RES_80_46.md", "Recalls the political declaration", "Parties, and welcomes", "8"),
    ],
)  # fmt: skip
def test_a_footnote_digit_glued_to_the_next_word(corpus, name, start, want, number):
    # the Markdown conversions glued some markers to the word after them:
    # "Non- Proliferation of Nuclear Weapons 6and the advisory", "weapons, 7in which"
    p = _para(load(corpus / "ga80" / "md" / name), start)
    assert want in p.text and number in p.footnotes


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Tlatelolco, Rarotonga, 4 Bangkok and", "Tlatelolco, Rarotonga, 4 Bangkok and"),
        ("see vol. 3 The report", "see vol. 3 The report"),
        ("in 5 and 4and", "in 5 and 4and"),  # (3 is the next footnote, not 4)
    ],
)
def test_digits_that_are_no_glued_or_stopped_marker(text, want):
    state = MarkerState([str(k) for k in range(1, 6)])
    for k in range(1, 3):
        state.note(str(k))
    assert strip_markers(text, state)[0] == want


@pytest.mark.parametrize(
    ("name", "start", "want", "number"),
    [
        ("A_RES_80_34.md", "The reports of the fact-finding mission", "in Ltamenah, Saraqib and Duma", "14"),
        ("A_RES_80_15.md", "Reiterating the important contribution", "Tlatelolco, Rarotonga, Bangkok and", "3"),
    ],
)  # fmt: skip
def test_a_spaced_marker_before_a_name(corpus, name, start, want, number):
    # "... incidents in Ltamenah, 14 Saraqib[^15] and Duma": the next footnote expected
    p = _para(load(corpus / "ga80" / "md" / name), start)
    assert want in p.text and number in p.footnotes


def test_a_spaced_marker_before_a_number():
    # pdftotext -layout of A/RES/80/34's LibreOffice printing: "of 18 November 2024, 3 14
    # February 20254 and 20 June 20255 following"
    state = MarkerState([str(k) for k in range(1, 9)])
    for k in ("1", "2"):
        state.note(k)
    text = "of 18 November 2024, 3 14 February 20254 and 20 June 20255 following"
    assert strip_markers(text, state) == (
        "of 18 November 2024, 14 February 2025 and 20 June 2025 following",
        ("3", "4", "5"),
    )
    state = MarkerState([str(k) for k in range(1, 9)])
    assert strip_markers("resolutions 1, 5 6 and", state)[0] == "resolutions 1, 5 6 and"


def test_a_markdown_paragraph_cut_by_a_blank_line(corpus):
    # A/RES/80/53's Markdown: "1. Decides to establish the Group ..., consisting of 21
    # members, 2" / "" / "participating in their personal capacity ...": no paragraph
    # opens in lower case after one left at a comma
    res = load(corpus / "ga80" / "md" / "A_RES_80_53.md")
    op1 = next(p for p in res.paragraphs if p.number == "1")
    assert op1.text.endswith("without prejudice to national positions in future negotiations;")
    assert not any(p.text.startswith("participating in") for p in res.paragraphs)


def test_a_name_after_a_colon_is_no_paragraph_in_dense_text(corpus):
    # A/RES/80/3's PyMuPDF text: "... the Almaty Programme of Action:" / "Addressing the
    # Special Needs of Landlocked Developing Countries ..." goes on (a title), and the
    # heading "I. Global context and shared commitments" keeps no "3." of the paragraph
    # number printed alone on the line after it
    res = load(corpus / "ga80" / "txt" / "A_RES_80_3.txt")
    op2 = next(p for p in res.paragraphs if p.text.startswith("We welcome the Awaza Programme"))
    assert "Almaty Programme of Action: Addressing the Special Needs" in op2.text
    assert any(p.text == "I. Global context and shared commitments" for p in res.paragraphs)
