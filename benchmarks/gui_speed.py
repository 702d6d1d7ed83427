"""How fast the comparison view shows a large comparison, and how smoothly it scrolls.

Builds a 1,000+-pair comparison from real resolution text (benchmarks/_corpus.py),
then times, offscreen: creating the view and showing its first screen (target:
under 1.5 s), scrolling page by page through the whole comparison, jumping with
next-change, and switching to the redline view. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_speed.py [--pairs 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import as_resolution, perturb, synthetic_paragraphs

import drafter.gui  # noqa: F401  (PySide6 work-arounds first)
from drafter.compare import compare


def build(pairs: int, seed: int = 7):
    rng = random.Random(seed)
    old_texts = synthetic_paragraphs(pairs, rng, words=70)
    pool = synthetic_paragraphs(200, rng, words=60)
    new_texts, _truth = perturb(old_texts, rng, pool)
    old = as_resolution(old_texts, symbol="A/BENCH/old", operative_from=pairs // 5)
    new = as_resolution(new_texts, symbol="A/BENCH/new", operative_from=pairs // 5)
    t = time.perf_counter()
    cmp = compare(old, new)
    return cmp, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=1000)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from drafter.gui.comparison_view import ComparisonView

    app = QApplication.instance() or QApplication([])
    cmp, t_compare = build(args.pairs)
    print(
        f"comparison: {len(cmp.pairs)} pairs, {cmp.summary['changes']} changes "
        f"(engine compare took {t_compare:.2f} s, not part of the GUI timing)"
    )

    t0 = time.perf_counter()
    view = ComparisonView(cmp)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    view.view.viewport().repaint()
    t_first = time.perf_counter() - t0
    print(f"first screen: {t_first * 1000:.0f} ms (target < 1500 ms)")

    t = time.perf_counter()
    while view.text_delegate.refining:
        app.processEvents()
    print(
        f"exact row heights for the rest, computed in idle time: {time.perf_counter() - t:.2f} s "
        "(the window stays responsive meanwhile)"
    )

    bar = view.view.verticalScrollBar()
    step = max(1, bar.pageStep())
    times = []
    pos = 0
    while pos < bar.maximum():
        pos = min(bar.maximum(), pos + step)
        t = time.perf_counter()
        bar.setValue(pos)
        view.view.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - t)
    times_ms = sorted(x * 1000 for x in times)
    print(
        f"scrolling {len(times)} pages: median {statistics.median(times_ms):.1f} ms, "
        f"95th {times_ms[int(len(times_ms) * 0.95) - 1]:.1f} ms, worst {times_ms[-1]:.1f} ms per page"
    )

    view.view.setCurrentIndex(view.proxy.index(-1, 0))
    t = time.perf_counter()
    n = 0
    while n < 200 and view.next_change():
        view.view.viewport().repaint()
        n += 1
    app.processEvents()
    print(f"next change x{n}: {(time.perf_counter() - t) / max(n, 1) * 1000:.1f} ms each")

    t = time.perf_counter()
    view.set_redline(True)
    app.processEvents()
    view.view.viewport().repaint()
    print(f"switch to redline view: {(time.perf_counter() - t) * 1000:.0f} ms")

    t = time.perf_counter()
    view.set_filter("changes")
    app.processEvents()
    view.view.viewport().repaint()
    print(f"filter to changes only: {(time.perf_counter() - t) * 1000:.0f} ms")
    view.close()
    return 0 if t_first < 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
