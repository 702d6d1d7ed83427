"""A separate process that writes to a library, for the kill and concurrency tests.

Usage: python store_worker.py DB MODE COUNT [START_FLAG]
  MODE notes:  add COUNT notes to the first version (0 = forever)
  MODE import: store COUNT synthetic versions (0 = forever)
Prints one line per committed change ("note <id>" / "version <sha>"), flushed only
after the call returned, so every printed line is a promise that it is on disk.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from drafter.model import Paragraph, ParaKind, Resolution
from drafter.store import Library


def synthetic(i: int, pid: int) -> Resolution:
    paras = tuple(
        Paragraph(
            id=k,
            kind=ParaKind.OPERATIVE,
            number=str(k + 1),
            text=f"Process {pid} version {i} paragraph {k}: urges Member States to "
            "strengthen cooperation on safe, orderly and regular migration " * 3,
        )
        for k in range(150)
    )
    return Resolution(
        symbol=f"A/80/L.{pid}.{i}", title=f"Synthetic {pid}", date=None, paragraphs=paras
    )


def main() -> int:
    db, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    flag = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    with Library.open(db) as lib:
        if flag is not None:
            while not flag.exists():
                time.sleep(0.005)
        vid = lib.versions()[0].id
        i = 0
        while count == 0 or i < count:
            if mode == "notes":
                who = sys.argv[5] if len(sys.argv) > 5 else ""
                body = f"note {i} from {who}"
                note = lib.add_note(vid, i % 3, body, author="w", tags=[f"t{i % 5}"])
                print("note", note.id, flush=True)
            else:
                res = synthetic(i, os.getpid())
                r = lib.add_resolution(replace(res, symbol=f"{res.symbol}.{time.time_ns()}"))
                print("version", r.version.sha256, flush=True)
            i += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
