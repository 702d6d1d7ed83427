"""The word diff's hand-over from a long bisection to a longest common subsequence."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compare import inline
from drafter.compare.inline import lcs_diff, word_diff
from drafter.ingest import load

HUMANITARIAN = "families/humanitarian-coordination"


def _lcs_length(a: str, b: str) -> int:
    prev = [0] * (len(a) + 1)
    for c in b:
        cur = [0]
        for i, x in enumerate(a):
            cur.append(prev[i] + 1 if x == c else max(cur[i], prev[i + 1]))
        prev = cur
    return prev[-1]


_text = st.text(alphabet="abcxyz ", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_text, _text)
def test_lcs_diff_is_a_smallest_diff(a: str, b: str) -> None:
    runs = lcs_diff(a, b)
    assert "".join(t for op, t in runs if op <= 0) == a
    assert "".join(t for op, t in runs if op >= 0) == b
    assert all(t for _, t in runs)
    assert all(x[0] != y[0] for x, y in pairwise(runs))  # merged runs
    assert sum(len(t) for op, t in runs if op == 0) == _lcs_length(a, b)


def _paragraph(res, opening: str) -> str:
    (text,) = [p.text for p in res.paragraphs if p.text.startswith(opening)]
    return text


@pytest.fixture(scope="module")
def rewritten(corpus) -> tuple[str, str]:
    """A/RES/47/168 OP 22 and its rewrite in A/RES/48/57 (the gold pairs them)."""
    old = load(corpus / HUMANITARIAN / "A_RES_47_168.txt")
    new = load(corpus / HUMANITARIAN / "A_RES_48_57.txt")
    return (
        _paragraph(old, "Requests the Secretary-General to continue to examine"),
        _paragraph(new, "Invites the Secretary-General to examine further"),
    )


def test_a_rewritten_paragraph_keeps_its_long_common_phrases(rewritten, monkeypatch) -> None:
    handed = []
    monkeypatch.setattr(inline, "lcs_diff", lambda *args: handed.append(1) or lcs_diff(*args))
    a, b = rewritten
    runs, approximate = word_diff(a, b, timeout=5.0)
    assert handed, "the bisection of this rewrite did not reach the hand-over"
    assert not approximate
    assert "".join(t for op, t in runs if op <= 0) == a
    assert "".join(t for op, t in runs if op >= 0) == b
    kept = [t for op, t in runs if op == 0]
    # "... resources [-to-]{+commensurate with the responsibilities of+} the Department
    # of Humanitarian Affairs [-from within ...-]{+in dealing with ...+};"
    assert any("the Department of Humanitarian Affairs" in t for t in kept)


def test_edited_paragraphs_never_reach_the_hand_over(corpus, monkeypatch) -> None:
    """A few words changed here and there: the diff is diff-match-patch's own, as
    without the hand-over (real paragraphs, 4-12 % of their words replaced)."""
    res = load(corpus / HUMANITARIAN / "A_RES_48_57.txt")
    rng = random.Random(3)
    pool = [w for p in res.paragraphs for w in p.text.split()]
    pairs = []
    for p in res.paragraphs:
        words = p.text.split()
        if len(words) < 20:
            continue
        for _ in range(max(1, len(words) * rng.randint(4, 12) // 100)):
            words[rng.randrange(len(words))] = rng.choice(pool)
        pairs.append((p.text, " ".join(words)))
    assert len(pairs) > 20
    with_hand_over = [word_diff(a, b, timeout=5.0) for a, b in pairs]
    monkeypatch.setattr(inline, "BISECT_ROUNDS", 10**9)
    assert [word_diff(a, b, timeout=5.0) for a, b in pairs] == with_hand_over


def test_the_hand_over_keeps_to_the_deadline() -> None:
    """Past its deadline, a rewrite gets the coarse replace and says so."""
    rng = random.Random(4)
    vocab = [f"w{i}" for i in range(200)]
    a = " ".join(rng.choice(vocab) for _ in range(900))
    b = " ".join(w if rng.random() < 0.5 else rng.choice(vocab) for w in a.split())
    assert lcs_diff(a, b, inline.CpuDeadline(-1.0)) is None
    runs, approximate = word_diff(a, b, timeout=1e-6)
    assert approximate
    assert "".join(t for op, t in runs if op <= 0) == a
    assert "".join(t for op, t in runs if op >= 0) == b
    runs, approximate = word_diff(a, b, timeout=5.0)
    assert not approximate
