"""The library's schema, as a list of forward migrations.

``PRAGMA user_version`` holds the number of migrations applied. Opening a library
applies the missing ones in order, each in its own transaction, so a database from
any earlier Drafter opens in this one; a database from a *later* Drafter is refused
untouched (see :mod:`drafter.store.db`). Never edit a released migration: append a
new one, and keep a fixture of the previous schema in tests/store/fixtures/.

Statements are kept one per string because ``sqlite3.executescript`` commits any
open transaction first, which would break a migration's atomicity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # user_version after it is applied
    title: str
    statements: Sequence[str]


# v1: families, versions, paragraphs, notes.
V1 = Migration(
    1,
    "families, versions, paragraphs and notes",
    (
        """CREATE TABLE families (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            family_id INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
            symbol TEXT,
            title TEXT,
            stage TEXT,
            date TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            session TEXT,
            agenda_item TEXT,
            source TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            footnotes TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX versions_family ON versions(family_id)",
        """CREATE TABLE paragraphs (
            pk INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            pid INTEGER NOT NULL,
            kind TEXT NOT NULL,
            number TEXT,
            text TEXT NOT NULL,
            footnotes TEXT NOT NULL DEFAULT '[]',
            lead INTEGER NOT NULL DEFAULT 0,
            level INTEGER NOT NULL DEFAULT 0,
            text_hash TEXT NOT NULL,
            UNIQUE (version_id, pid)
        )""",
        "CREATE INDEX paragraphs_hash ON paragraphs(text_hash)",
        """CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            paragraph_id INTEGER NOT NULL,
            number TEXT,
            text_hash TEXT NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL DEFAULT 0,
            "end" INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'open',
            orphaned INTEGER NOT NULL DEFAULT 0,
            carried_from TEXT
        )""",
        "CREATE INDEX notes_version ON notes(version_id, paragraph_id)",
    ),
)

# v2: the full-text index for agreed-language search, and a carry-forward lookup.
V2 = Migration(
    2,
    "full-text index of paragraphs",
    (
        """CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
            text, content='paragraphs', content_rowid='pk',
            tokenize="unicode61 remove_diacritics 2"
        )""",
        """CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.pk, new.text);
        END""",
        """CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
            VALUES ('delete', old.pk, old.text);
        END""",
        """CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
            VALUES ('delete', old.pk, old.text);
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.pk, new.text);
        END""",
        "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row')",
        "CREATE INDEX notes_carried ON notes(carried_from, version_id)",
    ),
)

# v3: a covering index, so matching a new version to its family by shared wording
# reads only the index (10x faster on a 500,000-paragraph library).
V3 = Migration(
    3,
    "index paragraph wordings by version",
    (
        "CREATE INDEX paragraphs_hash_version ON paragraphs(text_hash, version_id)",
        "DROP INDEX paragraphs_hash",
    ),
)

