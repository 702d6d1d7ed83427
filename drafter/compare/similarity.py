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
from itertools import repeat
from operator import add, lshift, or_

from drafter.compare.tokens import formatting_key, words

# How many of a paragraph's rarest shingles are looked up, and the longest posting
# list worth reading (a shingle in hundreds of paragraphs says nothing).
QUERY_SHINGLES = 12
MAX_POSTING = 64
MAX_CANDIDATES = 8


class _Ids(dict):
    """Word -> id; a word not seen before gets the next id."""

    __slots__ = ("strings",)

    def __missing__(self, word: str) -> int:
        i = self[word] = len(self.strings)
        self.strings.append(word)
        return i


class Vocabulary:
    """The words of one comparison, each stored once and numbered.

    Both sides of a comparison share one vocabulary: a word is one string object
    however often it occurs (a paragraph's words cost a pointer each), and a word
    pair (shingle) is one integer made of the two ids, ``first << 32 | second``.
    """

    __slots__ = ("ids", "strings")

    def __init__(self) -> None:
        self.ids = _Ids()
        self.strings: list[str] = [""]  # ids start at 1: a pair code never equals a word's
        self.ids.strings = self.strings

    def intern(self, words: list[str]) -> list[str]:
        """``words`` as the vocabulary's own string objects (new words are added)."""
        return list(map(self.strings.__getitem__, map(self.ids.__getitem__, words)))

    def shingles(self, words: list[str]) -> frozenset[int]:
        """The distinct word pairs of ``words`` as integers (one word alone: its id)."""
        if len(words) < 2:
            return frozenset(map(self.ids.__getitem__, words))
        ids = list(map(self.ids.__getitem__, words))
        return frozenset(map(or_, map(lshift, ids, repeat(32)), ids[1:]))

    def order_key(self, shingle: int) -> tuple[str, ...]:
        """The shingle as the word tuple it stands for (ties are broken in word order)."""
        if shingle >> 32:
            return (self.strings[shingle >> 32], self.strings[shingle & 0xFFFFFFFF])
        return (self.strings[shingle],)


class Profile:
    """What similarity needs to know about one paragraph, computed once.

    ``words`` are the vocabulary's own strings (each distinct word stored once);
    word pairs (:attr:`shingles`) are computed when asked, not stored.
    """

    __slots__ = ("_vocab", "bag", "key", "size", "words")

    def __init__(self, key: str, words: list[str], vocab: Vocabulary) -> None:
        self.key = key  # formatting-insensitive text
        self.words = words
        self.bag = Counter(words)
        self.size = len(words)
        self._vocab = vocab

    @property
    def shingles(self) -> frozenset[int]:
        """Distinct word pairs as integers (:meth:`Vocabulary.shingles`)."""
        return self._vocab.shingles(self.words)


# Opening adverbs that may stand before the verb that opens a paragraph.
_ADVERBS = frozenset(("also", "further", "again", "once", "moreover", "furthermore"))


def _verb_stem(word: str) -> str:
    """The opening verb without its preambular or operative ending, so that a
    paragraph turned from preambular into operative (or back) keeps its first word:
    "Recognizing"/"Recognizes", "Taking"/"Takes", "Noting"/"Notes" -> one stem."""
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("s") and len(word) > 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") else word


def opening_verb(ws: Sequence[str]) -> str | None:
    """The (stemmed) word that opens a paragraph after any adverb ("Also takes" ->
    "tak"), for profile words; None for an empty paragraph."""
    for w in ws[:3]:
        if w not in _ADVERBS:
            return w
    return None


def verb_stem(word: str) -> str:
    """:func:`_verb_stem` for any word (used on words inside a paragraph)."""
    return _verb_stem(word) if word.endswith(("ing", "s")) else word


def _stem_opening(ws: list[str]) -> list[str]:
    for k, w in enumerate(ws[:3]):
        if w not in _ADVERBS:
            if w.endswith(("ing", "s")):
                ws[k] = _verb_stem(w)
            break
    return ws


def profile(
    text: str, language: str | None = None, vocab: Vocabulary | None = None, key: str | None = None
) -> Profile:
    """``text``'s profile; ``key``: its :func:`formatting_key`, if known."""
    if key is None:
        key = formatting_key(text)
    if vocab is None:
        vocab = Vocabulary()
    return Profile(key, vocab.intern(_stem_opening(words(key, language))), vocab)


