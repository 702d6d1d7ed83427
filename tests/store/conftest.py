"""Fixtures for the store: fresh libraries, the ga80 library imported once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.store import Library


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.db") as library:
        yield library


@pytest.fixture(scope="session")
def ga80_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library file holding all 70 ga80 Markdown resolutions (built once per run)."""
    path = tmp_path_factory.mktemp("ga80") / "ga80.db"
    with Library.open(path) as library:
        for f in sorted((corpus / "ga80" / "md").glob("*.md")):
            library.import_file(f)
    return path


@pytest.fixture
def ga80(ga80_db: Path) -> Iterator[Library]:
    with Library.open(ga80_db) as library:
        yield library
