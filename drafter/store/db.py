"""Opening the library file: checks, migrations, and safe write transactions.

Why it is careful:

* a file that is not a Drafter library (not SQLite, someone else's database, or a
  library from a newer Drafter) is refused with a clear message *before* anything is
  written to it, not even the WAL switch;
* WAL journal with ``synchronous=FULL``, so a note that was committed survives a
  crash, a power cut or a kill of the process;
* every write runs in one ``BEGIN IMMEDIATE`` transaction: it takes the write lock
  up front (waiting up to the busy timeout for another process), so two writers
  never fail half-way with "database is locked"; on the rare busy error that still
  escapes, the whole transaction is retried.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from drafter.errors import StoreError
from drafter.store.schema import CURRENT_VERSION, MIGRATIONS

T = TypeVar("T")

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
RETRIES = 8
APP_ID = 0x44524654  # "DRFT" in PRAGMA application_id


def default_path() -> Path:
    """$DRAFTER_DB, else ``library.db`` in the user's data directory."""
    env = os.environ.get("DRAFTER_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Drafter", appauthor=False)) / "library.db"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that is not SQLite, reading only its first bytes."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the library ({exc.strerror or exc})") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            f"{path}: not a Drafter library (the file is not an SQLite database); "
            "it was left untouched"
        )


class Connection:
    """One SQLite connection to a library, shared by the threads of one process.

    ``db`` is the sqlite-utils view of it (queries, table helpers); writes go
    through :meth:`write`, which owns the transaction.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{path.parent}: cannot create the library folder ({exc.strerror or exc})"
                ) from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the library ({exc})") from None
        self.conn = conn
        try:
            self._check_and_prepare(existed)
        except BaseException:
            conn.close()
            raise
        self.db = sqlite_utils.Database(conn, recursive_triggers=False)

    # -- opening -------------------------------------------------------------

    def _check_and_prepare(self, existed: bool) -> None:
        conn = self.conn
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: not a usable Drafter library ({exc}); it was left untouched"
            ) from None
        ours = {"families", "versions", "paragraphs", "notes"}
        if app_id not in (0, APP_ID) or (version > 0 and not ours <= tables):
            raise StoreError(
                f"{self.path}: an SQLite database, but not a Drafter library; it was left untouched"
            )
        if version > CURRENT_VERSION:
            raise StoreError(
                f"{self.path}: this library was written by a newer Drafter (schema "
                f"v{version}; this version knows up to v{CURRENT_VERSION}); update Drafter "
                "to open it. The file was left untouched"
            )
        if version == 0 and tables:
            raise StoreError(
                f"{self.path}: an SQLite database, but not a Drafter library; it was left untouched"
            )
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
                raise StoreError(f"{self.path}: the library file is read-only") from None
            raise StoreError(f"{self.path}: cannot open the library ({exc})") from None
        if str(mode).lower() != "wal":  # e.g. a file system without shared memory
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < CURRENT_VERSION:
            self._migrate(version, existed)

    def _migrate(self, version: int, existed: bool) -> None:
        if existed and version > 0:
            self._backup(version)
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue

            def apply(m=migration) -> bool:
                # Another process may have migrated while we waited for the lock.
                now = self.conn.execute("PRAGMA user_version").fetchone()[0]
                if now >= m.version:
                    return False
                for statement in m.statements:
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {m.version}")
                if m.version == 1:
                    self.conn.execute(f"PRAGMA application_id = {APP_ID}")
                return True

            try:
                self._transaction(apply)
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"{self.path}: could not upgrade the library to schema "
                    f"v{migration.version} ({exc}); it was left as it was"
                ) from None

    def _backup(self, version: int) -> None:
        """Keep a copy of the library as it was before upgrading its schema."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            return
        tmp = target.with_name(target.name + ".tmp")
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error):
            tmp.unlink(missing_ok=True)  # a backup is a courtesy, not a requirement

    # -- transactions ----------------------------------------------------------

    def _transaction(self, fn: Callable[[], T]) -> T:
        conn = self.conn
        delay = 0.02
        for attempt in range(RETRIES + 1):
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_busy(exc) and attempt < RETRIES:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                raise
            try:
                result = fn()
                conn.execute("COMMIT")
                return result
            except sqlite3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _is_busy(exc) and attempt < RETRIES:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                raise
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        raise AssertionError("unreachable")

    def write(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in one write transaction: all of its changes, or none.

        ``fn`` may be called more than once (after a busy error), so it must only
        touch the database. SQLite errors reach the caller as :class:`StoreError`.
        """
        with self.lock:
            try:
                return self._transaction(fn)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: the library could not be changed ({exc})") from None

    def read(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows of a query, as tuples with names (``row["col"]``)."""
        with self.lock:
            try:
                cur = self.conn.cursor()
                cur.row_factory = sqlite3.Row
                return cur.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: the library could not be read ({exc})") from None

    def close(self) -> None:
        with self.lock:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
