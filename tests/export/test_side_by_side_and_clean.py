"""Side-by-side tables (versions and related mode) and clean copies, with notes as comments."""

from __future__ import annotations

import dataclasses

from docx.oxml.ns import qn

from drafter.compare import relate
from drafter.export import write_clean, write_side_by_side


def _cell_text(cell) -> str:
    return "".join(t.text or "" for t in cell._tc.iter(qn("w:t")))


def test_side_by_side_versions_rows_and_marks(review, sample_versions, tmp_path):
    comparison = sample_versions
    old, new = comparison.old, comparison.new
    target = next(p.id for p in new.paragraphs if "important" in p.text)
    note = review.make_note(new, target, "Keep 'important'", quote="important")
    path = write_side_by_side(comparison, tmp_path / "sbs.docx", new_notes=[note])
    doc = review.open_docx(path)
    table = doc.tables[-1]
    rows = table.rows[1:]
    assert len(rows) == sum(1 for p in comparison.pairs if p.old or p.new)
    assert not list(doc.element.body.iter(qn("w:ins"), qn("w:del")))  # formatting, not tracking
    for row, pair in zip(rows, comparison.pairs, strict=True):
        old_cell, new_cell = _cell_text(row.cells[1]), _cell_text(row.cells[2])
        for i in pair.old:
            assert old.paragraphs[i].text in old_cell
        for i in pair.new:
            assert new.paragraphs[i].text in new_cell
    body = doc.element.body
    struck = [
        r for r in body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:strike')}") is not None
    ]
    under = [r for r in body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:u')}") is not None]
    assert struck and under
    for r in struck:
        assert r.find(f"{qn('w:rPr')}/{qn('w:color')}") is not None
    ranges = review.comment_ranges(doc)
    assert "important" in ranges.values()
    assert any("Keep 'important'" in _cell_text(r.cells[3]) for r in rows)


def test_side_by_side_related_mode(review, res_67_219, res_68_4, tmp_path):
    relation = relate(res_67_219, res_68_4)
    assert relation.links
    note = review.make_note(res_67_219, relation.links[0].old, "Theme of the Dialogue")
    path = write_side_by_side(relation, tmp_path / "rel.docx", old_notes=[note])
    doc = review.open_docx(path)
    rows = doc.tables[-1].rows[1:]
    assert len(rows) == len({lk.old for lk in relation.links})
    highlighted = [
        r
        for r in doc.element.body.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None
    ]
    assert highlighted
    assert len(doc.comments) == 1


def test_clean_copy_with_notes_and_orphans(review, res_67_219, tmp_path):
    res = res_67_219
    quoted = review.make_note(res, 20, "Check this figure", quote=res.paragraphs[20].text[5:25])
    whole = review.make_note(res, 10, "Whole paragraph note", author="B. Capital")
    orphan = review.make_note(res, 12, "Gone", orphaned=True)
    nowhere = dataclasses.replace(
        review.make_note(res, 12, "No place", orphaned=True),
        anchor=dataclasses.replace(orphan.anchor, paragraph_id=999),
    )
    path = write_clean(res, tmp_path / "clean.docx", notes=[quoted, whole, orphan, nowhere])
    doc = review.open_docx(path)
    texts = [p.text for p in doc.paragraphs]
    for p in res.paragraphs:
        assert any(t.endswith(p.text) for t in texts), p.text[:40]
    assert {c.author for c in doc.comments} == {"A. Delegate", "B. Capital"}
    ranges = review.comment_ranges(doc)
    assert res.paragraphs[20].text[5:25] in ranges.values()
    assert res.paragraphs[10].text in ranges.values()
    # an orphaned note stays at its last known place, marked as orphaned
    orphan_c = next(c for c in doc.comments if "Gone" in c.text)
    assert orphan_c.text.startswith("Orphaned note")
    assert ranges[orphan_c.comment_id] == res.paragraphs[12].text
    # only a note whose paragraph is not in this version is listed at the end
    assert any("Notes whose paragraph is no longer in the text" in t for t in texts)
    assert any("No place" in t for t in texts) and not any(t.endswith("Gone") for t in texts)
    assert len(doc.comments) == 4
    dates = {c.timestamp.isoformat() for c in doc.comments}
    assert dates == {"2013-09-25T14:30:00+00:00"}


def test_stale_quote_offsets_are_refound_or_fall_back(review, res_67_219, tmp_path):
    import dataclasses

    res = res_67_219
    text = res.paragraphs[20].text
    good = review.make_note(res, 20, "Shifted", quote=text[10:30])
    shifted = dataclasses.replace(good, anchor=dataclasses.replace(good.anchor, start=0, end=20))
    gone = review.make_note(res, 21, "Quote gone")
    gone = dataclasses.replace(
        gone, anchor=dataclasses.replace(gone.anchor, quote="words not there", start=3, end=18)
    )
    doc = review.open_docx(write_clean(res, tmp_path / "q.docx", notes=[shifted, gone]))
    ranges = review.comment_ranges(doc)
    assert text[10:30] in ranges.values()
    assert res.paragraphs[21].text in ranges.values()
    assert any("no longer in this paragraph" in c.text for c in doc.comments)


def test_resolved_notes_are_resolved_comments(review, res_68_4, tmp_path):
    import dataclasses
    import zipfile

    from drafter.model import NoteStatus

    open_note = review.make_note(res_68_4, 9, "Still open")
    done = dataclasses.replace(
        review.make_note(res_68_4, 10, "Settled"), status=NoteStatus.RESOLVED
    )
    path = write_clean(res_68_4, tmp_path / "r.docx", notes=[open_note, done])
    with zipfile.ZipFile(path) as z:
        ext = z.read("word/commentsExtended.xml").decode()
        comments = z.read("word/comments.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert ext.count('w15:done="1"') == 1
    para_id = ext.split('w15:paraId="')[1].split('"')[0]
    blocks = comments.split("<w:comment ")[1:]
    marked = [b for b in blocks if f'w14:paraId="{para_id}"' in b]
    assert len(marked) == 1 and "Settled" in marked[0]
    assert "commentsExtended+xml" in types and "commentsExtended" in rels
    assert len(review.open_docx(path).comments) == 2


def test_foreign_links_are_refused(res_67_219, res_68_4, tmp_path):
    import pytest

    from drafter.errors import ExportError
    from drafter.model import Link, Relation

    bad = Relation(res_67_219, res_68_4, (Link(0, 999, 0.5),))
    with pytest.raises(ExportError, match="relate the texts again"):
        write_side_by_side(bad, tmp_path / "bad.docx")
    empty = Relation(res_67_219, res_68_4, ())
    assert write_side_by_side(empty, tmp_path / "empty.docx").exists()


def test_footnotes_no_paragraph_cites_are_listed(review, corpus, tmp_path):
    import dataclasses

    from drafter.ingest import load
    from drafter.model import Footnote

    res = load(corpus / "ga80" / "md" / "A_RES_80_52.md")
    # a footnote whose marker the reader did not find in any paragraph
    res = dataclasses.replace(res, footnotes=(*res.footnotes, Footnote("99", "Uncited note.")))
    cited = {n for p in res.paragraphs for n in p.footnotes}
    unplaced = [f for f in res.footnotes if f.number not in cited]
    doc = review.open_docx(write_clean(res, tmp_path / "u.docx"))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Footnotes whose place in the text is not known" in text
    for f in unplaced:
        assert f.text in text


def test_side_by_side_carries_footnotes_in_each_column(review, corpus, tmp_path):
    """L.4 → 80/3: every footnote of both versions is a Word footnote, in its column."""
    import zipfile

    from lxml import etree

    from drafter.compare import compare
    from drafter.ingest import load

    folder = corpus / "families" / "draft-to-adopted"
    old, new = load(folder / "A_80_L.4.txt"), load(folder / "A_RES_80_3.md")
    path = write_side_by_side(compare(old, new), tmp_path / "s.docx")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    cited = sum(len(p.footnotes) for p in old.paragraphs + new.paragraphs if p.footnotes)
    refs = list(body.iter(f"{w}footnoteReference"))
    assert len(refs) == cited
    texts = {
        fn.get(f"{w}id"): "".join(t.text or "" for t in fn.iter(f"{w}t")).strip()
        for fn in notes.iter(f"{w}footnote")
    }
    assert [texts[r.get(f"{w}id")] for r in refs][:1] == [old.footnote_text("*")]
    ids = [int(r.get(f"{w}id")) for r in refs]
    assert ids == sorted(ids)  # numbered in reading order
