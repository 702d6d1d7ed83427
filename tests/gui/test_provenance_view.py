"""The agreed-language window (issue 16): tinted spans, sources, citing, opening, report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument


def _version(library, symbol: str) -> int:
    return next(v.id for v in library.versions() if v.symbol == symbol and v.stage == "adopted")


def test_agreed_language_window_on_the_68_4_declaration(
    make_window, library, qtbot, tmp_path: Path
):
    win = make_window(library)
    vid = _version(library, "A/RES/68/4")
    win.show_provenance(vid)
    pw = win.provenance_window
    qtbot.waitUntil(lambda: pw.model is not None, timeout=30000)
    assert "% agreed language" in pw.summary.text()
    # OP 4 of the Declaration repeats words of 67/219 ("migration presents to countries of
    # origin, transit and destination"): its sources name 67/219, never the zero draft.
    row = next(i for i, p in enumerate(pw.result.paragraphs) if p.number == "4")
    pw.select_row(row)
    top = pw.sources.topLevelItem(0)
    assert top is not None and "countries of origin, transit and destination" in top.text(0)
    cited = [top.child(i).text(0) for i in range(top.childCount())]
    assert any(c.startswith("A/RES/67/219") for c in cited), cited
    assert all("zero draft" not in c for c in cited)
    # tooltips quote the text as text (escaped into markup that shows it verbatim)
    doc = QTextDocument()
    doc.setHtml(top.toolTip(0))
    assert "countries of origin, transit and destination" in doc.toPlainText()
    doc.setHtml(pw.model.data(pw.model.index(row, 0), Qt.ItemDataRole.ToolTipRole))
    assert doc.toPlainText().startswith("OP 4: ") and "% agreed language" in doc.toPlainText()
    html = pw.model.data(pw.model.index(row, 0), Qt.ItemDataRole.UserRole + 1)
    assert "background-color" in html and "<u>" in html  # agreed tinted, new marked
    pw.mark_box.setCurrentIndex(1)  # new language only
    html = pw.model.data(pw.model.index(row, 0), Qt.ItemDataRole.UserRole + 1)
    assert "<u>" in html and "background-color:" + pw.model.colors.phrase_bg not in html
    # The source paragraph reads in the preview; "Cite in a note" stores a note.
    assert "migration" in pw.preview.toPlainText()
    assert pw.cite_button.isEnabled()
    pw.cite_button.click()
    notes = library.notes(vid)
    assert any("A/RES/67/219" in n.body and "agreed language" in n.tags for n in notes)
    # Opening the source shows that paragraph in a comparison tab.
    with qtbot.waitSignal(pw.open_paragraph):
        pw.open_button.click()
    qtbot.waitUntil(lambda: win.workspace.current_spec() is not None, timeout=30000)
    # The Word report.
    out = tmp_path / "report.docx"
    pw.export_to(str(out))
    win.runner.wait(20000)
    qtbot.waitUntil(out.exists, timeout=20000)
    qtbot.wait(300)  # idle-time row heights
    pw.grab().save(str(tmp_path / "provenance.png"))
