"""Issue 13 benchmark: the long hostile-input sweep, each case in its own process.

The cases are those of ``tests/safety/test_fuzz_mutants.py`` (real corpus files mutated: bytes
flipped, files and zip members cut short, XML made hostile, absurd list numbering,
decompression bombs, hostile notes JSON), many more of them, each run as
``drafter import`` / ``drafter notes import`` in a fresh process with limits: 30 s of
CPU (the issue's bound; a case over it is a hang), 2 GB of memory, and a wall-clock
limit (default 180 s: on a shared machine the wall clock measures the neighbours). Every tenth case is also killed with SIGKILL part-way through.
After every case the library must pass its integrity checks and hold every note it
held before.

    .venv/bin/python benchmarks/fuzz_sweep.py [--cases N] [--seed S] [--timeout S]

Prints the counts the issue asks for: cases, normal results, clean errors (exit 2, one
line), tracebacks, hangs, data lost. Exit 0 only when the last three are zero.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "safety"))
CORPUS = Path(os.environ.get("DRAFTER_CORPUS", ROOT.parent / "shared" / "corpus"))
MEMORY_LIMIT = 2 * 1024**3  # address space per case
CPU_LIMIT_S = 30


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S + 5))


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _state(db: Path) -> tuple[list[str], set[str]]:
    from drafter.store import Library

    with Library.open(db) as lib:
        problems = lib.integrity_check()
        notes = {n.id for v in lib.versions() for n in lib.notes(v.id)}
    return problems, notes


def run_case(argv: list[str], timeout: float, kill_after: float | None) -> tuple[str, str, float]:
    """(outcome, detail, CPU seconds) of one command in a fresh process."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    t0 = _children_cpu()
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=_limit,
    )
    try:
        _out, err = proc.communicate(timeout=kill_after or timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        if kill_after:
            return "killed", "", _children_cpu() - t0
        return "hang", f"no answer within {timeout:.0f} s", _children_cpu() - t0
    took = _children_cpu() - t0
    if proc.returncode == -signal.SIGXCPU:
        return "hang", f"over {CPU_LIMIT_S} s of CPU", took
    if proc.returncode == 0:
        return "ok", "", took
    one_line = err.count("\n") == 1 and err.startswith("drafter: ")
    if proc.returncode == 2 and one_line and "Traceback" not in err:
        return "clean error", err.strip(), took
    return "traceback", f"exit {proc.returncode}: {err.strip()[-400:]}", took


def main() -> int:
    import fuzz_cases as fuzz

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--timeout", type=float, default=180.0, help="wall-clock seconds per case")
    ap.add_argument("--kill-every", type=int, default=10, help="SIGKILL every Nth case (0: never)")
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    worst: list[tuple[float, str]] = []
    failures: list[str] = []
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="drafter-fuzz-") as tmp:
        folder = Path(tmp)
        seeds = fuzz.make_seeds(CORPUS, ROOT / "resources" / "samples", folder)
        db = folder / "seed.db"
        problems, notes = _state(db)
        assert not problems
        t_start = time.perf_counter()
        for n, case in enumerate(fuzz.cases(seeds, args.cases, seed=args.seed)):
            path = folder / f"case{case.suffix}"
            path.write_bytes(case.data)
            argv = (["import", "--db", str(db), str(path)] if case.kind == "file"
                    else ["notes", "import", "--db", str(db), str(path)])  # fmt: skip
            kill = rng.uniform(0.2, 1.5) if args.kill_every and n % args.kill_every == 0 else None
            outcome, detail, took = run_case(argv, args.timeout, kill)
            counts[outcome] += 1
            by_kind[f"{case.name.split('#')[0]} {outcome}"] += 1
            worst.append((took, case.name))
            if outcome in ("traceback", "hang"):
                failures.append(f"{case.name}: {outcome} {detail}")
            problems, now = _state(db)
            lost = notes - now
            if problems or lost:
                counts["data lost"] += 1
                failures.append(f"{case.name}: integrity {problems[:2]}, lost {len(lost)} notes")
            notes = now
            if (n + 1) % 50 == 0:
                print(f"  {n + 1} cases, {time.perf_counter() - t_start:.0f} s", flush=True)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("outcome by seed and mutation:")
    for key, c in sorted(by_kind.items()):
        print(f"  {key:40s} {c}")
    worst.sort(reverse=True)
    print("slowest (CPU):", ", ".join(f"{name} {s:.1f} s" for s, name in worst[:5]))
    print(f"largest case memory: {kids.ru_maxrss / 1024:.0f} MB")
    for line in failures[:30]:
        print("FAIL", line)
    total = sum(counts[k] for k in ("ok", "clean error", "traceback", "hang", "killed"))
    print(
        f"cases {total}: normal {counts['ok']}, clean errors {counts['clean error']}, "
        f"killed on purpose {counts['killed']}, tracebacks {counts['traceback']}, "
        f"hangs {counts['hang']}, data lost {counts['data lost']}"
    )
    return 0 if not (counts["traceback"] or counts["hang"] or counts["data lost"]) else 1


if __name__ == "__main__":
    sys.exit(main())
