"""The store's answers: small frozen values, so callers never see SQL rows.

Notes themselves are :class:`drafter.model.Note`; these describe the library
(families, versions) and the results of imports, carry-forwards and searches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.model import Note


@dataclass(frozen=True, slots=True)
class FamilyInfo:
    """One resolution's history: the versions that belong together."""

    id: int
    name: str  # the title of its adopted (else latest) version
    created: str  # ISO 8601 UTC
    version_count: int = 0
    latest_version_id: int | None = None
    named_by_hand: bool = False  # renamed by the user: keeps its title

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "created": self.created,
            "version_count": self.version_count,
            "latest_version_id": self.latest_version_id,
            "named_by_hand": self.named_by_hand,
        }


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One stored version of a text (a draft, a revision, the adopted resolution)."""

    id: int
    family_id: int
    symbol: str | None
    title: str | None
    stage: str | None  # "zero draft", "Rev.1", "L-document", "adopted", ...
    date: str | None  # ISO date as printed in the text
    language: str
    source: str | None  # the file name it was imported from
    sha256: str
    imported_at: str  # ISO 8601 UTC
    paragraph_count: int = 0
    note_count: int = 0

    @property
    def display_name(self) -> str:
        name = self.symbol or self.title or self.source or f"version {self.id}"
        return f"{name} ({self.stage})" if self.stage else name

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "family_id": self.family_id,
            "symbol": self.symbol,
            "title": self.title,
            "stage": self.stage,
            "date": self.date,
            "language": self.language,
            "source": self.source,
            "sha256": self.sha256,
            "imported_at": self.imported_at,
            "paragraph_count": self.paragraph_count,
            "note_count": self.note_count,
        }


@dataclass(frozen=True, slots=True)
class CarryReport:
    """What happened to each note of one version when carried to another.

    Every note of the old version is accounted for exactly once: ``carried``
    (attached to the aligned paragraph of the new version), ``orphaned`` (its
    paragraph or its quoted words are gone; stored, flagged, never dropped) or
    ``already`` (carried on an earlier run: nothing added twice).
    """

    from_version: int
    to_version: int
    carried: tuple[Note, ...] = ()
    orphaned: tuple[Note, ...] = ()
    already: tuple[str, ...] = ()  # ids of old notes carried before
    moved: tuple[tuple[str, str, str], ...] = ()  # (new note id, old label, new label)
    reasons: tuple[tuple[str, str], ...] = ()  # (orphaned note id, why)

    @property
    def total(self) -> int:
        return len(self.carried) + len(self.orphaned) + len(self.already)

    def summary(self) -> str:
        parts = [f"{len(self.carried)} carried"]
        if self.moved:
            parts.append(f"{len(self.moved)} to a renumbered paragraph")
        parts.append(f"{len(self.orphaned)} orphaned")
        if self.already:
            parts.append(f"{len(self.already)} carried before")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The outcome of importing one file: a new version, or the one already stored."""

    version: VersionInfo
    already_stored: bool
    path: str | None = None
    carry: CarryReport | None = None  # notes carried from the family's previous version
    warnings: tuple[str, ...] = ()

    @property
    def version_id(self) -> int:
        return self.version.id


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One stored paragraph that matches a search.

    ``snippet`` is plain text around the match; ``marks`` are (start, end) spans
    of the matched words inside it, for highlighting. ``rank`` is higher for
    better matches (comparable only within one result list).
    """

    version_id: int
    symbol: str | None
    paragraph_id: int
    number: str | None
    date: str | None
    snippet: str
    rank: float
    marks: tuple[tuple[int, int], ...] = ()
    label: str = ""
    title: str | None = None
    stage: str | None = None
    text: str = ""
    exact: bool = True  # False: all the words occur, but not as the exact phrase
    same_text_elsewhere: int = 0  # other stored paragraphs with this very wording

    def to_json(self) -> dict[str, Any]:
        return {
            "version_id": self.version_id,
            "symbol": self.symbol,
            "paragraph_id": self.paragraph_id,
            "number": self.number,
            "label": self.label,
            "date": self.date,
            "title": self.title,
            "stage": self.stage,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "rank": round(self.rank, 4),
            "exact": self.exact,
            "same_text_elsewhere": self.same_text_elsewhere,
        }
