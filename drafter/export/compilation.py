"""The facilitator's compilation: every delegation's proposals on one base text.

Two forms, as compilations are made by hand today:

* ``tracked``: the base text with each proposal as a Word tracked change whose author
  is the delegation, so Word and LibreOffice show one colour per delegation and the
  Review pane reads "France: inserted …". Where proposals of several delegations touch
  the same words, the first (in the compilation's order) is the tracked deletion and
  each other's wording follows as its own tracked insertion; a comment names the
  conflict. Rationales and comment-only proposals are Word comments by the delegation.
* ``table``: paragraph | base text | the proposals on it, attributed.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.model import Resolution
from drafter.proposals.model import Compilation, ParagraphProposals, Proposal, ProposalKind

from . import package
from . import typography as ty
from .comments import CommentWriter
from .ooxml import Revisions, anchor_comment, make_paragraph, make_run, renumber_annotations
from .save import check_target, save_atomic

_WHOLE = (ProposalKind.DELETE_PARAGRAPH, ProposalKind.MOVE)


def _when(prop: Proposal, default: _dt.datetime) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(prop.date.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return default


def _comment(comments: CommentWriter, first, last, text: str, author: str, when) -> None:
    cid = comments._new(text, author, when)
    anchor_comment(first, last, cid)


def _tracked_paragraph(
    p, para, item: ParagraphProposals, rev: Revisions, comments: CommentWriter, when
) -> None:
    text = para.text
    label = ty.label_text(para)
    if label:
        p.append(make_run(label, tab_after=True))
    edits = sorted(
        (q for q in item.proposals if q.kind not in (ProposalKind.COMMENT, *_WHOLE)
         and q.kind != ProposalKind.NEW_PARAGRAPH),
        key=lambda q: (q.start, q.end),
    )  # fmt: skip
    whole = [q for q in item.proposals if q.kind in _WHOLE]
    cursor = 0
    first_el = None
    last_el = None

    def put(el):
        nonlocal first_el, last_el
        p.append(el)
        first_el = first_el if first_el is not None else el
        last_el = el
        return el

    def equal(upto: int) -> None:
        nonlocal cursor
        if upto > cursor:
            put(make_run(text[cursor:upto]))
            cursor = upto

    deleting = next((q for q in whole if q.kind == ProposalKind.DELETE_PARAGRAPH), None)
    if deleting is not None:
        rev.author = deleting.delegation
        put(rev.wrap(make_run(text, deleted=True), -1))
        cursor = len(text)
    for q in edits:
        rev.author = q.delegation
        qwhen = _when(q, when)
        conflict = q.start < cursor
        if not conflict:
            equal(q.start)
        pieces = []
        if q.end > q.start and not conflict:
            pieces.append(put(rev.wrap(make_run(text[q.start : q.end], deleted=True), -1)))
            cursor = q.end
        if q.new_text:
            new = q.new_text.strip()
            lead = (
                " "
                if (pieces or conflict or (q.start and text[q.start - 1 : q.start] != " "))
                else ""
            )
            tail = (
                " "
                if not pieces and q.start < len(text) and text[q.start : q.start + 1] != " "
                else ""
            )
            pieces.append(put(rev.wrap(make_run(lead + new + tail), 1)))
        if not pieces and conflict:  # a change inside words another delegation deletes
            if first_el is None:
                put(make_run(""))
            _comment(
                comments,
                first_el,
                last_el,
                "Conflicting proposal. " + q.summary(),
                q.delegation,
                qwhen,
            )
        if pieces and (conflict or q.comment):
            note = q.summary() + (f" ({q.comment})" if q.comment else "")
            if conflict:
                note = "Conflicting proposal. " + note
            _comment(comments, pieces[0], pieces[-1], note, q.delegation, qwhen)
    equal(len(text))
    for q in item.proposals:
        if q.kind == ProposalKind.COMMENT or (q.kind in _WHOLE and q is not deleting):
            if first_el is None:
                put(make_run(""))
            _comment(comments, first_el, last_el, q.summary(), q.delegation, _when(q, when))


def write_compilation(
    base: Resolution,
    compilation: Compilation,
    path: str | os.PathLike,
    *,
    table: bool = False,
    author: str = "Drafter",
) -> Path:
    """Write the compilation of ``compilation`` on ``base`` (tracked, or as a table)."""
    path = check_target(path)
    when = _dt.datetime.now(_dt.UTC)
    doc = Document()
    ty.setup_document(doc, language=base.language, landscape=table)
    ty.add_running_parts(doc, base.symbol or base.display_name)
    title = f"Compilation of proposals on {base.display_name}"
    package.prepare(doc, title=title, subject=base.title or "", author=author, when=when)
    ty.add_masthead(doc, base)
    delegations = sorted({q.delegation for q in compilation.proposals})
    intro = doc.add_paragraph()
    intro.add_run(
        f"{title}: {len(compilation.proposals)} proposals by {len(delegations)} "
        f"delegation{'s' if len(delegations) != 1 else ''} ({', '.join(delegations)}), "
        f"from {', '.join(compilation.sources)}."
    ).italic = True
    if table:
        _write_table(doc, base, compilation)
        return save_atomic(doc, path)
    package.track_changes(doc)
    rev = Revisions(author, when)
    comments = CommentWriter(doc, default_author=author)
    sect = doc.element.body.find(qn("w:sectPr"))
    by_id = {p.id: p for p in base.paragraphs}
    items = {item.paragraph: item for item in compilation.paragraphs}

    def new_paragraphs(after: int, style: str | None) -> None:
        item = items.get(after)
        if item is None:
            return
        for q in item.proposals:
            if q.kind != ProposalKind.NEW_PARAGRAPH:
                continue
            rev.author = q.delegation
            p = make_paragraph(style, mark=rev.mark("w:ins"))
            el = rev.wrap(make_run(q.new_text), 1)
            p.append(el)
            sect.addprevious(p)
            if q.comment:
                _comment(comments, el, el, q.comment, q.delegation, _when(q, when))

    new_paragraphs(-1, None)
    for para in base.paragraphs:
        style = ty.style_for(para, base)
        p = make_paragraph(style)
        item = items.get(para.id)
        if item is None or not item.proposals:
            label = ty.label_text(para)
            if label:
                p.append(make_run(label, tab_after=True))
            p.append(make_run(para.text))
        else:
            _tracked_paragraph(p, by_id[para.id], item, rev, comments, when)
        sect.addprevious(p)
        new_paragraphs(para.id, style)
    doc.add_paragraph(style=ty.style(doc, ty.END_RULE))
    renumber_annotations(doc.element.body, comments.count)
    comments.finish()
    return save_atomic(doc, path)


def _write_table(doc, base: Resolution, compilation: Compilation) -> None:
    rows = [item for item in compilation.paragraphs if item.proposals or item.paragraph >= 0]
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    head = table.rows[0].cells
    for cell, text in zip(head, ("Paragraph", "Base text", "Proposals"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    ty.repeat_header_row(table.rows[0])
    for item in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(item.label)
        cells[1].paragraphs[0].add_run(item.text).font.size = Pt(9)
        first = True
        conflicted = {pid for group in item.conflicts for pid in group}
        for q in item.proposals:
            para = cells[2].paragraphs[0] if first else cells[2].add_paragraph()
            first = False
            run = para.add_run(
                q.summary() + (" [conflicts with another]" if q.id in conflicted else "")
            )
            run.font.size = Pt(9)
            if q.comment and q.kind != ProposalKind.COMMENT:
                note = para.add_run(f" — {q.comment}")
                note.italic = True
                note.font.size = Pt(9)
            if q.fate is not None:
                fate = para.add_run(f" → {q.fate}")
                fate.bold = True
                fate.font.size = Pt(9)
    ty.set_column_widths(table, (2.5, 11.5, 11.5))
