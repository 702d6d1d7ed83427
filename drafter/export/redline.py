"""The redline: the new version with real tracked changes against the old one.

Layout: a UN masthead and a first page naming both versions with a summary of
changes by kind, then the text itself, in UN typography, with every change as a
Word revision (``w:ins``/``w:del``, paragraph marks included) so that "Accept
all" gives exactly the new text and "Reject all" exactly the old one. Moves are
written as a deletion plus an insertion with comments ("Moved from OP 5"):
LibreOffice does not render Word's move markup reliably, and both readers show
deletion/insertion the same way. Notes become comments on their words.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from drafter.model import Comparison, Note, Pair, PairKind

from . import footnote_place as fp
from . import package
from . import typography as ty
from .comments import CommentWriter, PlacedSeg, merge_cuts, note_cuts, note_line, split_notes
from .ooxml import (
    Footnotes,
    Revisions,
    make_paragraph,
    renumber_annotations,
    revision_tag,
    xml_safe,
)
from .render import footnote_cuts, render_segs, write_footnote_refs
from .save import check_target, save_atomic
from .stream import Item, build, complete_pairs, split_segs

KIND_NAMES = (
    ("modified", "Modified"),
    ("inserted", "Inserted"),
    ("deleted", "Deleted"),
    ("moved", "Moved"),
    ("split", "Split"),
    ("merged", "Merged"),
    ("unchanged", "Unchanged"),
)


def lead_cuts(paragraphs) -> dict[int, set[int]]:
    return {p.id: {p.lead} for p in paragraphs if p.lead}


def _labels(paragraphs, ids: Sequence[int]) -> str:
    names = [paragraphs[i].label for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _item_comment(item: Item, comparison: Comparison) -> str | None:
    """Drafter's own explanation for a change Word markup cannot show by itself."""
    old_ps, new_ps = comparison.old.paragraphs, comparison.new.paragraphs
    pair: Pair = item.pair
    if item.moved and item.side == "old":
        return f"Moved to {_labels(new_ps, pair.new)} (see there)."
    if item.moved and item.side == "new":
        edited = "\n".join(old_ps[i].text for i in pair.old) != "\n".join(
            new_ps[i].text for i in pair.new
        )
        return f"Moved from {_labels(old_ps, pair.old)}" + (
            " and edited: compare with the deleted text there." if edited else "."
        )
    notes = []
    if pair.formatting_only:
        notes.append("Formatting only (quotes, dashes, spacing or footnote markers).")
    if pair.kind == PairKind.SPLIT or (len(pair.new) > 1 and len(pair.old) == 1):
        notes.append(f"{_labels(old_ps, pair.old)} split into {_labels(new_ps, pair.new)}.")
    elif pair.kind == PairKind.MERGED or (len(pair.old) > 1 and len(pair.new) == 1):
        notes.append(f"{_labels(old_ps, pair.old)} merged into {_labels(new_ps, pair.new)}.")
    if pair.approximate:
        notes.append(
            "Approximate: the word comparison of this paragraph was cut short by its "
            "time limit; the changes shown are correct but coarser than usual."
        )
    return " ".join(notes) or None


def _same_text(pair: Pair, comparison: Comparison) -> bool:
    old_ps, new_ps = comparison.old.paragraphs, comparison.new.paragraphs
    return [old_ps[i].text for i in pair.old] == [new_ps[i].text for i in pair.new]


def _move_container(rev: Revisions, paras: Sequence, tag: str, name: str) -> None:
    """Wrap a moved block in its named range so Word pairs source and destination.

    Only unedited moves get move markup: an edited move would need changes
    nested inside the move, which Word and LibreOffice show inconsistently, so
    those stay a deletion plus an insertion with comments.
    """
    start, end = rev.move_range(tag, name)
    first = paras[0]
    ppr = first.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        first.insert(0, start)
    paras[-1].append(end)


