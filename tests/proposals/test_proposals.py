"""Reading proposals from Word files, compiling them, storing them (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_fate_gold import PALESTINE, proposed

from drafter.compare import compare
from drafter.errors import IngestError
from drafter.export import write_redline
from drafter.ingest import load
from drafter.model import ParaKind
from drafter.proposals import ProposalKind, compile_proposals, extract
from drafter.store import Library

BASE = "negotiation/palestine-participation/A_80_L.2.txt"
NEXT = "negotiation/palestine-participation/A_RES_80_1.txt"


@pytest.fixture(scope="module")
def files(corpus: Path, tmp_path_factory) -> tuple[Path, list[Path]]:
    """The base text and one proposals file per delegation (Drafter's redline writer)."""
    folder = tmp_path_factory.mktemp("proposals")
    base = load(corpus / BASE)
    out = []
    for delegation, author, edits in PALESTINE:
        changes = [e for e in edits if e[0] != "comment"]
        path = folder / f"{delegation}.docx"
        write_redline(compare(base, proposed(base, changes)), path, author=author)
        out.append(path)
    return corpus / BASE, out


def test_a_proposals_file_reads_as_its_base_text_with_proposals_beside_it(files):
    base_path, paths = files
    base = load(base_path)
    as_version = load(paths[0])
    body = [p.text for p in as_version.paragraphs if p.kind != ParaKind.HEADING]
    assert body == [p.text for p in base.paragraphs if p.kind != ParaKind.HEADING][: len(body)]
    assert any("tracked changes by Jean Dupont" in w for w in as_version.warnings)
    accepted = load(paths[0], accept_all=True)
    assert any(p.text.startswith("Expressing concern regarding") for p in accepted.paragraphs)
    props = extract(paths[0], base, delegations={"Jean Dupont": "France"})
    first = props[0]
    assert (first.delegation, first.author, first.kind) == ("France", "Jean Dupont", "delete")
    assert first.label == "PP 1" and first.old_text == "grave"
    assert base.paragraphs[first.paragraph].text[first.start : first.end] == "grave"
    assert first.text.startswith("Expressing concern regarding")
    assert first.date  # Word's w:date of the change


def test_compilation_groups_conflicts_and_keeps_a_stable_order(files):
    base_path, paths = files
    base = load(base_path)
    props = [p for path in paths for p in extract(path, base)]
    one = compile_proposals(base, props)
    two = compile_proposals(base, list(reversed(props)))
    assert [p.id for p in one.proposals] == [p.id for p in two.proposals]
    pp2 = next(item for item in one.paragraphs if item.label == "PP 2")
    # The US deletes PP 2 while France, the EU and the G77 change words in it.
    assert len(pp2.conflicts) == 1 and len(pp2.conflicts[0]) >= 4
    kinds = {p.kind for p in one.proposals}
    assert {ProposalKind.REPLACE, ProposalKind.DELETE_PARAGRAPH, ProposalKind.NEW_PARAGRAPH} <= kinds


def test_word_compilation_tracks_each_delegation_as_author(files, tmp_path: Path):
    from drafter.export.compilation import write_compilation

    base_path, paths = files
    base = load(base_path)
    table = {"Jean Dupont": "France", "US delegate": "United States"}
    props = [p for path in paths for p in extract(path, base, delegations=table)]
    comp = compile_proposals(base, props)
    out = write_compilation(base, comp, tmp_path / "compilation.docx")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    for who in ("France", "United States", "Maria Rossi", "G77 chair"):
        assert f'w:author="{who}"' in xml, who
    # Rejecting every change gives the base text back.
    back = load(out)
    body = [p.text for p in back.paragraphs if p.kind != ParaKind.HEADING]
    assert all(p.text in body for p in base.paragraphs if p.kind != ParaKind.HEADING)
    tab = write_compilation(base, comp, tmp_path / "table.docx", table=True)
    from docx import Document

    cells = [c.text for row in Document(tab).tables[-1].rows for c in row.cells]
    assert any("France: delete “grave”" in c for c in cells)


def test_proposals_that_do_not_fit_the_base_are_refused(files, corpus: Path):
    _base_path, paths = files
    other = load(corpus / "families/cuba-embargo/A_80_L.6.txt")
    with pytest.raises(IngestError, match="do not apply to the chosen base"):
        extract(paths[0], other)


def test_cli_compiles_judges_stores_and_maps_delegations(files, corpus: Path, tmp_path: Path):
    base_path, paths = files
    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        vid = lib.import_file(base_path).version.id
        lib.set_delegation("G77 chair", "G77 and China")
    cmd = [sys.executable, "-m", "drafter", "proposals", str(base_path), *map(str, paths)]
    cmd += ["--db", str(db), "--delegation", "Jean Dupont=France", "--fate", str(corpus / NEXT)]
    out = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    first = data["proposals"][0]
    for key in ("id", "delegation", "author", "date", "paragraph", "number", "kind",
                "old_text", "new_text", "text", "comment", "source", "fate"):  # fmt: skip
        assert key in first, key
    assert {p["delegation"] for p in data["proposals"]} >= {"France", "G77 and China"}
    assert data["fate_by_delegation"]["France"]["accepted"] == 5
    text = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    assert "France: 100% taken (5 accepted)" in text
    with Library.open(db) as lib:
        stored = lib.proposals(vid)
        assert len(stored) == len(data["proposals"])
        lib.set_delegation("Maria Rossi", "European Union")
        assert {p.delegation for p in lib.proposals(vid)} >= {"European Union", "G77 and China"}
    bad = subprocess.run(
        [sys.executable, "-m", "drafter", "proposals", str(corpus / "A_RES_68_4.md"), str(paths[0])],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "do not apply to the chosen base" in bad.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "drafter", "delegations", "--db", str(db)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "G77 chair" in listed and "European Union" in listed


def test_parse_and_compare_read_tracked_changes_applied_on_request(files):
    base_path, paths = files
    cmd = [sys.executable, "-m", "drafter", "parse", str(paths[0]), "--json"]
    base = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    applied = json.loads(
        subprocess.run([*cmd, "--accept-all"], capture_output=True, text=True, check=True).stdout
    )
    texts = [p["text"] for p in base["paragraphs"]]
    assert any(t.startswith("Expressing grave concern") for t in texts)
    assert any(p["text"].startswith("Expressing concern") for p in applied["paragraphs"])
    compare_cmd = [sys.executable, "-m", "drafter", "compare", str(base_path), str(paths[0])]
    as_base = subprocess.run(compare_cmd, capture_output=True, text=True, check=True).stdout
    assert "[-grave-]" not in as_base
    as_applied = subprocess.run(
        [*compare_cmd, "--accept-all"], capture_output=True, text=True, check=True
    ).stdout
    assert "[-grave -]" in as_applied or "[-grave-]" in as_applied
