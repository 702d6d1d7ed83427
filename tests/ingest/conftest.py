"""Fixtures for the ingest tests: Word files built with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.model import ParaKind, Resolution

_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>{body}</w:footnotes>"
)
_FN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _add_numbering(document) -> str:
    """A UN-style list: "1." / "(a)" / "(i)"; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate(
        [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def _set_numpr(paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    ppr.append(numpr)


def _footnote_ref(paragraph, fid: int) -> None:
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(fid))
    run._r.append(ref)


def write_docx(res: Resolution, path: Path, *, table: bool = False) -> Path:
    """Write ``res`` as Word would: numbers by auto-numbering, italic leads, footnotes."""
    document = docx.Document()
    num_id = _add_numbering(document)
    fn_ids: dict[str, int] = {}
    for p in res.paragraphs:
        para = document.add_paragraph()
        if p.number and p.kind in (ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH):
            _set_numpr(para, num_id, p.level)
        elif p.number:
            para.add_run(p.number + ". ")
        if p.lead:
            para.add_run(p.text[: p.lead]).italic = True
            para.add_run(p.text[p.lead :])
        else:
            para.add_run(p.text)
        for n in p.footnotes:
            fid = fn_ids.setdefault(n, len(fn_ids) + 1)
            _footnote_ref(para, fid)
        if table and p.kind == ParaKind.CLOSING:
            t = document.add_table(rows=1, cols=2)
            t.cell(0, 0).text = "In favour"
            t.cell(0, 1).text = "120"
    document.save(path)
    if fn_ids:
        body = "".join(
            f'<w:footnote w:id="{fid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            f"{_xml_escape(res.footnote_text(n) or '')}</w:t></w:r></w:p></w:footnote>"
            for n, fid in fn_ids.items()
        )
        _add_part(path, "word/footnotes.xml", _FOOTNOTES_XML.format(body=body))
    return path


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_part(path: Path, name: str, xml: str) -> None:
    with zipfile.ZipFile(path) as zin:
        items = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    rels = items["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdFn1" Type="{_FN_REL}" Target="footnotes.xml"/></Relationships>',
    )
    items["word/_rels/document.xml.rels"] = rels.encode()
    ct = items["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", f'<Override PartName="/{name}" ContentType="{_FN_CT}"/></Types>')
    items["[Content_Types].xml"] = ct.encode()
    items[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for fname, data in items.items():
            zout.writestr(fname, data)


def add_footnotes(path: Path, notes: dict[int, str]) -> Path:
    """Give a saved .docx a footnotes part with these footnotes (id -> text)."""
    body = "".join(
        f'<w:footnote w:id="{fid}"><w:p><w:r><w:t xml:space="preserve">{_xml_escape(text)}'
        "</w:t></w:r></w:p></w:footnote>"
        for fid, text in notes.items()
    )
    _add_part(path, "word/footnotes.xml", _FOOTNOTES_XML.format(body=body))
    return path


@pytest.fixture(scope="session")
def load_cached():
    """load() once per file for the whole session (PDFs take a second each)."""
    from functools import cache

    from drafter.ingest import load

    return cache(lambda path: load(path))


@pytest.fixture
def make_docx():
    return write_docx


@pytest.fixture(name="add_footnotes")
def add_footnotes_fixture():
    return add_footnotes
