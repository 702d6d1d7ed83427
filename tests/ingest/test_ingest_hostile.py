"""Damaged parts of a Word file are reported as such, never silently dropped."""

from __future__ import annotations

import zipfile

import pytest

from drafter.cli import main
from drafter.errors import IngestError
from drafter.ingest import load


def _replace_member(path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, content in items:
            zout.writestr(info, data if info.filename == name else content)


def test_a_damaged_footnotes_part_is_an_error_naming_it(corpus, tmp_path, make_docx, capsys):
    path = make_docx(load(corpus / "A_RES_68_4.md"), tmp_path / "res.docx")
    assert load(path).footnotes  # the intact file has its footnotes
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/footnotes.xml")
    _replace_member(path, "word/footnotes.xml", xml[: len(xml) // 2])  # cut mid-element
    with pytest.raises(IngestError, match=r"its footnotes \(word/footnotes\.xml\) cannot be read"):
        load(path)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"drafter: {path}: damaged Word .docx file: its footnotes (word/footnotes.xml) "
        "cannot be read\n"
    )
