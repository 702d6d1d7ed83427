"""Per-phrase origin ("blame"): in which version each piece of a wording entered.

Walks a paragraph's sources back through the word diffs of the history's
comparisons: a piece kept from a source paragraph inherits that paragraph's
origins, an inserted piece entered in this version. Sources of splits and merges
are followed too, so a sentence that came from the other paragraph of a merge
carries that paragraph's origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.compare import word_diff
from drafter.model import DELETE, EQUAL, INSERT, Pair

from .model import History


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` of the paragraph entered in version ``version``."""

    start: int
    end: int
    version: int

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end, "version": self.version}


def _text(history: History, version: int, pid: int) -> str:
    return history.locate(version, pid)[1].text or ""


def _runs(history: History, version: int, pair: Pair) -> tuple[tuple[int, str], ...]:
    """The pair's diff, rebuilt if it does not reproduce both sides (never trusted blindly)."""
    old = "\n".join(_text(history, version - 1, o) for o in pair.old)
    new = "\n".join(_text(history, version, n) for n in pair.new)
    runs = tuple(pair.diff)
    if (
        "".join(t for op, t in runs if op <= 0) == old
        and "".join(t for op, t in runs if op >= 0) == new
    ):
        return runs
    return word_diff(old, new)[0]


class _Blamer:
    def __init__(self, history: History) -> None:
        self.h = history
        self.memo: dict[tuple[int, int], list[int]] = {}

    def origins(self, version: int, pid: int) -> list[int]:
        """The version each character of the paragraph's text entered in."""
        key = (version, pid)
        if key in self.memo:
            return self.memo[key]
        _thread, step = self.h.locate(version, pid)
        text = step.text or ""
        out = [version] * len(text)
        if version > 0 and step.pair >= 0:
            pair = self.h.pairs[version][step.pair]
            if pair.old:
                self._inherit(version, pid, pair, out)
        self.memo[key] = out
        return out

    def _inherit(self, version: int, pid: int, pair: Pair, out: list[int]) -> None:
        # where this paragraph starts on the pair's new side (parts joined by "\n")
        start = 0
        for n in pair.new:
            if n == pid:
                break
            start += len(_text(self.h, version, n)) + 1
        end = start + len(out)
        # old side: (offset where each source paragraph starts, its id)
        old_starts: list[tuple[int, int]] = []
        pos = 0
        for o in pair.old:
            old_starts.append((pos, o))
            pos += len(_text(self.h, version - 1, o)) + 1
        old_pos = new_pos = 0
        for op, run in _runs(self.h, version, pair):
            if op == DELETE:
                old_pos += len(run)
                continue
            if op == EQUAL:
                lo, hi = max(start, new_pos), min(end, new_pos + len(run))
                for q in range(lo, hi):
                    src = old_pos + (q - new_pos)
                    o_start, o = max(s for s in old_starts if s[0] <= src)
                    inherited = self.origins(version - 1, o)
                    if src - o_start < len(inherited):  # not the "\n" joining sources
                        out[q - start] = inherited[src - o_start]
                old_pos += len(run)
            elif op == INSERT:
                pass  # entered here: out already says ``version``
            new_pos += len(run)
            if new_pos >= end:
                break


def blame(history: History, version: int, paragraph_id: int) -> tuple[Span, ...]:
    """Spans of paragraph ``paragraph_id`` of version ``version``, each with the version
    in which that wording entered the text (the thread's first version for what was
    there from the start)."""
    origins = _Blamer(history).origins(version, paragraph_id)
    text = history.locate(version, paragraph_id)[1].text or ""
    runs: list[list[int]] = []  # [start, end, version]
    start = 0
    for i in range(1, len(origins) + 1):
        if i == len(origins) or origins[i] != origins[start]:
            runs.append([start, i, origins[start]])
            start = i
    # A lone space between two pieces (the join of a merge) is no phrase of its own:
    # it goes with the piece before it.
    for k, r in enumerate(runs):
        if len(runs) > 1 and not text[r[0] : r[1]].strip():
            r[2] = runs[k - 1][2] if k else runs[1][2]
    spans: list[Span] = []
    for a, b, v in runs:
        if spans and spans[-1].version == v:
            spans[-1] = Span(spans[-1].start, b, v)
        else:
            spans.append(Span(a, b, v))
    return tuple(spans)
