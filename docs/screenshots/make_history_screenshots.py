"""Regenerate the history view's screenshots (offscreen) from the real Cuba family.

    .venv/bin/python docs/screenshots/make_history_screenshots.py

A library is made in a temporary folder from ../shared/corpus/families/cuba-embargo
(A/RES/73/8 → A/80/L.6 → A/RES/80/4), with one note on OP 5 of 73/8 carried along;
the family's history window is opened as a user would (library panel → Show history)
and grabbed three times: the grid, a paragraph's biography, the origin of its wording.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = Path(os.environ.get("DRAFTER_CORPUS", ROOT.parent / "shared" / "corpus"))
CUBA = ("A_RES_73_8-EN.pdf", "A_80_L.6.txt", "A_RES_80_4.md")


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import drafter.gui  # noqa: F401  (PySide6 work-arounds first)
    from drafter.gui import themes
    from drafter.gui.app import _install_message_filter, grab_to
    from drafter.gui.history_model import StepRole
    from drafter.gui.history_window import open_history
    from drafter.gui.main_window import MainWindow
    from drafter.gui.settings import AUTHOR, Settings
    from drafter.store import Library

    app = QApplication.instance() or QApplication([])
    _install_message_filter()
    themes.apply_theme(app, "light", 0)

    def settle(seconds: float = 0.6) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Library.open(folder / "library.db") as library:
            first = library.import_file(CORPUS / "families" / "cuba-embargo" / CUBA[0])
            res = library.load_version(first.version_id)
            op5 = next(p.id for p in res.paragraphs if p.number == "5")
            library.add_note(
                first.version_id,
                op5,
                "Capital: the session number moves every year; no need to raise.",
                author="Delegation of Norway",
                tags=("routine",),
            )
            for name in CUBA[1:]:
                library.import_file(CORPUS / "families" / "cuba-embargo" / name)
            settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
            settings.set(AUTHOR, "Delegation of Norway")
            win = MainWindow(library, settings)
            win.resize(1440, 900)
            family = library.versions()[0].family_id
            hw = open_history(win, family)
            hw.resize(1400, 880)
            while hw.view is None:
                app.processEvents()
            view = hw.view
            settle()

            def select(version: int, label: str) -> None:
                for r in range(view.model.rowCount()):
                    step = view.model.index(r, version).data(StepRole)
                    if step is not None and step.label == label:
                        view.select_cell(r, version)
                        return
                raise SystemExit(f"no {label} in version {version}")

            select(1, "5")
            view.splitter.setSizes([560, 300])
            settle()
            grab_to(hw, str(HERE / "history-grid.png"))
            select(1, "PP 6")
            view.splitter.setSizes([300, 560])
            settle()
            grab_to(hw, str(HERE / "history-biography.png"))
            select(2, "PP 6")
            view.panes.setCurrentIndex(1)
            settle()
            grab_to(hw, str(HERE / "history-blame.png"))
            hw.close()
            win.runner.wait(10000)
            win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
