"""Hostile notes files: checked whole before anything is stored; merge by parsed time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from drafter.errors import StoreError
from drafter.store import Library
from drafter.store.notes_schema import format_timestamp, parse_timestamp


@pytest.fixture
def shared(tmp_path: Path, corpus: Path):
    """Two libraries with A/RES/80/4, one note of mine already shared with them."""
    fam = corpus / "families" / "cuba-embargo"
    with Library.open(tmp_path / "mine.db") as mine, Library.open(tmp_path / "theirs.db") as theirs:
        vm = mine.import_file(fam / "A_RES_80_4.md").version_id
        vt = theirs.import_file(fam / "A_RES_80_4.md").version_id
        note = mine.add_note(vm, 3, "original wording", author="Ana", tags=["G77"])
        out = mine.export_notes(tmp_path / "original.json")
        assert theirs.import_notes(out)["added"] == 1
        yield mine, theirs, vt, note, json.loads(out.read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: Any, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def _edited(doc: dict, **fields: Any) -> dict:
    doc = json.loads(json.dumps(doc))
    doc["notes"][0].update(fields)
    return doc


def test_a_bogus_timestamp_is_refused_and_a_later_real_edit_still_wins(
    shared, tmp_path: Path
) -> None:
    _, theirs, _, note, doc = shared
    hostile = _write(tmp_path, _edited(doc, body="vandalised", updated="zzzz"), "hostile.json")
    with pytest.raises(StoreError, match=r'"updated" is not a date and time \("zzzz"\)') as err:
        theirs.import_notes(hostile)
    assert "\n" not in str(err.value)
    assert theirs.note(note.id).body == "original wording"
    legit = _edited(doc, body="the colleague's real edit", updated="2027-06-01T08:00:00.000Z")
    counts = theirs.import_notes(_write(tmp_path, legit, "legit.json"))
    assert (counts["updated"], counts["unchanged"], counts["conflicts"]) == (1, 0, 0)
    assert theirs.note(note.id).body == "the colleague's real edit"
    # an older copy never overwrites it, whatever its text form
    older = _edited(doc, body="stale", updated="2027-06-01T09:00:00+02:00")
    assert theirs.import_notes(_write(tmp_path, older, "older.json"))["unchanged"] == 1
    assert theirs.note(note.id).body == "the colleague's real edit"


def test_a_library_damaged_before_the_check_keeps_both_copies(shared, tmp_path: Path) -> None:
    _, theirs, vt, note, doc = shared
    # what a file with "zzzz" did to a library before files were checked
    with sqlite3.connect(tmp_path / "theirs.db") as raw:
        raw.execute(
            "UPDATE notes SET body = 'vandalised', updated = 'zzzz' WHERE id = ?", (note.id,)
        )
    legit = _write(tmp_path, _edited(doc, body="real edit", updated="2027-06-01T08:00:00.000Z"))
    counts = theirs.import_notes(legit)
    assert (counts["updated"], counts["conflicts"]) == (0, 1)
    notes = {n.body: n for n in theirs.notes(vt)}
    assert set(notes) == {"vandalised", "real edit"}
    assert "conflict" in notes["real edit"].tags and "G77" in notes["real edit"].tags
    again = theirs.import_notes(legit)  # no second copy of the same conflict
    assert (again["conflicts"], again["unchanged"], len(theirs.notes(vt))) == (0, 1, 2)


def test_same_time_different_words_is_a_conflict_not_a_silent_choice(
    shared, tmp_path: Path
) -> None:
    _, theirs, vt, _note, doc = shared
    same_time = _edited(doc, body="other words, same minute")
    counts = theirs.import_notes(_write(tmp_path, same_time))
    assert counts["conflicts"] == 1
    assert sorted(n.body for n in theirs.notes(vt)) == [
        "original wording",
        "other words, same minute",
    ]
    # an unchanged copy at the same time is simply unchanged
    assert theirs.import_notes(_write(tmp_path, doc, "same.json"))["unchanged"] == 1


_DEEP = (
    '{"format": "drafter-notes", "format_version": 1, "notes": [], "x": '
    + "[" * 100_000
    + "]" * 100_000
    + "}"
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"paragraph_id": 2**63}, r'"paragraph_id" must be a whole number from 0 to'),
        ({"start": -1}, r'"start" must be a whole number from 0'),
        ({"paragraph_id": "²"}, r'"paragraph_id" must be a whole number, not the text "\\u00b2"'),
        ({"paragraph_id": 3.0}, r'"paragraph_id" must be a whole number, not the number 3.0'),
        ({"end": True}, r'"end" must be a whole number, not true/false'),
        ({"body": ["a", "list"]}, r'"body" must be text, not a list'),
        ({"id": {"an": "object"}}, r'"id" must be text, not an object'),
        ({"id": "../../etc"}, r'"id" must be an id'),
        ({"version": "abc"}, r'"version" must be a SHA-256'),
        ({"tags": [{"x": 1}]}, r'each of "tags" must be text, not an object'),
        ({"tags": "G77"}, r'"tags" must be a list of text'),
        ({"status": "done"}, r'"status" must be "open" or "resolved"'),
        ({"orphaned": "no"}, r'"orphaned" must be true or false'),
        ({"created": "2025-13-45T00:00:00Z"}, r'"created" is not a date and time'),
        ({"updated": "２０２５-01-01"}, r'"updated" is not a date and time'),
        ({"carried_from": 7}, r'"carried_from" must be text'),
        ({"body": "lone \ud800 surrogate"}, r'"body" holds an invalid character'),
        ({"start": 9, "end": 2}, r'"end" \(2\) is before "start" \(9\)'),
    ],
)
def test_every_field_is_checked_before_anything_is_stored(
    shared, tmp_path: Path, change: dict, message: str
) -> None:
    _, theirs, vt, _note, doc = shared
    doc = _edited(doc, body="must not land")
    doc["notes"].insert(0, {**doc["notes"][0], "id": "f" * 32})  # a new note, first
    doc["notes"][1].update(change)
    with pytest.raises(StoreError, match=message) as err:
        theirs.import_notes(_write(tmp_path, doc))
    assert "\n" not in str(err.value) and "note 2" in str(err.value)
    assert [n.body for n in theirs.notes(vt)] == ["original wording"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_DEEP, "nested too deeply"),
        (
            '{"format": "drafter-notes", "format_version": 1, "notes": [{"id": "a", "created": "2025-01-01", "version": "'
            + "0" * 64
            + '", "paragraph_id": '
            + "9" * 5000
            + "}]}",
            r'"paragraph_id" must be a whole number from 0 to 2147483647',
        ),
        ('{"format": "drafter-notes", "format_version": "1", "notes": []}', r'not the text "1"'),
        ('{"format": "drafter-notes", "format_version": 1.0, "notes": []}', r"number 1, not 1\.0"),
        ('{"format": "drafter-notes", "format_version": true, "notes": []}', "not true/false"),
        ('{"format": "drafter-notes", "format_version": 0, "notes": []}', "not the number 0"),
        ('{"format": "drafter-notes", "format_version": 1, "notes": {}}', '"notes" must be a list'),
        (
            '{"format": "drafter-notes", "format_version": 1, "notes": [], "exported_at": "soon"}',
            '"exported_at" is not a date and time',
        ),
        (
            '{"format": "drafter-notes", "format_version": 1, "notes": [], "versions": [{"sha256": ["x"]}]}',
            r'version 1: "sha256" must be text, not a list',
        ),
    ],
)
def test_malformed_files_are_one_line_errors(
    lib: Library, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(StoreError, match=message) as err:
        lib.import_notes(_write(tmp_path, text))
    assert "\n" not in str(err.value)
    assert "Error" not in str(err.value)


def test_timestamps_are_parsed_and_stored_in_one_form() -> None:
    assert (
        format_timestamp(parse_timestamp("2027-06-01T10:00:00+02:00")) == "2027-06-01T08:00:00.000Z"
    )
    assert format_timestamp(parse_timestamp("2027-06-01")) == "2027-06-01T00:00:00.000Z"
    assert parse_timestamp("2025-10-21T09:07:41.003Z") < parse_timestamp("2027-06-01")
    for bad in (
        "zzzz",
        "",
        "2025-02-30",
        "2025-01-01T25:00Z",
        "٢٠٢٥-01-01",
        "2025-01-01T00:00+99:00",
    ):
        assert parse_timestamp(bad) is None, bad
