"""Versions mode, step one: which paragraphs belong together.

The aligner works on :class:`~drafter.compare.similarity.Profile` values, never on
numbers: renumbering alone changes nothing here. It proceeds as a drafter would
when laying two versions side by side:

1. **Anchors**: paragraphs whose text (ignoring formatting) occurs exactly once on
   each side belong together. The longest in-order chain of them (an LIS) is the
   *backbone*; it tells where, in the new text, any old paragraph is expected.
2. **Edited paragraphs**: each remaining old paragraph asks a shingle index of the
   new side for candidates (plus the unmatched paragraphs near its expected place),
   scores them by word Dice (or, for a much shorter paragraph nearly all inside a
   longer one, by containment: :func:`~drafter.compare.similarity.pair_score`), and
   the best pairs above a threshold are taken greedily; the pairs made then join the
   backbone, so that expected places come from the nearest pairs, and a second round
   runs. Pairs found by containment only wait until splits and merges are settled.
3. **Splits and merges**: a matched pair absorbs unmatched neighbours on either side
   while the concatenation fits better; a paragraph left alone may still be the
   concatenation of consecutive paragraphs of the other side.
   A merge may gather an old member a few places away that supplies most of
   what its partners lack, its own opening words included; merges and splits that
   moved are built from their parts (both in :mod:`drafter.compare.scattered_groups`).
   Where exactly one old
   and one new paragraph are left between two neighbouring pairs that stay in place,
   they are one paragraph rewritten if they share a little; so are two paragraphs
   that open with the same distinctive words (found on no other paragraph).
4. **Moves**: the longest in-order chain over all groups stays in place; any group off
   that chain was moved.

No step compares all pairs: the cost grows with the number of paragraphs times the
(small) number of candidates each one asks about.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise

from drafter.compare.evidence import Evidence
from drafter.compare.group import (
    MAX_GROUP,
    MOVE_THRESHOLD,
    NEAR_WINDOW,
    PART_CONTAINMENT,
    Group,
)
from drafter.compare.scattered_groups import GATHER_COVERAGE, GATHER_MIN_REST, ScatteredGroups
from drafter.compare.similarity import (
    LazyProfiles,
    Profile,
    ShingleIndex,
    common_words,
    containment,
    dice,
    document_frequency,
    opening_verb,
    pair_score,
)

# Below this Dice score two paragraphs are different texts (deleted + inserted).
MATCH_THRESHOLD = 0.5
# A near pair yields to a far one scoring this much higher (that one is a move).
CLEARLY_BETTER = 0.2
# Where exactly one old and one new paragraph are left between two neighbouring
# pairs that stay in place, they are one paragraph rewritten from this score on.
REWRITE_THRESHOLD = 0.4
# Paragraphs that open with the same this many words, and no other paragraph left on
# either side does, pair from OPENING_THRESHOLD on (in place only).
OPENING_WORDS = 5
OPENING_THRESHOLD = 0.35
# Paragraphs that open with the same this many words, and no other paragraph left on
# either side does, and match from MATCH_THRESHOLD on (by overlap or containment),
# are one paragraph wherever they stand: a move, or a conversion between preamble
# and operative part ("Takes note of the report of the Secretary-General;" ->
# "Taking note of the report of the Secretary-General, in particular ...").
LONG_OPENING_WORDS = 8
WHOLLY_CONTAINED = 0.95
# Below this Dice score a pair scored by overlap needs a shared word that is not
# common resolution vocabulary (compare.evidence): two requests to the
# Secretary-General share half their words whatever they ask for.
BOILERPLATE_DICE = 0.7
# ... when both have this many words (a short line has no room for a subject).
FORMULA_MIN_WORDS = 12
# A pair more than NEAR_WINDOW places from its interpolated place, but crossing no
# pair that stays in place, counts as in place when the two keep this many
# consecutive words, one of them telling (a clause kept word for word).
GAP_RUN = 8
# ... and stands no further from its interpolated place than this share of the gap
# between those pairs (not at the far end of a long run of inserted paragraphs).
GAP_SLACK = 0.5
# ... or, in a stretch with at most this many paragraphs left to place on each side,
# when they open with the same verb and each is the other's best candidate.
SHORT_GAP = 8
# Paragraphs that open with the same verb and keep this many words in runs of GAP_RUN
# consecutive words or more (each with a telling word, its first GAP_RUN found in no
# third paragraph left to place) are one paragraph wherever they stand from 0.4 on (a
# conversion between preamble and operative part that cut a clause and added another).
CLAUSE_WORDS = 2 * GAP_RUN
# In deciding which groups moved, one whose paragraphs are all shorter than this many
# characters (a footnote left in the body, a heading) counts only to break ties.
SHORT_LINE = 60


def longest_increasing(seq: Sequence[int]) -> list[int]:
    """Indices of one longest strictly increasing subsequence of ``seq`` (O(n log n))."""
    tails: list[int] = []  # seq values
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        j = bisect_left(tails, v)
        if j == len(tails):
            tails.append(v)
            tail_idx.append(i)
        else:
            tails[j] = v
            tail_idx[j] = i
        prev[i] = tail_idx[j - 1] if j > 0 else -1
    out: list[int] = []
    k = tail_idx[-1] if tail_idx else -1
    while k != -1:
        out.append(k)
        k = prev[k]
    out.reverse()
    return out


def weighted_increasing(seq: Sequence[int], weights: Sequence[int]) -> list[int]:
    """Indices of the strictly increasing subsequence of ``seq`` (distinct
    non-negative integers) of greatest total weight and, among those, of greatest
    length. O(n log n), with a Fenwick tree of prefix maxima over the values."""
    size = max(seq, default=0) + 1
    tree = [(0, 0, -1)] * (size + 1)  # (weight, length, index of the last element)
    prev = [-1] * len(seq)
    best = (0, 0, -1)
    for i, v in enumerate(seq):
        q = (0, 0, -1)
        j = v  # the best chain ending in a value below v
        while j > 0:
            if tree[j] > q:
                q = tree[j]
            j -= j & -j
        cur = (q[0] + weights[i], q[1] + 1, i)
        prev[i] = q[2]
        j = v + 1
        while j <= size:
            if tree[j] < cur:
                tree[j] = cur
            j += j & -j
        if cur > best:
            best = cur
    out: list[int] = []
    k = best[2]
    while k != -1:
        out.append(k)
        k = prev[k]
    out.reverse()
    return out


def _unique_pairs(old_ids, new_ids, old_key, new_key) -> list[tuple[int, int]]:
    """(old, new) ids whose key occurs exactly once on each side and is the same."""
    old_by: dict[str, list[int]] = defaultdict(list)
    new_by: dict[str, list[int]] = defaultdict(list)
    for i in old_ids:
        old_by[old_key(i)].append(i)
    for i in new_ids:
        new_by[new_key(i)].append(i)
    out = []
    for key, olds in old_by.items():
        news = new_by.get(key)
        if news and len(olds) == 1 and len(news) == 1:
            out.append((olds[0], news[0]))
    return out


def _mutual_best(scored: Sequence[tuple[float, float, int, int]]) -> set[tuple[int, int]]:
    """The (old, new) pairs among ``scored`` (bonus, score, old, new; best first)
    where each is the other's single best-scoring candidate."""
    best_old: dict[int, tuple[float, int | None]] = {}
    best_new: dict[int, tuple[float, int | None]] = {}
    for _, s, o, n in scored:
        for best, me, other in ((best_old, o, n), (best_new, n, o)):
            have = best.get(me)
            if have is None or s > have[0]:
                best[me] = (s, other)
            elif s == have[0] and have[1] != other:
                best[me] = (s, None)  # a tie: no single best
    return {(o, n) for o, (_, n) in best_old.items() if n is not None and best_new[n][1] == o}


