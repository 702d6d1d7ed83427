"""Agreed-language provenance: query time and index size on a large library.

    .venv/bin/python benchmarks/provenance.py [--docs 20000] [--db PATH] [--queries 5]

Builds (or reuses, with --db) a library of ``--docs`` documents made from the real texts
of the corpus (the ga80 library, 67/219, the families and the negotiation drafts):
copy *c* of a text gets its own symbol and one word of every paragraph changed, so every
wording is distinct (20,000 documents: ~1 M paragraphs, ~1 M distinct wordings) while
their word runs repeat across copies as agreed language does. Then it asks for the
provenance of real drafts of ~200 paragraphs (several corpus texts joined) and prints
the CPU and wall time of each query, the index's size (dbstat) against the rest of the
library, and the build throughput.

Targets (issue 16): a 200-paragraph draft answers in <= 2 s; the index adds <= 1.5x the
library's size without it.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import CORPUS  # noqa: E402
from drafter.ingest import load  # noqa: E402
from drafter.model import ParaKind, Resolution  # noqa: E402
from drafter.store import Library  # noqa: E402
from drafter.store import versions as _versions  # noqa: E402


def base_texts() -> list[Resolution]:
    paths = sorted((CORPUS / "ga80" / "md").glob("*.md"))
    paths += sorted((CORPUS / "negotiation").glob("*/*.txt"))
    paths += sorted((CORPUS / "families").glob("*/*.md"))
    paths.append(CORPUS / "A_RES_67_219.pdf.txt")
    out = []
    for p in paths:
        res = load(p)
        if len(res.paragraphs) >= 10:
            out.append(res)
    return out


def distinct_copy(res: Resolution, c: int) -> Resolution:
    paras = []
    for p in res.paragraphs:
        words = p.text.split()
        if p.kind != ParaKind.HEADING and len(words) > 3:
            k = (c * 7 + p.id) % len(words)
            words[k] = f"{words[k]}{c}x"
        paras.append(replace(p, text=" ".join(words)))
    return replace(res, symbol=f"A/RES/{900 + c // 1000}/{c % 1000}", paragraphs=tuple(paras))


def build(lib: Library, bases: list[Resolution], docs: int) -> float:
    start = time.perf_counter()
    for c in range(docs):
        res = distinct_copy(bases[c % len(bases)], c)
        _versions.insert_version(
            lib._cx,
            res,
            sha256=f"{c:064x}",
            family_id=None,
            stage="adopted",
            source=f"copy-{c}",
            new_family=True,
        )
        if c % 1000 == 999:
            rate = (c + 1) / (time.perf_counter() - start)
            print(f"  built {c + 1} documents ({rate:.0f}/s)", flush=True)
    return time.perf_counter() - start


def sizes(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    conn.close()
    index = rows.get("shingles", 0)
    return index, sum(rows.values()) - index


def drafts(bases: list[Resolution], n: int) -> list[Resolution]:
    """Drafts of ~200 body paragraphs: real texts joined, as an omnibus text would be."""
    out = []
    for q in range(n):
        paras = []
        i = q * 5
        while len(paras) < 200:
            base = bases[i % len(bases)]
            paras += [p for p in base.paragraphs if p.kind != ParaKind.HEADING]
            i += 1
        paras = [replace(p, id=k) for k, p in enumerate(paras[:200])]
        out.append(replace(bases[0], symbol=f"A/81/L.{q + 1}", paragraphs=tuple(paras)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--db", type=Path, help="reuse (or build once into) this library")
    ap.add_argument("--queries", type=int, default=5)
    args = ap.parse_args()
    bases = base_texts()
    print(f"{len(bases)} real texts as bases")
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "library.db"
    fresh = not args.db.exists()
    lib = Library.open(args.db)
    if fresh:
        print(f"building a library of {args.docs} documents in {args.db}")
        took = build(lib, bases, args.docs)
        print(f"built in {took:.0f} s ({args.docs / took:.0f} documents/s, index included)")
    paragraphs = lib._cx.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    wordings = lib._cx.conn.execute("SELECT count(*) FROM wordings").fetchone()[0]
    docs = lib._cx.conn.execute("SELECT count(*) FROM versions").fetchone()[0]
    print(f"library: {docs} documents, {paragraphs} paragraphs, {wordings} distinct wordings")
    cpu, wall = [], []
    for draft in drafts(bases, args.queries):
        t0, c0 = time.perf_counter(), time.process_time()
        result = lib.provenance(draft)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        print(
            f"  {len(draft.paragraphs)} paragraphs: {wall[-1]:.2f} s wall, {cpu[-1]:.2f} s CPU, "
            f"{round(100 * result.agreed_share)}% agreed"
        )
    lib.close()
    index, rest = sizes(args.db)
    print(
        f"query: median {statistics.median(wall):.2f} s wall, max {max(wall):.2f} s; "
        f"median {statistics.median(cpu):.2f} s CPU (target <= 2 s)"
    )
    print(
        f"index: {index / 2**20:.1f} MiB against {rest / 2**20:.1f} MiB for the rest of the "
        f"library: x{index / rest:.2f} (target <= 1.5)"
    )
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
