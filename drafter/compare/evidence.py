"""What two paragraphs share beyond resolution boilerplate.

Word overlap alone cannot tell a rewritten paragraph from two requests that share
their formula: "Also requests the Secretary-General to include in his report to the
Economic and Social Council at its substantive session ..." and "Invites the
Secretary-General ... to include in his report for consideration at the next
substantive session of the Economic and Social Council ..." share two thirds of their
words and nothing of what they ask for. The aligner asks these questions only of the
few candidate pairs whose overlap leaves the answer open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from itertools import chain, pairwise

from drafter.compare._background import DF, PARAGRAPHS
from drafter.compare.phrases import stem
from drafter.compare.similarity import Profile, opening_verb
from drafter.compare.stopwords import STOPWORDS

# A word found in at most this share of the background's paragraphs (real
# resolutions) is a term of the paragraph's subject, not resolution vocabulary (the
# same share related mode asks of a link resting on one word).
RARE_SHARE = 0.01
_RARE_LIMIT = RARE_SHARE * PARAGRAPHS


# ... and in at most this share of the paragraphs compared (at least LOCAL_MIN of
# them): the running theme of two texts ("natural disasters and other emergencies"
# in texts on humanitarian assistance) is their boilerplate too.
LOCAL_SHARE = 0.1
LOCAL_MIN = 4


# Session numbers and ordinals ("its forty-ninth session") are formula too, whatever
# the background (a library of one session) says of them.
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred first second third fourth fifth sixth seventh eighth ninth
    tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
    eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth
    eightieth ninetieth hundredth""".split()  # noqa: SIM905 - a word list, read as prose
)


class Evidence:
    """Which shared words say what two paragraphs are about, given the paragraphs
    (their word sets) the aligner still has to place."""

    def __init__(self, word_sets: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for ws in word_sets:
            df.update(ws)
            n += 1
        self._df = df
        self._limit = max(LOCAL_MIN, LOCAL_SHARE * n)

    def _telling(self, word: str) -> bool:
        if word in STOPWORDS or word in _NUMBER_WORDS or word.isdigit() or len(word) < 3:
            return False
        return DF.get(stem(word), 0) <= _RARE_LIMIT and self._df[word] <= self._limit

    def telling(self, word: str) -> bool:
        """Whether ``word`` says what a paragraph is about (not resolution vocabulary,
        nor the running theme of the texts compared)."""
        return self._telling(word)

    def shares_rare_word(self, a: Profile, b: Profile) -> bool:
        """Whether two paragraphs share a word that is not common resolution
        vocabulary nor the theme of the texts ("warehouses", "consolidated", not
        "report", "session", "Secretary-General"). Their opening verbs, stemmed in
        profiles ("decid"), say nothing of the subject."""
        skip = (opening_verb(a.words), opening_verb(b.words))
        small, large = (a.bag, b.bag) if len(a.bag) <= len(b.bag) else (b.bag, a.bag)
        return any(w in large and w not in skip and self._telling(w) for w in small)

    def shares_own_term(self, a: Profile, b: Profile) -> bool:
        """Whether two paragraphs keep a pair of words with a telling word in it that
        no other paragraph left to place has ("good donorship" in the two paragraphs
        on Good Humanitarian Donorship): their subject, as sure a sign as a
        distinctive opening. The opening verbs say nothing of the subject."""
        skip = (opening_verb(a.words), opening_verb(b.words))
        shared = set(pairwise(a.words)) & set(pairwise(b.words))
        return any(
            w not in skip and self._df[w] <= 2 and self._telling(w) for pair in shared for w in pair
        )

    def keeps_clause(
        self,
        a: Sequence[str],
        b: Sequence[str],
        length: int,
        own: Callable[[Sequence[str]], bool] = lambda run: True,
    ) -> bool:
        """Whether the word sequences ``a`` and ``b`` have ``length`` or more
        consecutive words in common with a telling word among them: a clause kept
        word for word, not a formula ("report to the General Assembly at its
        forty-ninth session"). ``own`` is asked of each run of ``length`` words found
        (a clause of these two paragraphs, not a name that recurs through the texts).
        Linear in the words times their repeats."""
        where: dict[str, list[int]] = {}
        for j, w in enumerate(b):
            where.setdefault(w, []).append(j)
        telling = [0]  # telling words among a[:i]
        for w in a:
            telling.append(telling[-1] + self._telling(w))
        prev: dict[int, int] = {}
        for i, w in enumerate(a):
            cur: dict[int, int] = {}
            for j in where.get(w, ()):
                k = cur[j] = prev.get(j - 1, 0) + 1
                if (
                    k >= length
                    and telling[i + 1] > telling[i + 1 - length]
                    and own(a[i + 1 - length : i + 1])
                ):
                    return True
            prev = cur
        return False

    def keeps_clauses(
        self,
        a: Sequence[str],
        b: Sequence[str],
        length: int,
        total: int,
        own: Callable[[Sequence[str]], bool] = lambda run: True,
    ) -> bool:
        """Whether ``total`` or more words of ``a`` stand, in order, in runs of
        ``length`` or more consecutive words also in ``b``, each ``own`` (clauses kept
        word for word, perhaps with a few words put in: "the Office ... Affairs [of
        the Secretariat] should benefit from adequate and more predictable funding"),
        with a telling word among them (clauses, not a formula). ``own`` is asked
        last, and only of runs that would reach ``total``."""
        runs = [
            a[i : i + size]
            for i, _, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            if size >= length
        ]
        if sum(map(len, runs)) < total or not any(map(self._telling, chain(*runs))):
            return False
        kept = [run for run in runs if own(run)]
        return sum(map(len, kept)) >= total and any(map(self._telling, chain(*kept)))
