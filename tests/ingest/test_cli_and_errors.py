"""``drafter parse`` and every kind of bad input: one line on stderr, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from drafter.cli import main
from drafter.errors import IngestError
from drafter.ingest import SUPPORTED_SUFFIXES, load, parse_text


def test_parse_json_shape(samples, capsys):
    assert main(["parse", str(samples / "A_RES_67_219.pdf.txt"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["symbol"] == "A/RES/67/219"
    assert doc["date"] == "2012-12-21"
    assert doc["title"] == "International migration and development"
    assert doc["language"] == "en"
    assert set(doc["footnotes"]) == {str(n) for n in range(1, 14)}
    paras = doc["paragraphs"]
    assert [p["id"] for p in paras] == list(range(len(paras)))
    for p in paras:
        assert {"id", "kind", "number", "text", "footnotes"} <= set(p)
        assert all(isinstance(n, str) for n in p["footnotes"])
    assert any(p["number"] == "3(c)(ii)" and p["kind"] == "subparagraph" for p in paras)


def test_parse_outline(samples, capsys):
    assert main(["parse", str(samples / "A_RES_68_4.md")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A/RES/68/4  Declaration of the High-level Dialogue")
    assert "2013-10-03" in out and "[fn 1]" in out
    assert "United Nations, Treaty Series, vol. 2220, No. 39481." in out


def _bad_files(tmp_path):
    files = {}
    files["missing"] = tmp_path / "missing.txt"
    (tmp_path / "empty.txt").write_bytes(b"")
    files["empty"] = tmp_path / "empty.txt"
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    files["binary"] = tmp_path / "binary.txt"
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04not really a zip" * 10)
    files["corrupt docx"] = tmp_path / "corrupt.docx"
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    files["corrupt pdf"] = tmp_path / "corrupt.pdf"
    (tmp_path / "notes.xyz").write_text("hello")
    files["unknown extension"] = tmp_path / "notes.xyz"
    (tmp_path / "fake.pdf").write_text("this is not a pdf")
    files["mislabelled pdf"] = tmp_path / "fake.pdf"
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as z:
        z.writestr("hello.txt", "not word")
    files["zip that is not word"] = tmp_path / "other.docx"
    (tmp_path / "folder.txt").mkdir()
    files["folder"] = tmp_path / "folder.txt"
    (tmp_path / "blank.md").write_text("\n\n   \n")
    files["only blanks"] = tmp_path / "blank.md"
    return files


def test_bad_inputs_raise_ingest_error_naming_the_file(tmp_path):
    for what, path in _bad_files(tmp_path).items():
        with pytest.raises(IngestError) as info:
            load(path)
        message = str(info.value)
        assert path.name in message, what
        assert "\n" not in message, what


def test_bad_inputs_on_the_command_line(tmp_path):
    files = _bad_files(tmp_path)
    for what in ("missing", "binary", "corrupt docx", "unknown extension"):
        proc = subprocess.run(
            [sys.executable, "-m", "drafter", "parse", str(files[what]), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2, what
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("drafter: "), (what, proc.stderr)
        assert files[what].name in lines[0] and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
    ],
)
def test_encodings_are_read(samples, tmp_path, encoding, bom):
    text = (samples / "A_RES_67_219.pdf.txt").read_text(encoding="utf-8")
    if encoding == "cp1252":
        text = text.replace("\u2011", "-")  # cp1252 has curly quotes but no U+2011
    path = tmp_path / f"res-{encoding}.txt"
    path.write_bytes(bom + text.encode(encoding))
    res = load(path)
    reference = parse_text(text)
    assert [p.text for p in res.paragraphs] == [p.text for p in reference.paragraphs]
    assert any("“The future we want”" in p.text for p in res.paragraphs)


def test_sniffing_by_content(corpus, tmp_path):
    pdf = tmp_path / "download"  # no suffix, but a PDF inside
    pdf.write_bytes((corpus / "families/cuba-embargo/A_RES_73_8-EN.pdf").read_bytes())
    assert load(pdf).symbol == "A/RES/73/8"
    md_as_txt = tmp_path / "68_4.txt"
    md_as_txt.write_text((corpus / "A_RES_68_4.md").read_text())
    res = load(md_as_txt)
    assert res.footnote_text("1") and "<sup>" not in " ".join(p.text for p in res.paragraphs)


def test_parse_text_plain_paragraphs():
    text = (
        "The General Assembly,\n\nRecalling its earlier work,\n\n"
        "1. Decides to act;\n\n2. Requests a report:\n\n(a) On one thing;\n\n(b) On another."
    )
    res = parse_text(text, source="typed")
    assert [(p.kind.value, p.number) for p in res.paragraphs] == [
        ("heading", None), ("preambular", None), ("operative", "1"), ("operative", "2"),
        ("subparagraph", "2(a)"), ("subparagraph", "2(b)"),
    ]  # fmt: skip
    assert res.source == "typed"
    with pytest.raises(IngestError):
        parse_text("x", fmt="rtf")
    assert ".docx" in SUPPORTED_SUFFIXES and ".pdf" in SUPPORTED_SUFFIXES


def test_text_is_nfc_and_keeps_curly_quotes():
    decomposed = "The General Assembly,\n\n1. Decides that the “Cafe\u0301” is open;"
    res = parse_text(decomposed)
    assert res.paragraphs[-1].text == "Decides that the “Café” is open;"


def test_title_from_the_text_beats_wrong_front_matter(corpus):
    res = load(corpus / "ga80" / "md" / "A_RES_80_52.md")
    assert res.title == "Implementation of the Convention on Cluster Munitions"
    assert res.symbol == "A/RES/80/52"


def test_marker_without_footnote_text_is_a_warning():
    res = parse_text("The General Assembly,\n\n1. Decides;<sup>3</sup>\n\n2. Requests.", fmt="md")
    assert res.paragraphs[1].footnotes == ("3",)
    assert res.warnings == ("footnote marker 3 without footnote text",)


def test_outline_italics_only_when_asked(samples):
    from drafter.cli.parse import outline

    res = load(samples / "A_RES_67_219.pdf.txt")
    assert "\x1b[3m" not in outline(res)
    styled = outline(res, italics=True)
    assert "\x1b[3mRecalling also\x1b[23m the 2005 World Summit" in styled


def test_pymupdf_style_markers_and_ranges():
    """Superscripts as PyMuPDF prints them, kept only where footnotes exist."""
    text = (
        "The General Assembly,\n\n"
        "1. Welcomes the Programme for Landlocked Developing Countries 2  and the Vienna\n"
        "Programme for the Decade 2014–20243 and the 2030 Agenda for Sustainable Development 4 and\n"
        "its Goals, and the Sendai Framework 2015–\n2030, in Article 2 and Goal 16 and on 3 and 4 May;\n"
        "__________________\n"
        "1 Resolution 79/233.\n2 A/CONF.202/3.\n3 Resolution 69/137.\n4 Resolution 70/1.\n"
    )
    res = parse_text(text)
    op = res.paragraphs[-1]
    assert op.text == (
        "Welcomes the Programme for Landlocked Developing Countries and the Vienna Programme "
        "for the Decade 2014–2024 and the 2030 Agenda for Sustainable Development and its "
        "Goals, and the Sendai Framework 2015–2030, in Article 2 and Goal 16 and on 3 and 4 May;"
    )
    assert op.footnotes == ("2", "3", "4")
    unknown = parse_text(text.replace("2 A/CONF.202/3.\n", "").replace("\n4 Resolution 70/1.", ""))
    assert "Countries 2 and the Vienna" in unknown.paragraphs[-1].text


def test_numbers_after_a_period_in_symbols_are_not_markers():
    text = (
        "The General Assembly,\n\n"
        "1. Welcomes decision EC-110/DEC.1 of the Executive Council and resolution 69.2 "
        "of the World Health Assembly, as reported in A/80/5/Add.2 and vol.2, and its "
        "own development.1 It decides;\n"
        "__________________\n"
        "1 Resolution 70/1.\n2 A/80/1.\n"
    )
    op = parse_text(text).paragraphs[-1]
    assert "EC-110/DEC.1 of" in op.text and "69.2 of" in op.text and "vol.2," in op.text
    assert "development. It decides;" in op.text and op.footnotes == ("1",)


def test_parse_reads_standard_input(samples, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO((samples / "A_RES_68_4.md").read_text()))
    assert main(["parse", "-", "--format", "md", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["symbol"] == "A/RES/68/4" and doc["source"] == "<stdin>"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["parse", "-"]) == 2
    assert capsys.readouterr().err.strip() == "drafter: <stdin>: no text found in the file"


def test_negotiation_draft_numbering():
    """Zero drafts number paragraphs "PP1", "OP 4 bis." and "3 bis."."""
    res = parse_text(
        "The General Assembly,\n\nPP1 Recalling its resolution 67/219,\n\n"
        "PP2 bis Welcoming the report,\n\nOP1. Decides to act;\n\nOP1 bis. Also decides that:\n\n"
        "(a) first;\n\n3 bis. Requests a report."
    )
    got = [(p.kind.value, p.number, p.label, p.text) for p in res.paragraphs[1:]]
    assert got == [
        ("preambular", "1", "PP 1", "Recalling its resolution 67/219,"),
        ("preambular", "2 bis", "PP 2 bis", "Welcoming the report,"),
        ("operative", "1", "OP 1", "Decides to act;"),
        ("operative", "1 bis", "OP 1 bis", "Also decides that:"),
        ("subparagraph", "1 bis(a)", "OP 1 bis(a)", "first;"),
        ("operative", "3 bis", "OP 3 bis", "Requests a report."),
    ]


def test_markdown_table_is_skipped_with_a_warning():
    res = parse_text(
        "The General Assembly,\n\n1. Decides to act;\n\n| In favour | Against |\n|---|---|\n"
        "| 120 | 3 |\n\n2. Requests a report.",
        fmt="md",
    )
    assert [p.number for p in res.paragraphs] == [None, "1", "2"]
    assert res.warnings == ("1 table skipped (tables are not read)",)