def _cover(
    doc,
    comparison: Comparison,
    n_old: int,
    n_new: int,
    n_orphans: int,
    *,
    author: str,
    when: _dt.datetime,
    revisions: Revisions,
) -> None:
    old, new = comparison.old, comparison.new
    ty.add_masthead(doc, new, old=old, revisions=revisions)
    # The whole cover sits in one borderless table: readers of the file (Drafter's
    # importer included) skip tables, so importing a redline gives the new text.
    frame = doc.add_table(rows=1, cols=1)
    ty.no_borders(frame)
    ty.set_column_widths(frame, (15.7,))
    cell = frame.cell(0, 0)
    h = cell.paragraphs[0]
    h.paragraph_format.space_before = Pt(12)
    h.paragraph_format.space_after = Pt(6)
    r = h.add_run("Comparison of versions (redline)")
    r.bold = True
    r.font.size = Pt(14)
    if new.title:
        t = cell.add_paragraph()
        t.add_run(new.title).bold = True
        t.paragraph_format.space_after = Pt(10)

    table = cell.add_table(rows=3, cols=4)
    table.style = doc.styles["Table Grid"]
    for c, text in zip(table.rows[0].cells, ("", "Symbol", "Date", "File"), strict=True):
        c.paragraphs[0].add_run(text).bold = True
    for row, (name, res) in zip(table.rows[1:], (("Old", old), ("New", new)), strict=True):
        values = (name, res.symbol or "—", ty.format_date(res.date), res.source or "—")
        for c, text in zip(row.cells, values, strict=True):
            c.paragraphs[0].add_run(text)
    ty.set_column_widths(table, (1.8, 3.8, 3.8, 6.1))

    s = comparison.summary
    p = cell.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(4)
    p.add_run("Changes by kind").bold = True
    st = cell.add_table(rows=1, cols=2)
    st.style = doc.styles["Table Grid"]
    st.rows[0].cells[0].paragraphs[0].add_run("Kind of change").bold = True
    st.rows[0].cells[1].paragraphs[0].add_run("Paragraphs").bold = True
    rows = [(label, s.get(key, 0)) for key, label in KIND_NAMES]
    rows.append(("Of which formatting only", s.get("formatting_only", 0)))
    rows.append(("Total changes", s.get("changes", 0)))
    for label, count in rows:
        cells = st.add_row().cells
        cells[0].paragraphs[0].add_run(label)
        cells[1].paragraphs[0].add_run(str(count))
    ty.set_column_widths(st, (6.0, 3.0))

    for line in _cover_lines(comparison, n_old, n_new, n_orphans, author=author, when=when):
        q = cell.add_paragraph(line)
        q.paragraph_format.space_before = Pt(8)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _cover_lines(
    comparison: Comparison,
    n_old: int,
    n_new: int,
    n_orphans: int,
    *,
    author: str,
    when: _dt.datetime,
) -> list[str]:
    """The cover's explanations: how to read the redline, notes, warnings, provenance."""
    old, new = comparison.old, comparison.new
    s = comparison.summary
    lines = [
        f"The text below is {new.display_name} with every change from "
        f"{old.display_name} recorded as a tracked change: use Review › Accept or "
        "Reject to take or refuse each one. Renumbered paragraphs show the old number "
        "deleted and the new one inserted. Moved paragraphs are tracked as moves (shown "
        "in green) when their text is unchanged, and as a deletion plus an insertion "
        "when it was also edited; a comment at each end says where the other is. Splits, "
        "merges and formatting-only changes are explained in comments too.",
    ]
    if n_old or n_new:
        lines.append(
            f"Notes appear as comments: {n_new} on {new.display_name}, {n_old} on "
            f"{old.display_name}" + (f"; {n_orphans} listed at the end." if n_orphans else ".")
        )
    if s.get("approximate", 0):
        lines.append(
            f"{s['approximate']} paragraph(s) were compared approximately (time limit); "
            "a comment marks each."
        )
    if comparison.ignore:
        from drafter.compare.ignore import LABELS

        names = "; ".join(LABELS[n].lower() for n in comparison.ignore if n in LABELS)
        lines.append(
            f"Differences ignored in this comparison: {names}. They show the new text "
            "and are not tracked."
        )
    for res in (old, new):
        for warning in res.warnings[:5]:
            lines.append(f"When reading {res.source or res.display_name}: {warning}")
    lines.append(
        f"Prepared with Drafter on {ty.format_date(when.date())}; tracked changes are "
        f"attributed to {author}."
    )
    return lines


def _has_footnote(p) -> bool:
    return next(p.iter(qn("w:footnoteReference")), None) is not None


def _only(p, tag: str) -> bool:
    """Whether every text and reference of paragraph ``p`` is inside ``tag`` (w:ins/w:del)."""
    wrappers = {qn(tag), qn(tag.replace("ins", "moveTo").replace("del", "moveFrom"))}
    for el in p.iter(qn("w:t"), qn("w:delText"), qn("w:footnoteReference"), qn("w:tab")):
        node = el.getparent()
        while node is not None and node is not p and node.tag not in wrappers:
            node = node.getparent()
        if node is None or node is p:
            return False
    return True


