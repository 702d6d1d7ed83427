"""Agreed language (issue 16): spans of a draft found in texts already in the library."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.compare.shingles import common_runs, normal_forms, normal_words
from drafter.ingest import load, parse_text
from drafter.model import ParaKind
from drafter.store import Library

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def cuba_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """73/8 (2018, adopted), the 2025 draft A/80/L.6, and ten unrelated session-80 texts."""
    path = tmp_path_factory.mktemp("cuba") / "lib.db"
    with Library.open(path) as lib:
        lib.import_file(corpus / "families/cuba-embargo/A_RES_73_8-EN.pdf", carry=False)
        lib.import_file(corpus / "families/cuba-embargo/A_80_L.6.txt", carry=False)
        for f in sorted((corpus / "ga80/md").glob("A_RES_80_1*.md")):
            lib.import_file(f, carry=False)
    return path


def _symbols(span) -> list[str]:
    return [s.symbol for s in span.sources]


def test_cuba_2025_operative_paragraphs_trace_back_to_73_8(corpus: Path, cuba_db: Path):
    old = load(corpus / "families/cuba-embargo/A_RES_73_8-EN.pdf")
    new = load(corpus / "families/cuba-embargo/A_RES_80_4.md")
    old_words = [normal_forms(p.text) for p in old.paragraphs if p.kind != ParaKind.HEADING]
    with Library.open(cuba_db) as lib:
        result = lib.provenance(new)
    by_id = {p.id: p for p in result.paragraphs}
    traced = 0
    for p in new.paragraphs:
        if p.kind != ParaKind.OPERATIVE:
            continue
        words = normal_words(p.text)
        norms = [w.norm for w in words]
        # Where the words are the same as 73/8's (runs of 8+ words), the span cites 73/8,
        # first of its sources: the oldest adopted text that holds them.
        runs = [r for ow in old_words for r in common_runs(norms, ow, 8)]
        if not runs:
            continue
        traced += 1
        prov = by_id[p.id]
        for run in runs:
            start, end = words[run.a].start, words[run.a_end - 1].end
            span = next(s for s in prov.spans if s.start <= start and end <= s.end)
            assert span.sources[0].symbol == "A/RES/73/8", (p.label, _symbols(span))
        if len(runs) == 1 and runs[0].a == 0 and runs[0].a_end == len(norms):
            assert prov.new_share == 0.0
    assert traced >= 5, "80/4's operative part repeats 73/8's wording"
    # The draft of the same negotiation (A/80/L.6) is never cited without --include-family,
    # though it holds every one of these words.
    cited = {s.symbol for p in result.paragraphs for sp in p.spans for s in sp.sources}
    assert "A/80/L.6" not in cited
    assert result.agreed_share > 0.8


def test_include_family_cites_the_drafts_of_the_negotiation(corpus: Path, cuba_db: Path):
    new = load(corpus / "families/cuba-embargo/A_RES_80_4.md")
    with Library.open(cuba_db) as lib:
        result = lib.provenance(new, include_family=True)
    cited = {s.symbol for p in result.paragraphs for sp in p.spans for s in sp.sources}
    assert "A/80/L.6" in cited
    # Adopted texts come first in every span, then the oldest.
    for p in result.paragraphs:
        for span in p.spans:
            flags = [s.stage != "adopted" for s in span.sources]
            assert flags == sorted(flags)


def test_68_4_declaration_new_language_against_67_219_and_session_80(
    corpus: Path, tmp_path: Path
):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.import_file(corpus / "A_RES_67_219.pdf.txt", carry=False)
        for f in sorted((corpus / "ga80/md").glob("*.md")):
            lib.import_file(f, carry=False)
        result = lib.provenance(load(corpus / "A_RES_68_4.md"))
    # A declaration is mostly new language; some phrases were agreed in 67/219.
    assert 0.02 < result.agreed_share < 0.4
    op4 = next(p for p in result.paragraphs if p.number == "4")
    quotes = [op4.text[s.start : s.end] for s in op4.spans]
    assert any("countries of origin, transit and destination" in q for q in quotes), quotes
    assert "A/RES/67/219" in {s.symbol for sp in op4.spans for s in sp.sources}
    assert op4.new_language(), "OP 4 opens with words of its own"
    wholly_new = [p for p in result.paragraphs if not p.spans]
    assert len(wholly_new) >= 10
    # Spans cover whole words and never a lone punctuation mark.
    for p in result.paragraphs:
        for span in p.spans:
            piece = p.text[span.start : span.end]
            assert piece == piece.strip() and span.words >= 8
        for start, end in p.new_language():
            assert any(ch.isalnum() for ch in p.text[start:end])


def test_opening_verb_and_typography_do_not_hide_agreed_language(corpus: Path, tmp_path: Path):
    """A preambular 'Recalling ...' cited as an operative 'Recalls ...', with curly quotes
    and non-breaking hyphens, is still agreed language, word for word."""
    src = load(corpus / "A_RES_67_219.pdf.txt")
    recalling = next(p for p in src.paragraphs if p.text.startswith("Recalling"))
    rest = recalling.text[len("Recalling") :].replace("-", "\u2011").replace('"', "\u201c")
    draft = parse_text(
        "The General Assembly,\n\n1. Recalls" + rest.rstrip(",") + ";\n", fmt="txt"
    )
    with Library.open(tmp_path / "lib.db") as lib:
        lib.import_file(corpus / "A_RES_67_219.pdf.txt", carry=False)
        result = lib.provenance(draft)
    op = next(p for p in result.paragraphs if p.number == "1")
    assert op.new_share == 0.0, op.new_language()
    assert op.spans[0].sources[0].symbol == "A/RES/67/219"


def test_chinese_spans_are_counted_in_characters(corpus: Path, tmp_path: Path):
    lines = (corpus / "languages/UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines[200:260] if len(ln) > 30][:30]
    stored = "\n\n".join(f"{i}. {t}" for i, t in enumerate(body, 1))
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add_resolution(parse_text("大会，\n\n" + stored, fmt="txt"), sha256="zh" * 32)
        # A draft holding three of those sentences and one of its own.
        fresh = next(ln for ln in lines[900:] if len(ln) > 30)
        text = f"1. {body[3]}\n\n2. {body[7]}\n\n3. {fresh}\n\n4. {body[11][:12]}"
        result = lib.provenance(parse_text("大会，\n\n" + text, fmt="txt"))
    shares = {p.number: p.new_share for p in result.paragraphs}
    assert shares["1"] == 0.0 and shares["2"] == 0.0
    assert shares["3"] == 1.0
    # Twelve characters are below the 16-character minimum for Chinese.
    assert shares["4"] == 1.0
    span = next(p for p in result.paragraphs if p.number == "1").spans[0]
    assert span.words == len(normal_words(body[3])) > 16


def test_index_follows_imports_and_deletions(corpus: Path, tmp_path: Path):
    target = load(corpus / "A_RES_68_4.md")
    with Library.open(tmp_path / "lib.db") as lib:
        assert lib.provenance(target).agreed_share == 0.0
        v = lib.import_file(corpus / "A_RES_67_219.pdf.txt", carry=False).version
        with_6719 = lib.provenance(target).agreed_share
        assert with_6719 > 0
        lib.delete_version(v.id)
        assert lib.provenance(target).agreed_share == 0.0
        lib.import_file(corpus / "A_RES_67_219.pdf.txt", carry=False)
        assert lib.provenance(target).agreed_share == with_6719


def test_a_library_from_before_the_index_is_indexed_on_first_use(corpus: Path, tmp_path: Path):
    db = tmp_path / "v6.db"
    conn = sqlite3.connect(db)
    conn.executescript((HERE / "fixtures" / "library_v6.sql").read_text(encoding="utf-8"))
    conn.close()
    with Library.open(db) as lib:
        draft = lib.load_version(1)
        assert lib._cx.read("SELECT count(*) FROM shingles")[0][0] == 0
        draft = replace(draft, symbol="A/C.1/81/L.9")
        result = lib.provenance(draft, include_family=True)
    # The fixture's paragraphs are found in the fixture's own (older) version.
    assert result.agreed_share > 0.9


def test_cli_json_and_text(corpus: Path, cuba_db: Path, tmp_path: Path):
    db = tmp_path / "lib.db"
    shutil.copy(cuba_db, db)
    target = corpus / "families/cuba-embargo/A_RES_80_4.md"
    cmd = [sys.executable, "-m", "drafter", "provenance", str(target), "--db", str(db)]
    out = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert set(data["summary"]) >= {"agreed_share", "new_share"}
    para = data["paragraphs"][0]
    assert set(para) >= {"id", "number", "new_share", "spans"}
    span = next(s for p in data["paragraphs"] for s in p["spans"])
    assert set(span) >= {"start", "end", "sources"}
    assert set(span["sources"][0]) >= {"symbol", "date", "stage", "number"}
    text = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    assert "A/RES/73/8" in text and "% agreed language" in text
    bad = subprocess.run([*cmd, "--min-words", "0"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_bulk_import_of_a_folder_skips_duplicates_and_bad_files_with_a_summary(
    corpus: Path, tmp_path: Path
):
    folder = tmp_path / "session"
    (folder / "sub").mkdir(parents=True)
    for f in sorted((corpus / "ga80/md").glob("A_RES_80_2*.md"))[:4]:
        shutil.copy(f, folder / "sub" / f.name)
    shutil.copy(corpus / "A_RES_68_4.md", folder / "A_RES_68_4.md")
    shutil.copy(corpus / "A_RES_68_4.md", folder / "sub" / "copy of 68-4.md")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    cmd = [sys.executable, "-m", "drafter", "import", str(folder), "--db", str(tmp_path / "l.db")]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 2  # one file could not be read
    assert run.stdout.count("skipped, already in the library") == 1
    assert "7 files: 5 imported, 1 already in the library, 1 could not be read" in run.stdout
    assert run.stderr.count("\n") == 1 and "broken.docx" in run.stderr


def test_word_report_highlights_new_language_and_footnotes_sources(
    corpus: Path, cuba_db: Path, tmp_path: Path
):
    import zipfile

    from docx import Document

    from drafter.export.provenance_report import write_provenance_report

    new = load(corpus / "families/cuba-embargo/A_RES_80_4.md")
    with Library.open(cuba_db) as lib:
        result = lib.provenance(new)
    out = write_provenance_report(new, result, tmp_path / "report.docx", author="Ana (Chile)")
    doc = Document(out)
    highlighted = "".join(
        r.text for p in doc.paragraphs for r in p.runs if r.font.highlight_color is not None
    )
    expected = "".join(
        p.text[s:e] for p in result.paragraphs for s, e in p.new_language()
    )
    assert highlighted == expected and expected
    with zipfile.ZipFile(out) as z:
        footnotes = z.read("word/footnotes.xml").decode()
    spans = sum(len(p.spans) for p in result.paragraphs)
    assert footnotes.count("Agreed language: ") == spans
    assert "A/RES/73/8 (2018)" in footnotes
    assert doc.core_properties.author == "Ana (Chile)"
