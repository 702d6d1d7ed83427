"""Exports open in LibreOffice: headless conversion to PDF shows the expected paragraphs.

One soffice run converts the redline, the side-by-side table and a clean copy
(a few seconds). Skipped, with the reason shown, only where LibreOffice is absent.
"""

from __future__ import annotations

import re

import pytest

from drafter.compare import relate
from drafter.export import write_clean, write_redline, write_side_by_side
from drafter.model import ParaKind


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_exports_convert_to_pdf_with_their_text(review, sample_versions, res_67_219, tmp_path):
    comparison = sample_versions
    note = review.make_note(comparison.new, 9, "Capital: keep", quote="important")
    red = write_redline(comparison, tmp_path / "redline.docx", new_notes=[note])
    sbs = write_side_by_side(comparison, tmp_path / "side.docx")
    clean = write_clean(res_67_219, tmp_path / "clean.docx")
    relation = relate(res_67_219, comparison.new)
    rel = write_side_by_side(relation, tmp_path / "related.docx")
    texts = review.soffice_pdf_text([red, sbs, clean, rel], tmp_path)

    red_text = _norm(texts[red])
    assert comparison.new.symbol in red_text
    assert "Changes by kind" in red_text
    # LibreOffice prints tracked changes as shown markup: every new paragraph's words
    # are on the page (deleted words too, struck through).
    for p in comparison.new.paragraphs:
        words = p.text.split()
        assert _norm(" ".join(words[:4])) in red_text or not words, p.text[:50]

    clean_text = _norm(texts[clean])
    for p in res_67_219.paragraphs:
        if p.kind in (ParaKind.OPERATIVE, ParaKind.PREAMBULAR) and len(p.text) > 30:
            assert _norm(p.text[:30]) in clean_text, p.text[:30]
    for fn in res_67_219.footnotes[:3]:
        assert _norm(fn.text[:20]) in clean_text

    sbs_text = _norm(texts[sbs])
    assert "Old: " + comparison.old.symbol in sbs_text
    for p in comparison.old.paragraphs:
        if len(p.text) > 40:
            assert _norm(p.text[:25]) in sbs_text, p.text[:25]

    rel_text = _norm(texts[rel])
    for oid in {lk.old for lk in relation.links}:
        assert _norm(res_67_219.paragraphs[oid].text[:20]) in rel_text


def test_libreoffice_reads_the_tracked_changes_as_written(
    review, sample_versions, res_67_219, tmp_path
):
    """LibreOffice re-saves each redline as .docx; accepting/rejecting its copy gives the
    same texts, so LibreOffice understood every revision (moves, paragraph marks) as meant."""
    import shutil
    import subprocess

    from test_redline import perturb

    from drafter.compare import compare

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: its reading of revisions not checked")
    comparisons = {
        "samples": sample_versions,
        "perturbed": compare(res_67_219, perturb(res_67_219, 2)),
    }
    src = tmp_path / "src"
    out = tmp_path / "lo"
    src.mkdir()
    paths = [write_redline(c, src / f"{name}.docx") for name, c in comparisons.items()]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for name, comparison in comparisons.items():
        resaved = out / f"{name}.docx"
        assert resaved.exists(), f"LibreOffice did not re-save {name}"
        assert review.accept_all(resaved) == review.expected_texts(comparison.new), name
        assert review.reject_all(resaved) == review.expected_texts(comparison.old), name
