"""Ranking for related mode: which paragraphs of one text best reflect a paragraph of another.

The base is TF-IDF over just the two texts, as a plain cosine would have it; what
is added on top stayed only where it ranked better on hand-made gold
(``benchmarks/related_quality.py``: tuned pairs and the held-out pairs of an earlier
round used as development pairs; a fresh held-out set is scored once, never tuned on).

* **Weights from the two texts only.** Each paragraph of either text is a document;
  a feature's weight is its smoothed inverse document frequency over those
  paragraphs, ``ln((1 + N) / (1 + df)) + IDF_FLOOR``. Weights from a background
  library of resolutions ranked worse: what is rare depends on the pair ("outer
  space" says nothing between two outer-space texts).
* **Term frequency is sublinear** on both sides: ``1 + ln tf`` in the source
  paragraph (the query), a saturating ``tf (K1 + 1) / (tf + K1 (1 - B + B len/avg))``
  in the candidate, so a long catch-all paragraph does not win on volume (a cosine's
  full length division ranked worse). The query's weights carry ``idf ** QUERY_IDF``
  (a cosine squares the idf; BM25 uses it once).
* **Words.** Case-folded words without the shipped :mod:`stopwords` and one- or
  two-digit numbers; dates of adoption are no evidence ("2 December 2024" is the
  date of many texts) and a symbol is one word ("72/250").
* **Phrase evidence.** Pairs of adjacent content words ("labour mobility", "revolving
  fund") count at :data:`BIGRAM_WEIGHT`.
* **Long titles count once.** The name of an instrument or body in title case with at
  least :data:`TITLE_CAPS` capitalised words ("the Programme of Action to Prevent,
  Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its
  Aspects") is one feature; its words count only :data:`TITLE_WORD_SHARE` of a time
  each, so a citation does not outweigh what the paragraph says.
* **Structure** (:mod:`openers`). The opening formula ("Recalling", "Deeply
  concerned", "Taking note of") is no topic word; it counts, at
  :data:`FORMULA_WEIGHT`, only against another paragraph's formula. The words after
  the first one ("Requests *the Secretary-General* to") count once more at
  :data:`SUBJECT_WEIGHT` against another paragraph's. A candidate must share a topic
  feature: a formula alone makes none.
* **The lead clause counts twice.** A resolution paragraph says its subject first
  ("The leadership role of the Secretary-General is critical ... This should be
  achieved through ..."): the words up to the first full stop, semicolon or colon are
  added to the query again.

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
from drafter.compare.stopwords import STOPWORDS
from drafter.compare.tokens import folded_raw_words, raw_words, words

K1 = 0.8  # candidate term-frequency saturation
B = 0.75  # candidate length normalisation
IDF_FLOOR = 0.5  # added to ln((1 + N) / (1 + df)): a word in every paragraph still counts a little
QUERY_IDF = 0.25  # the query's weights carry idf to this power
BIGRAM_WEIGHT = 0.5  # a pair of adjacent content words, against one word
LEAD_WEIGHT = 1.0  # extra weight of the lead clause's words
SUBJECT_WEIGHT = 1.0  # a paragraph's subject met in another's subject, against one word
FORMULA_WEIGHT = 0.5  # its opening formula met in another's, against one word
TITLE_CAPS = 6  # capitalised words that make a long title one feature
TITLE_WORD_SHARE = 0.5  # how much each word of a long title still counts
# In a text of more than EXACT_UP_TO paragraphs, features in more than this share of
# the candidate paragraphs (and in more than COMMON_FLOOR of them) only re-score the
# best candidates: see Index.top.
COMMON_SHARE = 0.02
COMMON_FLOOR = 20
EXACT_UP_TO = 200  # candidate texts of up to this many paragraphs are scored exactly
SHORTLIST = 12  # candidates re-scored with the common features in longer texts

_LEAD_END_RE = re.compile(r"[.;:](?=\s)")
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)
# "24 December 2017": found by its month and year (fast), then its day.
_MONTH_YEAR_RE = re.compile(rf"(?:{'|'.join(_MONTHS)}) \d{{4}}\b")
_DAY_RE = re.compile(r"(?<!\w)(\d{1,2}) $")
_SYMBOL_RE = re.compile(r"\b(\d{1,3})/(\d{1,4})\b")
# A title: capitalised words joined by spaces, commas, "and", or a preposition with
# an optional article ("Programme of Action to Prevent, Combat and Eradicate the ...").
_CAP = r"[A-Z][\w'\u2019\u2010\u2011-]*"
_JOIN = (
    r"(?:,?\s+and\s+|,\s+|\s+(?:(?:of|to|in|on|for|against|from|with|at|by)\s+"
    r"(?:(?:the|a|an|its|their|all)\s+)?|the\s+)?)"
)
_TITLE_RE = re.compile(rf"{_CAP}(?:{_JOIN}{_CAP})+")
_CAP_RE = re.compile(_CAP)
_FIRST_WORD_RE = re.compile(r"\s*\S+")


# One- and two-digit numbers (paragraph numbers, days) are no topic words.
SHORT_NUMBERS = frozenset([str(i) for i in range(100)] + [f"0{i}" for i in range(10)])
_NOT_CONTENT = STOPWORDS | SHORT_NUMBERS


def _content(word: str) -> bool:
    return word not in _NOT_CONTENT


def features(tokens: Sequence[str]) -> Counter[str]:
    """Content words and adjacent content-word pairs ("a b"), with their counts."""
    stop = STOPWORDS
    out = Counter([s for s in tokens if s not in _NOT_CONTENT])
    out.update([f"{a} {b}" for a, b in pairwise(tokens) if a not in stop and b not in stop])
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


def long_titles(text: str) -> list[str]:
    """The long titles of ``text`` as written: runs of title-case words with at least
    :data:`TITLE_CAPS` capitals (the paragraph's own first word never starts one)."""
    first = _FIRST_WORD_RE.match(text)
    found = []
    for m in _TITLE_RE.finditer(text, first.end() if first else 0):
        title = m.group()
        if len(_CAP_RE.findall(title)) >= TITLE_CAPS:
            found.append(title)
    return found


def document(text: str, *, folded: bool = False) -> tuple[list[str], Counter[str], Counter[str]]:
    """A paragraph's words (after :func:`fold_citations`, unless ``folded`` says
    ``text`` already is), its ranking features and those of its lead clause.

    The opening formula ("Recalling", "Deeply concerned", "Taking note of") counts
    only as a formula (``V:recall``), against another paragraph's formula; the words
    after the first one ("Requests *the Secretary-General* to") count once more as a
    subject (``O:secretary``), against another paragraph's subject. A long title
    counts once (``T:programme action prevent ...``) and its words at
    :data:`TITLE_WORD_SHARE`. The lead holds the words of the lead clause.
    """
    if not folded:
        text = fold_citations(text)
    # The words of raw_words (as phrases and offsets count them), case-folded.
    tokens = folded_raw_words(text)
    n_open, verb = opener(tokens)
    body = tokens[n_open:] if n_open else tokens
    full = features(body)
    if _CAP_RE.search(text, 1) is not None:
        for title in long_titles(text):
            inside = [w for w in words(title) if _content(w)]
            full[f"T:{' '.join(inside)}"] += 1
            for w in inside:
                full[w] -= 1 - TITLE_WORD_SHARE
        for w in [w for w, n in full.items() if n <= 1e-9]:
            del full[w]
    full.update([f"O:{s}" for s in subject(text, tokens) if _content(s)])
    if verb is not None:
        full[f"V:{verb}"] += 1
    n_lead = lead_length(text, tokens)
    lead = Counter([s for s in tokens[n_open:n_lead] if _content(s)]) if n_lead < len(tokens) else Counter()
    return tokens, full, lead


def lead_length(text: str, tokens: Sequence[str]) -> int:
    """How many of the words of ``text`` (its ``tokens``) belong to its lead clause:
    the words before the first full stop, semicolon or colon followed by a space."""
    m = _LEAD_END_RE.search(text)
    if m is None:
        return len(tokens)
    return min(len(tokens), len(raw_words(text[: m.start()])))


@dataclass(frozen=True, slots=True)
class Query:
    """A source paragraph's weighted features, split for :meth:`Index.top`, and the
    most it can score."""

    walk: list[tuple[list[tuple[int, float]], float]]  # (postings, weight): make candidates
    later_f: list[str]  # features that only re-score candidates (formula, boilerplate)
    later_q: list[float]
    ceiling: float


class Index:
    """Postings over the candidate paragraphs, idf over both texts' paragraphs."""

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
            f: (log((1 + n) / (1 + d)) + IDF_FLOOR) * _kind_weight(f) for f, d in df.items()
        }
        idf = self.idf
        lengths = [sum(doc.values()) for doc in targets]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        postings: dict[str, list[tuple[int, float]]] = {}
        self.weights: list[dict[str, float]] = []  # per candidate: feature -> weight
        k1 = K1 + 1
        for k, (doc, length) in enumerate(zip(targets, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            # Only what some query can ask for.
            mine = {f: idf[f] * tf * k1 / (tf + norm) for f, tf in doc.items() if f in asked}
            for f, w in mine.items():
                if f in postings:
                    postings[f].append((k, w))
                else:
                    postings[f] = [(k, w)]
            self.weights.append(mine)
        self.postings = postings
        # Long texts: features in more candidates than this only re-score a shortlist.
        self.exact = self.n_targets <= EXACT_UP_TO
        cap = max(COMMON_FLOOR, int(COMMON_SHARE * self.n_targets))
        common = () if self.exact else (f for f, p in postings.items() if len(p) > cap)
        # Features that only re-score candidates: the formula, and in long texts the
        # common ones.
        self.later = frozenset(common).union(f for f in postings if f.startswith("V:"))
        self.query_idf = {f: w**QUERY_IDF for f, w in idf.items()}

    def query(self, full: Counter[str], lead: Counter[str]) -> Query:
        """The query for a source paragraph: sublinear tf, its lead clause again.

        Its ceiling counts every feature of the paragraph, also those the other text
        lacks: a score says how much of the paragraph is reflected in a candidate.
        """
        walk: list[tuple[list[tuple[int, float]], float]] = []
        later_f: list[str] = []
        later_q: list[float] = []
        ceiling = 0.0
        idf = self.idf
        query_idf = self.query_idf
        postings = self.postings
        later = self.later
        log = math.log
        for f, tf in full.items():
            q = query_idf[f] if tf == 1 else (1 + log(tf) if tf > 1 else tf) * query_idf[f]
            if f in lead:
                n_lead = lead[f]
                q += LEAD_WEIGHT * (1 + log(n_lead) if n_lead > 1 else 1.0) * query_idf[f]
            ceiling += q * idf[f]
            posting = postings.get(f)
            if posting is None:  # absent from the other text: can never be shared
                continue
            # The opening formula alone makes no candidate ("Requests" is no topic).
            if f in later:
                later_f.append(f)
                later_q.append(q)
            else:
                walk.append((posting, q))
        return Query(walk, later_f, later_q, ceiling)

    def top(self, query: Query, k: int) -> list[tuple[float, float, int]]:
        """The ``k`` best candidates as (score 0-1, evidence, index), best first; only
        those sharing at least one feature with the query. The evidence is the raw
        sum: how much was shared, whatever the paragraph's length. Ties come in
        reading order of the candidate text.

        A candidate shares a content word or pair with the query: the opening
        formula only adds to those. Texts of up to :data:`EXACT_UP_TO` paragraphs are
        scored exactly. Longer ones in two phases, so that the work per paragraph
        stays bounded: candidates come from the query's features found in at most
        :data:`COMMON_SHARE` of the candidate paragraphs (walking their postings); the
        text's own boilerplate, the features found more widely, then adds its exact
        share to the best :data:`SHORTLIST` of those candidates only.
        """
        if k <= 0:
            return []
        acc: dict[int, float] = {}
        get = acc.get
        for posting, q in query.walk:
            for j, w in posting:
                acc[j] = get(j, 0.0) + q * w
        later_f, later_q = query.later_f, query.later_q
        if not acc:  # nothing but boilerplate in common: walk it after all
            postings = self.postings
            for f, q in zip(later_f, later_q, strict=True):
                if not f.startswith("V:"):
                    for j, w in postings[f]:
                        acc[j] = get(j, 0.0) + q * w
        if later_f and acc:
            weights = self.weights
            zeros = repeat(0.0)
            candidates = (
                acc.items() if self.exact else _best(acc, max(2 * k, SHORTLIST))
            )
            acc = {
                j: s + sum(map(mul, later_q, map(weights[j].get, later_f, zeros)))
                for j, s in candidates
            }
        ceiling = query.ceiling
        return [(min(1.0, s / ceiling), s, j) for j, s in _best(acc, k)]


def _kind_weight(feature: str) -> float:
    if " " in feature:
        return 1.0 if feature.startswith("T:") else BIGRAM_WEIGHT
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
