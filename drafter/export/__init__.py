"""Word export: redlines with tracked changes, side-by-side tables, clean copies.

Renders core values (:class:`~drafter.model.Comparison`, :class:`~drafter.model.Relation`,
:class:`~drafter.model.Resolution`, :class:`~drafter.model.Note`) to .docx with
python-docx plus raw OOXML where python-docx has no API (tracked changes,
footnotes). No SQL, no Qt: callers pass the notes in. Every writer saves
atomically and raises :class:`~drafter.errors.ExportError` with a plain message.
"""

from __future__ import annotations

from .clean import write_clean
from .redline import write_redline
from .side_by_side import write_side_by_side

__all__ = ["write_clean", "write_redline", "write_side_by_side"]