class _Body:
    """Writes the redline's text, item by item, and remembers where each paragraph went.

    The placements let notes be anchored afterwards on exactly their words, on
    the side (old or new) they were written on.
    """

    def __init__(
        self, doc, comparison: Comparison, rev: Revisions, old_notes, new_notes, author: str
    ) -> None:
        self.comparison = comparison
        self.old, self.new = comparison.old, comparison.new
        self.rev = rev
        self.footnotes = Footnotes(doc)
        self.comments = CommentWriter(doc, default_author=author)
        self.old_fn = {f.number: f.text for f in self.old.footnotes}
        self.new_fn = {f.number: f.text for f in self.new.footnotes}
        self.old_cuts = merge_cuts(
            lead_cuts(self.old.paragraphs),
            note_cuts(old_notes),
            footnote_cuts(self.old.paragraphs),
        )
        self.new_cuts = merge_cuts(
            lead_cuts(self.new.paragraphs),
            note_cuts(new_notes),
            footnote_cuts(self.new.paragraphs),
        )
        self.sect = doc.element.body.find(qn("w:sectPr"))
        self.placed_old: dict[int, list[PlacedSeg]] = {}
        self.placed_new: dict[int, list[PlacedSeg]] = {}
        self.last_p_old: dict[int, object] = {}
        self.last_p_new: dict[int, object] = {}
        self.move_names: dict[int, str] = {}
        self.written: list[tuple[object, int]] = []  # every body w:p and its mark's op
        self.refs_tracked = 0
        self.refs_edited = 0

    def _style(self, item: Item, bp) -> str:
        if bp.new is not None and item.side != "old":
            return ty.style_for(self.new.paragraphs[bp.new], self.new)
        if bp.old is not None:
            return ty.style_for(self.old.paragraphs[bp.old], self.old)
        return ty.OTHER

    def write(self, item: Item) -> None:
        old_ps, new_ps = self.old.paragraphs, self.new.paragraphs
        move = item.moved and _same_text(item.pair, self.comparison)
        item_placed: list[PlacedSeg] = []
        item_ps = []
        placed_by_para: list[list[PlacedSeg]] = []
        for bp in item.paras:
            # Paragraph marks stay w:ins/w:del even in a move: LibreOffice ignores
            # moveFrom/moveTo on marks and would leave an empty paragraph behind.
            mark = None if bp.mark == 0 else self.rev.mark(revision_tag(bp.mark))
            p = make_paragraph(self._style(item, bp), mark=mark)
            segs = split_segs(bp.segs, self.old_cuts, self.new_cuts)
            placed = render_segs(
                p, segs, side="new", old_ps=old_ps, new_ps=new_ps, revisions=self.rev, move=move
            )
            placed_by_para.append(placed)
            item_placed.extend(placed)
            for ps in placed:
                if ps.seg.op <= 0 and ps.seg.old is not None:
                    self.placed_old.setdefault(ps.seg.old, []).append(ps)
                if ps.seg.op >= 0 and ps.seg.new is not None:
                    self.placed_new.setdefault(ps.seg.new, []).append(ps)
            if bp.old is not None:
                self.last_p_old[bp.old] = p
            if bp.new is not None:
                self.last_p_new[bp.new] = p
            self.sect.addprevious(p)
            item_ps.append(p)
            self.written.append((p, bp.mark))
        self._footnotes(item, item_ps, placed_by_para, move)
        if move and item_ps:
            name = self.move_names.setdefault(id(item.pair), f"move{len(self.move_names) + 1}")
            tag = "moveFrom" if item.side == "old" else "moveTo"
            _move_container(self.rev, item_ps, tag, name)
        text = _item_comment(item, self.comparison)
        if text:
            texts = [x for x in item_placed if x.seg.role == "text"]
            self.comments.system(texts or item_placed, text)

    def _footnotes(self, item: Item, item_ps, placed_by_para, move: bool) -> None:
        """The item's footnote references, each where its marker stood (see footnote_place)."""
        old_ids = item.old if item.side != "new" else ()
        new_ids = item.new if item.side != "old" else ()
        old_m = [m for i in old_ids for m in fp.markers(self.old, self.old.paragraphs[i], "old")]
        new_m = [m for i in new_ids for m in fp.markers(self.new, self.new.paragraphs[i], "new")]
        if not (old_m or new_m):
            return
        where = fp.slots(placed_by_para, [bp.mark for bp in item.paras], old_ids, new_ids)
        placements = fp.plan(old_m, new_m, where)
        write_footnote_refs(
            item_ps, placed_by_para, placements, self.footnotes, self.rev, move=move
        )
        self.refs_tracked += sum(1 for pl in placements if pl.op != 0)
        self.refs_edited += sum(1 for pl in placements if pl.old_text is not None)

    def shift_footnoted_marks(self) -> None:
        """Move a tracked paragraph mark off a paragraph that holds a footnote reference.

        LibreOffice loses the tracked change on the mark of a paragraph with a
        footnote (reading the footnote resets it), so Accept All would leave an
        empty paragraph where a deleted one was. When that paragraph's text is all
        gone in the same reading (a wholly deleted or inserted paragraph) and the
        paragraph before it has an untracked mark and no footnote, tracking the
        previous mark instead reads the same both ways; the paragraph takes the
        previous one's style, which is what the joined paragraph keeps.
        """
        for k in range(1, len(self.written)):
            p, op = self.written[k]
            prev, prev_op = self.written[k - 1]
            if op == 0 or prev_op != 0 or not _has_footnote(p) or _has_footnote(prev):
                continue
            if not _only(p, "w:del" if op < 0 else "w:ins"):
                continue
            ppr, prev_ppr = p.find(qn("w:pPr")), prev.find(qn("w:pPr"))
            rpr = ppr.find(qn("w:rPr"))
            mark_el = rpr[0]
            rpr.remove(mark_el)
            ppr.remove(rpr)
            etree.SubElement(prev_ppr, qn("w:rPr")).append(mark_el)
            style, prev_style = ppr.find(qn("w:pStyle")), prev_ppr.find(qn("w:pStyle"))
            if style is not None and prev_style is not None:
                style.set(qn("w:val"), prev_style.get(qn("w:val")))
            self.written[k - 1], self.written[k] = (prev, op), (p, 0)

    def anchor_notes(self, old_notes, new_notes) -> list[tuple[Note, str]]:
        """Comment every note on its words; return those with nowhere to go."""
        orphans: list[tuple[Note, str]] = []
        old_prefix = f"Note on {self.old.display_name}: "
        for note in old_notes:
            pid = note.anchor.paragraph_id
            placed, fallback = self.placed_old.get(pid, []), self.last_p_old.get(pid)
            if not self.comments.note(note, placed, "old", fallback, prefix=old_prefix):
                orphans.append((note, self.old.display_name))
        for note in new_notes:
            pid = note.anchor.paragraph_id
            placed, fallback = self.placed_new.get(pid, []), self.last_p_new.get(pid)
            if not self.comments.note(note, placed, "new", fallback):
                orphans.append((note, self.new.display_name))
        return orphans


