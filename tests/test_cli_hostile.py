"""Messages on hostile command lines and inputs: one line, plain words, exit code 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from drafter.cli import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_a_mistyped_command_is_not_opened_as_a_file(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "improt", "x.md")
    assert code == 2 and out == ""
    assert err == (
        "drafter: unknown command 'improt' (and no such file). Did you mean 'import'? "
        "See 'drafter --help'.\n"
    )
    code, _, err = _run(capsys, "gone.md")
    assert (code, err) == (2, "drafter: gone.md: no such file\n")


def test_a_file_name_with_a_newline_still_gives_one_line(capsys, tmp_path) -> None:
    bad = tmp_path / "two\nlines.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf")
    code, _, err = _run(capsys, "parse", str(bad))
    assert code == 2 and err.count("\n") == 1 and "two\\nlines.pdf" in err


def test_standard_input_is_checked_and_decoded_like_a_file(
    capsys, monkeypatch, samples: Path, tmp_path: Path
) -> None:
    text = (samples / "A_RES_68_4.md").read_text(encoding="utf-8")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    code, from_path, _ = _run(capsys, "parse", str(utf16), "--json")
    assert code == 0
    monkeypatch.setattr("sys.stdin", _Stdin(text.encode("utf-16")))
    code, from_stdin, _ = _run(capsys, "parse", "-", "--json")
    assert code == 0
    a, b = json.loads(from_path), json.loads(from_stdin)
    assert a["paragraphs"] == b["paragraphs"] and a["symbol"] == b["symbol"] == "A/RES/68/4"
    for data in (b"The General\x00 Assembly,\n1. Decides", bytes(range(256)) * 8):
        monkeypatch.setattr("sys.stdin", _Stdin(data))
        code, out, err = _run(capsys, "parse", "-")
        assert (code, out, err) == (2, "", "drafter: <stdin>: not a text file (binary content)\n")


def test_a_document_piped_in_is_read_as_its_file(capsys, monkeypatch, corpus: Path) -> None:
    pdf = min((corpus / "pdf").glob("*.pdf"), key=lambda p: p.stat().st_size)
    monkeypatch.setattr("sys.stdin", _Stdin(pdf.read_bytes()))
    code, out, _ = _run(capsys, "parse", "-", "--json")
    assert code == 0 and json.loads(out)["symbol"].startswith("A/RES/")


def test_superscript_digits_where_a_number_belongs(capsys, tmp_path: Path, monkeypatch) -> None:
    md = tmp_path / "sup.md"
    md.write_text(
        "The General Assembly,\n\n1. Decides something[^²] here;\n\n2. Also decides[^3].\n\n"
        "[^²]: a note\n[^3]: another\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "parse", str(md))
    assert code == 0 and "Decides something" in out and err == ""
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "lib.db"))
    assert _run(capsys, "import", str(md))[0] == 0
    code, _, err = _run(capsys, "library", "--move", "1", "²")
    assert code == 2 and "FAMILY must be an id" in err
    code, _, err = _run(capsys, "notes", "list", "²")
    assert code == 2 and err.count("\n") == 1 and "Error" not in err


def test_a_hostile_notes_file_is_one_line_on_the_command_line(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "lib.db"))
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "drafter-notes", "format_version": "1", "notes": []}')
    code, out, err = _run(capsys, "notes", "import", str(bad))
    assert (code, out) == (2, "")
    assert err == f'drafter: {bad}: "format_version" must be the whole number 1, not the text "1"\n'


@pytest.mark.parametrize("width", [20, 100])
def test_parse_wraps_a_huge_unbroken_word_in_linear_time(capsys, monkeypatch, width: int) -> None:
    word = "x" * 2_000_000  # textwrap needed ~6 s for this; the linear wrap ~0.1 s
    monkeypatch.setattr(
        "sys.stdin", _Stdin(f"The General Assembly,\n\n1. Decides {word}\n".encode())
    )
    code, out, _ = _run(capsys, "parse", "-", "--width", str(width))
    assert code == 0
    lines = out.splitlines()
    body = [line for line in lines if "x" * 10 in line]
    assert "".join(line.strip() for line in body).count("x") == 2_000_000
    assert max(len(line) for line in lines[3:]) <= max(40, width)
