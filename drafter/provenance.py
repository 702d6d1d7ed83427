"""Agreed-language provenance values: which words of a text stand in other texts.

Produced by :func:`drafter.store.provenance.provenance` (the library is needed to answer),
rendered by the CLI, the GUI overlay and :mod:`drafter.export.provenance_report`. Plain
frozen dataclasses, like :mod:`drafter.model`; ``to_json`` defines the public JSON of
``drafter provenance --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.compare.tokens import HAS_WORD_RE

SOURCES_PER_SPAN = 12


@dataclass(frozen=True, slots=True)
class Source:
    """One stored paragraph that holds a span's words."""

    version_id: int
    family_id: int
    symbol: str | None
    date: str | None
    stage: str | None
    number: str | None  # the paragraph's number as printed ("3(c)"), None if unnumbered
    paragraph_id: int
    kind: str

    @property
    def adopted(self) -> bool:
        return self.stage == "adopted"

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "date": self.date,
            "stage": self.stage,
            "number": self.number,
            "version_id": self.version_id,
            "paragraph_id": self.paragraph_id,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of a paragraph's text that stand in other texts."""

    start: int
    end: int
    words: int
    sources: tuple[Source, ...]  # adopted first, then the oldest; at most SOURCES_PER_SPAN
    source_count: int  # how many places hold it in all (of those found)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "sources": [s.to_json() for s in self.sources],
            "source_count": self.source_count,
        }


@dataclass(frozen=True, slots=True)
class ParagraphProvenance:
    id: int
    number: str | None
    label: str
    text: str
    words: int
    agreed_words: int
    spans: tuple[Span, ...]

    @property
    def new_share(self) -> float:
        return 1.0 - self.agreed_words / self.words if self.words else 0.0

    def new_language(self) -> list[tuple[int, int]]:
        """Character ranges of the text not covered by any span (new language)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for span in (*self.spans, Span(len(self.text), len(self.text), 0, (), 0)):
            if span.start > pos and HAS_WORD_RE.search(self.text, pos, span.start):
                out.append((pos, span.start))
            pos = max(pos, span.end)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "label": self.label,
            "new_share": round(self.new_share, 4),
            "words": self.words,
            "spans": [s.to_json() for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Provenance:
    """A document's agreed language, paragraph by paragraph."""

    symbol: str | None
    title: str | None
    paragraphs: tuple[ParagraphProvenance, ...]
    min_words: int
    include_family: bool
    excluded_versions: tuple[int, ...] = ()

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    @property
    def agreed_share(self) -> float:
        total = self.words
        return sum(p.agreed_words for p in self.paragraphs) / total if total else 0.0

    def to_json(self) -> dict[str, Any]:
        agreed = self.agreed_share if self.words else 0.0
        return {
            "symbol": self.symbol,
            "title": self.title,
            "min_words": self.min_words,
            "include_family": self.include_family,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "summary": {
                "agreed_share": round(agreed, 4),
                "new_share": round(1.0 - agreed, 4) if self.words else 0.0,
                "paragraphs": len(self.paragraphs),
                "words": self.words,
            },
        }
