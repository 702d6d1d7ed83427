"""Related-documents mode: which paragraphs of one text are reflected in another.

Two different texts (a resolution deciding to hold a meeting; the declaration the
meeting adopted) share no order and few whole sentences, but they share words and
phrases: "labour mobility", "safe, orderly and regular migration". Candidates are
ranked by :mod:`drafter.compare.ranking` (TF-IDF over the two texts, with phrase,
title and structure evidence on top; measured on hand-made gold in
``benchmarks/related_quality.py``).

Every paragraph of the first text gets its best candidates, at least
:data:`MIN_CANDIDATES` when the other text has that many paragraphs sharing a content
word with it (a paragraph sharing none has no candidate, and views say so); none is
dropped below a threshold unless the caller asks (``min_score``).
Each link says whether it is *strong* (a fair score, and a visible reason: a shared
phrase or a rare shared term) or *weak* (the best there is, on little evidence), and
carries the maximal shared phrases that made it, for highlighting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from operator import itemgetter

from drafter.compare import _background
from drafter.compare.gc_pause import without_gc_pauses
from drafter.compare.phrases import STOPWORDS, Rarity, stem, stemmed_spans
from drafter.compare.ranking import SHORT_NUMBERS, Index, document, fold_citations
from drafter.compare.tokens import word_offsets
from drafter.model import Link, Paragraph, ParaKind, Relation, Resolution

# Paragraph kinds that carry substance (titles and "61st plenary meeting" do not).
_LINKABLE = {ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH, ParaKind.OTHER}
MIN_SCORE = 0.0  # by default nothing is dropped: weak candidates are shown as weak
MIN_CANDIDATES = 3  # every paragraph gets at least this many (when there are so many)
MAX_LINKS = 6  # strong links shown per paragraph of the first text
STRONG_SCORE = 0.12  # a strong link reflects at least this share of the paragraph
STRONG_RELATIVE = 0.5  # ... and at least this share of the paragraph's best score
STRONG_EVIDENCE = 11.0  # ... and this much shared evidence (the raw sum; a few rare words)
MIN_WORD_IDF = 3.0  # a shared phrase is shown only if one of its units is this rare
MAX_PHRASES = 8
MAX_PHRASE_WORDS = 12
# A link resting on single words only needs one found in at most this share of the
# background's paragraphs.
SINGLE_WORD_BACKGROUND_SHARE = 0.01


def is_linkable(paragraph: Paragraph) -> bool:
    """Whether related mode looks for links of this paragraph (not titles, headings,
    "61st plenary meeting" lines or empty paragraphs)."""
    return paragraph.kind in _LINKABLE and bool(paragraph.text.strip())


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        # Dates blanked and symbols joined, every word where it was in ``text``.
        self.folded = fold_citations(text)
        self.tokens, self.features, self.lead = document(self.folded, folded=True)
        self._stems: list[str] | None = None
        self._words: frozenset[str] | None = None
        self._joined: str | None = None
        self._pairs: frozenset[str] | None = None
        self._pair_at: list[str] | None = None
        self._rare: frozenset[str] | None = None
        self._spans: list[tuple[int, int]] | None = None

    @property
    def stems(self) -> list[str]:
        """The stems of the words, for shared phrases (only of linked paragraphs)."""
        if self._stems is None:
            self._stems = list(map(stem, self.tokens))
        return self._stems

    @property
    def words(self) -> frozenset[str]:
        """The content stems, where a shared phrase may start."""
        if self._words is None:
            self._words = frozenset(self.stems).difference(STOPWORDS, SHORT_NUMBERS)
        return self._words

    @property
    def joined(self) -> str:
        """The stems as one space-delimited string, for fast phrase look-ups."""
        if self._joined is None:
            self._joined = " " + " ".join(self.stems) + " "
        return self._joined

    def rare(self, rare: frozenset[str]) -> frozenset[str]:
        """The content stems rare enough to be a shared phrase on their own, of those
        of the two texts (``rare``, one set per relate())."""
        if self._rare is None:
            self._rare = self.words & rare
        return self._rare

    @property
    def pair_at(self) -> list[str]:
        """The two stems starting at each word (but the last), as "a b"."""
        if self._pair_at is None:
            self._pair_at = list(map(" ".join, pairwise(self.stems)))
        return self._pair_at

    @property
    def pairs(self) -> frozenset[str]:
        """Each two adjacent stems, as "a b"."""
        if self._pairs is None:
            self._pairs = frozenset(self.pair_at)
        return self._pairs

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word; only needed to print shared phrases."""
        if self._spans is None:
            self._spans = word_offsets(self.folded)
        return self._spans


