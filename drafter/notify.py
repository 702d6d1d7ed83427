"""How the core tells the user about a wait or a damaged library, without knowing who listens.

The store calls :data:`reporter`; the CLI installs one that prints a progress line
on stderr, the GUI one that shows a busy state. The default says nothing.
"""

from __future__ import annotations


class Reporter:
    """How a waiting or damaged library is shown (the CLI prints, the GUI shows busy).

    ``waiting(waited_s, limit_s)`` is called a few times a second while another
    program holds the library's write lock, and ``done_waiting()`` once it is over;
    ``damaged(message)`` once, when a library that needs repair is opened.
    """

    def waiting(self, waited: float, limit: float) -> None:
        pass

    def done_waiting(self) -> None:
        pass

    def damaged(self, message: str) -> None:
        pass


reporter = Reporter()


def set_reporter(new: Reporter) -> Reporter:
    """Install how waits and damage are reported; returns the previous reporter."""
    global reporter
    previous, reporter = reporter, new
    return previous
