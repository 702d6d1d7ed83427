"""Families and versions: storing a Resolution, reading it back, listing the library.

A version is identified by the SHA-256 of its content (the file's bytes when it came
from a file), so importing the same file twice stores it once. A family groups the
versions of one text; a new version joins the family of an earlier version with
the same symbol unless the caller names a family.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from typing import Any

from drafter.errors import StoreError
from drafter.model import Footnote, Paragraph, ParaKind, Resolution
from drafter.store.anchors import text_hash
from drafter.store.db import Connection
from drafter.store.notes import now_iso
from drafter.store.types import FamilyInfo, VersionInfo

_VERSION_SQL = """
SELECT v.*, (SELECT count(*) FROM paragraphs p WHERE p.version_id = v.id) AS paragraph_count,
       (SELECT count(*) FROM notes n WHERE n.version_id = v.id) AS note_count
FROM versions v
"""


def guess_stage(symbol: str | None, source: str | None = None) -> str | None:
    """The negotiation stage a document symbol implies ("adopted", "L-document", "Rev.2").

    Without a telling symbol, the file name may say it: "zero draft", "rev2", "draft".
    """
    if symbol:
        rev = re.search(r"/Rev\.\s*(\d+)", symbol, re.IGNORECASE)
        if rev:
            return f"Rev.{rev.group(1)}"
        if re.search(r"/RES/", symbol, re.IGNORECASE):
            return "adopted"
        if re.search(r"/L\.\s*\d+", symbol):
            return "L-document"
    if source:
        name = re.sub(r"[\W_]+", " ", source.rsplit(".", 1)[0]).casefold()
        if re.search(r"\bzero\s*draft\b|\bzd\b", name):
            return "zero draft"
        rev = re.search(r"\brev\s*(\d+)\b", name)
        if rev:
            return f"Rev.{rev.group(1)}"
        if re.search(r"\bdraft\b", name):
            return "draft"
    return None


def base_symbol(symbol: str) -> str:
    """The symbol without revision, corrigendum or addendum: "A/80/L.2/Rev.1" -> "A/80/L.2"."""
    return re.sub(r"(/(Rev|Corr|Add)\.\s*\d+)+$", "", symbol.strip(), flags=re.IGNORECASE)


def resolution_sha256(res: Resolution) -> str:
    """A content hash for a Resolution that did not come from a file."""
    blob = json.dumps(res.to_json(), sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def version_from_row(row: Any) -> VersionInfo:
    return VersionInfo(
        id=row["id"],
        family_id=row["family_id"],
        symbol=row["symbol"],
        title=row["title"],
        stage=row["stage"],
        date=row["date"],
        language=row["language"],
        source=row["source"],
        sha256=row["sha256"],
        imported_at=row["imported_at"],
        paragraph_count=row["paragraph_count"],
        note_count=row["note_count"],
    )


def get_version(cx: Connection, version_id: int) -> VersionInfo:
    rows = cx.read(_VERSION_SQL + " WHERE v.id = ?", (version_id,))
    if not rows:
        raise StoreError(f"no version {version_id} in the library")
    return version_from_row(rows[0])


def list_versions(cx: Connection, family_id: int | None = None) -> list[VersionInfo]:
    if family_id is None:
        rows = cx.read(_VERSION_SQL + " ORDER BY v.family_id, v.id")
    else:
        rows = cx.read(_VERSION_SQL + " WHERE v.family_id = ? ORDER BY v.id", (family_id,))
    return [version_from_row(r) for r in rows]


def find_by_sha(cx: Connection, sha256: str) -> VersionInfo | None:
    """The version stored from a file with this content hash (any of its files)."""
    rows = cx.read(
        _VERSION_SQL + " WHERE v.id = (SELECT version_id FROM version_files WHERE sha256 = ?)",
        (sha256,),
    )
    return version_from_row(rows[0]) if rows else None


def _same_text(cx: Connection, res: Resolution, family_id: int | None) -> int | None:
    """A stored version with exactly this text: same symbol, same paragraphs in order
    (within ``family_id`` when given)."""
    if not res.paragraphs:
        return None
    hashes = [text_hash(p.text) for p in res.paragraphs]
    longest = max(range(len(hashes)), key=lambda i: len(res.paragraphs[i].text))
    candidates = cx.conn.execute(
        """SELECT p.version_id FROM paragraphs p JOIN versions v ON v.id = p.version_id
           WHERE p.text_hash = ? AND p.pid = ? AND v.symbol IS ?
           AND (? IS NULL OR v.family_id = ?)
           AND (SELECT count(*) FROM paragraphs q WHERE q.version_id = p.version_id) = ?""",
        (hashes[longest], longest, res.symbol, family_id, family_id, len(hashes)),
    ).fetchall()
    for (vid,) in candidates:
        stored = [
            r[0]
            for r in cx.conn.execute(
                "SELECT text_hash FROM paragraphs WHERE version_id = ? ORDER BY pid", (vid,)
            )
        ]
        if stored == hashes:
            return vid
    return None


def find_by_symbol(cx: Connection, symbol: str) -> list[VersionInfo]:
    """Versions with this document symbol (ignoring case and spaces), newest first."""
    wanted = symbol.casefold().replace(" ", "")
    rows = cx.read(
        _VERSION_SQL + " WHERE lower(replace(v.symbol, ' ', '')) = ? ORDER BY v.id DESC",
        (wanted,),
    )
    return [version_from_row(r) for r in rows]


def list_families(cx: Connection) -> list[FamilyInfo]:
    rows = cx.read(
        """SELECT f.id, f.name, f.title_by_hand, f.created, count(v.id) AS n,
                  max(v.id) AS latest,
                  (SELECT coalesce(w.title, w.symbol) FROM versions w WHERE w.family_id = f.id
                   AND coalesce(w.title, w.symbol) IS NOT NULL
                   ORDER BY w.stage = 'adopted' DESC, w.id DESC LIMIT 1) AS current_name
           FROM families f LEFT JOIN versions v ON v.family_id = f.id
           GROUP BY f.id ORDER BY f.id"""
    )
    return [
        FamilyInfo(
            id=r["id"],
            name=r["title_by_hand"] or r["current_name"] or r["name"],
            named_by_hand=r["title_by_hand"] is not None,
            created=r["created"],
            version_count=r["n"],
            latest_version_id=r["latest"],
        )
        for r in rows
    ]


def load_resolution(cx: Connection, version_id: int) -> Resolution:
    rows = cx.read("SELECT * FROM versions WHERE id = ?", (version_id,))
    if not rows:
        raise StoreError(f"no version {version_id} in the library")
    v = rows[0]
    paras = cx.read(
        "SELECT pid, kind, number, text, footnotes, lead, level, footnote_offsets FROM paragraphs "
        "WHERE version_id = ? ORDER BY pid",
        (version_id,),
    )
    date = None
    if v["date"]:
        try:
            date = _dt.date.fromisoformat(v["date"])
        except ValueError:
            date = None
    return Resolution(
        symbol=v["symbol"],
        title=v["title"],
        date=date,
        paragraphs=tuple(
            Paragraph(
                id=p["pid"],
                kind=_kind(p["kind"]),
                number=p["number"],
                text=p["text"],
                footnotes=tuple(json.loads(p["footnotes"] or "[]")),
                lead=p["lead"],
                level=p["level"],
                footnote_offsets=tuple(json.loads(p["footnote_offsets"] or "[]")),
            )
            for p in paras
        ),
        footnotes=tuple(Footnote(n, t) for n, t in json.loads(v["footnotes"] or "[]")),
        language=v["language"] or "en",
        session=v["session"],
        agenda_item=v["agenda_item"],
        source=v["source"],
        warnings=tuple(json.loads(v["warnings"] or "[]")),
    )


def _kind(value: str) -> ParaKind:
    try:
        return ParaKind(value)
    except ValueError:
        return ParaKind.OTHER


def _title_key(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").casefold()).strip()


def _family_for(cx: Connection, res: Resolution, family_id: int | None) -> int | None:
    """The family a new version joins.

    The one given; else the family of a version with the same symbol (another file
    of the same document); else of the stored version sharing the most paragraph
    wordings with it: at least a third of them (a draft and the resolution adopted on
    it), or a fifth when the titles also agree (the same item taken up again a year
    later). Matching by wording, not title alone, keeps two texts that merely share
    a (mis-extracted) title apart.
    """
    if family_id is not None:
        if not cx.conn.execute("SELECT 1 FROM families WHERE id = ?", (family_id,)).fetchone():
            raise StoreError(f"no family {family_id} in the library")
        return family_id
    if res.symbol:
        row = cx.conn.execute(
            "SELECT family_id FROM versions WHERE symbol = ? ORDER BY id DESC LIMIT 1",
            (res.symbol,),
        ).fetchone()
        if row:
            return row[0]
        # A/C.3/80/L.12/Rev.1 is a revision of A/C.3/80/L.12 (and of its other revisions).
        base = base_symbol(res.symbol)
        if base != res.symbol or "/L." in base:
            for fam, symbol in cx.conn.execute(
                "SELECT family_id, symbol FROM versions WHERE symbol LIKE ? ORDER BY id DESC",
                (base.split("/L.")[0] + "%",),
            ):
                if symbol and base_symbol(symbol) == base:
                    return fam
    hashes = sorted({text_hash(p.text) for p in res.paragraphs if len(p.text) >= 40})
    if len(hashes) < 3:
        return None
    marks = ", ".join("?" * len(hashes))
    candidates = cx.conn.execute(
        f"""SELECT version_id, count(DISTINCT text_hash) AS shared FROM paragraphs
            WHERE text_hash IN ({marks}) GROUP BY version_id HAVING shared >= 3
            ORDER BY shared DESC, version_id DESC LIMIT 8""",
        hashes,
    ).fetchall()
    rows = []
    for vid, shared in candidates:
        fam, title = cx.conn.execute(
            "SELECT family_id, title FROM versions WHERE id = ?", (vid,)
        ).fetchone()
        total = cx.conn.execute(
            "SELECT count(*) FROM paragraphs WHERE version_id = ?", (vid,)
        ).fetchone()[0]
        rows.append((vid, shared, fam, title, total))
    key = _title_key(res.title)
    best: tuple[float, int] | None = None
    for _vid, shared, fam, title, total in rows:
        share = shared / max(1, min(len(hashes), total))
        needed = 0.2 if key and _title_key(title) == key else 0.35
        if share >= needed and (best is None or share > best[0]):
            best = (share, fam)
    return best[1] if best else None


def insert_version(
    cx: Connection,
    res: Resolution,
    *,
    sha256: str,
    family_id: int | None,
    stage: str | None,
    source: str | None,
    new_family: bool = False,
) -> tuple[int, bool]:
    """Store ``res`` in one transaction. Returns (version id, already stored).

    Already stored: a file with this content hash was imported before, or a version
    with the same symbol and exactly the same paragraphs exists (in ``family_id`` if
    given; never with ``new_family``); the file is then recorded as another file of
    that version.
    """

    def apply() -> tuple[int, bool]:
        row = cx.conn.execute(
            "SELECT version_id FROM version_files WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row:
            return row[0], True
        same = None if new_family else _same_text(cx, res, family_id)
        if same is not None:
            cx.conn.execute(
                "INSERT INTO version_files (sha256, version_id, source, imported_at) "
                "VALUES (?, ?, ?, ?)",
                (sha256, same, source if source is not None else res.source, now_iso()),
            )
            return same, True
        fam = None if new_family else _family_for(cx, res, family_id)
        if fam is None:
            name = res.title or res.symbol or res.source or source or "untitled"
            fam = cx.conn.execute(
                "INSERT INTO families (name, created) VALUES (?, ?)", (name, now_iso())
            ).lastrowid
        vid = cx.conn.execute(
            """INSERT INTO versions (family_id, symbol, title, stage, date, language, session,
               agenda_item, source, sha256, imported_at, footnotes, warnings)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                fam,
                res.symbol,
                res.title,
                stage or guess_stage(res.symbol, source or res.source),
                res.date.isoformat() if res.date else None,
                res.language or "en",
                res.session,
                res.agenda_item,
                source if source is not None else res.source,
                sha256,
                now_iso(),
                json.dumps([[f.number, f.text] for f in res.footnotes], ensure_ascii=False),
                json.dumps(list(res.warnings), ensure_ascii=False),
            ),
        ).lastrowid
        cx.db["paragraphs"].insert_all(
            (
                {
                    "version_id": vid,
                    "pid": p.id,
                    "kind": str(p.kind),
                    "number": p.number,
                    "text": p.text,
                    "footnotes": json.dumps(list(p.footnotes), ensure_ascii=False),
                    "lead": p.lead,
                    "level": p.level,
                    "text_hash": text_hash(p.text),
                    "footnote_offsets": (
                        json.dumps(list(p.footnote_offsets)) if p.footnote_offsets else None
                    ),
                }
                for p in res.paragraphs
            ),
            batch_size=500,
        )
        cx.conn.execute(
            "INSERT INTO version_files (sha256, version_id, source, imported_at) "
            "VALUES (?, ?, ?, ?)",
            (sha256, vid, source if source is not None else res.source, now_iso()),
        )
        from drafter.store.provenance import index_pending

        index_pending(cx)
        return int(vid), False

    return cx.write(apply)


