"""The reader-neutral intermediate form: blocks of text plus footnotes.

Every reader (docx, pdf, txt, md) turns its input into a :class:`Draft`; the
shared cleaner and the structurer work only on drafts, so cleaning and structure
rules are written once for all formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Explicit footnote markers (from <sup>, [^n], Word footnote references) travel
# inside block text as MARK_OPEN + number + MARK_CLOSE until the structurer
# removes them; plain-digit markers are recognised later by position.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
# The PDF reader marks where italic opening words end on a line; the cleaner
# turns the mark on a paragraph's first line into Block.lead.
LEAD_MARK = "\ue002"
# A *probable* marker: digits that PDF extraction printed as a superscript would
# be ("Countries 2  and": a spaced number followed by two spaces). The structurer
# keeps them as markers only if they fit the document's footnotes, else restores
# the digits.
SOFT_OPEN = "\ue004"
SOFT_CLOSE = "\ue005"
SOFT_RE = re.compile(f"{SOFT_OPEN}(\\d+){SOFT_CLOSE}")
MARK_RE = re.compile(
    f"\\s*[{MARK_OPEN}{SOFT_OPEN}]([^{MARK_CLOSE}{SOFT_CLOSE}]*)[{MARK_CLOSE}{SOFT_CLOSE}]"
)


def restore_soft(text: str) -> str:
    """Probable markers back to the plain digits they were."""
    return SOFT_RE.sub(r"\1", text) if SOFT_OPEN in text else text


def strip_marks(text: str) -> str:
    """``text`` without its footnote marks (``MARK_RE``), fast when it has none."""
    if MARK_OPEN not in text and SOFT_OPEN not in text:
        return text
    return MARK_RE.sub("", text)


def marker(number: str) -> str:
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


@dataclass
class Block:
    """One paragraph-to-be.

    ``lead`` is the length of italic opening words when the reader knows it
    (docx runs, Markdown emphasis), -1 when unknown (plain text: guessed later).
    ``heading`` is set when the reader knows the block is a heading (Markdown
    ``#``, a Word heading style). ``after_break`` marks a block that follows a
    removed page break or footnote block, where a paragraph may continue.
    """

    text: str
    lead: int = -1
    heading: bool = False
    after_break: bool = False
    italic: bool = False


@dataclass
class Draft:
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)  # symbol, title, date from front matter
    warnings: list[str] = field(default_factory=list)
    cleaned: bool = False  # True once the shared cleaner has run

    def add_footnote(self, number: str, text: str) -> None:
        text = " ".join(text.split())
        if not number:
            return
        if self.footnotes.get(number):
            # The same number printed twice (e.g. a footnote repeated on a later
            # page): keep the first text, it is the one the marker refers to.
            return
        self.footnotes[number] = text
