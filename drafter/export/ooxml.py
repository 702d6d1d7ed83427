"""WordprocessingML pieces python-docx has no API for: tracked changes, runs, footnotes.

Everything here builds raw ``w:`` elements with lxml, because a redline of a
1,000-paragraph comparison must be written in well under a second and because
python-docx cannot express ``w:ins``/``w:del`` at all. Helpers are small and
pure so the writers (redline, side by side, clean copy) share one vocabulary.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Characters XML 1.0 forbids (PDF extractions carry form feeds and the like).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

INS_COLOUR = "0B5394"  # insertions: dark blue (side by side); Word picks its own for redlines
DEL_COLOUR = "C00000"  # deletions: dark red


def xml_safe(text: str) -> str:
    """Drop characters that cannot appear in XML (lxml would refuse the whole file)."""
    return _XML_INVALID.sub("", text)


def word_date(when: _dt.datetime) -> str:
    """``w:date`` wants ISO 8601 in UTC without fractions: 2013-10-03T12:00:00Z."""
    if when.tzinfo is not None:
        when = when.astimezone(_dt.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0).isoformat() + "Z"


@dataclass
class RunStyle:
    """Character formatting of one run; only what the exports need."""

    italic: bool = False
    bold: bool = False
    strike: bool = False
    underline: bool = False
    colour: str | None = None
    highlight: str | None = None  # Word highlight name: "yellow"
    size: float | None = None  # points
    superscript: bool = False
    style: str | None = None  # character style id


def _rpr(parent: etree._Element, st: RunStyle) -> None:
    if not (
        st.italic
        or st.bold
        or st.strike
        or st.underline
        or st.colour
        or st.highlight
        or st.size
        or st.superscript
        or st.style
    ):
        return
    rpr = etree.SubElement(parent, qn("w:rPr"))
    # Element order follows CT_RPr's sequence: Word rejects out-of-order children.
    if st.style:
        etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), st.style)
    if st.bold:
        etree.SubElement(rpr, qn("w:b"))
    if st.italic:
        etree.SubElement(rpr, qn("w:i"))
    if st.strike:
        etree.SubElement(rpr, qn("w:strike"))
    if st.colour:
        etree.SubElement(rpr, qn("w:color")).set(qn("w:val"), st.colour)
    if st.size:
        half = str(round(st.size * 2))
        etree.SubElement(rpr, qn("w:sz")).set(qn("w:val"), half)
        etree.SubElement(rpr, qn("w:szCs")).set(qn("w:val"), half)
    if st.highlight:
        etree.SubElement(rpr, qn("w:highlight")).set(qn("w:val"), st.highlight)
    if st.underline:
        etree.SubElement(rpr, qn("w:u")).set(qn("w:val"), "single")
    if st.superscript:
        etree.SubElement(rpr, qn("w:vertAlign")).set(qn("w:val"), "superscript")


def make_run(
    text: str, st: RunStyle | None = None, *, deleted: bool = False, tab_after: bool = False
) -> etree._Element:
    """A ``w:r`` holding ``text`` (tabs become ``w:tab``; deleted text uses ``w:delText``)."""
    r = etree.Element(qn("w:r"))
    if st is not None:
        _rpr(r, st)
    tag = qn("w:delText") if deleted else qn("w:t")
    pieces = xml_safe(text).split("\t")
    for i, piece in enumerate(pieces):
        if i:
            etree.SubElement(r, qn("w:tab"))
        if piece:
            t = etree.SubElement(r, tag)
            t.text = piece
            if piece[0] == " " or piece[-1] == " " or "  " in piece:
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if tab_after:
        etree.SubElement(r, qn("w:tab"))
    return r


@dataclass
class Revisions:
    """Author, date and id counter for tracked changes in one document.

    Ids are provisional: :func:`renumber_annotations` makes them unique across
    comments and revisions once the document is complete.
    """

    author: str
    when: _dt.datetime
    next_id: int = 1
    _date: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self._date = word_date(self.when)

    def mark(self, tag: str) -> etree._Element:
        """An empty ``w:ins``/``w:del`` carrying id, author and date."""
        el = etree.Element(qn(tag))
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self._date)
        self.next_id += 1
        return el

    def wrap(self, run: etree._Element, op: int, *, move: bool = False) -> etree._Element:
        """``run`` inside ``w:ins`` (op 1) or ``w:del`` (op -1); op 0 returns it unchanged.

        With ``move`` the wrappers are ``w:moveTo``/``w:moveFrom`` (a tracked move).
        """
        if op == 0:
            return run
        wrapper = self.mark(revision_tag(op, move=move))
        wrapper.append(run)
        return wrapper

    def move_range(self, tag: str, name: str) -> tuple[etree._Element, etree._Element]:
        """A ``moveFromRangeStart``/``moveToRangeStart`` and its matching end, named ``name``."""
        start = self.mark(f"w:{tag}RangeStart")
        start.set(qn("w:name"), name)
        end = etree.Element(qn(f"w:{tag}RangeEnd"))
        end.set(qn("w:id"), start.get(qn("w:id")))
        return start, end


def revision_tag(op: int, *, move: bool = False) -> str:
    if move:
        return "w:moveTo" if op > 0 else "w:moveFrom"
    return "w:ins" if op > 0 else "w:del"


def make_paragraph(
    style_id: str | None, *, mark: etree._Element | None = None, bidi: bool = False
) -> etree._Element:
    """A ``w:p`` with its style and, for tracked paragraph marks, ``w:pPr/w:rPr/w:ins|w:del``.

    ``bidi`` makes it a right-to-left paragraph (Arabic text in a table cell).
    """
    p = etree.Element(qn("w:p"))
    if style_id or mark is not None or bidi:
        ppr = etree.SubElement(p, qn("w:pPr"))
        if style_id:
            etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style_id)
        if bidi:
            etree.SubElement(ppr, qn("w:bidi"))
        if mark is not None:
            etree.SubElement(ppr, qn("w:rPr")).append(mark)
    return p


ANNOTATION_TAGS = (
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:moveFromRangeStart",
    "w:moveFromRangeEnd",
    "w:moveToRangeStart",
    "w:moveToRangeEnd",
)


def renumber_annotations(body: etree._Element, offset: int) -> None:
    """Shift every revision id by ``offset`` so none collides with a comment id.

    Word wants annotation ids unique across revisions and comments; comments are
    numbered by python-docx from 0, revisions from 1 by :class:`Revisions`, so
    shifting revisions past the comment count makes all ids unique (and keeps
    move range starts paired with their ends).
    """
    if not offset:
        return
    for el in body.iter(*(qn(t) for t in ANNOTATION_TAGS)):
        el.set(qn("w:id"), str(int(el.get(qn("w:id"))) + offset))


# --- comment ranges -------------------------------------------------------------------


def anchor_comment(first: etree._Element, last: etree._Element, comment_id: int) -> None:
    """Put ``commentRangeStart`` before ``first``, ``commentRangeEnd`` and the reference after ``last``.

    ``first``/``last`` are children of a ``w:p`` (runs or ``w:ins``/``w:del``
    wrappers), possibly in different paragraphs. The reference run is left
    untracked so accepting or rejecting changes never loses a comment.
    """
    cid = str(comment_id)
    start = etree.Element(qn("w:commentRangeStart"))
    start.set(qn("w:id"), cid)
    first.addprevious(start)
    end = etree.Element(qn("w:commentRangeEnd"))
    end.set(qn("w:id"), cid)
    last.addnext(end)
    ref_run = etree.Element(qn("w:r"))
    rpr = etree.SubElement(ref_run, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), "CommentReference")
    etree.SubElement(ref_run, qn("w:commentReference")).set(qn("w:id"), cid)
    end.addnext(ref_run)


def anchor_comment_at_end(p: etree._Element, comment_id: int) -> None:
    """Anchor a comment on an empty range at the end of paragraph ``p``."""
    marker = etree.SubElement(p, qn("w:r"))
    anchor_comment(marker, marker, comment_id)
    p.remove(marker)


# --- footnotes ------------------------------------------------------------------------

_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class Footnotes:
    """The ``word/footnotes.xml`` part, created on first use.

    python-docx 1.2 reads no footnotes and writes none, so the part, its
    relationship and its content type are added here by hand.
    """

    def __init__(self, document) -> None:  # docx.document.Document
        self._doc = document
        self._root: etree._Element | None = None
        self._next = 1
        self.count = 0

    def _part_root(self) -> etree._Element:
        if self._root is None:
            doc_part = self._doc.part
            element = parse_xml(_FOOTNOTES_XML)
            part = XmlPart(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, element, doc_part.package)
            doc_part.relate_to(part, RT.FOOTNOTES)
            self._root = element
            _footnote_settings(self._doc.settings.element)
        return self._root

    def add(
        self,
        text: str,
        *,
        old_text: str | None = None,
        revisions: Revisions | None = None,
    ) -> int:
        """Add a footnote with ``text``; return its id for a ``w:footnoteReference``.

        With ``old_text`` and ``revisions``, the footnote's text is a tracked edit
        from ``old_text`` to ``text`` (word by word).
        """
        root = self._part_root()
        fid = self._next
        self._next += 1
        self.count += 1
        fn = etree.SubElement(root, qn("w:footnote"))
        fn.set(qn("w:id"), str(fid))
        p = etree.SubElement(fn, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), "FootnoteText")
        ref = etree.SubElement(p, qn("w:r"))
        rpr = etree.SubElement(ref, qn("w:rPr"))
        etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), "FootnoteReference")
        etree.SubElement(ref, qn("w:footnoteRef"))
        if old_text is None or revisions is None or old_text == text:
            p.append(make_run(" " + text))
            return fid
        p.append(make_run(" "))
        for op, piece in _text_diff(old_text, text):
            p.append(revisions.wrap(make_run(piece, deleted=op < 0), op))
        return fid

    def renumber(self, body: etree._Element) -> None:
        """Give the footnotes ids in the order their references appear in ``body``.

        LibreOffice attaches footnote texts to references in the order it meets
        them, not by id: ids out of order would give a reference another's text.
        """
        if self._root is None:
            return
        refs = list(body.iter(qn("w:footnoteReference")))
        by_id = {fn.get(qn("w:id")): fn for fn in self._root.findall(qn("w:footnote"))}
        order: list[str] = []
        for ref in refs:
            fid = ref.get(qn("w:id"))
            if fid not in order:
                order.append(fid)
        new_id = {old: str(k + 1) for k, old in enumerate(order)}
        for ref in refs:
            ref.set(qn("w:id"), new_id[ref.get(qn("w:id"))])
        for old, fn in by_id.items():
            if old in new_id:
                self._root.remove(fn)
        for old in order:
            fn = by_id[old]
            fn.set(qn("w:id"), new_id[old])
            self._root.append(fn)


def _text_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Word diff of two footnote texts (exact on both sides; coarse if the engine fails)."""
    try:
        from drafter.compare import word_diff

        runs = list(word_diff(old, new, timeout=1.0)[0])
        if (
            "".join(t for op, t in runs if op <= 0) == old
            and "".join(t for op, t in runs if op >= 0) == new
        ):
            return runs
    except Exception:  # the coarse diff below is still exact
        pass
    return [(-1, old), (1, new)]


def _footnote_settings(settings: etree._Element) -> None:
    """Name the separator footnotes in settings.xml, as Word itself does (before w:compat)."""
    if settings.find(qn("w:footnotePr")) is not None:
        return
    pr = etree.Element(qn("w:footnotePr"))
    for fid in ("-1", "0"):
        etree.SubElement(pr, qn("w:footnote")).set(qn("w:id"), fid)
    anchor = None
    for tag in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids"):
        anchor = settings.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(pr)
    else:
        settings.append(pr)


def footnote_reference(fid: int, *, spaced: bool = False) -> etree._Element:
    """A run carrying ``w:footnoteReference`` (no text, so accept/reject texts are unaffected).

    ``spaced`` adds letter spacing after the number so consecutive references
    ("5 6 7") do not read as one number, without adding text to the paragraph.
    """
    r = etree.Element(qn("w:r"))
    rpr = etree.SubElement(r, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), "FootnoteReference")
    if spaced:
        etree.SubElement(rpr, qn("w:spacing")).set(qn("w:val"), "50")
    etree.SubElement(r, qn("w:footnoteReference")).set(qn("w:id"), str(fid))
    return r
