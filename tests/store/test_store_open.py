"""Opening a library: creation, pragmas, refusing files that are not ours."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from drafter.errors import StoreError
from drafter.store import CURRENT_VERSION, Library, default_path


def _fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_new_library_has_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lib.db"
    with Library.open(path) as lib:
        assert lib.path == path
        cx = lib._cx.conn
        assert cx.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert cx.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cx.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.families() == [] and lib.versions() == []
    # reopening an up-to-date library changes nothing and makes no backup
    with Library.open(path):
        pass
    assert not list(tmp_path.glob("sub/*.bak"))


def test_default_path_follows_drafter_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "env.db"))
    assert default_path() == tmp_path / "env.db"
    with Library.open() as lib:
        assert lib.path == tmp_path / "env.db"
    monkeypatch.delenv("DRAFTER_DB")
    assert default_path().name == "library.db"
    assert "drafter" in str(default_path()).lower()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"%PDF-1.4 this is not a database\n" * 100)
    before = _fingerprint(path)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Library.open(path)
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_library_from_a_newer_drafter_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Library.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")  # no -wal/-shm files lying around
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(StoreError, match="newer Drafter"):
        Library.open(path)
    assert _fingerprint(path) == before


@pytest.mark.parametrize("pragma", ["", "PRAGMA user_version = 2", "PRAGMA application_id = 7"])
def test_someone_elses_sqlite_database_is_refused_untouched(tmp_path: Path, pragma: str) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    if pragma:
        conn.execute(pragma)
    conn.commit()
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(StoreError, match="not a Drafter library"):
        Library.open(path)
    assert _fingerprint(path) == before


def test_a_truncated_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with Library.open(path):
        pass
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00garbage" * 50)
    with pytest.raises(StoreError):
        Library.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError):
            Library.open(folder / "lib.db")
    finally:
        folder.chmod(0o700)


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot"):
        Library.open(tmp_path)
