"""HTML pages, RTF and OpenDocument files read like the same text elsewhere."""

from __future__ import annotations

import html
import shutil
import subprocess

import pytest

from drafter.errors import IngestError
from drafter.ingest import load
from drafter.model import ParaKind


def _shape(res):
    return [(p.kind, p.number, p.text, p.footnotes, p.lead) for p in res.paragraphs]


def _as_html(res) -> str:
    parts = ["<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>"]
    for p in res.paragraphs:
        label = ""
        if p.number:
            label = p.number.rsplit("(", 1)[-1]
            label = f"({label}" if "(" in p.number else f"{label}."
        text = html.escape(p.text)
        if p.lead:
            text = f"<i>{html.escape(p.text[: p.lead])}</i>{html.escape(p.text[p.lead :])}"
        sups = "".join(f"<sup>{n}</sup>" for n in p.footnotes[:1])
        parts.append(f"<p>{label} {text}{sups}</p>")
    parts.append("<hr><table><tr><td>In favour</td></tr></table>")
    for fn in res.footnotes:
        parts.append(f"<p>{fn.number} {html.escape(fn.text)}</p>")
    parts.append("<script>var x = '<p>not text</p>';</script></body></html>")
    return "\n".join(parts)


def test_html_page(corpus, tmp_path):
    original = load(corpus / "A_RES_67_219.pdf.txt")
    # One marker per paragraph in this page, so compare on that basis.
    page = _as_html(original).replace("<hr>", "<p>_______________</p>")
    path = tmp_path / "res.html"
    path.write_text(page, encoding="utf-8")
    res = load(path)
    got = [(k, n, t, f[:1], lead) for k, n, t, f, lead in _shape(res)]
    want = [(k, n, t, f[:1], lead) for k, n, t, f, lead in _shape(original)]
    assert got == want
    assert res.footnote_text("13") == "A/67/254."
    assert any("table" in w for w in res.warnings)
    assert not any("not text" in p.text for p in res.paragraphs)


def test_html_pre_block_is_cleaned_like_pdf_text(corpus, tmp_path):
    raw = (corpus / "A_RES_67_219.pdf.txt").read_text(encoding="utf-8")
    path = tmp_path / "old-page.htm"
    path.write_text(f"<html><body><pre>{html.escape(raw)}</pre></body></html>", encoding="utf-8")
    assert _shape(load(path)) == _shape(load(corpus / "A_RES_67_219.pdf.txt"))


def _convert(src, fmt, tmp_path):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return src.with_suffix(f".{fmt}")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_rtf_and_odt_through_libreoffice(corpus, tmp_path, make_docx):
    original = load(corpus / "A_RES_68_4.md")
    docx_path = make_docx(original, tmp_path / "res.docx")
    for fmt in ("rtf", "odt"):
        res = load(_convert(docx_path, fmt, tmp_path))
        body = [x for x in _shape(res) if x[0] != ParaKind.HEADING]
        assert body == [x for x in _shape(original) if x[0] != ParaKind.HEADING], fmt
        assert res.footnote_text("1") == original.footnote_text("1")


def test_damaged_rtf_and_odt(tmp_path):
    rtf = tmp_path / "bad.rtf"
    rtf.write_text("not rtf at all")
    with pytest.raises(IngestError, match=r"bad\.rtf: not a valid RTF file"):
        load(rtf)
    odt = tmp_path / "bad.odt"
    odt.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(IngestError, match=r"bad\.odt: not an OpenDocument text file"):
        load(odt)
