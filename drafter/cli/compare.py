"""``drafter compare OLD NEW``: compare two versions (or, with --related, two texts)."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

from drafter.cli import add_db_option, add_timeout_option, check_timeout
from drafter.cli._export_options import add_author_option
from drafter.cli._output import print_json

ORDER = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "compare",
        help="compare two versions of a resolution, or two related texts",
        description="Align OLD and NEW paragraph by paragraph (moves, splits, merges and "
        "renumbering recognised) and show what changed, word by word. With --related, "
        "link each paragraph of OLD to the paragraphs of NEW that reflect it.",
    )
    p.add_argument("old", metavar="OLD", help="earlier version (.docx, .pdf, .txt, .md)")
    p.add_argument("new", metavar="NEW", help="later version, or the related text")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="Word files with tracked changes: read them applied (default: their base text)",
    )
    p.add_argument(
        "--related",
        action="store_true",
        help="related-documents mode: two different texts, many-to-many links",
    )
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="S",
        help="with --related: show only links scoring at least S (0-1); by default every "
        "paragraph shows its best candidates, strong ones first, weak ones marked",
    )
    p.add_argument("--docx", metavar="OUT.docx", help="also write a Word document of the result")
    p.add_argument(
        "--side-by-side",
        action="store_true",
        help="with --docx: a two-column table instead of tracked changes",
    )
    p.add_argument(
        "--with-notes",
        action="store_true",
        help="with --docx: include the library's notes on both versions as comments",
    )
    p.add_argument(
        "--ignore",
        metavar="WHAT",
        default="default",
        help="differences to leave out, on screen and in --docx alike: a comma-separated "
        "list of formatting, hyphens, quotes, whitespace, numbering; or none, all "
        "(default: hyphens,quotes)",
    )
    p.add_argument(
        "--ignore-formatting",
        action="store_true",
        help="do not list changes of whitespace, quote or dash style, or footnote markers",
    )
    add_timeout_option(p)
    add_author_option(p)
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.compare import compare, relate
    from drafter.errors import DrafterError
    from drafter.ingest import load

    check_timeout(args)
    if args.min_score is not None and not (args.related and 0 <= args.min_score <= 1):
        raise DrafterError("--min-score needs --related and a score between 0 and 1")
    if (args.side_by_side or args.with_notes) and not args.docx:
        raise DrafterError("--side-by-side and --with-notes need --docx OUT.docx")
    from drafter.compare import Ignore

    try:
        ignore = Ignore.parse(args.ignore)
    except ValueError as exc:
        raise DrafterError(str(exc)) from None
    old = load(args.old, accept_all=args.accept_all)
    new = load(args.new, accept_all=args.accept_all)
    if args.related:
        options = {} if args.min_score is None else {"min_score": args.min_score}
        result = relate(old, new, **options)
    else:
        result = compare(old, new, timeout=args.timeout, ignore=ignore)
    if args.json:
        print_json(result.to_json())
    elif args.related:
        _print_relation(result, args.min_score)
    else:
        _print_comparison(result, ignore_formatting=args.ignore_formatting)
    if args.docx:
        from drafter.cli._export_options import write_comparison_docx

        written = write_comparison_docx(result, args)
        # Keep stdout valid JSON when both were asked for.
        print(f"wrote {written}", file=sys.stderr if args.json else sys.stdout)
    return 0


# -- plain-text rendering -------------------------------------------------------------


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _render_runs(runs, colour: bool) -> str:
    out = []
    for op, text in runs:
        if op == 0:
            out.append(text)
        elif colour:
            code = "31;9" if op < 0 else "32;4"
            out.append(f"\x1b[{code}m{text}\x1b[0m")
        else:
            out.append(f"[-{text}-]" if op < 0 else f"{{+{text}+}}")
    return "".join(out)


def _labels(res, ids) -> str:
    return "+".join(res.paragraphs[i].label for i in ids) or "-"


def _print_comparison(cmp, *, ignore_formatting: bool) -> None:
    colour = _colour()
    s = cmp.summary
    print(
        f"{cmp.old.display_name} ({len(cmp.old.paragraphs)} paragraphs) -> "
        f"{cmp.new.display_name} ({len(cmp.new.paragraphs)} paragraphs)"
    )
    kinds = ("unchanged", "modified", "moved", "inserted", "deleted", "split", "merged")
    print(", ".join(f"{s[k]} {k}" for k in kinds if s[k]) or "both texts are empty")
    if s["formatting_only"]:
        print(f"{s['formatting_only']} change(s) of formatting only (whitespace, quotes, markers)")
    if s["changes"] and not s["wording_changes"]:
        print("no change in wording: only the document header, closing line or formatting differ")
    if s["approximate"]:
        print(
            f"warning: {s['approximate']} diff(s) hit the time limit and are approximate "
            "(raise --timeout)"
        )
    width = max(40, min(100, _terminal_width()))
    for pair in cmp.pairs:
        if not pair.is_change or (ignore_formatting and pair.formatting_only):
            continue
        old_l, new_l = _labels(cmp.old, pair.old), _labels(cmp.new, pair.new)
        tags = [str(pair.kind)]
        if pair.kind not in ("inserted", "deleted"):
            tags.append(f"{pair.similarity:.0%} similar")
        if pair.moved_edited:
            tags.append("and edited")
        if pair.moved and pair.kind in ("split", "merged"):
            tags.append("and moved")
        if pair.formatting_only:
            tags.append("formatting only")
        if pair.approximate:
            tags.append("APPROXIMATE diff")
        print()
        print(f"{old_l} -> {new_l}: {', '.join(tags)}")
        if all(op == 0 for op, _ in pair.diff):
            print("    (same words; only the footnotes attached differ)")
            continue
        body = _render_runs(pair.diff, colour)
        for line in body.split("\n"):
            print(textwrap.indent(line, "    ") if colour else _wrap(line, width))


def _wrap(line: str, width: int) -> str:
    return textwrap.fill(
        line, width=width, initial_indent="    ", subsequent_indent="    ", break_long_words=False
    )


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100


def _print_relation(rel, min_score: float | None) -> None:
    from drafter.compare import is_linkable

    strong = sum(lk.strong for lk in rel.links)
    print(
        f"{rel.old.display_name} -> {rel.new.display_name}: {strong} strong links, "
        f"{len(rel.links) - strong} weak"
    )
    width = max(40, min(100, _terminal_width()))
    for para in rel.old.paragraphs:
        if not is_linkable(para):
            continue
        links = rel.links_from(para.id)
        print()
        print(f"{para.label}: {_wrap(para.text[:160], width).strip()}")
        if not links:
            why = (
                f"no candidate scores {min_score:g} or more"
                if min_score
                else f"no content word in common with {rel.new.display_name}"
            )
            print(f"  (no link: {why})")
        weak_shown = False
        for rank, lk in enumerate(links, 1):
            if not lk.strong and not weak_shown:
                weak_shown = True
                print("  - - - weak (little shared evidence) - - -")
            target = rel.new.paragraphs[lk.new]
            shared = "; ".join(lk.shared) if lk.shared else "-"
            print(f"  #{rank} -> {target.label} (score {lk.score:.2f}): {shared}")
