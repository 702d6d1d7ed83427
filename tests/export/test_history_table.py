"""The negotiation tracking table (``drafter history --docx``) opens in LibreOffice."""

from __future__ import annotations

import re

from drafter.export.history_table import write_history_table
from drafter.history import build_history
from drafter.ingest import load

CUBA = ("A_RES_73_8-EN.pdf", "A_80_L.6.txt", "A_RES_80_4.md")


def test_history_table_converts_to_pdf_with_its_rows(review, corpus, tmp_path) -> None:
    texts = [load(corpus / "families" / "cuba-embargo" / f) for f in CUBA]
    history = build_history(texts)
    path = write_history_table(history, tmp_path / "history.docx", author="Test")
    since = write_history_table(history, tmp_path / "since.docx", changed_since=1)
    pdf = review.soffice_pdf_text([path, since], tmp_path)
    text = re.sub(r"\s+", " ", pdf[path])
    assert "Negotiation history: Necessity of ending the economic" in text
    for symbol in ("A/RES/73/8", "A/80/L.6", "A/RES/80/4"):
        assert symbol in text
    assert "eighty-first" in text and "seventy-fourth" in text  # OP 5's change, both sides
    assert "unchanged" in text and "deleted" in text and "new" in text
    assert "Cuba: draft resolution" in text
    short = re.sub(r"\s+", " ", pdf[since])
    assert "are listed" in short and "Decides to include" not in short
