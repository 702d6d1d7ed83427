"""The :class:`Library`: the one object the CLI and the GUI talk to.

It is a thin facade: each method is a call into versions, notes, carry, search or
exchange, over one :class:`~drafter.store.db.Connection`. Safe to share between the
threads of one process (calls are serialised) and between processes (SQLite locks,
busy timeout and retried transactions).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from drafter.errors import IngestError, StoreError
from drafter.ingest.source import special_file_problem
from drafter.model import Note, NoteStatus, Resolution
from drafter.proposals.model import Proposal
from drafter.store import carry as _carry
from drafter.store import exchange as _exchange
from drafter.store import notes as _notes
from drafter.store import overview as _overview
from drafter.store import proposals as _proposals
from drafter.store import provenance as _provenance
from drafter.store import search as _search
from drafter.store import versions as _versions
from drafter.store.db import Connection, default_path
from drafter.store.types import CarryReport, FamilyInfo, ImportResult, SearchHit, VersionInfo


def file_sha256(path: Path) -> str:
    problem = special_file_problem(path)  # a FIFO would block the read forever
    if problem:
        raise IngestError(path, problem)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except IsADirectoryError:
        raise IngestError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from None
    return digest.hexdigest()


class Library:
    """A library database: versions of resolutions, their notes, the search index."""

    def __init__(self, connection: Connection) -> None:
        self._cx = connection

    @classmethod
    def open(cls, path: str | Path | None = None) -> Library:
        """Open (creating or upgrading as needed) the library at ``path``.

        None means the default: $DRAFTER_DB, else ``library.db`` in the user's data
        directory. Raises StoreError for a file that is not a Drafter library or that
        a newer Drafter wrote; such a file is left untouched.
        """
        target = Path(path).expanduser() if path else default_path()
        return cls(Connection(target))

    @property
    def path(self) -> Path:
        return self._cx.path

    @property
    def damaged(self) -> str | None:
        """Why the library file must not be written (found on opening), or None."""
        return self._cx.damaged

    def owns_file(self, path: str | Path) -> bool:
        """Whether ``path`` is this library's database or one of SQLite's files beside
        it (``-wal``, ``-shm``, ``-journal``), under any name (by device and inode).

        Such a file must never be opened by this process except through SQLite: a
        read, a hash or a copy drops SQLite's locks, and committed notes can be lost.
        """
        try:
            st = os.stat(path)
        except OSError:
            return False
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                own = os.stat(f"{self.path}{suffix}")
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino):
                return True
        return False

    def _refuse_own_file(self, path: Path, doing: str) -> None:
        if self.owns_file(path):
            raise IngestError(path, f"is the library database itself; it cannot be {doing}")

    def close(self) -> None:
        self._cx.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- versions ---------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        *,
        family_id: int | None = None,
        stage: str | None = None,
        carry: bool = True,
        new_family: bool = False,
    ) -> ImportResult:
        """Import one resolution file; a file whose content is stored adds nothing.

        The new version joins ``family_id``, else (unless ``new_family``) the family
        of a stored version with the same symbol or title, else a new family. With
        ``carry``, the notes of the family's previous version are carried forward
        (see :class:`~drafter.store.types.CarryReport`). Raises IngestError when the
        file cannot be read as a resolution.
        """
        path = Path(path)
        self._refuse_own_file(path, "imported")
        sha = file_sha256(path)
        known = _versions.find_by_sha(self._cx, sha)
        if known is not None:
            return ImportResult(known, already_stored=True, path=str(path))
        from drafter.ingest import load  # lazily: opening a library needs no readers

        res = load(path)
        result = self.add_resolution(
            res,
            sha256=sha,
            family_id=family_id,
            stage=stage,
            source=path.name,
            carry=carry,
            new_family=new_family,
        )
        return replace(result, path=str(path))

    def add_resolution(
        self,
        resolution: Resolution,
        *,
        sha256: str | None = None,
        family_id: int | None = None,
        stage: str | None = None,
        source: str | None = None,
        carry: bool = True,
        new_family: bool = False,
    ) -> ImportResult:
        """Store an already-parsed Resolution (``sha256`` defaults to a hash of its content)."""
        sha = sha256 or _versions.resolution_sha256(resolution)
        vid, already = _versions.insert_version(
            self._cx,
            resolution,
            sha256=sha,
            family_id=family_id,
            stage=stage,
            source=source,
            new_family=new_family,
        )
        info = _versions.get_version(self._cx, vid)
        report = None
        if not already and carry:
            prev = _versions.previous_version(self._cx, vid)
            if prev is not None and _notes.list_notes(self._cx, prev):
                report = _carry.carry_forward(self._cx, prev, vid)
                info = _versions.get_version(self._cx, vid)
        return ImportResult(
            info,
            already_stored=already,
            path=source,
            carry=report,
            warnings=tuple(resolution.warnings),
        )

    def families(self) -> list[FamilyInfo]:
        return _versions.list_families(self._cx)

    def versions(self, family_id: int | None = None) -> list[VersionInfo]:
        return _versions.list_versions(self._cx, family_id)

    def version(self, version_id: int) -> VersionInfo:
        return _versions.get_version(self._cx, version_id)

    def load_version(self, version_id: int) -> Resolution:
        return _versions.load_resolution(self._cx, version_id)

    def find_version_for_file(self, path: str | Path) -> VersionInfo | None:
        """The stored version with this file's content (by SHA-256), if any."""
        self._refuse_own_file(Path(path), "compared")
        return _versions.find_by_sha(self._cx, file_sha256(Path(path)))

    def find_versions(self, ref: str) -> list[VersionInfo]:
        """Versions named by ``ref``: an id ("12") or a symbol ("A/RES/80/4"), newest first."""
        ref = ref.strip()
        if ref.isdecimal():
            return [self.version(int(ref))]
        return _versions.find_by_symbol(self._cx, ref)

    def set_stage(self, version_id: int, stage: str | None) -> VersionInfo:
        return _versions.set_stage(self._cx, version_id, stage)

    def move_version(self, version_id: int, family_id: int | None) -> VersionInfo:
        """Put a version in another family, or (None) in a family of its own."""
        return _versions.move_version(self._cx, version_id, family_id)

    def rename_family(self, family_id: int, title: str | None) -> None:
        """A title by hand for a family (None: named after its versions again)."""
        _versions.rename_family(self._cx, family_id, title)

    def merge_families(self, family_id: int, into_family_id: int) -> None:
        """Put every version of one family into another (the first is removed)."""
        _versions.merge_families(self._cx, family_id, into_family_id)

    def delete_version(self, version_id: int) -> None:
        """Remove a version with its paragraphs and notes (the GUI asks first)."""
        _versions.delete_version(self._cx, version_id)

    # -- notes --------------------------------------------------------------------

    def notes(self, version_id: int, *, include_orphaned: bool = True) -> list[Note]:
        return _notes.list_notes(self._cx, version_id, include_orphaned=include_orphaned)

    def note(self, note_id: str) -> Note:
        return _notes.get_note(self._cx, note_id)

    def add_note(
        self,
        version_id: int,
        paragraph_id: int,
        body: str,
        *,
        author: str,
        tags: Iterable[str] = (),
        quote: str = "",
        start: int = 0,
        end: int = 0,
    ) -> Note:
        return _notes.add_note(
            self._cx,
            version_id,
            paragraph_id,
            body,
            author=author,
            tags=tags,
            quote=quote,
            start=start,
            end=end,
        )

    def update_note(
        self,
        note_id: str,
        *,
        body: str | None = None,
        tags: Iterable[str] | None = None,
        status: NoteStatus | str | None = None,
    ) -> Note:
        return _notes.update_note(self._cx, note_id, body=body, tags=tags, status=status)

    def delete_note(self, note_id: str) -> Note:
        return _notes.delete_note(self._cx, note_id)

    def restore_note(self, note: Note) -> None:
        _notes.restore_note(self._cx, note)

    def notes_overview(
        self,
        *,
        search: str = "",
        tags: Sequence[str] = (),
        status: str | None = None,
        version_id: int | None = None,
        author: str | None = None,
    ) -> list[_overview.NoteEntry]:
        """Every note of the library matching the filters, with its version and paragraph."""
        return _overview.notes_overview(
            self._cx,
            search=search,
            tags=tuple(tags),
            status=status,
            version_id=version_id,
            author=author,
        )

    def carry_forward(self, from_version_id: int, to_version_id: int) -> CarryReport:
        return _carry.carry_forward(self._cx, from_version_id, to_version_id)

    def export_notes(self, path: str | Path, version_ids: Iterable[int] | None = None) -> Path:
        self._refuse_own_file(Path(path), "replaced by notes")
        return _exchange.export_notes(self._cx, path, version_ids)

    def import_notes(self, path: str | Path) -> dict[str, Any]:
        self._refuse_own_file(Path(path), "read as notes")
        problem = special_file_problem(path)  # a FIFO would block the read forever
        if problem:
            raise StoreError(f"{path}: cannot read the notes file ({problem})")
        return _exchange.import_notes(self._cx, path)

    # -- search -------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        version_ids: Sequence[int] | None = None,
        collapse: bool = True,
    ) -> list[SearchHit]:
        return _search.search(
            self._cx, query, limit=limit, version_ids=version_ids, collapse=collapse
        )

    def precedents(
        self, text: str, *, limit: int = 20, exclude_version: int | None = None
    ) -> list[SearchHit]:
        return _search.precedents(self._cx, text, limit=limit, exclude_version=exclude_version)

    def provenance(
        self,
        resolution: Resolution,
        *,
        version_id: int | None = None,
        min_words: int = _provenance.DEFAULT_MIN_WORDS,
        include_family: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> _provenance.Provenance:
        """Agreed language: where each paragraph's words stand in the library.

        ``version_id`` names the stored version the text is (it is never matched
        against itself). Wordings not yet in the agreed-language index (a library
        upgraded from an older Drafter) are indexed first, with ``progress``.
        """
        self.update_provenance_index(progress)
        return _provenance.provenance(
            self._cx,
            resolution,
            version_id=version_id,
            min_words=min_words,
            include_family=include_family,
        )

    def update_provenance_index(
        self, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Index the wordings the agreed-language index lacks; returns how many."""
        if not _provenance.pending_count(self._cx):
            return 0
        return self._cx.write(lambda: _provenance.index_pending(self._cx, progress))

    # -- proposals --------------------------------------------------------------------

    def delegations(self) -> dict[str, str]:
        """The author -> delegation table ("Jean Dupont" -> "France")."""
        return _proposals.delegations(self._cx)

    def set_delegation(self, author: str, delegation: str) -> None:
        _proposals.set_delegation(self._cx, author, delegation)

    def remove_delegation(self, author: str) -> bool:
        return _proposals.remove_delegation(self._cx, author)

    def store_proposals(self, version_id: int, proposals: Iterable[Proposal]) -> int:
        return _proposals.store(self._cx, version_id, proposals)

    def proposals(self, version_id: int) -> list[Proposal]:
        return _proposals.for_version(self._cx, version_id)

    def with_delegations(self, proposals: Iterable[Proposal]) -> list[Proposal]:
        return _proposals.with_delegations(self._cx, proposals)

    # -- maintenance ----------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus the search index's; [] when all is well."""
        problems = [r[0] for r in self._cx.read("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            self._cx.write(
                lambda: self._cx.conn.execute(
                    "INSERT INTO wordings_fts(wordings_fts, rank) VALUES ('integrity-check', 1)"
                )
            )
        except StoreError as exc:
            problems.append(f"search index: {exc}")
        return problems

    def rebuild_search_index(self) -> None:
        _search.rebuild_index(self._cx)


__all__ = ["Library", "StoreError"]
