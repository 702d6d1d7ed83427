"""Undoable note changes (QUndoStack commands) over the store.

Why the store call happens before the push: a failing store call must become an
error dialog, not an exception inside Qt's ``redo()``. So the first ``redo`` is a
no-op (the change is already saved); later undo/redo calls are guarded and
report failures through ``on_error``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from drafter.errors import DrafterError, unexpected
from drafter.model import Note

Changed = Callable[[], None]
Report = Callable[[str], None]


class _NoteCommand(QUndoCommand):
    def __init__(self, library, text: str, changed: Changed, on_error: Report) -> None:
        super().__init__(text)
        self.library = library
        self.changed = changed
        self.on_error = on_error
        self._first = True

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except DrafterError as exc:
            self.on_error(str(exc))
        except Exception as exc:  # a store bug must not take the window down
            self.on_error(unexpected(exc))
        self.changed()

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.changed()
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddNote(_NoteCommand):
    def __init__(self, library, note: Note, changed: Changed, on_error: Report) -> None:
        super().__init__(library, "Add note", changed, on_error)
        self.note = note

    def _redo(self) -> None:
        self.library.restore_note(self.note)

    def _undo(self) -> None:
        self.library.delete_note(self.note.id)


class DeleteNote(_NoteCommand):
    def __init__(self, library, deleted: Note, changed: Changed, on_error: Report) -> None:
        super().__init__(library, "Delete note", changed, on_error)
        self.note = deleted

    def _redo(self) -> None:
        self.library.delete_note(self.note.id)

    def _undo(self) -> None:
        self.library.restore_note(self.note)


class EditNote(_NoteCommand):
    """Body, tags or status change; keeps the values before and after."""

    def __init__(
        self,
        library,
        before: Note,
        after: Note,
        changed: Changed,
        on_error: Report,
        text: str = "Edit note",
    ) -> None:
        super().__init__(library, text, changed, on_error)
        self.before, self.after = before, after

    def _apply(self, note: Note) -> None:
        self.library.update_note(note.id, body=note.body, tags=note.tags, status=note.status)

    def _redo(self) -> None:
        self._apply(self.after)

    def _undo(self) -> None:
        self._apply(self.before)


class CarryNotes(_NoteCommand):
    """Notes carried forward to a new version: undo removes the copies (the old
    version's notes are untouched either way); redo puts them back."""

    def __init__(self, library, report, changed: Changed, on_error: Report) -> None:
        n = len(report.carried) + len(report.orphaned)
        super().__init__(
            library, f"Carry {n} note{'s' if n != 1 else ''} forward", changed, on_error
        )
        self.notes = (*report.carried, *report.orphaned)

    def _redo(self) -> None:
        for note in self.notes:
            self.library.restore_note(note)

    def _undo(self) -> None:
        for note in self.notes:
            self.library.delete_note(note.id)
