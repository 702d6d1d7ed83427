""" "Our positions": notes as a Word table, paragraph | text | note | tags.

Why: a delegation sends its positions to the capital or the co-facilitators as a
table, one row per note, with the paragraph it is about; notes as Word comments
(the other exports) are for working inside the text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from drafter.errors import ExportError

from .save import check_target, save_atomic

HEADERS = ("Paragraph", "Text", "Note", "Tags")
WIDTHS = (Cm(2.2), Cm(8.0), Cm(5.5), Cm(2.5))


def write_positions(
    entries: Sequence, path: str | os.PathLike, *, title: str = "Our positions"
) -> Path:
    """One table per version, one row per note (``entries`` are store NoteEntry values)."""
    if not entries:
        raise ExportError("no notes to export (the filter matches none)")
    target = check_target(path)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    doc.add_heading(title, level=1)
    by_version: dict[int, list] = {}
    for e in entries:
        by_version.setdefault(e.version.id, []).append(e)
    for group in by_version.values():
        v = group[0].version
        doc.add_heading(v.display_name + (f" — {v.title}" if v.title else ""), level=2)
        table = doc.add_table(rows=1, cols=len(HEADERS))
        table.style = "Table Grid"
        header = table.rows[0]
        _repeat_header(header)
        for cell, text, width in zip(header.cells, HEADERS, WIDTHS, strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
        for e in group:
            row = table.add_row()
            note = e.note
            body = note.body
            if note.anchor.quote:
                body = f"“{note.anchor.quote}”: {body}"
            if str(note.status) != "open":
                body += f" ({note.status})"
            meta = f"{note.author}, {note.updated[:10]}" if note.author else note.updated[:10]
            texts = (
                e.label,
                e.paragraph_text or "(the paragraph is gone from this version)",
                body,
                ", ".join(note.tags),
            )
            for cell, text, width in zip(row.cells, texts, WIDTHS, strict=True):
                cell.width = width
                cell.paragraphs[0].add_run(text)
            small = row.cells[2].add_paragraph().add_run(meta)
            small.italic = True
            small.font.size = Pt(8)
    return save_atomic(doc, target)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
