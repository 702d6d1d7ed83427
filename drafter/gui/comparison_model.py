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

from drafter.model import Comparison, Pair, PairKind, Paragraph

from . import rich_text
from .themes import LIGHT, DiffColors

OLD, GUTTER, NEW, REDLINE = range(4)
HtmlRole = Qt.ItemDataRole.UserRole + 1
PairRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
ParagraphsRole = Qt.ItemDataRole.UserRole + 4  # tuple[Paragraph, ...] of the cell's side
RtlRole = Qt.ItemDataRole.UserRole + 5
KeyRole = Qt.ItemDataRole.UserRole + 6  # a stable row id (source row), for caches

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
        self._moved_away: dict[int, list[int]] = {}
        self._changes: list[int] | None = None
        self._html: OrderedDict[tuple[int, int], str] = OrderedDict()
        self._plain: dict[tuple[int, int], str] = {}
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
        self._pairs = comparison.pairs if comparison else ()
        self._old = {p.id: p for p in comparison.old.paragraphs} if comparison else {}
        self._new = {p.id: p for p in comparison.new.paragraphs} if comparison else {}
        self._row_of_old = {}
        self._row_of_new = {}
        for row, pair in enumerate(self._pairs):
            for i in pair.old:
                self._row_of_old.setdefault(i, row)
            for i in pair.new:
                self._row_of_new.setdefault(i, row)
        self._html.clear()
        self._plain.clear()
        self._changes = None
        self._moved_away = {}
        for row in range(len(self._pairs)):
            origin = self.moved_origin_row(row)
            if origin is not None and origin != row:
                self._moved_away.setdefault(origin, []).append(row)
        if comparison:
            self.old_headline = f"Old: {comparison.old.display_name}"
            self.new_headline = f"New: {comparison.new.display_name}"
        self.endResetModel()

    def set_colors(self, colors: DiffColors) -> None:
        if colors != self.colors:
            self.colors = colors
            self._refresh()

    def set_note_counts(self, old: dict[int, int], new: dict[int, int]) -> None:
        """How many notes each paragraph has (shown as a ✎ badge)."""
        if old != self.old_notes or new != self.new_notes:
            self.old_notes, self.new_notes = dict(old), dict(new)
            self._refresh()

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

    def moved_origin_row(self, row: int) -> int | None:
        """For a moved pair: the row where its old paragraph used to stand."""
        pair = self._pairs[row]
        if pair.kind != PairKind.MOVED or not pair.old:
            return None
        old_id = pair.old[0]
        # the nearest earlier old paragraph that did not move itself marks the place
        for i in range(old_id - 1, -1, -1):
            r = self._row_of_old.get(i)
            if r is not None and self._pairs[r].kind != PairKind.MOVED:
                return min(r + 1, len(self._pairs) - 1)
        return 0

    def change_rows(self) -> list[int]:
        """Rows that are changes, in order (for "change 3 of 18")."""
        if self._changes is None:
            self._changes = [i for i, p in enumerate(self._pairs) if p.is_change]
        return self._changes

    def moved_away(self, row: int) -> list[int]:
        """Rows of moved pairs whose old paragraph stood just before this row."""
        return self._moved_away.get(row, [])

    def other_end(self, row: int) -> int | None:
        """For a moved pair, where it came from; for the place it left, the moved pair."""
        origin = self.moved_origin_row(row)
        if origin is not None and origin != row:
            return origin
        away = self.moved_away(row)
        return away[0] if away else None

    def _away_note(self, row: int) -> str:
        parts = []
        for m in self.moved_away(row):
            pair = self._pairs[m]
            old, new = self.old_paragraphs(pair), self.new_paragraphs(pair)
            if old and new:
                parts.append(f"{old[0].label} moved from here to {new[0].label} of the new text")
        return ("↧ " + "; ".join(parts) + " (click the gutter to go there)") if parts else ""

    def moved_note(self, pair: Pair) -> str:
        if pair.kind != PairKind.MOVED or not pair.old:
            return ""
        old = self.old_paragraphs(pair)
        edited = " and edited" if pair.moved_edited else ""
        where = old[0].label if old else "elsewhere"
        return f"↕ Moved{edited}: was {where} in the old text (click the gutter to go there)"

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
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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

    def html(self, row: int, column: int) -> str:
        key = (row, column)
        cached = self._html.get(key)
        if cached is not None:
            self._html.move_to_end(key)
            return cached
        pair = self._pairs[row]
        old, new = self.old_paragraphs(pair), self.new_paragraphs(pair)
        note = self.moved_note(pair)
        away = self._away_note(row)
        if column == OLD:
            text = rich_text.pair_side_html(
                pair, "old", old, self.colors, find_term=self.find_term, notes=self.old_notes
            )
            if away:
                text = rich_text.note_html(away, self.colors) + text
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
            if away:
                text = rich_text.note_html(away, self.colors) + text
        else:
            text = ""
        self._html[key] = text
        if len(self._html) > 3000:
            self._html.popitem(last=False)
        return text

    def tooltip(self, row: int, column: int) -> str | None:
        pair = self._pairs[row]
        if column != GUTTER:
            return self._footnote_tip(pair, column)
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
        if self.moved_away(row):
            parts.append("a paragraph moved away from here: click to go to it")
        return " · ".join(parts)

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
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.plain_text(row, col)
        if role == HtmlRole:
            return self.html(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == PairRole:
            return self._pairs[row]
        if role == KindRole:
            return str(self._pairs[row].kind)
        if role == ParagraphsRole:
            return self._side(self._pairs[row], col)
        if role == RtlRole:
            return rich_text.is_rtl(self.plain_text(row, col)) if col != GUTTER else False
        if role == KeyRole:
            return row
        return None


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
