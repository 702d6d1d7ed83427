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
    # the window shows text, not a blank: several distinct colours (text, links, panels)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 8
    assert db.is_file()
    # first run: the samples are not put into the user's library (they have a demo one)
    from drafter.store import Library

    with Library.open(db) as lib:
        assert lib.versions() == []
    assert not (tmp_path / "demo-library.db").exists()


def test_screenshot_of_files(tmp_path, samples):
    out = tmp_path / "shot.png"
    files = [str(samples / "A_RES_67_219.pdf.txt"), str(samples / "A_RES_68_4.md")]
    proc = _run(["--db", str(tmp_path / "lib.db"), "--screenshot", str(out), *files], tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 50  # two texts side by side, links highlighted


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
    assert shown == [
        "the library is locked",
        "Unexpected problem inside Drafter (bad value); the details were logged. Please report it.",
    ]


def test_screenshot_targets_that_cannot_be_written_end_with_one_line(tmp_path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    db = str(tmp_path / "lib.db")
    for target, why in (
        (fifo, "is a named pipe"),
        (blocker / "x.png", "part of its folder path is a file"),
        ("/dev/full", "is a device"),
    ):
        proc = _run(["--db", db, "--screenshot", str(target)], tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and why in proc.stderr, proc.stderr
        assert "Unexpected" not in proc.stderr
    assert fifo.is_fifo()


_LATE_FAILURE = """
import sys
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.gui import app

def full_disk(path, write, **kw):
    raise DrafterError(f"cannot write {path}: No space left on device")

app.write_atomic = full_disk
sys.exit(main(sys.argv[1:]))
"""


def test_a_screenshot_that_fails_late_still_exits(tmp_path):
    """The save fails after the window is up (disk full, folder gone): exit 2, not hang."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    out = tmp_path / "x.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _LATE_FAILURE,
            "--db",
            str(tmp_path / "lib.db"),
            "--screenshot",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"drafter: cannot write {out}: No space left on device\n"
    assert not out.exists()


def test_screenshot_at_a_given_size_and_theme(tmp_path, seeded_db):
    import shutil

    db = tmp_path / "lib.db"
    shutil.copy(seeded_db, db)
    out = tmp_path / "small-dark.png"
    args = ["--db", str(db), "--screenshot", str(out), "--size", "1024x700", "--theme", "dark"]
    proc = _run(args, tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    # dark: most of the window is dark (sampled over a grid)
    pixels = [image.pixelColor(x, y) for x in range(0, 1024, 16) for y in range(0, 700, 16)]
    assert sum(p.lightness() < 100 for p in pixels) > 0.6 * len(pixels)


def test_bad_size_is_a_one_line_message(tmp_path):
    proc = _run(["--screenshot", str(tmp_path / "x.png"), "--size", "big"], tmp_path)
    assert proc.returncode == 2
    assert "is not a size like 1024x700" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.png").exists()
