"""Absurd content stays bounded: wrapping a huge word, painting it, waiting for a lock.

Times, with peak memory (ru_maxrss):
  * ``drafter parse`` of a text whose paragraph is one N MB word (the linear wrap;
    textwrap needed 25 s for 4 MB, the issue saw 87 s for 16 MB);
  * the comparison view's cell for a paragraph that is one N MB word: building its
    HTML and painting the window (before the display cut: a freeze at 2.3 GB);
Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/hostile_input.py [--mb 16] [--gui-mb 50]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def parse_huge_word(mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "word.txt"
        path.write_text(f"The General Assembly,\n\n1. Decides {'x' * (mb * 1_000_000)}\n")
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "drafter", "parse", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        took = time.perf_counter() - t
    print(
        f"parse, one {mb} MB word: {took:.1f} s, exit {proc.returncode}, "
        f"peak {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )


def paint_huge_word(mb: int) -> None:
    from PySide6.QtWidgets import QApplication

    from drafter.gui.comparison_model import NEW, ComparisonModel, HtmlRole
    from drafter.gui.comparison_view import ComparisonView
    from drafter.model import EQUAL, Comparison, Pair, PairKind, Paragraph, ParaKind, Resolution

    app = QApplication.instance() or QApplication([])
    text = "Decides " + "x" * (mb * 1_000_000)
    par = Paragraph(0, ParaKind.OPERATIVE, "1", text)
    res = Resolution("A/BENCH/1", None, None, (par,))
    cmp = Comparison(res, res, (Pair(PairKind.UNCHANGED, (0,), (0,), 1.0, ((EQUAL, text),)),))
    t = time.perf_counter()
    html = ComparisonModel(cmp).data(ComparisonModel(cmp).index(0, NEW), HtmlRole)
    built = time.perf_counter() - t
    view = ComparisonView(cmp)
    view.resize(1200, 800)
    view.show()
    t = time.perf_counter()
    view.grab()
    app.processEvents()
    painted = time.perf_counter() - t
    print(
        f"view, one {mb} MB word: cell HTML {len(html):,} chars in {built:.2f} s, "
        f"painted in {painted:.2f} s, peak {_peak_mb():.0f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=16, help="size of the word for parse (16)")
    ap.add_argument("--gui-mb", type=int, default=50, help="size of the word for the view (50)")
    args = ap.parse_args()
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    parse_huge_word(args.mb)
    paint_huge_word(args.gui_mb)


if __name__ == "__main__":
    main()
