"""Properties of versions mode that must hold for any input, and a quality floor."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from compare_helpers import make_resolution
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.compare import compare
from drafter.model import PairKind

ROOT = Path(__file__).resolve().parents[2]

WORDS = ["the", "Assembly", "decides", "migration", "report", "States", "of", "human", "rights"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, max_size=12), st.lists(paragraph, max_size=12))
def test_every_paragraph_once_and_runs_rebuild_texts(old_texts, new_texts) -> None:
    cmp = compare(make_resolution(old_texts), make_resolution(new_texts))
    olds = sorted(i for p in cmp.pairs for i in p.old)
    news = [i for p in cmp.pairs for i in p.new]
    assert olds == list(range(len(old_texts)))
    assert news == list(range(len(new_texts)))  # reading order of the new text
    for pair in cmp.pairs:
        assert "".join(t for op, t in pair.diff if op <= 0) == "\n".join(
            old_texts[i] for i in pair.old
        )
        assert "".join(t for op, t in pair.diff if op >= 0) == "\n".join(
            new_texts[i] for i in pair.new
        )
        if pair.kind == PairKind.UNCHANGED:
            assert [old_texts[i] for i in pair.old] == [new_texts[i] for i in pair.new]
    assert sum(v for k, v in cmp.summary.items() if k in set(PairKind)) == len(cmp.pairs)


@given(st.lists(paragraph, max_size=10))
@settings(max_examples=60, deadline=None)
def test_a_text_against_itself_is_unchanged(texts) -> None:
    cmp = compare(make_resolution(texts), make_resolution(texts))
    assert all(p.kind == PairKind.UNCHANGED for p in cmp.pairs)


def test_alignment_quality_floor_on_perturbed_real_texts() -> None:
    """A regression guard (the full measurement is benchmarks/alignment_quality.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from _corpus import as_resolution, documents, insertion_pool, perturb
    finally:
        sys.path.pop(0)
    tp = n_pred = n_true = 0
    mtp = m_pred = m_true = 0
    for d_index, doc in enumerate(documents()[:12]):
        pool = insertion_pool(doc)
        for seed in range(2):
            rng = random.Random(seed * 1000 + d_index)
            new_paras, truth = perturb(list(doc.paragraphs), rng, pool)
            cmp = compare(
                as_resolution(list(doc.paragraphs), operative_from=5),
                as_resolution(new_paras, operative_from=5),
            )
            links = {(o, n) for p in cmp.pairs for o in p.old for n in p.new}
            moves = {o for p in cmp.pairs if p.kind == PairKind.MOVED for o in p.old}
            tp += len(links & truth.links)
            n_pred += len(links)
            n_true += len(truth.links)
            mtp += len(moves & truth.moved)
            m_pred += len(moves)
            m_true += len(truth.moved)
    precision, recall = tp / n_pred, tp / n_true
    assert 2 * precision * recall / (precision + recall) >= 0.98
    assert mtp / m_pred >= 0.9 and mtp / m_true >= 0.95


def test_perturbation_truth_is_consistent() -> None:
    """benchmarks/_corpus.py is shared with the GUI benchmark: its truth must hold."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from _corpus import documents, insertion_pool, perturb
    finally:
        sys.path.pop(0)
    doc = documents()[3]
    new, truth = perturb(list(doc.paragraphs), random.Random(7), insertion_pool(doc))
    assert len(truth.origins) == len(new)
    kept = {o for olds in truth.origins for o in olds}
    assert kept | truth.deleted == set(range(len(doc.paragraphs)))
    assert not kept & truth.deleted
    for n, olds in enumerate(truth.origins):
        if len(olds) == 1 and olds[0] not in truth.edited | truth.split:
            assert new[n] == doc.paragraphs[olds[0]]
        if not olds:
            assert new[n] not in doc.paragraphs  # inserted from another resolution
    assert truth.moved and truth.split and truth.merged
