"""Carrying notes forward from one version to another.

The comparison engine says which paragraph of the new version each old paragraph
became (even renumbered, moved, split or merged). Every note of the old version gets
a copy on the new one (``carried_from`` = the old note's id):

* attached to the aligned paragraph, with its quote re-found in the new wording;
* *orphaned* when the paragraph was deleted or the quoted words are gone: the copy
  is still stored, placed where the text stood, and flagged so the user sees it.

Nothing is dropped, nothing is attached to unrelated text, and running it twice adds
nothing the second time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.errors import StoreError
from drafter.model import (
    DELETE,
    EQUAL,
    Anchor,
    Comparison,
    Note,
    Pair,
    PairKind,
    Paragraph,
    Resolution,
)
from drafter.store.anchors import find_quote, text_hash
from drafter.store.db import Connection
from drafter.store.notes import insert_note_rows, list_notes, new_id
from drafter.store.types import CarryReport
from drafter.store.versions import get_version, load_resolution

_WORD = re.compile(r"\w+")


def _overlap(a: str, b: str) -> int:
    return len(set(_WORD.findall(a.casefold())) & set(_WORD.findall(b.casefold())))


def _placement(comparison: Comparison, old_id: int) -> int:
    """Where a deleted paragraph's notes go: after the new paragraph that preceded it."""
    mapping = _mapping(comparison)
    for o in range(old_id - 1, -1, -1):
        if mapping.get(o):
            return min(mapping[o])
    return 0


def _pairs_by_old(comparison: Comparison) -> dict[int, Pair]:
    return {
        o: pair
        for pair in comparison.pairs
        if pair.kind != PairKind.DELETED and pair.new
        for o in pair.old
    }


def _map_position(runs: Sequence[tuple[int, str]], pos: int) -> int:
    """Where character ``pos`` of a pair's old text is in its new text."""
    o = n = 0
    for op, text in runs:
        size = len(text)
        if op == EQUAL:
            if o <= pos < o + size:
                return n + pos - o
            o += size
            n += size
        elif op == DELETE:
            if o <= pos < o + size:
                return n  # deleted: where the deletion happened
            o += size
        else:
            n += size
    return n


def _follow_quote(
    pair: Pair, comparison: Comparison, old_id: int, start: int, end: int, quote: str
) -> tuple[Paragraph, int, int, bool] | None:
    """Follow a quote through the pair's word diff: (paragraph, start, end, intact).

    ``intact`` is True when the very characters quoted are unchanged at the mapped
    place; otherwise start/end only say where to look. None when the diff cannot say
    (none, cut short by a time limit, or not covering the texts).
    """
    if not pair.diff or pair.approximate or end <= start:
        return None
    olds = [comparison.old.paragraphs[i].text for i in pair.old]
    news = [comparison.new.paragraphs[i] for i in pair.new]
    if "".join(t for op, t in pair.diff if op <= 0) != "\n".join(olds):
        return None
    base = sum(len(t) + 1 for t in olds[: pair.old.index(old_id)])
    ns = _map_position(pair.diff, base + start)
    ne = _map_position(pair.diff, base + end - 1) + 1
    off = 0
    for para in news:
        if off <= ns <= off + len(para.text):
            ls, le = ns - off, min(ne - off, len(para.text))
            intact = le > ls and para.text[ls:le] == quote
            return para, ls, le, intact
        off += len(para.text) + 1
    return None


def _mapping(comparison: Comparison) -> dict[int, tuple[int, ...]]:
    out: dict[int, tuple[int, ...]] = {}
    for pair in comparison.pairs:
        if pair.kind == PairKind.DELETED or not pair.new:
            continue
        for o in pair.old:
            out[o] = pair.new
    return out


