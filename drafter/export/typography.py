"""UN document typography: styles, number labels, masthead, running header and footer.

General Assembly resolutions are set in Times New Roman 10 pt, justified;
operative paragraphs carry their number at a first-line indent with the text
following a tab, sub-paragraphs are lettered (a), (b) and then (i), (ii) on
hanging indents, and the opening words of preambular (and operative)
paragraphs are italic. One style per paragraph kind keeps the Word file tidy:
a reader who restyles "UN Operative" restyles every operative paragraph.
"""

from __future__ import annotations

import datetime as _dt
import re

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from drafter.model import Paragraph, ParaKind, Resolution

FONT = "Times New Roman"
BODY_PT = 10

# style ids (python-docx derives the id from the name by removing spaces)
HEADING = "UNHeading"
TITLE = "UNTitle"
PREAMBULAR = "UNPreambular"
OPERATIVE = "UNOperative"
SUB1 = "UNSub1"
SUB2 = "UNSub2"
CLOSING = "UNClosing"
OTHER = "UNOther"
CELL = "UNCell"
NOTE_LIST = "UNNoteList"
END_RULE = "UNEndRule"

ORGAN = "UNOrgan"  # "The General Assembly," opening the resolution, in italics

_TRAILING_PART = re.compile(r"\(([^()]*)\)$")
_SYMBOL_TITLE = re.compile(r"^\d+/\d+\.\s+\S")


def label_text(p: Paragraph) -> str:
    """The number printed before a paragraph: "3." for an operative, "(c)" or "(ii)" below.

    Preambular paragraphs are unnumbered in print (their ``number`` is only a
    reference), as are headings and the closing lines.
    """
    if not p.number:
        return ""
    if p.kind == ParaKind.SUBPARAGRAPH or p.level > 0:
        m = _TRAILING_PART.search(p.number)
        return f"({m.group(1)})" if m else p.number
    if p.kind == ParaKind.OPERATIVE:
        return p.number if p.number.endswith(".") else f"{p.number}."
    return ""


def style_for(p: Paragraph, resolution: Resolution) -> str:
    """The paragraph style id for ``p`` (the resolution's title gets the title style)."""
    if p.kind == ParaKind.SUBPARAGRAPH or (p.level > 0 and p.kind == ParaKind.OPERATIVE):
        return SUB1 if p.level <= 1 else SUB2
    if p.kind == ParaKind.OPERATIVE:
        return OPERATIVE
    if p.kind == ParaKind.PREAMBULAR:
        return PREAMBULAR
    if p.kind == ParaKind.CLOSING:
        return CLOSING
    if p.kind == ParaKind.HEADING:
        text = p.text.strip()
        if resolution.title and text == resolution.title.strip():
            return TITLE
        if _SYMBOL_TITLE.match(text):  # "68/4. Declaration of ..."
            return TITLE
        if text.startswith("The General Assembly") or text.startswith("The Security Council"):
            return ORGAN
        return HEADING
    return OTHER


def format_date(d: _dt.date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else "undated"


def style_name(style_id: str) -> str:
    """The name Word shows for one of our style ids: "UNOperative" -> "UN Operative"."""
    rest = style_id[2:] if style_id.startswith("UN") else style_id
    return "UN " + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", rest)


def style(doc, style_id: str):
    """The python-docx style object for one of our style ids (looked up by name)."""
    return doc.styles[style_name(style_id)]


def _para_style(doc, style_id: str, *, base: str | None = "Normal"):
    name = style_name(style_id) if style_id.startswith("UN") else style_id
    styles = doc.styles
    try:
        return styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            st.base_style = styles[base]
        st.quick_style = True
        return st


RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def is_rtl(language: str | None) -> bool:
    return (language or "").split("-")[0].lower() in RTL_LANGUAGES


def _cs_size(style, pt: float) -> None:
    """Size for complex scripts too (python-docx sets only w:sz; Arabic uses w:szCs)."""
    rpr = style.element.get_or_add_rPr()
    for el in rpr.findall(qn("w:szCs")):
        rpr.remove(el)
    sz = rpr.find(qn("w:sz"))
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(round(pt * 2)))
    if sz is not None:
        sz.addnext(szcs)


def _bidi(style) -> None:
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)


