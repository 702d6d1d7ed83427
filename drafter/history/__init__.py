"""Negotiation history: every paragraph of a family followed across all its versions.

Pure functions of :class:`~drafter.model.Resolution` values (no files, no SQL, no Qt):

* :func:`build_history` chains the versions-mode comparisons of consecutive versions
  into :class:`Thread` values, one per paragraph lineage;
* :func:`blame` tells, for each piece of a paragraph's wording, the version in which
  it entered;
* :func:`order_versions` puts a family's stored versions in negotiation order.
"""

from __future__ import annotations

from .blame import Span, blame
from .engine import build_history, cell_label, part_runs, version_of
from .model import Change, History, HistoryVersion, Step, Thread
from .order import order_versions, session_of, stage_rank

__all__ = [
    "Change",
    "History",
    "HistoryVersion",
    "Span",
    "Step",
    "Thread",
    "blame",
    "build_history",
    "cell_label",
    "order_versions",
    "part_runs",
    "session_of",
    "stage_rank",
    "version_of",
]
