"""Word files: automatic numbering, italic leads, footnotes, tables, tracked changes."""

from __future__ import annotations

import docx
import pytest

from drafter.errors import IngestError
from drafter.ingest import load
from drafter.model import ParaKind


def _shape(res):
    return [(str(p.kind), p.number, p.text, p.footnotes) for p in res.paragraphs]


@pytest.mark.parametrize("name", ["A_RES_67_219.pdf.txt", "A_RES_68_4.md"])
def test_docx_with_auto_numbering_parses_the_same(corpus, tmp_path, make_docx, name):
    original = load(corpus / name)
    path = make_docx(original, tmp_path / "res.docx")
    # The numbers are not in the text: Word's numbering supplies them.
    raw = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "3. Also decides" not in raw and "(c) The themes" not in raw
    again = load(path)
    body = [x for x in _shape(again) if x[0] != "heading"]
    assert body == [x for x in _shape(original) if x[0] != "heading"]
    assert again.symbol == original.symbol
    assert again.date == original.date
    assert again.title == original.title
    assert {f.number: f.text for f in again.footnotes} == {
        f.number: f.text for f in original.footnotes
    }
    leads = [(p.id, p.lead) for p in again.paragraphs if p.kind == ParaKind.PREAMBULAR]
    assert leads == [(p.id, p.lead) for p in original.paragraphs if p.kind == ParaKind.PREAMBULAR]


def test_docx_table_is_skipped_with_a_warning(corpus, tmp_path, make_docx):
    original = load(corpus / "A_RES_67_219.pdf.txt")
    res = load(make_docx(original, tmp_path / "t.docx", table=True))
    assert any("table" in w for w in res.warnings)
    assert not any("In favour" in p.text for p in res.paragraphs)
    assert len(res.paragraphs) == len(original.paragraphs)


def test_docx_tracked_changes_read_as_base_text_or_all_accepted(tmp_path):
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("The General Assembly,")
    p = d.add_paragraph("1. Decides to ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(
        parse_xml(
            f'<w:ins {w} w:id="1" w:author="x"><w:r><w:t xml:space="preserve">remain seized'
            "</w:t></w:r></w:ins>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {w} w:id="2" w:author="x"><w:r><w:delText>forget</w:delText></w:r></w:del>'
        )
    )
    p.add_run(" of the matter.")
    d.save(tmp_path / "tracked.docx")
    accepted = load(tmp_path / "tracked.docx", accept_all=True)
    op = next(x for x in accepted.paragraphs if x.number == "1")
    assert op.text == "Decides to remain seized of the matter."
    # By default the changes are proposals on the base text: read without them.
    base = load(tmp_path / "tracked.docx")
    op = next(x for x in base.paragraphs if x.number == "1")
    assert op.text == "Decides to forget of the matter."
    assert any("2 tracked changes by x" in w for w in base.warnings)


def test_corrupt_docx(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    with pytest.raises(IngestError, match=r"bad\.docx"):
        load(bad)
    not_zip = tmp_path / "text.docx"
    not_zip.write_text("hello")
    with pytest.raises(IngestError, match="not a valid DOCX"):
        load(not_zip)


def _numbering_xml(body: str):
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return etree.fromstring(f'<w:numbering xmlns:w="{w}">{body}</w:numbering>')


def test_word_numbering_formats_restarts_and_continuation():
    from drafter.ingest.docx import Numbering

    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(
            [("decimal", "%1.", 1), ("lowerLetter", "(%2)", 1), ("lowerRoman", "(%3)", 1),
             ("upperRoman", "%4.", 1), ("bullet", "•", 1)]
        )
    )  # fmt: skip
    root = _numbering_xml(
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
    )
    n = Numbering(root)
    got = [n.label("5", 0), n.label("5", 1), n.label("5", 2), n.label("5", 2), n.label("5", 1)]
    assert got == ["1.", "(a)", "(i)", "(ii)", "(b)"]
    assert [n.label("5", 0), n.label("5", 1)] == ["2.", "(a)"]  # deeper levels restart
    assert n.label("6", 0) == "3."  # another instance of the same list continues it
    assert n.label("7", 0) == "10."  # ... unless it restarts
    assert n.label("5", 3) == "I." and n.label("5", 4) == ""  # roman headings, bullets
    assert n.label("99", 0) == "" and n.label("0", 0) == ""


def test_docx_custom_mark_footnote(tmp_path, add_footnotes):
    """A sponsors' note marked "*" does not shift the numbered footnotes."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("United Nations A/80/L.6")
    title = d.add_paragraph("Cuba: draft resolution")
    title._p.append(
        parse_xml(f'<w:r {w}><w:footnoteReference w:customMarkFollows="1" w:id="1"/></w:r>')
    )
    title._p.append(parse_xml(f"<w:r {w}><w:t>*</w:t></w:r>"))
    d.add_paragraph("The General Assembly,")
    op = d.add_paragraph("1. Takes note of the report;")
    op._p.append(parse_xml(f'<w:r {w}><w:footnoteReference w:id="2"/></w:r>'))
    path = tmp_path / "custom.docx"
    d.save(path)
    add_footnotes(path, {1: "Any changes to the list of sponsors.", 2: "A/80/83."})
    res = load(path)
    assert res.footnote_text("*") == "Any changes to the list of sponsors."
    assert res.footnote_text("1") == "A/80/83."
    op1 = next(p for p in res.paragraphs if p.number == "1")
    assert op1.footnotes == ("1",) and op1.text == "Takes note of the report;"
    assert any(p.text == "Cuba: draft resolution" for p in res.paragraphs)
