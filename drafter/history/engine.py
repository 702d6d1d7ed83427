"""Chain the pairwise comparisons of consecutive versions into threads.

Each neighbouring pair of versions is compared with versions mode
(:func:`drafter.compare.compare`); every row of a comparison extends, starts, forks
or ends threads:

* unchanged / modified / moved (1:1): the old paragraph's thread goes on;
* split (1:n): the thread goes on with the first part, a new thread forks off it
  for each other part;
* merged (n:1): the first old paragraph's thread goes on with the merged paragraph,
  the others' threads end, joined into it;
* inserted: a new thread starts; deleted: the thread gets a *deleted* step and ends.

Threads are then put in reading order of the latest version, a paragraph that is
gone placed where it last stood, after its predecessor in that version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from drafter.compare import compare
from drafter.errors import DrafterError
from drafter.model import (
    DELETE,
    INSERT,
    Comparison,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)

from .model import Change, History, HistoryVersion, Runs, Step, Thread, plain_runs

Progress = Callable[[int, int, str], None]

_SUBSTANTIVE = {ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH, ParaKind.OTHER}


def version_of(res: Resolution, **extra) -> HistoryVersion:
    """A history column for a parsed text (``extra``: stage, version_id, ...)."""
    return HistoryVersion(
        symbol=extra.pop("symbol", res.symbol),
        date=extra.pop("date", res.date.isoformat() if res.date else None),
        stage=extra.pop("stage", None),
        source=extra.pop("source", res.source),
        title=extra.pop("title", res.title),
        paragraph_count=len(res.paragraphs),
        **extra,
    )


def cell_label(p: Paragraph) -> str:
    """What a table cell shows for a paragraph: "3", "3(c)(ii)", "PP 4", "¶ 12"."""
    if p.number:
        return p.number if p.kind != ParaKind.PREAMBULAR else f"PP {p.number}"
    return p.label


def part_runs(runs: Runs, start: int, end: int) -> Runs:
    """The runs of a pair restricted to one part of its new side, ``[start, end)``.

    For a split, the new side is the parts joined by "\\n": each part gets the
    pieces of its own text and the deletions that stood inside it (or right at its
    end), so a part's cell shows what changed in it and not its siblings' text.
    """
    out: list[tuple[int, str]] = []
    pos = 0  # offset on the new side
    for op, text in runs:
        if op == DELETE:
            if start <= pos <= end:
                out.append((op, text))
            continue
        lo, hi = max(start, pos), min(end, pos + len(text))
        if lo < hi:
            out.append((op, text[lo - pos : hi - pos]))
        pos += len(text)
    merged: list[tuple[int, str]] = []
    for op, text in out:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return tuple(merged)


def _change(pair: Pair) -> Change:
    return Change(str(pair.kind))


@dataclass
class _Thread:
    steps: list[Step] = field(default_factory=list)
    forked_from: int | None = None  # provisional ids (creation order)
    merged_into: int | None = None


class _Builder:
    def __init__(self, resolutions: Sequence[Resolution]) -> None:
        self.res = resolutions
        self.threads: list[_Thread] = []
        self.current: dict[int, int] = {}  # paragraph id in the latest version -> thread

    def _step(self, v: int, pid: int, change: Change, **kw) -> Step:
        p = self.res[v].paragraphs[pid]
        return Step(v, pid, p.number, cell_label(p), p.kind, change, p.text, **kw)

    def _new_thread(self, first: Step, forked_from: int | None = None) -> int:
        self.threads.append(_Thread([first], forked_from))
        return len(self.threads) - 1

    def start(self) -> None:
        for p in self.res[0].paragraphs:
            t = self._new_thread(self._step(0, p.id, Change.UNCHANGED, diff=plain_runs(p.text)))
            self.current[p.id] = t

    def extend(self, v: int, cmp: Comparison) -> None:
        """Add version ``v`` (compared with ``v - 1`` in ``cmp``)."""
        nxt: dict[int, int] = {}
        old_ps, new_ps = cmp.old.paragraphs, cmp.new.paragraphs
        for k, pair in enumerate(cmp.pairs):
            common = {"sources": pair.old, "pair": k, "formatting_only": pair.formatting_only}
            if pair.kind == PairKind.INSERTED:
                n = pair.new[0]
                nxt[n] = self._new_thread(
                    self._step(v, n, Change.INSERTED, diff=((INSERT, new_ps[n].text),), pair=k)
                )
            elif pair.kind == PairKind.DELETED:
                o = pair.old[0]
                t = self.current[o]
                p = old_ps[o]
                self.threads[t].steps.append(
                    Step(
                        v,
                        None,
                        None,
                        "—",
                        p.kind,
                        Change.DELETED,
                        None,
                        sources=(o,),
                        diff=((DELETE, p.text),) if p.text else (),
                        pair=k,
                    )
                )
            elif pair.kind == PairKind.SPLIT:
                t = self.current[pair.old[0]]
                pos = 0
                for j, n in enumerate(pair.new):
                    text = new_ps[n].text
                    runs = part_runs(pair.diff, pos, pos + len(text))
                    pos += len(text) + 1
                    step = self._step(v, n, Change.SPLIT, diff=runs, **common)
                    if j == 0:
                        self.threads[t].steps.append(step)
                        nxt[n] = t
                    else:
                        nxt[n] = self._new_thread(step, forked_from=t)
            else:  # unchanged, modified, moved (1:1) or merged (n:1)
                n = pair.new[0]
                t = self.current[pair.old[0]]
                step = self._step(
                    v, n, _change(pair), diff=pair.diff, moved_edited=pair.moved_edited, **common
                )
                self.threads[t].steps.append(step)
                nxt[n] = t
                for o in pair.old[1:]:
                    self.threads[self.current[o]].merged_into = t
        self.current = nxt

    def order(self) -> list[int]:
        """Thread ids in reading order of the latest version, the gone ones placed
        after the thread that preceded them in the last version they were in."""
        last = len(self.res) - 1
        by_version: list[list[tuple[int, int]]] = [[] for _ in self.res]
        for t, th in enumerate(self.threads):
            for s in th.steps:
                if s.id is not None:
                    by_version[s.version].append((s.id, t))
        order: list[int] = []
        placed: set[int] = set()
        for v in range(last, -1, -1):
            seq = [t for _pid, t in sorted(by_version[v])]
            if not order:
                order = list(dict.fromkeys(seq))
                placed = set(order)
                continue
            # Walk this version in reading order; a thread not yet placed goes right
            # after the last placed thread seen before it (or at the very start).
            out_after: dict[int | None, list[int]] = {}
            prev: int | None = None
            for t in seq:
                if t in placed:
                    prev = t
                else:
                    out_after.setdefault(prev, []).append(t)
            if not out_after:
                continue
            new_order = list(out_after.get(None, []))
            for t in order:
                new_order.append(t)
                new_order.extend(out_after.get(t, []))
            order = new_order
            placed = set(order)
        return order


def _links(cmp: Comparison) -> tuple[int, int]:
    """(substantive paragraphs linked, substantive paragraphs in the smaller text)."""
    linked = sum(
        1
        for pair in cmp.pairs
        if pair.old
        and pair.new
        and any(cmp.new.paragraphs[i].kind in _SUBSTANTIVE for i in pair.new)
    )
    sizes = [sum(1 for p in res.paragraphs if p.kind in _SUBSTANTIVE) for res in (cmp.old, cmp.new)]
    return linked, min(sizes)


def build_history(
    resolutions: Sequence[Resolution],
    versions: Sequence[HistoryVersion] | None = None,
    *,
    timeout: float = 5.0,
    progress: Progress | None = None,
) -> History:
    """The history of ``resolutions``, taken in the order given (oldest first).

    ``versions`` describe the columns (default: from the texts themselves). One
    version alone is a valid, trivial history. Neighbours that share no paragraph
    at all get a warning in ``History.warnings`` (and their threads stay apart):
    they are not versions of one text.
    """
    if not resolutions:
        raise DrafterError("a history needs at least one version")
    if versions is None:
        versions = [version_of(r) for r in resolutions]
    if len(versions) != len(resolutions):
        raise DrafterError("one version description per text is needed")
    total = len(resolutions) - 1
    b = _Builder(resolutions)
    b.start()
    pairs: list[tuple[Pair, ...]] = [()]
    warnings: list[str] = []
    unlinked: list[int] = []
    for v in range(1, len(resolutions)):
        if progress:
            progress(v - 1, total, f"Comparing {versions[v - 1].name} with {versions[v].name}")
        cmp = compare(resolutions[v - 1], resolutions[v], timeout=timeout)
        linked, smaller = _links(cmp)
        a, z = versions[v - 1].name, versions[v].name
        if smaller and not linked:
            unlinked.append(v)
            warnings.append(
                f"{a} and {z} share no paragraph: they are not versions of one text "
                "(their threads are not linked; compare them as related documents instead)"
            )
        b.extend(v, cmp)
        pairs.append(cmp.pairs)
    if progress:
        progress(total, total, "Threads built")
    order = b.order()
    index = {t: i for i, t in enumerate(order)}
    threads = []
    for i, t in enumerate(order):
        th = b.threads[t]
        threads.append(
            Thread(
                index=i,
                steps=tuple(th.steps),
                forked_from=index[th.forked_from] if th.forked_from is not None else None,
                merged_into=index[th.merged_into] if th.merged_into is not None else None,
            )
        )
    return History(
        versions=tuple(versions),
        threads=tuple(threads),
        pairs=tuple(pairs),
        warnings=tuple(warnings),
        unlinked=tuple(unlinked),
    )


__all__ = ["build_history", "cell_label", "part_runs", "version_of"]
