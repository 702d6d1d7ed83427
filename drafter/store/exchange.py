"""Notes export and import as JSON, to share with colleagues (docs/notes-format.md).

Versions are named by the SHA-256 of their content, which is the same in every
library that imported the same file, with symbol and paragraph hashes as a fallback
when a colleague imported another file of the same document. Import merges by note
id: a note already present is updated only if the incoming copy is newer, so
importing the same file twice, or each other's files back and forth, never makes
duplicates.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.errors import StoreError
from drafter.files import glob_escape, write_atomic
from drafter.model import Anchor, Note
from drafter.store.anchors import find_quote, text_hash
from drafter.store.db import Connection
from drafter.store.notes import clean_tags, note_from_row, note_to_row, now_iso
from drafter.store.notes_schema import FORMAT, FORMAT_VERSION, parse_timestamp, read_notes_file


def export_notes(
    cx: Connection, path: str | Path, version_ids: Iterable[int] | None = None
) -> Path:
    """Write the notes of the given versions (default: all) to ``path``, atomically."""
    path = Path(path)
    where, params = "", ()
    if version_ids is not None:
        ids = tuple(int(v) for v in version_ids)
        for vid in ids:
            if not cx.read("SELECT 1 FROM versions WHERE id = ?", (vid,)):
                raise StoreError(f"no version {vid} in the library")
        where = f" WHERE version_id IN ({', '.join('?' * len(ids)) or 'NULL'})"
        params = ids
    notes = [
        note_from_row(r)
        for r in cx.read(
            f"SELECT * FROM notes{where} ORDER BY version_id, paragraph_id, created", params
        )
    ]
    vids = sorted({n.version_id for n in notes})
    versions = {}
    for vid in vids:
        v = cx.read(
            "SELECT id, sha256, symbol, title, stage, date, language, source FROM versions WHERE id = ?",
            (vid,),
        )[0]
        versions[vid] = v
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": now_iso(),
        "versions": [
            {
                "sha256": v["sha256"],
                "symbol": v["symbol"],
                "title": v["title"],
                "stage": v["stage"],
                "date": v["date"],
                "language": v["language"],
                "source": v["source"],
            }
            for v in versions.values()
        ],
        "notes": [_note_json(n, versions[n.version_id]["sha256"]) for n in notes],
    }
    data = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    _write_atomic(path, data)
    return path


def _note_json(n: Note, sha: str) -> dict[str, Any]:
    # The exchange names the version by its content hash, not the local row id.
    return {
        ("version" if k == "version_id" else k): (sha if k == "version_id" else v)
        for k, v in n.to_json().items()
    }


def _write_atomic(path: Path, data: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the notes ({exc.strerror or exc})") from None
    write_atomic(
        path,
        lambda fh: fh.write(data.encode("utf-8")),
        error=StoreError,
        legacy_temporaries=(f"{glob_escape('.' + path.name)}.*.tmp",),
    )


def import_notes(cx: Connection, path: str | Path) -> dict[str, Any]:
    """Merge the notes in ``path`` into the library.

    The whole file is checked first (:mod:`drafter.store.notes_schema`); a file with
    any invalid field is refused and nothing of it is stored. Returns counts:
    ``added``, ``updated`` (incoming copy newer), ``unchanged``, ``conflicts`` (the
    order of two different copies is unclear: both are kept, the incoming one as a
    new note tagged "conflict"), ``reanchored`` (matched to another file of the
    same document), ``orphaned`` (of those, the ones whose paragraph could not be
    found), ``skipped`` (their document is not in this library) with ``skipped_symbols``.
    """
    path = Path(path)
    doc = read_notes_file(path)
    by_sha = {r["sha256"].lower(): r["id"] for r in cx.read("SELECT id, sha256 FROM versions")}
    incoming: list[tuple[Note, bool]] = []  # (note as it will be stored, re-anchored?)
    skipped: list[str] = []
    counts: dict[str, Any] = {"skipped": 0}
    para_cache: dict[int, list[Any]] = {}
    for item in doc.notes:
        note, sha = item.note, item.version_sha
        meta = doc.versions.get(sha, {})
        vid = by_sha.get(sha)
        reanchored = False
        if vid is None:
            vid = _same_document(cx, meta)
            if vid is None:
                skipped.append(meta.get("symbol") or sha[:12])
                counts["skipped"] += 1
                continue
            note = _reanchor(cx, note, vid, para_cache)
            reanchored = True
        else:
            note = _replace(note, version_id=vid)
        incoming.append((note, reanchored))

    def apply() -> dict[str, int]:
        c = dict.fromkeys(
            ("added", "updated", "unchanged", "conflicts", "reanchored", "orphaned"), 0
        )
        for note, reanchored in incoming:
            row = _stored_copy(cx, note)
            if row is None:
                cx.db["notes"].insert(note_to_row(note))
                c["added"] += 1
                c["reanchored"] += reanchored
                c["orphaned"] += reanchored and note.orphaned
                continue
            order = _newer(note, row)
            if order == "incoming":
                r = note_to_row(note)
                cx.db["notes"].update(row["id"], {k: r[k] for k in _MERGED})
                c["updated"] += 1
            elif order == "unclear":
                copy = _conflict_copy(note)
                if cx.conn.execute("SELECT 1 FROM notes WHERE id = ?", (copy.id,)).fetchone():
                    c["unchanged"] += 1  # this conflict was kept on an earlier import
                else:
                    cx.db["notes"].insert(note_to_row(copy))
                    c["conflicts"] += 1
            else:
                c["unchanged"] += 1
        return c

    counts.update(cx.write(apply))
    counts["skipped_symbols"] = sorted(set(skipped))
    return counts


_MERGED = ("body", "tags", "status", "updated", "author")
CONFLICT_TAG = "conflict"
_CONFLICT_NS = uuid.UUID("5b0d7d1e-3c4f-4f6e-9a51-6a1d2f0c8e47")


def _stored_copy(cx: Connection, note: Note) -> Any:
    cur = cx.conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute("SELECT * FROM notes WHERE id = ?", (note.id,)).fetchone()
    if row is None and note.carried_from:
        # Both libraries carried the same note to this version (each copy got its
        # own id): it is one note, not two.
        row = cur.execute(
            "SELECT * FROM notes WHERE version_id = ? AND carried_from = ?",
            (note.version_id, note.carried_from),
        ).fetchone()
    return row


def _newer(note: Note, row: Any) -> str:
    """Which copy is newer: "incoming", "stored", or "unclear" (then both are kept).

    By parsed time, never by text. The order is unclear when the stored time cannot
    be read (a library written before files were checked), or when both copies carry
    the same time but say different things.
    """
    theirs = parse_timestamp(note.updated)
    ours = parse_timestamp(row["updated"])
    stored = note_from_row(row)
    same = all(getattr(note, k) == getattr(stored, k) for k in _MERGED if k != "updated")
    if ours is None or theirs is None:
        return "stored" if same else "unclear"
    if theirs > ours:
        return "incoming"
    if theirs == ours and not same:
        return "unclear"
    return "stored"


def _conflict_copy(note: Note) -> Note:
    """The incoming copy as a note of its own, tagged "conflict"; its id comes from
    its content, so importing the same file again does not add it twice."""
    key = "\0".join((note.id, note.updated, note.body, note.author, ",".join(note.tags)))
    return _replace(
        note,
        id=uuid.uuid5(_CONFLICT_NS, key).hex,
        tags=clean_tags((*note.tags, CONFLICT_TAG)),
        carried_from=None,
    )


def _replace(note: Note, **changes: Any) -> Note:
    from dataclasses import replace

    return replace(note, **changes)


def _same_document(cx: Connection, meta: dict[str, Any]) -> int | None:
    """A stored version of the same document (same symbol and date), if any."""
    symbol = meta.get("symbol")
    if not symbol:
        return None
    rows = cx.read("SELECT id, date FROM versions WHERE symbol = ? ORDER BY id DESC", (symbol,))
    for r in rows:
        if r["date"] == meta.get("date"):
            return r["id"]
    return None


def _reanchor(cx: Connection, note: Note, vid: int, cache: dict[int, list[Any]]) -> Note:
    """Find the note's paragraph in another file of the same document, by content."""
    if vid not in cache:
        cache[vid] = cx.read(
            "SELECT pid, number, text, text_hash FROM paragraphs WHERE version_id = ? ORDER BY pid",
            (vid,),
        )
    paras = cache[vid]
    a = note.anchor
    target = next((p for p in paras if p["text_hash"] == a.text_hash), None)
    if target is None and a.number:
        same_number = [p for p in paras if p["number"] == a.number]
        if a.quote:
            same_number = [p for p in same_number if find_quote(p["text"], a.quote, a.start)]
        target = same_number[0] if len(same_number) == 1 else None
    if target is None:
        place = min(max(a.paragraph_id, 0), len(paras) - 1) if paras else -1
        return _replace(note, version_id=vid, anchor=_replace(a, paragraph_id=place), orphaned=True)
    start, end, quote = a.start, a.end, a.quote
    if quote:
        span = find_quote(target["text"], quote, a.start)
        if span is None:
            return _replace(
                note, version_id=vid, anchor=_replace(a, paragraph_id=target["pid"]), orphaned=True
            )
        start, end = span
        quote = target["text"][start:end]
    return _replace(
        note,
        version_id=vid,
        anchor=Anchor(
            target["pid"],
            target["number"],
            target["text_hash"] or text_hash(target["text"]),
            quote,
            start,
            end,
        ),
    )