def _opening(p: Profile, fallback: int, count: int, min_size: int) -> str:
    """A paragraph's first ``count`` words (a unique key for one under ``min_size``)."""
    if p.size < min_size:
        return f"\0{fallback}"
    return " ".join(p.words[:count])


class _Aligner(ScatteredGroups):
    def __init__(self, old: LazyProfiles, new: LazyProfiles) -> None:
        super().__init__()
        self.old = old
        self.new = new
        self.old_group: dict[int, Group] = {}
        self.new_group: dict[int, Group] = {}
        self.groups: list[Group] = []
        self._evidence_cache: Evidence | None = None
        self._kept_clause: dict[tuple[int, int], bool] = {}  # (old, new): see _near
        self._by_opening: set[tuple[int, int]] = set()  # pairs scored up by their opening
        self._mutual: set[tuple[int, int]] = set()  # each the other's best candidate (_near)
        self._short_old: list[bool] | None = None  # texts under SHORT_LINE (see _short)
        self._short_new: list[bool] = []
        self._runs: Counter[tuple[str, ...]] | None = None  # see _own_clause
        self.free_old: list[int] = []  # not anchored (set by match_edited)
        self.free_new: list[int] = []
        self.dense = False  # whether the backbone holds the pairs made, not only anchors

    # -- bookkeeping -----------------------------------------------------------
    def _add(self, group: Group) -> None:
        self.groups.append(group)
        for o in group.old:
            self.old_group[o] = group
        for n in group.new:
            self.new_group[n] = group

    def _bag(self, profiles: Sequence[Profile], ids: Sequence[int]) -> tuple[Counter[str], int]:
        if len(ids) == 1:
            p = profiles[ids[0]]
            return p.bag, p.size
        bag: Counter[str] = Counter()
        n = 0
        for i in ids:
            bag.update(profiles[i].bag)
            n += profiles[i].size
        return bag, n

    def _score(self, olds: Sequence[int], news: Sequence[int]) -> float:
        a, na = self._bag(self.old, olds)
        b, nb = self._bag(self.new, news)
        return dice(a, b, na, nb)

    # -- 1. anchors ------------------------------------------------------------
    def anchor(self) -> None:
        # Identical raw texts first (cheap: no profile needed), then texts equal once
        # formatting is folded away; in both cases only texts unique on each side.
        pairs = _unique_pairs(
            range(len(self.old)),
            range(len(self.new)),
            lambda i: self.old.texts[i],
            lambda i: self.new.texts[i],
        )
        done_old = {o for o, _ in pairs}
        done_new = {n for _, n in pairs}
        pairs += _unique_pairs(
            (i for i in range(len(self.old)) if i not in done_old),
            (i for i in range(len(self.new)) if i not in done_new),
            lambda i: self.old.key(i),
            lambda i: self.new.key(i),
        )
        pairs.sort()
        chain = longest_increasing([n for _, n in pairs])
        self.backbone_old = [pairs[k][0] for k in chain]
        self.backbone_new = [pairs[k][1] for k in chain]
        for o, n in pairs:
            self._add(Group([o], [n], 1.0, exact=True))

    def expected_new(self, o: int) -> float:
        """Where old paragraph ``o`` would sit in the new text, from the backbone."""
        bo, bn = self.backbone_old, self.backbone_new
        j = bisect_left(bo, o)
        po, pn = (bo[j - 1], bn[j - 1]) if j > 0 else (-1, -1)
        if j < len(bo) and bo[j] == o:
            return float(bn[j])
        no, nn = (bo[j], bn[j]) if j < len(bo) else (len(self.old), len(self.new))
        return pn + (o - po) * (nn - pn) / (no - po)

    # -- 2. edited paragraphs --------------------------------------------------
    def match_edited(self) -> None:
        """Score candidate pairs for every paragraph not anchored (accepted by take)."""
        self._scored: list[tuple[float, float, int, int]] = []
        # Pairs that score by containment or a shared opening only: taken after splits
        # and merges, which may claim the same paragraphs (a part of a split is
        # contained in its whole).
        self._contained: set[tuple[int, int]] = set()
        free_old = [i for i in range(len(self.old)) if i not in self.old_group]
        free_new = [i for i in range(len(self.new)) if i not in self.new_group]
        self.free_old, self.free_new = free_old, free_new
        if not free_old or not free_new:
            return
        index = ShingleIndex(self.new, free_new)
        old_df = document_frequency(self.old, free_old)
        opening_partner = self._same_openings(OPENING_WORDS, 2 * OPENING_WORDS)
        long_partner = self._same_openings(LONG_OPENING_WORDS, LONG_OPENING_WORDS)
        scored: list[tuple[float, float, int, int]] = []
        for o in free_old:
            prof = self.old[o]
            cands = set(index.candidates(prof, other_df=old_df))
            e = self.expected_new(o)
            lo = bisect_left(free_new, e - NEAR_WINDOW)
            hi = bisect_right(free_new, e + NEAR_WINDOW)
            cands.update(free_new[lo:hi])
            if o in opening_partner:
                cands.add(opening_partner[o])
            if o in long_partner:
                cands.add(long_partner[o])
            for n in cands:
                other = self.new[n]
                d = dice(prof.bag, other.bag, prof.size, other.size)
                self._note_part(o, n, prof, other, d)
                s = own = pair_score(prof, other, d)
                if opening_partner.get(o) == n and OPENING_THRESHOLD <= s < MATCH_THRESHOLD:
                    # Rewritten behind the same distinctive opening words ("Emphasizes
                    # the leadership role of the Secretary-General ..."), found on no
                    # other paragraph of either side: enough for an in-place pair
                    # (where expected: not by a clause kept in a gap, see _near).
                    s = MATCH_THRESHOLD
                    self._by_opening.add((o, n))
                if (
                    long_partner.get(o) == n
                    and MATCH_THRESHOLD <= own < MOVE_THRESHOLD
                    and (
                        self._evidence().shares_rare_word(prof, other)
                        or containment(*self._shorter_longer(prof, other)) >= WHOLLY_CONTAINED
                    )
                ):
                    # The same long opening, found on no other paragraph, and either
                    # a word of their subject in common or the shorter wholly inside
                    # the longer (not two agenda items behind one formula): strong
                    # enough for a move, and no longer a pair by containment only.
                    s = d = MOVE_THRESHOLD
                elif (
                    MATCH_THRESHOLD * 0.8 <= own < MOVE_THRESHOLD
                    and abs(n - e) > NEAR_WINDOW  # in place, overlap decides as before
                    and opening_verb(prof.words) == opening_verb(other.words)
                    and self._evidence().keeps_clauses(
                        prof.words, other.words, GAP_RUN, CLAUSE_WORDS, self._own_clause
                    )
                ):
                    # The same opening verb and a long clause of theirs kept word for
                    # word: one paragraph wherever it stands, cut and grown ("Emphasizes
                    # that coordination ... and that OCHA should benefit from adequate
                    # and more predictable funding, and requests ..." -> "Emphasizing
                    # that OCHA should benefit from adequate and more predictable
                    # funding, while stressing ...").
                    s = d = MOVE_THRESHOLD
                elif self._only_formula(prof, other, s, d, in_place=self._in_gap(o, n)):
                    continue
                if s >= MATCH_THRESHOLD * 0.8:
                    # A small bonus for being where expected breaks ties between
                    # equal texts (repeated boilerplate) without overriding content.
                    scored.append((s + 0.02 / (1.0 + abs(n - e)), s, o, n))
                    if s != d:
                        self._contained.add((o, n))  # also a pair raised by its opening
        scored.sort(reverse=True)
        self._scored = scored
        self._mutual = _mutual_best(scored)

    def _only_formula(self, a: Profile, b: Profile, s: float, d: float, *, in_place: bool) -> bool:
        """Whether a pair scored ``s`` by word overlap (Dice ``d``) alone, short of
        BOILERPLATE_DICE, has only the formula in common: no telling word, and, for
        a pair in its place, not the same opening verb either (a drafter updating
        "Welcomes the first ... segment" keeps "Welcomes" and the place; "Also
        requests the Secretary-General to include ..." and "Invites the
        Secretary-General ... to include ..." share the rest)."""
        return (
            s == d
            and MATCH_THRESHOLD * 0.8 <= s < BOILERPLATE_DICE
            and min(a.size, b.size) >= FORMULA_MIN_WORDS
            and not (in_place and opening_verb(a.words) == opening_verb(b.words))
            and not self._evidence().shares_rare_word(a, b)
        )

    def _evidence(self) -> Evidence:
        """What counts as a telling word among the paragraphs left to place after
        anchoring (built once per comparison, on first need)."""
        if self._evidence_cache is None:
            self._evidence_cache = Evidence(
                [self.old[i].bag.keys() for i in self.free_old]
                + [self.new[i].bag.keys() for i in self.free_new]
            )
        return self._evidence_cache

    @staticmethod
    def _shorter_longer(a: Profile, b: Profile) -> tuple[Counter[str], Counter[str]]:
        return (a.bag, b.bag) if a.size <= b.size else (b.bag, a.bag)

    def _same_openings(self, count: int, min_size: int) -> dict[int, int]:
        """old -> new among the free paragraphs whose first ``count`` words (of a
        paragraph of ``min_size`` words or more) open no other free paragraph."""
        return dict(
            _unique_pairs(
                self.free_old,
                self.free_new,
                lambda i: _opening(self.old[i], i, count, min_size),
                lambda i: _opening(self.new[i], -1 - i, count, min_size),
            )
        )

    def _placed(self) -> list[tuple[int, int]]:
        """(old, new) first ids of the groups so far that stay in place, sorted."""
        groups = sorted(self.groups, key=lambda g: (min(g.old), min(g.new)))
        return [(min(groups[k].old), min(groups[k].new)) for k in self._in_order(groups)]

    def _in_order(self, groups: Sequence[Group]) -> list[int]:
        """Indices of the groups (sorted by old id) that stay in place: the longest
        in-order chain, short lines counting only to break ties (SHORT_LINE)."""
        firsts = [min(g.new) for g in groups]
        weights = [int(not self._short(g)) for g in groups]
        if all(weights):
            return longest_increasing(firsts)  # no short line: the plain chain, faster
        return weighted_increasing(firsts, weights)

    def _short(self, group: Group) -> bool:
        """Whether all of a group's paragraphs are lines of a few words (SHORT_LINE)."""
        if self._short_old is None:
            self._short_old = [len(t) < SHORT_LINE for t in self.old.texts]
            self._short_new = [len(t) < SHORT_LINE for t in self.new.texts]
        return all(self._short_old[o] for o in group.old) and all(
            self._short_new[n] for n in group.new
        )

    def densify_backbone(self) -> None:
        """Add the pairs made so far to the backbone (their longest in-order chain),
        so that where a paragraph is expected is read from its nearest pairs, not
        only from exact anchors that may be far apart."""
        placed = self._placed()
        self.backbone_old = [o for o, _ in placed]
        self.backbone_new = [n for _, n in placed]
        self.dense = True

    def take_rewrites(self) -> None:
        """Low-similarity rewrites that stayed in place: where exactly one old and one
        new paragraph are left between two neighbouring pairs that stay in place,
        they are one paragraph rewritten if they share enough (REWRITE_THRESHOLD);
        where a few are left, see :meth:`_rewrites_by_subject`."""
        # Footnote lines left in the body stand where a page ended: no bound.
        placed = [(o, n) for o, n in self._placed() if not self._short(self.old_group[o])]
        bounds = [(-1, -1), *placed, (len(self.old), len(self.new))]
        for (o0, n0), (o1, n1) in pairwise(bounds):
            olds = [o for o in range(o0 + 1, o1) if o not in self.old_group]
            news = [n for n in range(n0 + 1, n1) if n not in self.new_group]
            if not olds or not news or len(olds) > SHORT_GAP or len(news) > SHORT_GAP:
                continue
            if len(olds) == 1 and len(news) == 1:
                o, n = olds[0], news[0]
                a, b = self.old[o], self.new[n]
                d = dice(a.bag, b.bag, a.size, b.size)
                s = pair_score(a, b, d)
                if s >= REWRITE_THRESHOLD and not self._only_formula(a, b, s, d, in_place=True):
                    self._add(Group([o], [n], s))
            else:
                self._rewrites_by_subject(olds, news)

    def _rewrites_by_subject(self, olds: Sequence[int], news: Sequence[int]) -> None:
        """In a short stretch between pairs that stay in place: two paragraphs, each
        the other's best candidate there from OPENING_THRESHOLD on, that alone keep a
        telling term ("Encourages the donor community to improve ... policies and
        practices of good donorship ..." -> "Takes note with interest of the progress
        being made by donors to improve their policies and practices of good
        donorship ...", Dice 0.39) are one paragraph rewritten."""
        scored = []
        for o in olds:
            a = self.old[o]
            for n in news:
                b = self.new[n]
                s = pair_score(a, b)
                if s >= OPENING_THRESHOLD:
                    scored.append((s, s, o, n))
        for o, n in sorted(_mutual_best(scored)):
            a, b = self.old[o], self.new[n]
            if self._evidence().shares_own_term(a, b):
                self._add(Group([o], [n], pair_score(a, b)))

    def _near(self, o: int, n: int) -> bool:
        """Whether new ``n`` is where old ``o`` is expected: a few places from its
        interpolated place, or anywhere between the new partners of the backbone
        pairs around ``o`` (pairing them crosses no pair that stays in place; where
        many paragraphs were inserted or deleted the interpolation is off), off its
        interpolated place by at most half the gap, if they keep a clause word for
        word, or, in a short stretch (SHORT_GAP), open with the same verb and are each
        the other's best candidate (nothing else of either side comes closer)."""
        if abs(n - self.expected_new(o)) <= NEAR_WINDOW:
            return True
        if not self.dense or (o, n) in self._by_opening:
            return False  # exact anchors only: the gaps between them say little
        lo, hi = self._gap(o)
        if not lo < n < hi or abs(n - self.expected_new(o)) > GAP_SLACK * (hi - lo):
            return False
        a, b = self.old[o], self.new[n]
        if (
            (o, n) in self._mutual
            and opening_verb(a.words) == opening_verb(b.words)
            and self._few_left(o, lo, hi)
        ):
            return True
        return self._keeps_clause(a, b, (o, n))

    def _keeps_clause(self, a: Profile, b: Profile, key: tuple[int, int]) -> bool:
        """Whether ``a`` and ``b`` keep GAP_RUN consecutive words, one of them
        telling, found in no third paragraph left to place (a clause of theirs)."""
        kept = self._kept_clause.get(key)
        if kept is None:
            kept = self._kept_clause[key] = self._evidence().keeps_clause(
                a.words, b.words, GAP_RUN, self._own_clause
            )
        return kept

    def _few_left(self, o: int, lo: int, hi: int) -> bool:
        """Whether at most SHORT_GAP paragraphs are left to place on each side
        between the backbone pairs around old ``o`` (new ``lo`` and ``hi``): a short
        stretch a drafter reads side by side, not the most of two unrelated texts."""
        bo = self.backbone_old
        j = bisect_left(bo, o)
        olo, ohi = (bo[j - 1] if j > 0 else -1), (bo[j] if j < len(bo) else len(self.old))
        for start, stop, taken in ((olo, ohi, self.old_group), (lo, hi, self.new_group)):
            left = 0
            for i in range(start + 1, stop):
                if i not in taken:
                    left += 1
                    if left > SHORT_GAP:
                        return False
        return True

    def _gap(self, o: int) -> tuple[int, int]:
        """The new partners of the backbone pairs around old ``o`` (-1 and the new
        text's length at its ends): where ``o`` may go without crossing them."""
        bo, bn = self.backbone_old, self.backbone_new
        j = bisect_left(bo, o)
        return (bn[j - 1] if j > 0 else -1), (bn[j] if j < len(bo) else len(self.new))

    def _in_gap(self, o: int, n: int) -> bool:
        lo, hi = self._gap(o)
        return lo < n < hi

    def _own_clause(self, run: Sequence[str]) -> bool:
        """Whether GAP_RUN consecutive words (the first of a longer run) are found in
        two of the paragraphs left to place at most (the pair asked about): a clause of
        theirs, not a name that recurs through the texts ("the Treaty on the
        Non-Proliferation of Nuclear Weapons")."""
        if self._runs is None:
            runs: Counter[tuple[str, ...]] = Counter()
            for side, ids in ((self.old, self.free_old), (self.new, self.free_new)):
                for i in ids:
                    w = side[i].words
                    runs.update({tuple(w[k : k + GAP_RUN]) for k in range(len(w) - GAP_RUN + 1)})
            self._runs = runs
        return self._runs[tuple(run[:GAP_RUN])] <= 2

    def take(self, *, far: bool, contained: bool = False) -> None:
        """Accept the best-scoring pairs still free: near their expected place, or not.

        In-place edits, splits and merges are settled before any move is accepted, so
        that a part of a split is not mistaken for a moved paragraph elsewhere.
        """
        best_old: dict[int, float] = {}
        best_new: dict[int, float] = {}
        for _, s, o, n in self._scored:
            best_old[o] = max(best_old.get(o, 0.0), s)
            best_new[n] = max(best_new.get(n, 0.0), s)
        for _, s, o, n in self._scored:
            if o in self.old_group or n in self.new_group:
                continue
            if ((o, n) in self._contained) != contained:
                continue
            if s < (MOVE_THRESHOLD if far else MATCH_THRESHOLD):
                continue
            if self._near(o, n) == far:
                continue
            if not far and (s < best_old[o] - CLEARLY_BETTER or s < best_new[n] - CLEARLY_BETTER):
                continue  # one of them has a much better partner elsewhere: a move
            self._add(Group([o], [n], s))

    # -- 3. splits and merges --------------------------------------------------
    def _grow(self, group: Group) -> None:
        """Absorb unmatched neighbours while the concatenation fits better: a
        neighbour mostly inside what the whole has and the parts lack, or one that
        keeps a clause of the whole word for word."""
        changed = True
        while changed and len(group.old) + len(group.new) < MAX_GROUP + 1:
            changed = False
            for side in ("new", "old"):
                if side == "new" and len(group.old) > 1:
                    continue
                if side == "old" and len(group.new) > 1:
                    continue
                ids = group.new if side == "new" else group.old
                profiles = self.new if side == "new" else self.old
                taken = self.new_group if side == "new" else self.old_group
                for cand in (ids[-1] + 1, ids[0] - 1):
                    if not 0 <= cand < len(profiles) or cand in taken:
                        continue
                    whole_ids = group.old if side == "new" else group.new
                    whole_profiles = self.old if side == "new" else self.new
                    whole, _ = self._bag(whole_profiles, whole_ids)
                    have, _ = self._bag(profiles, ids)
                    rest = whole - have
                    # Mostly inside what the parts so far lack, or keeping a clause of
                    # the whole word for word (a part whose other words were cut), and
                    # the concatenation fits better; or bringing what the parts lack,
                    # its telling words, whatever else it adds (_supplies).
                    part = profiles[cand]
                    inside = containment(part.bag, rest) >= PART_CONTAINMENT
                    supplies = not inside and self._supplies(whole, have, rest, part)
                    if not inside and not supplies and common_words(part.bag, whole) < GAP_RUN:
                        continue  # no clause of the whole in it either
                    trial = sorted([*ids, cand])
                    s = (
                        self._score(group.old, trial)
                        if side == "new"
                        else self._score(trial, group.new)
                    )
                    better = s > group.score + 0.02
                    if better and not inside and not supplies:
                        o, n = (whole_ids[0], cand) if side == "new" else (cand, whole_ids[0])
                        better = self._keeps_clause(self.old[o], self.new[n], (o, n))
                    if better or supplies:
                        ids[:] = trial
                        group.score = s
                        taken[cand] = group
                        changed = True
                        break
                if changed:
                    break

    def _supplies(
        self, whole: Counter[str], have: Counter[str], rest: Counter[str], part: Profile
    ) -> bool:
        """Whether ``part`` brings what the parts so far lack of the whole: most of
        its words (PART_CONTAINMENT), at least half of the telling ones and two or
        more, so that the parts then cover GATHER_COVERAGE of the whole. 60/124 OP 12 (needs
        assessments and the consolidated appeals) -> 61/134 OP 11 (the appeals) + OP 12
        ("... to improve their transparency and the reliability of their humanitarian
        needs assessments ...", half of it new)."""
        if sum(rest.values()) < GATHER_MIN_REST or containment(rest, part.bag) < PART_CONTAINMENT:
            return False
        ev = self._evidence()
        telling = [w for w in rest if ev.telling(w)]
        brought = sum(1 for w in telling if w in part.bag)
        return (
            brought >= 2
            and 2 * brought >= len(telling)
            and containment(whole, have + part.bag) >= GATHER_COVERAGE
        )

    def grow_all(self) -> None:
        for group in list(self.groups):
            if not group.exact:
                self._grow(group)

    def splits_and_merges(self) -> None:
        self.grow_all()
        # A paragraph left alone whose best partner is a *part* of it.
        for o in range(len(self.old)):
            if o in self.old_group:
                continue
            self._seed(o, self.old, self.new, self.new_group, old_side=True)
        for n in range(len(self.new)):
            if n in self.new_group:
                continue
            self._seed(n, self.new, self.old, self.old_group, old_side=False)

    def _seed(self, i: int, mine, theirs, their_taken, *, old_side: bool) -> None:
        me = mine[i]
        if me.size < 4:
            return
        best, best_c = -1, 0.0
        for j in self._nearby_free(i, theirs, their_taken, old_side=old_side):
            c = containment(theirs[j].bag, me.bag)
            if theirs[j].size >= 3 and c > best_c:
                best, best_c = j, c
        if best < 0 or best_c < 0.8:
            return
        olds, news = ([i], [best]) if old_side else ([best], [i])
        group = Group(olds, news, self._score(olds, news))
        taken_mine = self.old_group if old_side else self.new_group
        taken_mine[i] = group
        their_taken[best] = group
        self._grow(group)
        if len(group.old) + len(group.new) > 2 and group.score >= MATCH_THRESHOLD:
            self.groups.append(group)
        else:
            for o in group.old:
                self.old_group.pop(o, None)
            for n in group.new:
                self.new_group.pop(n, None)

    def _nearby_free(self, i: int, theirs, their_taken, *, old_side: bool) -> list[int]:
        if old_side:
            e = self.expected_new(i)
        else:
            # Inverse of expected_new through the backbone, good enough for a window.
            bn, bo = self.backbone_new, self.backbone_old
            j = bisect_left(bn, i)
            pn, po = (bn[j - 1], bo[j - 1]) if j > 0 else (-1, -1)
            nn, no = (bn[j], bo[j]) if j < len(bn) else (len(self.new), len(self.old))
            e = po + (i - pn) * (no - po) / max(1, nn - pn)
        lo = max(0, int(e) - NEAR_WINDOW * 2)
        hi = min(len(theirs), int(e) + NEAR_WINDOW * 2 + 1)
        return [j for j in range(lo, hi) if j not in their_taken]

    # -- 4. moves --------------------------------------------------------------
    def mark_moves(self) -> None:
        """The longest in-order chain of groups stays in place, the others moved;
        short lines count only to break ties (SHORT_LINE): two footnote lines left
        in the body that kept their order do not make the paragraph beside them
        a move."""
        self.groups.sort(key=lambda g: (min(g.old), min(g.new)))
        chain = set(self._in_order(self.groups))
        for k, g in enumerate(self.groups):
            g.in_order = k in chain


def align(old: LazyProfiles, new: LazyProfiles) -> list[Group]:
    """Groups of old and new paragraph ids that belong together, sorted by old id.

    Paragraphs in no group were deleted (old) or inserted (new). A group with
    ``in_order`` False was moved.
    """
    al = _Aligner(old, new)
    al.anchor()
    al.match_edited()
    al.take(far=False)
    al.densify_backbone()
    al.take(far=False)
    al.splits_and_merges()
    al.take(far=True)
    # Weaker evidence, once in-place pairs, splits, merges and moves are settled.
    al.take(far=False, contained=True)
    al.gather()
    al.far_groups()
    al.take_rewrites()
    al.grow_all()
    al.mark_moves()
    return al.groups
