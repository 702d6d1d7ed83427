"""Side-by-side tables: old text, new text and notes, one row per aligned pair.

Versions mode shows each pair's word diff as formatting (deletions struck
through in red in the old column, insertions underlined in blue in the new
one), which reads well in a table where tracked changes would not. Related
mode puts each paragraph of the first text beside the paragraphs of the second
that reflect it, with the shared phrases highlighted. Notes are comments on the
cell text and are also listed in the notes column, so they survive printing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from drafter.compare.ignore import Ignore
from drafter.errors import ExportError
from drafter.model import EQUAL, Comparison, Note, Pair, PairKind, Paragraph, Relation, Resolution

from . import footnote_place as fp
from . import package
from . import typography as ty
from .clean import paragraph_segs
from .comments import CommentWriter, PlacedSeg, merge_cuts, note_cuts, note_line, split_notes
from .ooxml import Footnotes, make_paragraph
from .redline import lead_cuts, write_orphans
from .render import footnote_cuts, render_segs, write_footnote_refs
from .save import check_target, save_atomic
from .stream import Item, Seg, body_paragraphs, checked_runs, complete_pairs, split_segs

KIND_FILL = {
    PairKind.MODIFIED: "FFF2CC",
    PairKind.INSERTED: "DDEBF7",
    PairKind.DELETED: "F8CBAD",
    PairKind.MOVED: "E2EFDA",
    PairKind.SPLIT: "EDE2F6",
    PairKind.MERGED: "EDE2F6",
}


def side_paragraphs(item: Item, side: str) -> list[list[Seg]]:
    """The pieces one side reads, cut into that side's own paragraphs."""
    keep = (lambda op: op <= 0) if side == "old" else (lambda op: op >= 0)
    out: list[list[Seg]] = []
    cur: list[Seg] = []
    for bp in item.paras:
        cur.extend(s for s in bp.segs if keep(s.op))
        if keep(bp.mark):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


class _Table:
    """A four-column table with a repeated header row, built cell by cell."""

    def __init__(self, doc, headers: Sequence[str], widths: Sequence[float]) -> None:
        self.doc = doc
        self.widths = [Cm(w) for w in widths]
        self.table = doc.add_table(rows=1, cols=len(headers))
        self.table.style = doc.styles["Table Grid"]
        ty.set_column_widths(self.table, widths)
        hdr = self.table.rows[0]
        ty.repeat_header_row(hdr)
        for cell, text, w in zip(hdr.cells, headers, self.widths, strict=True):
            cell.width = w
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            ty.shade_cell(cell, "D9D9D9")

    def row(self):
        cells = self.table.add_row().cells
        for cell, w in zip(cells, self.widths, strict=True):
            cell.width = w
        return cells


def _fill_cell(
    cell,
    paragraphs: Iterable[Sequence[Seg]],
    *,
    rtl: bool = False,
    written: list | None = None,
    **render_kw,
) -> list[PlacedSeg]:
    """Replace the cell's empty paragraph with one ``w:p`` per list of pieces.

    ``written`` (if given) receives each ``(w:p, its placed pieces)``.
    """
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    placed: list[PlacedSeg] = []
    for segs in paragraphs:
        p = make_paragraph(ty.CELL, bidi=rtl)
        mine = render_segs(p, segs, in_cell=True, **render_kw)
        placed += mine
        if written is not None:
            written.append((p, mine))
        tc.append(p)
    if tc.find(qn("w:p")) is None:
        tc.append(make_paragraph(ty.CELL))
    return placed


def _cell_footnotes(
    written: list, res: Resolution, ids: Sequence[int], side: str, footnotes: Footnotes
) -> None:
    """Each paragraph's footnote references in its column, where their markers stood."""
    marks = [m for i in ids for m in fp.markers(res, res.paragraphs[i], side)]
    if not marks or len(written) != len(ids):
        return
    paras, placed = [w[0] for w in written], [w[1] for w in written]
    both = (ids, ()) if side == "old" else ((), ids)
    where = fp.slots(placed, [0] * len(paras), *both)
    plan = fp.plan(marks, [], where) if side == "old" else fp.plan([], marks, where)
    write_footnote_refs(paras, placed, plan, footnotes, None)


def _text_cell(cell, lines: Iterable[str], *, bold_first: bool = False) -> None:
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(8.5)
        run.bold = bold_first and first
        first = False


def _start(doc_title: str, old: Resolution, new: Resolution, author: str):
    doc = Document()
    ty.setup_document(doc, landscape=True)
    ty.add_running_parts(doc, new.symbol or new.display_name)
    package.prepare(doc, title=doc_title, subject=new.title or "", author=author)
    ty.add_masthead(doc, new)
    h = doc.add_paragraph()
    h.paragraph_format.space_before = Pt(10)
    h.paragraph_format.space_after = Pt(6)
    r = h.add_run(doc_title)
    r.bold = True
    r.font.size = Pt(13)
    return doc


def _notes_by_para(notes: Sequence[Note]) -> dict[int, list[Note]]:
    out: dict[int, list[Note]] = {}
    for n in notes:
        out.setdefault(n.anchor.paragraph_id, []).append(n)
    return out


