"""Regenerate :mod:`drafter.compare._background` from a folder of resolution texts.

Usage: ``python -m drafter.compare._make_background ../shared/corpus/ga80/md``.
Each non-empty line after the YAML front matter of each ``.md`` file counts as a
paragraph; the module written lists how many paragraphs contain each scoring unit,
for units common enough to be boilerplate (rare units need no entry: absent means
rare). Not imported at run time.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from drafter.compare.phrases import stemmed_spans, units

MIN_DF = 6
OUT = Path(__file__).with_name("_background.py")


def paragraphs(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        for line in text.splitlines():
            line = re.sub(r"\[\^\w+\]", " ", line).strip()
            if len(line.split()) >= 4:
                out.append(line)
    return out


def main(argv: list[str]) -> int:
    paras = paragraphs(Path(argv[0]))
    df: Counter[str] = Counter()
    for p in paras:
        df.update(units([s for _, _, s in stemmed_spans(p)]))
    common = {u: c for u, c in sorted(df.items()) if c >= MIN_DF}
    # Packed as text ("unit=count" separated by ";"), a few entries per line: a
    # dict literal would be one line per entry.
    entries = [f"{u}={c}" for u, c in common.items()]
    rows, row = [], ""
    for e in entries:
        if len(row) + len(e) + 1 > 96:
            rows.append(row)
            row = ""
        row += e + ";"
    rows.append(row)
    lines = [
        '"""Background document frequencies of boilerplate units (generated: do not edit).',
        "",
        f"Made by _make_background.py from {len(paras)} paragraphs of real resolutions:",
        f"how many paragraphs contain each unit, for units in at least {MIN_DF} of them.",
        '"""',
        "",
        f"PARAGRAPHS = {len(paras)}",
        "",
        '_PACKED = """',
        *rows,
        '"""',
        "",
        "DF: dict[str, int] = {",
        "    unit: int(count)",
        '    for unit, _, count in (e.rpartition("=") for e in _PACKED.replace("\\n", "").split(";"))',
        "    if unit",
        "}",
        "",
    ]
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(common)} units from {len(paras)} paragraphs -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