def setup_document(doc, *, landscape: bool = False, language: str | None = "en") -> None:
    """Page, fonts and the UN paragraph styles, on a fresh python-docx Document.

    ``language`` picks the East Asian font (Chinese) and right-to-left paragraphs
    (Arabic), as the UN prints its six official languages.
    """
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # UN New York: letter
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.5)
    section.left_margin = Cm(2.2) if landscape else Cm(2.9)
    section.right_margin = Cm(2.2) if landscape else Cm(2.9)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    if (language or "").lower().startswith("zh"):
        rfonts.set(qn("w:eastAsia"), "SimSun")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    _cs_size(normal, BODY_PT)
    if is_rtl(language):
        _bidi(normal)  # every style below is based on Normal

    def body(name: str, *, first: float = 0.0, left: float = 0.0, hanging: float = 0.0):
        st = _para_style(doc, name)
        f = st.paragraph_format
        f.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        f.space_after = Pt(6)
        f.left_indent = Cm(left)
        f.first_line_indent = Cm(-hanging if hanging else first)
        f.widow_control = True
        return st

    body(PREAMBULAR, first=1.27)
    op = body(OPERATIVE, first=1.27)
    op.paragraph_format.tab_stops.add_tab_stop(Cm(1.9))
    s1 = body(SUB1, left=2.54, hanging=0.63)
    s1.paragraph_format.tab_stops.add_tab_stop(Cm(2.54))
    s2 = body(SUB2, left=3.17, hanging=0.63)
    s2.paragraph_format.tab_stops.add_tab_stop(Cm(3.17), WD_TAB_ALIGNMENT.LEFT)
    body(OTHER, first=1.27)

    hd = _para_style(doc, HEADING)
    hd.paragraph_format.space_after = Pt(6)
    hd.paragraph_format.keep_with_next = True

    ti = _para_style(doc, TITLE)
    ti.font.bold = True
    ti.font.size = Pt(13)
    _cs_size(ti, 13)
    ti.paragraph_format.space_before = Pt(6)
    ti.paragraph_format.space_after = Pt(12)
    ti.paragraph_format.left_indent = Cm(1.27)
    ti.paragraph_format.right_indent = Cm(1.27)
    ti.paragraph_format.keep_with_next = True

    og = body(ORGAN, first=1.27)
    og.font.italic = True

    cl = _para_style(doc, CLOSING)
    cl.font.italic = True
    cl.paragraph_format.left_indent = Cm(9.5)
    cl.paragraph_format.space_before = Pt(12)

    cell = _para_style(doc, CELL)
    cell.font.size = Pt(9)
    _cs_size(cell, 9)
    cell.paragraph_format.space_after = Pt(3)

    nl = _para_style(doc, NOTE_LIST)
    nl.paragraph_format.space_after = Pt(6)
    nl.paragraph_format.left_indent = Cm(1.27)

    # The closing rule: an empty paragraph whose bottom border is a short centred
    # line (no text, so a reader of the file sees no extra paragraph).
    er = _para_style(doc, END_RULE)
    er.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    er.paragraph_format.space_before = Pt(12)
    text_width = section.page_width - section.left_margin - section.right_margin
    er.paragraph_format.left_indent = er.paragraph_format.right_indent = int(
        (text_width - Cm(3)) / 2
    )
    _style_bottom_rule(er, 6)

    fn = _para_style(doc, "Footnote Text")
    fn.font.size = Pt(8)
    _cs_size(fn, 8)
    fn.paragraph_format.left_indent = Cm(1.27)
    fn.paragraph_format.first_line_indent = Cm(-0.4)
    try:
        doc.styles["Footnote Reference"]
    except KeyError:
        ref = doc.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True
    try:
        doc.styles["Comment Reference"]
    except KeyError:
        cr = doc.styles.add_style("Comment Reference", WD_STYLE_TYPE.CHARACTER)
        cr.font.size = Pt(8)


_TBLPR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)
_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


_PPR_AFTER_BIDI = _PPR_AFTER_PBDR[_PPR_AFTER_PBDR.index("w:adjustRightInd") :]


