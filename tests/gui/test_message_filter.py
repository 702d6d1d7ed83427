"""The app drops the offscreen plugin's size-hint chatter, and nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning

from drafter.gui.app import _HARMLESS_QT_MESSAGES, _install_message_filter


@pytest.mark.qt_log_ignore("a real problem")
def test_harmless_message_dropped_real_warning_still_reported(qtlog) -> None:
    _install_message_filter()
    qWarning(_HARMLESS_QT_MESSAGES[0])
    qWarning("a real problem")
    # pytest-qt's handler sits behind ours: it sees the real warning (so tests still
    # fail on Qt warnings) and never the harmless one.
    messages = [r.message for r in qtlog.records]
    assert "a real problem" in messages
    assert _HARMLESS_QT_MESSAGES[0] not in messages
