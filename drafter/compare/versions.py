"""Versions mode: align two versions of one text and diff each aligned pair.

Alignment (:mod:`drafter.compare.align`) decides which paragraphs belong together;
this module turns its groups into :class:`~drafter.model.Pair` rows in reading order
of the new text (deleted paragraphs where they stood in the old one), classifies
each row, and runs the word diff (:mod:`drafter.compare.inline`) on it.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from difflib import SequenceMatcher

from drafter.compare.align import Group, align
from drafter.compare.gc_pause import without_gc_pauses
from drafter.compare.ignore import NOTHING, Ignore
from drafter.compare.inline import word_diff
from drafter.compare.similarity import LazyProfiles, dice
from drafter.compare.tokens import formatting_key
from drafter.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)


def _footnote_texts(res: Resolution, para: Paragraph) -> tuple[str, ...]:
    """A paragraph's footnotes by content, so renumbered footnotes are no change."""
    return tuple(" ".join((res.footnote_text(m) or m).split()) for m in para.footnotes)


_MARKER_NUMBER_RE = re.compile(r"\d{1,3}")
_LOOSE_NUMBER_RE = re.compile(r"(?<!\S)\d{1,3}(?!\S)")


def _leftover_markers_only(old: Resolution, a: Paragraph, new: Resolution, b: Paragraph) -> bool:
    """Whether two paragraphs differ only by footnote numbers an extraction left in the
    words ("Indigenous women and girls 12 and" beside "... girls and", its marker
    detached): every word on one side only is a number that is a footnote of that
    paragraph on the other side, or of its own document."""
    if not 0 < abs(len(a.text.split()) - len(b.text.split())) <= 4:
        return False  # a leftover number is a word more on one side
    if Counter(_LOOSE_NUMBER_RE.findall(a.text)) == Counter(_LOOSE_NUMBER_RE.findall(b.text)):
        return False  # no loose number on one side only
    ka, kb = formatting_key(a.text).split(), formatting_key(b.text).split()
    if ka == kb or abs(len(ka) - len(kb)) > 4:
        return False
    own_a = {f.number for f in old.footnotes} | set(b.footnotes)
    own_b = {f.number for f in new.footnotes} | set(a.footnotes)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            return False
        extra = ka[i1:i2] if tag == "delete" else kb[j1:j2]
        allowed = own_a if tag == "delete" else own_b
        if not all(_MARKER_NUMBER_RE.fullmatch(w) and w in allowed for w in extra):
            return False
    return True


TOTAL_BUDGET = 6  # all word diffs of one comparison: at most this many timeouts
_LAST_RESORT = 0.01  # seconds per pair once the budget is spent


