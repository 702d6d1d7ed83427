"""Shingles for agreed language: runs found exactly, winnowing's guarantee, normal words."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compare.shingles import (
    GUARANTEED,
    common_runs,
    kgram_hashes,
    normal_forms,
    normal_words,
    stem_verb,
    winnow,
)
from drafter.ingest import load

WORDS = st.lists(st.sampled_from(list("abcdef")), min_size=0, max_size=40)


def _brute_runs(a, b, min_len):
    """Every maximal diagonal run of equal words of length >= min_len, by brute force."""
    out = set()
    for i in range(len(a)):
        for j in range(len(b)):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # not maximal on the left
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n >= min_len:
                out.add((i, i + n, j, j + n))
    return out


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS, st.integers(1, 9))
def test_common_runs_are_exactly_the_maximal_shared_runs(a, b, min_len):
    found = {(r.a, r.a_end, r.b, r.b_end) for r in common_runs(a, b, min_len)}
    assert found == _brute_runs(a, b, min_len)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS, st.lists(st.sampled_from(list("ghijkl")), min_size=GUARANTEED, max_size=20))
def test_winnowing_keeps_a_hash_of_every_shared_run_of_eight_words(left, right, shared):
    """Any run of GUARANTEED words held by a stored text contains one of its kept hashes."""
    stored = left + shared + right
    kept = winnow(kgram_hashes(stored))
    assert kept & set(kgram_hashes(shared))


def test_opening_verbs_agree_across_forms():
    for a, b in [
        ("Recalling", "Recalls"),
        ("Reaffirming", "Reaffirms"),
        ("Emphasizing", "Emphasizes"),
        ("Taking", "Takes"),
        ("Noting", "Notes"),
        ("Welcoming", "Welcomes"),
        ("Stressing", "Stresses"),
        ("Requesting", "Requests"),
    ]:
        assert stem_verb(a.lower()) == stem_verb(b.lower()), (a, b)


def test_normal_forms_match_normal_words_on_the_corpus(corpus: Path):
    """The index (normal_forms) and the query (normal_words) read words alike."""
    paths = [
        corpus / "A_RES_67_219.pdf.txt",
        corpus / "A_RES_68_4.md",
        *sorted((corpus / "families").glob("*/*.txt")),
    ]
    for path in paths:
        for p in load(path).paragraphs:
            assert normal_forms(p.text) == [w.norm for w in normal_words(p.text)], p.text
    # Glued footnote numbers and typographic variants fold away.
    assert normal_forms("of Women8 and non\u2011governmental “actors”") == normal_forms(
        'of Women and non-governmental "actors"'
    )
