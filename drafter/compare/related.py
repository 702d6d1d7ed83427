"""Related-documents mode: which paragraphs of one text are reflected in another.

Two different texts (a resolution deciding to hold a meeting; the declaration the
meeting adopted) share no order and few whole sentences, but they share *phrases*:
"labour mobility", "safe, orderly and regular migration", "sixty-ninth session".
Each paragraph becomes a set of units (content words and 2-3 word n-grams, lightly
stemmed) weighted by rarity against a background of real resolutions, so UN
boilerplate weighs little; paragraphs are scored by cosine similarity through an
inverted index (only paragraphs that share a unit are ever scored), and each link
carries the maximal shared phrases that made it, for highlighting.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from drafter.compare import _background
from drafter.compare.phrases import STOPWORDS, Rarity, stemmed_spans, units
from drafter.model import Link, ParaKind, Relation, Resolution

# Paragraph kinds that carry substance (titles and "61st plenary meeting" do not).
_LINKABLE = {ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH, ParaKind.OTHER}
MIN_SCORE = 0.2  # below this a link is coincidence
RELATIVE_TO_BEST = 0.35  # keep links scoring at least this share of the paragraph's best
MAX_LINKS = 6  # per paragraph of the first text
MIN_UNIT_IDF = 1.0  # phrases (n-grams) more common than this are not worth indexing
MIN_SINGLE_IDF = 3.5  # a single word must be rarer: "regard", "note", "social" say little
MIN_WORD_IDF = 3.0  # a shared phrase is shown only if one of its units is this rare
MAX_PHRASES = 8
# A link resting on single words only needs one found in at most this share of the
# background's paragraphs.
SINGLE_WORD_BACKGROUND_SHARE = 0.01
MIN_EVIDENCE = 14.0  # least shared rarity (sum of squared idf): one really rare unit
NORM_FLOOR = 8.0  # a paragraph sharing almost nothing cannot score high on that little
MAX_POSTING = 300  # a unit in more paragraphs than this is the text's own boilerplate


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = stemmed_spans(text)
        self.stems = [s for _, _, s in self.spans]
        self.units = units(self.stems)


def _counts(unit: str, rarity: Rarity) -> bool:
    """Whether a unit is rare enough to be evidence of a link."""
    return rarity.idf(unit) >= (MIN_UNIT_IDF if " " in unit else MIN_SINGLE_IDF)


def _convincing(shared: tuple[str, ...], rarity: Rarity) -> bool:
    """A link needs a visible reason: a shared phrase, or one single word that is a
    term of art rather than common resolution vocabulary ("labour", not "made")."""
    if any(len(stems) > 1 for stems in map(_stems, shared)):
        return True
    limit = SINGLE_WORD_BACKGROUND_SHARE * rarity.bg_n
    return any(rarity.bg_df.get(_stems(p)[0], 0) <= limit for p in shared)


def _stems(phrase: str) -> list[str]:
    return [s for _, _, s in stemmed_spans(phrase)]


def _norms(docs: Sequence[_Doc], rarity: Rarity, other_vocabulary: set[str]) -> list[float]:
    """Vector lengths over the units the other text also has.

    A phrase found in only one text can never be shared; counting it would only
    penalise a paragraph for being specific ("round table 4").
    """
    out = []
    for d in docs:
        total = sum(
            rarity.idf(u) ** 2 for u in d.units if u in other_vocabulary and _counts(u, rarity)
        )
        out.append(max(math.sqrt(total), NORM_FLOOR))
    return out


def _shared_phrases(a: _Doc, b: _Doc, rarity: Rarity) -> tuple[str, ...]:
    """Maximal runs of words of ``a`` that also occur, in the same order, in ``b``."""
    b_ngrams: set[tuple[str, ...]] = set()
    longest = min(len(b.stems), 12)
    for n in range(1, longest + 1):
        for i in range(len(b.stems) - n + 1):
            b_ngrams.add(tuple(b.stems[i : i + n]))
    found: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    i = 0
    stems = a.stems
    while i < len(stems):
        n = 0
        while i + n < len(stems) and n < longest and tuple(stems[i : i + n + 1]) in b_ngrams:
            n += 1
        if n == 0:
            i += 1
            continue
        run = stems[i : i + n]
        # Trim stopwords at both ends: "of the human rights of" -> "human rights".
        lo, hi = 0, n
        while lo < hi and run[lo] in STOPWORDS:
            lo += 1
        while hi > lo and run[hi - 1] in STOPWORDS:
            hi -= 1
        if hi > lo:
            core = run[lo:hi]
            idfs = [rarity.idf(u) for u in units(core)]
            # Boilerplate ("Member States") is shared everywhere: show a phrase only
            # if something in it is rare.
            if idfs and max(idfs) >= MIN_WORD_IDF:
                weight = sum(idfs)
                start = a.spans[i + lo][0]
                end = a.spans[i + hi - 1][1]
                surface = " ".join(a.text[start:end].split())
                key = surface.casefold()
                if key not in seen:
                    seen.add(key)
                    found.append((weight, start, surface))
        i += n
    found.sort(key=lambda f: -f[0])
    best = found[:MAX_PHRASES]
    best.sort(key=lambda f: f[1])  # reading order
    return tuple(s for _, _, s in best)


def relate(
    old: Resolution,
    new: Resolution,
    *,
    min_score: float = MIN_SCORE,
    max_links: int = MAX_LINKS,
) -> Relation:
    """Link each paragraph of ``old`` to the paragraphs of ``new`` that reflect it.

    Many-to-many; within each old paragraph, links are ranked best first. At most
    ``max_links`` per old paragraph, each scoring at least ``min_score`` (cosine,
    0-1) and a fair share of that paragraph's best link.
    """
    old_ids = [p.id for p in old.paragraphs if p.kind in _LINKABLE and p.text.strip()]
    new_ids = [p.id for p in new.paragraphs if p.kind in _LINKABLE and p.text.strip()]
    old_docs = [_Doc(old.paragraphs[i].text) for i in old_ids]
    new_docs = [_Doc(new.paragraphs[i].text) for i in new_ids]
    rarity = Rarity(
        (d.units for d in (*old_docs, *new_docs)), (_background.PARAGRAPHS, _background.DF)
    )
    old_vocabulary = set().union(*(d.units for d in old_docs))
    new_vocabulary = set().union(*(d.units for d in new_docs))
    old_norm = _norms(old_docs, rarity, new_vocabulary)
    new_norm = _norms(new_docs, rarity, old_vocabulary)

    postings: dict[str, list[int]] = defaultdict(list)
    for k, d in enumerate(new_docs):
        for u in d.units:
            postings[u].append(k)

    links: list[Link] = []
    for j, d in enumerate(old_docs):
        dots: dict[int, float] = defaultdict(float)
        for u in d.units:
            if not _counts(u, rarity):
                continue
            w = rarity.idf(u)
            posting = postings.get(u, ())
            if len(posting) > MAX_POSTING:
                continue
            for k in posting:
                dots[k] += w * w
        scored = sorted(
            (
                (dot / (old_norm[j] * new_norm[k]), k)
                for k, dot in dots.items()
                if dot >= MIN_EVIDENCE
            ),
            reverse=True,
        )
        if not scored:
            continue
        best = scored[0][0]
        for score, k in scored[:max_links]:
            if score < min_score or score < best * RELATIVE_TO_BEST:
                break
            shared = _shared_phrases(d, new_docs[k], rarity)
            if _convincing(shared, rarity):
                links.append(Link(old=old_ids[j], new=new_ids[k], score=score, shared=shared))
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
