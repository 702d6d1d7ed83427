"""Drafter: compare, annotate and export versions of United Nations resolutions.

The core (this package outside ``drafter.gui``) never imports Qt.
"""

from __future__ import annotations

# The same as pyproject.toml's (tests/test_version.py keeps them equal): a constant, so
# that starting the command line does not load importlib.metadata (a third of the
# start-up time of `drafter --version`).
__version__ = "0.1.0"
