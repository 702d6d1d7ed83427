"""A locked, damaged or read-only library: bounded waits and one-line reasons."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.errors import StoreError
from drafter.store import Library
from drafter.store import db as store_db

_HOLD_LOCK = """
import sqlite3, sys, time
cx = sqlite3.connect(sys.argv[1], isolation_level=None)
cx.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
cx.execute("ROLLBACK")
"""


@pytest.fixture
def library_file(tmp_path: Path, corpus: Path, monkeypatch) -> Path:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.import_file(corpus / "A_RES_68_4.md")
    monkeypatch.setenv("DRAFTER_DB", str(path))
    monkeypatch.setenv("DRAFTER_AUTHOR", "Ana")
    return path


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_locked_library_waits_the_documented_time_with_progress(
    library_file: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 2.0)
    proc = _hold(library_file, 30)
    try:
        start = time.monotonic()
        code = main(["notes", "add", "1", "2", "never stored"])
        waited = time.monotonic() - start
    finally:
        proc.kill()
        proc.wait()
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert code == 2 and out == ""
    assert lines[0].startswith("drafter: waiting for the library: another program is changing it")
    assert lines[-1].endswith("has been changing it for 2 s; nothing was changed, try again later")
    assert "Error" not in err and 1.9 < waited < 8  # was 8 retries of the whole timeout
    with Library.open(library_file) as lib:
        assert lib.notes(1) == []


def test_a_wait_that_ends_in_time_writes(library_file: Path, monkeypatch) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 20.0)
    seen = []

    class Recorder(store_db.notify.Reporter):
        def waiting(self, waited, limit):
            seen.append((waited, limit))

    previous = store_db.notify.set_reporter(Recorder())
    proc = _hold(library_file, 1.5)
    try:
        with Library.open(library_file) as lib:
            note = lib.add_note(1, 2, "after the wait", author="Ana")
            assert lib.note(note.id).body == "after the wait"
    finally:
        store_db.notify.set_reporter(previous)
        proc.wait()
    assert seen and all(limit == 20.0 for _, limit in seen)


def _damage(path: Path, page: int) -> None:
    """Overwrite a b-tree page's header and cell pointers with random bytes."""
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(random.Random(page).randbytes(64))


def _root_page(path: Path, name: str) -> int:
    with sqlite3.connect(path) as cx:
        return cx.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[
            0
        ]


@pytest.mark.parametrize("table", ["paragraphs", "notes_carried"])
def test_damage_is_found_before_any_write(library_file: Path, capsys, table: str) -> None:
    _damage(library_file, _root_page(library_file, table))
    before = library_file.read_bytes()
    code = main(["notes", "add", "1", "2", "must not be written"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 2
    assert err[0].startswith(f"drafter: warning: {library_file}: the library file is damaged (")
    assert "will not write to it" in err[0] and "backup" in err[0]
    assert err[1].startswith(f"drafter: {library_file}: the library file is damaged; ")
    assert library_file.read_bytes() == before
    with Library.open(library_file) as lib:
        assert lib.damaged and "damaged" in lib.damaged
        with pytest.raises(StoreError, match="the library file is damaged; "):
            lib.add_note(1, 2, "no", author="Ana")
    assert library_file.read_bytes() == before


def test_the_backup_from_before_an_upgrade_is_offered(library_file: Path) -> None:
    backup = library_file.with_name("lib.db.v5.bak")
    backup.write_bytes(library_file.read_bytes())
    _damage(library_file, _root_page(library_file, "versions"))
    with Library.open(library_file) as lib:
        assert f"a copy from before the last upgrade is {backup}" in lib.damaged


def test_after_an_unclean_shutdown_altered_text_is_found(library_file: Path) -> None:
    """Bytes changed inside a paragraph pass SQLite's checks; the stored hash does not."""
    with contextlib.closing(sqlite3.connect(library_file)) as cx, cx:
        cx.execute("UPDATE paragraphs SET text = 'Garbled' || text WHERE pid = 3")
    with Library.open(library_file) as lib:
        assert lib.damaged is None  # a clean shutdown: the quick check only
        lib.add_note(1, 2, "fine", author="Ana")
    crashed = subprocess.run(  # a writer killed with its WAL still full
        [
            sys.executable,
            "-c",
            "import os, sqlite3, sys\n"
            "cx = sqlite3.connect(sys.argv[1])\n"
            "cx.execute('PRAGMA journal_mode=WAL')\n"
            "cx.execute(\"UPDATE notes SET body = 'edited'\")\n"
            "cx.commit()\n"
            "os._exit(0)",
            str(library_file),
        ],
        check=True,
    )
    assert crashed.returncode == 0
    assert library_file.with_name("lib.db-wal").stat().st_size > 0
    with Library.open(library_file) as lib:
        assert "the text of paragraph 3 of version 1 was altered" in lib.damaged


@contextlib.contextmanager
def _read_only(path: Path):
    """Make ``path`` read-only for this process: chmod, or for root (who writes
    anywhere) the immutable flag, which binds root too."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_read_only_folder_or_file_says_so(library_file: Path, capsys) -> None:
    folder = library_file.parent
    with _read_only(folder):
        for db in (folder / "new.db", library_file):
            code = main(["notes", "list", "--db", str(db)])
            err = capsys.readouterr().err
            assert code == 2 and err.count("\n") == 1, err
            assert f"the folder {folder} is read-only" in err and "not a usable" not in err, err
    library_file.with_name("lib.db-wal").unlink(missing_ok=True)
    with _read_only(library_file):
        code = main(["notes", "add", "1", "2", "x"])
        err = capsys.readouterr().err
    assert (
        code == 2
        and err
        == f"drafter: {library_file}: the library file is read-only; make it writable, or copy it elsewhere\n"
    )
