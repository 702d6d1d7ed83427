"""Drafter's values: plain frozen dataclasses shared by every layer.

Nothing here knows about files, SQL or Qt. Ingest produces a :class:`Resolution`;
compare produces a :class:`Comparison` (versions mode) or a :class:`Relation`
(related-documents mode); the store persists them and :class:`Note` objects; export
and the GUI render them. The ``to_json`` methods define the public JSON contracts of
``drafter parse --json`` and ``drafter compare --json`` (see docs/ARCHITECTURE.md):
extend them, never rename or remove fields.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class ParaKind(StrEnum):
    """What a paragraph is in a resolution's structure."""

    HEADING = "heading"  # document header lines, titles, "The General Assembly,"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"  # (a), (i) under an operative (or preambular) paragraph
    CLOSING = "closing"  # "61st plenary meeting / 21 December 2012"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str  # as printed: "1", "13", "*"
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a resolution.

    ``id`` is the 0-based position in the parsed document; pairs, links and notes
    refer to paragraphs by it. ``number`` is the full number as printed, with
    parents for sub-paragraphs: "3", "3(c)", "3(c)(ii)"; None when unnumbered.
    ``text`` has no number and no footnote markers. ``lead`` is the length of the
    opening words printed in italics (preambular "Recalling also", operative
    "Decides"), 0 when none.
    """

    id: int
    kind: ParaKind
    number: str | None
    text: str
    footnotes: tuple[str, ...] = ()
    lead: int = 0
    level: int = 0  # 0 for top-level, 1 for (a), 2 for (i), ...
    # 1-based position among the document's preambular paragraphs (0: not one, or not
    # known). Preambular paragraphs are not numbered in print, but drafters cite them as
    # "PP 4"; Resolution fills this in.
    ordinal: int = 0
    # Where each footnote marker stood in ``text`` (character offsets, parallel to
    # ``footnotes``), so exports can put the reference back in place; () if unknown.
    footnote_offsets: tuple[int, ...] = ()
    # The part of the document the paragraph stands in: "" for the resolution itself,
    # "Annex" (or "Annex II") for an annex, whose paragraphs are numbered afresh: its
    # paragraph 10 is "Annex 10", not the resolution's OP 10. Resolution fills this in.
    part: str = ""

    @property
    def label(self) -> str:
        """A short human label: "OP 3(c)(ii)", "PP 4", "¶ 12", "Annex 10"."""
        if self.number is None:
            if self.kind == ParaKind.PREAMBULAR and self.ordinal:
                return f"{self._part_prefix()}PP {self.ordinal}"
            return f"¶ {self.id + 1}"
        if self.part and self.kind != ParaKind.HEADING:
            return f"{self._part_prefix()}{self.number}"
        if self.kind == ParaKind.PREAMBULAR:
            return f"PP {self.number}"
        if self.kind in (ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH):
            return f"OP {self.number}"
        return self.number

    def _part_prefix(self) -> str:
        """ "Annex " / "Annex II, " before a number in that part, "" outside any."""
        if not self.part:
            return ""
        return f"{self.part} " if " " not in self.part else f"{self.part}, "

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "number": self.number,
            "text": self.text,
            "footnotes": list(self.footnotes),
            "footnote_offsets": list(self.footnote_offsets),
            "lead": self.lead,
            "level": self.level,
            "part": self.part or None,
        }


# The heading that opens an annex ("Annex", "Annex II", "ANNEX", "Annexe", "Anexo").
_PART_HEADING = re.compile(
    r"^(?:Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ)"
    r"(?:\s+([IVXL]{1,5}|\d{1,2}|[A-H]))?\.?$"
)


def part_named_by(heading: str) -> str:
    """The part a heading opens ("Annex", "Annex II"), or "" if it opens none."""
    m = _PART_HEADING.match(heading.strip())
    return " ".join(["Annex", *m.groups(default="")[:1]]).strip() if m else ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A parsed resolution (any version: draft, revision, adopted text)."""

    symbol: str | None
    title: str | None
    date: _dt.date | None
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    language: str = "en"
    session: str | None = None  # "Sixty-eighth session"
    agenda_item: str | None = None  # "Agenda item 21 (e)"
    source: str | None = None  # file name it was read from
    warnings: tuple[str, ...] = ()  # things the reader skipped (tables, ...)

    def __post_init__(self) -> None:
        # Number the preambular paragraphs (PP 1, PP 2, ...) and say which part each
        # paragraph stands in (the resolution, its annex), once, wherever the value
        # comes from (a reader, the store, a test). An annex numbers afresh.
        count = 0
        part = ""
        paragraphs = []
        changed = False
        for p in self.paragraphs:
            if p.kind == ParaKind.HEADING and (named := part_named_by(p.text)):
                part = named
                count = 0
            if p.kind == ParaKind.PREAMBULAR and p.number is None:
                count += 1
                if p.ordinal != count:
                    p = replace(p, ordinal=count)
                    changed = True
            if p.part != part:
                p = replace(p, part=part)
                changed = True
            paragraphs.append(p)
        if changed:
            object.__setattr__(self, "paragraphs", tuple(paragraphs))

    def footnote_text(self, number: str) -> str | None:
        for fn in self.footnotes:
            if fn.number == number:
                return fn.text
        return None

    @property
    def display_name(self) -> str:
        return self.symbol or self.title or self.source or "untitled"

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "language": self.language,
            "session": self.session,
            "agenda_item": self.agenda_item,
            "source": self.source,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "footnotes": {fn.number: fn.text for fn in self.footnotes},
            "warnings": list(self.warnings),
        }


