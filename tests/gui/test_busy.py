"""A locked or damaged library in the window: a busy state, then a plain reason."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtGui import QGuiApplication

from drafter.errors import StoreError
from drafter.gui import busy
from drafter.store import Library
from drafter.store import db as store_db

_HOLD_LOCK = """
import sqlite3, sys, time
cx = sqlite3.connect(sys.argv[1], isolation_level=None)
cx.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(30)
"""


def test_a_locked_library_shows_a_busy_state_then_a_reason(
    make_window, library, monkeypatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 1.5)
    win = make_window(library, start=False)
    reporter = busy.install(win)
    shown = []
    win.statusBar().messageChanged.connect(shown.append)
    vid = library.versions()[0].id
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(library.path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="the library is busy") as err:
            library.add_note(vid, 0, "never stored", author="Ana")
    finally:
        proc.kill()
        proc.wait()
    assert "\n" not in str(err.value)
    waits = [m for m in shown if m.startswith("Waiting for the library")]
    assert waits and waits[0].endswith("(0 s of at most 2 s)…")
    assert reporter.messages == waits and shown[-1] == ""  # cleared afterwards
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone again


def test_a_damaged_library_is_reported_when_the_window_opens(tmp_path, samples) -> None:
    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        lib.import_file(samples / "A_RES_68_4.md")
    with sqlite3.connect(db) as cx:
        page = cx.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'paragraphs'"
        ).fetchone()[0]
        size = cx.execute("PRAGMA page_size").fetchone()[0]
    before = db.read_bytes()
    with db.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(random.Random(1).randbytes(64))
    damaged = db.read_bytes()
    assert damaged != before
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", "--db", str(db), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert f"drafter: The library is damaged: {db}: the library file is damaged (" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert db.read_bytes() == damaged  # not a byte written
