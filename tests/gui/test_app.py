"""``drafter --screenshot`` end to end (a subprocess, as the README's images are made),
and start-up errors reported plainly."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def _run(args, tmp_path, **env):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), **env}
    full_env.pop("DRAFTER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        cwd=tmp_path,
    )


def test_screenshot_of_first_run(tmp_path):
    out = tmp_path / "shot.png"
    db = tmp_path / "lib.db"
    proc = _run(["--db", str(db), "--screenshot", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 800
    # the window shows text, not a blank: many distinct colours (text, highlights)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 50
    assert db.is_file()


def test_bad_library_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("this is not a database " * 50)
    proc = _run(["--db", str(bad), "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("drafter: ") and "Traceback" not in proc.stderr


def test_uncaught_errors_become_plain_dialogs(monkeypatch):
    from drafter.errors import StoreError
    from drafter.gui import app, dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, msg: shown.append(msg))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app._install_excepthook(lambda: None)
    sys.excepthook(StoreError, StoreError("the library is locked"), None)
    sys.excepthook(ValueError, ValueError("bad value"), None)
    assert shown == ["the library is locked", "Unexpected problem inside Drafter (bad value); the details were logged. Please report it."]
