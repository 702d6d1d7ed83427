"""Plain text whose lines start at the left edge and whose paragraphs open with an
indent, sometimes with no blank line before them (A/RES/51/194 as transcribed)."""

from __future__ import annotations

from pathlib import Path

from drafter.ingest import load
from drafter.model import ParaKind

TEXT = Path(__file__).resolve().parents[1] / "data" / "real_pairs" / "A_RES_51_194.txt"


def test_an_indented_first_line_after_a_finished_line_opens_a_paragraph():
    res = load(TEXT)
    pps = [p.text for p in res.paragraphs if p.kind == ParaKind.PREAMBULAR]
    for opening in (
        "Strongly emphasizing the urgent need to ensure, respect and promote",
        "Commending the activities of the United Nations Volunteers",
    ):
        assert any(t.startswith(opening) for t in pps), opening
    # the paragraphs before them end where they did, at their own last words
    assert any(t.endswith("humanitarian assistance within its territory,") for t in pps)
    assert any(
        t.endswith("disaster prevention, mitigation and preparedness measures,") for t in pps
    )
    assert not any("Strongly emphasizing" in t and not t.startswith("Strongly") for t in pps)
