"""Fixtures for the comparison engine: real texts parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def load_corpus(corpus: Path):
    """Load a corpus file (path relative to the corpus) with the real importer, cached."""
    from drafter.ingest import load

    cache = {}

    def _load(rel: str):
        if rel not in cache:
            cache[rel] = load(corpus / rel)
        return cache[rel]

    return _load
