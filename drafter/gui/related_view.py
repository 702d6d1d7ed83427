"""Related-documents mode: two texts side by side; selecting a paragraph on one side
highlights its linked paragraphs on the other, ranked by score, shared phrases marked.

Why two list views rather than aligned rows: related texts share no order, so the
links are many-to-many; each side keeps its own reading order and the links are
shown by tint (strong links), rank badge (every candidate, weak ones marked) and
phrase highlights, and by scrolling to the best link. Below, the links panel lists
the selected paragraph's links in rank order, strong above a line and weak below;
Alt+Down / Alt+Up step through them, scrolling each into view.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from drafter.model import Link, Paragraph, Relation, Resolution

from . import rich_text, themes
from .comparison_model import HtmlRole, KeyRole, ParagraphsRole, RtlRole
from .delegates import RichTextDelegate
from .links_panel import LinksPanel
from .plain import rich, set_plain
from .qt_compat import later

_Index = QModelIndex | QPersistentModelIndex
LinkRole = Qt.ItemDataRole.UserRole + 21


def _phrase_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    if not phrases:
        return []
    try:
        from drafter.compare import phrase_spans
    except ImportError:  # engine not installed: plain substring matches
        return [s for p in phrases for s in rich_text.find_spans(text, p)]
    return phrase_spans(text, phrases)


class ParagraphListModel(QAbstractListModel):
    """The paragraphs of one text, with optional link highlights."""

    def __init__(self, resolution: Resolution, linked_ids: set[int], parent=None) -> None:
        super().__init__(parent)
        self.resolution = resolution
        self.pars = resolution.paragraphs
        self.linked_ids = linked_ids  # paragraphs that have any link
        self.highlight: dict[int, tuple[int, Link]] = {}  # id -> (rank, link)
        self.phrases: dict[int, tuple[str, ...]] = {}
        self.own: dict[int, tuple[str, ...]] = {}  # the selected paragraph's shared phrases
        self.note_counts: dict[int, int] = {}
        self.find_term = ""
        self.colors = themes.LIGHT
        self._html: dict[int, str] = {}

    def set_highlight(
        self,
        highlight: dict[int, tuple[int, Link]],
        phrases: dict[int, tuple[str, ...]],
        own: dict[int, tuple[str, ...]] | None = None,
    ) -> None:
        own = own or {}
        changed = (
            set(self.highlight)
            | set(highlight)
            | set(self.phrases)
            | set(phrases)
            | set(self.own)
            | set(own)
        )
        self.highlight, self.phrases, self.own = highlight, phrases, own
        for pid in changed:
            self._html.pop(pid, None)
            if 0 <= pid < len(self.pars):
                idx = self.index(pid, 0)
                self.dataChanged.emit(idx, idx, [HtmlRole])

    def set_colors(self, colors) -> None:
        self.colors = colors
        self._html.clear()

    def set_find_term(self, term: str) -> None:
        if term != self.find_term:
            self.find_term = term
            self._html.clear()
            if self.pars:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self.pars) - 1, 0), [HtmlRole]
                )

    def matches(self, term: str) -> list[int]:
        t = term.casefold()
        return [p.id for p in self.pars if t and t in p.text.casefold()]

    def set_note_counts(self, counts: dict[int, int]) -> None:
        if counts != self.note_counts:
            changed = set(counts) | set(self.note_counts)
            self.note_counts = dict(counts)
            for pid in changed:
                self._html.pop(pid, None)
                if 0 <= pid < len(self.pars):
                    idx = self.index(pid, 0)
                    self.dataChanged.emit(idx, idx, [HtmlRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pars)

    def _html_for(self, row: int) -> str:
        cached = self._html.get(row)
        if cached is not None:
            return cached
        par = self.pars[row]
        spans = _phrase_spans(par.text, self.phrases.get(par.id, ()))
        own = _phrase_spans(par.text, self.own.get(par.id, ()))
        badge = ""
        if par.id in self.highlight:
            rank, link = self.highlight[par.id]
            if link.strong:
                badge = (
                    f'<span style="background-color:{self.colors.phrase_bg}">'
                    f"&nbsp;<b>#{rank}</b>&nbsp;·&nbsp;{link.score:.0%}&nbsp;</span>&nbsp; "
                )
            else:  # a weak candidate: muted, and says so
                badge = (
                    f'<span style="color:{self.colors.muted_fg}">'
                    f"&nbsp;#{rank}&nbsp;·&nbsp;weak&nbsp;·&nbsp;{link.score:.0%}&nbsp;</span>&nbsp; "
                )
        text = rich_text.paragraph_html(
            par,
            [(0, par.text)],
            self.colors,
            phrases=spans,
            marks=own,
            notes=self.note_counts.get(par.id, 0),
            find_term=self.find_term,
        )
        if badge:
            text = text.replace(">", ">" + badge, 1)
        self._html[row] = text
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.pars)):
            return None
        par = self.pars[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (f"{par.number}. " if par.number else "") + par.text
        if role == HtmlRole:
            return self._html_for(index.row())
        if role == RtlRole:
            return rich_text.is_rtl(par.text)
        if role == KeyRole:
            return index.row()
        if role == ParagraphsRole:
            return (par,)
        if role == LinkRole:
            return self.highlight.get(par.id)
        if role == Qt.ItemDataRole.ToolTipRole and par.id in self.highlight:
            rank, link = self.highlight[par.id]
            shared = "; ".join(f"“{p}”" for p in link.shared[:6])
            strength = "strong" if link.strong else "weak: little shared evidence"
            return rich(
                f"Link #{rank}, score {link.score:.2f} ({strength})"
                + (f"\nShared: {shared}" if shared else "")
            )
        return None


class WrappedTextView(QTreeView):
    """A list of paragraphs as wrapped rich text, each row as tall as its text.

    Shared by related mode's two sides and the agreed-language window.
    """

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegate = RichTextDelegate(self)
        self.setItemDelegate(self.delegate)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.delegate.start_refine()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.delegate.start_refine()
            self.doItemsLayout()


class RelatedView(QWidget):
    """Shows a :class:`Relation`; emits the paragraph the user is on."""

    paragraph_selected = Signal(str, object)
    message = Signal(str)

    def __init__(self, relation: Relation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relation = relation
        colors = themes.colors()
        strong = [lk for lk in relation.links if lk.strong]
        self.old_model = ParagraphListModel(relation.old, {lk.old for lk in strong}, self)
        self.new_model = ParagraphListModel(relation.new, {lk.new for lk in strong}, self)
        for m in (self.old_model, self.new_model):
            m.set_colors(colors)
        self.active_side = "old"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryBar")
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # names in it are escaped
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Find in both texts (Ctrl+F)")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName("Find in both texts")
        self.find_edit.setMaximumWidth(260)
        self.find_edit.textChanged.connect(self._find_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        bar.addWidget(self.find_edit)
        self.linked_only = QCheckBox("&Linked paragraphs only", self)
        self.linked_only.setToolTip("Show only the paragraphs with a strong link")
        self.linked_only.toggled.connect(self._apply_linked_only)
        bar.addWidget(self.linked_only)
        layout.addLayout(bar)
        self.vsplitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.vsplitter)
        self.old_view = self._side_widget(f"{relation.old.display_name}", self.old_model, "old")
        self.new_view = self._side_widget(f"{relation.new.display_name}", self.new_model, "new")
        self.links_panel = LinksPanel(self.vsplitter)
        self.links_panel.link_chosen.connect(self._show_link)
        self.vsplitter.addWidget(self.splitter)
        self.vsplitter.addWidget(self.links_panel)
        self.vsplitter.setStretchFactor(0, 4)
        self.vsplitter.setStretchFactor(1, 1)
        self.vsplitter.setSizes([520, 130])
        layout.addWidget(self.vsplitter, 1)
        n_old = len({lk.old for lk in strong})
        n_new = len({lk.new for lk in strong})
        self.summary.setText(
            f"<b>{len(strong)} strong links</b>: {n_old} paragraphs of "
            f"{html.escape(relation.old.display_name)} are reflected in {n_new} of "
            f"{html.escape(relation.new.display_name)}; "
            f"{len(relation.links) - len(strong)} weak candidates besides. "
            "Select a paragraph to see its links, best first."
        )
        self._link_side = "old"  # the side whose paragraph the links panel lists
        self.setFocusProxy(self.old_view)

    def _side_widget(self, title: str, model: ParagraphListModel, side: str) -> WrappedTextView:
        box = QWidget(self.splitter)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        label = QLabel(f"  {'Old' if side == 'old' else 'New'}: {title}", box)
        set_plain(label)  # a symbol or title is text, never markup
        label.setObjectName("sideTitle")
        lay.addWidget(label)
        view = WrappedTextView(f"{side} text", box)
        view.setModel(model)
        lay.addWidget(view, 1)
        view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev, s=side: self._selected(s, cur)
        )
        view.clicked.connect(lambda idx, s=side: self._selected(s, idx))
        self.splitter.addWidget(box)
        return view

    def _view(self, side: str) -> WrappedTextView:
        return self.old_view if side == "old" else self.new_view

    def _model(self, side: str) -> ParagraphListModel:
        return self.old_model if side == "old" else self.new_model

    def _apply_linked_only(self, on: bool) -> None:
        for side in ("old", "new"):
            model, view = self._model(side), self._view(side)
            for row, par in enumerate(model.pars):
                view.setRowHidden(row, QModelIndex(), on and par.id not in model.linked_ids)

    def select_paragraph(self, side: str, paragraph_id: int) -> bool:
        model, view = self._model(side), self._view(side)
        if not 0 <= paragraph_id < model.rowCount():
            return False
        idx = model.index(paragraph_id, 0)
        view.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._selected(side, idx)
        later(self, 0, lambda: self._recenter(side, paragraph_id))
        return True

    def _recenter(self, side: str, paragraph_id: int) -> None:
        """Centre again once row heights are known (the first layout happens late)."""
        self._view(side).scrollTo(
            self._model(side).index(paragraph_id, 0), QAbstractItemView.ScrollHint.PositionAtCenter
        )
        links = self.links_of(side, paragraph_id)
        if links:
            other = "new" if side == "old" else "old"
            best = links[0].new if side == "old" else links[0].old
            self._view(other).scrollTo(
                self._model(other).index(best, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def current_paragraph(self) -> tuple[str, Paragraph] | None:
        view = self._view(self.active_side)
        idx = view.currentIndex()
        if not idx.isValid():
            return None
        return self.active_side, self._model(self.active_side).pars[idx.row()]

    def links_of(self, side: str, paragraph_id: int) -> tuple[Link, ...]:
        rel = self.relation
        return rel.links_from(paragraph_id) if side == "old" else rel.links_to(paragraph_id)

    def _selected(self, side: str, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.active_side = side
        par = self._model(side).pars[index.row()]
        links = self.links_of(side, par.id)
        other = "new" if side == "old" else "old"
        other_model = self._model(other)
        highlight: dict[int, tuple[int, Link]] = {}
        phrases: dict[int, tuple[str, ...]] = {}
        for rank, lk in enumerate(links, 1):
            pid = lk.new if side == "old" else lk.old
            highlight.setdefault(pid, (rank, lk))
            phrases[pid] = lk.shared
        own = tuple(p for lk in links for p in lk.shared)
        self._model(side).set_highlight({}, {}, {par.id: own} if own else {})
        other_model.set_highlight(highlight, phrases)
        other_view = self._view(other)
        other_view.delegate.linked_rows = {pid for pid, (_r, lk) in highlight.items() if lk.strong}
        self._view(side).delegate.linked_rows = set()
        self._view(side).delegate.focus_row = None
        self._link_side = side
        self.links_panel.show_links(
            par.label,
            [(lk, other_model.pars[lk.new if side == "old" else lk.old]) for lk in links],
            self._why_no_links(side, par),
        )
        if links:
            self._show_link(links[0], scroll=True, announce=False)
            n_strong = sum(lk.strong for lk in links)
            best = links[0].new if side == "old" else links[0].old
            self.message.emit(
                f"{par.label}: {n_strong} strong link{'s' if n_strong != 1 else ''}, "
                f"{len(links) - n_strong} weak "
                f"(best: {other_model.pars[best].label}, score {links[0].score:.2f})"
            )
        else:
            other_view.delegate.focus_row = None
            other_view.viewport().update()
            self.message.emit(f"{par.label}: {self._why_no_links(side, par)}")
        self.paragraph_selected.emit(side, par)

    def _why_no_links(self, side: str, par: Paragraph) -> str:
        if side == "new":
            return "no paragraph of the other text has a link here"
        from drafter.compare import is_linkable

        if not is_linkable(par):
            return "a title or closing line: not linked"
        return "no link: it shares no content word with the other text"

    def _show_link(self, link: Link, scroll: bool = True, announce: bool = True) -> None:
        """Mark ``link`` as the current one and scroll its paragraph into view."""
        side = self._link_side
        other = "new" if side == "old" else "old"
        links = self.links_panel.links()
        if link not in links:
            return
        rank = links.index(link) + 1
        self.links_panel.set_current_rank(rank)
        pid = link.new if side == "old" else link.old
        view, model = self._view(other), self._model(other)
        view.delegate.focus_row = pid
        view.viewport().update()
        if scroll:
            view.scrollTo(model.index(pid, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        if announce:
            self.message.emit(
                f"Link #{rank} of {len(links)}: {model.pars[pid].label}, score "
                f"{link.score:.2f} ({'strong' if link.strong else 'weak'})"
            )

    def step_link(self, step: int) -> bool:
        """Go to the next (or previous) link of the selected paragraph, in rank order."""
        links = self.links_panel.links()
        if not links:
            self.message.emit("Select a paragraph with links first")
            return False
        rank = (self.links_panel.current_rank() or 1) + step
        if not 1 <= rank <= len(links):
            self.message.emit("That was the last link" if step > 0 else "That was the best link")
            return False
        self._show_link(links[rank - 1])
        later(self, 0, lambda: self._recenter_link(links[rank - 1]))
        return True

    def _recenter_link(self, link: Link) -> None:
        side = "new" if self._link_side == "old" else "old"
        pid = link.new if self._link_side == "old" else link.old
        self._view(side).scrollTo(
            self._model(side).index(pid, 0), QAbstractItemView.ScrollHint.PositionAtCenter
        )

    def next_link(self) -> bool:
        return self.step_link(1)

    def previous_link(self) -> bool:
        return self.step_link(-1)

    def focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _find_changed(self, text: str) -> None:
        for side in ("old", "new"):
            self._model(side).set_find_term(text)
        if text:
            n_old, n_new = (len(self._model(s).matches(text)) for s in ("old", "new"))
            self.message.emit(f"Found in {n_old} paragraphs of the old text, {n_new} of the new")

    def find_next(self) -> bool:
        """The next paragraph containing the find term, on the active side, then the other."""
        term = self.find_edit.text()
        for side in (self.active_side, "new" if self.active_side == "old" else "old"):
            hits = self._model(side).matches(term)
            view = self._view(side)
            cur = view.currentIndex().row() if side == self.active_side else -1
            nxt = next((h for h in hits if h > cur), None)
            if nxt is not None:
                return self.select_paragraph(side, nxt)
        first = self._model(self.active_side).matches(term)
        if first:  # wrap around
            self.message.emit("Search wrapped to the top")
            return self.select_paragraph(self.active_side, first[0])
        self.message.emit("No match" if term else "")
        return False

    def _step_linked(self, step: int) -> bool:
        """Select the next (or previous) paragraph with links on the active side."""
        side = self.active_side
        model, view = self._model(side), self._view(side)
        cur = (
            view.currentIndex().row()
            if view.currentIndex().isValid()
            else (-1 if step > 0 else model.rowCount())
        )
        row = cur + step
        while 0 <= row < model.rowCount():
            if model.pars[row].id in model.linked_ids:
                view.setFocus()
                return self.select_paragraph(side, model.pars[row].id)
            row += step
        self.message.emit(
            "No more linked paragraphs" if step > 0 else "No earlier linked paragraphs"
        )
        return False

    def next_change(self) -> bool:
        return self._step_linked(1)

    def previous_change(self) -> bool:
        return self._step_linked(-1)

    def set_note_counts(self, old: dict[int, int], new: dict[int, int]) -> None:
        self.old_model.set_note_counts(old)
        self.new_model.set_note_counts(new)

    def show_example(self) -> None:
        """Select the paragraph with the strongest links (first run)."""
        pid = best_example(self.relation)
        if pid is not None:
            self.select_paragraph("old", pid)

    def refresh_colors(self) -> None:
        colors = themes.colors()
        for side in ("old", "new"):
            self._model(side).set_colors(colors)
            self._view(side).delegate.clear_cache()
            self._view(side).viewport().update()


def best_example(relation: Relation) -> int | None:
    """The old paragraph whose links say most at a glance (best total of strong links)."""
    totals: dict[int, float] = {}
    for lk in relation.links:
        if lk.strong:
            totals[lk.old] = totals.get(lk.old, 0.0) + lk.score
    return max(totals, key=lambda k: (totals[k], -k)) if totals else None
