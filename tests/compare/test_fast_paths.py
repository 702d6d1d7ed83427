"""The faster ways compare reads words give exactly what the general ones give.

Issue 11 made compare cheaper without changing any result: ASCII text takes simpler
patterns, words live once in a vocabulary, word pairs are integers, and the garbage
collector pauses during a comparison. These tests hold each shortcut to the path it
replaced, on every line of the real corpus.
"""

from __future__ import annotations

import gc
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from drafter.compare import tokens
from drafter.compare.gc_pause import without_gc_pauses
from drafter.compare.similarity import LazyProfiles, ShingleIndex, Vocabulary, profile


@pytest.fixture(scope="module")
def ascii_lines(corpus: Path) -> list[str]:
    lines = []
    for f in sorted(corpus.rglob("*")):
        if f.suffix in (".txt", ".md"):
            lines += [ln for ln in f.read_text(errors="replace").splitlines() if ln.isascii()]
    assert len(lines) > 5000
    return lines


def test_ascii_tokens_and_words_match_the_general_patterns(ascii_lines) -> None:
    for line in ascii_lines:
        assert tokens.tokenize(line) == tokens._FAST_TOKEN_RE.findall(line)
        assert tokens.words(line) == tokens._FAST_WORD_RE.findall(line.casefold())


def test_ascii_edge_characters() -> None:
    # Control separators count as whitespace, underscores and digits as word characters,
    # inner hyphens and apostrophes join, numbers keep their separators.
    text = "a_b 1,000.5 sixty-ninth don't \x1c\x1f x\t(y) -z- '"
    assert tokens.tokenize(text) == tokens._FAST_TOKEN_RE.findall(text)
    assert "".join(tokens.tokenize(text)) == text
    assert tokens.words(text) == [
        "a_b",
        "1",
        "000",
        "5",
        "sixty",
        "ninth",
        "don",
        "t",
        "x",
        "y",
        "z",
    ]


def test_profile_words_are_one_object_per_word() -> None:
    vocab = Vocabulary()
    a = profile("Urges Member States to act, urges them again", vocab=vocab)
    b = profile("Member States are urged to act", vocab=vocab)
    assert a.words == ["urg", "member", "states", "to", "act", "urges", "them", "again"]
    assert a.bag == Counter(a.words) and a.size == 8
    assert a.words[1] is b.words[0] and a.words[3] is b.words[4]


def test_shingles_are_the_word_pairs() -> None:
    vocab = Vocabulary()
    p = profile("the General Assembly, the General Assembly decides", vocab=vocab)
    pairs = {vocab.order_key(s) for s in p.shingles}
    assert pairs == set(pairwise(p.words)) and len(p.shingles) == 4
    one = profile("Recalling", vocab=vocab)
    assert {vocab.order_key(s) for s in one.shingles} == {(w,) for w in one.words}


def test_candidates_take_the_rarest_shingles_first_in_word_order() -> None:
    # Thirteen new paragraphs each share one word pair with the query, all equally
    # rare: the twelve looked up are the first in word order, as when shingles were
    # word tuples, so the thirteenth ("zz" ...) is never a candidate.
    names = [f"w{c}{c}" for c in "abcdefghijklm"]
    query_text = " ".join(f"{n} x{n}" for n in names)
    old = LazyProfiles([query_text])
    new = LazyProfiles([f"{n} x{n} filler" for n in reversed(names)], vocab=old.vocab)
    index = ShingleIndex(new, range(len(new)))
    found = index.candidates(old[0], limit=20)
    assert len(found) == 12
    assert names.index("wmm") == 12 and 0 not in found  # new[0] is the "wmm" paragraph


def test_gc_pause_restores_the_collector() -> None:
    seen = []

    @without_gc_pauses
    def work(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("boom")

    assert gc.isenabled()
    work(False)
    with pytest.raises(ValueError):
        work(True)
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        work(False)  # a collector someone else paused stays paused
        assert not gc.isenabled()
    finally:
        gc.enable()
