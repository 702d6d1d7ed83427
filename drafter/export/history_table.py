"""The negotiation tracking table: one row a paragraph thread, one column a version.

What delegations build by hand: for each paragraph, where it stood in each version
and how its wording changed from the version before (deletions struck through in
red, insertions underlined in blue), changed cells shaded by kind. Unchanged cells
say so in grey instead of repeating the text, so the changes stand out. Landscape,
the versions' symbols as a header row repeated on every page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.history import Change, History, Step, Thread
from drafter.model import PairKind

from . import package
from . import typography as ty
from .ooxml import RunStyle, make_paragraph, make_run
from .render import render_segs
from .save import check_target, save_atomic
from .side_by_side import KIND_FILL, _Table
from .stream import Seg

GREY = "595959"
_TEXT_WIDTH_CM = 27.94 - 2 * 2.2  # landscape letter, as set up by typography
_NUMBER_COL_CM = 0.9


def _what(history: History, thread: Thread, step: Step) -> str:
    """The grey caption of a changed cell: "moved (was 5)", "split (from 3)"."""
    was = ", ".join(history.label(step.version - 1, o) for o in step.sources)
    c = step.change
    if c == Change.MODIFIED:
        return "formatting only" if step.formatting_only else ""
    if c == Change.MOVED:
        return f"moved{' and edited' if step.moved_edited else ''} (was {was})"
    if c == Change.SPLIT:
        return f"split from {was}"
    if c == Change.MERGED:
        return f"merged from {' + '.join(was.split(', '))}"
    if c == Change.INSERTED:
        return "new" if thread.forked_from is None else "split off"
    if c == Change.DELETED:
        return "deleted"
    return ""


def _caption(text: str) -> object:
    p = make_paragraph(ty.CELL)
    p.append(make_run(text, RunStyle(italic=True, colour=GREY, size=7.5)))
    return p


def _fill(history: History, thread: Thread, v: int, cell) -> None:
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    step = thread.step_at(v)
    if step is None:
        if thread.merged_into is not None and v == thread.last + 1:
            tc.append(_caption(f"merged into row {thread.merged_into + 1}"))
            return
        p = make_paragraph(ty.CELL)
        p.append(make_run("—", RunStyle(colour=GREY)))
        tc.append(p)
        return
    what = _what(history, thread, step) if step.version > 0 else ""
    if what:
        tc.append(_caption(what))
    p = make_paragraph(ty.CELL)
    if step.id is not None:
        p.append(make_run(step.label + step.mark + " ", RunStyle(bold=True)))
    if step.version > 0 and step.change == Change.UNCHANGED:
        p.append(make_run("unchanged", RunStyle(italic=True, colour=GREY)))
    else:
        segs = [Seg(op, text.replace("\n", " ")) for op, text in step.diff if text]
        render_segs(
            p, segs, side="new", old_ps=(), new_ps=(), marked=step.version > 0, in_cell=True
        )
    tc.append(p)
    fill = KIND_FILL.get(PairKind(str(step.change))) if step.version > 0 else None
    if fill and not step.formatting_only:
        ty.shade_cell(cell, fill)


def write_history_table(
    history: History,
    path: str | os.PathLike,
    *,
    author: str = "Drafter",
    changed_since: int | None = None,
    threads: Sequence[int] | None = None,
) -> Path:
    """Write the tracking table of ``history`` to ``path`` (atomically).

    ``changed_since``: only the threads changed after that version; ``threads``:
    only these (indexes), e.g. what a filtered view shows.
    """
    path = check_target(path)
    rows = list(history.threads)
    if changed_since is not None:
        keep = set(history.changed_since(changed_since))
        rows = [t for t in rows if t.index in keep]
    if threads is not None:
        wanted = set(threads)
        rows = [t for t in rows if t.index in wanted]
    latest = history.versions[-1]
    title = latest.title or latest.name
    doc = Document()
    ty.setup_document(doc, landscape=True)
    n = len(history.versions)
    if n > 5:  # narrow columns: smaller type
        cell_style = ty.style(doc, ty.CELL)
        cell_style.font.size = Pt(8 if n <= 8 else 7)
    ty.add_running_parts(doc, latest.symbol or latest.name)
    heading = f"Negotiation history: {title}"
    package.prepare(doc, title=heading, subject=title, author=author)
    h = doc.add_paragraph()
    h.paragraph_format.space_after = Pt(6)
    r = h.add_run(heading)
    r.bold = True
    r.font.size = Pt(13)
    s = history.summary
    kinds = ("modified", "moved", "split", "merged", "inserted", "deleted")
    counts = ", ".join(f"{s[k]} {k}" for k in kinds if s[k]) or "no changes"
    intro = (
        f"{n} versions, {s['threads']} paragraph threads ({counts}). Each row follows one "
        "paragraph; each cell shows its number in that version and the word changes from "
        "the version before: deleted words struck through in red, inserted words underlined "
        "in blue. — : not in that version."
    )
    if changed_since is not None:
        intro += (
            f" Only the {len(rows)} paragraphs changed after "
            f"{history.versions[changed_since].name} are listed."
        )
    for w in history.warnings:
        intro += f" Warning: {w}."
    para = doc.add_paragraph(intro)
    para.paragraph_format.space_after = Pt(8)
    col = (_TEXT_WIDTH_CM - _NUMBER_COL_CM) / max(1, n)
    headers = ["#"] + [
        "\n".join(x for x in (v.name, " ".join(y for y in (v.stage, v.date) if y)) if x)
        for v in history.versions
    ]
    table = _Table(doc, headers, [_NUMBER_COL_CM] + [col] * n)
    for t in rows:
        cells = table.row()
        num = cells[0].paragraphs[0].add_run(str(t.index + 1))
        num.font.size = Pt(8)
        for v in range(n):
            _fill(history, t, v, cells[v + 1])
    return save_atomic(doc, path)
