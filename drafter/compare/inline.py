"""Word-level diff inside an aligned pair: diff-match-patch in word mode.

diff-match-patch diffs characters. Run on raw text it happily splits words
("migra[-nts-][+tion]"), which no drafter accepts. As ``diff_linesToChars`` does for
lines, each distinct token (word, space run, punctuation mark, CJK character) is
mapped to one private character, the encoded strings are diffed and semantically
cleaned up, and the result is mapped back: every run boundary is a token boundary.

The default ``Diff_Timeout`` of one second silently degrades a long diff into
"delete everything, insert everything"; here the caller's timeout is used, and when
the deadline is hit the result says so (``approximate``) instead of pretending.

Time limits are counted in CPU time of the thread doing the diff
(:class:`CpuDeadline`), not on the wall clock: a machine busy with other work
gives the same result as a quiet one.
"""

from __future__ import annotations

import time
from itertools import groupby

from diff_match_patch import diff_match_patch

from drafter.compare.tokens import HAS_WORD_RE as _HAS_WORD_RE
from drafter.compare.tokens import tokenize
from drafter.model import DELETE, EQUAL, INSERT

Runs = tuple[tuple[int, str], ...]


class CpuDeadline:
    """A deadline on the calling thread's CPU clock, usable where dmp expects a time.

    diff-match-patch checks ``time.time() > deadline``; for this type ``float.__gt__``
    returns NotImplemented, so Python asks ``deadline.__lt__(now)``, which answers
    from ``time.thread_time()`` instead of the wall clock. Nothing else is done
    with a deadline inside diff-match-patch (only comparisons).
    """

    __slots__ = ("_next_check", "at")

    def __init__(self, seconds: float) -> None:
        self.at = time.thread_time() + seconds
        self._next_check = time.monotonic() + seconds

    def expired(self) -> bool:
        # A thread's CPU clock never runs faster than the wall clock, so until the
        # wall clock has gone as far as the CPU time left, it cannot have expired:
        # the cheap monotonic clock spares most reads of the CPU clock (a system call,
        # slow on a busy virtual machine; diff-match-patch asks very often).
        now = time.monotonic()
        if now < self._next_check:
            return False
        left = self.at - time.thread_time()
        if left <= 0:
            return True
        self._next_check = now + left
        return False

    def __lt__(self, _now: object) -> bool:  # time.time() > deadline
        return self.expired()

    def __gt__(self, _now: object) -> bool:  # time.time() < deadline
        return not self.expired()

    def __le__(self, _now: object) -> bool:
        return self.expired()

    def __ge__(self, _now: object) -> bool:
        return not self.expired()


# diff-match-patch's bisection (Myers) costs about the square of the edit distance in
# Python steps: 3-4 ms for a paragraph with 40 % of its words rewritten. One that has
# not met in the middle after this many rounds (an edit distance over about twice as
# many tokens) gives way to a longest common subsequence computed on bit vectors, a
# diff just as small (equally few tokens deleted and inserted) found in a sixth of the
# time (the whole word diff of such a paragraph: a third); an edited paragraph (a few
# words here and there) never gets that far.
BISECT_ROUNDS = 16
# ... when the two stretches make at most this many table cells (its rows are kept
# for the trace back: 2,000 x 2,000 tokens hold 0.5 MB). Longer ones bisect on, under
# the deadline, as before.
LCS_MAX_CELLS = 4_000_000


class _Rounds:
    """The deadline diff-match-patch sees in one bisection: it runs out after a number
    of rounds (of edit distance), or when the CPU deadline does (see CpuDeadline)."""

    __slots__ = ("cpu", "left", "outer", "ran_out")

    def __init__(self, outer: object, rounds: int) -> None:
        self.outer = outer  # the deadline of the whole diff: a CpuDeadline, or dmp's number
        self.cpu = outer if isinstance(outer, CpuDeadline) else None
        self.left = rounds
        self.ran_out = False

    def expired(self) -> bool:
        if self.left <= 0:
            self.ran_out = True
            return True
        self.left -= 1
        return self.cpu is not None and self.cpu.expired()

    def __lt__(self, _now: object) -> bool:  # time.time() > deadline
        return self.expired()

    def __gt__(self, _now: object) -> bool:
        return not self.expired()

    def __le__(self, _now: object) -> bool:
        return self.expired()

    def __ge__(self, _now: object) -> bool:
        return not self.expired()


