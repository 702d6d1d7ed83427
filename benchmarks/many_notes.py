"""Issue 13 benchmark: a version with 20,000 notes, exported and compared with notes.

Builds a library holding a real corpus text (A/RES/68/4) and its illustrative draft,
puts N notes (default 20,000) on the adopted version, spread over its paragraphs,
some on quoted words, some resolved, then times the two commands a user runs:

    drafter export VERSION --docx OUT.docx          (a clean copy, notes as comments)
    drafter compare OLD NEW --docx OUT.docx --db LIB --with-notes

Target: each within 10 s, and linear (the time per note does not grow with N). The
target is checked on CPU time (``time.process_time``): on a shared, overloaded machine
the wall-clock time, printed too, measures the neighbours as much as Drafter.

    .venv/bin/python benchmarks/many_notes.py [--notes N] [--scaling]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
TARGET_SECONDS = 10.0


def build_library(folder: Path, notes: int) -> tuple[Path, int]:
    """A library with the two sample versions and ``notes`` notes on the adopted one."""
    from drafter.model import Anchor, Note, NoteStatus
    from drafter.store import Library
    from drafter.store.anchors import text_hash
    from drafter.store.notes import insert_note_rows, now_iso

    db = folder / "lib.db"
    with Library.open(db) as lib:
        lib.import_file(SAMPLES / "A_68_L5_draft_illustrative.md")
        vid = lib.import_file(SAMPLES / "A_RES_68_4.md").version.id
        res = lib.load_version(vid)
        stamp = now_iso()
        batch = []
        for i in range(notes):
            p = res.paragraphs[i % len(res.paragraphs)]
            words = p.text.split()
            quote = " ".join(words[1:3]) if i % 3 == 0 and len(words) > 3 else ""
            start = p.text.find(quote) if quote else 0
            batch.append(
                Note(
                    id=uuid.uuid4().hex,
                    version_id=vid,
                    anchor=Anchor(
                        paragraph_id=p.id,
                        number=p.number,
                        text_hash=text_hash(p.text),
                        quote=quote,
                        start=max(start, 0),
                        end=max(start, 0) + len(quote) if quote else 0,
                    ),
                    body=f"Note {i}: check this wording with the capital",
                    author=f"Delegate {i % 7}",
                    tags=(f"t{i % 5}",),
                    status=NoteStatus.RESOLVED if i % 4 == 0 else NoteStatus.OPEN,
                    created=stamp,
                    updated=stamp,
                )
            )
        lib._cx.write(lambda: insert_note_rows(lib._cx, batch))
        assert len(lib.notes(vid)) == notes
    return db, vid


def comments_in(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return z.read("word/comments.xml").count(b"<w:comment ")


def _timed(argv: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``drafter`` command, run in this process."""
    import contextlib
    import io

    from drafter.cli import main

    c0, w0 = time.process_time(), time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    assert code == 0, argv
    return time.process_time() - c0, time.perf_counter() - w0


def run(notes: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="drafter-notes-") as tmp:
        folder = Path(tmp)
        db, vid = build_library(folder, notes)
        out = {}
        out["export"] = _timed(
            ["export", str(vid), "--db", str(db), "--docx", str(folder / "clean.docx")]
        )
        assert comments_in(folder / "clean.docx") >= notes
        out["compare --with-notes"] = _timed([
            "compare", str(SAMPLES / "A_68_L5_draft_illustrative.md"), str(SAMPLES / "A_RES_68_4.md"),
            "--docx", str(folder / "redline.docx"), "--db", str(db), "--with-notes",
        ])  # fmt: skip
        assert comments_in(folder / "redline.docx") >= notes
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=20000)
    ap.add_argument("--scaling", action="store_true", help="also time N/4 and N/2 notes")
    args = ap.parse_args()
    sizes = [args.notes // 4, args.notes // 2, args.notes] if args.scaling else [args.notes]
    worst = 0.0
    for n in sizes:
        times = run(n)
        if n == args.notes:
            worst = max(cpu for cpu, _wall in times.values())
        line = "  ".join(
            f"{k} {cpu:5.2f} s CPU ({1e6 * cpu / n:4.0f} µs/note), {wall:5.2f} s wall"
            for k, (cpu, wall) in times.items()
        )
        print(f"{n:6d} notes: {line}", flush=True)
    ok = worst <= TARGET_SECONDS
    print(f"{'OK' if ok else 'TOO SLOW'}: worst {worst:.2f} s CPU (target {TARGET_SECONDS:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
