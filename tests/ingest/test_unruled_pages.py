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

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cross_format import agreement, resolution_to_html

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None
    or (shutil.which("soffice") or shutil.which("libreoffice")) is None,
    reason="needs LibreOffice and poppler-utils",
)


@pytest.fixture(scope="module")
def printed(corpus, tmp_path_factory):
    """The Markdown's reading, its LibreOffice PDF, and that PDF's -raw and -layout texts."""
    tmp = tmp_path_factory.mktemp("unruled")
    ref = load(corpus / "ga80" / "md" / "A_RES_80_21.md")
    page = tmp / "A_RES_80_21.html"
    page.write_text(resolution_to_html(ref), encoding="utf-8")
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
            str(page),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    pdf = tmp / "A_RES_80_21.pdf"
    texts = {}
    for flag in ("-raw", "-layout"):
        out = subprocess.run(
            ["pdftotext", flag, str(pdf), "-"], check=True, capture_output=True, timeout=60
        )
        texts[flag] = out.stdout.decode("utf-8")
    return ref, texts


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
