"""Word-diff time limits count CPU time, so a busy machine never changes a result (issue 11)."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.compare.inline import word_diff
from drafter.ingest import load


def _texts(corpus: Path) -> tuple[str, str]:
    a = load(corpus / "A_RES_67_219.pdf.txt")
    b = load(corpus / "A_RES_68_4.md")
    # Two unrelated passages of ~2,500 characters: a long, slow word diff.
    return " ".join(p.text for p in a.paragraphs[4:14]), " ".join(
        p.text for p in b.paragraphs[4:14]
    )


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_fast_running_wall_clock_changes_nothing(corpus: Path, monkeypatch):
    """The wall clock runs 50x faster than this thread's work, as on a loaded machine."""
    a, b = _texts(corpus)
    start = time.thread_time()
    word_diff(a, b)
    timeout = max(0.5, 5 * (time.thread_time() - start))
    # (A timeout also lets diff-match-patch take its half-match shortcut: compare like
    # with like.)
    exact, approximate = word_diff(a, b, timeout=timeout)
    assert not approximate
    real_time = time.time
    origin = real_time()
    monkeypatch.setattr(time, "time", lambda: origin + 50 * (real_time() - origin))
    runs, approximate = word_diff(a, b, timeout=timeout)
    assert not approximate and runs == exact


def test_real_load_gives_the_same_comparison(corpus: Path):
    old = load(corpus / "families/cuba-embargo/A_RES_73_8-EN.pdf")
    new = load(corpus / "families/cuba-embargo/A_RES_80_4.md")
    quiet = compare(old, new)
    ctx = multiprocessing.get_context("spawn")
    spinners = [ctx.Process(target=_spin, args=(8.0,)) for _ in range(4)]
    for p in spinners:
        p.start()
    try:
        busy = compare(old, new)
    finally:
        for p in spinners:
            p.terminate()
            p.join()
    assert busy == quiet


@pytest.mark.parametrize("seconds", [0.0, 0.05])
def test_cpu_deadline_expires_on_work_not_on_sleep(seconds):
    from drafter.compare.inline import CpuDeadline

    d = CpuDeadline(seconds + 0.02)
    time.sleep(0.1)  # sleeping spends no CPU
    assert not d.expired()
    start = time.thread_time()
    while time.thread_time() < start + seconds + 0.05:  # work: this thread's CPU
        pass
    assert d.expired()
    assert time.time() > d  # how diff-match-patch asks
