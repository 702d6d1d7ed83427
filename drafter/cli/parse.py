"""``drafter parse FILE [--json]``: show how Drafter reads a resolution file."""

from __future__ import annotations

import os
import sys

# Only argparse's needs at module level: `drafter parse --help` reads no file and loads
# none of the reading, printing and wrapping modules below (each imported where used).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

ORDER = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "parse",
        help="read one resolution file and print its structure",
        description="Read a resolution (.docx, .pdf, .txt, .md, .doc) and print its "
        "paragraphs, kinds, numbers and footnotes.",
    )
    p.add_argument("file", metavar="FILE", help="the resolution file to read ('-': standard input)")
    p.add_argument(
        "--format",
        choices=("txt", "md"),
        default=None,
        help="how to read standard input: PDF-extracted/plain text or Markdown "
        "(default: as a file would be, Markdown when it looks like Markdown)",
    )
    p.add_argument("--json", action="store_true", help="print the document as JSON")
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="a Word file with tracked changes: read them applied (default: its base text)",
    )
    p.add_argument(
        "--width", type=int, default=100, help="line width of the outline (default: 100)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.ingest import load

    if args.file == "-":
        res = _parse_stdin(args.format, accept_all=args.accept_all)
    else:
        res = load(args.file, accept_all=args.accept_all)
    out = sys.stdout
    if args.json:
        from drafter.cli._output import print_json

        print_json(res.to_json(), indent=2, out=out)
        return 0
    styled = out.isatty() and not os.environ.get("NO_COLOR")
    out.write(outline(res, width=max(40, args.width), italics=styled))
    return 0


def _parse_stdin(fmt: str, *, accept_all: bool = False):
    """Standard input read as a file would be: the same checks, the same decoding."""
    import tempfile
    from pathlib import Path

    from drafter.errors import IngestError
    from drafter.ingest import MAX_BYTES, load, looks_like_markdown, parse_text, sniff_format
    from drafter.ingest.encoding import decode_text

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(MAX_BYTES + 1) if stream else sys.stdin.read().encode("utf-8", "replace")
    if len(data) > MAX_BYTES:
        raise IngestError("<stdin>", f"the input is too large (over {MAX_BYTES // 2**20} MB)")
    kind = sniff_format(Path("stdin.txt"), data[:16])
    if kind in ("pdf", "docx", "doc", "rtf"):  # a document piped in: read it as a file
        with tempfile.TemporaryDirectory(prefix="drafter-stdin-") as tmp:
            path = Path(tmp) / f"stdin.{kind}"
            path.write_bytes(data)
            return load(path, accept_all=accept_all)
    text, _encoding = decode_text(data, "<stdin>")
    if fmt is None:
        fmt = "md" if looks_like_markdown(text) else "txt"
    return parse_text(text, fmt=fmt, source="<stdin>")


def outline(res, *, width: int = 100, italics: bool = False) -> str:
    """A readable outline: header facts, then one entry per paragraph."""
    from drafter.cli._wrap import wrap

    lines = [
        f"{res.symbol or '(no symbol)'}  {res.title or '(no title)'}",
        "  ".join(
            x
            for x in (
                f"date {res.date.isoformat()}" if res.date else "no date",
                res.session or "",
                res.agenda_item or "",
                f"language {res.language}",
                f"source {res.source}" if res.source else "",
            )
            if x
        ),
    ]
    counts: dict[str, int] = {}
    for p in res.paragraphs:
        counts[str(p.kind)] = counts.get(str(p.kind), 0) + 1
    lines.append(
        f"{len(res.paragraphs)} paragraphs: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f"; {len(res.footnotes)} footnotes"
    )
    lines.append("")
    for p in res.paragraphs:
        tag = f"{p.kind.value[:4].upper():4} {p.number or '':>10}"
        indent = " " * (len(tag) + 1 + 2 * p.level)
        body = p.text + (f"  [fn {', '.join(p.footnotes)}]" if p.footnotes else "")
        wrapped = wrap(body, max(20, width - len(indent))) or [""]
        if italics and p.lead and len(wrapped[0]) >= p.lead:
            # The italic opening words, as printed (terminal italics).
            wrapped[0] = f"\x1b[3m{wrapped[0][: p.lead]}\x1b[23m{wrapped[0][p.lead :]}"
        lines.append(f"{tag} {'  ' * p.level}{wrapped[0]}")
        lines.extend(indent + w for w in wrapped[1:])
    if res.footnotes:
        lines.append("")
        lines.append("Footnotes")
        for fn in res.footnotes:
            lines.append(f"  {fn.number:>3}  {fn.text}")
    for w in res.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines) + "\n"
