"""GUI test fixtures: a temporary library and temporary QSettings per test.

Tests never touch the user's files: the library is a database under tmp_path and
settings are an INI file there too. The offscreen platform's harmless
"propagateSizeHints" notice is ignored; every other Qt warning fails the test.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from handmade import make_comparison

GUI_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True)
def _ui_thread_gc(qapp):
    """As in the application: cyclic garbage is collected on the UI thread only.

    Per GUI test, so that the tests outside tests/gui keep Python's automatic collector.
    """
    from drafter.gui.ui_thread_gc import UiThreadCollector

    collector = UiThreadCollector(qapp)
    yield collector
    collector.stop()
    collector.setParent(None)  # freed here, not left among the application's children


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from drafter.gui.settings import Settings

    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s = Settings(q)
    yield s
    q.sync()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """A library with the bundled samples, made once per session; tests copy it."""
    from drafter.gui import loading
    from drafter.store import Library

    folder = tmp_path_factory.mktemp("seeded")
    path = folder / "library.db"
    with Library.open(path) as lib:
        specs = loading.seed_samples(lib, folder, lambda *a: None)
    (folder / "specs.txt").write_text("\n".join(s.to_str() for s in specs))
    return path


@pytest.fixture
def library(tmp_path, seeded_db):
    """An open library (a copy of the seeded one); ``library.specs`` are the sample tabs."""
    from drafter.gui.loading import TabSpec
    from drafter.store import Library

    path = tmp_path / "library.db"
    shutil.copy(seeded_db, path)
    lib = Library.open(path)
    lib.sample_specs = [
        TabSpec.parse(t) for t in (seeded_db.parent / "specs.txt").read_text().split()
    ]
    yield lib
    lib.close()


@pytest.fixture
def empty_library(tmp_path):
    from drafter.store import Library

    lib = Library.open(tmp_path / "empty.db")
    yield lib
    lib.close()


@pytest.fixture
def handmade():
    return make_comparison


@pytest.fixture
def make_window(qtbot, settings):
    """Build a MainWindow over a library; closes it (waiting for its tasks) afterwards."""
    from drafter.gui import dialogs
    from drafter.gui.main_window import MainWindow

    made = []
    errors: list[tuple[str, str]] = []

    def capture(parent, title, message):
        errors.append((title, message))

    orig = dialogs.show_error
    dialogs.show_error = capture

    def make(library, *, start=True, files=None):
        win = MainWindow(library, settings)
        win.errors = errors
        qtbot.addWidget(win)
        win.resize(1300, 850)
        win.show()
        if start:
            with qtbot.waitSignal(win.loading_finished, timeout=30000):
                win.start(files)
        made.append(win)
        return win

    yield make
    dialogs.show_error = orig
    for win in made:
        win.runner.wait(20000)
