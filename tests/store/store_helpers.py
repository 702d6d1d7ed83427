"""Hand-made values for the store's tests."""

from __future__ import annotations

import datetime as _dt

from drafter.model import Paragraph, ParaKind, Resolution


def make_resolution(
    texts: list[tuple[str | None, str]], symbol: str = "A/80/L.99", date: _dt.date | None = None
) -> Resolution:
    """A hand-made resolution: (number, text) pairs; numbered ones are operative."""
    paras = tuple(
        Paragraph(
            id=i,
            kind=ParaKind.OPERATIVE if number else ParaKind.PREAMBULAR,
            number=number,
            text=text,
        )
        for i, (number, text) in enumerate(texts)
    )
    return Resolution(
        symbol=symbol, title="Test resolution on cooperation", date=date, paragraphs=paras
    )
