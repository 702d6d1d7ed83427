"""Where footnote references go in a redline, and which of them are changes.

A footnote is the same footnote when its text is the same, whatever its number:
renumbering (a footnote added earlier in the text) is no change and tracks
nothing. Each reference stands where its marker stood on its side, found among
the rendered pieces of the whole item (so a merge keeps every reference in
place, not piled at the end). A reference kept on both sides needs one place
that is right for both readings; a footnote whose text changed but whose place
did not becomes one reference whose footnote text carries the tracked edit
(LibreOffice and Word both accept that exactly); anything else is a deleted
reference where the old marker stood and an inserted one where the new one does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drafter.model import Paragraph, Resolution

from .comments import PlacedSeg


def footnote_key(text: str) -> str:
    """What makes two footnotes the same: their words, spacing ignored."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Marker:
    """One footnote marker of one side: paragraph id, offset in its text, footnote text."""

    side: str  # "old" | "new"
    para: int
    offset: int
    text: str

    @property
    def key(self) -> str:
        return footnote_key(self.text)


def markers(res: Resolution, p: Paragraph, side: str) -> list[Marker]:
    """The paragraph's footnote markers in reading order (at its end where not known)."""
    known = len(p.footnote_offsets) == len(p.footnotes)
    out = []
    for k, number in enumerate(p.footnotes):
        text = res.footnote_text(number)
        if text is None:
            continue
        offset = p.footnote_offsets[k] if known else len(p.text)
        out.append((min(max(offset, 0), len(p.text)), k, Marker(side, p.id, 0, text)))
    out.sort(key=lambda t: (t[0], t[1]))
    return [Marker(m.side, m.para, off, m.text) for off, _k, m in out]


@dataclass(frozen=True, slots=True)
class Slot:
    """A place between two rendered pieces: body paragraph ``para``, before piece ``index``."""

    para: int
    index: int


@dataclass(frozen=True, slots=True)
class Placement:
    """A reference to write at ``slot``: ``op`` -1/0/1; ``old_text`` set for an edited footnote."""

    slot: Slot
    op: int
    text: str
    old_text: str | None = None


def slots(
    placed: Sequence[Sequence[PlacedSeg]],
    marks: Sequence[int],
    old_ids: Sequence[int],
    new_ids: Sequence[int],
) -> list[tuple[Slot, tuple[int, int] | None, tuple[int, int] | None]]:
    """Every place a reference may go, with the (paragraph, offset) it is at on each side.

    ``placed[j]`` are the pieces of body paragraph ``j`` in order and ``marks[j]``
    the op of its paragraph mark. Places right before a number label are left
    out: a reference at a paragraph's start goes after its number.
    """
    oi = ni = 0
    old = (old_ids[0], 0) if old_ids else None
    new = (new_ids[0], 0) if new_ids else None
    out = []
    for j, pieces in enumerate(placed):
        for k in range(len(pieces) + 1):
            if k == len(pieces) or pieces[k].seg.role != "label":
                out.append((Slot(j, k), old, new))
            if k < len(pieces):
                s = pieces[k].seg
                if s.role == "text":
                    if s.op <= 0 and s.old is not None:
                        old = (s.old, s.old_end)
                    if s.op >= 0 and s.new is not None:
                        new = (s.new, s.new_end)
        if marks[j] <= 0 and old_ids:
            oi += 1
            old = (old_ids[oi], 0) if oi < len(old_ids) else None
        if marks[j] >= 0 and new_ids:
            ni += 1
            new = (new_ids[ni], 0) if ni < len(new_ids) else None
    return out


def _ranges(markers_: Sequence[Marker], where: list, side: int) -> list[tuple[int, int]]:
    """For each marker, the first and last slot index standing at its place."""
    out = []
    for m in markers_:
        hits = [i for i, w in enumerate(where) if w[side] == (m.para, m.offset)]
        if not hits:  # not rendered at that offset: the paragraph's last place
            hits = [i for i, w in enumerate(where) if w[side] and w[side][0] == m.para]
        if not hits:
            hits = [len(where) - 1]
        out.append((hits[0], hits[-1]))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _match(old: Sequence[Marker], new: Sequence[Marker], ro, rn) -> list[tuple[int, int]]:
    """Longest in-order matching of equal footnotes that can share one place."""
    n, m = len(old), len(new)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if old[i].key == new[j].key and _overlap(ro[i], rn[j]):
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if (
            old[i].key == new[j].key
            and _overlap(ro[i], rn[j])
            and best[i][j] == best[i + 1][j + 1] + 1
        ):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def plan(
    old: Sequence[Marker],
    new: Sequence[Marker],
    where: list,
    *,
    edits: bool = True,
) -> list[Placement]:
    """The references to write for one item, in writing order, each at its slot.

    ``where`` comes from :func:`slots`. Same footnote, one shared place: written
    once, untracked. With ``edits``, an old and a new footnote left over between
    two such matches that can share a place become one reference with a tracked
    edit in its text. The rest are deleted/inserted references at their own places.
    """
    ro, rn = _ranges(old, where, 1), _ranges(new, where, 2)
    matched = _match(old, new, ro, rn)
    # (range, op, text, old_text, old index or -1, new index or -1), in a merged order
    entries: list[tuple[tuple[int, int], int, str, str | None]] = []
    i = j = 0
    for mi, mj in [*matched, (len(old), len(new))]:
        gap_old = list(range(i, mi))
        gap_new = list(range(j, mj))
        if edits:
            paired = []
            for a, b in zip(gap_old, gap_new, strict=False):
                both = _overlap(ro[a], rn[b])
                if both is None:
                    break
                paired.append((a, b, both))
            for a, b, both in paired:
                entries.append((both, 0, new[b].text, old[a].text))
            gap_old = gap_old[len(paired) :]
            gap_new = gap_new[len(paired) :]
        singles = [(ro[a], -1, old[a].text, None) for a in gap_old]
        singles += [(rn[b], 1, new[b].text, None) for b in gap_new]
        singles.sort(key=lambda e: e[0][0])  # stable: each side keeps its order
        entries.extend(singles)
        if mi < len(old):
            entries.append((_overlap(ro[mi], rn[mj]), 0, new[mj].text, None))  # type: ignore[arg-type]
        i, j = mi + 1, mj + 1
    out: list[Placement] = []
    at = 0
    for (lo, hi), op, text, old_text in entries:
        at = max(at, lo)
        if at > hi:  # no order-preserving place for every shared one: all tracked
            if edits or matched:
                return _tracked_only(old, new, where, ro, rn)
            at = lo
        out.append(Placement(where[at][0], op, text, old_text))
    return out


def _tracked_only(old, new, where, ro, rn) -> list[Placement]:
    """Every old reference deleted at its place, every new one inserted at its own (always exact)."""
    entries = [(ro[a][0], 0, a, -1, old[a].text) for a in range(len(old))]
    entries += [(rn[b][0], 1, b, 1, new[b].text) for b in range(len(new))]
    entries.sort()
    return [Placement(where[at][0], op, text) for at, _s, _k, op, text in entries]
