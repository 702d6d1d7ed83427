"""Every earlier schema version opens and is migrated, data intact (fixtures/)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from drafter.store import CURRENT_VERSION, Library
from drafter.store.schema import MIGRATIONS

FIXTURES = Path(__file__).with_name("fixtures")


def _from_fixture(sql: Path, target: Path) -> Path:
    conn = sqlite3.connect(target)
    conn.executescript(sql.read_text(encoding="utf-8"))
    conn.close()
    return target


def test_there_is_a_fixture_for_every_earlier_schema() -> None:
    for m in MIGRATIONS[:-1]:
        assert (FIXTURES / f"library_v{m.version}.sql").is_file(), (
            f"run make_fixtures.py for v{m.version}"
        )


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("library_v*.sql")), ids=lambda p: p.stem)
def test_an_old_library_opens_migrates_and_keeps_everything(fixture: Path, tmp_path: Path) -> None:
    path = _from_fixture(fixture, tmp_path / "old.db")
    old_version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert 0 < old_version < CURRENT_VERSION
    with Library.open(path) as lib:
        assert lib._cx.conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert lib.integrity_check() == []
        (v,) = lib.versions()
        assert (v.symbol, v.stage, v.paragraph_count) == ("A/C.1/80/L.9", "L-document", 4)
        (note,) = lib.notes(v.id)
        assert note.body == "agreed language from 79/40" and note.tags == ("precedent",)
        text = lib.load_version(v.id).paragraphs[note.anchor.paragraph_id].text
        assert text[note.anchor.start : note.anchor.end] == note.anchor.quote
        # v2's full-text index covers the rows written before it existed
        hits = lib.search('"small arms and light weapons"')
        assert {h.paragraph_id for h in hits} == {1, 2}
        lib.add_note(v.id, 3, "new after migration", author="b")
        # v5 knows the file each version came from
        from drafter.store.versions import find_by_sha

        assert find_by_sha(lib._cx, v.sha256) == lib.version(v.id)
    # the pre-migration copy is kept beside the library and is still the old schema
    backup = tmp_path / f"old.db.v{old_version}.bak"
    assert backup.is_file()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == old_version
    with Library.open(path) as lib:  # reopening: nothing more to do
        assert len(lib.notes(lib.versions()[0].id)) == 2


def test_a_failed_migration_leaves_the_library_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.errors import StoreError
    from drafter.store import schema

    path = _from_fixture(FIXTURES / "library_v1.sql", tmp_path / "old.db")
    broken = schema.Migration(2, "broken", (*schema.V2.statements[:3], "CREATE TABLE oops (x"))
    monkeypatch.setattr("drafter.store.db.MIGRATIONS", (schema.V1, broken))
    with pytest.raises(StoreError, match="could not upgrade"):
        Library.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "paragraphs_fts" not in names and "notes" in names
