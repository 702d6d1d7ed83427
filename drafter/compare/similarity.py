"""Paragraph similarity and candidate generation without all-pairs loops.

Alignment needs, for each paragraph left unmatched by exact anchoring, the few
paragraphs on the other side that could be its edited (or moved) version. Comparing
every pair is quadratic; instead the other side's paragraphs are indexed by their
word bigrams (shingles), and a paragraph asks the index about its *rarest* shingles
only: an edited paragraph keeps most of its rare shingles, while common boilerplate
("of the", "the General") is never looked up. Scores are then computed for the few
candidates found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from drafter.compare.tokens import formatting_key, words

# How many of a paragraph's rarest shingles are looked up, and the longest posting
# list worth reading (a shingle in hundreds of paragraphs says nothing).
QUERY_SHINGLES = 12
MAX_POSTING = 200
MAX_CANDIDATES = 8


@dataclass(slots=True)
class Profile:
    """What similarity needs to know about one paragraph, computed once."""

    key: str  # formatting-insensitive text
    words: list[str]
    bag: Counter[str]
    shingles: frozenset[str] = field(default_factory=frozenset)

    @property
    def size(self) -> int:
        return len(self.words)


def profile(text: str, language: str | None = None) -> Profile:
    key = formatting_key(text)
    ws = words(key, language)
    sh = frozenset(f"{a} {b}" for a, b in pairwise(ws)) if len(ws) >= 2 else frozenset(ws)
    return Profile(key=key, words=ws, bag=Counter(ws), shingles=sh)


def dice(
    a: Counter[str], b: Counter[str], size_a: int | None = None, size_b: int | None = None
) -> float:
    """Dice coefficient of two word multisets: 2|A∩B| / (|A| + |B|)."""
    na = sum(a.values()) if size_a is None else size_a
    nb = sum(b.values()) if size_b is None else size_b
    if na + nb == 0:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    common = 0
    for w, c in a.items():
        d = b.get(w)
        if d:
            common += c if c < d else d
    return 2.0 * common / (na + nb)


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """Share of ``part``'s words that also occur in ``whole`` (multiset)."""
    n = sum(part.values())
    if n == 0:
        return 0.0
    common = sum(min(c, whole.get(w, 0)) for w, c in part.items())
    return common / n


def merged_bag(profiles: Iterable[Profile]) -> tuple[Counter[str], int]:
    bag: Counter[str] = Counter()
    n = 0
    for p in profiles:
        bag.update(p.bag)
        n += p.size
    return bag, n


class ShingleIndex:
    """An inverted index from shingle to paragraph ids, for one side."""

    def __init__(self, profiles: Sequence[Profile], ids: Iterable[int]) -> None:
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i in ids:
            for sh in profiles[i].shingles:
                self._postings[sh].append(i)

    def df(self, shingle: str) -> int:
        posting = self._postings.get(shingle)
        return len(posting) if posting else 0

    def candidates(
        self, query: Profile, *, other_df: dict[str, int] | None = None, limit: int = MAX_CANDIDATES
    ) -> list[int]:
        """Ids sharing the most of ``query``'s rarest shingles, best first."""
        ranked = []
        for sh in query.shingles:
            n = self.df(sh)
            if 0 < n <= MAX_POSTING:
                ranked.append((n + (other_df.get(sh, 0) if other_df else 0), sh))
        ranked.sort()
        hits: Counter[int] = Counter()
        for _, sh in ranked[:QUERY_SHINGLES]:
            hits.update(self._postings[sh])
        return [i for i, _ in hits.most_common(limit)]


def document_frequency(profiles: Sequence[Profile], ids: Iterable[int]) -> dict[str, int]:
    df: Counter[str] = Counter()
    for i in ids:
        df.update(profiles[i].shingles)
    return dict(df)
