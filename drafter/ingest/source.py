"""What a file must be before any reader opens it, and how large it may be.

Only ``stat`` here, never ``open``: a FIFO would block the first read forever, a
device would never end, and a symbolic-link loop or a vanished ``/proc`` entry must
give the same one-line reason as a missing file. The limits keep every reader
bounded in time and memory (README, "Limits").
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from drafter.errors import IngestError

MiB = 1024 * 1024
#: Any input file.
MAX_FILE_BYTES = 100 * MiB
#: Plain text, Markdown and HTML: the longest UN documents are a few MB of text.
MAX_TEXT_BYTES = 16 * MiB
#: Inside a .docx: one XML part, all parts together, and the compression ratio of
#: the XML (real Word files compress 5-20x; a decompression bomb 1,000x).
MAX_DOCX_PART_BYTES = 64 * MiB
MAX_DOCX_TOTAL_BYTES = 160 * MiB
MAX_DOCX_RATIO = 100
MAX_DOCX_MEMBERS = 5000
#: PDF pages: a long resolution has 40; pdfminer's layout analysis takes ~0.1-0.2 s
#: of CPU a page, so this bounds a PDF at well under a minute.
MAX_PDF_PAGES = 250

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_text(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n / 1024:.0f} KB"


def _kind_problem(st: os.stat_result) -> str | None:
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, not a file"
    for test, kind in _KINDS:
        if test(st.st_mode):
            return f"is {kind}, not a regular file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    return None


def special_file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why an existing path cannot be read as a file (a FIFO, a device, a folder, a
    loop of symbolic links); None for a regular file, and for a missing or unreadable
    one, which the caller words in its own terms."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return "a loop of symbolic links, not a file" if exc.errno == errno.ELOOP else None
    return _kind_problem(st)


def regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """The file's ``stat``, following links; IngestError unless it is a regular file."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise IngestError(p, "file not found") from None
    except PermissionError:
        raise IngestError(p, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(p, "a loop of symbolic links, not a file") from None
        if exc.errno in (errno.ENOTDIR, errno.ENAMETOOLONG, errno.ESRCH):
            raise IngestError(p, "file not found") from None
        raise IngestError(p, f"cannot read the file ({exc.strerror or exc})") from None
    problem = _kind_problem(st)
    if problem:
        raise IngestError(p, problem)
    if st.st_size > MAX_FILE_BYTES:
        raise IngestError(
            p,
            f"the file is too large ({size_text(st.st_size)}; Drafter reads files "
            f"up to {size_text(MAX_FILE_BYTES)})",
        )
    return st


def check_text_size(path: object, size: int) -> None:
    if size > MAX_TEXT_BYTES:
        raise IngestError(
            path,
            f"the text is too large ({size_text(size)}; Drafter reads texts up to "
            f"{size_text(MAX_TEXT_BYTES)})",
        )
