"""How fast a negotiation history is built: 10 versions of 300 paragraphs (target ≤ 2 s).

The first version is 300 real paragraphs of the ga80 resolutions (benchmarks/_corpus.py);
each next version is the previous one after a round of negotiation made by
:func:`_corpus.perturb` (word edits, moves, splits, merges, insertions, deletions).
Timed: ``build_history`` over the ten versions (its nine comparisons included), then a
blame of every paragraph of the last version; with ``--gui``, the history view's
grid opening on that history, offscreen (target ≤ 1 s to the first painted screen,
the panes of the first changed cell included). Run:

    .venv/bin/python benchmarks/history_speed.py [--versions 10] [--paragraphs 300] [--gui]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import as_resolution, documents, perturb

from drafter.history import blame, build_history

TARGET_S = 2.0
GUI_TARGET_S = 1.0


def family(versions: int, paragraphs: int, seed: int = 3):
    """``versions`` Resolutions of one text of ``paragraphs`` real paragraphs."""
    rng = random.Random(seed)
    docs = list(documents())
    rng.shuffle(docs)
    first: list[str] = []
    for d in docs:
        first.extend(p for p in d.paragraphs if p not in first)
        if len(first) >= paragraphs:
            break
    first = first[:paragraphs]
    used = set(first)
    pool = [p for d in docs for p in d.paragraphs if p not in used and len(p.split()) >= 8]
    texts = [first]
    for _ in range(versions - 1):
        new, _truth = perturb(
            texts[-1],
            rng,
            pool,
            edit_rate=0.12,
            delete_rate=0.03,
            insert_rate=0.03,
            move_rate=0.02,
            splits=2,
            merges=2,
        )
        texts.append(new)
    return [
        as_resolution(t, symbol=f"A/BENCH/L.1/Rev.{i}", operative_from=len(t) // 4)
        for i, t in enumerate(texts)
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--versions", type=int, default=10)
    ap.add_argument("--paragraphs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gui", action="store_true", help="also time the history view's grid")
    args = ap.parse_args()

    texts = family(args.versions, args.paragraphs)
    sizes = [len(t.paragraphs) for t in texts]
    print(f"{len(texts)} versions of {min(sizes)}–{max(sizes)} paragraphs")
    times, cpu = [], []
    history = None
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        history = build_history(texts)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    assert history is not None
    s = history.summary
    print(
        f"{s['threads']} threads; {s['modified']} modified, {s['moved']} moved, "
        f"{s['split']} split, {s['merged']} merged, {s['inserted']} inserted, "
        f"{s['deleted']} deleted steps"
    )
    best, median = min(times), statistics.median(times)
    verdict = "OK" if median <= TARGET_S else "TOO SLOW"
    print(
        f"build_history: median {median:.2f} s, best {best:.2f} s over {args.repeat} runs "
        f"(target ≤ {TARGET_S:.0f} s) {verdict}; CPU time {statistics.median(cpu):.2f} s "
        "(what the wall time would be on an idle machine)"
    )
    last = len(texts) - 1
    t = time.perf_counter()
    for p in texts[-1].paragraphs:
        blame(history, last, p.id)
    per = (time.perf_counter() - t) / len(texts[-1].paragraphs)
    print(f"blame: {per * 1000:.1f} ms per paragraph of the last version")
    t = time.perf_counter()
    history.to_json()
    print(f"to_json: {time.perf_counter() - t:.2f} s")
    ok = median <= TARGET_S
    if args.gui:
        ok = gui(history, args.repeat) and ok
    return 0 if ok else 1


def gui(history, repeat: int) -> bool:
    """Time HistoryView from the built history to its first painted screen."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import drafter.gui  # noqa: F401  (PySide6 work-arounds first)
    from drafter.gui.history_view import HistoryData, HistoryView

    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        view = HistoryView(HistoryData(history))
        view.resize(1400, 900)
        view.show()
        app.processEvents()
        view.grid.viewport().repaint()
        times.append(time.perf_counter() - t)
        view.close()
        view.deleteLater()
        app.processEvents()
    median = statistics.median(times)
    verdict = "OK" if median <= GUI_TARGET_S else "TOO SLOW"
    print(
        f"history view, first screen: median {median * 1000:.0f} ms over {repeat} runs "
        f"(target ≤ {GUI_TARGET_S * 1000:.0f} ms) {verdict}"
    )
    # scrolling page by page through the whole grid
    view = HistoryView(HistoryData(history))
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    bar = view.grid.verticalScrollBar()
    pages = []
    while bar.value() < bar.maximum():
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.grid.viewport().repaint()
        pages.append(time.perf_counter() - t)
    if pages:
        print(f"scrolling: {len(pages)} pages, worst {max(pages) * 1000:.0f} ms")
    return median <= GUI_TARGET_S


if __name__ == "__main__":
    raise SystemExit(main())
