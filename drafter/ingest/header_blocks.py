"""The header zone cut into the same headings whatever the extraction.

Before "The General Assembly," a resolution prints a session line, an agenda item
(with its title in drafts), the adoption line, the report line in brackets and the
numbered title. One extraction prints them on one line ("Seventy-third session Agenda
item 43"), another one per block, a third wraps the adoption line over two blocks
("Resolution adopted by the General Assembly" / "on 1 November 2018"). Here each item
starts its own heading and a wrapped item is one heading again, so every rendering of
a document gives the same header paragraphs.
"""

from __future__ import annotations

import re

from drafter.ingest.blocks import Block, strip_marks
from drafter.ingest.lines import CHAPEAU_RE

_SESSION = r"(?:[A-Z][a-z]+-)?[A-Z][a-z]+(?:th|st|nd|rd) (?:special |emergency special )?session\b"
_COMMITTEE = r"(?:First|Second|Third|Fourth|Fifth|Sixth) Committee(?= Agenda\b|$)"
_AGENDA = r"Agenda items? \d"
_ADOPTED = r"(?i:Resolution adopted by the)\b"
_REPORT = r"\[(?:without reference to|on the report of)\b"
_TITLE = r"\d{1,3}/\d{1,4}(?: ?[A-Z])?\.(?: |$)"
_STARTS = (_SESSION, _COMMITTEE, _AGENDA, _ADOPTED, _REPORT, _TITLE)
# An item starting inside a block: only where the previous item may end.
_INNER = re.compile(rf"(?<=\S) (?=(?:{'|'.join(_STARTS)}))")
_START = re.compile(rf"^(?:{'|'.join(_STARTS)})")
_ADOPTED_RE = re.compile(_ADOPTED)
_DATED = re.compile(r"\b\d{4}\b")
_AGENDA_BARE = re.compile(rf"^{_AGENDA}[\d\s(),a-z]*(?:and \d+[\s()a-z]*)?$")
_TITLE_RE = re.compile(_TITLE)


def _chapeau(blocks: list[Block]) -> int | None:
    for i, b in enumerate(blocks):
        t = strip_marks(b.text).strip().strip("*_ ")
        if len(t) <= 80 and CHAPEAU_RE.match(t):
            return i
    return None


def _split(text: str) -> list[str]:
    cuts = [m.end() for m in _INNER.finditer(text)]
    if not cuts:
        return [text]
    pieces, start = [], 0
    for cut in cuts:
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _joins(prev: str, nxt: str) -> bool:
    """``nxt`` (a block that starts no item) continues the item ``prev``."""
    if _ADOPTED_RE.match(prev) and not _DATED.search(prev):
        return nxt[
            :1
        ].islower()  # "Resolution adopted by the General Assembly" / "on 1 November 2018"
    if prev.startswith("[") and "]" not in prev:
        return True
    if _TITLE_RE.match(prev) and (nxt[:1].islower() or prev.rstrip().endswith(".")):
        return True  # the title wrapped, or "73/8." alone on its line
    if _AGENDA_BARE.match(prev) and nxt[:1].isupper() and ":" not in nxt[-40:]:
        return "draft resolution" not in nxt and "draft decision" not in nxt
    return False


def segment_header(blocks: list[Block]) -> list[Block]:
    chapeau = _chapeau(blocks)
    if chapeau is None or chapeau == 0:
        return blocks
    head: list[Block] = []
    for block in blocks[:chapeau]:
        if block.heading and block.text.lstrip().startswith("#"):
            head.append(block)
            continue
        pieces = _split(block.text)
        for k, piece in enumerate(pieces):
            plain = strip_marks(piece).strip()
            prev = strip_marks(head[-1].text).strip() if head else ""
            if head and not _START.match(plain) and k == 0 and _joins(prev, plain):
                head[-1].text = f"{head[-1].text.rstrip()} {piece}"
                continue
            head.append(
                Block(piece, lead=block.lead if k == 0 else -1, heading=block.heading,
                      after_break=block.after_break, italic=block.italic)
            )  # fmt: skip
    return head + blocks[chapeau:]
