"""Notes as Word comments, and comments Drafter itself adds ("moved from OP 5").

python-docx 1.2's ``comments`` creates the comments part; the comments themselves are
built here as the XML python-docx's ``add_comment`` writes (its own call searches every
earlier comment for a free id and takes ~10 ms, so 20,000 notes took minutes; this is
linear). Anchoring is done here with raw range markers because a note may span runs inside
``w:ins``/``w:del`` wrappers or across paragraphs, which ``Document.add_comment``
(runs only) cannot express.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

from docx.oxml.ns import nsdecls
from lxml import etree

from drafter.model import Note, NoteStatus, Resolution

from .ooxml import anchor_comment, anchor_comment_at_end, xml_safe
from .stream import Seg


def initials(name: str) -> str:
    parts = [w for w in name.replace(".", " ").split() if w]
    return "".join(w[0].upper() for w in parts[:3]) or "D"


def parse_when(stamp: str | None) -> _dt.datetime | None:
    if not stamp:
        return None
    try:
        when = _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=_dt.UTC)


def note_text(note: Note, *, prefix: str = "") -> str:
    """The comment body: the note, then its tags, status and provenance on separate lines."""
    if note.orphaned:
        where = f" (was {note.anchor.number})" if note.anchor.number else ""
        prefix = f"Orphaned note{where}: {prefix}"
    lines = [f"{prefix}{note.body}" if prefix else note.body]
    extra = []
    if note.tags:
        extra.append("Tags: " + ", ".join(note.tags))
    if note.status == NoteStatus.RESOLVED:
        extra.append("Resolved")
    if note.carried_from:
        extra.append("Carried forward from an earlier version")
    if note.orphaned:
        extra.append("Its paragraph or quoted words are no longer in this version")
    if extra:
        lines.append(" · ".join(extra))
    return xml_safe("\n".join(lines))


@dataclass
class PlacedSeg:
    """A rendered piece: its value and the ``w:p`` child that holds it."""

    seg: Seg
    element: etree._Element


class CommentWriter:
    """Adds comments to a python-docx Document and anchors them in the body."""

    def __init__(self, document, *, default_author: str = "Drafter") -> None:
        self._doc = document
        self._author = default_author
        self.count = 0
        self._done: list[str] = []
        self._pending: list[str] = []
        self._next_id: int | None = None

    def _new(self, text: str, author: str, when: _dt.datetime | None, *, done: bool = False) -> int:
        if self._next_id is None:
            used = [int(x) for x in self._doc.comments._comments_elm.xpath("./w:comment/@w:id")]
            self._next_id = max(used, default=-1) + 1
        author = xml_safe(author).strip() or self._author
        cid = self._next_id
        self._next_id += 1
        para_id = f"{0x10000000 + cid:08X}" if done else None  # below 0x80000000, as Word wants
        if para_id:
            self._done.append(para_id)
        stamp = when or _dt.datetime.now(_dt.UTC)
        self._pending.append(
            comment_xml(cid, xml_safe(text), author, initials(author), stamp, para_id)
        )
        self.count += 1
        return cid

    def finish(self) -> None:
        """Put the comments into the comments part (parsed in one go), and write
        ``commentsExtended.xml`` so resolved notes show as resolved (Word 2013+,
        LibreOffice 7.2+); call once, before saving."""
        if self._pending:
            xml = f'<w:comments {nsdecls("w", "w14")}>{"".join(self._pending)}</w:comments>'
            parsed = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False))
            self._doc.comments._comments_elm.extend(list(parsed))
            self._pending = []
        if self._done:
            add_comments_extended(self._doc, self._done)
            self._done = []

    def system(
        self, placed: Sequence[PlacedSeg], text: str, *, when: _dt.datetime | None = None
    ) -> None:
        """A comment from Drafter itself (moves, splits, approximate diffs) over ``placed``."""
        if not placed:
            return
        cid = self._new(text, self._author, when)
        anchor_comment(placed[0].element, placed[-1].element, cid)

    def note(
        self,
        note: Note,
        placed: Sequence[PlacedSeg],
        side: str,
        fallback_p: etree._Element | None,
        *,
        prefix: str = "",
    ) -> bool:
        """Anchor ``note`` on its quoted words (or whole paragraph) among ``placed``.

        ``placed`` are the pieces of the note's paragraph on ``side`` ("old" or
        "new"). Returns False when there is nowhere to put it (the caller lists
        it with the orphaned notes).
        """
        cid_text = note_text(note, prefix=prefix)
        when = parse_when(note.created)
        a = note.anchor
        texts = [p for p in placed if p.seg.role == "text"]
        chosen = texts
        if a.quote and a.end > a.start:

            def off(p: PlacedSeg) -> int:
                return p.seg.old_off if side == "old" else p.seg.new_off

            inside = [p for p in texts if off(p) < a.end and off(p) + len(p.seg.text) > a.start]
            if inside:
                chosen = inside
        if not chosen:
            chosen = list(placed)
        if chosen:
            cid = self._new(cid_text, note.author or self._author, when, done=_done(note))
            anchor_comment(chosen[0].element, chosen[-1].element, cid)
            return True
        if fallback_p is not None:
            cid = self._new(cid_text, note.author or self._author, when, done=_done(note))
            anchor_comment_at_end(fallback_p, cid)
            return True
        return False

    def at_paragraph_end(self, p: etree._Element, note: Note, *, prefix: str = "") -> None:
        cid = self._new(
            note_text(note, prefix=prefix),
            note.author or self._author,
            parse_when(note.created),
            done=_done(note),
        )
        anchor_comment_at_end(p, cid)


W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_EXT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
_EXT_RT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


_LINES = re.compile(r"\r\n|\r|\n")
_REF_RUN = (
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
)


def comment_xml(
    cid: int, text: str, author: str, initials: str, when: _dt.datetime, para_id: str | None
) -> str:
    """A ``w:comment`` as python-docx's ``add_comment`` writes it: one paragraph (style
    CommentText) per line, the first opening with the annotation reference; the last
    paragraph carries ``w14:paraId`` when given."""
    lines = _LINES.split(text)
    paras = []
    for n, line in enumerate(lines):
        pid = f' w14:paraId="{para_id}"' if para_id and n == len(lines) - 1 else ""
        run = "<w:tab/>".join(
            f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""
            for piece in line.split("\t")
        )
        paras.append(
            f'<w:p{pid}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            f"{_REF_RUN if n == 0 else ''}{f'<w:r>{run}</w:r>' if line else ''}</w:p>"
        )
    stamp = when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<w:comment w:id="{cid}" w:author={quoteattr(author)} w:initials={quoteattr(initials)} '
        f'w:date="{stamp}">{"".join(paras)}</w:comment>'
    )


def _done(note: Note) -> bool:
    return note.status == NoteStatus.RESOLVED


def add_comments_extended(document, done_para_ids: Sequence[str]) -> None:
    """The ``commentsExtended`` part marking the given comments as done (resolved)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    entries = "".join(f'<w15:commentEx w15:paraId="{pid}" w15:done="1"/>' for pid in done_para_ids)
    xml = (
        f'<w15:commentsEx xmlns:w15="{W15}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'mc:Ignorable="w15">{entries}</w15:commentsEx>'
    )
    doc_part = document.part
    part = XmlPart(PackURI("/word/commentsExtended.xml"), _EXT_CT, parse_xml(xml), doc_part.package)
    doc_part.relate_to(part, _EXT_RT)


