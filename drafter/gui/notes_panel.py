"""The notes panel: the notes of the selected paragraph, and the version's orphans.

Why it talks to the store directly: notes are saved the moment they change (the
store is fast and local), and every change goes through the undo stack, so Edit >
Undo works for add, edit, resolve and delete alike.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.errors import DrafterError
from drafter.model import Note, NoteStatus, Paragraph

from . import dialogs, rich_text, themes
from .comparison_model import HtmlRole, KeyRole
from .delegates import RichTextDelegate
from .flow_layout import FlowLayout
from .note_commands import AddNote, DeleteNote, EditNote

NoteRole = Qt.ItemDataRole.UserRole + 31


def parse_tags(text: str) -> tuple[str, ...]:
    """ "a, b  c" -> ("a", "b", "c"): tags split on commas and spaces, # optional."""
    seen: list[str] = []
    for raw in text.replace(",", " ").split():
        tag = raw.lstrip("#").strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def _python_index(text: str, utf16_pos: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ only
    after a character outside the Basic Multilingual Plane)."""
    return len(text.encode("utf-16-le")[: 2 * utf16_pos].decode("utf-16-le", errors="ignore"))


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quoted words are in the paragraph (exact, then ignoring case)."""
    quote = " ".join(quote.split())
    if not quote:
        return None
    i = text.find(quote)
    if i < 0:
        i = text.casefold().find(quote.casefold()) if len(text.casefold()) == len(text) else -1
    return (i, i + len(quote)) if i >= 0 else None


