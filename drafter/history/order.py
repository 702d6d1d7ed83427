"""The order of a family's versions: session, then negotiation stage, then date.

Zero draft < draft < Rev.n (informal revisions) < L-document < its revisions
(A/80/L.2/Rev.1) < adopted; and last year's resolution comes before this year's
drafts. The session is read from the symbol (A/RES/80/4, A/C.1/80/L.2: 80) or,
failing that, from the date (a session opens in September: 1945 + n).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

_SESSION_RE = re.compile(r"^A/(?:RES/|C\.\d/|INF/)?(\d{1,3})/", re.IGNORECASE)
_L_REV_RE = re.compile(r"/L\.\s*\d+.*/Rev\.\s*(\d+)", re.IGNORECASE)


class _VersionLike(Protocol):
    id: int
    symbol: str | None
    stage: str | None
    date: str | None


V = TypeVar("V", bound=_VersionLike)


def session_of(symbol: str | None, date: str | None) -> int | None:
    """The General Assembly session a version belongs to, if it can be told."""
    if symbol:
        m = _SESSION_RE.match(symbol.strip())
        if m:
            return int(m.group(1))
    if date:
        try:
            d = _dt.date.fromisoformat(date)
        except ValueError:
            return None
        return d.year - 1945 if d.month >= 9 else d.year - 1946
    return None


def stage_rank(stage: str | None, symbol: str | None = None) -> float:
    """Where a stage stands in a negotiation (lower is earlier)."""
    if symbol:
        rev = _L_REV_RE.search(symbol)
        if rev:  # a revised L-document: after the L-document, before adoption
            return 4 + int(rev.group(1)) / 100
    s = (stage or "").casefold().strip()
    if not s:
        return 1.5
    if "zero" in s:
        return 0
    if s.startswith("adopted") or "resolution" in s:
        return 5
    rev = re.search(r"rev\.?\s*(\d+)", s)
    if rev:
        return 2 + int(rev.group(1)) / 100
    if s.startswith("l-doc") or s.startswith("l."):
        return 3
    if "draft" in s:
        return 1
    return 1.5


def version_key(v: _VersionLike, default_session: int = 10_000) -> tuple:
    session = session_of(v.symbol, v.date)
    return (
        session if session is not None else default_session,
        stage_rank(v.stage, v.symbol),
        v.date or "9999",
        v.id,
    )


def order_versions(versions: Sequence[V]) -> list[V]:
    """The versions of one family from the earliest to the latest.

    A version whose session cannot be told (a "zero draft.docx" with neither
    symbol nor date) is taken to belong to the latest session of the others: the
    text under negotiation now.
    """
    known = [s for s in (session_of(v.symbol, v.date) for v in versions) if s is not None]
    default = max(known) if known else 10_000
    return sorted(versions, key=lambda v: version_key(v, default))
