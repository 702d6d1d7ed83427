"""Notes JSON export/import: sharing with colleagues without duplicates or losses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.errors import StoreError
from drafter.store import Library


@pytest.fixture
def two_libraries(tmp_path: Path, corpus: Path):
    fam = corpus / "families" / "cuba-embargo"
    with Library.open(tmp_path / "mine.db") as mine, Library.open(tmp_path / "theirs.db") as theirs:
        v_mine = mine.import_file(fam / "A_RES_80_4.md").version_id
        v_theirs = theirs.import_file(fam / "A_RES_80_4.md").version_id
        yield mine, v_mine, theirs, v_theirs


def test_round_trip_keeps_every_field(two_libraries, tmp_path: Path) -> None:
    mine, vm, theirs, vt = two_libraries
    res = mine.load_version(vm)
    op = next(p for p in res.paragraphs if p.number == "2")
    a = mine.add_note(
        vm,
        op.id,
        "agreed language from 79/7",
        author="Ana",
        tags=["precedent"],
        quote=op.text.split()[0],
    )
    b = mine.add_note(vm, 0, "header", author="Bo")
    mine.update_note(b.id, status="resolved")
    out = mine.export_notes(tmp_path / "share" / "notes.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "drafter-notes" and doc["format_version"] == 1
    assert len(doc["notes"]) == 2 and doc["versions"][0]["symbol"] == "A/RES/80/4"
    counts = theirs.import_notes(out)
    assert (counts["added"], counts["skipped"]) == (2, 0)
    got = {n.id: n for n in theirs.notes(vt)}
    assert got[a.id].body == a.body and got[a.id].anchor == a.anchor and got[a.id].tags == a.tags
    assert str(got[b.id].status) == "resolved"
    assert {n.id: n for n in mine.notes(vm)}[a.id].version_id == vm


def test_importing_twice_or_back_and_forth_makes_no_duplicates(
    two_libraries, tmp_path: Path
) -> None:
    mine, vm, theirs, vt = two_libraries
    n = mine.add_note(vm, 3, "first", author="Ana")
    f1 = mine.export_notes(tmp_path / "1.json")
    theirs.import_notes(f1)
    again = theirs.import_notes(f1)
    assert (again["added"], again["unchanged"]) == (0, 1)
    # they edit it and add one; I import theirs: one update, one new, nothing doubled
    theirs.update_note(n.id, body="first, edited by Bo")
    theirs.add_note(vt, 4, "Bo's own", author="Bo")
    f2 = theirs.export_notes(tmp_path / "2.json")
    back = mine.import_notes(f2)
    assert (back["added"], back["updated"], back["unchanged"]) == (1, 1, 0)
    assert sorted(x.body for x in mine.notes(vm)) == ["Bo's own", "first, edited by Bo"]
    # an older copy never overwrites a newer edit
    stale = mine.import_notes(f1)
    assert stale["unchanged"] == 1
    assert mine.note(n.id).body == "first, edited by Bo"


def test_another_file_of_the_same_document_is_matched_by_content(
    tmp_path: Path, corpus: Path
) -> None:
    fam = corpus / "families" / "cuba-embargo"
    with Library.open(tmp_path / "a.db") as a, Library.open(tmp_path / "b.db") as b:
        va = a.import_file(fam / "A_RES_80_4.md").version_id
        vb = b.import_file(fam / "A_RES_80_4.pymupdf.txt").version_id
        res_a, res_b = a.load_version(va), b.load_version(vb)
        op = next(p for p in res_a.paragraphs if p.number == "2")
        a.add_note(va, op.id, "on OP 2", author="x", quote="Reiterates")
        a.export_notes(tmp_path / "n.json", [va])
        counts = b.import_notes(tmp_path / "n.json")
        assert counts["added"] == 1 and counts["reanchored"] == 1
        (note,) = b.notes(vb)
        assert res_b.paragraphs[note.anchor.paragraph_id].number == "2"
        assert not note.orphaned
        assert (
            res_b.paragraphs[note.anchor.paragraph_id].text[note.anchor.start : note.anchor.end]
            == "Reiterates"
        )


def test_notes_of_an_unknown_document_are_reported_not_lost_silently(
    two_libraries, tmp_path: Path, corpus: Path
) -> None:
    mine, vm, theirs, _ = two_libraries
    other = mine.import_file(corpus / "A_RES_68_4.md").version_id
    mine.add_note(other, 5, "on 68/4", author="Ana")
    mine.add_note(vm, 5, "on 80/4", author="Ana")
    counts = theirs.import_notes(mine.export_notes(tmp_path / "n.json"))
    assert counts["added"] == 1 and counts["skipped"] == 1
    assert counts["skipped_symbols"] == ["A/RES/68/4"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe garbage", "not a Drafter notes file"),
        (b'{"notes": []}', "not a Drafter notes file"),
        (b'{"format": "drafter-notes", "format_version": 99, "notes": []}', "newer"),
        (b'{"format": "drafter-notes", "format_version": 1, "notes": [{"id": 3}]}', "must be text"),
    ],
)
def test_bad_notes_files_are_clear_errors(
    lib: Library, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        lib.import_notes(path)
    with pytest.raises(StoreError, match="cannot read"):
        lib.import_notes(tmp_path / "missing.json")


def test_export_is_atomic_and_checks_versions(lib: Library, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous content", encoding="utf-8")
    with pytest.raises(StoreError, match="no version 7"):
        lib.export_notes(target, [7])
    assert target.read_text(encoding="utf-8") == "previous content"
    lib.export_notes(target)
    assert json.loads(target.read_text(encoding="utf-8"))["notes"] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "library.db",
        "library.db-shm",
        "library.db-wal",
        "out.json",
    ]


def test_the_same_note_carried_in_two_libraries_is_merged_not_doubled(
    tmp_path: Path, corpus: Path
) -> None:
    fam = corpus / "families" / "draft-to-adopted"
    with Library.open(tmp_path / "a.db") as a, Library.open(tmp_path / "b.db") as b:
        a_draft = a.import_file(fam / "A_80_L.2.txt").version_id
        b.import_file(fam / "A_80_L.2.txt")
        note = a.add_note(a_draft, 8, "shared from the start", author="Ana")
        b.import_notes(a.export_notes(tmp_path / "draft.json"))
        # each library imports the adopted text and carries the note on its own
        a_res = a.import_file(fam / "A_RES_80_1.md").version_id
        b_res = b.import_file(fam / "A_RES_80_1.md").version_id
        (mine,) = a.notes(a_res)
        (theirs,) = b.notes(b_res)
        assert mine.carried_from == theirs.carried_from == note.id and mine.id != theirs.id
        b.update_note(theirs.id, body="edited on the adopted text")
        counts = a.import_notes(b.export_notes(tmp_path / "adopted.json", [b_res]))
        assert (counts["added"], counts["updated"]) == (0, 1)
        (merged,) = a.notes(a_res)
        assert merged.id == mine.id and merged.body == "edited on the adopted text"
