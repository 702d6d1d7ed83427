"""Merges and splits whose members do not stand together.

A drafter merging OP 7, OP 8 and OP 9 into a new OP 1, or a preambular and an
operative paragraph into one preambular paragraph, leaves parts that are not next to
each other, or not where the whole is. Two passes of the aligner find them:
:meth:`ScatteredGroups.gather` adds to a merge a member a few places away (or, for a
merge that moved, from anywhere among its known parts), and
:meth:`ScatteredGroups.far_groups` builds merges and splits that moved from the
candidate pairs in which one paragraph is a part of the other
(:meth:`ScatteredGroups._note_part`, called while edited paragraphs are matched).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from drafter.compare.group import (
    MAX_GROUP,
    MOVE_THRESHOLD,
    NEAR_WINDOW,
    PART_CONTAINMENT,
    Group,
)
from drafter.compare.similarity import (
    CONTAINED_MIN_WORDS,
    LazyProfiles,
    Profile,
    containment,
    opening_verb,
    verb_stem,
)

# A member of a merge may stand up to this many places from the others (see
# gather) if it brings the share of the whole's words that the parts cover to at
# least GATHER_COVERAGE, by GATHER_GAIN, and the whole has GATHER_MIN_REST words
# the parts so far lack.
MEMBER_REACH = 4
# A part of a merge or split that moved has at least this share of its words in the
# whole (see far_groups).
PART_OF_WHOLE = 0.8
GATHER_COVERAGE = 0.8
GATHER_GAIN = 0.2
GATHER_MIN_REST = 4


class ScatteredGroups:
    """The merge and split passes of the aligner (``drafter.compare.align._Aligner``),
    which provides the state and the helpers declared here."""

    old: LazyProfiles
    new: LazyProfiles
    old_group: dict[int, Group]
    new_group: dict[int, Group]
    groups: list[Group]
    _bag: Callable[[Sequence[Profile], Sequence[int]], tuple[Counter[str], int]]
    _score: Callable[[Sequence[int], Sequence[int]], float]
    _grow: Callable[[Group], None]
    expected_new: Callable[[int], float]

    def __init__(self) -> None:
        # (True, new id) -> old ids that are parts of it; (False, old id) -> new ids
        # (candidate pairs noted by match_edited, for far_groups)
        self._parts: defaultdict[tuple[bool, int], list[int]] = defaultdict(list)

    def gather(self) -> None:
        """Members of a merge that are not next to the others: an unmatched old
        paragraph a few places away that supplies most of what the new paragraph has
        and its current partners lack ("Deeply concerned about the magnitude ..." +
        "Noting the increasing number and complexity ..." -> "Deeply concerned about
        the increasing number and growing magnitude and complexity ...").

        Merges only: the members of a split are new paragraphs, and a row of the
        comparison holds consecutive new paragraphs (rows follow the new text).
        """
        for group in list(self.groups):
            if group.exact or len(group.new) != 1:
                continue
            anywhere: list[int] = []
            if abs(group.new[0] - self.expected_new(min(group.old))) > NEAR_WINDOW:
                # A merge that moved may have gathered its members from anywhere.
                anywhere = self._parts.get((True, group.new[0]), [])
            self._gather_one(group, anywhere)

    def _gather_one(self, group: Group, anywhere: Sequence[int] = ()) -> None:
        """:meth:`gather` for one group: members up to MEMBER_REACH places away, or
        among ``anywhere`` (for a merge that moved)."""
        if len(group.new) != 1 or len(group.old) >= MAX_GROUP:
            return
        whole = self.new[group.new[0]]
        have, _ = self._bag(self.old, group.old)
        rest = whole.bag - have
        if sum(rest.values()) < GATHER_MIN_REST:
            return
        rest_stems = {verb_stem(w) for w in rest}
        best, best_cov = -1, containment(whole.bag, have) + GATHER_GAIN
        near = [
            c for d in range(2, MEMBER_REACH + 1) for c in (min(group.old) - d, max(group.old) + d)
        ]
        for cand in (*near, *anywhere):
            if not 0 <= cand < len(self.old) or cand in self.old_group:
                continue
            part = self.old[cand]
            # Its own opening must be among the words it supplies: a drafter
            # merging keeps each member's leading words ("..., and welcoming
            # the efforts"); boilerplate that every paragraph of a text shares
            # does not open the candidate.
            # ... or, for a member nearly all inside the whole, folded under one
            # formula, the whole's own opening verb ("Requests ... to report ..."
            # + "Requests ... to report on the detailed use of the Fund" ->
            # "Requests ... to report ... and to submit a report ... on the
            # detailed use of the Fund").
            verb = opening_verb(part.words)
            if verb not in rest_stems and (
                verb != opening_verb(whole.words)
                or containment(part.bag, whole.bag) < PART_OF_WHOLE
            ):
                continue
            if containment(rest, part.bag) < PART_CONTAINMENT:
                continue
            cov = containment(whole.bag, have + part.bag)
            if cov >= GATHER_COVERAGE and cov > best_cov:
                best, best_cov = cand, cov
        if best >= 0:
            group.old.append(best)
            group.old.sort()
            self.old_group[best] = group
            group.score = self._score(group.old, group.new)

    def _note_part(self, o: int, n: int, a: Profile, b: Profile, d: float) -> None:
        """Remember a candidate pair where one paragraph is a part of the other
        (PART_OF_WHOLE of its words inside it), for :meth:`far_groups`. Dice gives
        both containments: the shared words over each side's size."""
        if d == 0.0:
            return
        shared = d * (a.size + b.size) / 2
        short, long = sorted((a.size, b.size))
        if short < CONTAINED_MIN_WORDS or long < 2 * CONTAINED_MIN_WORDS:
            return
        if a.size <= b.size and shared >= PART_OF_WHOLE * a.size:
            self._parts[(True, n)].append(o)  # old o is a part of new n (a merge)
        if b.size <= a.size and shared >= PART_OF_WHOLE * b.size:
            self._parts[(False, o)].append(n)  # new n is a part of old o (a split)

    def far_groups(self) -> None:
        """Merges and splits that moved: a paragraph left alone whose parts, left
        alone too, stand anywhere on the other side (OP 7 + OP 8 + OP 9 merged into a
        new OP 1). A part is a candidate pair scored while matching edited
        paragraphs with all of its words but a fifth in the whole; its neighbours
        and further parts join (:meth:`_grow`, :meth:`_gather_one`); the group stands
        when it has two parts or more and the overlap a move needs (MOVE_THRESHOLD).
        """
        # Merges first, each side in reading order.
        for (merge, w), cands in sorted(
            self._parts.items(), key=lambda kv: (not kv[0][0], kv[0][1])
        ):
            whole_taken = self.new_group if merge else self.old_group
            part_taken = self.old_group if merge else self.new_group
            if w in whole_taken:
                continue
            free = [j for j in cands if j not in part_taken]
            if not free:
                continue
            parts = self.old if merge else self.new
            whole = (self.new if merge else self.old)[w]
            best = max(free, key=lambda j: (containment(parts[j].bag, whole.bag), -j))
            self._try_far_group(w, best, merge=merge, anywhere=free)

    def _try_far_group(
        self, whole: int, part: int, *, merge: bool, anywhere: Sequence[int]
    ) -> None:
        olds, news = ([part], [whole]) if merge else ([whole], [part])
        group = Group(olds, news, self._score(olds, news))
        for o in olds:
            self.old_group[o] = group
        for n in news:
            self.new_group[n] = group
        self._grow(group)
        if merge:
            self._gather_one(group, anywhere)
        if len(group.old) + len(group.new) > 2 and group.score >= MOVE_THRESHOLD:
            self.groups.append(group)
            return
        for o in group.old:
            self.old_group.pop(o, None)
        for n in group.new:
            self.new_group.pop(n, None)
