"""``drafter proposals``: delegations' tracked changes as attributed proposals, compiled,
and followed to their fate in the next revision; ``drafter delegations``: who is who."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli import add_db_option
from drafter.cli._export_options import add_author_option, default_author, library_exists
from drafter.cli._output import print_json

ORDER = 36


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "proposals",
        help="delegations' proposals (tracked changes, comments) on a base text",
        description="Read Word files of proposals (tracked changes and comments) on BASE, "
        "attribute each to its delegation, compile them paragraph by paragraph, and with "
        "--fate tell which of them the next revision took.",
    )
    p.add_argument("base", metavar="BASE", help="the base text the proposals were made on")
    p.add_argument("files", nargs="+", metavar="PROPOSAL.docx", help="Word files of proposals")
    p.add_argument("--fate", metavar="NEXT_VERSION", help="the next revision: judge each proposal")
    p.add_argument("--json", action="store_true", help="print the proposals as JSON")
    p.add_argument("--docx", metavar="OUT.docx", help="write the compilation to Word")
    p.add_argument(
        "--table",
        action="store_true",
        help="with --docx: a compilation table (paragraph | base text | proposals) "
        "instead of tracked changes by delegation",
    )
    p.add_argument(
        "--delegation",
        action="append",
        default=[],
        metavar="AUTHOR=DELEGATION",
        help="map an author to a delegation for this run (repeatable); the library's "
        "table ('drafter delegations') applies too",
    )
    add_author_option(p, "author of the Word compilation")
    add_db_option(p)
    p.set_defaults(func=run)

    d = subparsers.add_parser(
        "delegations",
        help="the table that maps authors of tracked changes to delegations",
        description="List, set or remove 'author -> delegation' in the library "
        '(e.g. drafter delegations --set "Jean Dupont" France).',
    )
    d.add_argument("--set", nargs=2, metavar=("AUTHOR", "DELEGATION"))
    d.add_argument("--remove", metavar="AUTHOR")
    d.add_argument("--json", action="store_true")
    add_db_option(d)
    d.set_defaults(func=run_delegations)


def _mapping(pairs: list[str]) -> dict[str, str]:
    from drafter.errors import DrafterError

    out = {}
    for item in pairs:
        author, sep, delegation = item.partition("=")
        if not sep or not author.strip() or not delegation.strip():
            raise DrafterError(f"--delegation {item!r}: write it as AUTHOR=DELEGATION")
        out[author.strip()] = delegation.strip()
    return out


def run(args: argparse.Namespace) -> int:
    from drafter.errors import DrafterError
    from drafter.ingest import load
    from drafter.proposals import compile_proposals, extract, judge

    mapping = _mapping(args.delegation)
    base = load(args.base)
    lib = None
    if args.db or library_exists(None):
        from drafter.store import Library

        lib = Library.open(args.db)
    failed = 0
    proposals = []
    try:
        table = {**(lib.delegations() if lib else {}), **mapping}
        for name in args.files:
            try:
                found = extract(name, base, delegations=table, source=Path(name).name)
            except DrafterError as exc:
                failed += 1
                print(f"drafter: {exc}", file=sys.stderr)
                continue
            if not found:
                print(f"drafter: {name}: no tracked changes or comments in it", file=sys.stderr)
            proposals += found
        if lib is not None and proposals:
            stored = lib.find_version_for_file(args.base)
            if stored is not None:
                lib.store_proposals(stored.id, proposals)
    finally:
        if lib is not None:
            lib.close()
    if args.fate:
        proposals = judge(base, proposals, load(args.fate))
    compilation = compile_proposals(base, proposals)
    if args.docx:
        from drafter.export.compilation import write_compilation

        written = write_compilation(
            base, compilation, args.docx, table=args.table, author=args.author or default_author()
        )
        print(f"wrote {written}", file=sys.stderr)
    if args.json:
        print_json(compilation.to_json())
    else:
        sys.stdout.write(report(compilation))
    return 2 if failed else 0


def report(compilation) -> str:
    props = compilation.proposals
    delegations = sorted({p.delegation for p in props})
    lines = [
        f"{len(props)} proposals by {len(delegations)} delegations on "
        f"{compilation.symbol or compilation.title or 'the base text'}: {', '.join(delegations)}",
        "",
    ]
    for item in compilation.paragraphs:
        if not item.proposals:
            continue
        text = " ".join(item.text.split())
        lines.append(f"{item.label}  {text[:90] + ('…' if len(text) > 90 else '')}")
        conflicted = {pid for group in item.conflicts for pid in group}
        for p in item.proposals:
            mark = "!" if p.id in conflicted else " "
            fate = f"  [{p.fate}: {p.fate_reason}]" if p.fate is not None else ""
            why = f"  ({p.comment})" if p.comment and p.kind != "comment only" else ""
            lines.append(f"  {mark} {p.summary()}{why}{fate}")
        if item.conflicts:
            lines.append("    ! proposals of several delegations on the same words")
        lines.append("")
    fates = compilation.fate_by_delegation()
    if fates:
        lines.append("Fate in the next revision, by delegation:")
        for who, counts in sorted(fates.items()):
            total = sum(v for k, v in counts.items() if k != "n/a")
            taken = counts["accepted"] + counts["partly"]
            share = f"{round(100 * taken / total)}% taken" if total else "no changes proposed"
            detail = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
            lines.append(f"  {who}: {share} ({detail})")
    return "\n".join(lines) + "\n"


def run_delegations(args: argparse.Namespace) -> int:
    from drafter.errors import DrafterError
    from drafter.store import Library

    with Library.open(args.db) as lib:
        if args.set:
            lib.set_delegation(*args.set)
        if args.remove and not lib.remove_delegation(args.remove):
            raise DrafterError(f"{args.remove!r} is not in the delegations table")
        table = lib.delegations()
    if args.json:
        print_json(table)
    elif not table:
        print("No delegations yet: drafter delegations --set AUTHOR DELEGATION")
    else:
        width = max(len(a) for a in table)
        for author, delegation in table.items():
            print(f"{author:<{width}}  {delegation}")
    return 0
