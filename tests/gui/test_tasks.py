"""The background helper: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from drafter.errors import IngestError
from drafter.gui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    owner = QWidget()  # as in the app: the runner belongs to the window
    qtbot.addWidget(owner)
    run = TaskRunner(owner)
    yield run
    run.wait(5000)


def test_result_progress_and_busy(qtbot, runner):
    main = threading.get_ident()
    seen: dict = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half way")
        return 42

    def done(result):
        seen["done_thread"] = threading.get_ident()
        seen["result"] = result

    progress = []
    runner.progress.connect(lambda title, d, t, text: progress.append((title, d, t, text)))
    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.run("Counting", work, on_done=done)
        assert runner.busy
    assert seen["result"] == 42 and seen["done_thread"] == main and seen["worker"] != main
    assert progress == [("Counting", 1, 2, "half way")]


def test_errors_are_plain_messages(qtbot, runner):
    errors = []
    runner.error.connect(lambda title, msg: errors.append((title, msg)))

    def user_error(progress):
        raise IngestError("x.pdf", "no text layer (a scanned image?)")

    def bug(progress):
        raise KeyError("oops")

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.run("Importing", user_error)
        runner.run("Comparing", bug)
    assert ("Importing", "x.pdf: no text layer (a scanned image?)") in errors
    assert any(
        t == "Comparing"
        and m.startswith("Unexpected problem inside Drafter (oops)")
        and "KeyError" not in m
        for t, m in errors
    )
    own = []
    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.run("Own", user_error, on_error=own.append)
    assert own == ["x.pdf: no text layer (a scanned image?)"]
