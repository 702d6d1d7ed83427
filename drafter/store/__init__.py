"""The library: stored versions, notes that follow the text, agreed-language search.

The only part of Drafter that knows SQL. One SQLite file (WAL, foreign keys, schema
version in ``PRAGMA user_version`` with forward migrations) reached through
:class:`Library`::

    with Library.open(path) as lib:          # None: $DRAFTER_DB or the user data dir
        result = lib.import_file("A_RES_80_4.md")
        lib.add_note(result.version_id, 3, "G77 wants 'urges'", author="me")
        hits = lib.search('"small arms and light weapons"')
"""

from __future__ import annotations

from drafter.store.db import default_path
from drafter.store.library import Library
from drafter.store.schema import CURRENT_VERSION
from drafter.store.types import CarryReport, FamilyInfo, ImportResult, SearchHit, VersionInfo

__all__ = [
    "CURRENT_VERSION",
    "CarryReport",
    "FamilyInfo",
    "ImportResult",
    "Library",
    "SearchHit",
    "VersionInfo",
    "default_path",
]
