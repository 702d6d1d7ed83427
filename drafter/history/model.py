"""The values of a negotiation history: versions, threads of paragraphs, their steps.

A *thread* is one paragraph's lineage across the versions of a text: a *step* per
version it appears in, saying what happened to it since the version before
(unchanged, modified, moved, split, merged, inserted, deleted). A split forks new
threads off the paragraph's thread; a merge joins threads into one. Every paragraph
of every version is the paragraph of exactly one step of one thread; a *deleted*
step holds no paragraph (it marks the version in which the paragraph was gone).

All values are frozen dataclasses, like :mod:`drafter.model`; ``History.to_json`` is
the public JSON contract of ``drafter history --json`` (extend, never rename).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from drafter.model import EQUAL, Pair, ParaKind

Runs = tuple[tuple[int, str], ...]


class Change(StrEnum):
    """What happened to a paragraph between the previous version and this one."""

    UNCHANGED = "unchanged"  # also every paragraph of the first version
    MODIFIED = "modified"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class HistoryVersion:
    """One version of the text, in the history's order."""

    symbol: str | None
    date: str | None  # ISO date as printed in the text
    stage: str | None  # "zero draft", "Rev.1", "L-document", "adopted", ...
    source: str | None  # the file it was read from
    title: str | None = None
    version_id: int | None = None  # the library's id, when built from the library
    paragraph_count: int = 0

    @property
    def name(self) -> str:
        """Short column header: the symbol, else the file name."""
        return self.symbol or self.source or self.title or "untitled"

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "date": self.date,
            "stage": self.stage,
            "source": self.source,
            "title": self.title,
            "version_id": self.version_id,
            "paragraphs": self.paragraph_count,
        }


@dataclass(frozen=True, slots=True)
class Step:
    """A thread in one version.

    ``id`` is the paragraph id in that version (None for a *deleted* step, which
    only says the paragraph is gone). ``sources`` are the ids, in the previous
    version, of the paragraphs it came from. ``diff`` holds the word changes from
    them: joining the runs with op >= 0 gives ``text``; for a part of a split only
    the piece of the old paragraph that became this part is shown. ``pair`` indexes
    the comparison row it came from in ``History.pairs[version]`` (-1: none).
    """

    version: int
    id: int | None
    number: str | None
    label: str
    kind: ParaKind
    change: Change
    text: str | None
    sources: tuple[int, ...] = ()
    diff: Runs = ()
    pair: int = -1
    moved_edited: bool = False
    formatting_only: bool = False

    @property
    def is_change(self) -> bool:
        return self.change != Change.UNCHANGED

    @property
    def mark(self) -> str:
        """The short mark of the table cell: "*" modified, "~" moved, "<" split, ">" merged."""
        c = self.change
        if c == Change.MODIFIED:
            return "" if self.formatting_only else "*"
        if c == Change.MOVED:
            return "~*" if self.moved_edited else "~"
        if c == Change.SPLIT:
            return "<"
        if c == Change.MERGED:
            return ">"
        return ""

    @property
    def cell(self) -> str:
        """The compact table cell: its number (or label) and mark, "—" when absent."""
        if self.id is None:
            return "—"
        return self.label + self.mark

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "id": self.id,
            "number": self.number,
            "label": self.label,
            "kind": str(self.kind),
            "change": str(self.change),
            "text": self.text,
            "sources": list(self.sources),
            "moved_edited": self.moved_edited,
            "formatting_only": self.formatting_only,
            "diff": [[op, t] for op, t in self.diff],
        }


@dataclass(frozen=True, slots=True)
class Thread:
    """One paragraph lineage: its steps in version order (no gaps).

    ``forked_from`` is the thread this one split off from (in the version of its
    first step); ``merged_into`` the thread it joined (in the version after its
    last step). Both are indexes into ``History.threads``.
    """

    index: int
    steps: tuple[Step, ...]
    forked_from: int | None = None
    merged_into: int | None = None

    @property
    def first(self) -> int:
        return self.steps[0].version

    @property
    def last(self) -> int:
        """The last version holding one of its paragraphs."""
        present = [s.version for s in self.steps if s.id is not None]
        return present[-1] if present else self.steps[0].version

    def step_at(self, version: int) -> Step | None:
        k = version - self.steps[0].version
        if 0 <= k < len(self.steps):
            return self.steps[k]
        return None

    def latest(self) -> Step:
        """Its last step that holds a paragraph."""
        return next(s for s in reversed(self.steps) if s.id is not None)

    def changed_after(self, version: int, *, ignore_formatting: bool = False) -> bool:
        """Whether anything happened to it in a version after ``version``."""
        if self.first > version and self.first > 0:
            return True  # inserted (or split off) since then
        if self.merged_into is not None and self.last >= version:
            return True  # joined another paragraph since then
        for s in self.steps:
            if s.version <= version or not s.is_change:
                continue
            if ignore_formatting and s.change == Change.MODIFIED and s.formatting_only:
                continue
            return True
        return False

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "forked_from": self.forked_from,
            "merged_into": self.merged_into,
            "steps": [s.to_json() for s in self.steps],
        }


@dataclass(frozen=True)
class History:
    """The threads of a family of versions, in reading order of the latest text
    (paragraphs no longer there placed where they last stood)."""

    versions: tuple[HistoryVersion, ...]
    threads: tuple[Thread, ...]
    # pairs[v]: the comparison rows of version v-1 against v (pairs[0] is empty)
    pairs: tuple[tuple[Pair, ...], ...] = ()
    warnings: tuple[str, ...] = ()
    unlinked: tuple[int, ...] = ()  # v: versions v-1 and v share no paragraph
    _where: dict[tuple[int, int], tuple[int, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        where = self._where
        for t in self.threads:
            for k, s in enumerate(t.steps):
                if s.id is not None:
                    where[(s.version, s.id)] = (t.index, k)

    def locate(self, version: int, paragraph_id: int) -> tuple[Thread, Step]:
        """The thread and step of a paragraph of a version."""
        ti, k = self._where[(version, paragraph_id)]
        t = self.threads[ti]
        return t, t.steps[k]

    def label(self, version: int, paragraph_id: int) -> str:
        """A paragraph's cell label ("3", "PP 4") in a version; "?" if it has none."""
        where = self._where.get((version, paragraph_id))
        if where is None:
            return "?"
        return self.threads[where[0]].steps[where[1]].label

    def changed_since(self, version: int, *, ignore_formatting: bool = False) -> list[int]:
        """Indexes of the threads something happened to after ``version``."""
        return [
            t.index
            for t in self.threads
            if t.changed_after(version, ignore_formatting=ignore_formatting)
        ]

    @property
    def summary(self) -> dict[str, int]:
        counts = {str(c): 0 for c in Change}
        for t in self.threads:
            for s in t.steps:
                if s.version > 0:
                    counts[str(s.change)] += 1
        counts["threads"] = len(self.threads)
        counts["versions"] = len(self.versions)
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "versions": [v.to_json() for v in self.versions],
            "threads": [t.to_json() for t in self.threads],
            "warnings": list(self.warnings),
            "summary": self.summary,
        }


def plain_runs(text: str) -> Runs:
    return ((EQUAL, text),) if text else ()
