"""Export targets: only a new or a regular file; nothing left behind by a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.errors import ExportError, StoreError
from drafter.export import write_clean
from drafter.store import Library

_SLOW_EXPORT = """
import sys, time
from pathlib import Path
import drafter.files as files
from drafter.export.save import save_atomic
if sys.argv[2] == "named":  # a platform without unnamed temporaries
    files._unnamed_temporary = lambda folder: None
class Slow:
    def save(self, fh):
        fh.write(b"PK half a Word file")
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
save_atomic(Slow(), sys.argv[1])
"""


def _specials(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    real = tmp_path / "real.docx"
    real.write_bytes(b"keep me")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    return {"named pipe": fifo, "symbolic link": link, "device": Path("/dev/full")}


def test_exports_refuse_devices_pipes_and_links(res_68_4, tmp_path: Path) -> None:
    for why, target in _specials(tmp_path).items():
        with pytest.raises(ExportError, match=why) as err:
            write_clean(res_68_4, target)
        assert "\n" not in str(err.value)
    assert (tmp_path / "pipe.docx").is_fifo() and (tmp_path / "link.docx").is_symlink()
    assert (tmp_path / "real.docx").read_bytes() == b"keep me"
    assert Path("/dev/full").is_char_device()


def test_notes_export_refuses_them_too(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTER_DB", str(tmp_path / "lib.db"))
    with Library.open(tmp_path / "lib.db") as lib:
        for why, target in _specials(tmp_path).items():
            with pytest.raises(StoreError, match=why):
                lib.export_notes(target)
    assert main(["notes", "export", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert err == "drafter: /dev/full: is a device, not a regular file; nothing was written\n"
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("kind", ["unnamed", "named"])
def test_a_kill_during_an_export_leaves_nothing_behind(res_68_4, tmp_path: Path, kind) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(target), kind],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "writing"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "out.docx")
    assert target.read_bytes() == b"previous export"
    if kind == "unnamed":  # Linux: the temporary never had a name
        assert left == []
    else:  # elsewhere: a named temporary of a dead process, removed at the next export
        assert len(left) == 1 and left[0].startswith(".out.docx.")
    old_style = tmp_path / ".out.k2j4h1.docx.tmp"  # what earlier versions left
    old_style.write_bytes(b"PK stale")
    os.utime(old_style, (time.time() - 3600, time.time() - 3600))
    write_clean(res_68_4, target)
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]
    assert target.read_bytes()[:2] == b"PK"


def test_a_running_exports_temporary_is_not_taken_for_stale(res_68_4, tmp_path: Path) -> None:
    mine = tmp_path / f".out.docx.{os.getpid()}.abcdefgh.tmp"
    mine.write_bytes(b"in progress")
    fresh = tmp_path / ".out.zzzz.docx.tmp"  # old-style, but written just now
    fresh.write_bytes(b"in progress")
    write_clean(res_68_4, tmp_path / "out.docx")
    assert mine.exists() and fresh.exists()


def test_a_terminated_command_removes_its_temporary(tmp_path: Path) -> None:
    script = _SLOW_EXPORT.replace(
        "save_atomic(Slow(), sys.argv[1])",
        "from drafter.cli import _exit_cleanly_on_sigterm\n"
        "_exit_cleanly_on_sigterm()\n"
        "try:\n    save_atomic(Slow(), sys.argv[1])\nexcept KeyboardInterrupt:\n    sys.exit(130)",
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "out.docx"), "named"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "writing"
    proc.terminate()
    assert proc.wait(30) == 130
    assert list(tmp_path.iterdir()) == []
