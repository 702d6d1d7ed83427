"""``drafter provenance FILE``: which words of a text stand in texts already in the library."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

from drafter.cli import add_db_option
from drafter.cli._export_options import add_author_option, default_author
from drafter.cli._output import print_json

ORDER = 35


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "provenance",
        help="agreed language: where each phrase of a text was used before",
        description="For every paragraph of FILE, find the runs of words that stand in "
        "other texts of the library (agreed language) and mark the rest as new language. "
        "Each run names the places that hold it, adopted texts first, then the oldest.",
    )
    p.add_argument("file", metavar="FILE", help="the draft (any format Drafter reads)")
    add_db_option(p)
    p.add_argument(
        "--min-words",
        type=int,
        default=8,
        metavar="N",
        help="shortest run of words that counts as agreed language (default 8; "
        "Chinese and Japanese count characters, twice N)",
    )
    p.add_argument(
        "--include-family",
        action="store_true",
        help="also match the other versions of the text's own negotiation (its drafts)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--docx",
        metavar="OUT.docx",
        help="also write a Word report: new language highlighted, a footnote naming the "
        "oldest source of each agreed run",
    )
    add_author_option(p, "author of the Word report")
    p.add_argument(
        "--width", type=int, default=100, help="line width of the text output (default: 100)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.errors import DrafterError
    from drafter.ingest import load
    from drafter.store import Library

    if args.min_words < 1:
        raise DrafterError("--min-words: give a whole number of 1 or more")
    res = load(args.file)
    with Library.open(args.db) as lib:
        stored = lib.find_version_for_file(args.file)
        progress = None
        if sys.stderr.isatty():

            def progress(done: int, total: int) -> None:
                print(f"\rindexing the library: {done}/{total}", end="", file=sys.stderr)

        result = lib.provenance(
            res,
            version_id=stored.id if stored else None,
            min_words=args.min_words,
            include_family=args.include_family,
            progress=progress,
        )
        if progress:
            print(file=sys.stderr)
    if args.docx:
        from drafter.export.provenance_report import write_provenance_report

        written = write_provenance_report(
            res, result, args.docx, author=args.author or default_author()
        )
        print(f"wrote {written}", file=sys.stderr)
    if args.json:
        print_json(result.to_json())
        return 0
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(report(result, width=max(40, args.width), styled=styled))
    return 0


def _mark_new(p, styled: bool) -> str:
    out, pos = [], 0
    for start, end in p.new_language():
        out.append(p.text[pos:start])
        piece = p.text[start:end]
        out.append(f"\x1b[1;4m{piece}\x1b[22;24m" if styled else f"{{+{piece}+}}")
        pos = end
    out.append(p.text[pos:])
    return "".join(out)


def _source_name(src) -> str:
    where = src.symbol or f"version {src.version_id}"
    if src.number:
        where += f" para {src.number}"
    if src.date:
        where += f" ({src.date[:4]})"
    return where


def report(result, *, width: int = 100, styled: bool = False) -> str:
    """Each paragraph with its new language marked and its oldest source named."""
    name = result.symbol or result.title or "the text"
    lines = [
        f"{name}: {round(100 * result.agreed_share)}% agreed language, "
        f"{round(100 * (1 - result.agreed_share))}% new "
        f"(runs of {result.min_words}+ words found elsewhere in the library)",
        "New language is marked " + ("in bold underline." if styled else "{+like this+}."),
        "",
    ]
    for p in result.paragraphs:
        share = f"{round(100 * p.new_share):3d}% new"
        lines.append(f"{p.label:>10}  {share}")
        body = (
            _mark_new(p, styled)
            if p.spans
            else (f"\x1b[1;4m{p.text}\x1b[22;24m" if styled else f"{{+{p.text}+}}")
        )
        lines.extend(
            textwrap.wrap(body, width=width, initial_indent=" " * 12, subsequent_indent=" " * 12)
        )
        for span in p.spans:
            src = span.sources[0] if span.sources else None
            if src is None:
                continue
            more = f" and {span.source_count - 1} more" if span.source_count > 1 else ""
            quote = p.text[span.start : span.end]
            if len(quote) > 60:
                quote = quote[:28] + " … " + quote[-28:]
            lines.append(f"{'':12}“{quote}”: {_source_name(src)}{more}")
        lines.append("")
    return "\n".join(lines)
