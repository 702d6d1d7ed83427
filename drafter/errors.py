"""Errors the user may see: each carries a one-line, plain message.

Anything that is a ``DrafterError`` is reported as its message (CLI: on stderr with
exit code 2; GUI: in a dialog). Any other exception is a bug.
"""

from __future__ import annotations


class DrafterError(Exception):
    """A problem the user can understand and act on."""


class IngestError(DrafterError):
    """A file could not be read as a resolution."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class StoreError(DrafterError):
    """The library database could not be opened or changed."""


class ExportError(DrafterError):
    """An export could not be written."""


def one_line(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) made visible."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def unexpected(exc: BaseException) -> str:
    """What a user is told about a bug: plain words, no exception class names."""
    detail = one_line(str(exc)).strip().strip("'\"")
    detail = f" ({detail})" if detail else ""
    return f"Unexpected problem inside Drafter{detail}; the details were logged. Please report it."