def _comment_notes(
    comments: CommentWriter, notes: Sequence[Note], placed: Sequence[PlacedSeg], side: str
) -> None:
    for note in notes:
        pid = note.anchor.paragraph_id
        mine = [
            x
            for x in placed
            if (x.seg.old if side == "old" else x.seg.new) == pid and x.seg.role == "text"
        ]
        comments.note(note, mine, side, None)


def _kind_lines(pair: Pair, old_ps: Sequence[Paragraph], new_ps: Sequence[Paragraph]) -> list[str]:
    old_l = ", ".join(old_ps[i].label for i in pair.old)
    new_l = ", ".join(new_ps[i].label for i in pair.new)
    where = old_l if old_l == new_l else " → ".join(x for x in (old_l, new_l) if x)
    kind = str(pair.kind).replace("_", " ").capitalize()
    if pair.kind == PairKind.MOVED and pair.moved_edited:
        kind = "Moved and edited"
    extra = []
    if pair.formatting_only:
        extra.append("formatting only")
    if pair.approximate:
        extra.append("approximate diff")
    return [where, kind + (f" ({', '.join(extra)})" if extra else "")]


def _write_versions(
    doc, comparison: Comparison, old_notes: Sequence[Note], new_notes: Sequence[Note], author: str
) -> None:
    old, new = comparison.old, comparison.new
    old_ps, new_ps = old.paragraphs, new.paragraphs
    old_anch, old_orph = split_notes(old_notes, old)
    new_anch, new_orph = split_notes(new_notes, new)
    old_by, new_by = _notes_by_para(old_anch), _notes_by_para(new_anch)
    old_cuts = merge_cuts(lead_cuts(old_ps), note_cuts(old_anch), footnote_cuts(old_ps))
    new_cuts = merge_cuts(lead_cuts(new_ps), note_cuts(new_anch), footnote_cuts(new_ps))
    comments = CommentWriter(doc, default_author=author)
    footnotes = Footnotes(doc)

    s = comparison.summary
    counts = ", ".join(f"{s[k]} {k}" for k in ("modified", "inserted", "deleted", "moved") if s[k])
    intro = doc.add_paragraph(
        f"Old: {old.display_name} ({ty.format_date(old.date)}). New: {new.display_name} "
        f"({ty.format_date(new.date)}). {s['changes']} changed rows"
        + (f": {counts}." if counts else ".")
        + " Deleted words are struck through in red, inserted words underlined in blue."
    )
    intro.paragraph_format.space_after = Pt(8)

    table = _Table(
        doc,
        ("¶", f"Old: {old.display_name}", f"New: {new.display_name}", "Notes"),
        (2.6, 9.6, 9.6, 5.2),
    )
    for pair in complete_pairs(comparison):
        old_text = "\n".join(old_ps[i].text for i in pair.old)
        new_text = "\n".join(new_ps[i].text for i in pair.new)
        side = "both" if pair.old and pair.new else ("old" if pair.old else "new")
        runs = checked_runs(pair, old_text, new_text, Ignore.of(comparison.ignore))
        item = Item(side, pair, pair.old, pair.new, runs)
        body_paragraphs(item, old_ps, new_ps)
        c_kind, c_old, c_new, c_notes = table.row()
        _text_cell(c_kind, _kind_lines(pair, old_ps, new_ps), bold_first=True)
        fill = KIND_FILL.get(pair.kind)
        if fill and pair.is_change and not pair.formatting_only:
            ty.shade_cell(c_kind, fill)
        kw = {"old_ps": old_ps, "new_ps": new_ps, "marked": True}
        written_old: list = []
        written_new: list = []
        placed_old = _fill_cell(
            c_old,
            [split_segs(x, old_cuts, {}) for x in side_paragraphs(item, "old")],
            side="old",
            rtl=ty.is_rtl(old.language),
            written=written_old,
            **kw,
        )
        placed_new = _fill_cell(
            c_new,
            [split_segs(x, {}, new_cuts) for x in side_paragraphs(item, "new")],
            side="new",
            rtl=ty.is_rtl(new.language),
            written=written_new,
            **kw,
        )
        _cell_footnotes(written_old, old, pair.old, "old", footnotes)
        _cell_footnotes(written_new, new, pair.new, "new", footnotes)
        row_old = [n for i in pair.old for n in old_by.get(i, ())]
        row_new = [n for i in pair.new for n in new_by.get(i, ())]
        _comment_notes(comments, row_old, placed_old, "old")
        _comment_notes(comments, row_new, placed_new, "new")
        lines = [note_line(n, f"on {old.display_name}") for n in row_old]
        lines += [note_line(n, "") for n in row_new]
        _text_cell(c_notes, lines)
    footnotes.renumber(doc.element.body)
    orphans = [(n, old.display_name) for n in old_orph] + [(n, new.display_name) for n in new_orph]
    if orphans:
        write_orphans(doc, comments, orphans)
    comments.finish()


