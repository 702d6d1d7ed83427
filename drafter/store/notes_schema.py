"""The notes exchange file (docs/notes-format.md), checked whole before anything is stored.

A notes file comes from someone else's machine, so every field is checked against
the schema below: its type, its range, its form (ids, hashes, timestamps), and that
its text can be stored (no lone surrogates). The first problem found is reported as
one line naming the note and the field; nothing of a file with a problem is imported.
Timestamps are parsed and stored in the library's one form (UTC, milliseconds, ``Z``),
so that merging compares times, never arbitrary text.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import StoreError
from drafter.model import Anchor, Note, NoteStatus
from drafter.store.notes import clean_tags

FORMAT = "drafter-notes"
FORMAT_VERSION = 1
MAX_INT = 2**31 - 1  # paragraph ids and character offsets; far inside SQLite's range
_MAX_DIGITS = 12  # longer integers are refused before Python converts them

_ID = re.compile(r"[0-9A-Za-z_-]{1,64}", re.ASCII)
_SHA = re.compile(r"[0-9a-fA-F]{64}", re.ASCII)
_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)


class _TooLong(int):
    """An integer literal with more digits than any field can hold (never converted)."""


@dataclass(frozen=True, slots=True)
class IncomingNote:
    """One note of a notes file, checked; ``note.version_id`` is still 0."""

    note: Note
    version_sha: str


@dataclass(frozen=True, slots=True)
class NotesFile:
    """A checked notes file: the versions it describes (by sha) and its notes."""

    versions: dict[str, dict[str, str | None]]
    notes: tuple[IncomingNote, ...]


def parse_timestamp(value: str) -> _dt.datetime | None:
    """An ISO 8601 date and time as an aware UTC datetime, or None if it is not one.

    A time without an offset is taken as UTC (Drafter always writes ``Z``).
    """
    m = _TIMESTAMP.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    year, month, day, hh, mm, ss, frac, zone = m.groups()
    try:
        tz = _dt.UTC
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            tz = _dt.timezone(sign * offset)
        micro = int((frac or "0").ljust(6, "0")[:6])
        moment = _dt.datetime(
            int(year), int(month), int(day), int(hh or 0), int(mm or 0), int(ss or 0), micro, tz
        )
        return moment.astimezone(_dt.UTC)
    except (ValueError, OverflowError):
        return None


def format_timestamp(moment: _dt.datetime) -> str:
    """The library's form: ``2025-10-21T09:07:41.003Z``."""
    moment = moment.astimezone(_dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{moment.microsecond // 1000:03d}Z"


def read_notes_file(path: Path) -> NotesFile:
    """Read and check ``path`` whole; a :class:`StoreError` names the first problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the notes file ({exc.strerror or exc})") from None
    return check_notes_document(_decode(raw, path), path)


def _decode(raw: bytes, path: Path) -> Any:
    def not_ours(why: str) -> StoreError:
        return StoreError(f"{path}: not a Drafter notes file ({why})")

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise not_ours("not UTF-8 text") from None
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise not_ours("its JSON is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise not_ours(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:  # e.g. a number Python cannot hold
        raise not_ours(f"invalid JSON: {exc}") from None


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > _MAX_DIGITS:
        return _TooLong(0)
    return int(literal)


class _Checker:
    """Field checks with messages that say where in the file the problem is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = "the file"

    def fail(self, message: str) -> StoreError:
        return StoreError(f"{self.path}: {self.where}: {message}")

    def text(self, obj: dict, field: str, default: Any = ..., *, null: bool = False) -> Any:
        value = obj.get(field, default)
        if value is ...:
            raise self.fail(f'"{field}" is missing')
        if value is None and (null or default is None):
            return None
        if not isinstance(value, str):
            raise self.fail(f'"{field}" must be text, not {_kind(value)}')
        return self.storable(value, field)

    def storable(self, value: str, field: str) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(f'"{field}" holds an invalid character (a lone surrogate)') from None
        return value

    def pattern(self, obj: dict, field: str, rx: re.Pattern, what: str, **kw: Any) -> Any:
        value = self.text(obj, field, **kw)
        if value is not None and not rx.fullmatch(value):
            raise self.fail(f'"{field}" must be {what}, not {_show(value)}')
        return value

    def whole(self, obj: dict, field: str, default: Any = ...) -> int:
        value = obj.get(field, default)
        if value is ...:
            raise self.fail(f'"{field}" is missing')
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f'"{field}" must be a whole number, not {_kind(value)}')
        if isinstance(value, _TooLong) or not 0 <= value <= MAX_INT:
            raise self.fail(f'"{field}" must be a whole number from 0 to {MAX_INT}')
        return value

    def flag(self, obj: dict, field: str, default: bool) -> bool:
        value = obj.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(f'"{field}" must be true or false, not {_kind(value)}')
        return value

    def timestamp(self, obj: dict, field: str, default: Any = ...) -> str:
        value = self.text(obj, field, default)
        moment = parse_timestamp(value)
        if moment is None:
            raise self.fail(
                f'"{field}" is not a date and time ({_show(value)}); '
                'expected ISO 8601 like "2025-10-21T09:07:41.003Z"'
            )
        return format_timestamp(moment)

    def obj(self, value: Any, what: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be an object, not {_kind(value)}")
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, _TooLong):
        return "a number too large to hold"
    if isinstance(value, int | float):
        return f"the number {value!r}" if abs(value) < 1e15 else "a very large number"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _show(value: str, limit: int = 40) -> str:
    """A short, one-line, printable rendering of a piece of text from the file."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=True)


def check_notes_document(doc: Any, path: Path) -> NotesFile:
    """Check a decoded notes document against the format; return its notes, unsaved."""
    c = _Checker(path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise StoreError(f'{path}: not a Drafter notes file (no "format": "{FORMAT}")')
    _check_format_version(doc.get("format_version", ...), path)
    if "exported_at" in doc:
        c.timestamp(doc, "exported_at")
    for field in ("notes", "versions"):
        if (field == "notes" or field in doc) and not isinstance(doc.get(field), list):
            raise c.fail(f'"{field}" must be a list, not {_kind(doc.get(field))}')
    versions: dict[str, dict[str, str | None]] = {}
    for i, raw in enumerate(doc.get("versions", []), 1):
        c.where = f"version {i}"
        v = c.obj(raw, "each version")
        sha = c.pattern(v, "sha256", _SHA, "a SHA-256 (64 hex digits)").lower()
        fields = ("symbol", "title", "stage", "date", "language", "source")
        versions[sha] = {f: c.text(v, f, None) for f in fields}
    notes = [_check_note(c, raw, i) for i, raw in enumerate(doc["notes"], 1)]
    return NotesFile(versions, tuple(notes))


def _check_format_version(fv: Any, path: Path) -> None:
    if fv is ...:
        raise StoreError(f'{path}: not a Drafter notes file (no "format_version")')
    if isinstance(fv, str | float) and not isinstance(fv, bool):
        shown = _show(fv) if isinstance(fv, str) else repr(fv)
        raise StoreError(
            f'{path}: "format_version" must be the whole number {FORMAT_VERSION}, '
            f"not {'the text ' if isinstance(fv, str) else ''}{shown}"
        )
    if isinstance(fv, bool) or not isinstance(fv, int) or isinstance(fv, _TooLong) or fv < 1:
        raise StoreError(
            f'{path}: "format_version" must be the whole number {FORMAT_VERSION}, not {_kind(fv)}'
        )
    if fv > FORMAT_VERSION:
        raise StoreError(
            f"{path}: notes format version {fv} is newer than this Drafter understands "
            f"({FORMAT_VERSION}); update Drafter"
        )


def _check_note(c: _Checker, raw: Any, index: int) -> IncomingNote:
    c.where = f"note {index}"
    n = c.obj(raw, "each note")
    note_id = c.pattern(n, "id", _ID, "an id (letters, digits, - and _)")
    c.where = f"note {index} ({note_id[:12]})"
    sha = c.pattern(n, "version", _SHA, "a SHA-256 (64 hex digits)").lower()
    status_text = c.text(n, "status", "open")
    try:
        status = NoteStatus(status_text)
    except ValueError:
        raise c.fail(f'"status" must be "open" or "resolved", not {_show(status_text)}') from None
    tags = n.get("tags", [])
    if not isinstance(tags, list):
        raise c.fail(f'"tags" must be a list of text, not {_kind(tags)}')
    for tag in tags:
        if not isinstance(tag, str):
            raise c.fail(f'each of "tags" must be text, not {_kind(tag)}')
        c.storable(tag, "tags")
    start, end = c.whole(n, "start", 0), c.whole(n, "end", 0)
    if end < start:
        raise c.fail(f'"end" ({end}) is before "start" ({start})')
    created = c.timestamp(n, "created")
    updated = c.timestamp(n, "updated", n.get("created"))
    anchor = Anchor(
        paragraph_id=c.whole(n, "paragraph_id"),
        number=c.text(n, "number", None),
        text_hash=c.text(n, "text_hash", ""),
        quote=c.text(n, "quote", ""),
        start=start,
        end=end,
    )
    note = Note(
        id=note_id,
        version_id=0,
        anchor=anchor,
        body=c.text(n, "body"),
        author=c.text(n, "author"),
        created=created,
        updated=updated,
        tags=clean_tags(tags),
        status=status,
        orphaned=c.flag(n, "orphaned", False),
        carried_from=c.pattern(n, "carried_from", _ID, "a note id or null", default=None),
    )
    return IncomingNote(note, sha)
