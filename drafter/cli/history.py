"""``drafter history FILE1 FILE2 …``: every paragraph followed across the versions."""

from __future__ import annotations

import argparse
import sys

from drafter.cli import add_db_option, add_timeout_option, check_timeout
from drafter.cli._export_options import add_author_option
from drafter.cli._output import print_json

ORDER = 25

LEGEND = (
    "* modified  ~ moved  ~* moved and edited  < split  > merged  →#n merged into row n  "
    "— not in that version"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "history",
        help="follow every paragraph across all the versions of a text",
        description="Chain the comparisons of consecutive versions into threads, one per "
        "paragraph lineage, and show where each paragraph stood in each version and "
        "what happened to it. Versions are taken in the order given; with --family, "
        "from the library in negotiation order (session, stage, date).",
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="the versions, oldest first (.docx, .pdf, …)"
    )
    p.add_argument(
        "--family",
        metavar="NAME",
        help="a family from the library instead of files (its id, name, part of it or a symbol)",
    )
    p.add_argument(
        "--versions",
        metavar="ID,ID,…",
        help="with --family: these version ids, in this order (default: all, in negotiation order)",
    )
    p.add_argument("--json", action="store_true", help="print the history as JSON")
    p.add_argument(
        "--changed-since",
        metavar="VERSION",
        help="show only the paragraphs changed after this version (its symbol or its "
        "position, 1 = the first)",
    )
    p.add_argument(
        "--docx",
        metavar="OUT.docx",
        help="also write the tracking table to Word (landscape, word changes in colour)",
    )
    add_timeout_option(p)
    add_author_option(p, "name on the Word document")
    add_db_option(p)
    p.set_defaults(func=run)


def _load(args: argparse.Namespace):
    from drafter.errors import DrafterError

    if args.family and args.files:
        raise DrafterError("give files or --family NAME, not both")
    if args.versions and not args.family:
        raise DrafterError("--versions needs --family NAME")
    if args.family:
        from drafter.cli._export_options import library_exists
        from drafter.history.family import family_versions, find_family, load_versions
        from drafter.store import Library

        if not library_exists(args.db):
            raise DrafterError(
                "--family needs a library: none at "
                + (args.db or "the default location")
                + " (give --db PATH or set DRAFTER_DB)"
            )
        order = None
        if args.versions:
            try:
                order = [int(x) for x in args.versions.replace(" ", "").split(",") if x]
            except ValueError:
                raise DrafterError("--versions wants version ids separated by commas") from None
        with Library.open(args.db) as lib:
            fam = find_family(lib, args.family)
            infos = family_versions(lib, fam.id, order)
            return load_versions(lib, infos)
    if not args.files:
        raise DrafterError("give the versions' files (oldest first), or --family NAME --db PATH")
    from drafter.history import version_of
    from drafter.ingest import load
    from drafter.store.versions import guess_stage

    texts = [load(f) for f in args.files]
    columns = [version_of(r, stage=guess_stage(r.symbol, r.source)) for r in texts]
    return texts, columns


def _since(history, ref: str | None) -> int | None:
    from drafter.errors import DrafterError

    if ref is None:
        return None
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(history.versions):
        return int(ref) - 1
    wanted = ref.casefold().replace(" ", "")
    for i, v in enumerate(history.versions):
        if wanted in {(v.symbol or "").casefold().replace(" ", ""), (v.source or "").casefold()}:
            return i
    names = ", ".join(f"{i + 1} {v.name}" for i, v in enumerate(history.versions))
    raise DrafterError(f"--changed-since: no version {ref!r} (the versions: {names})")


def run(args: argparse.Namespace) -> int:
    from drafter.history import build_history

    check_timeout(args)
    if args.docx:
        from drafter.export.save import check_target

        check_target(args.docx)  # a target that cannot be written fails before any work
    texts, columns = _load(args)
    history = build_history(texts, columns, timeout=args.timeout)
    since = _since(history, args.changed_since)
    for warning in history.warnings:
        print(f"drafter: warning: {warning}", file=sys.stderr)
    if args.json:
        data = history.to_json()
        if since is not None:
            keep = set(history.changed_since(since))
            data["threads"] = [t for t in data["threads"] if t["index"] in keep]
            data["changed_since"] = since
        print_json(data)
    else:
        print_table(history, since)
    if args.docx:
        from drafter.cli._export_options import default_author
        from drafter.export.history_table import write_history_table

        written = write_history_table(
            history, args.docx, author=args.author or default_author(), changed_since=since
        )
        print(f"wrote {written}", file=sys.stderr if args.json else sys.stdout)
    return 0


def print_table(history, since: int | None = None) -> None:
    """One row a thread, one column a version; the latest wording's start at the end."""
    s = history.summary
    n = len(history.versions)
    title = next((v.title for v in reversed(history.versions) if v.title), None)
    print(
        f"History{f' of {title}' if title else ''}: {n} version{'s' if n != 1 else ''}, "
        f"{s['threads']} paragraph threads"
    )
    kinds = ("modified", "moved", "split", "merged", "inserted", "deleted")
    counts = ", ".join(f"{s[k]} {k}" for k in kinds if s[k])
    if n > 1:
        print(f"Changes across the versions: {counts or 'none'}")
    threads = history.threads
    if since is not None:
        keep = set(history.changed_since(since))
        threads = [t for t in threads if t.index in keep]
        print(
            f"{len(threads)} paragraph thread(s) changed after {history.versions[since].name} "
            f"(version {since + 1})"
        )
    heads = [v.name for v in history.versions]
    subs = [" ".join(x for x in (v.stage, v.date) if x) for v in history.versions]
    rows = []
    for t in threads:
        cells = []
        for v in range(n):
            step = t.step_at(v)
            if step is not None:
                cells.append(step.cell)
            elif t.merged_into is not None and v == t.last + 1:
                cells.append(f"→#{t.merged_into + 1}")
            else:
                cells.append("—")
        latest = t.latest()
        text = " ".join((latest.text or "").split())
        rows.append((cells, text))
    widths = [max([len(heads[v]), len(subs[v])] + [len(r[0][v]) for r in rows]) for v in range(n)]
    num_w = len(str(len(history.threads)))

    def line(cells: list[str], tail: str, first: str = "") -> str:
        body = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        return f"{first.rjust(num_w)}  {body}  {tail}".rstrip()

    print()
    print(line(heads, "latest wording", "#"))
    if any(subs):
        print(line(subs, ""))
    for t, (cells, text) in zip(threads, rows, strict=True):
        extra = ""
        if t.forked_from is not None:
            extra = f"[split off #{t.forked_from + 1}] "
        if t.merged_into is not None:
            extra += f"[merged into #{t.merged_into + 1}] "
        print(line(cells, (extra + text)[:70], str(t.index + 1)))
    print()
    print(LEGEND)
