"""Turn a Comparison into the paragraph stream of a redline: pure values, no XML.

A redline must satisfy two readings at once: keeping every op <= 0 piece gives
the old text, every op >= 0 piece the new one, paragraph by paragraph. So the
comparison's pairs are laid out as *items* (kept, new-only, old-only), moved
paragraphs appear twice (deleted where they stood, inserted where they go), and
each item is cut into body paragraphs whose paragraph marks carry their own op.
The number labels ("3.", "(c)") are pieces of the stream like any text, so a
renumbered paragraph shows its old number deleted and its new one inserted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from drafter.compare.ignore import NOTHING, Ignore
from drafter.errors import ExportError
from drafter.model import DELETE, EQUAL, INSERT, Comparison, Pair, PairKind, Paragraph

from .typography import label_text


@dataclass(frozen=True, slots=True)
class Seg:
    """A piece of one body paragraph.

    ``op`` is -1 (old only), 0 (both), 1 (new only). ``old``/``new`` are the
    paragraph ids the piece belongs to on each side it exists on, with its
    offset in that paragraph's text. ``role`` is "text" or "label" (labels have
    no offsets: they are not part of :attr:`Paragraph.text`).
    """

    op: int
    text: str
    old: int | None = None
    new: int | None = None
    old_off: int = 0
    new_off: int = 0
    role: str = "text"
    mark: str = ""  # extra emphasis: "phrase" for related-mode shared phrases

    @property
    def old_end(self) -> int:
        return self.old_off + len(self.text)

    @property
    def new_end(self) -> int:
        return self.new_off + len(self.text)


@dataclass(slots=True)
class BodyPara:
    """One ``w:p`` of the redline body: pieces, and the op of its paragraph mark."""

    segs: list[Seg]
    mark: int
    old: int | None  # the old paragraph it belongs to (None when new only)
    new: int | None
    item: Item


@dataclass(slots=True)
class Item:
    """A pair as placed in the redline: ``side`` is "both", "old" or "new"."""

    side: str
    pair: Pair
    old: tuple[int, ...]
    new: tuple[int, ...]
    runs: tuple[tuple[int, str], ...]
    moved: bool = False
    paras: list[BodyPara] = field(default_factory=list)


def _texts(paragraphs: Sequence[Paragraph], ids: Iterable[int]) -> str:
    return "\n".join(paragraphs[i].text for i in ids)


def checked_runs(
    pair: Pair, old_text: str, new_text: str, ignore: Ignore = NOTHING
) -> tuple[tuple[int, str], ...]:
    """The pair's diff if it really covers both texts, else a safe replacement.

    The redline's accept/reject guarantee depends on the runs reproducing both
    sides exactly; a diff that does not (empty for an unchanged pair, or stale)
    is rebuilt with the compare engine's word diff, falling back to "delete all,
    insert all" (still exact, only coarser). Under an ``ignore`` setting the old
    side need only match up to the ignored variants (they show the new text).
    """
    runs = tuple(pair.diff)
    if runs and _sides(runs) == (old_text, new_text):
        return runs
    if (
        runs
        and ignore.names
        and _sides(runs)[1] == new_text
        and ignore.same(_sides(runs)[0], old_text)
    ):
        return runs
    if old_text == new_text:
        return ((EQUAL, old_text),) if old_text else ()
    try:
        from drafter.compare import word_diff

        runs = tuple(word_diff(old_text, new_text)[0])
        if _sides(runs) == (old_text, new_text):
            return runs
    except Exception:  # compare unavailable or failed: the coarse diff is still exact
        pass
    out = []
    if old_text:
        out.append((DELETE, old_text))
    if new_text:
        out.append((INSERT, new_text))
    return tuple(out)


def _sides(runs: Sequence[tuple[int, str]]) -> tuple[str, str]:
    return (
        "".join(t for op, t in runs if op <= 0),
        "".join(t for op, t in runs if op >= 0),
    )


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_idx.append(i)
        else:
            tails[k] = v
            tails_idx[k] = i
        prev[i] = tails_idx[k - 1] if k else -1
    keep: set[int] = set()
    i = tails_idx[-1] if tails_idx else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


def _contiguous(pair: Pair) -> list[Pair]:
    """A pair whose ids on a side are not consecutive cannot be drawn in place: it
    becomes single-paragraph deletions and insertions (exact, only coarser)."""

    def consecutive(ids: tuple[int, ...]) -> bool:
        return list(ids) == list(range(ids[0], ids[0] + len(ids))) if ids else True

    if consecutive(pair.old) and consecutive(pair.new):
        return [pair]
    return [Pair(PairKind.DELETED, (i,), (), 0.0) for i in sorted(pair.old)] + [
        Pair(PairKind.INSERTED, (), (i,), 0.0) for i in sorted(pair.new)
    ]


def complete_pairs(comparison: Comparison) -> list[Pair]:
    """The comparison's pairs, checked: every paragraph of each side exactly once.

    A paragraph no pair mentions is added as inserted (or deleted), so the
    redline still reads as each version; ids out of range or used twice mean
    the comparison does not belong to these texts, which is reported.
    """
    if not isinstance(comparison, Comparison):
        raise ExportError(
            "a redline needs two versions of one text; use the side-by-side export for "
            "related documents"
        )
    n_old, n_new = len(comparison.old.paragraphs), len(comparison.new.paragraphs)
    seen_old: set[int] = set()
    seen_new: set[int] = set()
    pairs = [p for p in comparison.pairs if p.old or p.new]
    for p in pairs:
        for ids, seen, n, side in (
            (p.old, seen_old, n_old, "old"),
            (p.new, seen_new, n_new, "new"),
        ):
            for i in ids:
                if not 0 <= i < n:
                    raise ExportError(
                        f"the comparison refers to paragraph {i + 1} of the {side} version, "
                        f"which has {n}: compare the texts again"
                    )
                if i in seen:
                    raise ExportError(
                        f"the comparison places paragraph {i + 1} of the {side} version twice: "
                        "compare the texts again"
                    )
                seen.add(i)
    pairs = [q for p in pairs for q in _contiguous(p)]
    pairs += [Pair(PairKind.DELETED, (i,), (), 0.0) for i in range(n_old) if i not in seen_old]
    pairs += [Pair(PairKind.INSERTED, (), (i,), 0.0) for i in range(n_new) if i not in seen_new]
    return pairs


def layout(comparison: Comparison) -> list[Item]:
    """Place the pairs so both sides read in their own order.

    Pairs with both sides that are out of old order (or marked MOVED) become a
    deletion at the old place plus an insertion at the new one; deleted
    paragraphs go where they stood in the old text, next to the position the
    comparison gave them when that is consistent.
    """
    old_ps, new_ps = comparison.old.paragraphs, comparison.new.paragraphs
    ignore = Ignore.of(comparison.ignore)
    pairs = complete_pairs(comparison)
    keyed = []
    last_new = -1
    for idx, p in enumerate(pairs):
        if p.new:
            last_new = min(p.new)
            keyed.append(((last_new, 0, idx), p))
        else:
            keyed.append(((last_new, 1, idx), p))
    walk = [p for _, p in sorted(keyed, key=lambda kp: kp[0])]

    both_idx = [i for i, p in enumerate(walk) if p.old and p.new and p.kind != PairKind.MOVED]
    lis = _longest_increasing([min(walk[i].old) for i in both_idx])
    anchored = {both_idx[k] for k in lis}

    def old_item(p: Pair, moved: bool) -> Item:
        text = _texts(old_ps, p.old)
        return Item("old", p, p.old, (), ((DELETE, text),) if text else (), moved)

    def new_item(p: Pair, moved: bool) -> Item:
        text = _texts(new_ps, p.new)
        return Item("new", p, (), p.new, ((INSERT, text),) if text else (), moved)

    pending: list[tuple[int, int, Item]] = []  # (min old id, order, item)
    for order, p in enumerate(walk):
        if p.old and not p.new:
            pending.append((min(p.old), order, old_item(p, False)))
        elif p.old and p.new and order not in anchored:
            pending.append((min(p.old), order, old_item(p, True)))
    pending.sort(key=lambda t: (t[0], t[1]))
    next_anchor_old = [float("inf")] * (len(walk) + 1)
    for i in range(len(walk) - 1, -1, -1):
        next_anchor_old[i] = min(walk[i].old) if i in anchored else next_anchor_old[i + 1]

    items: list[Item] = []
    done: set[int] = set()

    def flush(limit: float, inclusive: bool) -> None:
        while pending and (pending[0][0] <= limit if inclusive else pending[0][0] < limit):
            _, order, item = pending.pop(0)
            done.add(order)
            items.append(item)

    for order, p in enumerate(walk):
        if order in anchored:
            flush(min(p.old), inclusive=False)
            old_text, new_text = _texts(old_ps, p.old), _texts(new_ps, p.new)
            runs = checked_runs(p, old_text, new_text, ignore)
            items.append(Item("both", p, p.old, p.new, runs))
        elif p.old and not p.new:
            if order not in done and min(p.old) < next_anchor_old[order]:
                flush(min(p.old), inclusive=True)
        else:
            items.append(new_item(p, moved=bool(p.old)))
    flush(float("inf"), inclusive=True)
    return items


def _label_segs(
    old_p: Paragraph | None,
    new_p: Paragraph | None,
    old_id: int | None,
    new_id: int | None,
    same_labels: bool = False,
) -> list[Seg]:
    old_l = label_text(old_p) if old_p is not None else ""
    new_l = label_text(new_p) if new_p is not None else ""
    if old_p is not None and new_p is not None and same_labels and old_l and new_l:
        return [Seg(EQUAL, new_l, old_id, new_id, role="label")]  # numbering ignored
    if old_p is not None and new_p is not None and old_l == new_l:
        return [Seg(EQUAL, old_l, old_id, new_id, role="label")] if old_l else []
    segs = []
    if old_l:
        segs.append(Seg(DELETE, old_l, old_id, None, role="label"))
    if new_l:
        segs.append(Seg(INSERT, new_l, None, new_id, role="label"))
    return segs


def body_paragraphs(
    item: Item,
    old_ps: Sequence[Paragraph],
    new_ps: Sequence[Paragraph],
    *,
    same_labels: bool = False,
) -> None:
    """Cut ``item.runs`` into :class:`BodyPara` values (stored in ``item.paras``).

    A "\\n" inside a run is a paragraph mark with that run's op; the item's last
    mark has the item's op (kept, inserted or deleted). Labels are emitted at the
    start of each body paragraph for each side whose paragraph starts there.
    """
    oi = ni = 0
    old_off = new_off = 0
    starts_old, starts_new = bool(item.old), bool(item.new)
    paras: list[BodyPara] = []
    segs: list[Seg] = []

    def cur_old() -> int | None:
        return item.old[oi] if oi < len(item.old) else None

    def cur_new() -> int | None:
        return item.new[ni] if ni < len(item.new) else None

    def open_labels() -> None:
        nonlocal starts_old, starts_new
        if starts_old or starts_new:
            o, n = (cur_old() if starts_old else None), (cur_new() if starts_new else None)
            segs.extend(
                _label_segs(
                    old_ps[o] if o is not None else None,
                    new_ps[n] if n is not None else None,
                    o,
                    n,
                    same_labels,
                )
            )
            starts_old = starts_new = False

    open_labels()
    for op, text in item.runs:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if piece:
                segs.append(
                    Seg(
                        op,
                        piece,
                        cur_old() if op <= 0 else None,
                        cur_new() if op >= 0 else None,
                        old_off if op <= 0 else 0,
                        new_off if op >= 0 else 0,
                    )
                )
                if op <= 0:
                    old_off += len(piece)
                if op >= 0:
                    new_off += len(piece)
            if k < len(pieces) - 1:  # a paragraph mark with this run's op
                paras.append(BodyPara(segs, op, cur_old(), cur_new(), item))
                segs = []
                if op <= 0:
                    oi, old_off, starts_old = oi + 1, 0, True
                if op >= 0:
                    ni, new_off, starts_new = ni + 1, 0, True
                open_labels()
    final = {"both": EQUAL, "new": INSERT, "old": DELETE}[item.side]
    paras.append(BodyPara(segs, final, cur_old(), cur_new(), item))
    item.paras = paras


def split_segs(
    segs: Sequence[Seg], old_cuts: dict[int, set[int]], new_cuts: dict[int, set[int]]
) -> list[Seg]:
    """Split text pieces at the given offsets (lead words, quoted note anchors)."""
    out: list[Seg] = []
    for s in segs:
        if s.role != "text" or len(s.text) < 2:
            out.append(s)
            continue
        cuts: set[int] = set()
        if s.op <= 0 and s.old in old_cuts:
            cuts |= {c - s.old_off for c in old_cuts[s.old] if s.old_off < c < s.old_end}
        if s.op >= 0 and s.new in new_cuts:
            cuts |= {c - s.new_off for c in new_cuts[s.new] if s.new_off < c < s.new_end}
        if not cuts:
            out.append(s)
            continue
        prev = 0
        for c in [*sorted(cuts), len(s.text)]:
            out.append(
                replace(s, text=s.text[prev:c], old_off=s.old_off + prev, new_off=s.new_off + prev)
            )
            prev = c
    return out


def build(comparison: Comparison) -> list[Item]:
    """Layout plus body paragraphs: everything the redline writer renders."""
    items = layout(comparison)
    same_labels = "numbering" in comparison.ignore
    for item in items:
        body_paragraphs(
            item, comparison.old.paragraphs, comparison.new.paragraphs, same_labels=same_labels
        )
    return items


def accept_texts(items: Sequence[Item], op_keep: int) -> list[str]:
    """What accepting (op_keep=1) or rejecting (-1) every change leaves, as paragraph texts.

    The writer's XML is checked against the same rule in the tests; this pure
    version documents the semantics and lets the stream be tested without Word.
    """
    texts: list[str] = []
    buf = ""
    for item in items:
        for bp in item.paras:
            for s in bp.segs:
                if s.op == 0 or s.op == op_keep:
                    buf += s.text + ("\t" if s.role == "label" else "")
            if bp.mark == 0 or bp.mark == op_keep:
                texts.append(buf)
                buf = ""
    if buf:
        texts.append(buf)
    return texts
