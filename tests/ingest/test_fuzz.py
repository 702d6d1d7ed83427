"""Random bytes and mutated real files: every reader parses or raises IngestError."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import IngestError
from drafter.ingest import load, parse_text
from drafter.model import Resolution

# As tests/conftest.py finds it (parametrization needs it before fixtures exist).
CORPUS = Path(
    os.environ.get(
        "DRAFTER_CORPUS", Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    )
)
REAL = {
    ".txt": CORPUS / "A_RES_67_219.pdf.txt",
    ".md": CORPUS / "A_RES_68_4.md",
    ".pdf": CORPUS / "families" / "cuba-embargo" / "A_RES_73_8-EN.pdf",
}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _load_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            res = load(path)
        except IngestError as exc:
            assert path.name in str(exc)
            assert "\n" not in str(exc)
            return
        assert isinstance(res, Resolution)
        assert [p.id for p in res.paragraphs] == list(range(len(res.paragraphs)))


@st.composite
def mutated(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[pos:]
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[pos : pos + draw(st.integers(1, 512))]
    return bytes(data)


@pytest.mark.parametrize(
    "suffix", [".txt", ".md", ".pdf", ".docx", ".doc", ".html", ".rtf", ".odt", ""]
)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(suffix, data):
    _load_bytes(data, suffix)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".pdf"])
@FUZZ
@given(data=st.data())
def test_mutated_real_files(suffix, data):
    original = REAL[suffix].read_bytes()
    _load_bytes(data.draw(mutated(original)), suffix)


@FUZZ
@given(data=st.data())
def test_mutated_docx(make_docx, tmp_path, data):
    if not hasattr(test_mutated_docx, "_original"):
        res = load(REAL[".txt"])
        path = make_docx(res, tmp_path / "orig.docx")
        test_mutated_docx._original = path.read_bytes()  # type: ignore[attr-defined]
    _load_bytes(data.draw(mutated(test_mutated_docx._original)), ".docx")  # type: ignore[attr-defined]


@FUZZ
@given(text=st.text(max_size=2000))
def test_html_any_markup(text):
    """Arbitrary text, tags mixed in, as an HTML page."""
    page = "<html><body><p>" + text.replace("\n", "<br>") + "<sup>1</sup><i>x</i></p></body></html>"
    _load_bytes(page.encode("utf-8", "surrogatepass"), ".html")


@FUZZ
@given(text=st.text(max_size=2000))
def test_parse_text_any_unicode(text):
    for fmt in ("txt", "md"):
        try:
            res = parse_text(text, fmt=fmt)
        except IngestError:
            continue
        assert all(p.text for p in res.paragraphs)


_LINE_SOURCES = [
    CORPUS / "A_RES_67_219.pdf.txt",
    CORPUS / "families" / "cuba-embargo" / "A_80_L.6.txt",
    CORPUS / "ga80" / "md" / "A_RES_80_24.md",
]


@FUZZ
@given(data=st.data())
def test_line_level_mutations(data):
    """Lines dropped, repeated, swapped or cut: the structure rules never crash."""
    source = data.draw(st.sampled_from(_LINE_SOURCES))
    lines = source.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 12))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "repeat", "swap", "cut", "join"]))
        if op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
        if not lines:
            lines = [""]
    fmt = "md" if source.suffix == ".md" else "txt"
    try:
        res = parse_text("\n".join(lines), fmt=fmt)
    except IngestError:
        return
    assert [p.id for p in res.paragraphs] == list(range(len(res.paragraphs)))
    assert all(p.text and p.text == p.text.strip() for p in res.paragraphs)


@pytest.mark.parametrize(
    ("fmt", "unit"),
    [("md", "*a "), ("md", "[^"), ("md", "<a "), ("md", "[a]("), ("txt", "a 1  "),
     ("txt", "Aaa and "), ("html", "<p "), ("txt", "20201 ")],
)  # fmt: skip
def test_pathological_input(tmp_path, fmt, unit):
    """Inputs that make careless regular expressions quadratic (a regression shows as
    a suite that suddenly takes minutes here) parse or raise IngestError."""
    text = "The General Assembly,\n\n" + unit * 20000
    try:
        if fmt == "html":
            path = tmp_path / "x.html"
            path.write_text("<html><body>" + text, encoding="utf-8")
            res = load(path)
        else:
            res = parse_text(text, fmt=fmt)
    except IngestError:
        return
    assert res.paragraphs and all(p.text for p in res.paragraphs)
