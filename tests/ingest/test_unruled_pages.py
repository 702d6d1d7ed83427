"""Text from a PDF that is not laid out like a UN document: footnotes at the foot of each
page with no rule above them, paragraphs with neither blank lines nor indents between
them. The PDF is LibreOffice's printing of a real resolution (A/RES/80/21, as Drafter
reads its Markdown), as benchmarks/cross_format.py makes it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.ingest import load, parse_text
from drafter.model import ParaKind

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cross_format import agreement, resolution_to_html

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None
    or (shutil.which("soffice") or shutil.which("libreoffice")) is None,
    reason="needs LibreOffice and poppler-utils",
)


STEMS = (
    "A_RES_80_3",
    "A_RES_80_4",
    "A_RES_80_21",
    "A_RES_80_24",
    "A_RES_80_27",
    "A_RES_80_31",
    "A_RES_80_38",
    "A_RES_80_34",
    "A_RES_80_68",
    "A_RES_80_10",
    "A_RES_68_4",
)


@pytest.fixture(scope="module")
def printings(corpus, tmp_path_factory):
    """Per document: the Markdown's reading and its LibreOffice PDF's -raw and -layout
    texts (one LibreOffice run for all)."""
    tmp = tmp_path_factory.mktemp("unruled")
    refs = {}
    for stem in STEMS:
        md = corpus / "ga80" / "md" / f"{stem}.md"
        refs[stem] = load(md if md.exists() else corpus / f"{stem}.md")
        (tmp / f"{stem}.html").write_text(resolution_to_html(refs[stem]), encoding="utf-8")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(tmp),
            *(str(tmp / f"{stem}.html") for stem in STEMS),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    out = {}
    for stem in STEMS:
        texts = {}
        for flag in ("-raw", "-layout"):
            done = subprocess.run(
                ["pdftotext", flag, str(tmp / f"{stem}.pdf"), "-"],
                check=True,
                capture_output=True,
                timeout=60,
            )
            texts[flag] = done.stdout.decode("utf-8")
        out[stem] = (refs[stem], texts)
    return out


@pytest.fixture(scope="module")
def printed(printings):
    return printings["A_RES_80_21"]


def test_the_pdf_text_has_unruled_footnotes_and_dense_paragraphs(printed):
    # what the rules below are for: no "____" rule, no blank line between paragraphs
    _ref, texts = printed
    raw = texts["-raw"]
    assert "____" not in raw
    assert "\n1 United Nations, Treaty Series, vol. 610, No. 8843.\n" in raw
    assert "outer space,\nTaking into account" in raw.replace("\f", "")


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_footnotes_at_the_page_foot_leave_the_paragraphs(printed, flag):
    ref, texts = printed
    res = parse_text(texts[flag])
    body = " ".join(p.text for p in res.paragraphs)
    for fn in ref.footnotes:
        assert fn.text[:30] not in body, fn
    assert {fn.number: fn.text for fn in res.footnotes} == {
        fn.number: fn.text for fn in ref.footnotes
    }
    # the paragraph the first page's footnotes cut in two is one paragraph again
    cut = next(p for p in ref.paragraphs if p.text.startswith("Convinced that further measures"))
    assert cut.text in [p.text for p in res.paragraphs]


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_line_that_stops_short_ends_its_paragraph(printed, flag):
    # "... in outer space," ends short of the margin and "Taking" would have fitted:
    # a new paragraph, though "Taking into account" is no preambular opener we list
    ref, texts = printed
    res = parse_text(texts[flag])
    texts_ = [p.text for p in res.paragraphs]
    assert any(t.startswith("Taking into account the work done") for t in texts_)
    assert agreement(ref, res).share == 1.0, agreement(ref, res)


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_any_participle_opens_a_paragraph_in_dense_text(printings, flag):
    # "... and Strengthening Peace," / "Believing that the efforts ...": a full line,
    # then a participle no list of openers names
    ref, texts = printings["A_RES_80_27"]
    res = parse_text(texts[flag])
    assert any(p.text.startswith("Believing that the efforts") for p in res.paragraphs)
    assert agreement(ref, res).share == 1.0, agreement(ref, res)


def test_a_line_broken_after_a_superscript_does_not_end_its_paragraph(printings):
    # pdftotext -raw breaks the printed line after each raised marker:
    # "... the treaties of Tlatelolco,5" / "Rarotonga,6" / "Bangkok7" / "and" / ...
    _ref, texts = printings["A_RES_80_31"]
    assert "Tlatelolco,5\nRarotonga,6\nBangkok7\n" in texts["-raw"]
    res = parse_text(texts["-raw"])
    stressing = [p for p in res.paragraphs if p.text.startswith("Stressing the importance of the")]
    assert len(stressing) == 1
    assert "Tlatelolco, Rarotonga, Bangkok and Pelindaba establishing" in stressing[0].text
    assert stressing[0].footnotes[:3] == ("5", "6", "7")


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_line_like_the_running_title_inside_a_page_is_text(printings, flag):
    # A/RES/80/38 is on the Programme of Action ... and the International Tracing
    # Instrument; its body lines "implementation of the Programme of Action and the
    # International Tracing" are no running header when they are not at a page's edge
    ref, texts = printings["A_RES_80_38"]
    res = parse_text(texts[flag])
    line = "implementation of the Programme of Action and the International Tracing"
    assert sum(line in p.text for p in res.paragraphs) == sum(
        line in p.text for p in ref.paragraphs
    )
    assert sum(line in p.text for p in ref.paragraphs) >= 3


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_paragraph_goes_on_across_a_page_with_no_running_header(printings, flag):
    # "Concerned that, since the adoption of its resolutions 47/19, ..., 50/10," ends
    # page 1 and "51/17, 52/10, ..." opens page 2, with no header between them
    ref, texts = printings["A_RES_80_4"]
    assert "50/10,\n\f51/17" in texts[flag].replace(" ", "")
    res = parse_text(texts[flag])
    concerned = [p.text for p in res.paragraphs if p.text.startswith("Concerned that, since")]
    assert len(concerned) == 1 and "50/10, 51/17, 52/10" in concerned[0]
    assert agreement(ref, res).share == 1.0, agreement(ref, res)


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_the_next_number_opens_a_paragraph_after_an_unfinished_line(printings, flag):
    # A/RES/80/24's OP 2 ends "... a systematic and progressive process" with no
    # punctuation (so in every extraction of it); "3. Welcomes" on the next line is OP 3
    ref, texts = printings["A_RES_80_24"]
    res = parse_text(texts[flag])
    numbers = [p.number for p in res.paragraphs if p.kind == ParaKind.OPERATIVE]
    assert numbers[:4] == ["1", "2", "3", "4"]
    assert [p.number for p in ref.paragraphs if p.kind == ParaKind.OPERATIVE][:4] == numbers[:4]


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_the_annex_heading_stands_alone_after_the_closing_line(printings, flag):
    # "18th plenary meeting 14 October 2025" / "Annex" / "1. We, the Heads of State ..."
    _ref, texts = printings["A_RES_80_3"]
    res = parse_text(texts[flag])
    annex = next(p for p in res.paragraphs if p.text == "Annex")
    closing = res.paragraphs[annex.id - 1]
    first = res.paragraphs[annex.id + 1]
    assert (
        closing.kind == ParaKind.CLOSING and closing.text == "18th plenary meeting 14 October 2025"
    )
    assert (first.label, first.text[:30]) == ("Annex 1", "We, the Heads of State and Gov")


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_the_footnotes_at_a_page_foot_end_at_the_page_break(printings, flag):
    # A/RES/80/68: page 1 ends with footnotes 1-10, page 2 opens with the rest of a
    # paragraph: "8 September 2025, respectively," is text, not a footnote 8
    ref, texts = printings["A_RES_80_68"]
    assert "10 CCW/MSP/2024/7.\n\f8 September 2025, respectively," in texts["-raw"]
    res = parse_text(texts[flag])
    noting = [p.text for p in res.paragraphs if p.text.startswith("Noting with satisfaction that")]
    assert len(noting) == 1 and noting[0].endswith(
        "on 9 and 10 September and 8 September 2025, respectively,"
    )
    assert [p.number for p in res.paragraphs if p.kind == ParaKind.OPERATIVE][:8] == [
        str(n) for n in range(1, 9)
    ]
    assert res.footnotes == ref.footnotes
    assert agreement(ref, res).share == 1.0, agreement(ref, res)


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_footnote_printed_on_the_page_after_its_marker(printings, flag):
    # A/RES/80/24: "Zone18" ends page 5, whose foot has no room for footnote 18: it
    # opens page 6's footnotes, which stand in the middle of OP 15 ("reductions of")
    ref, texts = printings["A_RES_80_24"]
    res = parse_text(texts[flag])
    op15 = next(p for p in res.paragraphs if p.number == "15")
    want = next(p.text for p in ref.paragraphs if p.number == "15")
    assert op15.text == want.replace("\u2011", "-")  # (LibreOffice prints U+2011 as "-")
    assert "Treaty Series, vol. 1981" not in " ".join(p.text for p in res.paragraphs)
    assert {fn.number: fn.text for fn in res.footnotes}["18"].startswith("United Nations, Treaty")


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_line_that_opens_several_paragraphs_is_no_running_header(printings, flag):
    # A/RES/80/34, OP 5: three items open "The report of the fact-finding mission of the
    # Organisation for the Prohibition of" on one page; a running header stands at the
    # pages' edges, and these lines are in the middle of it
    ref, texts = printings["A_RES_80_34"]
    line = "The report of the fact-finding mission of the Organisation for the Prohibition of"
    assert texts[flag].count(line) >= 3
    res = parse_text(texts[flag])
    # (the Markdown lost the items' labels "(a)"-"(e)", so where one item ends and the
    # next begins is not always told in the printing: the lines are counted, not items)
    kept = sum(p.text.count(line) for p in res.paragraphs)
    assert kept == sum(p.text.count(line) for p in ref.paragraphs) >= 3


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_paragraph_cut_after_a_spaced_marker_goes_on_after_the_page(printings, flag):
    # A/RES/80/34, OP 5(c): "The first report ..., of 8 April 2020, 10" ends page 3
    # (-layout spaces the raised marker) and "which concluded that ..." opens page 4;
    # "EC-M-" / "33/DEC.1" is one symbol broken at its hyphen
    _ref, texts = printings["A_RES_80_34"]
    res = parse_text(texts[flag])
    first = [p.text for p in res.paragraphs if p.text.startswith("The first report of the")]
    assert len(first) == 1 and "of 8 April 2020, which concluded that" in first[0]
    op13 = next(p for p in res.paragraphs if p.number == "13")
    assert "EC-M-33/DEC.1" in op13.text


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_footnotes_set_apart_by_blank_lines_leave_the_text_dense(printings, flag):
    # A/RES/80/10: -layout sets each footnote apart with a blank line; those are no
    # blank lines between paragraphs, so "... against Women,5" / "Recalling the Universal
    # Declaration ..." is two paragraphs
    ref, texts = printings["A_RES_80_10"]
    res = parse_text(texts[flag])
    assert any(p.text.startswith("Recalling the Universal Declaration") for p in res.paragraphs)
    assert agreement(ref, res).share == 1.0, agreement(ref, res)


@pytest.mark.parametrize("flag", ["-raw", "-layout"])
def test_a_compound_broken_before_a_number(printings, flag):
    # A/RES/68/4, OP 31: "... to establish the post-" / "2015 development agenda"
    _ref, texts = printings["A_RES_68_4"]
    assert "post-\n2015" in texts[flag].replace(" ", "")
    res = parse_text(texts[flag])
    op31 = next(p for p in res.paragraphs if p.number == "31")
    assert "the post-2015 development agenda" in op31.text
