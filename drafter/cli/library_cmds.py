"""``drafter import | library | search | notes``: the library from the command line.

Printing only; every command is a call into :class:`drafter.store.Library`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import textwrap
from typing import Any

from drafter.cli import add_db_option
from drafter.cli._output import print_json
from drafter.cli._wrap import fill

ORDER = 30


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="add resolution files to the library",
        description="Store each FILE as a version in the library. A file whose content is "
        "already stored adds nothing. A new version joins the family of an earlier version "
        "of the same text (same symbol, or largely the same wording), and the notes on "
        "that family's previous version are carried forward to it.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=".docx, .pdf, .txt or .md files, or folders (every such file inside)",
    )
    p.add_argument("--family", type=int, metavar="ID", help="attach to this family")
    p.add_argument(
        "--new-family", action="store_true", help="start a new family even if one matches"
    )
    p.add_argument("--stage", help='e.g. "zero draft", "Rev.1", "L-document", "adopted"')
    p.add_argument("--no-carry", action="store_true", help="do not carry notes forward")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    add_db_option(p)
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "library",
        help="list the families and versions in the library",
        description="List every family (one text's history) and its versions.",
    )
    p.add_argument("--family", type=int, metavar="ID", help="only this family")
    p.add_argument(
        "--move",
        nargs=2,
        metavar=("VERSION", "FAMILY"),
        help='put VERSION in FAMILY (an id, or "new" for a family of its own)',
    )
    p.add_argument("--stage", nargs=2, metavar=("VERSION", "STAGE"), help="set a version's stage")
    p.add_argument(
        "--rename",
        nargs=2,
        metavar=("FAMILY", "TITLE"),
        help='give FAMILY a title of your own ("" to name it after its versions again)',
    )
    p.add_argument(
        "--merge",
        nargs=2,
        metavar=("FAMILY", "INTO_FAMILY"),
        help="move every version of FAMILY into INTO_FAMILY (FAMILY goes away)",
    )
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(p)
    p.set_defaults(func=run_library)

    p = subparsers.add_parser(
        "search",
        help="find agreed language in every stored paragraph",
        description="Full-text search. Plain words: all of them, exact-phrase hits first. "
        '"a phrase": only the exact phrase. a NEAR/5 b: within five words. word*: prefix. '
        "OR between alternatives; -word excludes (quote the whole query then: "
        "drafter search 'nuclear -weapons'). With --precedents, TEXT is a paragraph and the "
        "most similar stored paragraphs are listed.",
    )
    p.add_argument("query", nargs="+", metavar="TEXT", help="what to look for")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (20)")
    p.add_argument(
        "--precedents", action="store_true", help="rank paragraphs by similarity to TEXT"
    )
    p.add_argument(
        "--version",
        type=int,
        action="append",
        metavar="ID",
        help="only in this version (repeatable)",
    )
    p.add_argument(
        "--all", action="store_true", help="list every copy of a wording, not just the newest"
    )
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(p)
    p.set_defaults(func=run_search)

    notes = subparsers.add_parser(
        "notes",
        help="list, add, export and import notes",
        description="Notes on the paragraphs of stored versions.",
    )
    nsub = notes.add_subparsers(dest="notes_command", metavar="ACTION")
    notes.set_defaults(func=lambda args: _usage(notes))

    p = nsub.add_parser("list", help="list notes (of one version, or all)")
    p.add_argument("version", nargs="?", metavar="VERSION", help="version id or symbol")
    p.add_argument("--orphaned", action="store_true", help="only orphaned notes")
    p.add_argument("--open", action="store_true", help="only open (unresolved) notes")
    _note_filters(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(p)
    p.set_defaults(func=run_notes_list)

    p = nsub.add_parser(
        "positions",
        help='write "our positions" to Word: paragraph | text | note | tags',
        description="A Word table per version, one row per note (every note of the "
        "library, or those the filters keep).",
    )
    p.add_argument("out", metavar="OUT.docx")
    p.add_argument("version", nargs="?", metavar="VERSION", help="only this version")
    _note_filters(p)
    p.add_argument("--open", action="store_true", help="only open (unresolved) notes")
    p.add_argument("--title", default="Our positions", help='the heading ("Our positions")')
    add_db_option(p)
    p.set_defaults(func=run_notes_positions)

    p = nsub.add_parser(
        "add",
        help="add a note to a paragraph",
        description='PARAGRAPH is the number as printed ("3", "3(c)", "OP 3", "PP 2") or '
        '"¶ 12" / "#11" for the 12th paragraph (as "drafter notes list" shows them).',
    )
    p.add_argument("version", metavar="VERSION", help="version id or symbol")
    p.add_argument("paragraph", metavar="PARAGRAPH")
    p.add_argument("body", metavar="TEXT", help="the note")
    p.add_argument("--quote", default="", help="the words the note is about")
    p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    p.add_argument("--author", help="default: $DRAFTER_AUTHOR or your user name")
    p.add_argument("--json", action="store_true", help="print the note as JSON")
    add_db_option(p)
    p.set_defaults(func=run_notes_add)

    for name, helptext in (
        ("resolve", "mark a note resolved"),
        ("reopen", "reopen a note"),
        ("delete", "delete a note"),
    ):
        p = nsub.add_parser(name, help=helptext)
        p.add_argument("note", metavar="NOTE", help="note id (or its first 8 characters)")
        add_db_option(p)
        p.set_defaults(func=run_notes_change, action=name)

    p = nsub.add_parser("export", help="write notes to a JSON file to share")
    p.add_argument("out", metavar="OUT.json")
    p.add_argument(
        "--version", action="append", metavar="VERSION", help="only these versions (repeatable)"
    )
    add_db_option(p)
    p.set_defaults(func=run_notes_export)

    p = nsub.add_parser("import", help="merge notes from a JSON file (no duplicates)")
    p.add_argument("file", metavar="FILE.json")
    add_db_option(p)
    p.set_defaults(func=run_notes_import)

    p = nsub.add_parser("carry", help="carry notes from one version to another")
    p.add_argument("old", metavar="FROM", help="version id or symbol")
    p.add_argument("new", metavar="TO", help="version id or symbol")
    add_db_option(p)
    p.set_defaults(func=run_notes_carry)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _open(args: argparse.Namespace):
    from drafter.store import Library

    return Library.open(args.db)


def _version_id(lib: Any, ref: str) -> int:
    from drafter.errors import StoreError

    found = lib.find_versions(ref)
    if not found:
        raise StoreError(f"no version {ref!r} in the library (see 'drafter library')")
    return found[0].id


# -- import / library ------------------------------------------------------------


def _expand(names: list[str]) -> list[str]:
    """Files as given; a folder stands for the readable files inside it, sorted."""
    from drafter.ingest import expand_paths

    files, notes = expand_paths(names)
    for note in notes:
        print(f"drafter: {note}", file=sys.stderr)
    return files


def run_import(args: argparse.Namespace) -> int:
    from drafter.errors import DrafterError

    failed = stored = added = 0
    out: list[dict[str, Any]] = []
    files = _expand(args.files)
    if not files:
        return 2
    # A folder of a whole session: a progress line on a terminal, a summary at the end.
    progress = len(files) > 1 and sys.stderr.isatty() and not args.json
    with _open(args) as lib:
        for n, name in enumerate(files, 1):
            if progress:
                print(f"\r\x1b[K[{n}/{len(files)}] {name}"[:200], end="", file=sys.stderr)
            try:
                r = lib.import_file(
                    name,
                    family_id=args.family,
                    stage=args.stage,
                    carry=not args.no_carry,
                    new_family=args.new_family,
                )
            except DrafterError as exc:
                failed += 1
                if progress:
                    print("\r\x1b[K", end="", file=sys.stderr)
                print(f"drafter: {exc}", file=sys.stderr)
                continue
            if progress:
                print("\r\x1b[K", end="", file=sys.stderr, flush=True)
            v = r.version
            if r.already_stored:
                stored += 1
            else:
                added += 1
            if args.json:
                item = {"file": name, "already_stored": r.already_stored, "version": v.to_json()}
                if r.carry:
                    item["carry"] = {
                        "from_version": r.carry.from_version,
                        "carried": len(r.carry.carried),
                        "orphaned": len(r.carry.orphaned),
                    }
                out.append(item)
            elif r.already_stored:
                print(f"{name}: skipped, already in the library as version {v.id} ({v.display_name})")
            else:
                print(
                    f"{name}: version {v.id} {v.display_name}, family {v.family_id}, "
                    f"{v.paragraph_count} paragraphs"
                )
                for warning in r.warnings:
                    print(f"  warning: {warning}")
                if r.carry and r.carry.total:
                    print(f"  notes from version {r.carry.from_version}: {r.carry.summary()}")
    if args.json:
        print_json(out)
    elif len(files) > 1:
        print(
            f"{len(files)} files: {added} imported, {stored} already in the library, "
            f"{failed} could not be read"
        )
    return 2 if failed else 0


def _family_id(text: str, option: str) -> int:
    from drafter.errors import DrafterError

    if not text.strip().isdecimal():
        raise DrafterError(f"{option}: FAMILY must be a family id, not {text!r}")
    return int(text)


def _family_json(family: Any, versions: list) -> dict[str, Any]:
    """A family with its versions; each version lists the languages its text exists in
    (the versions of the family with the same symbol and stage)."""
    groups: dict[tuple, list] = {}
    for v in versions:
        groups.setdefault((v.symbol or f"#{v.id}", v.stage), []).append(v)
    out = []
    for v in versions:
        siblings = groups[(v.symbol or f"#{v.id}", v.stage)]
        out.append(
            {
                **v.to_json(),
                "languages": sorted({s.language for s in siblings}),
                "language_versions": [
                    {"id": s.id, "language": s.language}
                    for s in siblings
                    if s.id != v.id and s.language != v.language
                ],
            }
        )
    return {**family.to_json(), "versions": out}


def run_library(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.move or args.stage or args.rename or args.merge:
            from drafter.errors import DrafterError

            if args.move:
                ref, fam = args.move
                if fam != "new" and not fam.isdecimal():
                    raise DrafterError(f'--move: FAMILY must be an id or "new", not {fam!r}')
                v = lib.move_version(_version_id(lib, ref), None if fam == "new" else int(fam))
                print(f"version {v.id} {v.display_name} is now in family {v.family_id}")
            if args.stage:
                ref, stage = args.stage
                v = lib.set_stage(_version_id(lib, ref), stage.strip() or None)
                print(f"version {v.id} is now {v.display_name}")
            if args.rename:
                fam, title = args.rename
                fid = _family_id(fam, "--rename")
                lib.rename_family(fid, title)
                name = next(f.name for f in lib.families() if f.id == fid)
                print(f"family {fid} is now called {name!r}")
            if args.merge:
                fam, into = args.merge
                src, dst = _family_id(fam, "--merge"), _family_id(into, "--merge")
                lib.merge_families(src, dst)
                n = len(lib.versions(dst))
                print(f"family {src} merged into family {dst} ({n} versions)")
            return 0
        families = [f for f in lib.families() if args.family in (None, f.id)]
        if args.family is not None and not families:
            from drafter.errors import StoreError

            raise StoreError(f"no family {args.family} in the library")
        if args.json:
            print_json([_family_json(f, lib.versions(f.id)) for f in families])
            return 0
        if not families:
            print(f"The library {lib.path} is empty: add files with 'drafter import FILE...'.")
            return 0
        print(f"Library {lib.path}: {len(families)} families")
        for f in families:
            print(f"Family {f.id}: {f.name}")
            for v in lib.versions(f.id):
                notes = f"{v.note_count} note{'s' * (v.note_count != 1)}" if v.note_count else ""
                print(
                    f"  {v.id:>5}  {v.symbol or '-':<16} {v.stage or '':<12} {v.date or '':<10} "
                    f"{v.language:<3} {v.paragraph_count:>4} ¶  {notes:<9} {v.source or ''}"
                )
    return 0


# -- search ------------------------------------------------------------------------


def _highlight(text: str, marks: Any) -> str:
    tty = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    on, off = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    out, pos = [], 0
    for s, e in marks:
        out += [text[pos:s], on, text[s:e], off]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def run_search(args: argparse.Namespace) -> int:
    text = " ".join(args.query)
    if args.limit <= 0:
        from drafter.errors import DrafterError

        raise DrafterError("--limit must be a positive number")
    with _open(args) as lib:
        if args.precedents:
            hits = lib.precedents(text, limit=args.limit)
        else:
            hits = lib.search(
                text, limit=args.limit, version_ids=args.version, collapse=not args.all
            )
        if args.json:
            print_json([h.to_json() for h in hits])
            return 0
        if not hits:
            print("No paragraph matches.")
            return 0
        for h in hits:
            where = f"{h.symbol or h.title or f'version {h.version_id}'}  {h.label}"
            extra = [h.date or ""]
            if args.precedents:
                extra.append(f"{h.rank:.0%} similar")
            elif not h.exact:
                extra.append("all words, not the exact phrase")
            if h.same_text_elsewhere:
                extra.append(f"same wording in {h.same_text_elsewhere} more")
            print(f"{where}  ({', '.join(x for x in extra if x)})  [version {h.version_id}]")
            snippet = _highlight(h.snippet, h.marks)
            print(fill(snippet, 96, "    "))
    return 0


# -- notes -------------------------------------------------------------------------


def _author(args: argparse.Namespace) -> str:
    if args.author:
        return args.author
    env = os.environ.get("DRAFTER_AUTHOR")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:
        return "me"


def resolve_paragraph(res: Any, ref: str) -> int:
    """The id of the paragraph a user names: "3(c)", "OP 3", "PP 2", "¶ 12", "#11"."""
    from drafter.errors import DrafterError

    raw = ref.strip()
    m = re.fullmatch(r"#\s*(\d+)", raw)
    if m:
        pid = int(m.group(1))
    else:
        m = re.fullmatch(r"(?:¶|p|para)\s*(\d+)", raw, re.IGNORECASE)
        pid = int(m.group(1)) - 1 if m else None
    if pid is not None:
        if 0 <= pid < len(res.paragraphs):
            return pid
        raise DrafterError(f"{res.display_name} has no paragraph {ref!r}")
    key = re.sub(r"\s+", "", raw).casefold()
    for p in res.paragraphs:
        if re.sub(r"\s+", "", p.label).casefold() == key:
            return p.id
    for p in res.paragraphs:
        if p.number is not None and p.number.replace(" ", "").casefold() == key:
            return p.id
    raise DrafterError(
        f'{res.display_name} has no paragraph {ref!r} (use a number as printed, e.g. "3(c)", '
        'or "¶ 12")'
    )


def _note_line(n: Any, label: str) -> str:
    flags = []
    if n.orphaned:
        flags.append("ORPHANED")
    if str(n.status) == "resolved":
        flags.append("resolved")
    tags = " ".join(f"#{t}" for t in n.tags)
    head = f"{n.id[:8]}  {label:<10} {n.author}  {n.updated[:10]}"
    if flags:
        head += "  [" + ", ".join(flags) + "]"
    if tags:
        head += "  " + tags
    body = n.body if not n.anchor.quote else f"“{n.anchor.quote}”: {n.body}"
    return head + "\n" + fill(body, 92, "    ")


def _note_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search",
        nargs="+",
        metavar="WORDS",
        help="notes whose text, quote, tags, author or paragraph hold every word",
    )
    p.add_argument("--tag", action="append", default=[], help="only notes with this tag")
    p.add_argument("--author", help="only notes by this author (part of the name will do)")


def _overview(lib: Any, args: argparse.Namespace) -> list:
    entries = lib.notes_overview(
        search=" ".join(args.search or ()),
        tags=args.tag,
        status="open" if args.open else None,
        version_id=_version_id(lib, args.version) if args.version else None,
        author=args.author,
    )
    if getattr(args, "orphaned", False):
        entries = [e for e in entries if e.note.orphaned]
    return entries


def run_notes_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        entries = _overview(lib, args)
        if args.json:
            print_json([e.to_json() for e in entries])
            return 0
        current = None
        for e in entries:
            if e.version.id != current:
                current = e.version.id
                print(f"Version {e.version.id}: {e.version.display_name}")
            print(textwrap.indent(_note_line(e.note, e.label), "  "))
        if not entries:
            print(
                "No notes." if not (args.search or args.tag or args.author) else "No notes match."
            )
    return 0


def run_notes_positions(args: argparse.Namespace) -> int:
    from drafter.export.positions import write_positions

    with _open(args) as lib:
        entries = _overview(lib, args)
        out = write_positions(entries, args.out, title=args.title)
    print(f"{out}: {len(entries)} note{'s' if len(entries) != 1 else ''}")
    return 0


def run_notes_add(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        vid = _version_id(lib, args.version)
        res = lib.load_version(vid)
        pid = resolve_paragraph(res, args.paragraph)
        note = lib.add_note(
            vid, pid, args.body, author=_author(args), tags=args.tag, quote=args.quote
        )
        if args.json:
            print_json(note.to_json())
        else:
            print(f"note {note.id[:8]} added to {res.paragraphs[pid].label} of {res.display_name}")
    return 0


def run_notes_change(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        note = lib.note(args.note)
        if args.action == "delete":
            lib.delete_note(note.id)
            print(f"note {note.id[:8]} deleted")
        else:
            status = "resolved" if args.action == "resolve" else "open"
            lib.update_note(note.id, status=status)
            print(f"note {note.id[:8]} {'resolved' if status == 'resolved' else 'reopened'}")
    return 0


def run_notes_export(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        ids = [_version_id(lib, v) for v in args.version] if args.version else None
        path = lib.export_notes(args.out, ids)
        count = sum(len(lib.notes(v)) for v in ids) if ids else None
    print(f"{path}" + (f" ({count} notes)" if count is not None else ""))
    return 0


def run_notes_import(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        c = lib.import_notes(args.file)
    line = f"{c['added']} added, {c['updated']} updated, {c['unchanged']} unchanged"
    if c.get("reanchored"):
        line += f", {c['reanchored']} matched to another file of the same document"
    if c.get("orphaned"):
        line += f" ({c['orphaned']} orphaned)"
    if c.get("conflicts"):
        line += (
            f"; {c['conflicts']} kept as conflicts (which copy is newer is unclear: "
            'both are kept, the incoming one tagged "conflict")'
        )
    print(line)
    if c.get("skipped"):
        symbols = ", ".join(c.get("skipped_symbols") or [])
        print(
            f"drafter: {c['skipped']} notes skipped: their document is not in this library "
            f"({symbols}); import it first, then import the notes again",
            file=sys.stderr,
        )
        return 2
    return 0


def run_notes_carry(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        old = _version_id(lib, args.old)
        new = _version_id(lib, args.new)
        report = lib.carry_forward(old, new)
    print(f"notes from version {old} to version {new}: {report.summary()}")
    return 0
