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
