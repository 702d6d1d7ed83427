"""Render stream pieces (:class:`~drafter.export.stream.Seg`) as Word runs.

Three looks share this code: *tracked* (real ``w:ins``/``w:del`` for the
redline), *marked* (struck-through red deletions and underlined blue
insertions, for table cells where tracked changes would be unreadable), and
*plain* (a clean copy). Italic opening words follow each side's ``lead``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from drafter.model import Paragraph

from .comments import PlacedSeg
from .ooxml import (
    DEL_COLOUR,
    INS_COLOUR,
    Footnotes,
    Revisions,
    RunStyle,
    footnote_reference,
    make_run,
)
from .stream import Seg


def seg_style(
    seg: Seg,
    side: str,
    old_ps: Sequence[Paragraph],
    new_ps: Sequence[Paragraph],
    *,
    marked: bool,
) -> RunStyle:
    """Formatting of a piece: italics from the lead of the side it is read on."""
    st = RunStyle()
    if seg.role == "text":
        use_old = seg.op < 0 or (seg.op == 0 and side == "old")
        if use_old and seg.old is not None:
            st.italic = st.italic or seg.old_off < old_ps[seg.old].lead
        elif seg.new is not None:
            st.italic = st.italic or seg.new_off < new_ps[seg.new].lead
    if marked and seg.role == "label":
        pass  # each column shows its own numbering; renumbering is not a text change
    elif marked and seg.op < 0:
        st.strike, st.colour = True, DEL_COLOUR
    elif marked and seg.op > 0:
        st.underline, st.colour = True, INS_COLOUR
    if seg.mark == "phrase":
        st.highlight, st.bold = "yellow", True
    return st


def render_segs(
    p: etree._Element,
    segs: Sequence[Seg],
    *,
    side: str,
    old_ps: Sequence[Paragraph],
    new_ps: Sequence[Paragraph],
    revisions: Revisions | None = None,
    marked: bool = False,
    in_cell: bool = False,
    move: bool = False,
) -> list[PlacedSeg]:
    """Append runs for ``segs`` to ``p``; with ``revisions`` they become tracked changes.

    ``in_cell``: labels are followed by a space, not a tab (table cells are narrow).
    ``move``: changes are a tracked move (``w:moveFrom``/``w:moveTo``, text in ``w:t``).
    """
    placed = []
    for seg in segs:
        st = seg_style(seg, side, old_ps, new_ps, marked=marked)
        deleted = revisions is not None and seg.op < 0 and not move
        is_label = seg.role == "label"
        text = seg.text + " " if is_label and in_cell else seg.text
        run = make_run(text, st, deleted=deleted, tab_after=is_label and not in_cell)
        el = revisions.wrap(run, seg.op, move=move) if revisions is not None else run
        p.append(el)
        placed.append(PlacedSeg(seg, el))
    return placed


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote reference to write: tracked ``op``, the footnote's text, and where
    its marker stood (``offset`` in paragraph ``para`` of ``side``; None: unknown)."""

    op: int
    text: str
    side: str = "new"
    para: int | None = None
    offset: int | None = None


def _marker_offset(p: Paragraph, number: str) -> int | None:
    if len(p.footnote_offsets) != len(p.footnotes):
        return None
    return p.footnote_offsets[p.footnotes.index(number)]


def footnote_cuts(paragraphs: Sequence[Paragraph]) -> dict[int, set[int]]:
    """Offsets at which text pieces are split so a reference can stand between them."""
    return {p.id: set(p.footnote_offsets) for p in paragraphs if p.footnote_offsets}


def _anchor(ref: FootnoteRef, placed: Sequence[PlacedSeg]) -> etree._Element | None:
    """The rendered piece that ends where the marker stood, if there is one."""
    if ref.offset is None or ref.para is None:
        return None
    for ps in placed:
        s = ps.seg
        if s.role != "text":
            continue
        if ref.side == "new" and s.op >= 0 and s.new == ref.para and s.new_end == ref.offset:
            return ps.element
        if ref.side == "old" and s.op <= 0 and s.old == ref.para and s.old_end == ref.offset:
            return ps.element
    return None


def add_footnote_refs(
    p: etree._Element,
    refs: Sequence[FootnoteRef],
    footnotes: Footnotes,
    revisions: Revisions | None,
    *,
    move: bool = False,
    placed: Sequence[PlacedSeg] = (),
) -> None:
    """Footnote references, tracked like the paragraph they belong to.

    Each goes right after the piece of text its marker followed ("Women⁸"), found
    in ``placed``; where that place is not known, at the paragraph's end.
    """
    anchors = [_anchor(ref, placed) for ref in refs]
    after: dict[int, etree._Element] = {}  # anchor -> the last reference put after it
    for k, ref in enumerate(refs):
        fid = footnotes.add(ref.text)
        spaced = k + 1 < len(refs) and anchors[k + 1] is anchors[k]
        run = footnote_reference(fid, spaced=spaced)
        el = revisions.wrap(run, ref.op, move=move) if revisions is not None else run
        anchor = anchors[k]
        if anchor is None:
            p.append(el)
        else:
            after.get(id(anchor), anchor).addnext(el)
            after[id(anchor)] = el


def footnote_refs(
    old_p: Paragraph | None,
    new_p: Paragraph | None,
    old_text: dict[str, str],
    new_text: dict[str, str],
) -> list[FootnoteRef]:
    """Which footnotes this body paragraph cites: kept (0), new only (1), old only (-1)."""
    out: list[FootnoteRef] = []
    old_fn = list(old_p.footnotes) if old_p is not None else []
    new_fn = list(new_p.footnotes) if new_p is not None else []
    for num in new_fn:
        text = new_text.get(num)
        if text is None:
            continue
        kept = num in old_fn and old_text.get(num) == text
        offset = _marker_offset(new_p, num)  # type: ignore[arg-type]
        out.append(FootnoteRef(0 if kept else 1, text, "new", new_p.id, offset))  # type: ignore[union-attr]
    for num in old_fn:
        text = old_text.get(num)
        if text is None:
            continue
        if not (num in new_fn and new_text.get(num) == text):
            offset = _marker_offset(old_p, num)  # type: ignore[arg-type]
            out.append(FootnoteRef(-1, text, "old", old_p.id, offset))  # type: ignore[union-attr]
    return out
