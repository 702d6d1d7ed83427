"""A bounded fuzz loop over real files: every mutant gets a one-line error (exit 2) or
imports normally, within the hang limit, and the library stays intact after each.

The same loop, longer and with each case in its own process, is
``benchmarks/fuzz_sweep.py``.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import fuzz_cases as fuzz
import pytest

from drafter.cli import main
from drafter.store import Library

CASES = 30
BUDGET_S = 8.0  # CPU seconds; the loop stops early past it (a loaded CI machine)
HANG_S = 30


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang()


def _library_state(db: Path) -> tuple[int, dict[str, str]]:
    with Library.open(db) as lib:
        assert lib.integrity_check() == []
        versions = lib.versions()
        notes = {n.id: n.body for v in versions for n in lib.notes(v.id)}
        return len(versions), notes


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM bounds each case")
def test_fuzz_loop_gives_one_line_errors_and_keeps_the_library(
    tmp_path: Path, corpus: Path, samples: Path, capsys
) -> None:
    seeds = fuzz.make_seeds(corpus, samples, tmp_path)
    db = tmp_path / "seed.db"
    versions, notes = _library_state(db)
    assert len(notes) == 6
    old = signal.signal(signal.SIGALRM, _alarm)
    problems: list[str] = []
    ran, clean, start = 0, 0, time.process_time()
    try:
        for case in fuzz.cases(seeds, CASES, seed=13, bomb_mb=(8,)):
            if time.process_time() - start > BUDGET_S and ran >= CASES // 3:
                break
            path = tmp_path / f"case{ran}{case.suffix}"
            path.write_bytes(case.data)
            argv = (["import", "--db", str(db), str(path)] if case.kind == "file"
                    else ["notes", "import", "--db", str(db), str(path)])  # fmt: skip
            capsys.readouterr()
            signal.alarm(HANG_S)
            try:
                code = main(argv)
            except Hang:
                problems.append(f"{case.name}: no answer within {HANG_S} s")
                continue
            except BaseException as exc:  # anything escaping main() is a traceback
                problems.append(f"{case.name}: {type(exc).__name__}: {exc}"[:300])
                continue
            finally:
                signal.alarm(0)
                ran += 1
            err = capsys.readouterr().err
            if code == 2:
                clean += 1
                if err.count("\n") != 1 or not err.startswith("drafter: "):
                    problems.append(f"{case.name}: not one line: {err[:300]!r}")
            elif code != 0:
                problems.append(f"{case.name}: exit {code}: {err[:300]!r}")
            now_versions, now_notes = _library_state(db)
            lost = set(notes) - set(now_notes)
            if lost or now_versions < versions:
                problems.append(f"{case.name}: lost {len(lost)} notes")
            versions, notes = now_versions, now_notes
    finally:
        signal.signal(signal.SIGALRM, old)
    print(f"fuzz: {ran} cases, {clean} clean errors, {ran - clean} imported")
    assert not problems, "\n".join(problems)
    assert ran >= CASES // 3 and clean >= ran // 3, (ran, clean)
