"""Crash safety and concurrency, with real processes.

A process killed with SIGKILL in the middle of an import or a note write must leave
a library that opens, passes the integrity checks and holds everything committed
before the kill; two processes writing at once must both succeed, nothing lost.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import make_resolution

from drafter.store import Library

WORKER = Path(__file__).with_name("store_worker.py")
KILLS_PER_MODE = 9


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add_resolution(
            make_resolution([(None, "Recalling,"), ("1", "Urges;"), ("2", "Decides.")])
        )
    return path


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("mode", ["notes", "import"])
def test_sigkill_mid_write_loses_nothing_committed(tmp_path: Path, mode: str) -> None:
    path = _library(tmp_path)
    rng = random.Random(4)
    promised: list[str] = []
    for _ in range(KILLS_PER_MODE):
        proc = _spawn(str(path), mode, "0")
        assert proc.stdout is not None
        wanted = rng.randint(1, 12 if mode == "notes" else 3)
        lines = [proc.stdout.readline() for _ in range(wanted)]
        time.sleep(rng.random() * 0.02)  # land somewhere inside the next write
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL, err
        # Only whole lines are promises: the kill may cut the last one mid-print.
        whole = [ln for ln in lines + rest.splitlines(keepends=True) if ln.endswith("\n")]
        promised += [ln.split()[1] for ln in whole if len(ln.split()) == 2]
    with Library.open(path) as lib:
        assert lib.integrity_check() == []
        vid = lib.versions()[0].id
        if mode == "notes":
            stored = {n.id for n in lib.notes(vid)}
        else:
            stored = {v.sha256 for v in lib.versions()}
            for v in lib.versions()[1:]:
                assert v.paragraph_count == 150  # no half-imported version
        assert set(promised) <= stored
        assert len(promised) >= KILLS_PER_MODE
        # and the library still works
        lib.add_note(vid, 0, "after the crash", author="a")


def test_two_processes_writing_notes_at_once(tmp_path: Path) -> None:
    path = _library(tmp_path)
    flag = tmp_path / "go"
    count = 120
    procs = [_spawn(str(path), "notes", str(count), str(flag), name) for name in ("A", "B")]
    imports = _spawn(str(path), "import", "4", str(flag))
    time.sleep(0.3)
    flag.touch()
    outs = [p.communicate(timeout=60) for p in [*procs, imports]]
    for p, (_out, err) in zip([*procs, imports], outs, strict=True):
        assert p.returncode == 0, err
        assert err == ""
    ids = [ln.split()[1] for out, _ in outs[:2] for ln in out.splitlines()]
    assert len(ids) == 2 * count
    with Library.open(path) as lib:
        vid = lib.versions()[0].id
        assert {n.id for n in lib.notes(vid)} == set(ids)
        assert len(lib.versions()) == 5
        assert lib.integrity_check() == []


def test_threads_of_one_process_share_a_library(tmp_path: Path) -> None:
    """The GUI imports and searches in worker threads while the UI thread writes notes."""
    from concurrent.futures import ThreadPoolExecutor

    path = _library(tmp_path)
    with Library.open(path) as lib:
        vid = lib.versions()[0].id

        def write(k: int) -> str:
            return lib.add_note(vid, k % 3, f"note {k}", author="t").id

        def read(k: int) -> int:
            lib.search("Urges")
            return len(lib.notes(vid))

        with ThreadPoolExecutor(max_workers=6) as pool:
            writes = [pool.submit(write, k) for k in range(60)]
            reads = [pool.submit(read, k) for k in range(60)]
            ids = [f.result() for f in writes]
            assert all(0 <= f.result() <= 60 for f in reads)
        assert {n.id for n in lib.notes(vid)} == set(ids)
