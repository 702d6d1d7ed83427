"""Fixtures for the packaging tests."""

from __future__ import annotations

import tomllib

import pytest
from packaging_support import ROOT


@pytest.fixture(scope="session")
def pyproject_version() -> str:
    """The one place the version is written."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]
