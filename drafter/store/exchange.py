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
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.errors import StoreError
from drafter.model import Anchor, Note, NoteStatus
from drafter.store.anchors import find_quote, text_hash
from drafter.store.db import Connection
from drafter.store.notes import clean_tags, note_from_row, note_to_row, now_iso

FORMAT = "drafter-notes"
FORMAT_VERSION = 1


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
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the notes ({exc.strerror or exc})") from None


def _read_doc(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the notes file ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path}: not a Drafter notes file (invalid JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise StoreError(f'{path}: not a Drafter notes file (no "format": "{FORMAT}")')
    fv = doc.get("format_version")
    if not isinstance(fv, int) or fv > FORMAT_VERSION:
        raise StoreError(
            f"{path}: notes format version {fv!r} is newer than this Drafter understands "
            f"({FORMAT_VERSION}); update Drafter"
        )
    if not isinstance(doc.get("notes"), list) or not isinstance(doc.get("versions", []), list):
        raise StoreError(f'{path}: not a Drafter notes file ("notes" must be a list)')
    return doc


def _str(value: Any, field: str, path: Path, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise StoreError(f"{path}: a note's {field!r} must be text")
    return value


def _int(value: Any, field: str, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise StoreError(f"{path}: a note's {field!r} must be a whole number")
    return value


def import_notes(cx: Connection, path: str | Path) -> dict[str, Any]:
    """Merge the notes in ``path`` into the library.

    Returns counts: ``added``, ``updated`` (incoming copy newer), ``unchanged``,
    ``reanchored`` (matched to another file of the same document), ``orphaned``
    (of those, the ones whose paragraph could not be found), ``skipped`` (their
    document is not in this library) with ``skipped_symbols``.
    """
    path = Path(path)
    doc = _read_doc(path)
    by_sha = {r["sha256"]: r["id"] for r in cx.read("SELECT id, sha256 FROM versions")}
    meta = {v.get("sha256"): v for v in doc.get("versions", []) if isinstance(v, dict)}
    incoming: list[tuple[Note, bool]] = []  # (note as it will be stored, re-anchored?)
    skipped: list[str] = []
    counts = {
        "added": 0,
        "updated": 0,
        "unchanged": 0,
        "reanchored": 0,
        "orphaned": 0,
        "skipped": 0,
    }
    para_cache: dict[int, list[Any]] = {}
    for raw in doc["notes"]:
        if not isinstance(raw, dict):
            raise StoreError(f"{path}: each note must be an object")
        note_id = _str(raw.get("id"), "id", path)
        sha = _str(raw.get("version"), "version", path)
        try:
            status = NoteStatus(raw.get("status", "open"))
        except ValueError:
            raise StoreError(
                f"{path}: note {note_id} has an unknown status {raw.get('status')!r}"
            ) from None
        tags = raw.get("tags", [])
        if not isinstance(tags, list):
            raise StoreError(f"{path}: a note's 'tags' must be a list")
        anchor = Anchor(
            paragraph_id=_int(raw.get("paragraph_id"), "paragraph_id", path),
            number=_str(raw.get("number"), "number", path, optional=True),
            text_hash=_str(raw.get("text_hash", ""), "text_hash", path) or "",
            quote=_str(raw.get("quote", ""), "quote", path) or "",
            start=_int(raw.get("start", 0), "start", path),
            end=_int(raw.get("end", 0), "end", path),
        )
        note = Note(
            id=note_id or "",
            version_id=0,
            anchor=anchor,
            body=_str(raw.get("body"), "body", path) or "",
            author=_str(raw.get("author"), "author", path) or "",
            created=_str(raw.get("created"), "created", path) or "",
            updated=_str(raw.get("updated", raw.get("created")), "updated", path) or "",
            tags=clean_tags(str(t) for t in tags),
            status=status,
            orphaned=bool(raw.get("orphaned", False)),
            carried_from=_str(raw.get("carried_from"), "carried_from", path, optional=True),
        )
        vid = by_sha.get(sha)
        reanchored = False
        if vid is None:
            vid = _same_document(cx, meta.get(sha, {}))
            if vid is None:
                skipped.append((meta.get(sha) or {}).get("symbol") or sha[:12])
                counts["skipped"] += 1
                continue
            note = _reanchor(cx, note, vid, para_cache)
            reanchored = True
        else:
            note = _replace(note, version_id=vid)
        incoming.append((note, reanchored))

    def apply() -> dict[str, int]:
        c = dict.fromkeys(("added", "updated", "unchanged", "reanchored", "orphaned"), 0)
        for note, reanchored in incoming:
            row = cx.conn.execute(
                "SELECT id, updated FROM notes WHERE id = ?", (note.id,)
            ).fetchone()
            if row is None and note.carried_from:
                # Both libraries carried the same note to this version (each copy got
                # its own id): it is one note, not two.
                row = cx.conn.execute(
                    "SELECT id, updated FROM notes WHERE version_id = ? AND carried_from = ?",
                    (note.version_id, note.carried_from),
                ).fetchone()
            if row is None:
                cx.db["notes"].insert(note_to_row(note))
                c["added"] += 1
                c["reanchored"] += reanchored
                c["orphaned"] += reanchored and note.orphaned
            elif note.updated > row[1]:
                r = note_to_row(note)
                cx.db["notes"].update(
                    row[0], {k: r[k] for k in ("body", "tags", "status", "updated", "author")}
                )
                c["updated"] += 1
            else:
                c["unchanged"] += 1
        return c

    counts.update(cx.write(apply))
    counts["skipped_symbols"] = sorted(set(skipped))  # type: ignore[assignment]
    return counts


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