def set_stage(cx: Connection, version_id: int, stage: str | None) -> VersionInfo:
    get_version(cx, version_id)
    cx.write(
        lambda: cx.conn.execute(
            "UPDATE versions SET stage = ? WHERE id = ?", (stage or None, version_id)
        )
    )
    return get_version(cx, version_id)


def move_version(cx: Connection, version_id: int, family_id: int | None) -> VersionInfo:
    """Put a version in another family (None: a family of its own), e.g. to undo a
    wrong automatic grouping. An emptied family is removed."""
    info = get_version(cx, version_id)

    def apply() -> None:
        target = family_id
        if target is None:
            row = cx.conn.execute(
                "SELECT coalesce(title, symbol, source, 'untitled') FROM versions WHERE id = ?",
                (version_id,),
            ).fetchone()
            target = cx.conn.execute(
                "INSERT INTO families (name, created) VALUES (?, ?)", (row[0], now_iso())
            ).lastrowid
        elif not cx.conn.execute("SELECT 1 FROM families WHERE id = ?", (target,)).fetchone():
            raise StoreError(f"no family {target} in the library")
        cx.conn.execute("UPDATE versions SET family_id = ? WHERE id = ?", (target, version_id))
        cx.conn.execute(
            "DELETE FROM families WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM versions WHERE family_id = ?)",
            (info.family_id, info.family_id),
        )

    cx.write(apply)
    return get_version(cx, version_id)


