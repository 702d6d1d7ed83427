"""The proposals window (issue 17): compilation, delegation filter, fate, notes, export."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "proposals"))

from PySide6.QtGui import QTextDocument
from test_fate_gold import PALESTINE, proposed

from drafter.compare import compare
from drafter.export import write_redline
from drafter.ingest import load

BASE = "negotiation/palestine-participation/A_80_L.2.txt"
NEXT = "negotiation/palestine-participation/A_RES_80_1.txt"


def test_proposals_window_compiles_filters_and_judges(
    make_window, empty_library, corpus, qtbot, tmp_path
):
    base = load(corpus / BASE)
    lib = empty_library
    base_id = lib.import_file(corpus / BASE).version.id
    next_id = lib.import_file(corpus / NEXT).version.id
    files = []
    for delegation, author, edits in PALESTINE:
        path = tmp_path / f"{delegation}.docx"
        changes = [e for e in edits if e[0] != "comment"]
        write_redline(compare(base, proposed(base, changes)), path, author=author)
        files.append(str(path))
    lib.set_delegation("Jean Dupont", "France")
    win = make_window(lib)
    win.show_proposals(base_id)
    pw = win.proposals_window
    assert "No proposals" in pw.summary.text()
    pw.add_files(files)
    qtbot.waitUntil(lambda: len(pw.proposals) == 18 or bool(win.errors), timeout=30000)
    assert not win.errors, win.errors
    assert pw.tree.topLevelItemCount() >= 8
    # Filter by delegation.
    pw.filter.setCurrentIndex(pw.filter.findText("France"))
    shown = [
        pw.tree.topLevelItem(i).child(j).text(1)
        for i in range(pw.tree.topLevelItemCount())
        for j in range(pw.tree.topLevelItem(i).childCount())
    ]
    assert shown and set(shown) == {"France"}
    pw.filter.setCurrentIndex(0)
    # The fate against A/RES/80/1, and the summary by delegation.
    pw.next_box.setCurrentIndex(pw.next_box.findData(next_id))
    rows = {pw.fates.item(r, 0).text(): pw.fates.item(r, 1).text() for r in range(pw.fates.rowCount())}
    assert rows["France"] == "100%" and rows["US delegate"] == "0%"
    # Details of a proposal, and a note on it.
    first = pw.tree.topLevelItem(0).child(0)
    pw.tree.setCurrentItem(first)
    details = pw.details.toPlainText()
    from drafter.gui.proposals_view import ProposalRole

    prop = first.data(0, ProposalRole)
    assert prop.summary() in details and str(prop.fate) in details and prop.source in details
    tip = QTextDocument()  # a delegation's words in a tooltip are text, never markup
    tip.setHtml(first.toolTip(0))
    assert tip.toPlainText().startswith(prop.summary())
    pw.note_button.click()
    assert any("On the proposal" in n.body for n in lib.notes(base_id))
    pw.export_to(str(tmp_path / "compilation.docx"))
    win.runner.wait(20000)
    qtbot.waitUntil((tmp_path / "compilation.docx").exists, timeout=20000)
    pw.grab().save(str(tmp_path / "proposals.png"))
