"""Shared test fixtures: the real corpus, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DRAFTER_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real texts in ../shared/corpus (read only: never write there)."""
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS}; set DRAFTER_CORPUS")
    return CORPUS


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


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
