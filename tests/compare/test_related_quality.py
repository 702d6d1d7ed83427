"""A regression guard on related-mode ranking (the measurement is
benchmarks/related_quality.py, on the hand-made gold in benchmarks/related_gold.json)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def figures() -> dict:
    sys.path.insert(0, str(BENCH))
    try:
        import related_quality as rq
    finally:
        sys.path.remove(str(BENCH))
    return rq.evaluate(rq.load_gold(), {"drafter": rq.engine, "tf-idf": rq.tfidf_baseline})


def test_gold_names_real_paragraphs(figures) -> None:
    """Every gold paragraph was found by its opening words (load_gold raises if not)."""
    items = sum(by["drafter"]["items"] for by in figures["pairs"].values())
    assert len(figures["pairs"]) >= 5 and items >= 90


def test_ranking_beats_tfidf_on_every_pair(figures) -> None:
    for name, by in figures["pairs"].items():
        assert by["drafter"]["mrr"] >= by["tf-idf"]["mrr"], name
        assert by["drafter"]["hits@3"] >= by["tf-idf"]["hits@3"], name


def test_ranking_quality_floor(figures) -> None:
    overall = figures["summary"]["overall"]["drafter"]
    assert overall["hits@3"] >= 0.97
    assert overall["mrr"] >= 0.9
    held_out = figures["summary"]["held out"]
    assert held_out["drafter"]["mrr"] > held_out["tf-idf"]["mrr"]
