"""Fixtures for the history engine: real families parsed and chained once per session."""

from __future__ import annotations

import pytest

HUM = (
    "families/humanitarian-coordination/A_RES_46_182.txt",
    "families/humanitarian-coordination/A_RES_47_168.txt",
    "families/humanitarian-coordination/A_RES_48_57.txt",
)
CUBA = (
    "families/cuba-embargo/A_RES_73_8-EN.pdf",
    "families/cuba-embargo/A_80_L.6.txt",
    "families/cuba-embargo/A_RES_80_4.md",
)
PALESTINE = ("families/draft-to-adopted/A_80_L.2.txt", "families/draft-to-adopted/A_RES_80_1.md")
AWAZA = ("families/draft-to-adopted/A_80_L.4.txt", "families/draft-to-adopted/A_RES_80_3.md")


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
