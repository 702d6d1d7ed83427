"""Export from the window: the dialog, then the Word file written in the background,
then a message with "Open folder". Functions over the main window (``window``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QDialog

from drafter.errors import DrafterError

from . import dialogs, loading
from . import settings as S
from .export_dialog import ExportDialog
from .loading import TabSpec
from .related_view import RelatedView


def export_interactive(window) -> None:
    """Ask what to export (dialog), then run it."""
    spec = window.workspace.current_spec()
    result = window.workspace.result()
    if spec is None or result is None:
        dialogs.show_error(window, "Export", "Open a comparison first.")
        return
    old_name, new_name = window.workspace.names(spec)
    dlg = ExportDialog(
        window,
        old_name=old_name,
        new_name=new_name,
        folder=window.settings.get(S.EXPORT_DIR),
        related=isinstance(window.workspace.current_view(), RelatedView),
    )
    if dialogs.run_modal(dlg) != QDialog.DialogCode.Accepted:
        return
    request = dlg.request()
    if request is None:
        dialogs.show_error(window, "Export", "Choose a file to export to.")
        return
    run_export(window, request, spec, result)


def run_export(window, request, spec: TabSpec, result) -> None:
    """Gather the notes on the UI thread, write the file in the background."""
    old_notes, new_notes = (), ()
    if request.with_notes:
        try:
            # orphaned notes too: the export puts them at their last known place
            old_notes = tuple(window.library.notes(spec.old_id))
            new_notes = tuple(window.library.notes(spec.new_id))
        except DrafterError as exc:
            dialogs.show_error(window, "Export", str(exc))
            return
    window.settings.set(S.EXPORT_DIR, str(request.path.parent))
    window.runner.run(
        "Exporting",
        partial(
            loading.export,
            request.kind,
            result,
            request.path,
            old_notes,
            new_notes,
            window.settings.export_author,
        ),
        on_done=partial(_exported, window),
    )


def _exported(window, path: Path) -> None:
    window.last_export = path
    window.statusBar().showMessage(f"Exported {path}", 10000)
    dialogs.show_exported(window, path)
