"""Notes: rows <-> :class:`drafter.model.Note`, and the single-note changes.

Each change is one transaction; a note that a call returned is on disk.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from drafter.errors import StoreError
from drafter.model import Anchor, Note, NoteStatus
from drafter.store.anchors import check_quote, text_hash
from drafter.store.db import Connection

NOTE_COLUMNS = (
    "id",
    "version_id",
    "paragraph_id",
    "number",
    "text_hash",
    "quote",
    "start",
    "end",
    "body",
    "author",
    "created",
    "updated",
    "tags",
    "status",
    "orphaned",
    "carried_from",
)


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the millisecond with a Z (sorts as text)."""
    now = _dt.datetime.now(_dt.UTC)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without empties or duplicates, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


def note_from_row(row: Any) -> Note:
    return Note(
        id=row["id"],
        version_id=row["version_id"],
        anchor=Anchor(
            paragraph_id=row["paragraph_id"],
            number=row["number"],
            text_hash=row["text_hash"],
            quote=row["quote"],
            start=row["start"],
            end=row["end"],
        ),
        body=row["body"],
        author=row["author"],
        created=row["created"],
        updated=row["updated"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        status=NoteStatus(row["status"]),
        orphaned=bool(row["orphaned"]),
        carried_from=row["carried_from"],
    )


def note_to_row(note: Note) -> dict[str, Any]:
    """The note's JSON form, with the two columns SQLite stores differently."""
    row = note.to_json()
    row["tags"] = json.dumps(row["tags"], ensure_ascii=False)
    row["orphaned"] = int(note.orphaned)
    return row


def insert_note_rows(cx: Connection, notes: Sequence[Note]) -> None:
    """Insert notes inside the caller's transaction (sqlite-utils, one statement batch)."""
    if notes:
        cx.db["notes"].insert_all([note_to_row(n) for n in notes])


def get_note(cx: Connection, note_id: str) -> Note:
    """A note by its id, or by a unique prefix of at least 6 characters (as the CLI shows)."""
    rows = cx.read("SELECT * FROM notes WHERE id = ?", (note_id,))
    if not rows and len(note_id) >= 6 and note_id.isalnum():
        rows = cx.read("SELECT * FROM notes WHERE id LIKE ? LIMIT 2", (note_id.lower() + "%",))
        if len(rows) > 1:
            raise StoreError(f"more than one note starts with {note_id}; give more of its id")
    if not rows:
        raise StoreError(f"no note with id {note_id}")
    return note_from_row(rows[0])


def list_notes(cx: Connection, version_id: int, *, include_orphaned: bool = True) -> list[Note]:
    sql = "SELECT * FROM notes WHERE version_id = ?"
    if not include_orphaned:
        sql += " AND orphaned = 0"
    sql += " ORDER BY paragraph_id, start, created, id"
    return [note_from_row(r) for r in cx.read(sql, (version_id,))]


def paragraph_row(cx: Connection, version_id: int, paragraph_id: int) -> Any:
    rows = cx.read(
        "SELECT pid, number, text, text_hash FROM paragraphs WHERE version_id = ? AND pid = ?",
        (version_id, paragraph_id),
    )
    if not rows:
        if not cx.read("SELECT 1 FROM versions WHERE id = ?", (version_id,)):
            raise StoreError(f"no version {version_id} in the library")
        raise StoreError(f"version {version_id} has no paragraph with id {paragraph_id}")
    return rows[0]


def add_note(
    cx: Connection,
    version_id: int,
    paragraph_id: int,
    body: str,
    *,
    author: str,
    tags: Iterable[str] = (),
    quote: str = "",
    start: int = 0,
    end: int = 0,
) -> Note:
    if not body or not body.strip():
        raise StoreError("a note needs some text")
    if not author or not author.strip():
        raise StoreError("a note needs an author")
    para = paragraph_row(cx, version_id, paragraph_id)
    try:
        quote, start, end = check_quote(para["text"], quote, start, end)
    except ValueError as exc:
        raise StoreError(f"cannot anchor the note: {exc}") from None
    stamp = now_iso()
    note = Note(
        id=new_id(),
        version_id=version_id,
        anchor=Anchor(
            paragraph_id=paragraph_id,
            number=para["number"],
            text_hash=para["text_hash"] or text_hash(para["text"]),
            quote=quote,
            start=start,
            end=end,
        ),
        body=body.strip(),
        author=author.strip(),
        created=stamp,
        updated=stamp,
        tags=clean_tags(tags),
    )
    cx.write(lambda: insert_note_rows(cx, [note]))
    return note


def update_note(
    cx: Connection,
    note_id: str,
    *,
    body: str | None = None,
    tags: Iterable[str] | None = None,
    status: NoteStatus | str | None = None,
) -> Note:
    changes: dict[str, Any] = {}
    if body is not None:
        if not body.strip():
            raise StoreError("a note needs some text (delete it instead)")
        changes["body"] = body.strip()
    if tags is not None:
        changes["tags"] = json.dumps(list(clean_tags(tags)), ensure_ascii=False)
    if status is not None:
        try:
            changes["status"] = str(NoteStatus(str(status)))
        except ValueError:
            raise StoreError(f"unknown note status {status!r} (open or resolved)") from None
    get_note(cx, note_id)  # a clear error for an unknown id
    if changes:
        changes["updated"] = now_iso()
        sets = ", ".join(f'"{k}" = :{k}' for k in changes)

        def apply() -> None:
            cx.conn.execute(f"UPDATE notes SET {sets} WHERE id = :id", {**changes, "id": note_id})

        cx.write(apply)
    return get_note(cx, note_id)


def delete_note(cx: Connection, note_id: str) -> Note:
    def apply() -> Note:
        rows = cx.conn.execute(
            f"SELECT {', '.join(_q(c) for c in NOTE_COLUMNS)} FROM notes WHERE id = ?",
            (note_id,),
        ).fetchall()
        if not rows:
            raise StoreError(f"no note with id {note_id}")
        note = note_from_row(dict(zip(NOTE_COLUMNS, rows[0], strict=True)))
        cx.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return note

    return cx.write(apply)


def restore_note(cx: Connection, note: Note) -> None:
    """Put back a deleted note exactly as it was (undo); a no-op if it is still there."""

    def apply() -> None:
        if not cx.conn.execute(
            "SELECT 1 FROM versions WHERE id = ?", (note.version_id,)
        ).fetchone():
            raise StoreError(f"cannot restore the note: version {note.version_id} is gone")
        cx.db["notes"].insert(note_to_row(note), ignore=True)

    try:
        cx.write(apply)
    except sqlite3.IntegrityError as exc:
        raise StoreError(f"cannot restore the note ({exc})") from None


def _q(name: str) -> str:
    return f'"{name}"'
