"""Ranking for related mode: which paragraphs of one text best reflect a paragraph of another.

Measured on hand-made gold (``benchmarks/related_quality.py``), this is what ranks
best on real pairs of resolutions:

* **Evidence from the two texts only.** Each paragraph of either text is a document;
  a feature's weight is its smoothed inverse document frequency over those
  paragraphs, ``ln((1 + N) / (1 + df)) + 1``. Weights from a background library of
  resolutions ranked worse: what is rare depends on the pair ("outer space" says
  nothing between two outer-space texts).
* **Features.** Stems of content words (the shipped :mod:`stopwords` and one- or
  two-digit numbers left out) and, as phrase evidence at half weight, pairs of
  adjacent content words ("labour mobility", "revolving fund").
* **BM25 scoring** of each candidate paragraph, with the source paragraph as the
  query (sublinear term frequency in the query; saturation ``k1`` and length
  normalisation ``b`` in the candidate), so a long catch-all paragraph does not win
  on volume.
* **The lead clause counts twice.** A resolution paragraph says its subject first
  ("The leadership role of the Secretary-General is critical ... This should be
  achieved through ..."): the words up to the first full stop, semicolon or colon
  are added to the query again.

Scores are reported on a 0-1 scale: the share of the most a candidate of average
length could collect from this query (every feature of the source paragraph present
once), capped at 1.
Everything is computed through an inverted index, so a candidate that shares nothing
with the source is never touched: two 1,000-paragraph texts relate in well under a
second.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

from drafter.compare.stopwords import STOPWORDS
from drafter.compare.tokens import raw_words

K1 = 1.2  # BM25 term-frequency saturation
B = 0.75  # BM25 length normalisation
BIGRAM_WEIGHT = 0.5  # a pair of adjacent content words, against one word
LEAD_WEIGHT = 1.0  # extra weight of the lead clause's features
# Features in more than this share of the candidate paragraphs (and in more than
# COMMON_FLOOR of them) only re-score the best candidates: see Index.top.
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
_LEAD_END_RE = re.compile(r"[.;:](?=\s)")


def features(stems: Sequence[str]) -> Counter[str]:
    """Content stems and adjacent content-stem pairs ("a b"), with their counts."""
    out: Counter[str] = Counter(
        s for s in stems if s not in STOPWORDS and (len(s) > 2 or not s.isdigit())
    )
    out.update(f"{a} {b}" for a, b in pairwise(stems) if a not in STOPWORDS and b not in STOPWORDS)
    return out


def lead_length(text: str, stems: Sequence[str]) -> int:
    """How many of the words of ``text`` (its ``stems``) belong to its lead clause:
    the words before the first full stop, semicolon or colon followed by a space."""
    m = _LEAD_END_RE.search(text)
    if m is None:
        return len(stems)
    return min(len(stems), len(raw_words(text[: m.start()])))


@dataclass(frozen=True, slots=True)
class Query:
    """A source paragraph's weighted features and the most it can score."""

    weights: dict[str, float]
    ceiling: float


class Index:
    """BM25 postings over the candidate paragraphs, idf over both texts' paragraphs."""

    def __init__(self, sources: Sequence[Counter[str]], targets: Sequence[Counter[str]]) -> None:
        n = len(sources) + len(targets)
        df: Counter[str] = Counter()
        for doc in (*sources, *targets):
            df.update(doc.keys())
        self.df = df
        self.n_docs = n
        self.n_targets = len(targets)
        lengths = [sum(doc.values()) for doc in targets]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self.idf: dict[str, float] = {}
        postings: dict[str, list[tuple[int, float]]] = {}
        self.weights: list[dict[str, float]] = []  # per candidate: feature -> BM25 weight
        for k, (doc, length) in enumerate(zip(targets, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            mine = {}
            for f, tf in doc.items():
                w = mine[f] = self._idf(f) * tf * (K1 + 1) / (tf + norm)
                postings.setdefault(f, []).append((k, w))
            self.weights.append(mine)
        self.postings = postings

    def _idf(self, feature: str) -> float:
        w = self.idf.get(feature)
        if w is None:
            w = math.log((1 + self.n_docs) / (1 + self.df[feature])) + 1
            if " " in feature:
                w *= BIGRAM_WEIGHT
            self.idf[feature] = w
        return w

    def query(self, full: Counter[str], lead: Counter[str]) -> Query:
        """The query for a source paragraph: sublinear tf, its lead clause again.

        Its ceiling counts every feature of the paragraph, also those the other text
        lacks: a score says how much of the paragraph is reflected in a candidate.
        """
        weights: dict[str, float] = {}
        ceiling = 0.0
        for f, tf in full.items():
            q = 1 + math.log(tf)
            if f in lead:
                q += LEAD_WEIGHT * (1 + math.log(lead[f]))
            ceiling += q * self._idf(f)
            if f in self.postings:  # absent from the other text: can never be shared
                weights[f] = q
        return Query(weights, ceiling)

    def top(self, query: Query, k: int) -> list[tuple[float, float, int]]:
        """The ``k`` best candidates as (score 0-1, evidence, index), best first; only
        those sharing at least one feature with the query. The evidence is the raw
        BM25 sum: how much was shared, whatever the paragraph's length.

        Two phases keep long texts fast: candidates come from the query's features
        found in at most :data:`COMMON_SHARE` of the candidate paragraphs (walking
        their postings); the text's own boilerplate, the features found more widely,
        then adds its exact share to the best of those candidates only. Short texts
        (fewer than ``COMMON_FLOOR / COMMON_SHARE`` paragraphs) have no such feature.
        """
        if not query.weights or k <= 0:
            return []
        cap = max(COMMON_FLOOR, int(COMMON_SHARE * self.n_targets))
        common = []
        acc: dict[int, float] = {}
        get = acc.get
        postings = self.postings
        for f, q in query.weights.items():
            posting = postings[f]
            if len(posting) > cap:
                common.append((f, q))
                continue
            for j, w in posting:
                acc[j] = get(j, 0.0) + q * w
        if common:
            if acc:
                shortlist = heapq.nlargest(max(4 * k, 24), acc.items(), key=_SCORE)
                weights = self.weights
                acc = {}
                for j, s in shortlist:
                    mine = weights[j].get
                    for f, q in common:
                        s += q * mine(f, 0.0)
                    acc[j] = s
            else:  # nothing but boilerplate in common: walk it after all
                for f, q in common:
                    for j, w in postings[f]:
                        acc[j] = get(j, 0.0) + q * w
        # Best first; ties in reading order of the candidate text.
        best = sorted(heapq.nlargest(k, acc.items(), key=_SCORE), key=lambda js: (-js[1], js[0]))
        return [(min(1.0, s / query.ceiling), s, j) for j, s in best]


_SCORE = itemgetter(1)
