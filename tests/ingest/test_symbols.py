"""Document symbols are read whole: a revision, addendum or corrigendum is its own document."""

from __future__ import annotations

import pytest

from drafter.ingest import parse_text
from drafter.ingest.lines import SYMBOL_RE
from drafter.store.versions import base_symbol


@pytest.mark.parametrize(
    "symbol",
    [
        "A/80/L.6/Rev.1",
        "A/80/L.6/Rev.2",
        "A/78/L.3/Add.1",
        "A/RES/80/4/Corr.1",
        "A/C.3/80/L.41/Rev.1",
        "A/HRC/55/L.12/Rev.1",
        "A/HRC/RES/55/1",
        "E/2025/L.3",
        "E/CN.6/2025/L.3/Rev.1",
        "S/RES/2720 (2023)",
        "A/67/439/Add.2",
    ],
)
def test_symbol_read_whole_in_running_text(symbol):
    for text in (
        f"as contained in {symbol}, and",
        f"[without reference to a Main Committee ({symbol})]",
    ):
        m = SYMBOL_RE.search(text)
        assert m and m.group(0) == symbol


def test_symbol_stops_before_punctuation():
    assert SYMBOL_RE.search("draft resolution A/80/L.2.").group(0) == "A/80/L.2"
    assert SYMBOL_RE.search("A/C.1/80/L.23*").group(0) == "A/C.1/80/L.23"


@pytest.mark.parametrize("suffix", ["/Rev.1", "/Rev.2", "/Add.1", "/Corr.1"])
def test_revision_of_a_real_draft_keeps_its_symbol(corpus, suffix):
    # The real draft A/80/L.6 (PyMuPDF text) as its revision would print: the cover
    # symbol and the running header on page 2 both carry the suffix.
    text = (corpus / "families" / "cuba-embargo" / "A_80_L.6.txt").read_text(encoding="utf-8")
    revised = text.replace("A/80/L.6\n", f"A/80/L.6{suffix}\n").replace(
        "A/80/L.6 \n", f"A/80/L.6{suffix} \n"
    )
    assert revised.count(f"A/80/L.6{suffix}") == 2
    original = parse_text(text)
    res = parse_text(revised)
    assert res.symbol == f"A/80/L.6{suffix}"
    assert base_symbol(res.symbol) == "A/80/L.6"
    # the running header is still page furniture: the same paragraphs as the original
    assert [p.text for p in res.paragraphs] == [p.text for p in original.paragraphs]
