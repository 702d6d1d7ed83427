"""A regression guard on related-mode ranking (the measurement is
benchmarks/related_quality.py, on the hand-made gold in benchmarks/related_gold.json)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def rq():
    sys.path.insert(0, str(BENCH))
    try:
        import related_quality
    finally:
        sys.path.remove(str(BENCH))
    return related_quality


@pytest.fixture(scope="module")
def gold_pairs(rq) -> list:
    return rq.load_gold()


@pytest.fixture(scope="module")
def figures(rq, gold_pairs) -> dict:
    return rq.evaluate(gold_pairs, {"drafter": rq.engine, "tf-idf": rq.tfidf_baseline})


def test_gold_names_real_paragraphs(figures) -> None:
    """Every gold paragraph was found by its opening words (load_gold raises if not)."""
    items = sum(by["drafter"]["items"] for by in figures["pairs"].values())
    assert len(figures["pairs"]) >= 7 and items >= 120


def test_ranking_beats_tfidf_on_every_tuned_pair(figures, gold_pairs) -> None:
    for pair in gold_pairs:
        if pair.held_out:
            continue
        by = figures["pairs"][pair.name]
        assert by["drafter"]["mrr"] >= by["tf-idf"]["mrr"], pair.name
        assert by["drafter"]["hits@3"] >= by["tf-idf"]["hits@3"], pair.name


def test_ranking_quality_floor(figures) -> None:
    overall = figures["summary"]["overall"]["drafter"]
    assert overall["hits@3"] >= 0.97
    assert overall["mrr"] >= 0.94
    # The three held-out pairs (never tuned on) guard against regressions only: on
    # them the ranking is behind the TF-IDF baseline (benchmarks/related_quality.py).
    held_out = figures["summary"]["held out"]["drafter"]
    assert held_out["mrr"] >= 0.6
    assert held_out["hits@3"] >= 0.8