class PairKind(StrEnum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"
    INSERTED = "inserted"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


# diff-match-patch operations
DELETE, EQUAL, INSERT = -1, 0, 1


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned row of a versions-mode comparison.

    ``old``/``new`` hold paragraph ids (several for split/merge, none for an
    inserted/deleted side). ``diff`` is a list of (op, text) runs covering both
    sides completely: joining the runs with op <= 0 gives the old side's texts
    joined by "\\n", op >= 0 the new side's. ``approximate`` is True when the word
    diff was cut short by a time limit. ``formatting_only`` is True when the only
    differences are footnote markers, whitespace, quote or dash style.
    """

    kind: PairKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    diff: tuple[tuple[int, str], ...] = ()
    approximate: bool = False
    formatting_only: bool = False
    moved_edited: bool = False  # a MOVED pair whose text also changed
    # Off the longest in-order chain: every MOVED pair, and a split or merge whose
    # paragraphs moved (OP 7 + OP 8 + OP 9 merged into a new OP 1): the kind says
    # "merged", this says it also moved.
    moved: bool = False

    @property
    def is_change(self) -> bool:
        return self.kind != PairKind.UNCHANGED

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "old": list(self.old),
            "new": list(self.new),
            "similarity": round(self.similarity, 4),
            "approximate": self.approximate,
            "formatting_only": self.formatting_only,
            "moved_edited": self.moved_edited,
            "moved": self.moved,
            "diff": [[op, text] for op, text in self.diff],
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Versions mode: two versions of one text, aligned paragraph by paragraph.

    Pairs are in reading order of the new text, deleted paragraphs placed where
    they stood in the old one.
    """

    old: Resolution
    new: Resolution
    pairs: tuple[Pair, ...]
    mode: str = "versions"
    # What the comparison left out ("hyphens", "quotes", ...; see compare.ignore): an
    # ignored difference shows the new text, so diffs then give the old text only
    # up to those variants.
    ignore: tuple[str, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = {str(k): 0 for k in PairKind}
        formatting = 0
        approximate = 0
        for p in self.pairs:
            counts[str(p.kind)] += 1
            formatting += p.formatting_only
            approximate += p.approximate
        counts["formatting_only"] = formatting
        counts["approximate"] = approximate
        counts["changes"] = sum(1 for p in self.pairs if p.is_change)
        counts["wording_changes"] = self.wording_changes
        return counts

    @property
    def wording_changes(self) -> int:
        """Changes of wording in the text itself: pairs that change words (not only
        formatting) outside the document header (the headings before the first
        paragraph of text: session, agenda item, sponsors, adoption line) and the
        closing line, plus one when the title changed. 0 answers "did anything
        change between the draft and the resolution?" with "no change in wording"."""
        old_skip = _furniture_ids(self.old)
        new_skip = _furniture_ids(self.new)
        count = 0
        for p in self.pairs:
            if not p.is_change or p.formatting_only:
                continue
            if all(i in old_skip for i in p.old) and all(i in new_skip for i in p.new):
                continue
            count += 1
        if _words(self.old.title) != _words(self.new.title):
            count += 1
        return count

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "mode": self.mode,
            "ignore": list(self.ignore),
            "pairs": [p.to_json() for p in self.pairs],
            "summary": self.summary,
        }


def _furniture_ids(res: Resolution) -> set[int]:
    """The header headings (before the first paragraph of text) and closing lines."""
    ids: set[int] = set()
    in_header = True
    for p in res.paragraphs:
        if in_header and p.kind == ParaKind.HEADING:
            ids.add(p.id)
            continue
        in_header = False
        if p.kind == ParaKind.CLOSING:
            ids.add(p.id)
    return ids


def _words(text: str | None) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in (text or "").casefold()).split()


