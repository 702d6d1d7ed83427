"""Alignment quality on perturbed real texts with known truth.

Usage: ``python benchmarks/alignment_quality.py [--seeds N] [--docs N]``

Each run takes a real resolution from the ga80 library, makes a new version of it
(benchmarks/_corpus.py: word edits in about a quarter of the paragraphs, ~8% deleted,
~8% inserted from other resolutions, ~5% moved at least three places, two splits, two
merges, operatives renumbered), aligns old and new, and scores:

* links: (old id, new id) pairs the aligner put together, against the truth;
* moves: old ids reported MOVED, against the paragraphs that were moved.

A plain difflib paragraph diff (SequenceMatcher over paragraph texts, replace blocks
paired in order) is scored the same way for scale. Targets: link F1 >= 0.99, move
precision and recall >= 0.97.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import as_resolution, documents, insertion_pool, perturb

from drafter.compare import compare
from drafter.model import PairKind


def predicted(old, new) -> tuple[set[tuple[int, int]], set[int], dict[str, int]]:
    cmp = compare(old, new)
    links = {(o, n) for p in cmp.pairs for o in p.old for n in p.new}
    moves = {o for p in cmp.pairs if p.kind == PairKind.MOVED for o in p.old}
    return links, moves, cmp.summary


def difflib_links(old: list[str], new: list[str]) -> set[tuple[int, int]]:
    links = set()
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                links.add((i1 + k, j1 + k))
    return links


def prf(pred: set, truth: set) -> tuple[int, int, int]:
    tp = len(pred & truth)
    return tp, len(pred), len(truth)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10, help="random seeds per document")
    ap.add_argument("--docs", type=int, default=0, help="number of documents (0 = all)")
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument(
        "--edit-share",
        default="0.04,0.12",
        metavar="LO,HI",
        help="share of an edited paragraph's words changed (default 0.04,0.12; "
        "try 0.4,0.6 for heavy rewriting)",
    )
    args = ap.parse_args(argv)

    lo, hi = (float(x) for x in args.edit_share.split(","))
    share = (lo, hi)
    docs = documents()
    if args.docs:
        docs = docs[: args.docs]
    tot = {"link": [0, 0, 0], "move": [0, 0, 0], "difflib": [0, 0, 0]}
    runs = 0
    started = time.perf_counter()
    for d_index, doc in enumerate(docs):
        pool = insertion_pool(doc)
        for seed in range(args.seeds):
            rng = random.Random(seed * 1000 + d_index)
            new_paras, truth = perturb(list(doc.paragraphs), rng, pool, edit_share=share)
            split_at = len(doc.paragraphs) // 3
            old = as_resolution(list(doc.paragraphs), operative_from=split_at)
            new = as_resolution(new_paras, operative_from=split_at)
            links, moves, _ = predicted(old, new)
            for key, pred, true in (
                ("link", links, truth.links),
                ("move", moves, truth.moved),
                ("difflib", difflib_links(list(doc.paragraphs), new_paras), truth.links),
            ):
                tp, np_, nt = prf(pred, true)
                tot[key][0] += tp
                tot[key][1] += np_
                tot[key][2] += nt
            if args.verbose and (links != truth.links or moves != truth.moved):
                print(f"{doc.name} seed {seed}:")
                for o, n in sorted(links - truth.links):
                    print(
                        f"  false link {o}->{n}: {old.paragraphs[o].text[:60]!r} / {new.paragraphs[n].text[:60]!r}"
                    )
                for o, n in sorted(truth.links - links):
                    print(
                        f"  missed link {o}->{n}: {old.paragraphs[o].text[:60]!r} / {new.paragraphs[n].text[:60]!r}"
                    )
                for o in sorted(moves - truth.moved):
                    print(f"  false move {o}: {old.paragraphs[o].text[:60]!r}")
                for o in sorted(truth.moved - moves):
                    print(f"  missed move {o}: {old.paragraphs[o].text[:60]!r}")
            runs += 1
    elapsed = time.perf_counter() - started
    print(f"{runs} perturbed versions of {len(docs)} real texts ({elapsed:.1f} s)")
    for key, label in (("link", "Drafter links"), ("difflib", "difflib links")):
        tp, np_, nt = tot[key]
        p, r = ratio(tp, np_), ratio(tp, nt)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:14}  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")
    tp, np_, nt = tot["move"]
    print(
        f"{'Drafter moves':14}  precision {ratio(tp, np_):.4f}  recall {ratio(tp, nt):.4f}  ({nt} true moves)"
    )
    print("difflib finds no moves.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