def write_redline(
    comparison: Comparison,
    path: str | os.PathLike,
    *,
    old_notes: Sequence[Note] = (),
    new_notes: Sequence[Note] = (),
    author: str = "Drafter",
    when: _dt.datetime | None = None,
) -> Path:
    """Write the redline of ``comparison`` to ``path`` (atomically) and return the path.

    ``author``/``when`` go on every tracked change (Word shows them in the
    Review pane); notes keep their own authors and dates.
    """
    path = check_target(path)
    complete_pairs(comparison)  # a clear message before any work if it does not fit
    author = xml_safe(author).strip() or "Drafter"
    when = when or _dt.datetime.now(_dt.UTC)
    old, new = comparison.old, comparison.new
    old_anch, old_orph = split_notes(old_notes, old)
    new_anch, new_orph = split_notes(new_notes, new)

    doc = Document()
    ty.setup_document(doc, language=new.language)
    ty.add_running_parts(doc, new.symbol or new.display_name)
    package.prepare(
        doc,
        title=f"Redline: {old.display_name} → {new.display_name}",
        subject=new.title or "",
        author=author,
        when=when,
    )
    package.track_changes(doc)
    revisions = Revisions(author, when)
    _cover(
        doc,
        comparison,
        len(old_notes),
        len(new_notes),
        len(old_orph) + len(new_orph),
        author=author,
        when=when,
        revisions=revisions,
    )

    body = _Body(doc, comparison, revisions, old_anch, new_anch, author)
    for item in build(comparison):
        body.write(item)
    body.shift_footnoted_marks()
    body.footnotes.renumber(doc.element.body)
    end = doc.add_paragraph(style=ty.style(doc, ty.END_RULE))
    end.paragraph_format.keep_together = True
    ty.add_unplaced_footnotes(doc, new)

    orphans = body.anchor_notes(old_anch, new_anch)
    orphans += [(n, old.display_name) for n in old_orph]
    orphans += [(n, new.display_name) for n in new_orph]
    if orphans:
        write_orphans(doc, body.comments, orphans)

    renumber_annotations(doc.element.body, body.comments.count)
    body.comments.finish()
    return save_atomic(doc, path)


def write_orphans(doc, comments: CommentWriter, orphans: Sequence[tuple[Note, str]]) -> None:
    """The notes whose paragraph or quoted words are gone, listed (and commented) at the end."""
    h = doc.add_paragraph(style=ty.style(doc, ty.HEADING))
    h.paragraph_format.space_before = Pt(18)
    h.add_run("Notes whose paragraph is no longer in the text").bold = True
    for note, where in orphans:
        number = note.anchor.number
        place = f"{where}, ¶ {number}" if number else where
        p = doc.add_paragraph(note_line(note, place), style=ty.style(doc, ty.NOTE_LIST))
        comments.at_paragraph_end(p._p, note)
