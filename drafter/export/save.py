"""Write a .docx atomically, refusing targets that are open or not writable.

A half-written Word file that replaced a delegate's previous export is worse
than no export: the document is saved to a temporary file in the target's
folder and renamed over the target only once complete. Files open in Word or
LibreOffice are recognised by their lock files ("~$name.docx",
".~lock.name.docx#"), which is how those programs signal it on every OS.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import ExportError
from drafter.files import check_target as files_check_target
from drafter.files import glob_escape, write_atomic


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
    if not target.is_dir():  # a device or pipe named as given, before any suffix
        files_check_target(target, ExportError)
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
    files_check_target(target, ExportError)
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
    """Save a python-docx ``document`` to ``path`` via a temporary file and a rename.

    The temporary leaves nothing behind even when the process is killed
    (:func:`drafter.files.write_atomic`); ones that older versions left
    (``.NAME.RANDOM.docx.tmp``) are removed at the next export to the same file.
    """
    target = check_target(path)
    return write_atomic(
        target,
        document.save,
        error=ExportError,
        legacy_temporaries=(f"{glob_escape('.' + target.stem)}.*.docx.tmp",),
        denied="permission denied (is it open in Word or another program?)",
    )
