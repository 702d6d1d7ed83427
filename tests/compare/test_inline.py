"""The word-mode diff: complete runs, whole words, honest about time limits."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compare import word_diff
from drafter.compare.tokens import is_word, tokenize

LANGS = ("ar", "en", "es", "fr", "ru", "zh")


def _sides(runs) -> tuple[str, str]:
    return (
        "".join(t for op, t in runs if op <= 0),
        "".join(t for op, t in runs if op >= 0),
    )


def _changed(runs, op: int) -> list[str]:
    return [t for o, t in runs if o == op]


_words = st.lists(
    st.sampled_from(["the", "General", "Assembly", "decides", ",", " ", "migration", "联", "国"])
)


@settings(max_examples=200, deadline=None)
@given(_words, _words)
def test_runs_rebuild_both_texts(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(b)
    runs, approximate = word_diff(ta, tb)
    assert _sides(runs) == (ta, tb)
    assert not approximate
    assert all(text for _, text in runs)


def test_no_change_splits_a_word() -> None:
    a = "Recognize the contribution of migrants to development"
    b = "Recognizes the contribution of migration to sustainable development"
    runs, _ = word_diff(a, b)
    assert _changed(runs, -1) == ["Recognize", "migrants"]
    assert _changed(runs, 1) == ["Recognizes", "migration", " sustainable"]
    # Every run boundary is a token boundary on both sides.
    for keep, side in zip((lambda op: op <= 0, lambda op: op >= 0), _sides(runs), strict=True):
        token_bounds, pos = {0}, 0
        for tok in tokenize(side):
            pos += len(tok)
            token_bounds.add(pos)
        run_bounds, pos = {0}, 0
        for op, text in runs:
            if keep(op):
                pos += len(text)
                run_bounds.add(pos)
        assert run_bounds <= token_bounds


def test_identical_and_empty_texts() -> None:
    assert word_diff("same", "same") == (((0, "same"),), False)
    assert word_diff("", "new") == (((1, "new"),), False)
    assert word_diff("old", "") == (((-1, "old"),), False)
    assert word_diff("", "") == ((), False)


def test_time_limit_is_reported_not_hidden() -> None:
    rng = random.Random(1)
    vocab = [f"w{i}" for i in range(300)]
    a = " ".join(rng.choice(vocab) for _ in range(6000))
    b = " ".join(rng.choice(vocab) for _ in range(6000))
    runs, approximate = word_diff(a, b, timeout=1e-6)
    assert approximate
    assert _sides(runs) == (a, b)


def test_long_paragraph_without_time_limit_is_a_real_diff() -> None:
    # diff-match-patch's default one-second limit would turn this into replace-all.
    rng = random.Random(2)
    words = [f"word{rng.randrange(2000)}" for _ in range(5000)]
    edited = list(words)
    for i in range(0, 5000, 97):
        edited[i] = "CHANGED"
    runs, approximate = word_diff(" ".join(words), " ".join(edited), timeout=30)
    assert not approximate
    assert sum(1 for op, _ in runs if op == 1) == len(range(0, 5000, 97))


def _line(corpus, lang: str, n: int) -> str:
    path = corpus / "languages" / f"UNv1.0.devset.{lang}"
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i == n:
                return line.rstrip("\n")
    raise AssertionError("line not found")


@pytest.mark.parametrize("lang", LANGS)
def test_edited_sentence_in_each_language(corpus, lang: str) -> None:
    """Replacing one word (one character in Chinese) shows exactly that word replaced."""
    sentence = _line(corpus, lang, 4)
    toks = tokenize(sentence, lang)
    word_positions = [
        i for i, t in enumerate(toks) if is_word(t) and len(t) > (0 if lang == "zh" else 3)
    ]
    target = word_positions[len(word_positions) // 2]
    replacement = "改" if lang == "zh" else "XYZ"
    edited = "".join(replacement if i == target else t for i, t in enumerate(toks))
    runs, approximate = word_diff(sentence, edited, timeout=5)
    assert not approximate
    assert _sides(runs) == (sentence, edited)
    assert _changed(runs, -1) == [toks[target]]
    assert _changed(runs, 1) == [replacement]


@pytest.mark.parametrize("lang", LANGS)
def test_inserted_clause_in_each_language(corpus, lang: str) -> None:
    a = _line(corpus, lang, 10)
    b = _line(corpus, lang, 11)
    combined = a + " " + b
    runs, _ = word_diff(a, combined)
    assert _changed(runs, -1) == []
    assert "".join(_changed(runs, 1)) == " " + b


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_any_unicode_text_is_rebuilt(a: str, b: str) -> None:
    runs, _ = word_diff(a, b)
    assert _sides(runs) == (a, b)
    assert all(op in (-1, 0, 1) and text for op, text in runs)