@dataclass(frozen=True, slots=True)
class Link:
    """Related mode: paragraph ``old`` of the first text is reflected in ``new``."""

    old: int
    new: int
    score: float  # 0-1
    shared: tuple[str, ...] = ()  # shared phrases, as they appear in the texts
    # Strong: a fair score with a visible reason. Weak: the paragraph's best remaining
    # candidates, shown so that no paragraph is left without an answer.
    strong: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "score": round(self.score, 4),
            "shared": list(self.shared),
            "strong": self.strong,
        }


@dataclass(frozen=True, slots=True)
class Relation:
    """Related-documents mode: many-to-many links between two different texts."""

    old: Resolution
    new: Resolution
    links: tuple[Link, ...]  # best first within each old paragraph
    mode: str = "related"

    def links_from(self, old_id: int) -> tuple[Link, ...]:
        return tuple(
            sorted((lk for lk in self.links if lk.old == old_id), key=lambda lk: -lk.score)
        )

    def links_to(self, new_id: int) -> tuple[Link, ...]:
        return tuple(
            sorted((lk for lk in self.links if lk.new == new_id), key=lambda lk: -lk.score)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "mode": self.mode,
            "links": [lk.to_json() for lk in self.links],
        }


class NoteStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note sits: a paragraph, and optionally a quote within it.

    Enough to re-find the spot by content: the paragraph's id and number, a hash
    of its text, and the quoted words with their offsets (start, end) in it.
    """

    paragraph_id: int
    number: str | None
    text_hash: str
    quote: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """An annotation on a paragraph of one stored version."""

    id: str  # uuid4 hex; stable across export/import
    version_id: int
    anchor: Anchor
    body: str
    author: str
    created: str  # ISO 8601 UTC
    updated: str
    tags: tuple[str, ...] = ()
    status: NoteStatus = NoteStatus.OPEN
    orphaned: bool = False  # its paragraph or quoted words are gone in this version
    carried_from: str | None = None  # id of the note on the earlier version

    def to_json(self) -> dict[str, Any]:
        a = self.anchor
        return {
            "id": self.id,
            "version_id": self.version_id,
            "paragraph_id": a.paragraph_id,
            "number": a.number,
            "text_hash": a.text_hash,
            "quote": a.quote,
            "start": a.start,
            "end": a.end,
            "body": self.body,
            "author": self.author,
            "created": self.created,
            "updated": self.updated,
            "tags": list(self.tags),
            "status": str(self.status),
            "orphaned": self.orphaned,
            "carried_from": self.carried_from,
        }
