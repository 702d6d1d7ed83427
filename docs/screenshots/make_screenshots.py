"""Regenerate the screenshots in this folder from the bundled samples (offscreen).

    .venv/bin/python docs/screenshots/make_screenshots.py

main-window.png and versions-mode.png are made exactly as a user would, with
``drafter --screenshot``; the others drive the same window a little further
(dark theme, redline view, notes and a library search, related mode stepping
through one paragraph's links). ``--only NAME.png ...`` remakes only those.
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


def cli_shot(out: Path, db: Path, *files: Path) -> None:
    cmd = [sys.executable, "-m", "drafter", "--db", str(db), "--screenshot", str(out)]
    subprocess.run([*cmd, *map(str, files)], check=True)


def window_shots(db: Path, folder: Path, wanted) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import drafter.gui  # noqa: F401  (PySide6 work-arounds first)
    from drafter.gui import themes
    from drafter.gui.app import _install_message_filter, grab_to
    from drafter.gui.loading import RELATED, TabSpec
    from drafter.gui.main_window import MainWindow
    from drafter.gui.settings import AUTHOR, LAST_TABS, Settings
    from drafter.store import Library

    app = QApplication.instance() or QApplication([])
    _install_message_filter()  # the offscreen plugin's size-hint chatter

    def settle(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()

    def window(theme: str, tabs=()) -> MainWindow:
        themes.apply_theme(app, theme, 0)
        ini = folder / f"{theme}{'-tabs' if tabs else ''}.ini"
        settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
        settings.set(AUTHOR, "Delegation of Norway")
        if tabs:
            settings.set(LAST_TABS, [t.to_str() for t in tabs])
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
        if wanted("related-links.png"):
            ids = {v.symbol: v.id for v in library.versions()}
            win = window("light", [TabSpec(RELATED, ids["A/RES/67/219"], ids["A/RES/68/4"])])
            view = win.workspace.current_view()
            old = next(p for p in view.relation.old.paragraphs if p.number == "3(c)(iv)")
            view.select_paragraph("old", old.id)
            settle()
            for _ in range(2):  # Alt+Down twice: past the line, to a weak link
                view.next_link()
            settle()
            grab_to(win, str(HERE / "related-links.png"))
            win.close()
        if not wanted("dark-theme.png"):
            return
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
        win.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    only = set(args[args.index("--only") + 1 :]) if "--only" in args else set()

    def wanted(name: str) -> bool:
        return not only or name in only

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if wanted("main-window.png") or not only:
            cli_shot(HERE / "main-window.png", tmp_path / "first-run.db")
        if wanted("versions-mode.png"):
            cli_shot(
                HERE / "versions-mode.png",
                tmp_path / "files.db",
                SAMPLES / "A_68_L5_draft_illustrative.md",
                SAMPLES / "A_RES_68_4.md",
            )
        if only - {"main-window.png", "versions-mode.png"} or not only:
            if not (tmp_path / "first-run.db").exists():
                cli_shot(tmp_path / "unused.png", tmp_path / "first-run.db")
            window_shots(tmp_path / "first-run.db", tmp_path, wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
