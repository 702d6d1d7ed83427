"""Render stream pieces (:class:`~drafter.export.stream.Seg`) as Word runs.

Three looks share this code: *tracked* (real ``w:ins``/``w:del`` for the
redline), *marked* (struck-through red deletions and underlined blue
insertions, for table cells where tracked changes would be unreadable), and
*plain* (a clean copy). Italic opening words follow each side's ``lead``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from drafter.model import Paragraph

from .comments import PlacedSeg
from .footnote_place import Placement
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


def footnote_cuts(paragraphs: Sequence[Paragraph]) -> dict[int, set[int]]:
    """Offsets at which text pieces are split so a reference can stand between them."""
    return {p.id: set(p.footnote_offsets) for p in paragraphs if p.footnote_offsets}


def write_footnote_refs(
    paragraphs: Sequence[etree._Element],
    placed: Sequence[Sequence[PlacedSeg]],
    placements: Sequence[Placement],
    footnotes: Footnotes,
    revisions: Revisions | None,
    *,
    move: bool = False,
) -> None:
    """Write each planned reference at its slot, tracked with its op.

    Consecutive references at one place get a little letter spacing so that
    "5 6 7" does not read as one number (no text is added to the paragraph).
    """
    last_after: dict[tuple[int, int], etree._Element] = {}
    for n, pl in enumerate(placements):
        fid = footnotes.add(pl.text, old_text=pl.old_text, revisions=revisions)
        spaced = n + 1 < len(placements) and placements[n + 1].slot == pl.slot
        run = footnote_reference(fid, spaced=spaced)
        el = revisions.wrap(run, pl.op, move=move) if revisions is not None else run
        j, k = pl.slot.para, pl.slot.index
        pieces = placed[j]
        key = (j, k)
        if key in last_after:
            last_after[key].addnext(el)
        elif k > 0:
            pieces[k - 1].element.addnext(el)
        elif pieces:
            pieces[0].element.addprevious(el)
        else:
            paragraphs[j].append(el)
        last_after[key] = el
