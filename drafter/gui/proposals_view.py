"""Delegations' proposals on one base version: the compilation, their fate, their notes.

The window lists the base text's paragraphs that have proposals, each with its
proposals beneath it (attributed, conflicting ones marked), filterable by
delegation. Adding Word files of proposals reads them in the background and keeps
them in the library with the base version. Choosing the next revision judges every
proposal (accepted, partly, not taken, overtaken) and fills a summary by delegation:
"which of our proposals made it into Rev.2". The author -> delegation table is
edited in place.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.errors import DrafterError
from drafter.proposals import Compilation, Fate, Proposal, compile_proposals

from . import dialogs
from .file_dialogs import open_file_names
from .plain import rich
from .workbench import add_note, ask_docx_path, stretch_first_column

ALL = "All delegations"
FATE_COLOURS = {
    Fate.ACCEPTED: "#2e7d32",
    Fate.PARTLY: "#b26a00",
    Fate.NOT_TAKEN: "#c62828",
    Fate.OVERTAKEN: "#6a5acd",
    Fate.NOT_APPLICABLE: "#777777",
}
ProposalRole = Qt.ItemDataRole.UserRole + 51


class DelegationsDialog(QDialog):
    """The library's author -> delegation table, editable; empty delegation removes a row."""

    def __init__(self, library, authors: list[str], parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle("Delegations")
        layout = QVBoxLayout(self)
        label = QLabel(
            "Who is who: each author of tracked changes and the delegation they speak for.", self
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        table = dict(library.delegations())
        for a in authors:
            table.setdefault(a, "")
        self.table = QTableWidget(len(table), 2, self)
        self.table.setHorizontalHeaderLabels(["Author (as Word records it)", "Delegation"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, (author, delegation) in enumerate(sorted(table.items())):
            item = QTableWidgetItem(author)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(delegation))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def save(self) -> None:
        try:
            known = self.library.delegations()
            for row in range(self.table.rowCount()):
                author = self.table.item(row, 0).text()
                delegation = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
                if delegation.strip():
                    if known.get(author) != delegation.strip():
                        self.library.set_delegation(author, delegation)
                elif author in known:
                    self.library.remove_delegation(author)
        except DrafterError as exc:
            dialogs.show_error(self, "Delegations", str(exc))
            return
        self.accept()


class ProposalsWindow(QWidget):
    """The proposals on one stored base version."""

    note_added = Signal(int)  # base version id
    open_paragraph = Signal(int, int)

    def __init__(
        self, library, runner, version_id: int, *, author: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.runner = runner
        self.version_id = version_id
        self.author = author
        self.base = library.load_version(version_id)
        self.proposals: list[Proposal] = []
        self.fate_version: int | None = None
        info = library.version(version_id)
        self.setWindowTitle(f"Proposals on {info.display_name}")
        self.resize(1200, 760)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton("&Add proposal files…", self)
        self.add_button.clicked.connect(self.add_interactive)
        bar.addWidget(self.add_button)
        bar.addWidget(QLabel("Show:", self))
        self.filter = QComboBox(self)
        self.filter.setAccessibleName("Delegation filter")
        self.filter.currentIndexChanged.connect(self._refill)
        bar.addWidget(self.filter)
        bar.addWidget(QLabel("Fate in:", self))
        self.next_box = QComboBox(self)
        self.next_box.setAccessibleName("Next revision")
        self.next_box.addItem("(choose the next revision)", None)
        for v in library.versions(info.family_id) + [
            v for v in library.versions() if v.family_id != info.family_id
        ]:
            if v.id != version_id:
                self.next_box.addItem(v.display_name, v.id)
        self.next_box.currentIndexChanged.connect(self._next_chosen)
        bar.addWidget(self.next_box, 1)
        self.delegations_button = QPushButton("&Delegations…", self)
        self.delegations_button.clicked.connect(self.edit_delegations)
        bar.addWidget(self.delegations_button)
        self.export_box = QComboBox(self)
        self.export_box.addItem("Export…", None)
        self.export_box.addItem("Compilation (tracked changes by delegation)", "tracked")
        self.export_box.addItem("Compilation table", "table")
        self.export_box.activated.connect(self._export_chosen)
        bar.addWidget(self.export_box)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = QTreeWidget(split)
        self.tree.setAccessibleName("Compilation: paragraphs and their proposals")
        self.tree.setHeaderLabels(["Paragraph / proposal", "Delegation", "Fate"])
        stretch_first_column(self.tree.header(), 3)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._current)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QTextBrowser(side)
        self.details.setAccessibleName("The proposal")
        self.details.setPlaceholderText("Select a proposal to read it in full.")
        side_layout.addWidget(self.details, 3)
        self.note_button = QPushButton("Add a &note on this proposal", side)
        self.note_button.setEnabled(False)
        self.note_button.clicked.connect(self.note_on_selected)
        side_layout.addWidget(self.note_button)
        side_layout.addWidget(QLabel("Fate by delegation:", side))
        self.fates = QTableWidget(0, 6, side)
        self.fates.setAccessibleName("Fate by delegation")
        self.fates.setHorizontalHeaderLabels(
            ["Delegation", "Taken", "Accepted", "Partly", "Not taken", "Overtaken"]
        )
        self.fates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.fates.horizontalHeader().setStretchLastSection(True)
        self.fates.verticalHeader().setVisible(False)
        side_layout.addWidget(self.fates, 2)
        split.addWidget(self.tree)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.reload()

    # -- data -------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.proposals = self.library.proposals(self.version_id)
        except DrafterError as exc:
            dialogs.show_error(self, "Proposals", str(exc))
            self.proposals = []
        if self.fate_version is not None:
            self._judge(self.fate_version)
        self._fill_filter()
        self._refill()

    def _fill_filter(self) -> None:
        current = self.filter.currentText() or ALL
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(ALL)
        for d in sorted({p.delegation for p in self.proposals}, key=str.casefold):
            self.filter.addItem(d)
        index = self.filter.findText(current)
        self.filter.setCurrentIndex(max(0, index))
        self.filter.blockSignals(False)

    def compilation(self) -> Compilation:
        chosen = self.filter.currentText()
        props = [p for p in self.proposals if chosen in ("", ALL) or p.delegation == chosen]
        return compile_proposals(self.base, props)

    def _refill(self) -> None:
        self.tree.clear()
        comp = self.compilation()
        n = len(comp.proposals)
        delegations = sorted({p.delegation for p in self.proposals})
        if not self.proposals:
            self.summary.setText(
                "No proposals on this version yet. Add the Word files delegations sent "
                "(tracked changes and comments): each change becomes an attributed proposal."
            )
        else:
            self.summary.setText(
                f"{len(self.proposals)} proposals by {len(delegations)} delegations "
                f"({', '.join(delegations)}); {n} shown. Conflicting proposals are marked ⚠."
            )
        for item in comp.paragraphs:
            if not item.proposals:
                continue
            text = " ".join(item.text.split())
            top = QTreeWidgetItem([f"{item.label}  {text[:140]}{'…' if len(text) > 140 else ''}"])
            top.setToolTip(0, rich(item.text))
            conflicted = {pid for group in item.conflicts for pid in group}
            for p in item.proposals:
                mark = "⚠ " if p.id in conflicted else ""
                child = QTreeWidgetItem(
                    [mark + p.summary().split(": ", 1)[-1], p.delegation, str(p.fate or "")]
                )
                child.setData(0, ProposalRole, p)
                child.setToolTip(0, rich(p.summary() + (f"\n{p.comment}" if p.comment else "")))
                if p.fate is not None:
                    child.setForeground(2, QBrush(QColor(FATE_COLOURS[p.fate])))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self._fill_fates()

    def _fill_fates(self) -> None:
        rows = compile_proposals(self.base, self.proposals).fate_by_delegation()
        self.fates.setRowCount(len(rows))
        for r, (who, counts) in enumerate(sorted(rows.items())):
            total = sum(v for k, v in counts.items() if k != str(Fate.NOT_APPLICABLE))
            taken = counts[str(Fate.ACCEPTED)] + counts[str(Fate.PARTLY)]
            share = f"{round(100 * taken / total)}%" if total else "—"
            values = [who, share] + [
                str(counts[str(f)])
                for f in (Fate.ACCEPTED, Fate.PARTLY, Fate.NOT_TAKEN, Fate.OVERTAKEN)
            ]
            for c, value in enumerate(values):
                self.fates.setItem(r, c, QTableWidgetItem(value))

    def selected(self) -> Proposal | None:
        item = self.tree.currentItem()
        return item.data(0, ProposalRole) if item is not None else None

    def _current(self, item, _previous) -> None:
        p = self.selected()
        self.note_button.setEnabled(p is not None)
        if p is None:
            self.details.clear()
            return
        e = html.escape
        para = (
            self.base.paragraphs[p.paragraph]
            if 0 <= p.paragraph < len(self.base.paragraphs)
            else None
        )
        before = e(para.text[: p.start]) if para else ""
        after = e(para.text[p.end :]) if para else ""
        change = ""
        if p.old_text:
            change += f'<s style="color:#c62828">{e(p.old_text)}</s>'
        if p.new_text:
            change += f' <u style="color:#2e7d32">{e(p.new_text)}</u>'
        body = (
            f"{before}{change} {after}" if para and p.kind not in ("new paragraph",) else e(p.text)
        )
        fate = (
            f'<p><b style="color:{FATE_COLOURS[p.fate]}">{e(str(p.fate))}</b>: {e(p.fate_reason)}</p>'
            if p.fate is not None
            else ""
        )
        self.details.setHtml(
            f"<h3>{e(p.summary())}</h3>"
            f"<p>{e(p.label)} · {e(p.kind)} · by {e(p.author)} ({e(p.delegation)}), "
            f"{e(p.date[:16].replace('T', ' '))} · from {e(p.source)}</p>"
            + (f"<p><i>Rationale:</i> {e(p.comment)}</p>" if p.comment else "")
            + fate
            + f"<p>{body}</p>"
        )

    # -- actions ----------------------------------------------------------------------
    def add_interactive(self) -> None:
        paths = open_file_names(self, "Add proposal files", "", "Word documents (*.docx)")
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        from drafter.proposals import extract

        lib, base, vid = self.library, self.base, self.version_id

        def work(progress):
            table = lib.delegations()
            found, errors = [], []
            for n, path in enumerate(paths, 1):
                progress(n - 1, len(paths), f"Reading {Path(path).name}")
                try:
                    found += extract(path, base, delegations=table, source=Path(path).name)
                except DrafterError as exc:
                    errors.append(str(exc))
            if found:
                lib.store_proposals(vid, found)
            return len(found), errors

        def done(result) -> None:
            _count, errors = result
            self.reload()
            if errors:
                dialogs.show_error(self, "Proposals", "\n".join(errors))

        self.runner.run("Reading proposals", work, done)

    def _next_chosen(self) -> None:
        vid = self.next_box.currentData()
        self.fate_version = vid
        if vid is None:
            self.proposals = [replace(p, fate=None, fate_reason="") for p in self.proposals]
            self._refill()
            return
        self._judge(vid)
        self._refill()

    def _judge(self, next_id: int) -> None:
        from drafter.proposals import judge

        try:
            nxt = self.library.load_version(next_id)
            self.proposals = judge(self.base, self.proposals, nxt)
        except DrafterError as exc:
            dialogs.show_error(self, "Proposals", str(exc))

    def edit_delegations(self) -> None:
        authors = sorted({p.author for p in self.proposals})
        dialog = DelegationsDialog(self.library, authors, self)
        if dialog.exec():
            self.reload()

    def note_on_selected(self) -> None:
        p = self.selected()
        if p is None or p.paragraph < 0:
            return
        body = f"On the proposal {p.summary()}" + (f" [{p.fate}]" if p.fate else "") + ": "
        if not add_note(
            self,
            self.library,
            self.version_id,
            p.paragraph,
            body,
            author=self.author,
            quote=p.old_text if p.end > p.start else "",
            start=p.start,
            end=p.end,
            tags=["proposal", p.delegation],
        ):
            return
        self.note_added.emit(self.version_id)
        self.note_button.setText("Note added ✓")

    def _export_chosen(self, index: int) -> None:
        kind = self.export_box.itemData(index)
        self.export_box.setCurrentIndex(0)
        if kind is None:
            return
        path = ask_docx_path(self, "Export the compilation", self.base.symbol, "compilation")
        if path:
            self.export_to(path, table=kind == "table")

    def export_to(self, path: str, *, table: bool = False) -> None:
        from drafter.export.compilation import write_compilation

        base, comp, author = self.base, self.compilation(), self.author
        self.runner.run(
            "Export the compilation",
            lambda _p: write_compilation(base, comp, path, table=table, author=author),
            lambda written: self.summary.setText(f"Compilation written: {written}"),
        )