class _Budget:
    """Hands out per-pair time limits from one comparison's total allowance.

    Counted in CPU time of the comparing thread, like each pair's limit, so a busy
    machine changes nothing in the result.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.deadline = time.thread_time() + TOTAL_BUDGET * timeout if timeout else None

    def next(self) -> float:
        if self.deadline is None:
            return 0.0
        left = self.deadline - time.thread_time()
        return min(self.timeout, max(left, _LAST_RESORT))


def _whole(op: int, text: str) -> tuple[tuple[int, str], ...]:
    return ((op, text),) if text else ()


def _pair_for(
    group: Group,
    old: Resolution,
    new: Resolution,
    same_key: bool,
    timeout: float,
    ignore: Ignore = NOTHING,
) -> Pair:
    olds = [old.paragraphs[i] for i in group.old]
    news = [new.paragraphs[i] for i in group.new]
    a = "\n".join(p.text for p in olds)
    b = "\n".join(p.text for p in news)
    same_notes = [_footnote_texts(old, p) for p in olds] == [_footnote_texts(new, p) for p in news]
    if len(olds) > 1:
        kind = PairKind.MERGED
    elif len(news) > 1:
        kind = PairKind.SPLIT
    elif not group.in_order:
        kind = PairKind.MOVED
    elif a == b and same_notes:
        kind = PairKind.UNCHANGED
    else:
        kind = PairKind.MODIFIED
    key = ignore.token_key if ignore.folds_text else None
    if a == b:
        runs, approximate = (((EQUAL, a),) if a else ()), False
    else:
        runs, approximate = word_diff(a, b, timeout=timeout, key=key)
    texts_differ = a != b or not same_notes
    formatting_only = (
        texts_differ
        and len(olds) == len(news) == 1
        # equal once whitespace, quotes, dashes and markers are folded, or but for a
        # footnote number left in the words by an extraction
        and (
            same_key or (group.score >= 0.9 and _leftover_markers_only(old, olds[0], new, news[0]))
        )
    )
    hidden = (a != b and all(op == EQUAL for op, _ in runs)) or (
        ignore.formatting and formatting_only
    )
    if hidden:  # every difference is one the reader chose to ignore
        runs = ((EQUAL, b),) if b else ()
        if same_notes and kind == PairKind.MODIFIED:
            kind = PairKind.UNCHANGED
        formatting_only = False
    return Pair(
        kind=kind,
        old=tuple(group.old),
        new=tuple(group.new),
        similarity=1.0 if same_key else round(group.score, 4),
        diff=runs,
        approximate=approximate,
        formatting_only=formatting_only,
        moved_edited=kind == PairKind.MOVED and texts_differ and not formatting_only,
        moved=not group.in_order,
    )


def _pair_closing_lines(
    groups: list[Group],
    old: Resolution,
    new: Resolution,
    old_prof: LazyProfiles,
    new_prof: LazyProfiles,
) -> None:
    """Pair the closing lines ("30th plenary meeting 1 November 2018" and "22nd plenary
    meeting 29 October 2025"): they share few words, but they are the same line of
    the document, and a drafter reads the change as a modified date."""
    taken_old = {i for g in groups for i in g.old}
    taken_new = {i for g in groups for i in g.new}
    olds = [
        i for i, p in enumerate(old.paragraphs) if p.kind == ParaKind.CLOSING and i not in taken_old
    ]
    news = [
        i for i, p in enumerate(new.paragraphs) if p.kind == ParaKind.CLOSING and i not in taken_new
    ]
    if len(olds) != 1 or len(news) != 1:
        return
    o, n = olds[0], news[0]
    if any(g.in_order and (min(g.old) < o) != (min(g.new) < n) for g in groups):
        return  # it would cross paragraphs that stayed in place
    a, b = old_prof[o], new_prof[n]
    groups.append(Group([o], [n], dice(a.bag, b.bag, a.size, b.size)))


@without_gc_pauses
def compare(
    old: Resolution, new: Resolution, *, timeout: float = 5.0, ignore: Ignore = NOTHING
) -> Comparison:
    """Align ``old`` and ``new`` paragraph by paragraph and diff every aligned pair.

    ``timeout`` bounds each pair's word diff in seconds (0: no limit), and all the
    diffs together to ``TOTAL_BUDGET`` times that, so that a pathological input (a
    bad import with 30,000-character paragraphs) cannot hang the caller: once the
    budget is spent, the remaining pairs get a token time. A pair whose diff hit its
    limit is marked ``approximate``; its diff is still complete, only coarser (a
    replace where a finer diff was not found in time). ``ignore`` leaves out the
    differences the reader chose to ignore (:mod:`drafter.compare.ignore`); by
    default nothing is ignored, so the diffs reproduce both texts exactly.
    """
    budget = _Budget(timeout)
    old_prof = LazyProfiles([p.text for p in old.paragraphs], old.language)
    new_prof = LazyProfiles([p.text for p in new.paragraphs], new.language, old_prof.vocab)
    groups = align(old_prof, new_prof)
    _pair_closing_lines(groups, old, new, old_prof, new_prof)

    rows: list[tuple[tuple[int, int, int], Pair]] = []
    matched_old: dict[int, Group] = {}
    matched_new: set[int] = set()
    for g in groups:
        for o in g.old:
            matched_old[o] = g
        matched_new.update(g.new)
        same_key = [old_prof.texts[i] for i in g.old] == [new_prof.texts[i] for i in g.new] or [
            old_prof.key(i) for i in g.old
        ] == [new_prof.key(i) for i in g.new]
        rows.append(((min(g.new), 0, 0), _pair_for(g, old, new, same_key, budget.next(), ignore)))
    for n, para in enumerate(new.paragraphs):
        if n not in matched_new:
            rows.append(
                ((n, 0, 0), Pair(PairKind.INSERTED, (), (n,), 0.0, _whole(INSERT, para.text)))
            )
    # A deleted paragraph goes right after the last paragraph before it that stayed
    # in place (moved paragraphs show where they went, not where they were).
    anchor = -1
    for o, para in enumerate(old.paragraphs):
        g = matched_old.get(o)
        if g is not None:
            if g.in_order:
                anchor = min(g.new)
            continue
        rows.append(
            ((anchor, 1, o), Pair(PairKind.DELETED, (o,), (), 0.0, _whole(DELETE, para.text)))
        )
    rows.sort(key=lambda r: r[0])
    return Comparison(old=old, new=new, pairs=tuple(p for _, p in rows), ignore=ignore.names)
