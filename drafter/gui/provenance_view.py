"""Agreed language of one version: its text with the words found in other texts tinted,
new language marked, a share bar per paragraph, and the sources of each span beside it.

Why a window of its own rather than a comparison tab: provenance is a property of one
version against the whole library, not of a pair; it opens from the library (a
version's context menu) and can stay open beside the comparison the user is reading.
The work (indexing, the query) runs in the background through the :class:`TaskRunner`.
"""

from __future__ import annotations

import html
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.errors import DrafterError
from drafter.model import Resolution
from drafter.provenance import ParagraphProvenance, Provenance, Source, Span

from . import themes
from .comparison_model import HtmlRole, KeyRole, RtlRole
from .plain import rich
from .related_view import WrappedTextView
from .rich_text import is_rtl
from .workbench import add_note, ask_docx_path, stretch_first_column

_Index = QModelIndex | QPersistentModelIndex
SpanRole = Qt.ItemDataRole.UserRole + 41
BAR_CELLS = 10
MARK_NEW, MARK_AGREED, MARK_BOTH = "new", "agreed", "both"


def source_text(src: Source) -> str:
    where = src.symbol or f"version {src.version_id}"
    if src.number:
        where += f", para. {src.number}"
    elif src.kind == "preambular":
        where += ", preamble"
    bits = [b for b in (src.date, src.stage) if b]
    return where + (f" ({', '.join(bits)})" if bits else "")


def share_bar(prov: ParagraphProvenance, colors: themes.DiffColors) -> str:
    """Ten cells: agreed share in the tint, new share in the insertion colour."""
    agreed = round(BAR_CELLS * (1 - prov.new_share)) if prov.words else 0
    return (
        f'<span style="color:{colors.phrase_bg}">{"■" * agreed}</span>'
        f'<span style="color:{colors.ins_fg}">{"■" * (BAR_CELLS - agreed)}</span>'
        f'&nbsp;<span style="color:{colors.muted_fg}">{round(100 * prov.new_share)}% new</span>'
    )


def paragraph_html(
    prov: ParagraphProvenance, lead: int, colors: themes.DiffColors, mark: str
) -> str:
    """The paragraph's text, agreed spans tinted and/or new language marked."""
    text = prov.text
    cuts = {0, len(text), min(lead, len(text))}
    new = prov.new_language()
    for s, e in new:
        cuts.update((s, e))
    for sp in prov.spans:
        cuts.update((sp.start, sp.end))
    points = sorted(cuts)
    out = []
    for start, end in pairwise(points):
        piece = html.escape(text[start:end])
        if start < lead:
            piece = f"<i>{piece}</i>"
        agreed = any(sp.start <= start and end <= sp.end for sp in prov.spans)
        fresh = any(s <= start and end <= e for s, e in new)
        if agreed and mark in (MARK_AGREED, MARK_BOTH):
            piece = f'<span style="background-color:{colors.phrase_bg}">{piece}</span>'
        if fresh and mark in (MARK_NEW, MARK_BOTH):
            piece = f'<span style="color:{colors.ins_fg}"><u>{piece}</u></span>'
        out.append(piece)
    label = (
        f'<span style="color:{colors.number_fg}"><b>{html.escape(prov.label)}</b></span>'
        f"&nbsp;&nbsp;{share_bar(prov, colors)}<br/>"
    )
    return label + "".join(out)


