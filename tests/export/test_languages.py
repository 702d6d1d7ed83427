"""Six official languages: Arabic paragraphs run right to left, Chinese gets a CJK font."""

from __future__ import annotations

import zipfile

from drafter.compare import compare
from drafter.export import write_redline, write_side_by_side
from drafter.ingest import parse_text


def _pair(corpus, lang: str):
    lines = (corpus / "languages" / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8")
    lines = [line for line in lines.splitlines() if line.strip()][:10]
    text = "\n\n".join(f"{i + 1}. {line}" for i, line in enumerate(lines))
    old = parse_text(text, fmt="txt", language=lang)
    new = parse_text(
        text.replace(lines[3], lines[3][: len(lines[3]) // 2]), fmt="txt", language=lang
    )
    return compare(old, new)


def test_arabic_is_right_to_left_and_exact(review, corpus, tmp_path):
    comparison = _pair(corpus, "ar")
    path = write_redline(comparison, tmp_path / "ar.docx")
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
    normal = styles.split('w:styleId="Normal"')[1].split("</w:style>")[0]
    assert "<w:bidi/>" in normal
    assert review.accept_all(path) == review.expected_texts(comparison.new)
    sbs = write_side_by_side(comparison, tmp_path / "ars.docx")
    with zipfile.ZipFile(sbs) as z:
        doc = z.read("word/document.xml").decode()
    assert doc.count("<w:bidi/>") >= 2 * len(comparison.pairs)


def test_chinese_uses_an_east_asian_font(review, corpus, tmp_path):
    comparison = _pair(corpus, "zh")
    path = write_redline(comparison, tmp_path / "zh.docx")
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:eastAsia="SimSun"' in styles
    assert "<w:bidi/>" not in styles.split('w:styleId="Normal"')[1].split("</w:style>")[0]
    assert review.reject_all(path) == review.expected_texts(comparison.old)
