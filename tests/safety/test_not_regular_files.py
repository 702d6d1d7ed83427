"""Inputs that are not regular files: one line, exit 2, at once, nothing stored.

A FIFO would block the first read forever and a device would never end; a loop of
symbolic links and a vanished /proc entry must read as plainly as a missing file.
The library's own files (database, -wal, -shm) are refused as inputs and as notes
targets: this process must never open them except through SQLite.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.store import Library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")


@pytest.fixture
def lib_path(tmp_path: Path, samples: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.import_file(samples / "A_RES_68_4.md")
    return path


MISSING = ("file not found", "no such file", "No such file")  # each command's own words


def _odd_files(tmp_path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """name -> (path, what the message must say: one of these)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "loop-a.md").symlink_to(tmp_path / "loop-b.md")
    (tmp_path / "loop-b.md").symlink_to(tmp_path / "loop-a.md")
    return {
        "fifo": (str(fifo), ("named pipe (FIFO), not a regular file",)),
        "device": ("/dev/zero", ("is a device, not a regular file",)),
        "symlink loop": (str(tmp_path / "loop-a.md"), ("a loop of symbolic links",)),
        "missing under /proc": ("/proc/self/fd/987654", MISSING),
        "vanished process": (f"/proc/{2**22 + 7}/status", MISSING),
    }


COMMANDS = {
    "parse": lambda f, db: ["parse", f],
    "import": lambda f, db: ["import", "--db", db, f],
    "compare": lambda f, db: ["compare", f, f],
    "notes import": lambda f, db: ["notes", "import", "--db", db, f],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_odd_inputs_get_one_line_and_exit_2(tmp_path, lib_path, command, capsys) -> None:
    for name, (path, expected) in _odd_files(_fresh(tmp_path, command)).items():
        code = main(COMMANDS[command](path, str(lib_path)))
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert err.count("\n") == 1 and any(e in err for e in expected), (name, err)
        assert "Traceback" not in err
    with Library.open(lib_path) as lib:
        assert len(lib.versions()) == 1
        assert lib.integrity_check() == []


def _fresh(tmp_path: Path, command: str) -> Path:
    folder = tmp_path / command.replace(" ", "-")
    folder.mkdir()
    return folder


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_library_files_are_never_read_as_input(lib_path, suffix, capsys) -> None:
    own = f"{lib_path}{suffix}"
    with Library.open(lib_path) as lib:  # -wal and -shm exist while it is open
        assert Path(own).exists()
        for argv in (["import", "--db", str(lib_path), own],
                     ["notes", "import", "--db", str(lib_path), own],
                     ["notes", "export", "--db", str(lib_path), own]):  # fmt: skip
            assert main(argv) == 2
            err = capsys.readouterr().err
            assert "is the library database itself" in err and err.count("\n") == 1
        assert len(lib.versions()) == 1
    with Library.open(lib_path) as lib:
        assert lib.integrity_check() == []


def test_a_link_to_the_library_is_recognised(tmp_path, lib_path, capsys) -> None:
    link = tmp_path / "innocent.md"
    link.symlink_to(lib_path)
    assert main(["import", "--db", str(lib_path), str(link)]) == 2
    assert "is the library database itself" in capsys.readouterr().err


def test_a_fifo_or_folder_is_not_a_library(tmp_path, capsys) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    assert main(["library", "--db", str(tmp_path / "pipe.db")]) == 2
    assert "not a regular file" in capsys.readouterr().err
