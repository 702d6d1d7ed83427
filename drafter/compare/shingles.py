"""Word shingles for agreed-language provenance: normal words, k-gram hashes, winnowing.

Provenance asks, for every run of at least N words of a draft, whether some other text
holds the same run. Both sides are reduced to *normal words* (case, quotes, hyphens and
dashes folded by :func:`drafter.compare.tokens.word_spans`; a footnote number glued to a
word dropped; the paragraph's opening verb reduced to its stem so that "Recalling" and
"Recalls" agree). Chinese, Japanese and Korean are compared character by character, as a
reader of those languages compares them, so a "word" there is one character.

The library is indexed by *winnowing* (Schleimer, Wilkerson and Aiken, SIGMOD 2003):
of every window of ``WINDOW`` consecutive ``K``-word hashes, only the smallest is kept.
That keeps about 2/(WINDOW+1) of the positions yet guarantees that any shared run of
``K + WINDOW - 1`` words (8, the default minimum span) contains at least one kept hash,
so a lookup of *all* the draft's k-gram hashes finds every text that shares such a run.
Hashes are CRC-32 of the joined words: stable across processes (Python's ``hash`` of a
string is not) and cheap; collisions only cost a verification, never a false span.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.compare.tokens import word_spans, words

K = 5  # words per hashed k-gram
WINDOW = 4  # k-grams per winnowing window: guarantee threshold K + WINDOW - 1 = 8 words
GUARANTEED = K + WINDOW - 1

_CJK_RE = re.compile(
    "[\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff]"
)
_GLUED_DIGITS_RE = re.compile(r"(?<=[^\W\d_])\d{1,3}$")
# Suffixes of an opening verb, longest first: "Recalling"/"Recalls"/"Recalled" -> "recall",
# "Emphasizing"/"Emphasizes" -> "emphasiz", "Taking"/"Takes" -> "tak".
_VERB_SUFFIXES = ("ing", "es", "ed", "s", "e")


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # character offsets in the paragraph's text
    end: int
    norm: str


def is_cjk(text: str) -> bool:
    """True when ``text`` is mostly CJK (spans are then measured in characters)."""
    sample = text[:400]
    cjk = len(_CJK_RE.findall(sample))
    return cjk > 0 and cjk * 3 >= len(sample.replace(" ", "")) // 2


def stem_verb(word: str) -> str:
    """The stem of an opening verb, so that its participle and finite forms agree."""
    for suffix in _VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def normal_words(text: str) -> list[Word]:
    """The paragraph's words in the form provenance compares them.

    Folded as in word diffs; a footnote number glued to a word ("Women8") dropped; the
    first word, the opening verb of a preambular or operative paragraph, stemmed.
    """
    out: list[Word] = []
    for start, end, norm in word_spans(text):
        if norm[-1:].isdigit() and not norm.isdigit():
            stripped = _GLUED_DIGITS_RE.sub("", norm)
            if stripped != norm:
                end -= len(norm) - len(stripped)
                norm = stripped
        out.append(Word(start, end, norm))
    if out and out[0].norm.isalpha() and not _CJK_RE.match(out[0].norm):
        first = out[0]
        out[0] = Word(first.start, first.end, stem_verb(first.norm))
    return out


def kgram_hashes(norms: Sequence[str], k: int = K) -> list[int]:
    """CRC-32 of every run of ``k`` consecutive words (position i covers i..i+k-1)."""
    crc = zlib.crc32
    return [crc("\x1f".join(norms[i : i + k]).encode("utf-8")) for i in range(len(norms) - k + 1)]


def winnow(hashes: Sequence[int], window: int = WINDOW) -> set[int]:
    """The hashes winnowing keeps: the rightmost minimum of every window.

    A text shorter than one window keeps all its hashes (it is short enough that the
    guarantee needs every one).
    """
    n = len(hashes)
    if n <= window:
        return set(hashes)
    kept: set[int] = set()
    for i in range(n - window + 1):
        win = hashes[i : i + window]
        low = min(win)
        kept.add(low)
    return kept


def normal_forms(text: str) -> list[str]:
    """Just the normal words of :func:`normal_words`, faster (no offsets)."""
    norms = words(text)
    for i, norm in enumerate(norms):
        if norm[-1:].isdigit() and not norm.isdigit():
            norms[i] = _GLUED_DIGITS_RE.sub("", norm)
    if norms and norms[0].isalpha() and not _CJK_RE.match(norms[0]):
        norms[0] = stem_verb(norms[0])
    return norms


def fingerprint(text: str) -> set[int]:
    """The winnowed k-gram hashes of a text, as stored in the library's index."""
    return winnow(kgram_hashes(normal_forms(text)))


@dataclass(frozen=True, slots=True)
class Run:
    """A run of words shared by two texts: word positions [a, a_end) and [b, b_end)."""

    a: int
    a_end: int
    b: int
    b_end: int


def positions(hashes: Sequence[int]) -> dict[int, list[int]]:
    """k-gram hash -> the positions where it starts (for :func:`common_runs`)."""
    where: dict[int, list[int]] = {}
    for j, h in enumerate(hashes):
        if h in where:
            where[h].append(j)
        else:
            where[h] = [j]
    return where


def common_runs(
    a: Sequence[str],
    b: Sequence[str],
    min_len: int,
    *,
    a_positions: dict[int, list[int]] | None = None,
    b_hashes: Sequence[int] | None = None,
) -> list[Run]:
    """Maximal runs of at least ``min_len`` identical words shared by ``a`` and ``b``.

    Linear in practice: seeds are positions with equal k-gram hashes (``K`` words, or
    ``min_len`` when shorter), checked word by word and extended to the right as far as
    the words agree; a seed inside a run already found is skipped. Callers comparing
    one text ``a`` with many pass its :func:`positions` and the others' hashes.
    """
    k = min(K, max(1, min_len))
    if len(a) < min_len or len(b) < min_len:
        return []
    if a_positions is None:
        a_positions = positions(kgram_hashes(a, k))
    if b_hashes is None:
        b_hashes = kgram_hashes(b, k)
    runs: list[Run] = []
    reach: dict[int, int] = {}  # diagonal (j - i) -> end in b of the last run found on it
    la, lb = len(a), len(b)
    for j, h in enumerate(b_hashes):
        found = a_positions.get(h)
        if not found:
            continue
        for i in found:
            if reach.get(j - i, -1) > j:
                continue  # inside a run already found (runs are found left to right)
            if a[i : i + k] != b[j : j + k]:
                continue  # a hash collision
            end_a, end_b = i + k, j + k
            while end_a < la and end_b < lb and a[end_a] == b[end_b]:
                end_a += 1
                end_b += 1
            reach[j - i] = end_b
            if end_a - i >= min_len:
                runs.append(Run(i, end_a, j, end_b))
    return runs
