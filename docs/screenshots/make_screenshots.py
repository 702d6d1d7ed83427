"""Regenerate the screenshots in this folder from the bundled samples (offscreen).

    .venv/bin/python docs/screenshots/make_screenshots.py

main-window.png, versions-mode.png and the small-window shots are made exactly as a
user would, with ``drafter --screenshot [--size WxH] [--theme dark]``; the others
drive the same window a little further (dark theme, redline view, notes and a
library search, the notes overview, the first launch of an empty library).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "resources" / "samples"


def cli_shot(out: Path, db: Path, *files: Path, options: tuple[str, ...] = ()) -> None:
    cmd = [sys.executable, "-m", "drafter", "--db", str(db), "--screenshot", str(out), *options]
    subprocess.run([*cmd, *map(str, files)], check=True)


def seed(db: Path) -> None:
    """The bundled samples in a library, as the demo library holds them."""
    from drafter.gui import loading
    from drafter.store import Library

    with Library.open(db) as library:
        loading.seed_samples(library, db.parent, lambda *a: None)


def window_shots(db: Path, folder: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import drafter.gui  # noqa: F401  (PySide6 work-arounds first)
    from drafter.gui import themes
    from drafter.gui.app import _install_message_filter, grab_to
    from drafter.gui.main_window import MainWindow
    from drafter.gui.settings import AUTHOR, Settings
    from drafter.store import Library

    app = QApplication.instance() or QApplication([])
    _install_message_filter()  # the offscreen plugin's size-hint chatter

    def settle(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()

    def window(theme: str) -> MainWindow:
        themes.apply_theme(app, theme, 0)
        settings = Settings(QSettings(str(folder / f"{theme}.ini"), QSettings.Format.IniFormat))
        settings.set(AUTHOR, "Delegation of Norway")
        win = MainWindow(library, settings)
        win.resize(1440, 900)
        win.show()
        done: list[int] = []
        win.loading_finished.connect(lambda: done.append(1))
        win.start([])
        while not done:
            app.processEvents()
        return win

    with Library.open(db) as library:
        win = window("dark")  # no saved session: opens the draft -> adopted versions
        win.workspace.current_view().show_example()
        settle()
        grab_to(win, str(HERE / "dark-theme.png"))
        win.close()

        win = window("light")
        view = win.workspace.current_view()
        view.show_example()
        view.set_redline(True)
        settle()
        grab_to(win, str(HERE / "redline-view.png"))
        view.set_redline(False)
        for _ in range(4):
            view.next_change()
        par = win.notes_panel.paragraph
        win.notes_panel.add(
            "Capital prefers the draft wording here; raise in informals.", ("red-line", "capital")
        )
        win.notes_panel.add(
            "Co-facilitators' compromise text, agreed ad ref.",
            ("agreed",),
            quote=" ".join(par.text.split()[2:5]),
        )
        win.search_dock.raise_()
        win.search_panel.search("orderly and regular migration")
        settle()
        grab_to(win, str(HERE / "notes-and-search.png"))
        win.actions_all_notes.trigger()
        win.change_list_dock.raise_()
        settle()
        grab_to(win, str(HERE / "notes-overview.png"))
        win.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cli_shot(HERE / "first-launch.png", tmp_path / "empty.db")
        related = (SAMPLES / "A_RES_67_219.pdf.txt", SAMPLES / "A_RES_68_4.md")
        cli_shot(HERE / "main-window.png", tmp_path / "related.db", *related)
        versions = (SAMPLES / "A_68_L5_draft_illustrative.md", SAMPLES / "A_RES_68_4.md")
        cli_shot(HERE / "versions-mode.png", tmp_path / "files.db", *versions)
        for theme in ("light", "dark"):
            cli_shot(
                HERE / f"small-window-{theme}.png",
                tmp_path / "files.db",
                options=("--size", "1024x700", "--theme", theme),
            )
        seed(tmp_path / "samples.db")
        window_shots(tmp_path / "samples.db", tmp_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
