"""Proposals stored with their base version, and the author -> delegation table.

A proposal keeps the author as Word recorded it; its delegation is looked up in the
``delegations`` table when read, so correcting the table ("Jean Dupont" is France,
not Belgium) corrects every stored proposal at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from drafter.errors import StoreError
from drafter.proposals.model import Proposal, ProposalKind
from drafter.store.db import Connection

_COLUMNS = (
    "id", "version_id", "paragraph_id", "number", "label", "kind", "author", "date",
    "old_text", "new_text", "text", "comment", "source", "start", '"end"',
)  # fmt: skip


def delegations(cx: Connection) -> dict[str, str]:
    return {
        r[0]: r[1] for r in cx.read("SELECT author, delegation FROM delegations ORDER BY author")
    }


def set_delegation(cx: Connection, author: str, delegation: str) -> None:
    author, delegation = author.strip(), delegation.strip()
    if not author or not delegation:
        raise StoreError("give both an author and a delegation")
    cx.write(
        lambda: cx.conn.execute(
            "INSERT INTO delegations (author, delegation) VALUES (?, ?) "
            "ON CONFLICT(author) DO UPDATE SET delegation = excluded.delegation",
            (author, delegation),
        )
    )


def remove_delegation(cx: Connection, author: str) -> bool:
    return bool(
        cx.write(
            lambda: cx.conn.execute("DELETE FROM delegations WHERE author = ?", (author,)).rowcount
        )
    )


def _row(p: Proposal, version_id: int) -> tuple:
    return (
        p.id, version_id, p.paragraph, p.number, p.label, str(p.kind), p.author, p.date,
        p.old_text, p.new_text, p.text, p.comment, p.source, p.start, p.end,
    )  # fmt: skip


def _row(p: Proposal, version_id: int) -> tuple:
    return (
        p.id, version_id, p.paragraph, p.number, p.label, str(p.kind), p.author, p.date,
        p.old_text, p.new_text, p.text, p.comment, p.source, p.start, p.end,
    )  # fmt: skip


def store(cx: Connection, version_id: int, proposals: Iterable[Proposal]) -> int:
    """Keep ``proposals`` with the base version (again: no duplicates). Returns how many."""
    rows = [_row(p, version_id) for p in proposals]

    def apply() -> int:
        if cx.conn.execute("SELECT 1 FROM versions WHERE id = ?", (version_id,)).fetchone() is None:
            raise StoreError(f"no version {version_id} in the library")
        cx.conn.executemany(
            f"INSERT OR REPLACE INTO proposals ({', '.join(_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_COLUMNS))})",
            rows,
        )
        return len(rows)

    return cx.write(apply)


def for_version(cx: Connection, version_id: int) -> list[Proposal]:
    table = delegations(cx)
    out = []
    for r in cx.read(
        f"SELECT {', '.join(_COLUMNS)} FROM proposals WHERE version_id = ? "
        "ORDER BY paragraph_id, start, id",
        (version_id,),
    ):
        try:
            kind = ProposalKind(r["kind"])
        except ValueError:
            kind = ProposalKind.COMMENT
        out.append(
            Proposal(
                id=r["id"],
                delegation=table.get(r["author"], r["author"]),
                author=r["author"],
                date=r["date"],
                paragraph=r["paragraph_id"],
                number=r["number"],
                label=r["label"],
                kind=kind,
                old_text=r["old_text"],
                new_text=r["new_text"],
                text=r["text"],
                comment=r["comment"],
                source=r["source"],
                start=r["start"],
                end=r["end"],
            )
        )
    return out


def with_delegations(cx: Connection, proposals: Iterable[Proposal]) -> list[Proposal]:
    """``proposals`` with their delegation from the table (authors not in it unchanged)."""
    table = delegations(cx)
    return [replace(p, delegation=table.get(p.author, p.delegation)) for p in proposals]
