"""Legacy .doc through LibreOffice, and a clear message without it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from drafter.errors import IngestError
from drafter.ingest import doc as doc_reader
from drafter.ingest import load


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_doc_converted_through_libreoffice(corpus, tmp_path, make_docx):
    original = load(corpus / "A_RES_67_219.pdf.txt")
    docx_path = make_docx(original, tmp_path / "res.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    res = load(tmp_path / "res.doc")
    shape = [(p.kind, p.number, p.text) for p in res.paragraphs]
    assert shape == [(p.kind, p.number, p.text) for p in original.paragraphs]
    assert res.footnote_text("13") == "A/67/254."
    assert res.source == "res.doc"


def test_doc_without_libreoffice_says_so(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    with pytest.raises(IngestError, match="need LibreOffice") as info:
        load(path)
    assert "old.doc" in str(info.value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_damaged_doc(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x17" * 2000)
    with pytest.raises(IngestError, match=r"broken\.doc: not a Word \.doc file"):
        load(path)