class _WordDMP(diff_match_patch):
    """diff-match-patch that remembers whether a bisection ran out of time, and hands a
    long bisection over to :func:`lcs_diff`."""

    def __init__(self) -> None:
        super().__init__()
        self.hit_deadline = False

    def diff_bisect(self, text1, text2, deadline):  # type: ignore[override]
        # A bisection inside another one gets the whole diff's deadline, not the rounds.
        outer = deadline.outer if isinstance(deadline, _Rounds) else deadline
        cpu = outer if isinstance(outer, CpuDeadline) else None
        rounds = None
        if len(text1) * len(text2) > LCS_MAX_CELLS:
            result = super().diff_bisect(text1, text2, outer)
        else:
            rounds = _Rounds(outer, BISECT_ROUNDS)
            result = super().diff_bisect(text1, text2, rounds)
        if rounds is not None and rounds.ran_out and not (cpu is not None and cpu.expired()):
            found = lcs_diff(text1, text2, cpu)
            if found is not None:
                return found
        if cpu is not None and cpu.expired():
            self.hit_deadline = True
        return result


def lcs_diff(
    a: str, b: str, deadline: CpuDeadline | None = None
) -> list[tuple[int, str]] | None:
    """A smallest diff of ``a`` and ``b``: one longest common subsequence kept.

    The length table is computed one character of ``b`` at a time on bit vectors
    (Allison and Dix; Hyyro), over both strings reversed, so that the trace back runs
    from their start: equal characters are kept as soon as they meet, as
    diff-match-patch tends to ("for {+immediate +}relief", not "for{+ immediate+}
    relief"); between a deletion and an insertion that lose nothing it goes on with
    the kind it made last (fewer, longer runs). None if ``deadline`` expires first.
    """
    ra, rb = a[::-1], b[::-1]
    n = len(a)
    full = (1 << n) - 1
    masks: dict[str, int] = {}
    for i, c in enumerate(ra):
        masks[c] = masks.get(c, 0) | 1 << i
    get = masks.get
    # rows[j], bit i: the common subsequence of ra[:i + 1] and rb[:j] is one longer
    # than that of ra[:i].
    v = full
    rows = [0]
    for j, c in enumerate(rb):
        u = v & get(c, 0)
        v = ((v + u) | (v - u)) & full
        rows.append(v ^ full)
        if not j & 255 and deadline is not None and deadline.expired():
            return None
    ops: list[int] = []
    i, j = n, len(b)  # ra[:i] and rb[:j] are a[n - i:] and b[len(b) - j:]
    length = rows[j].bit_count()  # of their longest common subsequence
    last = DELETE
    while i and j:
        if ra[i - 1] == rb[j - 1]:
            ops.append(EQUAL)
            i -= 1
            j -= 1
            length -= 1
        elif not rows[j] >> (i - 1) & 1 and (
            last == DELETE or (rows[j - 1] & ((1 << i) - 1)).bit_count() != length
        ):
            ops.append(DELETE)  # losing ra[i - 1] keeps the length; so does rb[j - 1] only
            i -= 1  # if it is not the kind made last
            last = DELETE
        else:
            ops.append(INSERT)
            j -= 1
            last = INSERT
    ops += [DELETE] * i
    ops += [INSERT] * j
    diffs: list[tuple[int, str]] = []
    i = j = 0
    for op, group in groupby(ops):
        k = len(list(group))
        if op == DELETE:
            diffs.append((op, a[i : i + k]))
            i += k
        elif op == INSERT:
            diffs.append((op, b[j : j + k]))
            j += k
        else:
            diffs.append((op, a[i : i + k]))
            i, j = i + k, j + k
    return diffs


def _code_point(index: int) -> str:
    # Skip the surrogate block, which cannot appear in a Python str on its own.
    code = index + 0x100
    return chr(code + 0x800 if code >= 0xD800 else code)


_CODE_POINTS: list[str] = []  # _code_point(i) for every i < len(_CODE_POINTS)


def _code_points(n: int) -> list[str]:
    """At least ``n`` private characters, in the order :func:`_code_point` gives them
    (a new list replaces the shared one whole, so another thread never sees it half made)."""
    global _CODE_POINTS
    points = _CODE_POINTS
    if len(points) < n:
        points = _CODE_POINTS = list(map(_code_point, range(max(n, 2 * len(points), 4096))))
    return points


def _encode(tokens_a: list[str], tokens_b: list[str], key=None) -> tuple[str, str, dict[str, str]]:
    """Both token lists as strings of one character per distinct token, and the way back.

    With ``key``, tokens with the same key get the same character (compared equal).
    """
    if key is not None:
        keys_a, keys_b = [key(t) for t in tokens_a], [key(t) for t in tokens_b]
    else:
        keys_a, keys_b = tokens_a, tokens_b
    distinct = dict.fromkeys(keys_a + keys_b)
    table = dict(zip(distinct, _code_points(len(distinct)), strict=False))
    enc_a = "".join(map(table.__getitem__, keys_a))
    enc_b = "".join(map(table.__getitem__, keys_b))
    return enc_a, enc_b, {ch: tok for tok, ch in table.items()}


