"""Writing output files: only to a regular file, atomically, leaving no temporaries.

Every file Drafter writes for the user (Word exports, notes files, screenshots) goes
through :func:`write_atomic`:

* the target must be a new file or an existing *regular* file: a device
  (``/dev/full``), a named pipe, a socket or a symbolic link is refused with a
  one-line reason instead of being replaced by a regular file;
* the content goes to a temporary file in the target's folder, which is renamed
  over the target only once complete. On Linux the temporary file has no name
  until it is complete (``O_TMPFILE``), so even ``kill -9`` leaves nothing behind;
  elsewhere it is named ``.NAME.PID.RANDOM.tmp`` and removed on any error;
* temporaries left by an earlier run that was killed (its process is gone, or an
  old-style name untouched for two minutes) are removed at the next write to the
  same target.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from drafter.errors import DrafterError

STALE_AFTER_S = 120  # a temporary without a process id, untouched this long, is stale


def target_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a regular file, or None when it can."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return "part of its folder path is a file, not a folder"
    except OSError as exc:
        return f"cannot check it ({exc.strerror or exc})"
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "is a symbolic link; give the path of the file itself"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def check_target(path: Path, error: type[DrafterError] = DrafterError) -> None:
    """Raise ``error`` when ``path`` exists but is not a regular file."""
    problem = target_problem(path)
    if problem:
        raise error(f"{path}: {problem}; nothing was written")


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


_OWN_TEMP = re.compile(r"\.(?P<pid>\d+)\.[^.]+\.tmp$")


def clean_stale_temporaries(target: Path, legacy: tuple[str, ...] = ()) -> list[Path]:
    """Remove temporaries that earlier, killed writes of ``target`` left behind.

    Ours are ``.NAME.PID.RANDOM.tmp`` and are stale when that process is gone;
    ``legacy`` glob patterns (names used by older versions) when untouched for two minutes.
    """
    folder = target.parent
    removed: list[Path] = []
    candidates = [(p, True) for p in folder.glob(f"{glob_escape(_temp_prefix(target))}*.tmp")]
    candidates += [(p, False) for pattern in legacy for p in folder.glob(pattern)]
    for p, own in candidates:
        m = _OWN_TEMP.search(p.name) if own else None
        try:
            if not stat.S_ISREG(os.lstat(p).st_mode):
                continue
            if m and os.name == "posix":
                stale = not _alive(int(m["pid"]))
            else:
                stale = time.time() - p.stat().st_mtime > STALE_AFTER_S
            if stale:
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True  # (such temporaries go by age instead: see clean_stale_temporaries)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def write_atomic(
    target: Path,
    write: Callable[[BinaryIO], None],
    *,
    error: type[DrafterError] = DrafterError,
    legacy_temporaries: tuple[str, ...] = (),
    denied: str = "permission denied",
) -> Path:
    """Write ``target`` through ``write(fh)``: all of it, or nothing at all.

    ``denied`` is what a refused permission is called (a Word file may be open).
    """
    check_target(target, error)
    folder = target.parent if str(target.parent) else Path(".")
    with contextlib.suppress(OSError):
        clean_stale_temporaries(target, legacy_temporaries)
    mode = None
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o777 if target.exists() else None
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp: Path | None = None
    fd = _unnamed_temporary(folder)
    try:
        if fd is None:
            fd, name = tempfile.mkstemp(
                prefix=f"{_temp_prefix(target)}{os.getpid()}.", suffix=".tmp", dir=folder
            )
            tmp = Path(name)
        with os.fdopen(fd, "w+b") as fh:
            write(fh)
            fh.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
            if tmp is None:  # give the complete, unnamed file a name, then rename
                tmp = _link_unnamed(fh.fileno(), folder, target)
        check_target(target, error)  # nothing swapped in while we wrote
        os.replace(tmp, target)
        tmp = None
    except PermissionError:
        raise error(f"cannot write {target}: {denied}") from None
    except OSError as exc:
        raise error(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return target


def _unnamed_temporary(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or _linkat() is None:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError:  # a file system without O_TMPFILE: named temporaries instead
        return None


@functools.cache
def _linkat():
    """glibc's linkat(2): os.link cannot pass AT_SYMLINK_FOLLOW, which naming an
    O_TMPFILE file through /proc/self/fd needs."""
    if not Path("/proc/self/fd").is_dir():
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.linkat
    except Exception:  # no C library to ask (not Linux): named temporaries
        return None
    fn.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
    fn.restype = ctypes.c_int
    return fn


_AT_FDCWD, _AT_SYMLINK_FOLLOW = -100, 0x400


def _link_unnamed(fd: int, folder: Path, target: Path) -> Path:
    """Give the complete unnamed file a temporary name beside ``target``."""
    for _ in range(20):
        name = folder / f"{_temp_prefix(target)}{os.getpid()}.{os.urandom(4).hex()}.tmp"
        src = os.fsencode(f"/proc/self/fd/{fd}")
        if _linkat()(_AT_FDCWD, src, _AT_FDCWD, os.fsencode(name), _AT_SYMLINK_FOLLOW) == 0:
            return name
        err = ctypes.get_errno()
        if err != errno.EEXIST:
            break
    # linking refused: copy the content into a named temporary instead
    out, tmp = tempfile.mkstemp(
        prefix=f"{_temp_prefix(target)}{os.getpid()}.", suffix=".tmp", dir=folder
    )
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        with os.fdopen(out, "wb") as dst, os.fdopen(os.dup(fd), "rb") as src_fh:
            shutil.copyfileobj(src_fh, dst)
            dst.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(dst.fileno(), os.fstat(fd).st_mode & 0o777)
            os.fsync(dst.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)
