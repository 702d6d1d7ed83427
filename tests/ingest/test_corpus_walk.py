"""Every text in the shared corpus loads, with its symbol and no page furniture."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from drafter.errors import IngestError
from drafter.ingest import load
from drafter.model import ParaKind

# As tests/conftest.py finds it (parametrization needs it before fixtures exist).
CORPUS = Path(
    os.environ.get(
        "DRAFTER_CORPUS", Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    )
)
SUFFIXES = (".txt", ".md", ".pdf", ".docx")
SCANNED_RU = "1971-10-25_GA_Resolution_2758_ru.pdf"
FURNITURE = re.compile(
    r"\b\d{2}-\d{5}\b|Please recycle|\*\d{7}\*|Distr\.|"
    r"\bPage \d+\b|/\.\.\.|_{4,}|<sup>|\[\^"
)


_PAGE = re.compile(r"(?:^|\s)(\d{1,2})/(\d{1,2})(?=\s|$)")


def _page_number(text: str) -> str | None:
    """A "3/5" page number (not a resolution number like 47/19 or 2/2 of a series)."""
    for m in _PAGE.finditer(text):
        before = text[: m.start()].split()[-1:] or [""]
        small = int(m.group(1)) <= int(m.group(2)) <= 30
        cited = before[0].startswith(("resolution", "decision"))
        if small and not cited and not re.match(r"^[,;]?\s*(?:of|and|,)", text[m.end() :]):
            return m.group(0)
    return None


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in SUFFIXES and p.name != "MANIFEST.md" and p.name != SCANNED_RU
    )


def _expected_symbol(path: Path) -> str:
    name = path.name.split(".pdf")[0].split("-EN")[0]
    name = re.sub(r"\.(txt|md|pymupdf)$", "", name)
    name = re.sub(r"\.(txt|md|pymupdf)$", "", name)
    if name.startswith("1971-09-29_A_L.632"):
        return "A/L.632"
    return name.replace("_", "/")


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_file_loads_cleanly(path):
    res = load(path)
    assert res.symbol == _expected_symbol(path)
    body = [p for p in res.paragraphs if p.kind != ParaKind.HEADING]
    minimum = 1 if "scanned" in path.parts else 5
    assert len(body) >= minimum, [p.text[:60] for p in res.paragraphs]
    assert len(res.paragraphs) < 400
    for p in body:
        assert not FURNITURE.search(p.text), (p.label, p.text[:200])
        assert not _page_number(p.text), (p.label, p.text[:200])
        assert p.text == p.text.strip() and "  " not in p.text
    for p in res.paragraphs:  # headings too: no job numbers, barcodes, page marks
        assert not re.search(r"\b\d{2}-\d{5}\b|Please recycle|\*\d{7}\*|_{4,}", p.text), p.text
    assert [p.id for p in res.paragraphs] == list(range(len(res.paragraphs)))
    if "scanned" not in path.parts:
        # (80/59's Markdown conversion stops before its operative part.)
        assert any(p.kind in (ParaKind.OPERATIVE, ParaKind.PREAMBULAR) for p in res.paragraphs)
        assert res.title


def test_scanned_pdf_says_no_text_layer(corpus):
    with pytest.raises(IngestError, match=r"no text layer \(scanned image\); OCR is not supported"):
        load(corpus / "scanned" / SCANNED_RU)


def _body(path: Path) -> list[tuple[str, str | None, str]]:
    res = load(path)
    return [
        (str(p.kind), p.number, p.text)
        for p in res.paragraphs
        if p.kind not in (ParaKind.HEADING, ParaKind.CLOSING)
    ]


def test_cuba_80_4_two_extractions_give_the_same_paragraphs(corpus):
    folder = corpus / "families" / "cuba-embargo"
    md = load(folder / "A_RES_80_4.md")
    txt = load(folder / "A_RES_80_4.pymupdf.txt")
    assert [(p.kind, p.number, p.text) for p in md.paragraphs if p.kind != ParaKind.HEADING] == [
        (p.kind, p.number, p.text) for p in txt.paragraphs if p.kind != ParaKind.HEADING
    ]
    assert md.footnotes == txt.footnotes
    assert (md.symbol, md.date, md.title) == (txt.symbol, txt.date, txt.title)
    assert md.title == (
        "Necessity of ending the economic, commercial and financial embargo imposed by the "
        "United States of America against Cuba"
    )


# The Markdown conversions of these lose paragraph numbers or sub-paragraph
# labels, or run several paragraphs into one line, at source (80/5's and 80/9's
# declarations, 80/3's annex), so the two forms cannot agree paragraph for paragraph.
_BROKEN_AT_SOURCE = {"A_RES_80_5": 0.25, "A_RES_80_9": 0.5, "A_RES_80_3": 0.7}


def _ga80_pairs() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.stem for p in (CORPUS / "ga80" / "txt").glob("*.txt"))


@pytest.mark.parametrize("stem", _ga80_pairs())
def test_ga80_md_and_txt_agree(corpus, stem):
    """The same document in two extraction styles gives the same paragraphs."""
    md = _body(corpus / "ga80" / "md" / f"{stem}.md")
    txt = _body(corpus / "ga80" / "txt" / f"{stem}.txt")
    if stem not in _BROKEN_AT_SOURCE:
        assert md == txt
        return
    share = len(set(md) & set(txt)) / max(len(md), len(txt))
    assert share >= _BROKEN_AT_SOURCE[stem], (share, len(md), len(txt))


def test_drafts_have_their_title_and_sponsor_note(corpus):
    folder = corpus / "families"
    l2 = load(folder / "draft-to-adopted" / "A_80_L.2.txt")
    assert l2.title == "Participation by the State of Palestine during the eightieth session"
    sponsor = next(p for p in l2.paragraphs if p.text.endswith("draft resolution"))
    assert sponsor.text == "State of Palestine: draft resolution" and sponsor.footnotes == ("*",)
    assert l2.footnote_text("*").startswith("Any changes to the list of sponsors")
    l6 = load(folder / "cuba-embargo" / "A_80_L.6.txt")
    assert l6.symbol == "A/80/L.6"
    assert l6.title.startswith("Necessity of ending the economic, commercial and financial embargo")
    assert any(p.text == "Cuba: draft resolution" for p in l6.paragraphs)