def _family_exists(cx: Connection, family_id: int) -> None:
    if not cx.conn.execute("SELECT 1 FROM families WHERE id = ?", (family_id,)).fetchone():
        raise StoreError(f"no family {family_id} in the library")


def rename_family(cx: Connection, family_id: int, title: str | None) -> None:
    """Give a family a title by hand (None or "": named after its versions again)."""
    title = " ".join((title or "").split()) or None

    def apply() -> None:
        _family_exists(cx, family_id)
        cx.conn.execute("UPDATE families SET title_by_hand = ? WHERE id = ?", (title, family_id))

    cx.write(apply)


def merge_families(cx: Connection, family_id: int, into_family_id: int) -> None:
    """Move every version of ``family_id`` into ``into_family_id``; the first goes away.
    A title given by hand to the first is kept if the second has none."""
    if family_id == into_family_id:
        raise StoreError(f"family {family_id} cannot be merged into itself")

    def apply() -> None:
        _family_exists(cx, family_id)
        _family_exists(cx, into_family_id)
        cx.conn.execute(
            "UPDATE families SET title_by_hand = coalesce(title_by_hand, "
            "(SELECT title_by_hand FROM families WHERE id = ?)) WHERE id = ?",
            (family_id, into_family_id),
        )
        cx.conn.execute(
            "UPDATE versions SET family_id = ? WHERE family_id = ?", (into_family_id, family_id)
        )
        cx.conn.execute("DELETE FROM families WHERE id = ?", (family_id,))

    cx.write(apply)


