"""A clean copy of one version in UN typography, its notes as Word comments."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from drafter.model import EQUAL, Note, Resolution

from . import footnote_place as fp
from . import package
from . import typography as ty
from .comments import CommentWriter, merge_cuts, note_cuts, split_notes
from .ooxml import Footnotes, make_paragraph
from .redline import lead_cuts, write_orphans
from .render import footnote_cuts, render_segs, write_footnote_refs
from .save import check_target, save_atomic
from .stream import Seg, split_segs


def paragraph_segs(resolution: Resolution, pid: int) -> list[Seg]:
    """Label and text of one paragraph as unchanged pieces (both sides are this version)."""
    p = resolution.paragraphs[pid]
    segs = []
    label = ty.label_text(p)
    if label:
        segs.append(Seg(EQUAL, label, pid, pid, role="label"))
    if p.text:
        segs.append(Seg(EQUAL, p.text, pid, pid))
    return segs


def write_clean(
    resolution: Resolution,
    path: str | os.PathLike,
    *,
    notes: Sequence[Note] = (),
    author: str = "Drafter",
) -> Path:
    """Write ``resolution`` as a UN-style document with ``notes`` as comments."""
    path = check_target(path)
    ps = resolution.paragraphs
    anchored, orphaned = split_notes(notes, resolution)
    doc = Document()
    ty.setup_document(doc, language=resolution.language)
    ty.add_running_parts(doc, resolution.symbol or resolution.display_name)
    package.prepare(
        doc,
        title=resolution.title or resolution.display_name,
        subject=resolution.symbol or "",
        author=author,
    )
    ty.add_masthead(doc, resolution)

    footnotes = Footnotes(doc)
    comments = CommentWriter(doc, default_author=author)
    cuts = merge_cuts(lead_cuts(ps), note_cuts(anchored), footnote_cuts(ps))
    by_para: dict[int, list[Note]] = {}
    for note in anchored:
        by_para.setdefault(note.anchor.paragraph_id, []).append(note)

    sect = doc.element.body.find(qn("w:sectPr"))
    for para in ps:
        p = make_paragraph(ty.style_for(para, resolution))
        segs = split_segs(paragraph_segs(resolution, para.id), cuts, cuts)
        placed = render_segs(p, segs, side="new", old_ps=ps, new_ps=ps)
        refs = fp.markers(resolution, para, "new")
        if refs:
            where = fp.slots([placed], [0], (para.id,), (para.id,))
            write_footnote_refs([p], [placed], fp.plan(refs, refs, where), footnotes, None)
        sect.addprevious(p)
        for note in by_para.get(para.id, ()):
            comments.note(note, placed, "new", p)
    doc.add_paragraph(style=ty.style(doc, ty.END_RULE))
    ty.add_unplaced_footnotes(doc, resolution)
    if orphaned:
        write_orphans(doc, comments, [(n, resolution.display_name) for n in orphaned])
    comments.finish()
    return save_atomic(doc, path)