_BACKGROUND = (_background.PARAGRAPHS, _background.DF)


def _stem_counts(df: Counter[str]) -> dict[str, int]:
    """In how many paragraphs each stem and each pair of content stems stands, from the
    ranking's counts of words and pairs (a paragraph holding two forms of one stem,
    "migrant" and "migrants", counts twice: rarity is a little underrated there)."""
    out: dict[str, int] = {}
    get = out.get  # (a Counter's += calls a Python __missing__ for each new key)
    for f, n in df.items():
        if ":" in f:  # formula, subject, title
            continue
        if " " in f:
            first, second = f.split(" ")
            key = stem(first) + " " + stem(second)
        else:
            key = stem(f)
        out[key] = get(key, 0) + n
    return out


def _convincing(shared: list[tuple[str, tuple[str, ...]]], rarity: Rarity) -> bool:
    """A strong link needs a visible reason: a shared phrase, or one single word that
    is a term of art rather than common resolution vocabulary ("labour", not "made")."""
    if any(len(stems) > 1 for _, stems in shared):
        return True
    limit = SINGLE_WORD_BACKGROUND_SHARE * rarity.bg_n
    return any(rarity.bg_df.get(stems[0], 0) <= limit for _, stems in shared)


def _shared_phrases(
    a: _Doc, b: _Doc, rarity: Rarity, rare: frozenset[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """Maximal runs of words of ``a`` that also occur, in the same order, in ``b``:
    (the words as ``a`` prints them, their stems), in reading order. ``rare``: the
    stems of the two texts rare enough to show alone."""
    found: list[tuple[float, int, int]] = []  # (weight, first word, words)
    seen: set[tuple[str, ...]] = set()
    stems = a.stems
    n_a = len(stems)
    idf = rarity.idf
    after = 0  # runs do not overlap: the next one starts after the last
    # A run starts on a content word of both, followed by the word that follows it
    # in both, or on a word rare enough to show alone (leading stopwords would be
    # trimmed anyway).
    # One pass over the words of ``a`` (cheaper than an index of where each stands:
    # most paragraphs are looked at for one or two links).
    pair_at = a.pair_at
    shared_pairs = a.pairs & b.pairs
    words = a.words
    starts = [i for i, p in enumerate(pair_at) if p in shared_pairs and stems[i] in words]
    alone = a.rare(rare) & b.words
    if alone:
        starts = sorted(set(starts).union([i for i, s in enumerate(stems) if s in alone]))
    for i in starts:  # in reading order
        if i < after:
            continue
        if i + 1 < n_a and pair_at[i] in shared_pairs:
            n = 2  # the longest run from here found anywhere in b
            limit = min(n_a - i, MAX_PHRASE_WORDS)
            joined = b.joined
            while n < limit and " " + " ".join(stems[i : i + n + 1]) + " " in joined:
                n += 1
        else:
            n = 1  # a rare word
        after = i + n
        # Trim stopwords at the end: "human rights of the" -> "human rights".
        hi = n
        while hi > 1 and stems[i + hi - 1] in STOPWORDS:
            hi -= 1
        if hi == 1 and n > 1 and idf(stems[i]) < MIN_WORD_IDF:  # one common word
            continue
        core = tuple(stems[i : i + hi])
        if core in seen:
            continue
        seen.add(core)
        rarest, weight = rarity.weigh(core)
        # Boilerplate ("Member States") is shared everywhere: show a phrase only
        # if something in it is rare.
        if rarest >= MIN_WORD_IDF:
            found.append((weight, i, hi))
    found.sort(key=_HEAVIEST)
    best = found[:MAX_PHRASES]
    best.sort(key=_FIRST_WORD)  # reading order
    spans = a.spans
    text = a.text
    return [
        (" ".join(text[spans[i][0] : spans[i + hi - 1][1]].split()), tuple(stems[i : i + hi]))
        for _, i, hi in best
    ]


def _heaviest(found: tuple[float, int, int]) -> float:
    return -found[0]


_HEAVIEST = _heaviest
_FIRST_WORD = itemgetter(1)


@without_gc_pauses
def relate(
    old: Resolution,
    new: Resolution,
    *,
    min_score: float = MIN_SCORE,
    max_links: int = MAX_LINKS,
    min_candidates: int = MIN_CANDIDATES,
) -> Relation:
    """Link each paragraph of ``old`` to the paragraphs of ``new`` that reflect it.

    Many-to-many; within each old paragraph, links are ranked best first. Each old
    paragraph gets its strong links and, if they are fewer than ``min_candidates``,
    its next best candidates as weak links, so that nothing is silently left without
    an answer; ``max_links`` caps the total per paragraph. ``min_score`` (0-1) drops
    links scoring less, strong or weak, for callers who want fewer.
    """
    old_ids = [p.id for p in old.paragraphs if is_linkable(p)]
    new_ids = [p.id for p in new.paragraphs if is_linkable(p)]
    old_docs = [_Doc(old.paragraphs[i].text) for i in old_ids]
    new_docs = [_Doc(new.paragraphs[i].text) for i in new_ids]
    index = Index([d.features for d in old_docs], [d.features for d in new_docs])
    rarity = Rarity.from_counts(index.n_docs, _stem_counts(index.df), _BACKGROUND)
    idf = rarity.idf
    rare = frozenset([w for w in rarity.local_df if " " not in w and idf(w) >= MIN_WORD_IDF])
    fill = min(min_candidates, max_links)

    links: list[Link] = []
    for j, d in enumerate(old_docs):
        ranked = index.top(index.query(d.features, d.lead), max_links)
        if not ranked:
            continue
        best = ranked[0][0]
        n_strong = 0
        for rank, (score, evidence, k) in enumerate(ranked):
            if score < min_score:
                break
            may_be_strong = (
                n_strong == rank  # strong links come before any weak one
                and score >= STRONG_SCORE
                and evidence >= STRONG_EVIDENCE
                and score >= best * STRONG_RELATIVE
            )
            if not may_be_strong and rank >= fill:
                break
            shared = _shared_phrases(d, new_docs[k], rarity, rare)
            strong = may_be_strong and _convincing(shared, rarity)
            if strong:
                n_strong += 1
            elif rank >= fill:
                break
            links.append(
                Link(
                    old=old_ids[j],
                    new=new_ids[k],
                    score=score,
                    shared=tuple(surface for surface, _ in shared),
                    strong=strong,
                )
            )
    return Relation(old=old, new=new, links=tuple(links))


def phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``phrases`` occur in ``text``: sorted, non-overlapping (start, end) offsets.

    Matching is by word stems, so case, plural, spacing, quote or dash style and line
    breaks do not hide a phrase ("Labour  Mobility" is found for "labour mobility").
    """
    spans = stemmed_spans(text)
    stems = [s for _, _, s in spans]
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        target = [s for _, _, s in stemmed_spans(phrase)]
        n = len(target)
        if n == 0:
            continue
        first = target[0]
        for i, s in enumerate(stems):
            if s == first and stems[i : i + n] == target:
                found.append((spans[i][0], spans[i + n - 1][1]))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
