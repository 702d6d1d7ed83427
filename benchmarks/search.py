"""Library import throughput and search latency on a large synthetic library.

    .venv/bin/python benchmarks/search.py [--versions 10000] [--db PATH] [--queries 60]

Builds (or reuses, with --db) a library of synthetic versions made from the real ga80
paragraphs: each version takes one resolution's paragraphs, drops and borrows some,
and edits a few words, the way drafts differ from one another, so the index holds
~50 paragraphs per version (10,000 versions: ~500,000 paragraphs) with realistic
repetition. Prints import throughput, then the median / p90 / max time of searches
for phrases taken from the corpus (plain, exact-phrase, NEAR and prefix queries), and
of "find precedents". Target: median search under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.ingest import load  # noqa: E402
from drafter.model import Paragraph, ParaKind, Resolution  # noqa: E402
from drafter.store import Library  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ga80" / "md"
WORD = re.compile(r"[A-Za-z]{4,}")
EDITS = ["urges", "encourages", "calls upon", "invites", "requests", "further", "also", "strongly"]


def base_texts() -> list[Resolution]:
    return [load(p) for p in sorted(CORPUS.glob("*.md"))]


def synthetic(i: int, bases: list[Resolution], pool: list[str], rng: random.Random) -> Resolution:
    base = bases[i % len(bases)]
    texts = [p.text for p in base.paragraphs if rng.random() > 0.15]
    for _ in range(rng.randint(1, 6)):
        texts.insert(rng.randrange(len(texts) + 1), rng.choice(pool))
    while len(texts) < 45:
        texts.append(rng.choice(pool))
    texts = texts[:60]
    edited = []
    for t in texts:
        if rng.random() < 0.2:
            words = t.split()
            k = rng.randrange(len(words))
            words[k] = rng.choice(EDITS)
            t = " ".join(words)
        edited.append(t)
    paras = tuple(
        Paragraph(id=k, kind=ParaKind.OPERATIVE, number=str(k + 1), text=t)
        for k, t in enumerate(edited)
    )
    return Resolution(
        symbol=f"A/SYN/{i // 100}/L.{i % 100}",
        title=f"{base.title or 'Untitled'} (synthetic {i})",
        date=None,
        paragraphs=paras,
    )


def queries(pool: list[str], rng: random.Random, n: int) -> list[str]:
    fixed = [
        "nuclear-weapon-free zone",
        '"small arms and light weapons"',
        "safe, orderly and regular migration",
        "cluster NEAR/3 munitions",
        "disarm* verification",
        '"Treaty on the Non-Proliferation of Nuclear Weapons"',
    ]
    out = list(fixed)
    while len(out) < n:
        words = rng.choice(pool).split()
        if len(words) < 8:
            continue
        k = rng.randrange(len(words) - 4)
        phrase = " ".join(words[k : k + rng.randint(2, 4)])
        out.append(phrase if rng.random() < 0.5 else f'"{phrase}"')
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--versions", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="library file to build or reuse (default: a temp file)")
    ap.add_argument("--queries", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(80)
    bases = base_texts()
    pool = [p.text for r in bases for p in r.paragraphs if len(p.text) > 60]
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "bench.db"
    with Library.open(args.db) as lib:
        have = len(lib.versions())
        if have < args.versions:
            t0 = time.perf_counter()
            paragraphs = 0
            for i in range(have, args.versions):
                res = synthetic(i, bases, pool, rng)
                lib.add_resolution(res, carry=False)
                paragraphs += len(res.paragraphs)
                if (i + 1) % 1000 == 0:
                    el = time.perf_counter() - t0
                    print(f"  {i + 1} versions, {el:.0f} s", flush=True)
            el = time.perf_counter() - t0
            n = args.versions - have
            print(
                f"import: {n} versions, {paragraphs} paragraphs in {el:.1f} s: "
                f"{n / el:.0f} versions/s, {paragraphs / el:.0f} paragraphs/s"
            )
        total = sum(v.paragraph_count for v in lib.versions())
        print(
            f"library: {len(lib.versions())} versions, {total} paragraphs, "
            f"{args.db.stat().st_size / 1e6:.0f} MB"
        )
        qs = queries(pool, rng, args.queries)
        lib.search("warm up the cache", limit=10)
        timed = []
        for q in qs:
            t = time.perf_counter()
            hits = lib.search(q, limit=50)
            timed.append(((time.perf_counter() - t) * 1000, q))
            assert hits or q.startswith('"'), q
        timed.sort()
        times = [t for t, _ in timed]
        print(
            f"search ({len(qs)} queries, 50 hits): median {statistics.median(times):.1f} ms, "
            f"p90 {times[int(len(times) * 0.9)]:.1f} ms, max {times[-1]:.1f} ms"
        )
        print("  slowest:", "; ".join(f"{q!r} {t:.0f} ms" for t, q in timed[-3:]))
        ptimes = []
        for text in rng.sample(pool, 15):
            t = time.perf_counter()
            lib.precedents(text, limit=20)
            ptimes.append((time.perf_counter() - t) * 1000)
        print(
            f"precedents ({len(ptimes)} paragraphs): median {statistics.median(ptimes):.1f} ms, "
            f"max {max(ptimes):.1f} ms"
        )
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
