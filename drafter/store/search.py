"""Agreed-language search (FTS5) and "find precedents for this paragraph".

Search ranks with FTS5's bm25. For a plain query, paragraphs holding the words as
the exact phrase come first, then those holding all the words anywhere. The same
wording stored many times (a paragraph unchanged from Rev.1 to the adopted text,
or repeated year after year) is shown once, from its most recent version, with a
count of the other places it appears, so one popular paragraph cannot fill the list.

Precedents: the given paragraph's rarest words (document frequencies from the
index's vocabulary) fetch candidates through FTS5; candidates are then ranked by
how much of the wording they share, word sequence by word sequence.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from drafter.errors import StoreError
from drafter.model import Paragraph, ParaKind
from drafter.store.db import Connection
from drafter.store.query import ParsedQuery, parse_query
from drafter.store.types import SearchHit

_OPEN, _CLOSE = "\x01", "\x02"
_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_TOKENS = 32
PRECEDENT_TERMS = 12
PRECEDENT_CANDIDATES = 300

# Words too common in resolutions to tell two paragraphs apart.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "which",
        "with",
        "all",
        "also",
        "other",
        "such",
        "including",
        "well",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "et",
        "en",
        "un",
        "une",
        "dans",
        "par",
        "pour",
        "sur",
        "aux",
        "au",
        "que",
        "qui",
        "el",
        "los",
        "las",
        "del",
        "y",
        "por",
        "para",
        "con",
        "una",
        "al",
    ]
)


def _fold_term(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer (remove_diacritics 2) indexes it."""
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _parse_snippet(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    start = None
    for ch in raw:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start is not None:
                marks.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    # Adjacent marked words of one phrase read better as one highlight.
    merged: list[tuple[int, int]] = []
    text = "".join(out)
    for s, e in marks:
        if merged and text[merged[-1][1] : s].strip(" ,;:-") == "":
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return text, tuple(merged)


def _label(kind: str, number: str | None, pid: int) -> str:
    try:
        k = ParaKind(kind)
    except ValueError:
        k = ParaKind.OTHER
    return Paragraph(pid, k, number, "").label


def _filter_sql(version_ids: Sequence[int] | None, exclude_version: int | None) -> tuple[str, list]:
    sql, params = "", []
    if version_ids is not None:
        ids = [int(v) for v in version_ids]
        sql += f" AND p.version_id IN ({', '.join('?' * len(ids)) or 'NULL'})"
        params += ids
    if exclude_version is not None:
        sql += " AND p.version_id != ?"
        params.append(int(exclude_version))
    return sql, params


def _fts_rows(
    cx: Connection,
    match: str,
    limit: int,
    *,
    version_ids: Sequence[int] | None = None,
    exclude_version: int | None = None,
    exclude_pks: Iterable[int] = (),
) -> list[Any]:
    filt, params = _filter_sql(version_ids, exclude_version)
    skip = list(exclude_pks)
    if skip:
        filt += f" AND p.pk NOT IN ({', '.join('?' * len(skip))})"
        params += skip
    sql = f"""
        SELECT p.pk, p.version_id, p.pid, p.kind, p.number, p.text, p.text_hash,
               v.symbol, v.date, v.title, v.stage, v.id AS vid,
               bm25(paragraphs_fts) AS score,
               snippet(paragraphs_fts, 0, char(1), char(2), '…', {SNIPPET_TOKENS}) AS snip
        FROM paragraphs_fts
        JOIN paragraphs p ON p.pk = paragraphs_fts.rowid
        JOIN versions v ON v.id = p.version_id
        WHERE paragraphs_fts MATCH ? {filt}
        ORDER BY rank LIMIT ?"""
    try:
        return cx.read(sql, (match, *params, limit))
    except StoreError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise StoreError("the search text could not be understood; try plain words") from None
        raise


def _substring_rows(
    cx: Connection, needle: str, limit: int, version_ids: Sequence[int] | None
) -> list[Any]:
    filt, params = _filter_sql(version_ids, None)
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cx.read(
        f"""SELECT p.pk, p.version_id, p.pid, p.kind, p.number, p.text, p.text_hash,
                   v.symbol, v.date, v.title, v.stage, v.id AS vid, 0.0 AS score, NULL AS snip
            FROM paragraphs p JOIN versions v ON v.id = p.version_id
            WHERE p.text LIKE ? ESCAPE '\\' {filt} ORDER BY v.date DESC, p.pk LIMIT ?""",
        (f"%{escaped}%", *params, limit),
    )


def _window(
    text: str, marks: Sequence[tuple[int, int]], width: int = 240
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet of ``text`` around its first mark, marks shifted and clipped to match."""
    if len(text) <= width:
        return text, tuple(marks)
    start = max(0, marks[0][0] - width // 3) if marks else 0
    end = min(len(text), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in marks if s < end and e > start
    )
    return prefix + text[start:end] + suffix, kept


def _hit(
    row: Any,
    rank: float,
    *,
    exact: bool,
    snippet: str | None = None,
    marks: tuple = (),
    same: int = 0,
) -> SearchHit:
    if snippet is None:
        if row["snip"]:
            snippet, marks = _parse_snippet(row["snip"])
        else:
            snippet, marks = row["text"], ()
    return SearchHit(
        version_id=row["version_id"],
        symbol=row["symbol"],
        paragraph_id=row["pid"],
        number=row["number"],
        date=row["date"],
        snippet=snippet,
        rank=rank,
        marks=marks,
        label=_label(row["kind"], row["number"], row["pid"]),
        title=row["title"],
        stage=row["stage"],
        text=row["text"],
        exact=exact,
        same_text_elsewhere=same,
    )


def _collapse(
    cx: Connection, rows: list[tuple[Any, float, bool]], limit: int, collapse: bool
) -> list[tuple[Any, float, bool, int]]:
    """One row per distinct wording (the most recent), with how often it recurs."""
    if not collapse:
        return [(r, rank, exact, 0) for r, rank, exact in rows[:limit]]
    best: dict[str, tuple[Any, float, bool]] = {}
    order: list[str] = []
    for r, rank, exact in rows:
        h = r["text_hash"]
        if h not in best:
            best[h] = (r, rank, exact)
            order.append(h)
        elif (r["date"] or "", r["version_id"]) > (
            best[h][0]["date"] or "",
            best[h][0]["version_id"],
        ):
            best[h] = (r, rank, best[h][2] or exact)
    order = order[:limit]
    counts: dict[str, int] = {}
    if order:
        for row in cx.read(
            f"SELECT text_hash, count(*) AS n FROM paragraphs WHERE text_hash IN "
            f"({', '.join('?' * len(order))}) GROUP BY text_hash",
            tuple(order),
        ):
            counts[row["text_hash"]] = row["n"]
    return [(*best[h], max(0, counts.get(h, 1) - 1)) for h in order]


def search(
    cx: Connection,
    query: str,
    *,
    limit: int = 50,
    version_ids: Sequence[int] | None = None,
    collapse: bool = True,
) -> list[SearchHit]:
    """Paragraphs matching ``query`` (see :mod:`drafter.store.query`), best first."""
    if limit <= 0:
        return []
    parsed: ParsedQuery = parse_query(query)
    fetch = limit * 4 if collapse else limit
    rows: list[tuple[Any, float, bool]] = []
    if parsed.substring is not None:
        rows = [(r, 0.0, True) for r in _substring_rows(cx, parsed.substring, fetch, version_ids)]
        return [
            _substring_hit(r, parsed.substring, same)
            for r, _, _, same in _collapse(cx, rows, limit, collapse)
        ]
    seen: set[int] = set()
    if parsed.phrase:
        for r in _fts_rows(cx, parsed.phrase, fetch, version_ids=version_ids):
            rows.append((r, -r["score"], True))
            seen.add(r["pk"])
    if len({r["text_hash"] for r, _, _ in rows}) < limit:
        extra = _fts_rows(cx, parsed.match, fetch, version_ids=version_ids, exclude_pks=seen)
        # Loose hits always rank below exact-phrase hits.
        floor = min((rank for _, rank, _ in rows), default=0.0)
        for r in extra:
            rank = -r["score"]
            if parsed.phrase:
                rank = min(rank, floor) - 1e-6 - abs(r["score"]) * 1e-3
            rows.append((r, rank, parsed.phrase is None))
    return [
        _hit(r, rank, exact=exact, same=same)
        for r, rank, exact, same in _collapse(cx, rows, limit, collapse)
    ]


def _substring_hit(row: Any, needle: str, same: int) -> SearchHit:
    text = row["text"]
    marks = tuple((m.start(), m.end()) for m in re.finditer(re.escape(needle), text))
    snippet, marks = _window(text, marks)
    return _hit(row, 1.0, exact=True, snippet=snippet, marks=marks, same=same)


def _rarest_terms(cx: Connection, words: list[str], n: int) -> list[str]:
    terms = sorted({_fold_term(w) for w in words if len(w) > 2 and w.casefold() not in STOPWORDS})
    if not terms:
        terms = sorted({_fold_term(w) for w in words})
    if not terms:
        return []
    try:
        rows = cx.read(
            f"SELECT term, doc FROM paragraphs_vocab WHERE term IN ({', '.join('?' * len(terms))})",
            tuple(terms),
        )
    except StoreError:
        return terms[:n]
    docs = {r["term"]: r["doc"] for r in rows}
    known = [t for t in terms if docs.get(t)]
    known.sort(key=lambda t: (docs[t], t))
    return known[:n]


def _token_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def precedents(
    cx: Connection,
    text: str,
    *,
    limit: int = 20,
    exclude_version: int | None = None,
    min_score: float = 0.2,
) -> list[SearchHit]:
    """Stored paragraphs whose wording is closest to ``text``, most similar first.

    ``rank`` (0-1, 1 = the same words in the same order) averages the share of
    ``text`` found in the paragraph and the Dice similarity of the two, counting only
    runs of two or more shared words; hits below ``min_score`` are left out. ``marks`` cover the runs of three
    or more words shared with ``text``.
    """
    mine = _token_spans(text)
    if not mine:
        raise StoreError("no words to look for precedents of")
    terms = _rarest_terms(cx, [w for w, _, _ in mine], PRECEDENT_TERMS)
    if not terms:
        return []
    match = " OR ".join(f'"{t}"' for t in terms)
    try:
        rows = _fts_rows(cx, match, PRECEDENT_CANDIDATES, exclude_version=exclude_version)
    except StoreError:
        return []
    a = [w for w, _, _ in mine]
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(a)
    scored: list[tuple[Any, float, tuple]] = []
    for r in rows:
        spans = _token_spans(r["text"])
        b = [w for w, _, _ in spans]
        matcher.set_seq1(b)
        if matcher.real_quick_ratio() < min_score or matcher.quick_ratio() < min_score:
            continue
        blocks = [blk for blk in matcher.get_matching_blocks() if blk.size >= 2]
        # Shared runs of two or more words: scattered common words are not wording.
        # Half "how much of the text is in this paragraph", half "how alike the two are",
        # so a short heading that shares three words does not beat a real precedent.
        shared = sum(blk.size for blk in blocks)
        score = 0.5 * shared / len(a) + shared / (len(a) + len(b))
        if score < min_score:
            continue
        marks = tuple(
            (spans[blk.a][1], spans[blk.a + blk.size - 1][2]) for blk in blocks if blk.size >= 3
        )
        scored.append((r, score, marks))
    scored.sort(key=lambda t: (-t[1], t[0]["pk"]))
    seen: dict[str, int] = {}
    hits: list[SearchHit] = []
    for r, score, marks in scored:
        h = r["text_hash"]
        if h in seen:
            continue
        seen[h] = len(hits)
        snippet, kept = _window(r["text"], marks, width=400)
        hits.append(_hit(r, score, exact=score >= 0.999, snippet=snippet, marks=kept))
        if len(hits) >= limit:
            break
    return hits


def rebuild_index(cx: Connection) -> None:
    """Rebuild the full-text index from the paragraphs (repairs a damaged index)."""

    def apply() -> None:
        cx.conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")

    try:
        cx.write(apply)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - write() converts these
        raise StoreError(str(exc)) from None
