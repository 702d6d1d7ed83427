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
    assert len(figures["pairs"]) >= 10 and items >= 160
    assert figures["summary"]["fresh"]["drafter"]["items"] >= 45


def test_ranking_beats_tfidf_on_every_development_pair(figures) -> None:
    """Ahead of TF-IDF over the two texts on every development pair, tuned or held
    out (a tie only where both rank every item first). Not on every fresh pair: scored
    once after the ranking was chosen, it is ahead on one of the three and behind on
    two (MRR 0.739 against 0.770, hits@3 89 % against 85 %)."""
    for name, by in figures["pairs"].items():
        if figures["groups"][name] == "fresh":
            continue
        mine, base = by["drafter"], by["tf-idf"]
        assert mine["mrr"] > base["mrr"] or mine["mrr"] == base["mrr"] == 1.0, name
        assert mine["hits@3"] >= base["hits@3"], name


def test_ranking_quality_floor(figures) -> None:
    tuned = figures["summary"]["tuned"]["drafter"]
    assert tuned["mrr"] >= 0.94 and tuned["hits@3"] >= 0.97
    held_out = figures["summary"]["held out"]["drafter"]
    assert held_out["mrr"] >= 0.75 and held_out["hits@3"] >= 0.9
    dev = figures["summary"]["dev"]
    assert dev["drafter"]["mrr"] >= dev["tf-idf"]["mrr"] + 0.05
    # The fresh pairs guard against regressions only (never tuned on).
    fresh = figures["summary"]["fresh"]["drafter"]
    assert fresh["mrr"] >= 0.72 and fresh["hits@3"] >= 0.87
