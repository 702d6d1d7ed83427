"""Locate the files under the project's ``resources/`` folder.

Works from a source checkout (``resources/`` beside ``drafter/``), from a
PyInstaller bundle (``sys._MEIPASS/resources``) and from a wheel install (the
data files under ``<prefix>/share/drafter/resources``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[1] / "resources")
    candidates.append(Path(sys.prefix) / "share" / "drafter" / "resources")
    for path in candidates:
        if (path / "samples").is_dir():
            return path
    return candidates[0]


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` (it may not exist: callers check)."""
    return resources_dir().joinpath(*parts)


def sample_files() -> list[Path]:
    """The bundled sample texts (the demo library opens them), oldest first."""
    folder = resource_path("samples")
    return sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt", ".docx", ".pdf"})