class LazyProfiles(Sequence[Profile]):
    """Profiles of a document's paragraphs, computed only when first asked for.

    Most paragraphs of two versions are identical and are paired on their raw text;
    they never need words, bags or shingles. Many others are paired on their key
    (:meth:`key`), which is computed alone.
    """

    def __init__(
        self, texts: Sequence[str], language: str | None = None, vocab: Vocabulary | None = None
    ) -> None:
        self.texts = list(texts)
        self._language = language
        self.vocab = vocab if vocab is not None else Vocabulary()
        self._cache: list[Profile | None] = [None] * len(self.texts)
        self._keys: list[str | None] = [None] * len(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[override]
        p = self._cache[i]
        if p.__class__ is Profile:
            return p
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        p = self._cache[i] = profile(self.texts[i], self._language, self.vocab, self.key(i))
        return p

    def key(self, i: int) -> str:
        """Paragraph ``i``'s :func:`formatting_key` (without the rest of its profile)."""
        k = self._keys[i]
        if k is None:
            k = self._keys[i] = formatting_key(self.texts[i])
        return k


def dice(
    a: Counter[str], b: Counter[str], size_a: int | None = None, size_b: int | None = None
) -> float:
    """Dice coefficient of two word multisets: 2|A∩B| / (|A| + |B|)."""
    na = sum(a.values()) if size_a is None else size_a
    nb = sum(b.values()) if size_b is None else size_b
    if na + nb == 0:
        return 1.0
    return 2.0 * common_words(a, b) / (na + nb)


def common_words(a: Counter[str], b: Counter[str]) -> int:
    """How many words two multisets share (the size of their intersection)."""
    both = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, both), map(b.__getitem__, both)))


# A much shorter paragraph nearly all inside a longer one (a paragraph cut down to
# one clause, or grown around its old text) is its version even when the overall
# overlap is low: this share of its words in the longer one, and at least this long.
CONTAINED = 0.8
CONTAINED_MIN_WORDS = 8
# ... of which this many are words, not numbers (a list of resolution numbers and
# dates is contained in any longer list).
CONTAINED_MIN_LETTER_WORDS = 6


def pair_score(a: Profile, b: Profile, d: float | None = None) -> float:
    """How well two paragraphs match: word Dice, or containment of the shorter.

    Containment counts only from :data:`CONTAINED` on and maps to 0.5–0.59: enough
    for an in-place pair (the aligner's threshold is 0.5), never for a move on its
    own (a move needs 0.6, that is real overlap). ``d``: their Dice, if known.
    """
    if d is None:
        d = dice(a.bag, b.bag, a.size, b.size)
    short, long = (a, b) if a.size <= b.size else (b, a)
    if short.size < CONTAINED_MIN_WORDS or d >= 0.7:
        return d
    # Dice counts the words the two share: their share of the shorter paragraph is
    # its containment in the longer one, with no second pass over the words.
    c = d * (short.size + long.size) / (2 * short.size)
    if c < CONTAINED:
        return d
    if sum(1 for w in short.words if not w[0].isdigit()) < CONTAINED_MIN_LETTER_WORDS:
        return d
    return max(d, 0.5 + 0.09 * (c - CONTAINED) / (1 - CONTAINED))


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """Share of ``part``'s words that also occur in ``whole`` (multiset)."""
    n = sum(part.values())
    if n == 0:
        return 0.0
    return common_words(part, whole) / n


def merged_bag(profiles: Iterable[Profile]) -> tuple[Counter[str], int]:
    bag: Counter[str] = Counter()
    n = 0
    for p in profiles:
        bag.update(p.bag)
        n += p.size
    return bag, n


class ShingleIndex:
    """An inverted index from shingle to paragraph ids, for one side."""

    def __init__(
        self, profiles: Sequence[Profile], ids: Iterable[int], vocab: Vocabulary | None = None
    ) -> None:
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._vocab = vocab
        self._df: dict[int, int] | None = None
        for i in ids:
            p = profiles[i]
            if self._vocab is None:
                self._vocab = p._vocab
            for sh in p.shingles:
                self._postings[sh].append(i)

    def df(self, shingle: int) -> int:
        posting = self._postings.get(shingle)
        return len(posting) if posting else 0

    def candidates(
        self,
        query: Profile,
        *,
        other_df: dict[int, int] | None = None,
        limit: int = MAX_CANDIDATES,
    ) -> list[int]:
        """Ids sharing the most of ``query``'s rarest shingles, best first.

        The rarest are those in the fewest paragraphs of both sides; among equally
        rare ones, the first in word order.
        """
        df = self._df
        if df is None:  # the index is complete once asked: shingles worth reading
            df = self._df = {
                sh: len(posting)
                for sh, posting in self._postings.items()
                if len(posting) <= MAX_POSTING
            }
        shared = query.shingles & df.keys()
        counts = map(df.__getitem__, shared)
        if other_df:
            counts = map(add, counts, map(other_df.get, shared, repeat(0)))
        ranked = list(zip(counts, shared, strict=True))
        if len(ranked) > QUERY_SHINGLES:
            ranked.sort()
            cut = ranked[QUERY_SHINGLES - 1][0]
            ranked = [r for r in ranked if r[0] <= cut]
        order = self._vocab.order_key if self._vocab is not None else None
        ranked.sort(key=lambda r: (r[0], order(r[1])) if order else r)
        hits: Counter[int] = Counter()
        for _, sh in ranked[:QUERY_SHINGLES]:
            hits.update(self._postings[sh])
        return [i for i, _ in hits.most_common(limit)]


def document_frequency(profiles: Sequence[Profile], ids: Iterable[int]) -> dict[int, int]:
    df: Counter[int] = Counter()
    for i in ids:
        df.update(profiles[i].shingles)
    return dict(df)
