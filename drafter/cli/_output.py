"""Printing results: JSON in one write (``json.dump`` to a stream writes piece by piece,
thousands of small writes for a large comparison)."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any, *, indent: int = 1, out=None) -> None:
    (out or sys.stdout).write(json.dumps(value, ensure_ascii=False, indent=indent) + "\n")