def split_notes(notes: Sequence[Note], resolution: Resolution) -> tuple[list[Note], list[Note]]:
    """(anchored, unplaced): notes to comment in the text, and notes with no place in it.

    An orphaned note (its paragraph or quoted words are gone) goes on the
    paragraph where it was last known, on the whole paragraph, and says it is
    orphaned; only a note whose paragraph id is not in this version has no place.
    Quoted anchors are checked against the paragraph text: offsets that no longer
    point at the quote are re-found by searching for it; a quote that is gone
    leaves the note on the whole paragraph (the comment still names the words).
    """
    n = len(resolution.paragraphs)
    anchored, unplaced = [], []
    for note in notes:
        pid = note.anchor.paragraph_id
        if not (0 <= pid < n):
            unplaced.append(note)
        elif note.orphaned:
            anchored.append(replace(note, anchor=replace(note.anchor, start=0, end=0)))
        else:
            anchored.append(_fix_quote(note, resolution.paragraphs[pid].text))
    return anchored, unplaced


def _fix_quote(note: Note, text: str) -> Note:
    a = note.anchor
    if not a.quote or text[a.start : a.end] == a.quote:
        return note
    at = text.find(a.quote)
    if at >= 0:
        return replace(note, anchor=replace(a, start=at, end=at + len(a.quote)))
    return replace(
        note,
        body=f"(on the words “{a.quote}”, no longer in this paragraph) {note.body}",
        anchor=replace(a, start=0, end=0),
    )


def note_cuts(notes: Sequence[Note]) -> dict[int, set[int]]:
    """Offsets where runs must be split so a quoted note anchors on exactly its words."""
    cuts: dict[int, set[int]] = {}
    for note in notes:
        a = note.anchor
        if a.quote and a.end > a.start:
            cuts.setdefault(a.paragraph_id, set()).update((a.start, a.end))
    return cuts


def merge_cuts(*maps: dict[int, set[int]]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for m in maps:
        for k, v in m.items():
            out.setdefault(k, set()).update(v)
    return out


def note_line(note: Note, where: str) -> str:
    """One line for notes lists and table cells: "OP 5 — A. Author, 2013-10-01: body"."""
    day = (note.created or "")[:10]
    who = note.author or "unknown"
    head = f"{where} — {who}, {day}" if where else f"{who}, {day}"
    quote = f" [“{note.anchor.quote}”]" if note.anchor.quote else ""
    return xml_safe(f"{head}{quote}: {note.body}")
