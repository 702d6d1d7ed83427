"""Hand-made resolutions for the comparison tests (importable: tests/compare is on sys.path)."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.model import Paragraph, ParaKind, Resolution


def make_resolution(
    rows: Sequence[tuple[str, str | None, str] | str], *, language: str = "en", symbol: str = "X"
) -> Resolution:
    """A Resolution from (kind, number, text) rows; a bare string is an operative paragraph."""
    paras = []
    op = 0
    for i, row in enumerate(rows):
        if isinstance(row, str):
            op += 1
            row = ("operative", str(op), row)
        kind, number, text = row
        paras.append(Paragraph(id=i, kind=ParaKind(kind), number=number, text=text))
    return Resolution(
        symbol=symbol, title=None, date=None, paragraphs=tuple(paras), language=language
    )
