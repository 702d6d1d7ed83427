"""A thin Qt table model over a versions-mode :class:`~drafter.model.Comparison`.

Why: a model/view keeps a 1,000-pair comparison lazy: the view asks only for the
rows it shows, and the HTML of a cell is built the first time it is painted
(then cached). Columns: old text | gutter (the row's kind) | new text | redline
(the single-column alternative; the view shows either the first three or the last).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from drafter.compare.footnotes import FootnoteChange, footnote_changes
from drafter.model import Comparison, Pair, PairKind, Paragraph

from . import rich_text
from .plain import rich
from .themes import LIGHT, DiffColors

OLD, GUTTER, NEW, REDLINE = range(4)
HtmlRole = Qt.ItemDataRole.UserRole + 1
PairRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
ParagraphsRole = Qt.ItemDataRole.UserRole + 4  # tuple[Paragraph, ...] of the cell's side
RtlRole = Qt.ItemDataRole.UserRole + 5
KeyRole = Qt.ItemDataRole.UserRole + 6  # a stable row id (source row), for caches
LengthsRole = Qt.ItemDataRole.UserRole + 7  # tuple[int, ...]: each shown line's length

KIND_SYMBOL = {
    PairKind.UNCHANGED: "",
    PairKind.MODIFIED: "≠",
    PairKind.MOVED: "⇅",
    PairKind.INSERTED: "+",
    PairKind.DELETED: "−",
    PairKind.SPLIT: "⋔",
    PairKind.MERGED: "⋒",
}
KIND_LABEL = {
    PairKind.UNCHANGED: "unchanged",
    PairKind.MODIFIED: "modified",
    PairKind.MOVED: "moved",
    PairKind.INSERTED: "inserted",
    PairKind.DELETED: "deleted",
    PairKind.SPLIT: "split",
    PairKind.MERGED: "merged",
}
HEADERS = ("Old", "", "New", "Redline")
# roles as plain ints: data() runs for every cell at every layout, and comparing an int
# with an enum member costs ten times an int comparison
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_CELL_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_Index = QModelIndex | QPersistentModelIndex


def _labels(pars: tuple[Paragraph, ...]) -> str:
    return ", ".join(p.label for p in pars)


class ComparisonModel(QAbstractTableModel):
    """Rows are the comparison's pairs, in reading order of the new text."""

    def __init__(self, comparison: Comparison | None = None, parent=None) -> None:
        super().__init__(parent)
        self._cmp: Comparison | None = None
        self._pairs: tuple[Pair, ...] = ()
        self._old: dict[int, Paragraph] = {}
        self._new: dict[int, Paragraph] = {}
        self._row_of_old: dict[int, int] = {}
        self._row_of_new: dict[int, int] = {}
        self._ghost_of: dict[int, int] = {}  # row where a moved paragraph stood -> its row
        self._ghost_row: dict[int, int] = {}
        self._changes: list[int] | None = None
        self._html: OrderedDict[tuple[int, int], str] = OrderedDict()
        self._plain: dict[tuple[int, int], str] = {}
        self._lengths: dict[tuple[int, int], tuple[int, ...]] = {}
        self.colors: DiffColors = LIGHT
        self.find_term = ""
        self.old_notes: dict[int, int] = {}  # paragraph id -> number of notes
        self.new_notes: dict[int, int] = {}
        self.old_headline = HEADERS[OLD]
        self.new_headline = HEADERS[NEW]
        if comparison is not None:
            self.set_comparison(comparison)

    # ---- content -------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self._cmp

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._cmp = comparison
        self._old = {p.id: p for p in comparison.old.paragraphs} if comparison else {}
        self._new = {p.id: p for p in comparison.new.paragraphs} if comparison else {}
        self._pairs, self._ghost_of = _with_ghost_rows(comparison.pairs if comparison else ())
        self._ghost_row = {moved: ghost for ghost, moved in self._ghost_of.items()}
        self._row_of_old = {}
        self._row_of_new = {}
        for row, pair in enumerate(self._pairs):
            if row in self._ghost_of:
                continue
            for i in pair.old:
                self._row_of_old.setdefault(i, row)
            for i in pair.new:
                self._row_of_new.setdefault(i, row)
        self._html.clear()
        self._plain.clear()
        self._lengths.clear()
        self._changes = None
        if comparison:
            self.old_headline = f"Old: {comparison.old.display_name}"
            self.new_headline = f"New: {comparison.new.display_name}"
        self.endResetModel()

    def set_colors(self, colors: DiffColors) -> None:
        if colors != self.colors:
            self.colors = colors
            self._refresh()

    def set_note_counts(self, old: dict[int, int], new: dict[int, int]) -> None:
        """How many notes each paragraph has (shown as a ✎ badge). Only the rows whose
        badge changes are drawn again: the others keep their text and their height."""
        rows = _rows_changed(self.old_notes, old, self._row_of_old)
        rows |= _rows_changed(self.new_notes, new, self._row_of_new)
        self.old_notes, self.new_notes = dict(old), dict(new)
        ordered = sorted(rows)
        start = 0
        for i, row in enumerate(ordered):
            for column in range(4):
                self._html.pop((row, column), None)
            if i + 1 == len(ordered) or ordered[i + 1] != row + 1:  # the end of a run
                first = ordered[start]
                self.dataChanged.emit(self.index(first, 0), self.index(row, REDLINE), [HtmlRole])
                start = i + 1

    def set_find_term(self, term: str) -> None:
        if term != self.find_term:
            self.find_term = term
            self._refresh()

    def _refresh(self) -> None:
        self._html.clear()
        if self._pairs:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._pairs) - 1, REDLINE), [HtmlRole]
            )

    def pair(self, row: int) -> Pair:
        return self._pairs[row]

    def old_paragraphs(self, pair: Pair) -> tuple[Paragraph, ...]:
        return tuple(self._old[i] for i in pair.old if i in self._old)

    def new_paragraphs(self, pair: Pair) -> tuple[Paragraph, ...]:
        return tuple(self._new[i] for i in pair.new if i in self._new)

    def row_of_old(self, paragraph_id: int) -> int | None:
        return self._row_of_old.get(paragraph_id)

    def row_of_new(self, paragraph_id: int) -> int | None:
        return self._row_of_new.get(paragraph_id)

    def is_ghost(self, row: int) -> bool:
        """True for the row marking where a moved paragraph stood in the old text."""
        return row in self._ghost_of

    def moved_origin_row(self, row: int) -> int | None:
        """For a moved pair: the row where its old paragraph used to stand."""
        return self._ghost_row.get(row)

    def change_rows(self) -> list[int]:
        """Rows that are changes, in order (for "change 3 of 18")."""
        if self._changes is None:
            self._changes = [
                i for i, p in enumerate(self._pairs) if p.is_change and i not in self._ghost_of
            ]
        return self._changes

    def moved_away(self, row: int) -> list[int]:
        """For the row where a moved paragraph stood: the row it moved to."""
        moved = self._ghost_of.get(row)
        return [] if moved is None else [moved]

    def other_end(self, row: int) -> int | None:
        """For a moved pair, the row where it stood; for that row, the moved pair."""
        if row in self._ghost_of:
            return self._ghost_of[row]
        return self._ghost_row.get(row)

    def _away_note(self, row: int) -> str:
        parts = []
        for m in self.moved_away(row):
            pair = self._pairs[m]
            old, new = self.old_paragraphs(pair), self.new_paragraphs(pair)
            if old and new:
                parts.append(
                    f"{old[0].label} stood here; it moved to {new[0].label} of the new text"
                )
        return ("↧ " + "; ".join(parts) + " (click the gutter to go there)") if parts else ""

    def moved_note(self, pair: Pair) -> str:
        if pair.moved and pair.kind in (PairKind.SPLIT, PairKind.MERGED) and pair.old:
            was = ", ".join(p.label for p in self.old_paragraphs(pair))
            return f"↕ {pair.kind.capitalize()} and moved: was {was} in the old text"
        if pair.kind != PairKind.MOVED or not pair.old:
            return ""
        old = self.old_paragraphs(pair)
        edited = " and edited" if pair.moved_edited else ""
        where = old[0].label if old else "elsewhere"
        return f"↕ Moved{edited}: was {where} in the old text (click the gutter to go there)"

    def _ghost_html(self, row: int, column: int) -> str:
        """The row where a moved paragraph stood: its old text, muted, with where it went."""
        pair = self._pairs[row]
        away = rich_text.note_html(self._away_note(row), self.colors)
        if column == NEW:
            return ""
        old = self.old_paragraphs(pair)
        body = "".join(
            rich_text.paragraph_html(p, ((0, p.text),), self.colors, find_term=self.find_term)
            for p in old
        )
        return f'{away}<div style="color:{self.colors.muted_fg}">{body}</div>'

    # ---- Qt model API --------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == OLD:
                return self.old_headline
            if section == NEW:
                return self.new_headline
            if 0 <= section < 4:
                return HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _side(self, pair: Pair, column: int) -> tuple[Paragraph, ...]:
        if column == OLD:
            return self.old_paragraphs(pair)
        if column in (NEW, REDLINE):
            return self.new_paragraphs(pair) or (
                self.old_paragraphs(pair) if column == REDLINE else ()
            )
        return ()

    def plain_text(self, row: int, column: int) -> str:
        key = (row, column)
        text = self._plain.get(key)
        if text is None:
            pair = self._pairs[row]
            if column == GUTTER:
                text = KIND_LABEL[pair.kind]
            else:
                text = "\n".join(
                    (f"{p.number}. " if p.number else "") + p.text for p in self._side(pair, column)
                )
            self._plain[key] = text
        return text

    def line_lengths(self, row: int, column: int) -> tuple[int, ...]:
        """The length of each line of the cell's text as shown (for height estimates)."""
        key = (row, column)
        lengths = self._lengths.get(key)
        if lengths is None:
            text = rich_text.shown_text(self.plain_text(row, column))
            lengths = tuple(len(line) for line in text.split("\n")) if text else ()
            self._lengths[key] = lengths
        return lengths

    def html(self, row: int, column: int) -> str:
        key = (row, column)
        cached = self._html.get(key)
        if cached is not None:
            self._html.move_to_end(key)
            return cached
        pair = self._pairs[row]
        old, new = self.old_paragraphs(pair), self.new_paragraphs(pair)
        note = self.moved_note(pair)
        if row in self._ghost_of:
            text = self._ghost_html(row, column) if column != GUTTER else ""
            self._html[key] = text
            return text
        if column == OLD:
            text = rich_text.pair_side_html(
                pair, "old", old, self.colors, find_term=self.find_term, notes=self.old_notes
            )
        elif column == NEW:
            text = rich_text.pair_side_html(
                pair,
                "new",
                new,
                self.colors,
                find_term=self.find_term,
                note=note,
                notes=self.new_notes,
            )
        elif column == REDLINE:
            text = rich_text.redline_html(
                pair, old, new, self.colors, find_term=self.find_term, note=note
            )
        else:
            text = ""
        if column in (NEW, REDLINE) and text:
            changed = self.footnote_changes(row)
            if changed:
                text += rich_text.footnote_changes_html(changed, self.colors)
        self._html[key] = text
        if len(self._html) > 3000:
            self._html.popitem(last=False)
        return text

    def tooltip(self, row: int, column: int) -> str | None:
        pair = self._pairs[row]
        if column != GUTTER:
            return self._footnote_tip(pair, column)
        if row in self._ghost_of:
            return "Where the moved paragraph stood in the old text: click to go to it"
        parts = [KIND_LABEL[pair.kind].capitalize()]
        old, new = self.old_paragraphs(pair), self.new_paragraphs(pair)
        if old:
            parts.append(f"old {_labels(old)}")
        if new:
            parts.append(f"new {_labels(new)}")
        if pair.kind not in (PairKind.INSERTED, PairKind.DELETED):
            parts.append(f"similarity {pair.similarity:.0%}")
        if pair.formatting_only:
            parts.append("formatting only")
        if pair.approximate:
            parts.append("word diff approximate (time limit)")
        if pair.kind == PairKind.MOVED:
            parts.append("click to jump to where it was")
        return " · ".join(parts)

    def footnote_changes(self, row: int) -> list[FootnoteChange]:
        """The footnotes of this row whose text changed (none for a moved-from row)."""
        if self._cmp is None or row in self._ghost_of:
            return []
        pair = self._pairs[row]
        return footnote_changes(
            self._cmp.old, self._cmp.new, self.old_paragraphs(pair), self.new_paragraphs(pair)
        )

    def _footnote_tip(self, pair: Pair, column: int) -> str | None:
        """The footnotes cited in a cell, so their text is a hover away."""
        if self._cmp is None:
            return None
        res = self._cmp.old if column == OLD else self._cmp.new
        pars = self.old_paragraphs(pair) if column == OLD else self.new_paragraphs(pair)
        lines = []
        for p in pars:
            for n in p.footnotes:
                text = res.footnote_text(n)
                if text:
                    lines.append(f"[{n}] {text}")
        return "\n".join(lines) or None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._pairs)):
            return None
        row = index.row()
        if role == KeyRole:  # first: asked for every row at each layout of the view
            return row
        col = index.column()
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return rich_text.shown_text(self.plain_text(row, col))
        if role == HtmlRole:
            return self.html(row, col)
        if role == _TOOLTIP:
            tip = self.tooltip(row, col)
            return rich(tip) if tip else tip
        if role == PairRole:
            return self._pairs[row]
        if role == KindRole:
            return "moved_from" if row in self._ghost_of else str(self._pairs[row].kind)
        if role == ParagraphsRole:
            return self._side(self._pairs[row], col)
        if role == RtlRole:
            return rich_text.is_rtl(self.plain_text(row, col)) if col != GUTTER else False
        if role == LengthsRole:
            return self.line_lengths(row, col)
        return None


