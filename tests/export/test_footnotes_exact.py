"""Footnotes in redlines are exact, on real pairs, from their texts and from .docx copies.

Accept all gives the new version and reject all the old one *with every footnote
reference in place* (each written ``[fn:TEXT]`` where it stands); a reference is
tracked only when its footnote changed, never because footnotes were renumbered.
The .docx copies are Drafter's own clean-copy exports read back, as a delegate
who receives them would import them.
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from drafter.compare import compare
from drafter.export import write_clean, write_redline
from drafter.ingest import load

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PAIRS = {
    "L.4-80.3": (
        "families/draft-to-adopted/A_80_L.4.txt",
        "families/draft-to-adopted/A_RES_80_3.md",
    ),
    "L.2-80.1": (
        "families/draft-to-adopted/A_80_L.2.txt",
        "families/draft-to-adopted/A_RES_80_1.md",
    ),
    "47.168-48.57": (
        "families/humanitarian-coordination/A_RES_47_168.txt",
        "families/humanitarian-coordination/A_RES_48_57.txt",
    ),
    "73.8-L.6": ("families/cuba-embargo/A_RES_73_8-EN.pdf", "families/cuba-embargo/A_80_L.6.txt"),
    "68-draft-68.4": ("samples/A_68_L5_draft_illustrative.md", "samples/A_RES_68_4.md"),
}


def _load(name: str, corpus, samples):
    if name.startswith("samples/"):
        return load(samples / name.split("/", 1)[1])
    return load(corpus / name)


def versions(key: str, form: str, corpus, samples, tmp_path):
    old, new = (_load(n, corpus, samples) for n in PAIRS[key])
    if form == "docx":
        old = load(write_clean(old, tmp_path / "old-clean.docx"))
        new = load(write_clean(new, tmp_path / "new-clean.docx"))
    return old, new


def tracked_references(path) -> list[str]:
    """ "ins"/"del" for every footnote reference inside a tracked change."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for ref in root.iter(f"{W}footnoteReference"):
        wrapper = ref.getparent().getparent()
        if wrapper.tag in (f"{W}ins", f"{W}del"):
            out.append(wrapper.tag[len(W) :])
    return out


@pytest.mark.parametrize("form", ["text", "docx"])
@pytest.mark.parametrize("key", list(PAIRS))
def test_accept_and_reject_give_each_version_with_its_footnotes(
    key, form, review, corpus, samples, tmp_path
):
    old, new = versions(key, form, corpus, samples, tmp_path)
    assert any(p.footnotes for p in old.paragraphs + new.paragraphs), "a pair with footnotes"
    path = write_redline(compare(old, new), tmp_path / "redline.docx")
    assert review.accept_all(path, footnotes=True) == review.expected_texts(new, footnotes=True)
    assert review.reject_all(path, footnotes=True) == review.expected_texts(old, footnotes=True)


def test_renumbered_footnotes_track_nothing(corpus, samples, tmp_path):
    """L.4 has a sponsors' note "*" that the adopted text drops; read back from Word it
    is footnote 1, so every later footnote is renumbered (2→1, 3→2, ...). Only the
    sponsors' note is a change; the 15 renumbered references are not."""
    old, new = versions("L.4-80.3", "text", corpus, samples, tmp_path)
    path = write_redline(compare(old, new), tmp_path / "text.docx")
    assert tracked_references(path) == ["del"]  # the sponsors' note, with its paragraph
    old, new = versions("L.4-80.3", "docx", corpus, samples, tmp_path)
    assert [f.text for f in old.footnotes][1:] == [f.text for f in new.footnotes]
    path = write_redline(compare(old, new), tmp_path / "docx.docx")
    assert tracked_references(path) == []  # renumbering alone
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert len(notes.findall(f"{W}footnote")) == 2 + len(new.footnotes)  # no duplicates


def test_a_merge_keeps_each_reference_where_its_marker_stood(corpus, samples, tmp_path):
    """80/3 merged L.4's OP 1 and OP 2; OP 2's three footnotes stay after their words."""
    old, new = versions("L.4-80.3", "text", corpus, samples, tmp_path)
    comparison = compare(old, new)
    merged = next(p for p in comparison.pairs if len(p.old) == 2 and len(p.new) == 1)
    assert merged.kind == "merged"
    assert [old.paragraphs[i].number for i in merged.old] == ["1", "2"]
    path = write_redline(comparison, tmp_path / "merge.docx")
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    before = []
    for p in root.iter(f"{W}p"):
        text = ""
        for el in p.iter(f"{W}t", f"{W}footnoteReference"):
            if el.tag == f"{W}t":
                text += el.text or ""
            else:
                before.append(text)
    merged_para = new.paragraphs[10]
    for offset in merged_para.footnote_offsets:
        words = merged_para.text[:offset][-30:]
        assert any(b.endswith(words) for b in before), words


def test_a_deleted_paragraph_keeps_its_footnote_as_deleted_text(review, corpus, samples, tmp_path):
    old, new = versions("L.2-80.1", "text", corpus, samples, tmp_path)
    sponsors = next(p for p in old.paragraphs if p.text.endswith("draft resolution"))
    assert sponsors.footnotes
    path = write_redline(compare(old, new), tmp_path / "r.docx")
    rejected = review.reject_all(path, footnotes=True)
    assert any(
        t.startswith("State of Palestine: draft resolution[fn:Any changes") for t in rejected
    )
    assert tracked_references(path) == ["del"]
