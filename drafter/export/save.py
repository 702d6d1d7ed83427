"""Write a .docx atomically, refusing targets that are open or not writable.

A half-written Word file that replaced a delegate's previous export is worse
than no export: the document is saved to a temporary file in the target's
folder and renamed over the target only once complete. Files open in Word or
LibreOffice are recognised by their lock files ("~$name.docx",
".~lock.name.docx#"), which is how those programs signal it on every OS.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from drafter.errors import ExportError


def lock_files(path: Path) -> list[Path]:
    """Lock files Word and LibreOffice keep beside a document they have open."""
    name = path.name
    candidates = [path.with_name(f".~lock.{name}#"), path.with_name(f"~${name}")]
    if len(name) > 2:  # Word drops the first one or two characters, by name length
        candidates.append(path.with_name(f"~${name[2:]}"))
        candidates.append(path.with_name(f"~${name[1:]}"))
    return [c for c in candidates if c.exists()]


_OTHER_FORMATS = {".pdf", ".doc", ".odt", ".rtf", ".txt", ".md", ".html", ".htm", ".xlsx"}


def check_target(path: str | os.PathLike) -> Path:
    """The file to write (".docx" added when missing), or a message the user can act on.

    Fails early, before any work, if the target cannot be written.
    """
    if str(path).strip() == "":
        raise ExportError("no output file given")
    target = Path(path).expanduser()
    if target.suffix.lower() in _OTHER_FORMATS:
        raise ExportError(
            f"{target.name}: Drafter writes Word files (.docx); open the export in Word or "
            "LibreOffice to save it in another format"
        )
    if target.suffix.lower() != ".docx" and not target.is_dir():
        target = target.with_name(target.name + ".docx")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name ending in .docx")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.exists():
        raise ExportError(f"cannot write {target}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"cannot write {target}: {parent} is not a folder")
    locks = lock_files(target)
    if locks:
        raise ExportError(
            f"{target.name} is open in another program (lock file {locks[0].name}); "
            "close it there and export again"
        )
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"cannot write {target}: the file is read-only")
    if not os.access(parent, os.W_OK):
        raise ExportError(f"cannot write {target}: no permission to write in {parent}")
    return target


def save_atomic(document, path: str | os.PathLike) -> Path:
    """Save a python-docx ``document`` to ``path`` via a temporary file and a rename."""
    target = check_target(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".docx.tmp", dir=target.parent or "."
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            document.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            # keep the permissions of the file being replaced
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            f"cannot write {target}: permission denied (is it open in Word or another program?)"
        ) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
