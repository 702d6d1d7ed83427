"""Drafter reads its own exports back: a clean copy is the same version, a redline the new one.

A delegate who receives a Drafter export can import it into their own library;
the masthead and the cover are tables (which readers skip), the numbers are
labels the importer recognises, the italic leads are italics, the footnotes
footnotes, so nothing is lost or added on the way.
"""

from __future__ import annotations

import pytest

from drafter.export import write_clean, write_redline
from drafter.ingest import load
from drafter.model import ParaKind


def _shape(res):
    return [(p.kind, p.number, p.text, p.lead, p.footnotes, p.level) for p in res.paragraphs]


@pytest.mark.parametrize(
    "name",
    [
        "samples/A_RES_67_219.pdf.txt",
        "samples/A_RES_68_4.md",
        "corpus/families/cuba-embargo/A_RES_80_4.md",
        "corpus/ga80/md/A_RES_80_52.md",
    ],
)
def test_clean_copy_reads_back_as_the_same_version(name, samples, corpus, tmp_path):
    base, rel = name.split("/", 1)
    res = load((samples if base == "samples" else corpus) / rel)
    back = load(write_clean(res, tmp_path / "clean.docx"))
    assert _shape(back) == _shape(res)
    cited = {n for p in res.paragraphs for n in p.footnotes}
    assert back.footnotes == tuple(f for f in res.footnotes if f.number in cited)
    assert (back.symbol, back.date, back.title) == (res.symbol, res.date, res.title)


def test_redline_reads_back_as_the_new_version(sample_versions, tmp_path):
    back = load(write_redline(sample_versions, tmp_path / "redline.docx"), accept_all=True)
    assert _shape(back) == _shape(sample_versions.new)
    assert back.symbol == sample_versions.new.symbol


def test_redline_reads_by_default_as_the_old_version_its_changes_proposed_on(
    sample_versions, tmp_path
):
    back = load(write_redline(sample_versions, tmp_path / "redline.docx"))
    assert [p.text for p in back.paragraphs if p.kind != ParaKind.HEADING] == [
        p.text for p in sample_versions.old.paragraphs if p.kind != ParaKind.HEADING
    ]


def _cells(review, document, keep: str) -> list[str]:
    """The masthead's cell texts after accepting (keep="ins") or rejecting (keep="del")."""
    from docx.oxml.ns import qn

    paragraph_text = review.paragraph_text
    table = document.tables[0]
    out = []
    for cell in table._tbl.iter(qn("w:tc")):
        out.append("/".join(paragraph_text(p, keep) for p in cell.iter(qn("w:p"))))
    return out


def test_a_draft_and_its_resolution_come_back_with_symbol_date_and_stage(corpus, tmp_path):
    """L.4 prints its symbol only in the masthead: read back from the masthead table."""
    from drafter.compare import compare
    from drafter.store.versions import guess_stage

    folder = corpus / "families" / "draft-to-adopted"
    old, new = load(folder / "A_80_L.4.txt"), load(folder / "A_RES_80_3.md")
    old2 = load(write_clean(old, tmp_path / "old.docx"))
    new2 = load(write_clean(new, tmp_path / "new.docx"))
    assert (old2.symbol, old2.date) == ("A/80/L.4", old.date)
    assert (new2.symbol, new2.date) == ("A/RES/80/3", new.date)
    assert guess_stage(old2.symbol) == "L-document"
    redline = write_redline(compare(old2, new2), tmp_path / "redline.docx")
    back = load(redline, accept_all=True)
    assert (back.symbol, back.date, guess_stage(back.symbol)) == ("A/RES/80/3", new.date, "adopted")
    base = load(redline)  # the text the tracked changes are proposed on: the draft
    assert (base.symbol, base.date, guess_stage(base.symbol)) == (
        "A/80/L.4",
        old.date,
        "L-document",
    )


def test_the_masthead_is_tracked(review, corpus, tmp_path):
    from drafter.compare import compare

    folder = corpus / "families" / "draft-to-adopted"
    old, new = load(folder / "A_80_L.4.txt"), load(folder / "A_RES_80_3.md")
    doc = review.open_docx(write_redline(compare(old, new), tmp_path / "r.docx"))
    accepted, rejected = _cells(review, doc, "ins"), _cells(review, doc, "del")
    assert accepted[2] == "A/RES/80/3" and rejected[2] == "A/80/L.4"
    assert accepted[5].startswith("Distr.: General") and accepted[5].endswith("14 October 2025")
    assert rejected[5].startswith("Distr.: Limited") and rejected[5].endswith("6 October 2025")
    # a clean copy of the draft says Limited, not General
    clean = review.open_docx(write_clean(old, tmp_path / "c.docx"))
    assert _cells(review, clean, "ins")[5].startswith("Distr.: Limited")
