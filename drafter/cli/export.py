"""``drafter export VERSION --docx OUT.docx``: a clean copy of one version, notes as comments."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.cli import add_db_option
from drafter.cli._export_options import (
    add_author_option,
    default_author,
    library_exists,
    remap_notes,
)
from drafter.errors import DrafterError

ORDER = 40


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="write a clean Word copy of one version, its notes as comments",
        description="Write one version as a UN-style Word document with its notes as "
        "comments. VERSION is a file (.docx, .pdf, .txt, .md) or a library version id "
        "or symbol (see 'drafter library').",
    )
    p.add_argument("version", metavar="VERSION", help="a file, or a library version id or symbol")
    p.add_argument("--docx", metavar="OUT.docx", required=True, help="the Word file to write")
    p.add_argument("--no-notes", action="store_true", help="leave the notes out")
    add_author_option(p, "author named in the document")
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.export import write_clean

    notes: list = []
    source = Path(args.version).expanduser()
    if source.is_file():
        from drafter.ingest import load

        resolution = load(source)
        if not args.no_notes and library_exists(args.db):
            from drafter.store import Library

            with Library.open(args.db) as lib:
                info = lib.find_version_for_file(source)
                if info is not None:
                    notes = remap_notes(
                        list(lib.notes(info.id)), lib.load_version(info.id), resolution
                    )
    else:
        if not library_exists(args.db):
            raise DrafterError(
                f"{args.version}: no such file, and no library to look it up in "
                "(give --db PATH or set DRAFTER_DB)"
            )
        from drafter.store import Library

        with Library.open(args.db) as lib:
            found = lib.find_versions(args.version)
            if not found:
                raise DrafterError(
                    f"{args.version}: no such file, and no library version with that id or "
                    "symbol (see 'drafter library')"
                )
            info = found[0]
            resolution = lib.load_version(info.id)
            if not args.no_notes:
                notes = list(lib.notes(info.id))
    written = write_clean(
        resolution, args.docx, notes=notes, author=args.author or default_author()
    )
    print(f"wrote {written}" + (f" with {len(notes)} notes" if notes else ""))
    return 0
