"""Fixtures for the history engine: real families parsed and chained once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def family_history(load_corpus):
    """The history of a family of corpus files (tuple of paths), built once."""
    from drafter.history import build_history

    cache = {}

    def _history(files: tuple[str, ...]):
        if files not in cache:
            cache[files] = build_history([load_corpus(f) for f in files])
        return cache[files]

    return _history
