"""Reading resolutions: any common file form in, one :class:`Resolution` out.

``load(path)`` picks a reader by the file's content (magic bytes) and suffix:
.docx (python-docx), .pdf (pdfminer.six), legacy .doc, .rtf and .odt (through
LibreOffice), .html, .md, and .txt (PDF-extracted or plain). Every reader yields
a :class:`~drafter.ingest.blocks.Draft`; the shared cleaner (``clean``,
``lines``, ``paragraphs``) and the structurer (``structure``, ``header``,
``footnotes``, ``leads``) do the rest, so a text reads the same whatever form it
came in. Any problem with the input is an :class:`~drafter.errors.IngestError`
naming the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.blocks import Draft
from drafter.ingest.source import MAX_FILE_BYTES, check_text_size, regular_file
from drafter.model import Resolution

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".docx", ".pdf", ".txt", ".md", ".markdown", ".text", ".doc", ".rtf", ".odt", ".html", ".htm",
)  # fmt: skip
MAX_BYTES = MAX_FILE_BYTES  # any input, standard input too (limits: drafter/ingest/source.py)

_MD_HINTS = re.compile(r"(?m)^(?:#{1,6}\s|\[\^\w+\]:)|<sup>")

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "load", "parse_text", "sniff_format"]


def expand_paths(paths) -> tuple[list[str], list[str]]:
    """Files as given; a folder stands for the readable files inside it, at any depth.

    Returns (files, notes): a note for each folder that holds no resolution file.
    Hidden files and folders (".git", "~$draft.docx" lock files) are left out. Sorted,
    so a whole session's folder imports in a stable order.
    """
    files: list[str] = []
    notes: list[str] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            files.append(str(name))
            continue
        found = sorted(
            str(p)
            for p in path.rglob("*")
            if p.suffix.lower() in SUPPORTED_SUFFIXES
            and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts)
            and p.is_file()
        )
        if not found:
            notes.append(f"{name}: no resolution files in this folder")
        files += found
    return files, notes


def sniff_format(path: Path, head: bytes) -> str:
    """The reader to use: by content first (a .txt that is really a PDF), then suffix."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "odt" if suffix == ".odt" else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".html", ".htm") or head.lstrip().lower().startswith((b"<!doctype", b"<html")):
        return "html"
    if suffix in (".txt", ".text", ""):
        return "txt"
    if suffix in (".pdf", ".docx", ".doc", ".rtf", ".odt"):
        # The suffix promises a format the content does not have.
        raise IngestError(path, f"not a valid {suffix[1:].upper()} file (damaged or mislabelled)")
    raise IngestError(
        path,
        f"unsupported file type '{suffix}' (Drafter reads {', '.join(SUPPORTED_SUFFIXES)})",
    )


def load(path: str | os.PathLike[str], *, accept_all: bool = False) -> Resolution:
    """Read a resolution file of any supported form.

    A Word file with tracked changes reads as its base text (the changes are proposals
    on it, see :mod:`drafter.proposals`); ``accept_all`` reads it with every change
    applied.
    """
    p = Path(path)
    size = regular_file(p).st_size
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise IngestError(p, "file not found") from None
    except PermissionError:
        raise IngestError(p, "permission denied") from None
    except OSError as exc:
        raise IngestError(p, f"cannot read the file ({exc.strerror or exc})") from None
    if size == 0:
        raise IngestError(p, "the file is empty")
    fmt = sniff_format(p, head)
    if fmt == "pdf":
        from drafter.ingest.pdf import read_pdf

        draft = read_pdf(p)
    elif fmt == "docx":
        from drafter.ingest.docx import read_docx

        draft = read_docx(p, accept_all=accept_all)
    elif fmt in ("doc", "rtf", "odt"):
        from drafter.ingest.doc import read_doc

        draft = read_doc(p, fmt)
    else:
        from drafter.ingest.encoding import decode_text

        check_text_size(p, size)
        text, _enc = decode_text(_read_bytes(p), p)
        if fmt == "html":
            from drafter.ingest.html import html_to_draft

            draft = html_to_draft(text)
        else:
            if fmt == "txt" and looks_like_markdown(text):
                fmt = "md"
            draft = _draft_from_text(text, fmt)
    return _finish(draft, p, source=p.name)


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise IngestError(p, f"cannot read the file ({exc.strerror or exc})") from None


def parse_text(
    text: str,
    *,
    fmt: str = "txt",
    source: str | None = None,
    language: str | None = None,
) -> Resolution:
    """Parse text already in memory (``fmt`` "txt" or "md")."""
    if fmt not in ("txt", "md"):
        raise IngestError(source or "<text>", f"unknown text format '{fmt}' (use 'txt' or 'md')")
    check_text_size(source or "<text>", len(text))
    return _finish(
        _draft_from_text(text, fmt), source or "<text>", source=source, language=language
    )


def looks_like_markdown(text: str) -> bool:
    """Plain text that is really Markdown (headings, footnote definitions)."""
    return len(_MD_HINTS.findall(text[:50000])) >= 2


def _draft_from_text(text: str, fmt: str) -> Draft:
    if fmt == "md":
        from drafter.ingest.markdown import markdown_to_draft

        return markdown_to_draft(text)
    from drafter.ingest.clean import text_to_draft
    from drafter.ingest.markdown import front_matter

    meta, body = front_matter(text)
    draft = Draft(meta={k: v for k, v in meta.items() if k in ("symbol", "title", "date")})
    return text_to_draft(body, draft)


def _finish(
    draft: Draft, path: object, *, source: str | None, language: str | None = None
) -> Resolution:
    from drafter.ingest.structure import build

    if not draft.cleaned:
        from drafter.ingest.paragraphs import finish

        finish(draft)
    res = build(draft, source=source, language=language)
    if not res.paragraphs:
        raise IngestError(path, "no text found in the file")
    return res
