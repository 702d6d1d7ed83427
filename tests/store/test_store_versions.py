"""Storing versions: content identity, families, round trip of Resolutions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.errors import IngestError, StoreError
from drafter.ingest import load
from drafter.store import Library
from drafter.store.versions import guess_stage


def test_import_stores_every_paragraph_and_reads_back_the_same_resolution(
    lib: Library, corpus: Path
) -> None:
    path = corpus / "A_RES_67_219.pdf.txt"
    parsed = load(path)
    result = lib.import_file(path)
    assert not result.already_stored
    v = result.version
    assert v.symbol == parsed.symbol == "A/RES/67/219"
    assert v.stage == "adopted"
    assert v.source == path.name
    assert len(v.sha256) == 64
    assert v.paragraph_count == len(parsed.paragraphs)
    back = lib.load_version(v.id)
    assert back.to_json() == {**parsed.to_json(), "source": path.name}


def test_the_same_content_twice_adds_nothing(lib: Library, corpus: Path, tmp_path: Path) -> None:
    first = lib.import_file(corpus / "A_RES_68_4.md")
    copy = tmp_path / "renamed copy.md"
    shutil.copy(corpus / "A_RES_68_4.md", copy)
    again = lib.import_file(copy)
    assert again.already_stored
    assert again.version.id == first.version.id
    assert len(lib.versions()) == 1 and len(lib.families()) == 1
    assert lib.find_version_for_file(copy) == first.version
    assert lib.find_version_for_file(corpus / "A_RES_67_219.pdf.txt") is None


def test_a_draft_and_its_adopted_text_share_a_family(lib: Library, corpus: Path) -> None:
    fam = corpus / "families" / "draft-to-adopted"
    draft = lib.import_file(fam / "A_80_L.2.txt").version
    adopted = lib.import_file(fam / "A_RES_80_1.md").version
    other = lib.import_file(fam / "A_80_L.4.txt").version
    assert draft.stage == "L-document" and adopted.stage == "adopted"
    assert adopted.family_id == draft.family_id
    assert other.family_id != draft.family_id
    families = {f.id: f for f in lib.families()}
    assert families[draft.family_id].version_count == 2
    assert families[draft.family_id].name.startswith("Participation by the State of Palestine")
    assert [v.id for v in lib.versions(draft.family_id)] == [draft.id, adopted.id]


def test_two_extractions_of_one_document_join_by_symbol(lib: Library, corpus: Path) -> None:
    fam = corpus / "families" / "cuba-embargo"
    md = lib.import_file(fam / "A_RES_80_4.md").version
    txt = lib.import_file(fam / "A_RES_80_4.pymupdf.txt").version
    assert md.id != txt.id and md.family_id == txt.family_id
    assert [v.id for v in lib.find_versions("A/RES/80/4")] == [txt.id, md.id]


def test_explicit_family_stage_and_new_family(lib: Library, corpus: Path) -> None:
    a = lib.import_file(corpus / "A_RES_67_219.pdf.txt").version
    b = lib.import_file(corpus / "A_RES_68_4.md", family_id=a.family_id, stage="Rev.1").version
    assert b.family_id == a.family_id and b.stage == "Rev.1"
    c = lib.import_file(
        corpus / "families" / "cuba-embargo" / "A_RES_80_4.md", new_family=True
    ).version
    assert c.family_id not in (a.family_id,)
    with pytest.raises(StoreError, match="no family 999"):
        lib.import_file(corpus / "families" / "cuba-embargo" / "A_80_L.6.txt", family_id=999)
    assert lib.set_stage(b.id, "zero draft").stage == "zero draft"


def test_guess_stage_from_symbols() -> None:
    assert guess_stage("A/RES/80/4") == "adopted"
    assert guess_stage("A/80/L.6") == "L-document"
    assert guess_stage("A/C.1/80/L.12/Rev.1") == "Rev.1"
    assert guess_stage(None) is None and guess_stage("E/2025/1") is None
    assert guess_stage(None, "Migration zero draft 12 March.docx") == "zero draft"
    assert guess_stage(None, "migration_ZD_v3.docx") == "zero draft"
    assert guess_stage(None, "Migration rev2 (clean).docx") == "Rev.2"
    assert guess_stage(None, "Migration - Rev.1.docx") == "Rev.1"
    assert guess_stage(None, "draft resolution migration.docx") == "draft"
    assert guess_stage("A/RES/80/4", "zero draft.docx") == "adopted"
    assert guess_stage(None, "A_RES_80_4.md") is None


def test_bad_files_raise_ingest_errors_and_store_nothing(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        lib.import_file(tmp_path / "missing.md")
    with pytest.raises(IngestError):
        lib.import_file(tmp_path)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01 not a pdf")
    with pytest.raises(IngestError):
        lib.import_file(junk)
    assert lib.versions() == []


def test_unknown_version_is_a_clear_error(lib: Library) -> None:
    with pytest.raises(StoreError, match="no version 42"):
        lib.version(42)
    with pytest.raises(StoreError, match="no version 42"):
        lib.load_version(42)


def test_deleting_a_version_removes_its_notes_and_index_entries(lib: Library, corpus: Path) -> None:
    v = lib.import_file(corpus / "A_RES_68_4.md").version
    lib.add_note(v.id, 10, "note", author="a")
    assert lib.search("High-level Dialogue")
    lib.delete_version(v.id)
    assert lib.versions() == [] and lib.families() == []
    assert lib.search("High-level Dialogue") == []
    assert lib.integrity_check() == []


def test_a_wording_shared_by_two_versions_survives_deleting_one(lib: Library, corpus: Path) -> None:
    fam = corpus / "families" / "cuba-embargo"
    md = lib.import_file(fam / "A_RES_80_4.md").version_id
    txt = lib.import_file(fam / "A_RES_80_4.pymupdf.txt").version_id
    hits = lib.search('"refrain from promulgating"', collapse=False)
    assert {h.version_id for h in hits} == {md, txt}
    (one,) = lib.search('"refrain from promulgating"')
    assert one.same_text_elsewhere == 1
    lib.delete_version(txt)
    (left,) = lib.search('"refrain from promulgating"')
    assert left.version_id == md and left.same_text_elsewhere == 0
    assert lib.integrity_check() == []


def test_a_resaved_file_with_the_same_text_is_not_a_new_version(
    lib: Library, corpus: Path, tmp_path: Path
) -> None:
    original = corpus / "ga80" / "md" / "A_RES_80_10.md"
    resaved = tmp_path / "A_RES_80_10 (resaved).md"
    resaved.write_bytes(original.read_bytes().replace(b"\n", b"\r\n") + b"\r\n\r\n")
    first = lib.import_file(original)
    again = lib.import_file(resaved)
    assert again.already_stored and again.version.id == first.version.id
    assert lib.find_version_for_file(resaved) == lib.version(first.version.id)
    assert len(lib.versions()) == 1
    assert lib.import_file(resaved, new_family=True).already_stored  # its bytes are known now
    edited = tmp_path / "edited.md"
    edited.write_text(
        original.read_text(encoding="utf-8").replace("Reaffirming", "Reaffirms", 1),
        encoding="utf-8",
    )
    assert not lib.import_file(edited).already_stored


def test_revisions_join_the_family_of_their_draft_by_symbol(lib: Library) -> None:
    from store_helpers import make_resolution

    from drafter.store.versions import base_symbol

    assert base_symbol("A/C.3/80/L.12/Rev.1") == "A/C.3/80/L.12"
    assert base_symbol("A/80/L.2/Rev.2/Corr.1") == "A/80/L.2"
    assert base_symbol("A/RES/80/4") == "A/RES/80/4"
    a = lib.add_resolution(make_resolution([("1", "Alpha text one.")], "A/C.3/80/L.12")).version
    b = lib.add_resolution(make_resolution([("1", "Quite different.")], "A/C.3/80/L.12/Rev.1"))
    c = lib.add_resolution(make_resolution([("1", "Other draft.")], "A/C.3/80/L.13"))
    d = lib.add_resolution(make_resolution([("1", "Rev 2.")], "A/C.3/80/L.12/Rev.2"))
    assert b.version.family_id == a.family_id == d.version.family_id
    assert b.version.stage == "Rev.1"
    assert c.version.family_id != a.family_id
