"""No committed note is lost when the app's own process touches the library file.

SQLite's locks are POSIX advisory locks, owned by the process: if anything in the
app's process opens and closes the library file (Qt's file dialog sniffing its type,
a hash, a copy), the locks are silently dropped. The next process to close the
library then thinks it is the last one and removes the WAL, with the app's notes in
it ("How To Corrupt An SQLite Database File", section 2.2). This runs the real app
in its own process through exactly that sequence and kills it with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.store import Library

APP = Path(__file__).with_name("lock_app.py")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and SIGKILL")
def test_note_survives_dialog_other_process_and_sigkill(tmp_path: Path, samples: Path) -> None:
    folder = tmp_path / "lib folder"
    folder.mkdir()
    db = folder / "lib.db"
    with Library.open(db) as lib:
        lib.import_file(next(samples.glob("*.md")))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, str(APP), str(db)],
        cwd=folder,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None and app.stdin is not None
        ready = app.stdout.readline().rstrip("\n")
        # The import dialog was shown on the library's folder, and closed.
        assert ready == f"ready {folder}", ready + app.stderr.read()
        # Another process opens and closes the library (the CLI, a colleague's script).
        other = subprocess.run(
            [sys.executable, "-m", "drafter", "library", "--db", str(db)],
            cwd=folder,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        app.stdin.write("note\n")
        app.stdin.flush()
        said = app.stdout.readline().split()
        assert said[0] == "note" and said[1] != "-", said
        # The note is visible to another process while the app runs...
        with Library.open(db) as lib:
            assert said[1] in {n.id for n in lib.notes(lib.versions()[0].id)}
    finally:
        app.send_signal(signal.SIGKILL)
        app.communicate(timeout=30)
    # ...and still there after the app was killed.
    with Library.open(db) as lib:
        assert lib.integrity_check() == []
        notes = lib.notes(lib.versions()[0].id)
    assert [n.body for n in notes if n.id == said[1]] == ["Keep this note"]


def test_file_dialogs_describe_files_by_name_only(tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileDialog

    from drafter.gui import file_dialogs

    disguised = tmp_path / "report.docx"
    disguised.write_bytes(b"%PDF-1.4\n% a PDF under a Word name\n")
    with Library.open(tmp_path / "lib.db"):
        pass
    provider = file_dialogs.NameOnlyIconProvider()
    assert "PDF" not in provider.type(QFileInfo(str(disguised)))  # sniffing would say PDF
    assert "SQLite" not in provider.type(QFileInfo(str(tmp_path / "lib.db")))
    assert not provider.icon(QFileInfo(str(disguised))).isNull()
    dialog = file_dialogs._dialog(None, "Import", str(tmp_path), "All files (*)")
    qtbot.addWidget(dialog)
    if sys.platform != "win32":
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert isinstance(dialog.iconProvider(), file_dialogs.NameOnlyIconProvider)
