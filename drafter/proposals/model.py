"""Proposals: a delegation's tracked change or comment on a base text, as a value.

``to_json`` defines the public JSON of ``drafter proposals --json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ProposalKind(StrEnum):
    INSERT = "insert"  # add words
    DELETE = "delete"  # delete words
    REPLACE = "replace"  # delete some words, add others in their place
    NEW_PARAGRAPH = "new paragraph"
    DELETE_PARAGRAPH = "delete paragraph"
    MOVE = "move"
    COMMENT = "comment only"


class Fate(StrEnum):
    ACCEPTED = "accepted"  # its words are in the next revision
    PARTLY = "partly"  # some of its words are
    NOT_TAKEN = "not taken"
    OVERTAKEN = "overtaken"  # the paragraph was deleted or rewritten
    NOT_APPLICABLE = "n/a"  # a comment with no change of text


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposal on paragraph ``paragraph`` of the base text.

    ``start``/``end`` are character offsets in that paragraph's text: the words it
    deletes or replaces, or the point where it inserts (start == end). ``old_text``
    holds the words it removes, ``new_text`` the words it adds; ``text`` is the
    paragraph as the proposal would have it.
    """

    id: str
    delegation: str
    author: str
    date: str
    paragraph: int  # base paragraph id (for a new paragraph: the one it follows, -1 first)
    number: str | None
    label: str
    kind: ProposalKind
    old_text: str
    new_text: str
    text: str
    comment: str
    source: str
    start: int = 0
    end: int = 0
    fate: Fate | None = None
    fate_reason: str = ""

    def summary(self) -> str:
        """ "EU: add 'gender-responsive'" as a facilitator would write it."""
        who = self.delegation or self.author or "?"
        if self.kind == ProposalKind.INSERT:
            what = f"add “{self.new_text.strip()}”"
        elif self.kind == ProposalKind.DELETE:
            what = f"delete “{self.old_text.strip()}”"
        elif self.kind == ProposalKind.REPLACE:
            what = f"replace “{self.old_text.strip()}” with “{self.new_text.strip()}”"
        elif self.kind == ProposalKind.NEW_PARAGRAPH:
            what = f"new paragraph “{_short(self.new_text)}”"
        elif self.kind == ProposalKind.DELETE_PARAGRAPH:
            what = "delete the paragraph"
        elif self.kind == ProposalKind.MOVE:
            what = "move the paragraph"
        else:
            what = f"comment: {self.comment}"
        return f"{who}: {what}"

    def to_json(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "delegation": self.delegation,
            "author": self.author,
            "date": self.date,
            "paragraph": self.paragraph,
            "number": self.number,
            "label": self.label,
            "kind": str(self.kind),
            "old_text": self.old_text,
            "new_text": self.new_text,
            "text": self.text,
            "comment": self.comment,
            "source": self.source,
            "start": self.start,
            "end": self.end,
        }
        if self.fate is not None:
            out["fate"] = str(self.fate)
            out["fate_reason"] = self.fate_reason
        return out


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True, slots=True)
class ParagraphProposals:
    """A base paragraph with every proposal on it; conflicting ones grouped."""

    paragraph: int
    label: str
    text: str
    proposals: tuple[Proposal, ...]
    conflicts: tuple[tuple[str, ...], ...] = field(default=())  # groups of proposal ids

    def to_json(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "label": self.label,
            "text": self.text,
            "proposals": [p.id for p in self.proposals],
            "conflicts": [list(g) for g in self.conflicts],
        }


@dataclass(frozen=True, slots=True)
class Compilation:
    """Several delegations' proposals on one base text, paragraph by paragraph."""

    symbol: str | None
    title: str | None
    paragraphs: tuple[ParagraphProposals, ...]
    sources: tuple[str, ...]

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        return tuple(p for para in self.paragraphs for p in para.proposals)

    def fate_by_delegation(self) -> dict[str, dict[str, int]]:
        """Counts of each fate, by delegation (with --fate)."""
        out: dict[str, dict[str, int]] = {}
        for p in self.proposals:
            if p.fate is None:
                continue
            row = out.setdefault(p.delegation, {str(f): 0 for f in Fate})
            row[str(p.fate)] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "symbol": self.symbol,
            "title": self.title,
            "sources": list(self.sources),
            "proposals": [p.to_json() for p in self.proposals],
            "paragraphs": [p.to_json() for p in self.paragraphs if p.proposals],
        }
        fates = self.fate_by_delegation()
        if fates:
            out["fate_by_delegation"] = fates
        return out