# v4: index each distinct wording once. Versions of one text share most paragraphs
# (Rev.1, Rev.2, the adopted text; the same item year after year), and search shows
# one hit per wording anyway, so the full-text index moves from paragraphs to
# "wordings" (paragraph texts by their normalised hash), maintained by triggers.
V4 = Migration(
    4,
    "full-text index over distinct wordings",
    (
        "DROP TRIGGER paragraphs_ai",
        "DROP TRIGGER paragraphs_ad",
        "DROP TRIGGER paragraphs_au",
        "DROP TABLE paragraphs_vocab",
        "DROP TABLE paragraphs_fts",
        """CREATE TABLE wordings (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL
        )""",
        "INSERT INTO wordings (hash, text) SELECT text_hash, min(text) FROM paragraphs "
        "GROUP BY text_hash ORDER BY min(pk)",
        """CREATE VIRTUAL TABLE wordings_fts USING fts5(
            text, content='wordings', content_rowid='id',
            tokenize="unicode61 remove_diacritics 2"
        )""",
        "INSERT INTO wordings_fts(wordings_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE wordings_vocab USING fts5vocab(wordings_fts, 'row')",
        """CREATE TRIGGER wordings_ai AFTER INSERT ON wordings BEGIN
            INSERT INTO wordings_fts(rowid, text) VALUES (new.id, new.text);
        END""",
        """CREATE TRIGGER wordings_ad AFTER DELETE ON wordings BEGIN
            INSERT INTO wordings_fts(wordings_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
        """CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
            INSERT OR IGNORE INTO wordings (hash, text) VALUES (new.text_hash, new.text);
        END""",
        """CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs
        WHEN NOT EXISTS (SELECT 1 FROM paragraphs WHERE text_hash = old.text_hash) BEGIN
            DELETE FROM wordings WHERE hash = old.text_hash;
        END""",
    ),
)

# v5: every file ever imported, by content hash. A file with other bytes but the
# same text as a stored version (a re-saved .docx, the .txt and .md of one PDF) is
# recorded as another file of that version instead of becoming a duplicate.
V5 = Migration(
    5,
    "files of each version",
    (
        """CREATE TABLE version_files (
            sha256 TEXT PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            source TEXT,
            imported_at TEXT NOT NULL
        )""",
        "CREATE INDEX version_files_version ON version_files(version_id)",
        "INSERT INTO version_files (sha256, version_id, source, imported_at) "
        "SELECT sha256, id, source, imported_at FROM versions",
    ),
)

# v6: where each footnote marker stood in a paragraph (a JSON list of offsets, parallel
# to ``footnotes``), so exports put references back in place. NULL for paragraphs
# stored before: their references go at the paragraph's end, as they did.
V6 = Migration(
    6,
    "footnote marker offsets",
    ("ALTER TABLE paragraphs ADD COLUMN footnote_offsets TEXT",),
)

# v7: the agreed-language index (drafter.store.provenance): winnowed word k-gram hashes
# of every distinct wording, and the watermark of wordings indexed so far. Rows are
# added in Python at import time (the hashes are not SQL); a library upgraded from v6
# starts at watermark 0 and is indexed at its next import or provenance query.
V7 = Migration(
    7,
    "agreed-language index",
    (
        """CREATE TABLE shingles (
            hash INTEGER NOT NULL,
            wording_id INTEGER NOT NULL,
            PRIMARY KEY (hash, wording_id)
        ) WITHOUT ROWID""",
        "CREATE TABLE provenance_state (watermark INTEGER NOT NULL)",
        "INSERT INTO provenance_state (watermark) VALUES (0)",
        """CREATE TRIGGER wordings_ad_provenance AFTER DELETE ON wordings BEGIN
            UPDATE provenance_state SET watermark = min(watermark, old.id - 1);
        END""",
    ),
)

# v8: delegations' proposals on a base version (drafter.proposals), and the table that
# maps an author of tracked changes to a delegation ("Jean Dupont" -> "France").
V8 = Migration(
    8,
    "proposals and delegations",
    (
        """CREATE TABLE delegations (
            author TEXT PRIMARY KEY,
            delegation TEXT NOT NULL
        )""",
        """CREATE TABLE proposals (
            id TEXT PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            paragraph_id INTEGER NOT NULL,
            number TEXT,
            label TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            author TEXT NOT NULL,
            date TEXT NOT NULL DEFAULT '',
            old_text TEXT NOT NULL DEFAULT '',
            new_text TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL DEFAULT 0,
            "end" INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX proposals_version ON proposals(version_id, paragraph_id)",
    ),
)

# v9: a family's title given by hand (rename in the GUI or 'drafter library --rename').
# NULL: the family is named after its adopted (else latest) version, as before.
V9 = Migration(
    9,
    "family titles given by hand",
    ("ALTER TABLE families ADD COLUMN title_by_hand TEXT",),
)

MIGRATIONS: tuple[Migration, ...] = (V1, V2, V3, V4, V5, V6, V7, V8, V9)
CURRENT_VERSION = MIGRATIONS[-1].version