def plan_carry(
    notes: Sequence[Note], comparison: Comparison, to_version: int
) -> tuple[list[Note], list[tuple[str, str]], list[tuple[str, str, str]]]:
    """The new notes for ``to_version``, the orphans' reasons and the renumbered ones.

    A pure function of the notes and the comparison: no database.
    """
    old: Resolution = comparison.old
    new: Resolution = comparison.new
    mapping = _mapping(comparison)
    pairs = _pairs_by_old(comparison)
    by_hash: dict[str, int] = {}
    for p in new.paragraphs:
        by_hash.setdefault(text_hash(p.text), p.id)
    out: list[Note] = []
    reasons: list[tuple[str, str]] = []
    moved: list[tuple[str, str, str]] = []
    for note in notes:
        a = note.anchor
        old_para: Paragraph | None = (
            old.paragraphs[a.paragraph_id] if 0 <= a.paragraph_id < len(old.paragraphs) else None
        )
        targets: tuple[int, ...] = ()
        if not note.orphaned and old_para is not None:
            targets = mapping.get(a.paragraph_id, ())
        if not targets and a.text_hash in by_hash:
            targets = (by_hash[a.text_hash],)  # the very same wording, found elsewhere
        orphan_reason = None
        target: Paragraph | None = None
        start, end, quote = a.start, a.end, a.quote
        if not targets:
            orphan_reason = (
                "its text was already orphaned" if note.orphaned else "its paragraph was deleted"
            )
            place = _placement(comparison, a.paragraph_id) if old_para is not None else 0
            target = new.paragraphs[place] if new.paragraphs else None
        else:
            candidates = [new.paragraphs[i] for i in targets]
            if quote:
                followed = None
                if old_para is not None and a.paragraph_id in pairs:
                    followed = _follow_quote(
                        pairs[a.paragraph_id], comparison, a.paragraph_id, a.start, a.end, quote
                    )
                if followed is not None:
                    para, fs, fe, intact = followed
                    if intact:
                        target, start, end = para, fs, fe
                    else:
                        # Edited around the quote: the same words close by (spacing or
                        # typography changed) still count; elsewhere they do not.
                        span = find_quote(para.text, quote, fs)
                        if span and abs(span[0] - fs) <= max(20, len(quote)):
                            target, (start, end) = para, span
                            quote = para.text[start:end]
                else:
                    scale = 1.0
                    if old_para is not None and old_para.text:
                        scale = len(candidates[0].text) / max(1, len(old_para.text))
                    for cand in candidates:
                        span = find_quote(cand.text, quote, int(a.start * scale))
                        if span:
                            target = cand
                            start, end = span
                            quote = cand.text[start:end]
                            break
                if target is None:
                    orphan_reason = "the quoted words are gone"
                    target = followed[0] if followed is not None else candidates[0]
            else:
                base = old_para.text if old_para is not None else ""
                target = max(candidates, key=lambda c: _overlap(base, c.text))
        if target is None:  # the new version has no paragraphs at all
            anchor = Anchor(-1, a.number, a.text_hash, a.quote, a.start, a.end)
        elif orphan_reason:
            anchor = Anchor(target.id, a.number, a.text_hash, a.quote, a.start, a.end)
        else:
            anchor = Anchor(target.id, target.number, text_hash(target.text), quote, start, end)
        copy = Note(
            id=new_id(),
            version_id=to_version,
            anchor=anchor,
            body=note.body,
            author=note.author,
            created=note.created,
            updated=note.updated,
            tags=note.tags,
            status=note.status,
            orphaned=orphan_reason is not None,
            carried_from=note.id,
        )
        out.append(copy)
        if orphan_reason:
            reasons.append((copy.id, orphan_reason))
        elif old_para is not None and target is not None and old_para.label != target.label:
            moved.append((copy.id, old_para.label, target.label))
    return out, reasons, moved


def carry_forward(
    cx: Connection, from_version_id: int, to_version_id: int, *, timeout: float = 5.0
) -> CarryReport:
    if from_version_id == to_version_id:
        raise StoreError("cannot carry notes from a version to itself")
    get_version(cx, from_version_id)
    get_version(cx, to_version_id)
    notes = list_notes(cx, from_version_id)
    if not notes:
        return CarryReport(from_version_id, to_version_id)
    from drafter.compare import compare  # imported lazily: the store works without it

    comparison = compare(
        load_resolution(cx, from_version_id), load_resolution(cx, to_version_id), timeout=timeout
    )

    def apply() -> tuple[list[Note], list[tuple[str, str]], list[tuple[str, str, str]], list[str]]:
        done = {
            r[0]
            for r in cx.conn.execute(
                "SELECT carried_from FROM notes WHERE version_id = ? AND carried_from IS NOT NULL",
                (to_version_id,),
            )
        }
        # Notes deleted since we read them are left alone; ones carried before are skipped.
        current = {
            r[0]
            for r in cx.conn.execute(
                "SELECT id FROM notes WHERE version_id = ?", (from_version_id,)
            )
        }
        todo = [n for n in notes if n.id in current and n.id not in done]
        planned, reasons, moved = plan_carry(todo, comparison, to_version_id)
        insert_note_rows(cx, planned)
        return planned, reasons, moved, sorted(n.id for n in notes if n.id in done)

    planned, reasons, moved, already = cx.write(apply)
    return CarryReport(
        from_version=from_version_id,
        to_version=to_version_id,
        carried=tuple(n for n in planned if not n.orphaned),
        orphaned=tuple(n for n in planned if n.orphaned),
        already=tuple(already),
        moved=tuple(moved),
        reasons=tuple(reasons),
    )