class ProvenanceModel(QAbstractListModel):
    """One row per body paragraph of the version."""

    def __init__(self, resolution: Resolution, provenance: Provenance, parent=None) -> None:
        super().__init__(parent)
        self.resolution = resolution
        self.rows = provenance.paragraphs
        self.leads = {p.id: p.lead for p in resolution.paragraphs}
        self.colors = themes.colors()
        self.mark = MARK_BOTH
        self._html: dict[int, str] = {}

    def set_mark(self, mark: str) -> None:
        self.mark = mark
        self._html.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [HtmlRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        prov = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Two blocks, as painted: the label and share bar, then the text.
            return f"{prov.label}: {round(100 * prov.new_share)}% new\n{prov.text}"
        if role == HtmlRole:
            if index.row() not in self._html:
                self._html[index.row()] = paragraph_html(
                    prov, self.leads.get(prov.id, 0), self.colors, self.mark
                )
            return self._html[index.row()]
        if role == RtlRole:
            return is_rtl(prov.text)
        if role == KeyRole:
            return index.row()
        if role == SpanRole:
            return prov
        if role == Qt.ItemDataRole.ToolTipRole:
            if not prov.spans:
                return f"{prov.label}: all new language"
            lines = [f"{prov.label}: {round(100 * (1 - prov.new_share))}% agreed language"]
            for sp in prov.spans[:6]:
                quote = prov.text[sp.start : sp.end]
                quote = quote if len(quote) <= 70 else quote[:33] + " … " + quote[-33:]
                lines.append(f"“{quote}”: {source_text(sp.sources[0])}" if sp.sources else quote)
            return rich("\n".join(lines))  # quotes and titles are text, not markup
        return None


class ProvenanceWindow(QWidget):
    """Agreed language of one stored version (opens from the library)."""

    open_paragraph = Signal(int, int)  # version id, paragraph id
    note_added = Signal(int)  # version id

    def __init__(
        self, library, runner, version_id: int, *, author: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.author = author
        self.runner = runner
        self.version_id = version_id
        self.resolution: Resolution | None = None
        self.result: Provenance | None = None
        self.model: ProvenanceModel | None = None
        info = library.version(version_id)
        self.setWindowTitle(f"Agreed language — {info.display_name}")
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel("Looking for agreed language in the library…", self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        bar.addWidget(QLabel("Mark:", self))
        self.mark_box = QComboBox(self)
        self.mark_box.setAccessibleName("Mark")
        for text, value in (
            ("Agreed and new language", MARK_BOTH),
            ("New language only", MARK_NEW),
            ("Agreed language only", MARK_AGREED),
        ):
            self.mark_box.addItem(text, value)
        self.mark_box.currentIndexChanged.connect(self._mark_changed)
        bar.addWidget(self.mark_box)
        self.export_button = QPushButton("Export &report…", self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_interactive)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = WrappedTextView("Paragraphs with their agreed language", split)
        self.delegate = self.list.delegate
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(
            QLabel("Where its words stand (adopted texts first, then the oldest):")
        )
        self.sources = QTreeWidget(side)
        self.sources.setHeaderLabels(["Span / source", "Date", "Stage"])
        stretch_first_column(self.sources.header(), 3)
        self.sources.setAccessibleName("Sources of the selected paragraph")
        self.sources.itemActivated.connect(self._source_activated)
        self.sources.currentItemChanged.connect(self._source_current)
        side_layout.addWidget(self.sources, 2)
        self.preview = QTextBrowser(side)
        self.preview.setAccessibleName("Source paragraph")
        self.preview.setPlaceholderText("Select a source to read its paragraph.")
        side_layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("&Open source", side)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._source_activated(self.sources.currentItem()))
        self.cite_button = QPushButton("&Cite in a note", side)
        self.cite_button.setEnabled(False)
        self.cite_button.setToolTip("Add a note to this paragraph naming the selected source")
        self.cite_button.clicked.connect(self.cite_selected)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cite_button)
        buttons.addStretch(1)
        side_layout.addLayout(buttons)
        split.addWidget(self.list)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self._start()

    # -- loading ----------------------------------------------------------------------
    def _start(self) -> None:
        lib, vid = self.library, self.version_id

        def work(progress):
            res = lib.load_version(vid)

            def indexed(done: int, total: int) -> None:
                progress(done, total, "Indexing the library for agreed language")

            return res, lib.provenance(res, version_id=vid, progress=indexed)

        self.runner.run("Agreed language", work, self._loaded, self._failed)

    def _failed(self, message: str) -> None:
        self.summary.setText(f"Could not find agreed language: {message}")

    def _loaded(self, result: tuple[Resolution, Provenance]) -> None:
        self.resolution, self.result = result
        self.model = ProvenanceModel(self.resolution, self.result, self)
        self.model.set_mark(self.mark_box.currentData())
        self.list.setModel(self.model)
        self.list.selectionModel().currentRowChanged.connect(self._selected)
        self.delegate.start_refine()
        share = self.result.agreed_share
        spans = sum(len(p.spans) for p in self.result.paragraphs)
        self.summary.setText(
            f"{round(100 * share)}% agreed language, {round(100 * (1 - share))}% new, in "
            f"{len(self.result.paragraphs)} paragraphs: {spans} runs of "
            f"{self.result.min_words}+ words stand in other texts of the library."
        )
        self.export_button.setEnabled(True)
        if self.result.paragraphs:
            self.select_row(0)

    # -- interaction ------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        if self.model is None or not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _mark_changed(self) -> None:
        if self.model is not None:
            self.model.set_mark(self.mark_box.currentData())
            self.delegate.clear_cache()
            self.list.viewport().update()

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.sources.clear()
        self.preview.clear()
        prov: ParagraphProvenance | None = current.data(SpanRole) if current.isValid() else None
        self.open_button.setEnabled(False)
        self.cite_button.setEnabled(False)
        if prov is None:
            return
        for sp in prov.spans:
            quote = prov.text[sp.start : sp.end]
            head = QTreeWidgetItem(
                [f"“{quote}” ({sp.words} words, {sp.source_count} places)", "", ""]
            )
            head.setToolTip(0, rich(quote))
            head.setData(0, Qt.ItemDataRole.UserRole, (sp, None))
            for src in sp.sources:
                item = QTreeWidgetItem([source_text(src), src.date or "", src.stage or ""])
                item.setData(0, Qt.ItemDataRole.UserRole, (sp, src))
                head.addChild(item)
            self.sources.addTopLevelItem(head)
            head.setExpanded(True)
        if prov.spans:
            self.sources.setCurrentItem(self.sources.topLevelItem(0).child(0))

    def _current_source(self) -> tuple[Span, Source] | None:
        item = self.sources.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not data or data[1] is None:
            return None
        return data

    def _source_current(self, item, _previous) -> None:
        picked = self._current_source()
        self.open_button.setEnabled(picked is not None)
        self.cite_button.setEnabled(picked is not None)
        if picked is None:
            self.preview.clear()
            return
        _span, src = picked
        try:
            res = self.library.load_version(src.version_id)
            par = res.paragraphs[src.paragraph_id]
        except (DrafterError, IndexError):
            self.preview.setPlainText("That source is no longer in the library.")
            return
        self.preview.setHtml(
            f"<p><b>{html.escape(source_text(src))}</b></p><p>{html.escape(par.text)}</p>"
        )

    def _source_activated(self, item) -> None:
        picked = self._current_source() if item is not None else None
        if picked is not None:
            self.open_paragraph.emit(picked[1].version_id, picked[1].paragraph_id)

    def cite_selected(self) -> None:
        """Add a note on the selected paragraph naming the selected source (one action)."""
        picked = self._current_source()
        current = self.list.currentIndex()
        if picked is None or not current.isValid():
            return
        span, src = picked
        prov: ParagraphProvenance = current.data(SpanRole)
        quote = prov.text[span.start : span.end]
        body = f"Agreed language: “{quote}” stands in {source_text(src)}."
        if not add_note(
            self,
            self.library,
            self.version_id,
            prov.id,
            body,
            author=self.author,
            quote=quote,
            start=span.start,
            end=span.end,
            tags=["agreed language"],
        ):
            return
        self.note_added.emit(self.version_id)
        self.cite_button.setText("Cited ✓")

    def export_interactive(self) -> None:
        if self.result is None or self.resolution is None:
            return
        path = ask_docx_path(
            self, "Export agreed-language report", self.resolution.symbol, "agreed language"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from drafter.export.provenance_report import write_provenance_report

        res, result = self.resolution, self.result
        self.runner.run(
            "Export agreed-language report",
            lambda _p: write_provenance_report(res, result, path, author=self.author),
            lambda written: self.summary.setText(
                f"{self.summary.text()}  Report written: {written}"
            ),
        )
