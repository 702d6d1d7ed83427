"""One version: the package's constant is pyproject.toml's (start-up reads no metadata)."""

import subprocess
import sys
import tomllib
from pathlib import Path

import drafter

ROOT = Path(__file__).resolve().parents[1]


def test_package_version_is_pyprojects():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        assert drafter.__version__ == tomllib.load(fh)["project"]["version"]


def test_version_answers_without_loading_the_commands():
    code = (
        "import sys, drafter.cli as c; rc = c.main(['--version']);"
        "loaded = [m for m in sys.modules if m.startswith(('drafter.cli.', 'drafter.ingest',"
        " 'importlib.metadata'))]; print(loaded)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [f"drafter {drafter.__version__}", "[]"]
