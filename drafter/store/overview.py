"""Every note of the library in one list, searchable and filterable.

Why: a delegate asks "what did we say about GRULAC's proposal?" across all
versions, not one version at a time. Each entry carries what a reader needs
beside the note: the version, the paragraph's label and its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.model import Note, Paragraph

from .db import Connection
from .notes import note_from_row
from .types import VersionInfo
from .versions import list_versions, load_resolution


@dataclass(frozen=True, slots=True)
class NoteEntry:
    note: Note
    version: VersionInfo
    label: str  # "OP 3(c)", "PP 2", "¶ 12"; the anchor's number for an orphaned note
    paragraph_text: str  # "" for an orphaned note

    def to_json(self) -> dict[str, Any]:
        return {
            **self.note.to_json(),
            "version": {
                "id": self.version.id,
                "symbol": self.version.symbol,
                "stage": self.version.stage,
                "language": self.version.language,
            },
            "paragraph": self.label,
            "paragraph_text": self.paragraph_text,
        }


def _words(text: str) -> list[str]:
    return text.casefold().split()


def notes_overview(
    cx: Connection,
    *,
    search: str = "",
    tags: tuple[str, ...] = (),
    status: str | None = None,
    version_id: int | None = None,
    author: str | None = None,
) -> list[NoteEntry]:
    """Notes matching every filter; ``search`` words may be in the note, its quote or
    tags, its author, the paragraph or the version's symbol (case ignored)."""
    sql, params = "SELECT * FROM notes", []
    if version_id is not None:
        sql += " WHERE version_id = ?"
        params.append(version_id)
    sql += " ORDER BY version_id, paragraph_id, start, created, id"
    notes = [note_from_row(r) for r in cx.read(sql, tuple(params))]
    wanted_tags = {t.casefold().lstrip("#") for t in tags if t.strip()}
    words = _words(search)
    who = (author or "").casefold().strip()
    versions = {v.id: v for v in list_versions(cx)}
    paragraphs: dict[int, tuple[Paragraph, ...]] = {}
    out = []
    for note in notes:
        if status and str(note.status) != status:
            continue
        if wanted_tags and not wanted_tags <= {t.casefold() for t in note.tags}:
            continue
        if who and who not in note.author.casefold():
            continue
        version = versions[note.version_id]
        if note.version_id not in paragraphs:
            paragraphs[note.version_id] = load_resolution(cx, note.version_id).paragraphs
        pars = paragraphs[note.version_id]
        pid = note.anchor.paragraph_id
        if not note.orphaned and 0 <= pid < len(pars):
            label, text = pars[pid].label, pars[pid].text
        else:
            label, text = (note.anchor.number or "—"), ""
        if words:
            hay = " ".join(
                (
                    note.body,
                    note.anchor.quote,
                    " ".join(note.tags),
                    note.author,
                    label,
                    text,
                    version.symbol or "",
                    version.title or "",
                )
            ).casefold()
            if not all(w in hay for w in words):
                continue
        out.append(NoteEntry(note, version, label, text))
    return out