class NoteDialog(QDialog):
    """Write or edit a note: its text, tags and (new notes) the words it is about."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        body: str = "",
        tags: tuple[str, ...] = (),
        paragraph_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.paragraph_text = paragraph_text
        self.body = QPlainTextEdit(self)
        self.body.setPlainText(body)
        self.body.setAccessibleName("Note text")
        self.body.setTabChangesFocus(True)
        self.tags = QLineEdit(" ".join(tags), self)
        self.tags.setPlaceholderText("e.g. agreed, red-line, G77")
        self.quote = QLineEdit(self)
        self.quote.setPlaceholderText("optional: select words above, or type them")
        self.quote.setToolTip(
            "Anchoring a note to words lets Drafter tell when those words change in a later version"
        )
        self.quote.textEdited.connect(self._quote_typed)
        self._span: tuple[int, int] | None = None
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        if paragraph_text is not None:
            # The paragraph itself, to select the words the note is about: a selection
            # gives their exact place even where the same words occur twice.
            self.paragraph_view = QPlainTextEdit(self)
            # a prefix keeps offsets true; absurd paragraphs stay responsive
            self.paragraph_view.setPlainText(paragraph_text[: rich_text.MAX_SHOWN])
            self.paragraph_view.setReadOnly(True)
            # read-only text is mouse-selectable only by default: keyboard users too
            self.paragraph_view.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.paragraph_view.setTabChangesFocus(True)
            self.paragraph_view.setAccessibleName("Paragraph text: select the words to quote")
            self.paragraph_view.setToolTip("Select the words this note is about")
            self.paragraph_view.setMaximumHeight(130)
            self.paragraph_view.selectionChanged.connect(self._selection_changed)
            form.addRow("&Paragraph:", self.paragraph_view)
        form.addRow("&Note:", self.body)
        form.addRow("&Tags:", self.tags)
        if paragraph_text is not None:
            form.addRow("&Quoted words:", self.quote)
            form.addRow("", self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if paragraph_text is not None:  # Tab follows the rows as they are laid out
            QWidget.setTabOrder(self.paragraph_view, self.body)
            QWidget.setTabOrder(self.body, self.tags)
            QWidget.setTabOrder(self.tags, self.quote)
        self.body.setFocus()  # writing the note is the usual first step
        self.resize(560, 380 if paragraph_text is not None else 280)

    def _selection_changed(self) -> None:
        cursor = self.paragraph_view.textCursor()
        text = self.paragraph_text or ""
        if not cursor.hasSelection():
            return
        start = _python_index(text, cursor.selectionStart())
        end = _python_index(text, cursor.selectionEnd())
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            self._span = (start, end)
            self.quote.setText(text[start:end])
            self.problem.clear()

    def _quote_typed(self, _text: str) -> None:
        self._span = None  # typed words are looked up in the paragraph instead

    def span(self) -> tuple[int, int] | None:
        """Offsets of the selected words in the paragraph, if they were selected."""
        if self._span is None or self.paragraph_text is None:
            return None
        start, end = self._span
        return self._span if self.paragraph_text[start:end] == self.quoted() else None

    def accept(self) -> None:
        quote = self.quote.text().strip()
        if (
            self.paragraph_text is not None
            and quote
            and find_quote(self.paragraph_text, quote) is None
        ):
            self.problem.setText(
                "These words are not in the paragraph; correct them or leave the field empty."
            )
            return
        if not self.body.toPlainText().strip():
            self.problem.setText("Write the note first.")
            return
        super().accept()

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.body.toPlainText().strip(), parse_tags(self.tags.text())

    def quoted(self) -> str:
        return self.quote.text().strip()


def note_text(note: Note) -> str:
    meta = [note.author, note.updated[:16].replace("T", " ")]
    if note.tags:
        meta.append(" ".join(f"#{t}" for t in note.tags))
    if note.status == NoteStatus.RESOLVED:
        meta.append("✓ resolved")
    if note.carried_from:
        meta.append("carried forward")
    quote = f"“{note.anchor.quote}”: " if note.anchor.quote and not note.orphaned else ""
    return f"{quote}{note.body}\n— {' · '.join(meta)}"


def note_html(note: Note, colors) -> str:
    """A note for the rich text delegate: quote, body, then author, date, tags, status."""
    resolved = note.status == NoteStatus.RESOLVED
    body = html.escape(note.body).replace("\n", "<br>")
    if resolved:
        body = f'<span style="color:{colors.muted_fg}">{body}</span>'
    quote = ""
    if note.anchor.quote:
        quote = (
            f'<p style="margin:0 0 2px 0;color:{colors.muted_fg}"><i>'
            f"“{html.escape(note.anchor.quote)}”</i></p>"
        )
    tags = " ".join(
        f'<span style="background-color:{colors.phrase_bg}">&nbsp;#{html.escape(t)}&nbsp;</span>'
        for t in note.tags
    )
    meta = [f"<b>{html.escape(note.author)}</b>", html.escape(note.updated[:16].replace("T", " "))]
    if resolved:
        meta.append("✓ resolved")
    if note.carried_from:
        meta.append("carried forward")
    if note.orphaned and note.anchor.number:
        meta.append(f"was {html.escape(note.anchor.number)}")
    return (
        f'{quote}<p style="margin:0">{body}</p>'
        f'<p style="margin:3px 0 0 0;color:{colors.muted_fg}">{" · ".join(meta)} {tags}</p>'
    )


class NotesPanel(QWidget):
    """Notes on one paragraph of one stored version."""

    error = Signal(str)
    notes_changed = Signal()

    def __init__(
        self,
        library,
        undo_stack: QUndoStack,
        author: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = undo_stack
        self.author = author
        self.version_id: int | None = None
        self.version_name = ""
        self.paragraph: Paragraph | None = None
        self.dialog_factory = NoteDialog  # tests replace it

        self.title = QLabel("Select a paragraph to see its notes.", self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Notes on the selected paragraph")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(lambda _item: self.edit_interactive())
        self.list.currentItemChanged.connect(lambda *_: self._activate(self.list))
        self.add_btn = QPushButton(
            "&Add…", self, toolTip="Add a note to the selected paragraph (Ctrl+M)"
        )
        self.edit_btn = QPushButton("&Edit…", self)
        self.resolve_btn = QPushButton("Resol&ve", self)
        self.delete_btn = QPushButton("Delete", self)
        self.add_btn.clicked.connect(self.add_interactive)
        self.edit_btn.clicked.connect(self.edit_interactive)
        self.resolve_btn.clicked.connect(self.toggle_resolved)
        self.delete_btn.clicked.connect(self.delete_current)
        buttons = FlowLayout()  # wraps in a narrow dock instead of cutting the labels
        for b in (self.add_btn, self.edit_btn, self.resolve_btn, self.delete_btn):
            buttons.addWidget(b)
        self.orphan_title = QLabel(
            "<b>Orphaned notes</b> (their paragraph or words are gone)", self
        )
        self.orphans = QListWidget(self)
        self.orphans.setAccessibleName("Orphaned notes")
        self.orphans.currentItemChanged.connect(lambda *_: self._activate(self.orphans))
        self.orphans.itemActivated.connect(lambda _item: self.edit_interactive())
        self.orphans.setWordWrap(True)
        self.orphans.setResizeMode(QListView.ResizeMode.Adjust)
        self.orphans.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.orphans.setItemDelegate(RichTextDelegate(self.orphans))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.orphan_title)
        layout.addWidget(self.orphans, 1)
        self._notes: list[Note] = []
        self.refresh()

    # ---- what is shown ----------------------------------------------------
    def set_target(
        self, version_id: int | None, paragraph: Paragraph | None, version_name: str = ""
    ) -> None:
        self.version_id, self.paragraph, self.version_name = version_id, paragraph, version_name
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self.orphans.clear()
        self._notes = []
        if self.library is None or self.version_id is None:
            self.title.setText("Select a paragraph to see its notes.")
            self._update_buttons()
            self.orphan_title.setVisible(False)
            self.orphans.setVisible(False)
            return
        try:
            notes = self.library.notes(self.version_id, include_orphaned=True)
        except DrafterError as exc:
            self.error.emit(str(exc))
            notes = []
        self._notes = notes
        pid = self.paragraph.id if self.paragraph else None
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        colors = themes.colors()
        for note in notes:
            if note.orphaned:
                quote = f"“{note.anchor.quote}” " if note.anchor.quote else ""
                where = f"(was {note.anchor.number}) " if note.anchor.number else ""
                item = QListWidgetItem(f"{quote}{where}{note_text(note)}")
                item.setData(NoteRole, note)
                item.setData(HtmlRole, note_html(note, colors))
                item.setData(KeyRole, self._key(note))
                self.orphans.addItem(item)
            elif note.anchor.paragraph_id == pid:
                item = QListWidgetItem(note_text(note))
                item.setData(NoteRole, note)
                item.setData(HtmlRole, note_html(note, colors))
                item.setData(KeyRole, self._key(note))
                if note.status == NoteStatus.RESOLVED:
                    item.setForeground(QColor(muted))
                self.list.addItem(item)
        where = self.paragraph.label if self.paragraph else "—"
        n = self.list.count()
        count = f"{n} note{'s' if n != 1 else ''}" if n else "no notes yet (Add… or Ctrl+M)"
        self.title.setText(
            f"<b>{html.escape(where)}</b> · {count}"
            f'<br><span style="color:{colors.muted_fg}">{html.escape(self.version_name)}</span>'
        )
        has_orphans = self.orphans.count() > 0
        self.orphan_title.setVisible(has_orphans)
        self.orphans.setVisible(has_orphans)
        self._update_buttons()

    def _key(self, note: Note) -> int:
        """A cache key for the delegate that changes whenever the note does."""
        return hash((note.id, note.body, note.tags, note.status, note.updated)) & 0x7FFFFFFF

    def _update_buttons(self) -> None:
        can_add = (
            self.library is not None and self.version_id is not None and self.paragraph is not None
        )
        self.add_btn.setEnabled(can_add)
        note = self.current_note()
        for b in (self.edit_btn, self.resolve_btn, self.delete_btn):
            b.setEnabled(note is not None)
        if note is not None:
            self.resolve_btn.setText(
                "Re&open" if note.status == NoteStatus.RESOLVED else "Resol&ve"
            )

    def _activate(self, which: QListWidget) -> None:
        """The list the user last picked a note in (paragraph notes or orphans)."""
        self._active = which
        self._update_buttons()

    def current_note(self) -> Note | None:
        active = getattr(self, "_active", self.list)
        item = active.currentItem() or self.list.currentItem() or self.orphans.currentItem()
        return item.data(NoteRole) if item is not None else None

    def notes(self) -> list[Note]:
        """Notes shown for the current paragraph."""
        return [self.list.item(i).data(NoteRole) for i in range(self.list.count())]

    # ---- changes (each saved at once, each undoable) ----------------------
    def _changed(self) -> None:
        self.refresh()
        self.notes_changed.emit()

    def _report(self, message: str) -> None:
        self.error.emit(message)

    def add(
        self,
        body: str,
        tags: tuple[str, ...] = (),
        quote: str = "",
        span: tuple[int, int] | None = None,
    ) -> Note | None:
        """Save a note on the selected paragraph (optionally on some of its words:
        ``span`` where they were selected, else the first place ``quote`` occurs)."""
        if not body.strip() or self.version_id is None or self.paragraph is None:
            return None
        text = self.paragraph.text
        if span is None or not (0 <= span[0] < span[1] <= len(text)):
            span = find_quote(text, quote) if quote else None
        extra = {}
        if span is not None:
            extra = {
                "quote": self.paragraph.text[span[0] : span[1]],
                "start": span[0],
                "end": span[1],
            }
        try:
            note = self.library.add_note(
                self.version_id,
                self.paragraph.id,
                body.strip(),
                author=self.author(),
                tags=tags,
                **extra,
            )
        except DrafterError as exc:
            self._report(str(exc))
            return None
        self.undo_stack.push(AddNote(self.library, note, self._changed, self._report))
        self._select(note.id)
        return note

    def add_interactive(self) -> None:
        if not self.add_btn.isEnabled():
            return
        par = self.paragraph
        dlg = self.dialog_factory(
            self, f"Note on {par.label if par else ''}", paragraph_text=par.text if par else None
        )
        if dialogs.run_modal(dlg) == QDialog.DialogCode.Accepted:
            body, tags = dlg.values()
            self.add(body, tags, dlg.quoted(), span=dlg.span())

    def edit(
        self,
        note: Note,
        *,
        body: str | None = None,
        tags: tuple[str, ...] | None = None,
        status: NoteStatus | None = None,
        text: str = "Edit note",
    ) -> Note | None:
        try:
            after = self.library.update_note(note.id, body=body, tags=tags, status=status)
        except DrafterError as exc:
            self._report(str(exc))
            return None
        self.undo_stack.push(EditNote(self.library, note, after, self._changed, self._report, text))
        self._select(note.id)
        return after

    def edit_interactive(self) -> None:
        note = self.current_note()
        if note is None:
            return
        dlg = self.dialog_factory(self, "Edit note", note.body, note.tags)
        if dialogs.run_modal(dlg) == QDialog.DialogCode.Accepted:
            body, tags = dlg.values()
            if body and (body != note.body or tags != note.tags):
                self.edit(note, body=body, tags=tags)

    def toggle_resolved(self) -> None:
        note = self.current_note()
        if note is None:
            return
        resolved = note.status == NoteStatus.RESOLVED
        self.edit(
            note,
            status=NoteStatus.OPEN if resolved else NoteStatus.RESOLVED,
            text="Reopen note" if resolved else "Resolve note",
        )

    def delete_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        try:
            deleted = self.library.delete_note(note.id)
        except DrafterError as exc:
            self._report(str(exc))
            return
        self.undo_stack.push(DeleteNote(self.library, deleted, self._changed, self._report))

    def _select(self, note_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(NoteRole).id == note_id:
                self.list.setCurrentRow(i)
                return