def _tidy(runs: list[tuple[int, str]]) -> Runs:
    """Merge neighbours with the same op and put deletions before insertions."""
    out: list[tuple[int, str]] = []
    pending_del: list[str] = []
    pending_ins: list[str] = []

    def flush() -> None:
        if pending_del:
            out.append((DELETE, "".join(pending_del)))
            pending_del.clear()
        if pending_ins:
            out.append((INSERT, "".join(pending_ins)))
            pending_ins.clear()

    for op, text in runs:
        if not text:
            continue
        if op == DELETE:
            pending_del.append(text)
        elif op == INSERT:
            pending_ins.append(text)
        else:
            flush()
            if out and out[-1][0] == EQUAL:
                out[-1] = (EQUAL, out[-1][1] + text)
            else:
                out.append((EQUAL, text))
    flush()
    return tuple(out)


def word_diff(a: str, b: str, *, timeout: float | None = None, key=None) -> tuple[Runs, bool]:
    """Diff ``a`` against ``b`` word by word: ``(runs, approximate)``.

    ``runs`` are ``(op, text)`` with op -1 (only in ``a``), 0 (both), 1 (only in ``b``);
    joining the runs with op <= 0 gives ``a`` exactly, op >= 0 gives ``b``.
    ``timeout`` is in seconds of this thread's CPU time (None or 0: no limit);
    ``approximate`` is True when it was reached and part of the diff is a coarse replace.
    With ``key`` (a token -> comparable form function, see
    :class:`~drafter.compare.ignore.Ignore`), tokens with equal keys are equal and an
    equal run shows ``b``'s tokens: the old side then equals ``a`` only up to those
    ignored variants.
    """
    if a == b:
        return (((EQUAL, a),) if a else ()), False
    if not a:
        return ((INSERT, b),), False
    if not b:
        return ((DELETE, a),), False
    tokens_a, tokens_b = tokenize(a), tokenize(b)
    enc_a, enc_b, back = _encode(tokens_a, tokens_b, key)
    dmp = _WordDMP()
    dmp.Diff_Timeout = float(timeout or 0.0)
    deadline = CpuDeadline(float(timeout)) if timeout else None
    diffs = dmp.diff_main(enc_a, enc_b, False, deadline)
    if key is None:
        runs = [(op, "".join(map(back.__getitem__, chars))) for op, chars in diffs]
    else:  # map back through positions: equal runs show the new side's own tokens
        runs = []
        ia = ib = 0
        for op, chars in diffs:
            n = len(chars)
            if op == DELETE:
                runs.append((op, "".join(tokens_a[ia : ia + n])))
                ia += n
            elif op == INSERT:
                runs.append((op, "".join(tokens_b[ib : ib + n])))
                ib += n
            else:
                runs.append((op, "".join(tokens_b[ib : ib + n])))
                ia, ib = ia + n, ib + n
    return _tidy(_cleanup_semantic(runs)), dmp.hit_deadline


def _cleanup_semantic(runs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff-match-patch's semantic cleanup, measured in characters, on decoded runs.

    An equality that is only spaces and punctuation, or at most a quarter as long as the
    changes on both sides of it ("the" between two rewritten clauses), is folded
    into them, so the reader sees one replacement instead of confetti (dmp's own
    rule, "no longer than", is too eager for legal text: it would swallow "the
    need" in "{+urgent+} need"). Done after decoding, so that a one-token equality counts
    its real length: "{+fully +}respect{+ and protect+}" keeps "respect". The other
    phases of ``diff_cleanupSemantic`` (lossless shifting, overlap extraction) work
    on characters and could split a word, so they are not used.
    """
    diffs = list(runs)
    equalities: list[int] = []
    last_equality: str | None = None
    ins1 = del1 = ins2 = del2 = 0
    changes = False
    pointer = 0
    while pointer < len(diffs):
        op, text = diffs[pointer]
        if op == EQUAL:
            equalities.append(pointer)
            ins1, ins2 = ins2, 0
            del1, del2 = del2, 0
            last_equality = text
        else:
            if op == INSERT:
                ins2 += len(text)
            else:
                del2 += len(text)
            before, after = max(ins1, del1), max(ins2, del2)
            if (
                last_equality
                and before
                and after
                and (
                    4 * len(last_equality) <= min(before, after)
                    or not _HAS_WORD_RE.search(last_equality)
                )
            ):
                at = equalities.pop()
                diffs[at : at + 1] = [(DELETE, last_equality), (INSERT, last_equality)]
                if equalities:
                    equalities.pop()
                pointer = equalities[-1] if equalities else -1
                ins1 = del1 = ins2 = del2 = 0
                last_equality = None
                changes = True
        pointer += 1
    return diffs if changes else runs


def similarity_of_runs(runs: Runs) -> float:
    """Share of characters kept: 2 * equal / (len(a) + len(b)), 1.0 for two empty texts."""
    equal = sum(len(t) for op, t in runs if op == EQUAL)
    total = sum(len(t) * (2 if op == EQUAL else 1) for op, t in runs)
    return 1.0 if total == 0 else 2 * equal / total
