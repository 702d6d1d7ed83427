"""Hostile names and absurd paragraphs: shown verbatim, painted in bounded time."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from drafter.gui.comparison_model import NEW, ComparisonModel, HtmlRole
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.dialogs import show_error as real_show_error
from drafter.gui.rich_text import MAX_RUN, MAX_SHOWN
from drafter.model import (
    EQUAL,
    Comparison,
    Footnote,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)

HOSTILE = "<img src=red.png>.pdf"


def _shown(markup: str) -> str:
    """What a user reads when Qt renders ``markup`` (a tooltip, a question)."""
    doc = QTextDocument()
    doc.setHtml(markup)
    return doc.toPlainText()


def _red_png(folder) -> None:
    img = QImage(200, 200, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    img.save(str(folder / "red.png"))


def test_an_import_error_shows_a_hostile_file_name_verbatim(
    make_window, empty_library, tmp_path, qtbot, monkeypatch
) -> None:
    _red_png(tmp_path)  # what the name would show if it were read as markup
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / HOSTILE
    bad.write_bytes(b"%PDF-1.4 not really a PDF")
    win = make_window(empty_library, start=False)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=30000, check_params_cb=lambda b: not b):
        win.import_paths([str(bad)])
    ((title, text),) = win.errors
    assert HOSTILE in text
    box = real_show_error(win, title, text)
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert label.textFormat() == Qt.TextFormat.PlainText and HOSTILE in label.text()
    box.grab()  # rendered: as text, the name is as wide as its letters, not an image
    assert label.sizeHint().width() >= QFontMetrics(label.font()).horizontalAdvance(HOSTILE)
    box.done(0)


def test_tooltips_and_questions_show_document_text_verbatim(
    make_window, empty_library, tmp_path, monkeypatch
) -> None:
    src = tmp_path / "<b>bold.md"
    src.write_text("The General Assembly,\n\n1. Decides to meet again;\n", encoding="utf-8")
    empty_library.import_file(src)
    win = make_window(empty_library, start=False)
    win.library_panel.set_contents(empty_library.families(), empty_library.versions())
    tips = []
    model = win.library_panel.tree.model()
    for r in range(model.rowCount()):
        fam = model.index(r, 0)
        tips.append(model.data(fam, Qt.ItemDataRole.ToolTipRole) or "")
        for c in range(model.rowCount(fam)):
            tips.append(model.data(model.index(c, 0, fam), Qt.ItemDataRole.ToolTipRole) or "")
    assert any("from <b>bold.md" in _shown(t) for t in tips), tips
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.No
        ),
    )
    (version,) = empty_library.versions()
    win.library_panel.ask_remove(version.id)
    assert version.display_name in _shown(asked[0]) and "<b>" in _shown(asked[0])


def _absurd_comparison(word_len: int) -> Comparison:
    text = "Decides " + "x" * word_len + " and more"
    par = Paragraph(0, ParaKind.OPERATIVE, "1", text, footnotes=("1",))
    res = Resolution("A/RES/1/1", None, None, (par,), footnotes=(Footnote("1", HOSTILE),))
    return Comparison(res, res, (Pair(PairKind.UNCHANGED, (0,), (0,), 1.0, ((EQUAL, text),)),))


def test_a_paragraph_that_is_one_huge_word_is_cut_for_display(qtbot) -> None:
    cmp = _absurd_comparison(5_000_000)
    model = ComparisonModel(cmp)
    html = model.data(model.index(0, NEW), HtmlRole)
    assert len(html) < MAX_SHOWN and "x" * MAX_RUN in html and "x" * (MAX_RUN + 1) not in html
    assert "[4,999,600 more characters]" in _shown(html) and "and more" in _shown(html)
    assert _shown(model.data(model.index(0, NEW), Qt.ItemDataRole.ToolTipRole)) == f"[1] {HOSTILE}"
    view = ComparisonView(cmp)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    t0 = time.perf_counter()
    view.grab()  # paints the row; froze (and took GBs) before the cut
    assert time.perf_counter() - t0 < 20


def test_a_long_text_of_ordinary_words_is_cut_at_a_bound() -> None:
    from drafter.gui import rich_text
    from drafter.gui.themes import LIGHT

    par = Paragraph(0, ParaKind.OPERATIVE, "1", "word " * 100_000)
    html = rich_text.paragraph_html(par, ((EQUAL, par.text),), LIGHT)
    assert len(html) < 2 * MAX_SHOWN and "400,000 more characters not shown" in _shown(html)


def test_titles_in_labels_are_text_not_markup(qtbot) -> None:
    from drafter.gui.related_view import RelatedView
    from drafter.model import Relation

    par = Paragraph(0, ParaKind.OPERATIVE, "1", "Decides to meet again;")
    old = Resolution(None, "Trade & development <b>2025</b>", None, (par,))
    new = Resolution(HOSTILE, None, None, (par,))
    view = RelatedView(Relation(old, new, ()))
    qtbot.addWidget(view)
    labels = {lab.text().strip(): lab for lab in view.findChildren(QLabel) if lab.text()}
    old_label = labels["Old: Trade & development <b>2025</b>"]
    new_label = labels[f"New: {HOSTILE}"]
    assert old_label.textFormat() == new_label.textFormat() == Qt.TextFormat.PlainText
    # the summary is markup of our own, with the names escaped inside it
    assert view.summary.textFormat() == Qt.TextFormat.RichText
    assert "Trade &amp; development &lt;b&gt;2025" in view.summary.text()