def _phrase_segs(res: Resolution, pid: int, phrases: Sequence[str]) -> list[Seg]:
    """A paragraph's pieces with the shared phrases marked for highlighting."""
    cuts = lead_cuts(res.paragraphs)
    return split_segs(_phrase_pieces(res, pid, phrases), cuts, cuts)


def _phrase_pieces(res: Resolution, pid: int, phrases: Sequence[str]) -> list[Seg]:
    segs = paragraph_segs(res, pid)
    if not phrases:
        return segs
    from drafter.compare import phrase_spans  # the compare engine knows token boundaries

    text = res.paragraphs[pid].text
    spans = sorted(phrase_spans(text, phrases))
    out = [s for s in segs if s.role == "label"]
    pos = 0
    for start, end in spans:
        start = max(start, pos)
        if end <= start:
            continue
        if start > pos:
            out.append(Seg(EQUAL, text[pos:start], pid, pid, pos, pos))
        out.append(Seg(EQUAL, text[start:end], pid, pid, start, start, mark="phrase"))
        pos = end
    if pos < len(text):
        out.append(Seg(EQUAL, text[pos:], pid, pid, pos, pos))
    return out


def _check_links(relation: Relation) -> None:
    n_old, n_new = len(relation.old.paragraphs), len(relation.new.paragraphs)
    for lk in relation.links:
        if not (0 <= lk.old < n_old and 0 <= lk.new < n_new):
            raise ExportError(
                f"a link refers to paragraph {lk.old + 1} → {lk.new + 1}, which these texts "
                "do not have: relate the texts again"
            )


def _write_related(
    doc, relation: Relation, old_notes: Sequence[Note], new_notes: Sequence[Note], author: str
) -> None:
    old, new = relation.old, relation.new
    old_ps, new_ps = old.paragraphs, new.paragraphs
    old_anch, old_orph = split_notes(old_notes, old)
    new_anch, new_orph = split_notes(new_notes, new)
    old_by, new_by = _notes_by_para(old_anch), _notes_by_para(new_anch)
    comments = CommentWriter(doc, default_author=author)
    linked_old = sorted({lk.old for lk in relation.links})
    strong = sum(lk.strong for lk in relation.links)
    intro = doc.add_paragraph(
        f"Paragraphs of {old.display_name} ({ty.format_date(old.date)}) and the paragraphs of "
        f"{new.display_name} ({ty.format_date(new.date)}) that reflect them: "
        f"{strong} strong and {len(relation.links) - strong} weak links from "
        f"{len(linked_old)} paragraphs, best first (a weak link is the best candidate "
        "there is, on little shared evidence). Shared phrases are highlighted."
    )
    intro.paragraph_format.space_after = Pt(8)
    table = _Table(
        doc,
        (f"{old.display_name}", f"{new.display_name}", "Shared phrases", "Notes"),
        (10.0, 10.0, 3.5, 3.5),
    )
    kw = {"old_ps": old_ps, "new_ps": new_ps, "marked": False}
    for oid in linked_old:
        links = relation.links_from(oid)
        c_old, c_new, c_shared, c_notes = table.row()
        phrases = sorted({ph for lk in links for ph in lk.shared}, key=len, reverse=True)
        placed_old = _fill_cell(
            c_old, [_phrase_segs(old, oid, phrases)], side="old", rtl=ty.is_rtl(old.language), **kw
        )
        new_paras = []
        for lk in links:
            new_paras.append(_phrase_segs(new, lk.new, lk.shared))
        placed_new = _fill_cell(c_new, new_paras, side="new", rtl=ty.is_rtl(new.language), **kw)
        _text_cell(
            c_shared,
            [
                f"{new_ps[lk.new].label}: {lk.score:.2f}" + ("" if lk.strong else " (weak)")
                for lk in links
            ]
            + ["; ".join(phrases[:6])],
        )
        row_old = old_by.get(oid, [])
        row_new = [n for lk in links for n in new_by.get(lk.new, ())]
        _comment_notes(comments, row_old, placed_old, "old")
        _comment_notes(comments, row_new, placed_new, "new")
        lines = [note_line(n, old_ps[oid].label) for n in row_old]
        lines += [note_line(n, new_ps[n.anchor.paragraph_id].label) for n in row_new]
        _text_cell(c_notes, lines)
    orphans = [(n, old.display_name) for n in old_orph] + [(n, new.display_name) for n in new_orph]
    if orphans:
        write_orphans(doc, comments, orphans)
    comments.finish()


def write_side_by_side(
    result: Comparison | Relation,
    path: str | os.PathLike,
    *,
    old_notes: Sequence[Note] = (),
    new_notes: Sequence[Note] = (),
    author: str = "Drafter",
) -> Path:
    """Write a landscape side-by-side table of ``result`` to ``path`` (atomically)."""
    path = check_target(path)
    old, new = result.old, result.new
    if isinstance(result, Relation):
        _check_links(result)
        doc = _start(f"Related texts: {old.display_name} and {new.display_name}", old, new, author)
        _write_related(doc, result, old_notes, new_notes, author)
    else:
        doc = _start(f"Side by side: {old.display_name} and {new.display_name}", old, new, author)
        _write_versions(doc, result, old_notes, new_notes, author)
    return save_atomic(doc, path)
