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

import contextlib
import os
import random
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from drafter import notify
from drafter.errors import StoreError, one_line
from drafter.files import glob_escape
from drafter.store.schema import CURRENT_VERSION, MIGRATIONS

T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0  # the longest wait for another writer, in all (docs say 30 s)
WAIT_STEP_MS = 250  # SQLite waits this long per try; between tries we report progress
RETRIES = 8
APP_ID = 0x44524654  # "DRFT" in PRAGMA application_id


class LibraryBusy(StoreError):
    """Another program held the library's write lock for longer than BUSY_TIMEOUT_S."""


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


def _is_readonly(exc: sqlite3.Error) -> bool:
    msg = str(exc).lower()
    return "readonly" in msg or "read-only" in msg or "unable to open" in msg


def _inspect(path: Path) -> bool:
    """Whether the library file exists with content; refuse what cannot be one.

    Only ``stat``: this process never opens the library file except through SQLite.
    Opening and closing it any other way (to read its header, hash or copy it) would
    drop the POSIX locks SQLite holds on it in this process, and another process
    closing the library could then delete the WAL with committed notes in it.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the library ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path}: cannot open the library (it is a folder, not a file)")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path}: cannot open the library (not a regular file)")
    if st.st_size and not os.access(path, os.R_OK):
        raise StoreError(f"{path}: cannot read the library (permission denied)")
    return st.st_size > 0


def _why_not_writable(path: Path) -> str | None:
    """A plain reason the library cannot be written, if the cause is the file system."""
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return (
                f"{path}: the library is on a read-only file system; copy it to a writable folder"
            )
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path}: the library file is read-only; make it writable, or copy it elsewhere"
    if not os.access(folder, os.W_OK):
        return (
            f"{path}: the folder {folder} is read-only; Drafter keeps its journal files beside "
            "the library, so it needs to write there (copy the library to a writable folder)"
        )
    return None


def _busy_message(path: Path) -> str:
    return (
        f"{path}: the library is busy: another program (another Drafter window or command?) "
        f"has been changing it for {BUSY_TIMEOUT_S:.0f} s; nothing was changed, try again later"
    )


def _backup_hint(path: Path) -> str:
    backups = sorted(path.parent.glob(f"{glob_escape(path.name)}.v*.bak"), key=_mtime)
    if backups:
        return f"a copy from before the last upgrade is {backups[-1]}"
    return "restore it from a backup copy, or copy the file and repair it with 'sqlite3 .recover'"


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


class Connection:
    """One SQLite connection to a library, shared by the threads of one process.

    ``db`` is the sqlite-utils view of it (queries, table helpers); writes go
    through :meth:`write`, which owns the transaction.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.damaged: str | None = None  # why the library must not be written, if damaged
        existed = _inspect(path)
        wal = path.with_name(path.name + "-wal")
        # A WAL left with content means the last process did not close cleanly (or
        # another one has it open): check every page, not just the structure.
        self._full_check = existed and wal.exists() and wal.stat().st_size > 0
        if not existed:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{path.parent}: cannot create the library folder ({exc.strerror or exc})"
                ) from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error as exc:
            why = _why_not_writable(path) if _is_readonly(exc) else None
            raise StoreError(why or f"{path}: cannot open the library ({exc})") from None
        self.conn = conn
        try:
            self._check_and_prepare(existed)
        except StoreError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(
                _why_not_writable(path) or f"{path}: cannot open the library ({exc})"
            ) from None
        except BaseException:
            conn.close()
            raise
        self.db = sqlite_utils.Database(conn, recursive_triggers=False)

    # -- opening -------------------------------------------------------------

    def _check_and_prepare(self, existed: bool) -> None:
        conn = self.conn

        def facts() -> tuple[int, int, set[str]]:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            return version, app_id, tables

        try:
            version, app_id, tables = self._waiting(facts, time.monotonic() + BUSY_TIMEOUT_S)
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise StoreError(
                    f"{self.path}: not a Drafter library (the file is not an SQLite "
                    "database); it was left untouched"
                ) from None
            why = _why_not_writable(self.path) if _is_readonly(exc) else None
            raise StoreError(
                why or f"{self.path}: not a usable Drafter library ({exc}); it was left untouched"
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
        if existed and version > 0:
            self.damaged = self._integrity_problem()
            if self.damaged:
                notify.reporter.damaged(self.damaged)
                return  # not a single write, not even the journal mode
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        try:
            mode = self._waiting(
                lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0],
                time.monotonic() + BUSY_TIMEOUT_S,
            )
        except sqlite3.OperationalError as exc:
            if _is_readonly(exc):
                raise StoreError(
                    _why_not_writable(self.path) or f"{self.path}: the library file is read-only"
                ) from None
            raise StoreError(f"{self.path}: cannot open the library ({exc})") from None
        if str(mode).lower() != "wal":  # e.g. a file system without shared memory
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < CURRENT_VERSION:
            self._migrate(version, existed)

    def _integrity_problem(self) -> str | None:
        """Why the file is damaged (PRAGMA quick_check; integrity_check after an
        unclean shutdown), or None. Run on every open, before any write."""
        pragma = "integrity_check" if self._full_check else "quick_check"
        try:
            rows = self._waiting(
                lambda: self.conn.execute(f"PRAGMA {pragma}(5)").fetchall(),
                time.monotonic() + BUSY_TIMEOUT_S,
            )
            problems = [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise StoreError(_busy_message(self.path)) from None
            problems = [str(exc)]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if not problems and self._full_check:
            problems = self._content_problems()
        if not problems:
            return None
        first = one_line(problems[0])[:160]
        return (
            f"{self.path}: the library file is damaged ({first}); Drafter will not write to "
            f"it, so nothing more is lost. What can still be read can be exported "
            f"('drafter notes export'); {_backup_hint(self.path)}"
        )

    def _content_problems(self) -> list[str]:
        """Paragraph texts that no longer match their stored hash (SQLite keeps no
        checksums of its own, so bytes changed inside a text pass its checks)."""
        from drafter.store.anchors import text_hash

        try:
            rows = self.conn.execute("SELECT version_id, pid, text, text_hash FROM paragraphs")
            for vid, pid, text, stored in rows:
                if stored and text_hash(text or "") != stored:
                    return [f"the text of paragraph {pid} of version {vid} was altered"]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        return []

    def _waiting(self, fn: Callable[[], T], deadline: float) -> T:
        """``fn()``, retried while another program holds a lock, until ``deadline``.

        SQLite waits WAIT_STEP_MS per try; between tries the reporter hears how long
        we have waited, so a wait is never silent. Past the deadline: LibraryBusy.
        """
        conn = self.conn
        start = time.monotonic()
        reported = False
        conn.execute(f"PRAGMA busy_timeout = {WAIT_STEP_MS}")
        try:
            while True:
                try:
                    return fn()
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc):
                        raise
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    now = time.monotonic()
                    if now >= deadline:
                        raise LibraryBusy(_busy_message(self.path)) from None
                    notify.reporter.waiting(now - start, BUSY_TIMEOUT_S)
                    reported = True
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if reported:
                notify.reporter.done_waiting()

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
        # One deadline for the whole write: waiting for the lock, and any retries.
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        for attempt in range(RETRIES + 1):
            self._waiting(lambda: conn.execute("BEGIN IMMEDIATE"), deadline)
            try:
                result = fn()
                conn.execute("COMMIT")
                return result
            except sqlite3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _is_busy(exc) and attempt < RETRIES and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                if _is_busy(exc):
                    raise LibraryBusy(_busy_message(self.path)) from None
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
        if self.damaged:
            raise StoreError(f"{self.path}: the library file is damaged; nothing was written")
        with self.lock:
            try:
                return self._transaction(fn)
            except sqlite3.DatabaseError as exc:
                why = _why_not_writable(self.path) if _is_readonly(exc) else None
                raise StoreError(
                    why or f"{self.path}: the library could not be changed ({exc})"
                ) from None

    def read(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows of a query, as tuples with names (``row["col"]``)."""
        with self.lock:
            try:
                cur = self.conn.cursor()
                cur.row_factory = sqlite3.Row
                return cur.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                if self.damaged:
                    raise StoreError(
                        f"{self.path}: the library file is damaged; this part of it cannot be read"
                    ) from None
                raise StoreError(f"{self.path}: the library could not be read ({exc})") from None

    def close(self) -> None:
        with self.lock:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if not self.damaged:
                    self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
