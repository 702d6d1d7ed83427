"""User and document text (file names, titles, symbols) shown as text, never as markup.

Why: Qt guesses whether a string is rich text (``Qt::mightBeRichText``) in labels,
message boxes and tooltips, so a file named ``<img src=red.png>.pdf`` would render an
image and hide its own name. Widgets we create get ``Qt.PlainText``; where Qt takes
only a string (tooltips, static question boxes), :func:`rich` escapes the text into
markup that shows it verbatim.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt


def rich(text: str) -> str:
    """Markup that shows ``text`` exactly as it is, line breaks included."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""


def set_plain(*widgets) -> None:
    """Labels and message boxes that show their text literally."""
    for w in widgets:
        w.setTextFormat(Qt.TextFormat.PlainText)
