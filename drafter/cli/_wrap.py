"""Word wrap for terminal output, in linear time whatever the text.

Why not only :func:`textwrap.wrap`: it breaks a word longer than the line by
copying the rest of the word for every line, so one 16 MB "word" took minutes.
Ordinary text still goes through textwrap (same output as ever); text with a run
longer than a line is wrapped here, cutting such runs at the line width.
"""

from __future__ import annotations

import re
import textwrap


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (textwrap's rules for ordinary text)."""
    width = max(1, width)
    if not re.search(rf"\S{{{width + 1},}}", text):
        return textwrap.wrap(text, width=width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        i, n = 0, len(word)
        while i < n:
            room = width - len(line) - (1 if line else 0)
            if n - i <= room:
                line = f"{line} {word[i:]}" if line else word[i:]
                break
            if n - i > width and room > 0:  # longer than a line: fill this one, cut
                piece = word[i : i + room]
                lines.append(f"{line} {piece}" if line else piece)
                i += room
            else:
                lines.append(line)
            line = ""
    if line:
        lines.append(line)
    return lines


def fill(text: str, width: int, indent: str = "") -> str:
    """:func:`wrap` joined into one string, each line indented."""
    return "\n".join(indent + line for line in wrap(text, width))
