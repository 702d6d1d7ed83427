"""The history engine on hand-made and perturbed texts: splits, merges, order, edge cases."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from history_helpers import cells, check_history, row
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.history import (
    Change,
    HistoryVersion,
    blame,
    build_history,
    order_versions,
    part_runs,
    session_of,
)
from drafter.model import DELETE, EQUAL, INSERT, Paragraph, ParaKind, Resolution

ROOT = Path(__file__).resolve().parents[2]

A = "Calls upon all States to respect the sovereignty of small island developing States"
B = "Requests the Secretary-General to report on the implementation of the present resolution"
C = "Decides to include in the provisional agenda of its eighty-first session the item"
D = "Encourages Member States to strengthen cooperation on migration and development"


def res(*texts: str, symbol: str = "X") -> Resolution:
    paras = tuple(Paragraph(i, ParaKind.OPERATIVE, str(i + 1), t) for i, t in enumerate(texts))
    return Resolution(symbol=symbol, title=None, date=None, paragraphs=paras)


def test_one_version_is_a_trivial_history() -> None:
    h = build_history([res(A, B)])
    assert len(h.threads) == 2 and not h.warnings
    assert [t.steps[0].change for t in h.threads] == [Change.UNCHANGED] * 2
    assert h.changed_since(0) == []
    assert [(s.version, s.start, s.end) for s in blame(h, 0, 1)] == [(0, 0, len(B))]


def test_split_forks_and_merge_joins() -> None:
    head, tail = "Calls upon all States to respect the sovereignty,", "and decides to remain seized"
    v0 = res(A, head + " " + tail, C)
    v1 = res(A, head, tail, C)  # OP 2 split in two
    v2 = res(A, head + " " + tail + " of the matter", C)  # and merged again, edited
    h = build_history([v0, v1, v2])
    check_history(h, [v0, v1, v2])
    main = row(h, 0, "2")
    fork = row(h, 1, "3")
    assert fork.forked_from == main.index and fork.merged_into == main.index
    assert cells(main, 3) == ["2", "2<", "2>"]
    assert cells(fork, 3) == ["—", "3<", "—"]
    # Each part of the split shows its own words only.
    assert "".join(t for op, t in main.steps[1].diff if op >= 0) == head
    assert "".join(t for op, t in fork.steps[0].diff if op >= 0) == tail
    assert main.steps[2].sources == (1, 2)
    # The merged paragraph's words keep their origin; the new words entered in v2.
    spans = blame(h, 2, 1)
    assert (
        spans[-1].version == 2
        and v2.paragraphs[1].text[spans[-1].start :].strip() == "of the matter"
    )
    assert {s.version for s in spans[:-1]} == {0}
    # Threads in reading order of the latest text: the fork right after its parent.
    assert fork.index == main.index + 1


def test_insert_delete_move_and_changed_since() -> None:
    v0 = res(A, B, C)
    v1 = res(A, B, C, D)  # D inserted
    v2 = res(B, C, D, A + " and territorial integrity")  # A moved to the end and edited
    v3 = res(B, D, A + " and territorial integrity")  # C deleted
    h = build_history([v0, v1, v2, v3])
    check_history(h, [v0, v1, v2, v3])
    a, c, d = row(h, 0, "1"), row(h, 0, "3"), row(h, 1, "4")
    assert cells(a, 4) == ["1", "1", "4~*", "3"]
    assert cells(c, 4) == ["3", "3", "2", "—"] and c.steps[-1].change == Change.DELETED
    assert cells(d, 4) == ["—", "4", "3", "2"] and d.steps[0].change == Change.INSERTED
    b = row(h, 0, "2")
    assert set(h.changed_since(0)) == {a.index, c.index, d.index}
    assert set(h.changed_since(1)) == {a.index, c.index}
    assert h.changed_since(3) == []
    assert b.index not in h.changed_since(0)
    # Reading order of the latest text; the deleted one where it last stood.
    assert [t.latest().text for t in h.threads] == [B, C, D, A + " and territorial integrity"]
    spans = blame(h, 3, 2)
    assert [(s.version, v3.paragraphs[2].text[s.start : s.end]) for s in spans] == [
        (0, A),
        (2, " and territorial integrity"),
    ]


def test_unrelated_neighbours_get_a_warning() -> None:
    v0 = res(A, B, symbol="A/RES/1")
    v1 = res("The meeting was opened at ten", "It was adjourned at noon", symbol="A/RES/2")
    h = build_history([v0, v1])
    assert h.unlinked == (1,)
    assert len(h.warnings) == 1 and "A/RES/1 and A/RES/2 share no paragraph" in h.warnings[0]
    assert all(t.first == t.last for t in h.threads)  # no fake continuity


def test_part_runs_keep_each_parts_own_changes() -> None:
    runs = ((EQUAL, "one two"), (DELETE, " three"), (INSERT, "\nfour"), (EQUAL, " five"))
    # new side: "one two\nfour five": part 1 = [0, 7), part 2 = [8, 18)
    assert part_runs(runs, 0, 7) == ((EQUAL, "one two"), (DELETE, " three"))
    assert part_runs(runs, 8, 18) == ((INSERT, "four"), (EQUAL, " five"))


class _V:
    def __init__(self, id, symbol=None, stage=None, date=None):
        self.id, self.symbol, self.stage, self.date = id, symbol, stage, date


def test_negotiation_order_of_a_family() -> None:
    versions = [
        _V(1, "A/RES/80/4", "adopted", "2025-10-29"),
        _V(2, "A/80/L.6/Rev.1", "Rev.1", "2025-10-20"),
        _V(3, None, "zero draft", None),
        _V(4, "A/80/L.6", "L-document", "2025-10-07"),
        _V(5, None, "Rev.2", "2025-09-30"),
        _V(6, "A/RES/79/7", "adopted", "2024-10-30"),
        _V(7, None, "Rev.1", "2025-09-20"),
    ]
    assert [v.id for v in order_versions(versions)] == [6, 3, 7, 5, 4, 2, 1]
    assert session_of("A/C.1/80/L.2", None) == 80
    assert session_of(None, "2026-03-01") == 80 and session_of(None, "2025-09-20") == 80
    assert session_of("A/RES/46/182", "1991-12-19") == 46


def test_versions_describe_the_columns() -> None:
    cols = [HistoryVersion("A/80/L.6", "2025-10-07", "L-document", "L6.txt")]
    h = build_history([res(A)], cols)
    data = h.to_json()
    assert data["versions"][0]["symbol"] == "A/80/L.6"
    assert set(data["threads"][0]["steps"][0]) >= {
        "version",
        "id",
        "number",
        "kind",
        "change",
        "text",
    }


# -- a property on chains of perturbed real texts ----------------------------------------

words = st.sampled_from(["States", "decides", "report", "the", "migration", "urges", "of"])
para = st.lists(words, min_size=1, max_size=10).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(para, max_size=8), min_size=1, max_size=4))
def test_every_paragraph_once_for_any_versions(versions) -> None:
    texts = [res(*v) for v in versions]
    h = build_history(texts)
    check_history(h, texts)
    for v, r in enumerate(texts):
        for p in r.paragraphs:
            spans = blame(h, v, p.id)
            assert "".join(p.text[s.start : s.end] for s in spans) == p.text
            assert all(0 <= s.version <= v for s in spans)


def test_chain_of_perturbed_real_texts() -> None:
    """Six rounds of negotiation (edits, moves, splits, merges, insertions, deletions)
    on a real resolution: the threads follow the truth of each round."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from _corpus import as_resolution, documents, insertion_pool, perturb
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rng = random.Random(5)
    doc = max(documents(), key=lambda d: len(d.paragraphs))
    pool = insertion_pool(doc)
    texts, truths = [list(doc.paragraphs)], []
    for _ in range(5):
        new, truth = perturb(texts[-1], rng, pool, edit_rate=0.15, splits=1, merges=1)
        texts.append(new)
        truths.append(truth)
    versions = [as_resolution(t, symbol=f"R{i}") for i, t in enumerate(texts)]
    h = build_history(versions)
    check_history(h, versions)
    kinds = {s.change for t in h.threads for s in t.steps}
    assert {Change.SPLIT, Change.MERGED, Change.MOVED, Change.INSERTED, Change.DELETED} <= kinds
    right = total = 0
    for v, truth in enumerate(truths, start=1):
        for n, olds in enumerate(truth.origins):
            _thread, step = h.locate(v, n)
            if len(olds) == 1:  # 1:1 and split parts: the step came from that paragraph
                total += 1
                right += step.sources == tuple(olds) or olds[0] in step.sources
    assert right >= 0.95 * total
