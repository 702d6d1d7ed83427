"""Proposals made by LibreOffice itself, with change recording on (issue 17).

A delegate's copy of LibreOffice opens the base text (a Word file), records the
edits under the delegate's name and saves as Word: the proposals must read back
attributed to that name, placed on the right paragraphs, and judged right.
(Comments are made by Drafter's own Word writer in the other tests: headless
LibreOffice without a GUI aborts when it lays out a comment.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from drafter.export import write_clean
from drafter.ingest import load
from drafter.proposals import Fate, ProposalKind, extract, judge

HERE = Path(__file__).resolve().parent
BASE = "negotiation/palestine-participation/A_80_L.2.txt"
NEXT = "negotiation/palestine-participation/A_RES_80_1.txt"
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin") or "/usr/bin/python3"


def test_libreoffice_tracked_changes_become_attributed_proposals(corpus: Path, tmp_path: Path):
    base = load(corpus / BASE)
    clean = write_clean(base, tmp_path / "A_80_L.2.docx")
    edits = tmp_path / "edits.json"
    edits.write_text(
        json.dumps(
            {
                "replace": [
                    ["grave concern", "concern"],
                    ["Head of State, which", "President, which"],
                    ["apply only during", "apply exclusively during"],
                ]
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "proposals by Jean Dupont.docx"
    run = subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "lo_propose.py"), str(tmp_path / "profile"), str(clean),
         str(out), "Jean Dupont", str(edits)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    props = extract(out, load(clean), delegations={"Jean Dupont": "France"})
    assert [(p.delegation, p.author, p.label, p.kind) for p in props] == [
        ("France", "Jean Dupont", "PP 1", ProposalKind.REPLACE),
        ("France", "Jean Dupont", "OP 1(a)", ProposalKind.REPLACE),
        ("France", "Jean Dupont", "OP 3", ProposalKind.REPLACE),
    ]
    assert props[1].old_text.startswith("Head of State") and props[1].new_text.startswith("President")
    judged = judge(base, props, load(corpus / NEXT))
    assert [p.fate for p in judged] == [Fate.ACCEPTED, Fate.ACCEPTED, Fate.NOT_TAKEN]
