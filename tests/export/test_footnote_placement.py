"""Footnote references stand where their markers stood, not at the paragraph's end."""

from __future__ import annotations

import zipfile

from lxml import etree

from drafter.compare import compare
from drafter.export import write_clean, write_redline
from drafter.ingest import load

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text_before_references(docx_path) -> list[str]:
    """For each footnote reference in the body: the paragraph's text up to it."""
    with zipfile.ZipFile(docx_path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    found = []
    for p in root.iter(f"{W}p"):
        text = ""
        for el in p.iter():
            if el.tag in (f"{W}t", f"{W}delText") and el.text:
                text += el.text
            elif el.tag == f"{W}footnoteReference":
                found.append(text)
    return found


def test_clean_copy_places_each_reference_after_its_words(corpus, tmp_path) -> None:
    out = write_clean(load(corpus / "A_RES_67_219.pdf.txt"), tmp_path / "clean.docx")
    before = _text_before_references(out)
    assert any(t.endswith("against Women") for t in before)  # "Women8"
    assert any(t.endswith("2005 World Summit Outcome,") for t in before)  # "Outcome, 2 its"
    assert any(t.endswith("Civil and Political Rights,") for t in before)
    # 13 footnotes, each cited once: none left piled up at a paragraph's end
    assert len(before) == 13
    assert sum(t.endswith("Women") or t.endswith(",") or t.endswith(";") for t in before) == 13


def test_redline_places_an_inserted_reference_in_place(samples, tmp_path) -> None:
    old = load(samples / "A_68_L5_draft_illustrative.md")
    new = load(samples / "A_RES_68_4.md")
    out = write_redline(compare(old, new), tmp_path / "redline.docx")
    (before,) = _text_before_references(out)  # 68/4's one footnote, new in the adopted text
    assert before.endswith("Members of Their Families,")
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ref = next(root.iter(f"{W}footnoteReference"))
    assert ref.getparent().getparent().tag == f"{W}ins"  # tracked as an insertion
