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
  adjacent content words ("labour mobility", "revolving fund"). Citations are
  folded first: a date of adoption is no evidence ("2 December 2024" is the date
  of many texts), a symbol is one word ("72/250").
* **Structure** (:mod:`openers`). The opening formula ("Recalling", "Deeply
  concerned", "Requests") is no topic word; it counts, at half weight, only against
  another paragraph's formula. The subject after the first word ("Requests *the
  Secretary-General* to", "Invites *the Conference on Disarmament* to") counts once
  more against another paragraph's subject. A candidate must share a topic word:
  a formula alone makes none.
* **BM25 scoring** of each candidate paragraph, with the source paragraph as the
  query (sublinear term frequency in the query; saturation ``k1`` and length
  normalisation ``b`` in the candidate), so a long catch-all paragraph does not win
  on volume.
* **The lead clause counts twice.** A resolution paragraph says its subject first
  ("The leadership role of the Secretary-General is critical ... This should be
  achieved through ..."): the words up to the first full stop, semicolon or colon
  (and the formula and subject) are added to the query again.

Scores are reported on a 0-1 scale: the share of the most a candidate of average
length could collect from this query (every feature of the source paragraph present
once), capped at 1.
Everything is computed through an inverted index, so a candidate that shares nothing
with the source is never touched; in long texts the work per paragraph is bounded
(:meth:`Index.top`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from operator import itemgetter, mul

from drafter.compare.openers import opener, subject
from drafter.compare.phrases import stems as stems_of
from drafter.compare.stopwords import STOPWORDS
from drafter.compare.tokens import raw_words

K1 = 1.2  # BM25 term-frequency saturation
B = 0.75  # BM25 length normalisation
BIGRAM_WEIGHT = 0.5  # a pair of adjacent content words, against one word
LEAD_WEIGHT = 1.0  # extra weight of the lead clause's features
# In a text of more than EXACT_UP_TO paragraphs, features in more than this share of
# the candidate paragraphs (and in more than COMMON_FLOOR of them) only re-score the
# best candidates: see Index.top.
COMMON_SHARE = 0.02
COMMON_FLOOR = 20
EXACT_UP_TO = 200  # candidate texts of up to this many paragraphs are scored exactly
SHORTLIST = 12  # candidates re-scored with the common features in longer texts
SUBJECT_WEIGHT = 1.0  # a paragraph's subject met in another's subject, against one word
FORMULA_WEIGHT = 0.5  # its opening formula met in another's, against one word
_LEAD_END_RE = re.compile(r"[.;:](?=\s)")
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)
# "24 December 2017": found by its month and year (fast), then its day.
_MONTH_YEAR_RE = re.compile(rf"(?:{'|'.join(_MONTHS)}) \d{{4}}\b")
_DAY_RE = re.compile(r"(?<!\w)(\d{1,2}) $")
_SYMBOL_RE = re.compile(r"\b(\d{1,3})/(\d{1,4})\b")


def _content(stem: str) -> bool:
    return stem not in STOPWORDS and (len(stem) > 2 or not stem.isdigit())


def features(stems: Sequence[str]) -> Counter[str]:
    """Content stems and adjacent content-stem pairs ("a b"), with their counts."""
    stop = STOPWORDS
    out = Counter([s for s in stems if s not in stop and (len(s) > 2 or not s.isdigit())])
    out.update([f"{a} {b}" for a, b in pairwise(stems) if a not in stop and b not in stop])
    return out


def fold_citations(text: str) -> str:
    """``text`` with dates of adoption blanked and resolution symbols made one word
    ("72/250" -> "72_250"); every other character stays where it was.

    "resolution 72/250 of 24 December 2017" cites one thing, 72/250; its date would
    otherwise match every other text adopted that day, and its numbers every list of
    citations ("2 December 2024" is the date of both 79/19 and decision 79/512).
    """
    if "/" in text:
        text = _SYMBOL_RE.sub(r"\1_\2", text)
    dates = []
    for m in _MONTH_YEAR_RE.finditer(text):
        before = max(0, m.start() - 4)
        day = _DAY_RE.search(text, before, m.start())
        if day is not None:
            dates.append((day.start(1), m.end()))
    for start, end in dates:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def document(text: str, *, folded: bool = False) -> tuple[list[str], Counter[str], Counter[str]]:
    """A paragraph's stems (after :func:`fold_citations`, unless ``folded`` says
    ``text`` already is), its ranking features and those of its lead clause.

    The opening formula ("Recalling", "Deeply concerned", "Taking note of") counts
    only as a formula (``V:recall``), against another paragraph's formula; the subject
    after the first word ("Requests *the Secretary-General* to") counts once more as a
    subject (``O:secretary``), against another paragraph's subject. Both belong to the
    lead.
    """
    if not folded:
        text = fold_citations(text)
    stems = stems_of(text)
    n_open, verb = opener(stems)
    full = features(stems)
    for s in stems[:n_open]:  # the formula's words are not topic words
        if full.get(s, 0) > 1:
            full[s] -= 1
        elif s in full and " " not in s:
            del full[s]
    n_lead = lead_length(text, stems)
    lead = full if n_lead >= len(stems) else features(stems[n_open:n_lead])
    extra = [f"O:{s}" for s in subject(text, stems) if _content(s)]
    if verb is not None:
        extra.append(f"V:{verb}")
    full.update(extra)
    if lead is not full:
        lead.update(extra)
    return stems, full, lead


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
        asked: Counter[str] = Counter()  # the features of the source paragraphs
        for doc in sources:
            asked.update(doc.keys())
        df = asked.copy()
        for doc in targets:
            df.update(doc.keys())
        self.df = df
        self.n_docs = n = len(sources) + len(targets)
        self.n_targets = len(targets)
        log = math.log
        self.idf: dict[str, float] = {
            f: (log((1 + n) / (1 + d)) + 1) * _kind_weight(f) for f, d in df.items()
        }
        idf = self.idf
        lengths = [sum(doc.values()) for doc in targets]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        postings: dict[str, list[tuple[int, float]]] = {}
        self.weights: list[dict[str, float]] = []  # per candidate: feature -> BM25 weight
        k1 = K1 + 1
        for k, (doc, length) in enumerate(zip(targets, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            mine = {f: idf[f] * tf * k1 / (tf + norm) for f, tf in doc.items()}
            for f in mine.keys() & asked.keys():  # only what some query can ask for
                if f in postings:
                    postings[f].append((k, mine[f]))
                else:
                    postings[f] = [(k, mine[f])]
            self.weights.append(mine)
        self.postings = postings
        # Long texts: features in more candidates than this only re-score a shortlist.
        self.cap = (
            max(COMMON_FLOOR, int(COMMON_SHARE * self.n_targets))
            if self.n_targets > EXACT_UP_TO
            else self.n_targets
        )

    def query(self, full: Counter[str], lead: Counter[str]) -> Query:
        """The query for a source paragraph: sublinear tf, its lead clause again.

        Its ceiling counts every feature of the paragraph, also those the other text
        lacks: a score says how much of the paragraph is reflected in a candidate.
        """
        weights: dict[str, float] = {}
        ceiling = 0.0
        idf = self.idf
        postings = self.postings
        log = math.log
        for f, tf in full.items():
            q = 1 + log(tf) if tf > 1 else 1.0
            if f in lead:
                n_lead = lead[f]
                q += LEAD_WEIGHT * (1 + log(n_lead) if n_lead > 1 else 1.0)
            ceiling += q * idf[f]
            if f in postings:  # absent from the other text: can never be shared
                weights[f] = q
        return Query(weights, ceiling)

    def top(self, query: Query, k: int) -> list[tuple[float, float, int]]:
        """The ``k`` best candidates as (score 0-1, evidence, index), best first; only
        those sharing at least one feature with the query. The evidence is the raw
        BM25 sum: how much was shared, whatever the paragraph's length. Ties come in
        reading order of the candidate text.

        A candidate shares a content word or pair with the query: the opening
        formula only adds to those. Texts of up to :data:`EXACT_UP_TO` paragraphs are
        scored exactly. Longer ones in two phases, so that the work per paragraph
        stays bounded: candidates come from the query's features found in at most
        :data:`COMMON_SHARE` of the candidate paragraphs (walking their postings); the
        text's own boilerplate, the features found more widely, then adds its exact
        share to the best :data:`SHORTLIST` of those candidates only.
        """
        if not query.weights or k <= 0:
            return []
        cap = self.cap
        later_f: list[str] = []
        later_q: list[float] = []
        acc: dict[int, float] = {}
        get = acc.get
        postings = self.postings
        for f, q in query.weights.items():
            posting = postings[f]
            # The opening formula alone makes no candidate ("Requests" is no topic).
            if len(posting) > cap or f.startswith("V:"):
                later_f.append(f)
                later_q.append(q)
                continue
            for j, w in posting:
                acc[j] = get(j, 0.0) + q * w
        if not acc:  # nothing but boilerplate in common: walk it after all
            for f, q in zip(later_f, later_q, strict=True):
                if not f.startswith("V:"):
                    for j, w in postings[f]:
                        acc[j] = get(j, 0.0) + q * w
        if later_f and acc:
            weights = self.weights
            zeros = repeat(0.0)
            candidates = acc.items() if cap >= self.n_targets else _best(acc, max(2 * k, SHORTLIST))
            acc = {
                j: s + sum(map(mul, later_q, map(weights[j].get, later_f, zeros)))
                for j, s in candidates
            }
        ceiling = query.ceiling
        return [(min(1.0, s / ceiling), s, j) for j, s in _best(acc, k)]


def _kind_weight(feature: str) -> float:
    if " " in feature:
        return BIGRAM_WEIGHT
    if feature.startswith("O:"):
        return SUBJECT_WEIGHT
    if feature.startswith("V:"):
        return FORMULA_WEIGHT
    return 1.0


def _best(acc: dict[int, float], n: int) -> list[tuple[int, float]]:
    """The ``n`` highest-scoring (index, score) items, best first, ties by index."""
    items = sorted(acc.items(), key=_SCORE, reverse=True)
    if len(items) > n:
        floor = items[n - 1][1]
        end = n
        while end < len(items) and items[end][1] == floor:
            end += 1
        del items[end:]
    items.sort(key=_ORDER)
    return items[:n]


def _order(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])


_SCORE = itemgetter(1)
_ORDER = _order
