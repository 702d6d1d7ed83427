"""The settings exports rely on: who signs tracked changes, and the one "ignore" setting.

Tracked changes are signed "Name (Delegation)" from the settings, never with the
operating system's login; the ignore choices made in Settings re-compare the open
tabs, and an export renders exactly what the screen shows.
"""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from PySide6.QtWidgets import QLabel

from drafter.compare import Ignore
from drafter.gui import settings as S
from drafter.gui.export_dialog import ExportDialog
from drafter.gui.loading import VERSIONS
from drafter.gui.settings_dialog import SettingsDialog


def test_tracked_changes_are_signed_from_the_settings(settings, qtbot):
    assert settings.export_author == "Drafter"  # not the login ("root")
    dlg = SettingsDialog(settings)
    qtbot.addWidget(dlg)
    dlg.author.setText("A. Delegate")
    dlg.delegation.setText("Delegation of Norway")
    dlg.ignore.boxes["quotes"].setChecked(False)
    dlg.ignore.boxes["whitespace"].setChecked(True)
    dlg.save()
    assert settings.export_author == "A. Delegate (Delegation of Norway)"
    assert settings.ignore == Ignore(hyphens=True, quotes=False, whitespace=True)
    settings.set(S.AUTHOR, "")
    assert settings.export_author == "Delegation of Norway"


def test_the_file_label_is_a_mnemonic_not_an_ampersand(qtbot):
    dlg = ExportDialog(None, old_name="A/80/L.4", new_name="A/RES/80/3", folder="")
    qtbot.addWidget(dlg)
    label = next(w for w in dlg.findChildren(QLabel) if w.text() == "&File:")
    assert label.buddy() is dlg.path  # shown as "File:" with F underlined


def test_ignore_setting_serves_screen_and_export(make_window, library, settings, qtbot, tmp_path):
    specs = [s for s in library.sample_specs if s.mode == VERSIONS]
    settings.set(S.LAST_TABS, [s.to_str() for s in specs])
    win = make_window(library)
    assert win.workspace.result().ignore == ("hyphens", "quotes")  # the default
    settings.set(S.IGNORE, "numbering")
    win.apply_settings()
    qtbot.waitUntil(lambda: win.workspace.result().ignore == ("numbering",), timeout=30000)
    from drafter.gui import loading

    result = win.workspace.result()
    out = loading.export(
        "redline", result, tmp_path / "r.docx", (), (), settings.export_author, lambda *a: None
    )
    body = docx.Document(str(out)).element.body
    cover = "".join(t.text or "" for t in body.iter(qn("w:t")))
    assert "Differences ignored in this comparison: numbering" in cover
    assert {el.get(qn("w:author")) for el in body.iter(qn("w:ins"))} <= {"Drafter"}
    assert not win.errors