def delete_version(cx: Connection, version_id: int) -> None:
    """Remove a version, its paragraphs and its notes (and its family once empty)."""
    info = get_version(cx, version_id)

    def apply() -> None:
        cx.conn.execute("DELETE FROM versions WHERE id = ?", (version_id,))
        cx.conn.execute(
            "DELETE FROM families WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM versions WHERE family_id = ?)",
            (info.family_id, info.family_id),
        )

    cx.write(apply)


def previous_version(cx: Connection, version_id: int) -> int | None:
    """The version a newly imported one takes its notes from.

    Among the family's versions in its language imported before it: when the new one has a printed
    date, the latest-dated one not after it (importing an old draft after the adopted
    text must not carry the adopted text's notes back in time); otherwise the most
    recently imported.
    """
    me = cx.read("SELECT family_id, date, language FROM versions WHERE id = ?", (version_id,))
    if not me:
        return None
    # a translation of the same text is not an earlier version of it
    rows = cx.read(
        "SELECT id, date FROM versions WHERE family_id = ? AND id < ? AND language = ? "
        "ORDER BY id DESC",
        (me[0]["family_id"], version_id, me[0]["language"]),
    )
    mine = me[0]["date"]
    if not mine:
        return rows[0]["id"] if rows else None
    earlier = [r for r in rows if not (r["date"] and r["date"] > mine)]
    if not earlier:
        return None
    return max(earlier, key=lambda r: (r["date"] or "", r["id"]))["id"]
