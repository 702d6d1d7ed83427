"""Shared by ``drafter compare --docx`` and ``drafter export``: author, notes, writing.

Argument parsing and library look-ups only; the documents themselves are
written by :mod:`drafter.export`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from drafter.errors import DrafterError


def default_author() -> str:
    """Tracked changes are signed "$DRAFTER_AUTHOR ($DRAFTER_DELEGATION)", else "Drafter"
    (never the operating system's login)."""
    name = os.environ.get("DRAFTER_AUTHOR", "").strip()
    delegation = os.environ.get("DRAFTER_DELEGATION", "").strip()
    if name and delegation:
        return f"{name} ({delegation})"
    return name or delegation or "Drafter"


def add_author_option(
    parser: argparse.ArgumentParser, what: str = "name on tracked changes"
) -> None:
    parser.add_argument(
        "--author",
        metavar="NAME",
        default=None,
        help=f"{what} (default: '$DRAFTER_AUTHOR ($DRAFTER_DELEGATION)', or 'Drafter')",
    )


def library_exists(db: str | None) -> bool:
    if db:
        return Path(db).expanduser().exists()
    from drafter.store import default_path

    return default_path().exists()


def notes_for_file(lib, path: str | os.PathLike, label: str, parsed=None) -> list:
    """The notes stored for the library version with this file's content (warn if none).

    With ``parsed`` (the Resolution the comparison was made from), notes are moved
    to the paragraph with the same text when the stored paragraphs differ (the
    file was imported by an older reader); notes whose text is gone are orphaned.
    """
    info = lib.find_version_for_file(path)
    if info is None:
        print(
            f"drafter: {label} ({Path(path).name}) is not in the library; exported without "
            "its notes (import it with 'drafter import' to keep notes on it)",
            file=sys.stderr,
        )
        return []
    notes = list(lib.notes(info.id))
    if parsed is None or not notes:
        return notes
    return remap_notes(notes, lib.load_version(info.id), parsed)


def remap_notes(notes: list, stored, parsed) -> list:
    """Notes re-pointed from ``stored`` paragraph ids to ``parsed`` ones, by paragraph text."""
    import dataclasses

    stored_texts = [p.text for p in stored.paragraphs]
    parsed_texts = [p.text for p in parsed.paragraphs]
    if stored_texts == parsed_texts:
        return notes
    where: dict[str, int] = {}
    for i, text in enumerate(parsed_texts):
        where.setdefault(text, i)
    out = []
    for note in notes:
        pid = note.anchor.paragraph_id
        text = stored_texts[pid] if 0 <= pid < len(stored_texts) else None
        new_id = where.get(text) if text is not None else None
        if new_id is None:
            out.append(dataclasses.replace(note, orphaned=True))
        else:
            out.append(
                dataclasses.replace(
                    note, anchor=dataclasses.replace(note.anchor, paragraph_id=new_id)
                )
            )
    return out


def write_comparison_docx(result, args: argparse.Namespace) -> Path:
    """Write ``result`` (Comparison or Relation) as ``args.docx``; return the path written.

    Related-documents results are always side by side (a redline between two
    different texts would be meaningless).
    """
    from drafter.export import write_redline, write_side_by_side
    from drafter.model import Relation

    author = getattr(args, "author", None) or default_author()
    old_notes: list = []
    new_notes: list = []
    if getattr(args, "with_notes", False):
        db = getattr(args, "db", None)
        if not library_exists(db):
            raise DrafterError(
                "--with-notes needs a library: none at "
                + (db or "the default location")
                + " (give --db PATH or set DRAFTER_DB)"
            )
        from drafter.store import Library

        with Library.open(db) as lib:
            old_notes = notes_for_file(lib, args.old, "OLD", result.old)
            new_notes = notes_for_file(lib, args.new, "NEW", result.new)
    if isinstance(result, Relation) or getattr(args, "side_by_side", False):
        return write_side_by_side(
            result, args.docx, old_notes=old_notes, new_notes=new_notes, author=author
        )
    return write_redline(result, args.docx, old_notes=old_notes, new_notes=new_notes, author=author)
