"""Tracked changes and comments of a Word file, each with its author, date and place.

Reads ``word/document.xml`` and ``word/comments.xml`` directly (python-docx reads
neither revisions nor comments). For every body paragraph it gives the *base* text
(every change rejected: what the proposals were made on) and the revisions inside it,
each placed by its character offset in that base text: an insertion stands at one
offset, a deletion covers a range. Paragraph marks inserted or deleted (a new
paragraph, a paragraph deleted or merged) and comment ranges are placed the same way.
:mod:`drafter.proposals` turns these raw facts into attributed proposals.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.docx import _q

MAX_XML_BYTES = 64 * 1024 * 1024

_INS = {_q("ins"): "ins", _q("moveTo"): "moveTo"}
_DEL = {_q("del"): "del", _q("moveFrom"): "moveFrom"}


@dataclass
class Revision:
    kind: str  # "ins", "del", "moveFrom", "moveTo"
    author: str
    date: str
    start: int  # offset in the paragraph's base text
    text: str  # the inserted or deleted text

    @property
    def end(self) -> int:
        """End in the base text: deletions cover their text, insertions are a point."""
        return self.start + (len(self.text) if self.kind in ("del", "moveFrom") else 0)


@dataclass
class CommentRange:
    id: str
    start: int
    end: int
    author: str = ""
    date: str = ""
    text: str = ""


@dataclass
class RevisedParagraph:
    """One body paragraph: base text, accepted text, its revisions and comments."""

    index: int
    base: str
    accepted: str
    revisions: list[Revision] = field(default_factory=list)
    comments: list[CommentRange] = field(default_factory=list)
    mark: str | None = None  # "ins" / "del": the paragraph mark itself is a change
    mark_author: str = ""
    mark_date: str = ""


def _read_part(z: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise IngestError(z.filename or "document", f"{name} is too large to read")
    return z.read(info)


def _comments(z: zipfile.ZipFile, path: Path) -> dict[str, tuple[str, str, str]]:
    from lxml import etree

    data = _read_part(z, "word/comments.xml")
    if data is None:
        return {}
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        raise IngestError(path, "the Word file's comments (comments.xml) are damaged") from None
    out = {}
    for c in root.iter(_q("comment")):
        text = " ".join(
            "".join(t.text or "" for t in p.iter(_q("t"))) for p in c.iter(_q("p"))
        ).strip()
        out[c.get(_q("id"), "")] = (c.get(_q("author"), ""), c.get(_q("date"), ""), text)
    return out


def _read_paragraph(p, index: int, comments, open_comments) -> RevisedParagraph:
    para = RevisedParagraph(index=index, base="", accepted="")
    ppr = p.find(_q("pPr"))
    rpr = ppr.find(_q("rPr")) if ppr is not None else None
    if rpr is not None:
        for tag, kind in (
            (_q("ins"), "ins"),
            (_q("moveTo"), "ins"),
            (_q("del"), "del"),
            (_q("moveFrom"), "del"),
        ):
            el = rpr.find(tag)
            if el is not None:
                para.mark = kind
                para.mark_author = el.get(_q("author"), "")
                para.mark_date = el.get(_q("date"), "")
                break
    base: list[str] = []
    accepted: list[str] = []

    def walk(el, change: tuple[str, str, str] | None) -> None:
        for child in el:
            tag = child.tag
            if tag == _q("pPr"):
                continue
            if tag in _INS or tag in _DEL:
                kind = _INS.get(tag) or _DEL[tag]
                info = (kind, child.get(_q("author"), ""), child.get(_q("date"), ""))
                walk(child, info)
                continue
            if tag == _q("commentRangeStart"):
                cid = child.get(_q("id"), "")
                author, date, text = comments.get(cid, ("", "", ""))
                rng = CommentRange(cid, len("".join(base)), -1, author, date, text)
                open_comments[cid] = rng
                para.comments.append(rng)
                continue
            if tag == _q("commentRangeEnd"):
                cid = child.get(_q("id"), "")
                if cid in open_comments:
                    rng = open_comments.pop(cid)
                    rng.end = len("".join(base)) if any(r is rng for r in para.comments) else -1
                continue
            if tag != _q("r"):
                walk(child, change)
                continue
            text = ""
            for item in child:
                t = item.tag
                if t in (_q("t"), _q("delText")):
                    text += item.text or ""
                elif t in (_q("tab"), _q("br"), _q("cr")):
                    text += " "
                elif t == _q("noBreakHyphen"):
                    text += "\u2011"
            if not text:
                continue
            if change is None:
                base.append(text)
                accepted.append(text)
                continue
            kind, author, date = change
            offset = len("".join(base))
            last = para.revisions[-1] if para.revisions else None
            if (
                last is not None
                and last.kind == kind
                and last.author == author
                and last.end == offset
                and kind in ("ins", "moveTo")
                and last.start == offset
            ):
                last.text += text  # one insertion written as several runs
            elif (
                last is not None
                and last.kind == kind
                and last.author == author
                and kind in ("del", "moveFrom")
                and last.end == offset
            ):
                last.text += text
            else:
                para.revisions.append(Revision(kind, author, date, offset, text))
            if kind in ("ins", "moveTo"):
                accepted.append(text)
            else:
                base.append(text)

    walk(p, None)
    para.base = "".join(base)
    para.accepted = "".join(accepted)
    return para


def read_revisions(path: str | Path) -> list[RevisedParagraph]:
    """Every body paragraph of a .docx with its revisions and comment ranges, in order."""
    from lxml import etree

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            data = _read_part(z, "word/document.xml")
            if data is None:
                raise IngestError(path, "not a Word .docx file (no word/document.xml)")
            comments = _comments(z, path)
    except (zipfile.BadZipFile, OSError):
        raise IngestError(path, "not a valid Word .docx file (damaged or another format)") from None
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, huge_tree=False)
        )
    except etree.XMLSyntaxError:
        raise IngestError(path, "the Word file's text (document.xml) is damaged") from None
    body = root.find(_q("body"))
    if body is None:
        raise IngestError(path, "the Word file has no body")
    out: list[RevisedParagraph] = []
    open_comments: dict[str, CommentRange] = {}

    def paragraphs(container):
        for child in container:
            if child.tag == _q("p"):
                yield child
            elif child.tag in (_q("sdt"), _q("sdtContent"), _q("customXml")):
                yield from paragraphs(child)

    for p in paragraphs(body):
        out.append(_read_paragraph(p, len(out), comments, open_comments))
    # A comment range still open ends with the paragraph it started in.
    for rng in open_comments.values():
        rng.end = -1
    for para in out:
        for rng in para.comments:
            if rng.end < 0:
                rng.end = len(para.base)
    return out


def has_revisions(paragraphs: list[RevisedParagraph]) -> bool:
    return any(p.revisions or p.mark or p.comments for p in paragraphs)
