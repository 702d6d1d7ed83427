"""Every colour pair of both themes is readable: WCAG contrast of at least 4.5:1,
computed here from the palettes and diff colours the app really applies."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from drafter.gui import themes
from drafter.gui.rich_text import note_badge
from drafter.gui.search_panel import hit_html


def test_contrast_ratio_matches_wcag_reference_values():
    assert themes.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert themes.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert themes.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # the pair the issue reported: white text on the old dark-theme search yellow
    assert themes.contrast_ratio("#e6e6e6", "#7a6a00") < 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_colour_pair_has_enough_contrast(theme):
    pairs = themes.colour_pairs(theme)
    assert len(pairs) > 40
    low = [
        (what, fg, bg, round(themes.contrast_ratio(fg, bg), 2))
        for what, fg, bg in pairs
        if themes.contrast_ratio(fg, bg) < 4.5
    ]
    assert low == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_marks_carry_their_own_text_colour(qapp, theme):
    palette = themes.palette_for(theme)
    colors = themes.colors(palette)
    assert colors is (themes.DARK if theme == "dark" else themes.LIGHT)
    badge = note_badge(2, colors)
    assert f"color:{colors.mark_fg}" in badge and colors.mark_bg in badge

    class Hit:
        snippet = "safe, orderly and regular migration"
        marks = ((0, 4),)
        symbol, title, date, label, exact = "A/RES/68/4", "", "", "OP 1", True

    assert f"background-color:{colors.mark_bg};color:{colors.mark_fg}" in hit_html(Hit, colors)


def test_dark_theme_draws_visible_check_boxes(qapp):
    app = QApplication.instance()
    try:
        themes.apply_theme(app, "dark", 0)
        assert "QRadioButton::indicator" in app.styleSheet()
        border = "#a9b0bb"
        assert border in app.styleSheet()
        assert themes.contrast_ratio(border, "#282c33") >= 4.5  # on the dark window
    finally:
        themes.apply_theme(app, "system", 0)
        assert "QRadioButton::indicator" not in app.styleSheet()