def no_borders(table) -> None:
    """Remove a table's borders (inserted in schema order: Word rejects misplaced children)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def _style_bottom_rule(style, size: int) -> None:
    ppr = style.element.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    pbdr.append(bottom)
    ppr.insert_element_before(pbdr, *_PPR_AFTER_PBDR)


def _bottom_rule(paragraph, size: int = 12) -> None:
    """A rule under the paragraph (the masthead's and the running header's lines)."""
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    pbdr.append(bottom)
    ppr.insert_element_before(pbdr, *_PPR_AFTER_PBDR)


def distribution(resolution: Resolution) -> str:
    """ "Distr.: Limited" for L-documents (drafts tabled for action), else "Distr.: General"."""
    symbol = (resolution.symbol or "").upper()
    return "Distr.: Limited" if "/L." in symbol else "Distr.: General"


def _masthead_text(paragraph, old: str | None, new: str, revisions, size: float | None) -> None:
    """``new`` in the cell paragraph; tracked as a change from ``old`` when they differ."""
    from .ooxml import RunStyle, make_run

    st = RunStyle(size=size)
    if old is None or old == new or revisions is None:
        paragraph._p.append(make_run(new, st))
        return
    if old:
        paragraph._p.append(revisions.wrap(make_run(old, st, deleted=True), -1))
    if new:
        paragraph._p.append(revisions.wrap(make_run(new, st), 1))


def add_masthead(
    doc, resolution: Resolution, *, old: Resolution | None = None, revisions=None
) -> None:
    """The UN first-page masthead: "United Nations", "General Assembly", the symbol, the date.

    It is one borderless table, so a reader of the file sees the resolution's
    paragraphs and nothing else (Drafter's own importer reads the symbol and date
    back from it). With ``old`` and ``revisions`` (a redline), a symbol, date or
    distribution that differs from the old version's is a tracked change. The
    session and agenda item are added below only when the text does not print them.
    """
    table = doc.add_table(rows=2, cols=3)
    no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_column_widths(table, (3.2, 7.6, 5.0))
    c0, c1, c2 = (cell.paragraphs[0] for cell in table.rows[0].cells)
    r = c0.add_run("United Nations")
    r.font.size = Pt(10)
    r = c1.add_run("General Assembly")
    r.bold = True
    r.font.size = Pt(17)
    c2.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def symbol(res: Resolution) -> str:
        return res.symbol or res.display_name

    size = 14 if len(resolution.symbol or "") < 16 else 11
    _masthead_text(c2, symbol(old) if old else None, symbol(resolution), revisions, size)
    for p in (c0, c1, c2):
        _bottom_rule(p, 18)
        p.paragraph_format.space_after = Pt(2)
    dist = table.rows[1].cells[2].paragraphs[0]
    dist.paragraph_format.space_before = Pt(4)
    _masthead_text(
        dist, distribution(old) if old else None, distribution(resolution), revisions, None
    )
    dist.add_run().add_break()
    _masthead_text(
        dist,
        format_date(old.date) if old else None,
        format_date(resolution.date),
        revisions,
        None,
    )
    opening = " ".join(p.text for p in resolution.paragraphs[:4])
    info = [x for x in (resolution.session, resolution.agenda_item) if x and x not in opening]
    if info:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(8)
        p.paragraph_format.space_after = Pt(8)
        p.add_run("\n".join(info)).font.size = Pt(10)
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(6)


def add_unplaced_footnotes(doc, resolution: Resolution) -> None:
    """Footnotes no paragraph cites (their markers were lost in extraction), listed at the end.

    They are put in a borderless table so that a reader of the file does not take
    them for paragraphs of the resolution.
    """
    cited = {n for p in resolution.paragraphs for n in p.footnotes}
    unplaced = [f for f in resolution.footnotes if f.number not in cited]
    if not unplaced:
        return
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=1)
    no_borders(table)
    cell = table.cell(0, 0)
    head = cell.paragraphs[0]
    head.add_run("Footnotes whose place in the text is not known").bold = True
    head.paragraph_format.space_after = Pt(4)
    for fn in unplaced:
        p = cell.add_paragraph()
        p.paragraph_format.left_indent = Cm(0.6)
        p.paragraph_format.first_line_indent = Cm(-0.6)
        run = p.add_run(f"{fn.number}\t{fn.text}")
        run.font.size = Pt(8)


def add_running_parts(doc, symbol: str | None) -> None:
    """Header with the symbol on later pages; footer "page/pages" on every page."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    if symbol:
        hp = section.header.paragraphs[0]
        run = hp.add_run(symbol)
        run.bold = True
        run.font.size = Pt(9)
        _bottom_rule(hp, 4)
    for footer in (section.footer, section.first_page_footer):
        fp = footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _field(fp, "PAGE")
        fp.add_run("/").font.size = Pt(9)
        _field(fp, "NUMPAGES")


def _field(paragraph, instr: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice both update."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "18")
    rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


_TCPR_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)


def shade_cell(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.insert_element_before(shd, *_TCPR_AFTER_SHD)


def set_column_widths(table, widths_cm) -> None:
    """Fixed column widths that Word (cell widths) and LibreOffice (grid) both honour."""
    table.autofit = False
    for col, w in zip(table.columns, widths_cm, strict=True):
        col.width = Cm(w)
        for cell in col.cells:
            cell.width = Cm(w)


def repeat_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


GREY = RGBColor(0x59, 0x59, 0x59)
