"""The real desktop app in its own process, for the lock-loss test.

Usage: python lock_app.py DB

Run from the library's folder. It opens the main window on DB, opens the import
dialog (which starts in the current folder, next to the library), waits until the
dialog has listed the folder and described its files, closes it with Esc, then prints
"ready". On a line "note" from stdin it adds a note through the notes panel and
prints "note <id>" once the app says it is saved; then it waits to be killed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QFileDialog

    from drafter.gui import app as gui_app
    from drafter.gui import settings as S
    from drafter.gui.qt_compat import later
    from drafter.store import Library

    app = QApplication.instance() or QApplication([])
    library = Library.open(sys.argv[1])
    qs = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = gui_app.create_window(library, S.Settings(qs))
    window.show()
    window.start([])

    seen: list[str] = []

    def close_dialog_when_listed(started: float = time.monotonic()) -> None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if shown and time.monotonic() - started > 2.5:
            seen.append(shown[0].directory().absolutePath())
            shown[0].reject()  # Esc
            return
        later(window, 50, lambda: close_dialog_when_listed(started))

    later(window, 0, close_dialog_when_listed)
    window.import_interactive()  # modal: returns when the dialog is closed
    print("ready", *seen, flush=True)
    if sys.stdin.readline().strip() != "note":
        return 1
    version = library.versions()[0]
    res = library.load_version(version.id)
    window.notes_panel.set_target(version.id, res.paragraphs[0], "lib")
    note = window.notes_panel.add("Keep this note")
    app.processEvents()
    print("note", note.id if note else "-", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
