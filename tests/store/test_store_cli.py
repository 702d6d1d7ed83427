"""``drafter import | library | search | notes``: output and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("DRAFTER_DB", str(path))
    monkeypatch.setenv("DRAFTER_AUTHOR", "Delegate")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_library_notes_and_search_end_to_end(
    db: Path, corpus: Path, capsys, tmp_path: Path
) -> None:
    fam = corpus / "families" / "draft-to-adopted"
    code, out, err = _run(capsys, "import", str(fam / "A_80_L.2.txt"))
    assert code == 0 and "version 1 A/80/L.2 (L-document)" in out and err == ""
    code, out, _ = _run(capsys, "import", str(fam / "A_80_L.2.txt"))
    assert code == 0 and "already in the library as version 1" in out

    code, out, _ = _run(
        capsys,
        "notes",
        "add",
        "A/80/L.2",
        "2",
        "agreed language",
        "--quote",
        "general debate",
        "--tag",
        "G77",
    )
    assert code == 0 and "added to OP 2 of A/80/L.2" in out
    code, out, _ = _run(
        capsys, "notes", "add", "1", "PP 1", "too strong", "--quote", "grave concern"
    )
    assert code == 0

    code, out, _ = _run(capsys, "import", str(fam / "A_RES_80_1.md"))
    assert "notes from version 1: 1 carried" in out and "1 orphaned" in out

    code, out, _ = _run(capsys, "library")
    assert "Family 1: Participation by the State of Palestine" in out
    assert "A/RES/80/1" in out and "2 notes" in out

    code, out, _ = _run(capsys, "notes", "list", "A/RES/80/1")
    assert "OP 2" in out and "Delegate" in out and "#G77" in out and "ORPHANED" in out

    code, out, _ = _run(capsys, "notes", "list", "--json")
    notes = json.loads(out)
    assert len(notes) == 4 and {n["author"] for n in notes} == {"Delegate"}

    code, out, _ = _run(capsys, "search", "general", "debate", "--limit", "3")
    assert code == 0 and "[general debate]" in out and "OP 2" in out
    code, out, _ = _run(capsys, "search", "--json", '"pre-recorded statement"')
    hits = json.loads(out)
    assert hits and all(h["symbol"] in {"A/80/L.2", "A/RES/80/1"} for h in hits)
    code, out, _ = _run(
        capsys,
        "search",
        "--precedents",
        "The State of Palestine may deliver statements by means of videoconference",
    )
    assert "OP 1(b)" in out.splitlines()[0] and "similar" in out

    share = tmp_path / "share.json"
    code, out, _ = _run(capsys, "notes", "export", str(share), "--version", "A/RES/80/1")
    assert code == 0 and "(2 notes)" in out
    code, out, _ = _run(capsys, "notes", "import", str(share))
    assert code == 0 and "0 added, 0 updated, 2 unchanged" in out

    note_id = notes[0]["id"][:8]
    assert _run(capsys, "notes", "resolve", note_id)[1].endswith("resolved\n")
    assert _run(capsys, "notes", "delete", note_id)[0] == 0
    code, out, _ = _run(capsys, "notes", "carry", "1", "2")
    assert "1 carried before" in out or "carried" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "/no/such/file.md"], "no such file"),
        (["notes", "add", "7", "1", "x"], "no version 7"),
        (["notes", "list", "A/RES/1/1"], "no version 'A/RES/1/1'"),
        (["notes", "delete", "abcdef12"], "no note"),
        (["notes", "import", "/no/such.json"], "cannot read"),
        (["search", "   "], "type some words"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["library", "--family", "3"], "no family 3"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(db: Path, capsys, argv: list[str], message: str) -> None:
    code, _out, err = _run(capsys, *argv)
    assert code == 2
    assert message in err and err.startswith("drafter: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_a_file_that_is_not_a_library(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello", encoding="utf-8")
    code, _, err = _run(capsys, "library", "--db", str(bogus))
    assert code == 2 and "not a Drafter library" in err
    assert bogus.read_text(encoding="utf-8") == "hello"


def test_paragraph_references(db: Path, corpus: Path, capsys) -> None:
    _run(capsys, "import", str(corpus / "A_RES_67_219.pdf.txt"))
    for ref, label in [
        ("3(c)(ii)", "OP 3(c)(ii)"),
        ("OP 19", "OP 19"),
        ("¶ 2", "¶ 2"),
        ("#0", "¶ 1"),
    ]:
        code, out, err = _run(capsys, "notes", "add", "A/RES/67/219", ref, "x")
        assert code == 0, err
        assert f"added to {label} of" in out
    code, _, err = _run(capsys, "notes", "add", "A/RES/67/219", "3(z)", "x")
    assert code == 2 and "no paragraph '3(z)'" in err


def test_empty_library_says_how_to_fill_it(db: Path, capsys) -> None:
    code, out, _ = _run(capsys, "library")
    assert code == 0 and "is empty" in out and "drafter import" in out
    code, out, _ = _run(capsys, "notes", "list")
    assert "No notes." in out


def test_import_a_folder(db: Path, corpus: Path, capsys) -> None:
    code, out, err = _run(capsys, "import", str(corpus / "families" / "cuba-embargo"))
    assert code == 0, err
    assert out.count(": version ") == 4
    code, out, _ = _run(capsys, "library", "--json")
    (family,) = json.loads(out)
    assert family["version_count"] == 4
    assert {v["symbol"] for v in family["versions"]} == {"A/RES/73/8", "A/80/L.6", "A/RES/80/4"}


def test_move_a_version_and_set_its_stage(db: Path, corpus: Path, capsys) -> None:
    fam = corpus / "families" / "draft-to-adopted"
    _run(capsys, "import", str(fam / "A_80_L.2.txt"), str(fam / "A_RES_80_1.md"))
    code, out, err = _run(capsys, "library", "--move", "A/RES/80/1", "new")
    assert code == 0, err
    assert "is now in family 2" in out
    code, out, _ = _run(capsys, "library", "--move", "2", "1")
    assert "is now in family 1" in out
    code, out, _ = _run(capsys, "library", "--json")
    assert [f["version_count"] for f in json.loads(out)] == [2]
    code, out, _ = _run(capsys, "library", "--stage", "1", "zero draft")
    assert "A/80/L.2 (zero draft)" in out
    code, _, err = _run(capsys, "library", "--move", "1", "9")
    assert code == 2 and "no family 9" in err
    code, _, err = _run(capsys, "library", "--move", "1", "other")
    assert code == 2 and "FAMILY must be" in err


def test_rename_and_merge_families(db: Path, corpus: Path, capsys) -> None:
    fam = corpus / "families" / "humanitarian-coordination"
    _run(capsys, "import", str(fam / "A_RES_46_182.txt"), str(fam / "A_RES_47_168.txt"))
    code, out, _ = _run(capsys, "library", "--json")
    families = json.loads(out)
    assert len(families) == 2  # different symbols, different texts: two families...
    assert families[0]["name"] == families[1]["name"]  # ...with one title
    first, second = families[0]["id"], families[1]["id"]
    code, out, err = _run(capsys, "library", "--rename", str(first), "Humanitarian coordination")
    assert code == 0, err
    assert "is now called 'Humanitarian coordination'" in out
    code, out, err = _run(capsys, "library", "--merge", str(second), str(first))
    assert code == 0, err
    assert f"family {second} merged into family {first} (2 versions)" in out
    code, out, _ = _run(capsys, "library", "--json")
    (family,) = json.loads(out)
    assert family["name"] == "Humanitarian coordination" and family["named_by_hand"]
    assert {v["symbol"] for v in family["versions"]} == {"A/RES/46/182", "A/RES/47/168"}
    assert all(v["languages"] == ["en"] for v in family["versions"])
    # the title stays when a new version arrives; "" gives the automatic name back
    _run(capsys, "import", str(corpus / "families" / "draft-to-adopted" / "A_80_L.2.txt"))
    code, out, _ = _run(capsys, "library", "--rename", str(first), "")
    assert "Humanitarian coordination" not in out and code == 0
    # bad input: one line, exit 2
    code, _, err = _run(capsys, "library", "--merge", str(first), str(first))
    assert code == 2 and "cannot be merged into itself" in err
    code, _, err = _run(capsys, "library", "--merge", "99", str(first))
    assert code == 2 and "no family 99" in err
    code, _, err = _run(capsys, "library", "--rename", "x", "T")
    assert code == 2 and "FAMILY must be a family id" in err