def _rows_changed(
    before: dict[int, int], after: dict[int, int], row_of: dict[int, int]
) -> set[int]:
    """The rows of the paragraphs whose note count differs between two maps."""
    return {
        row_of[pid]
        for pid in before.keys() | after.keys()
        if before.get(pid, 0) != after.get(pid, 0) and pid in row_of
    }


def _with_ghost_rows(pairs: tuple[Pair, ...]) -> tuple[tuple[Pair, ...], dict[int, int]]:
    """The pairs plus, for each moved one, a row where its old paragraph stood.

    Why: a jump from a moved paragraph must land on the exact place it left, not on
    a neighbour. The extra row sits right after the nearest earlier old paragraph that
    did not move itself. Returns the rows and {extra row: moved pair's row}.
    """
    row_of_old: dict[int, int] = {}
    for row, pair in enumerate(pairs):
        for i in pair.old:
            row_of_old.setdefault(i, row)
    places: list[tuple[int, int]] = []  # (insert before this pair row, moved pair row)
    for row, pair in enumerate(pairs):
        if pair.kind != PairKind.MOVED or not pair.old:
            continue
        place = 0
        for i in range(pair.old[0] - 1, -1, -1):
            r = row_of_old.get(i)
            if r is not None and pairs[r].kind != PairKind.MOVED:
                place = r + 1
                break
        if place not in (row, row + 1):  # right beside itself: nothing to mark
            places.append((place, row))
    if not places:
        return pairs, {}
    places.sort()
    before: dict[int, int] = {}  # pair row -> ghosts inserted before it
    for place, _ in places:
        before[place] = before.get(place, 0) + 1
    shift, new_row = 0, []
    for row in range(len(pairs) + 1):
        shift += before.get(row, 0)
        new_row.append(row + shift)
    rows: list[Pair] = []
    ghost_of: dict[int, int] = {}
    it = iter(places)
    nxt = next(it, None)
    for row in range(len(pairs) + 1):
        while nxt is not None and nxt[0] == row:
            moved = pairs[nxt[1]]
            ghost_of[len(rows)] = new_row[nxt[1]]
            rows.append(Pair(PairKind.MOVED, moved.old, (), moved.similarity))
            nxt = next(it, None)
        if row < len(pairs):
            rows.append(pairs[row])
    return tuple(rows), ghost_of


FILTERS = {
    "all": "All paragraphs",
    "changes": "Changes only",
    "modified": "Modified",
    "inserted": "Inserted",
    "deleted": "Deleted",
    "moved": "Moved",
    "splitmerge": "Split / merged",
}


class ComparisonFilter(QSortFilterProxyModel):
    """Filters rows: all / changes only / one kind; optionally hides formatting-only rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.hide_formatting = False
        self.setDynamicSortFilter(False)

    def set_mode(self, mode: str, hide_formatting: bool | None = None) -> None:
        if mode not in FILTERS:
            raise ValueError(f"unknown filter {mode!r}")
        self.beginFilterChange()
        self.mode = mode
        if hide_formatting is not None:
            self.hide_formatting = hide_formatting
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, pair: Pair) -> bool:
        if self.hide_formatting and pair.formatting_only:
            return False
        kind = pair.kind
        mode = self.mode
        if mode == "all":
            return True
        if mode == "changes":
            return pair.is_change
        if mode == "splitmerge":
            return kind in (PairKind.SPLIT, PairKind.MERGED)
        return str(kind) == mode

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ComparisonModel) or source_parent.isValid():
            return True
        return self.accepts(model.pair(source_row))
