"""Word refuses files whose property children are out of schema order; LibreOffice does not.

So the order of children in the property elements we write (and python-docx
writes) is checked against the ECMA-376 sequences, in every XML part of every
kind of export. Also: every ``w:p`` starts with its ``w:pPr``, range markers pair up.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from drafter.compare import relate
from drafter.export import write_clean, write_redline, write_side_by_side

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SEQUENCES = {
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike "
    "outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern "
    "position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
    "eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
}
ORDER = {k: {name: i for i, name in enumerate(v.split())} for k, v in SEQUENCES.items()}


def check_part(xml: bytes, part: str) -> list[str]:
    problems = []
    root = etree.fromstring(xml)
    for kind, order in ORDER.items():
        for el in root.iter(W + kind):
            ranks = [
                order[c.tag[len(W) :]]
                for c in el
                if c.tag.startswith(W) and c.tag[len(W) :] in order
            ]
            if ranks != sorted(ranks):
                names = [c.tag[len(W) :] for c in el]
                problems.append(f"{part}: {kind} children out of order: {names}")
    for p in root.iter(W + "p"):
        ppr = p.find(W + "pPr")
        if ppr is not None and p.index(ppr) != 0:
            problems.append(f"{part}: w:pPr not first in w:p")
    for kind in ("comment", "moveFromRange", "moveToRange"):
        starts = sorted(
            el.get(W + "id")
            for el in root.iter(W + kind + ("RangeStart" if kind == "comment" else "Start"))
        )
        ends = sorted(
            el.get(W + "id")
            for el in root.iter(W + kind + ("RangeEnd" if kind == "comment" else "End"))
        )
        if starts != ends:
            problems.append(f"{part}: unpaired {kind} markers")
    return problems


def check_docx(path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                problems += check_part(z.read(name), name)
    return problems


def test_all_exports_follow_schema_order(review, sample_versions, res_67_219, res_68_4, tmp_path):
    new = sample_versions.new
    notes = [review.make_note(new, 9, "n1", quote="important"), review.make_note(new, 3, "n2")]
    orphan = [review.make_note(new, 4, "gone", orphaned=True)]
    paths = [
        write_redline(sample_versions, tmp_path / "r.docx", new_notes=notes + orphan),
        write_side_by_side(sample_versions, tmp_path / "s.docx", new_notes=notes),
        write_side_by_side(relate(res_67_219, res_68_4), tmp_path / "rel.docx"),
        write_clean(res_67_219, tmp_path / "c.docx", notes=orphan),
    ]
    problems = [p for path in paths for p in check_docx(path)]
    assert problems == []


def test_package_has_our_properties_and_no_template_leftovers(sample_versions, tmp_path):
    import docx

    path = write_redline(sample_versions, tmp_path / "r.docx", author="Delegation of X")
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
    props = docx.Document(str(path)).core_properties
    assert props.title == "Redline: A/68/L.5 → A/RES/68/4"
    assert props.author == props.last_modified_by == "Delegation of X"
    assert props.created.year >= 2024
    with zipfile.ZipFile(path) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    names = [c.tag[len(W) :] for c in settings if c.tag.startswith(W)]
    # Track Changes is on for the reader's own edits, in schema order
    assert names.index("trackRevisions") < names.index("defaultTabStop")
    assert names.index("footnotePr") < names.index("compat") if "footnotePr" in names else True
