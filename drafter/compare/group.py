"""A group of paragraphs that belong together, and the limits every alignment pass
(:mod:`drafter.compare.align`, :mod:`drafter.compare.scattered_groups`) respects."""

from __future__ import annotations

from dataclasses import dataclass

# A paragraph far from where it is expected (a move) must be closer to its match.
MOVE_THRESHOLD = 0.6
# How many unmatched paragraphs around the expected place are always considered.
NEAR_WINDOW = 3
# Most paragraphs one side of a split or merge may have.
MAX_GROUP = 6
# A part of a split (or merge) must have this share of its words in the whole.
PART_CONTAINMENT = 0.6


@dataclass(slots=True)
class Group:
    """Old ids and new ids that belong together (1:1, 1:n split, n:1 merge)."""

    old: list[int]
    new: list[int]
    score: float
    exact: bool = False
    in_order: bool = True
