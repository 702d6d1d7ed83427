"""Drafter: compare, annotate and export versions of United Nations resolutions.

The core (this package outside ``drafter.gui``) never imports Qt.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("drafter")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
