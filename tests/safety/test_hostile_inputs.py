"""Inputs built to hang or exhaust a reader: each gets a one-line reason or a bounded
result, at once. The limits are in drafter/ingest/source.py and the README."""

from __future__ import annotations

import time
from pathlib import Path

import hostile_files as hostile
import pytest

import drafter.ingest.docx as docx_reader
from drafter.cli import main
from drafter.errors import IngestError
from drafter.ingest import load
from drafter.ingest.source import MAX_PDF_PAGES, MAX_TEXT_BYTES, MiB


@pytest.fixture(scope="module")
def real_docx(tmp_path_factory, samples: Path) -> bytes:
    folder = tmp_path_factory.mktemp("docx")
    return hostile.docx_from_text(samples / "A_RES_68_4.md", folder / "68_4.docx").read_bytes()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "start, ilvl",
    [("1000000000", "0"), ("9" * 5000, "0"), ("²", "0"), ("-7", "1"), ("12", "99"), ("3", "x")],
)
def test_hostile_numbering_reads_in_bounded_time(tmp_path, real_docx, start, ilvl) -> None:
    data = hostile.numbered_docx(real_docx, start=start, ilvl=ilvl, override=start)
    t0 = time.process_time()
    res = load(_write(tmp_path, "numbered.docx", data))
    assert time.process_time() - t0 < 10
    assert len(res.paragraphs) > 30
    labels = [(p.number or p.text.split()[0]) for p in res.paragraphs]
    assert max(map(len, labels)) < 50  # not a million "m"s
    if start == "1000000000" and ilvl == "0":
        # Word's counter ceiling, 32767, in roman numerals: 32 "m"s then "dcclxvii".
        assert f"({'m' * 32}dcclxvii)" in labels, labels[:12]


def test_a_decompression_bomb_is_refused_before_unpacking(tmp_path, real_docx, capsys) -> None:
    bomb = _write(tmp_path, "bomb.docx", hostile.bomb_docx(real_docx, megabytes=20))
    assert bomb.stat().st_size < MiB  # 20 MB of XML in a few dozen KB
    t0 = time.process_time()
    assert main(["parse", str(bomb)]) == 2
    assert time.process_time() - t0 < 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "word/document.xml unpacks to 20 MB" in err


def test_a_part_above_the_size_limit_is_refused(tmp_path, real_docx, monkeypatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_DOCX_PART_BYTES", 512 * 1024)
    members = hostile.zip_members(real_docx)
    members["word/media/photo.png"] = bytes(range(256)) * 4096  # 1 MB, packs poorly
    path = _write(tmp_path, "big.docx", hostile.make_zip(members, level=0))
    with pytest.raises(IngestError, match=r"word/media/photo\.png unpacks to 1 MB"):
        load(path)


def test_a_3000_page_pdf_is_refused_at_once(tmp_path, capsys) -> None:
    pdf = _write(tmp_path, "long.pdf", hostile.many_pages_pdf(3000))
    t0 = time.process_time()
    assert main(["parse", str(pdf)]) == 2
    assert time.process_time() - t0 < 5
    err = capsys.readouterr().err
    assert f"has 3,000 pages; Drafter reads PDFs of up to {MAX_PDF_PAGES} pages" in err


def test_a_pdf_whose_page_tree_lies_is_stopped_at_the_limit(tmp_path) -> None:
    pdf = _write(tmp_path, "lying.pdf", hostile.many_pages_pdf(MAX_PDF_PAGES + 5, declared=2))
    with pytest.raises(IngestError, match=f"at least {MAX_PDF_PAGES + 1} pages"):
        load(pdf)


def test_texts_above_the_limit_are_refused_without_reading(tmp_path, capsys) -> None:
    huge = tmp_path / "200mib.txt"
    with huge.open("wb") as fh:  # sparse: the size is what matters, nothing is read
        fh.truncate(200 * MiB)
    line = tmp_path / "50mb-one-line.txt"
    line.write_bytes(b"Urges all States to cooperate " * (50 * MiB // 30))
    for path, shown in ((huge, "too large (200 MB"), (line, "the text is too large (50 MB")):
        t0 = time.perf_counter()
        assert main(["parse", str(path)]) == 2
        assert time.perf_counter() - t0 < 5
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and shown in err, err


def test_a_long_text_without_line_breaks_reads(tmp_path, corpus: Path) -> None:
    text = " ".join(p.read_text() for p in sorted((corpus / "ga80" / "md").glob("*.md"))[:12])
    one_line = " ".join(text.split())
    assert len(one_line) < MAX_TEXT_BYTES
    res = load(_write(tmp_path, "one-line.txt", one_line.encode()))
    assert res.paragraphs and sum(len(p.text) for p in res.paragraphs) > len(one_line) // 2


def test_a_zip_of_too_many_parts_is_refused_from_its_end_record(tmp_path, real_docx) -> None:
    members = hostile.zip_members(real_docx)
    members.update({f"customXml/item{i}.xml": b"" for i in range(6000)})
    path = _write(tmp_path, "parts.docx", hostile.make_zip(members))
    with pytest.raises(IngestError, match=r"not a plausible Word file \(6,0\d\d parts"):
        load(path)
