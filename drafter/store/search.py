"""Agreed-language search (FTS5) and "find precedents for this paragraph".

Search ranks with FTS5's bm25. For a plain query, paragraphs holding the words as
the exact phrase come first, then those holding them close together (NEAR), then
those holding all the words anywhere. The same
wording stored many times (a paragraph unchanged from Rev.1 to the adopted text,
or repeated year after year) is indexed once (the ``wordings`` table, schema v4)
and shown once, from its most recent version, with a count of the other places it
appears: one popular paragraph cannot fill the list, and FTS5 ranks 5-6 times fewer
rows on a library of many versions.

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
from drafter.model import Paragraph, ParaKind, part_named_by
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


def _label(kind: str, number: str | None, pid: int, part: str = "") -> str:
    try:
        k = ParaKind(kind)
    except ValueError:
        k = ParaKind.OTHER
    return Paragraph(pid, k, number, "", part=part).label


def _annex_openings(cx: Connection, version_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """For each version, the headings that open a part ("Annex"): (pid, part), in order.

    A hit is read without the rest of its document, so its part (a paragraph after an
    "Annex" heading is "Annex 10", not "OP 10") is found from these.
    """
    ids = sorted(set(version_ids))
    if not ids:
        return {}
    rows = cx.read(
        f"SELECT version_id, pid, text FROM paragraphs WHERE kind = 'heading' "
        f"AND version_id IN ({', '.join('?' * len(ids))}) ORDER BY version_id, pid",
        ids,
    )
    opens: dict[int, list[tuple[int, str]]] = {}
    for r in rows:
        if part := part_named_by(r["text"]):
            opens.setdefault(r["version_id"], []).append((r["pid"], part))
    return opens


def _part_of(opens: dict[int, list[tuple[int, str]]], version_id: int, pid: int) -> str:
    part = ""
    for start, named in opens.get(version_id, ()):
        if start < pid:
            part = named
    return part


def _filter_sql(version_ids: Sequence[int] | None, exclude_version: int | None) -> tuple[str, list]:
    """SQL conditions on ``p`` (a paragraphs row) for the version filters."""
    sql, params = "", []
    if version_ids is not None:
        ids = [int(v) for v in version_ids]
        sql += f" AND p.version_id IN ({', '.join('?' * len(ids)) or 'NULL'})"
        params += ids
    if exclude_version is not None:
        sql += " AND p.version_id != ?"
        params.append(int(exclude_version))
    return sql, params


def _match_wordings(
    cx: Connection,
    match: str,
    limit: int,
    *,
    version_ids: Sequence[int] | None = None,
    exclude_version: int | None = None,
    exclude_ids: Iterable[int] = (),
) -> list[Any]:
    """Best-ranked distinct wordings matching an FTS5 expression: (wid, score, snip).

    FTS5 orders by rank itself and stops at the limit; a version filter is an EXISTS
    on the paragraphs, checked only for the rows FTS5 produces.
    """
    filt, params = _filter_sql(version_ids, exclude_version)
    cond = ""
    if filt:
        cond = (
            " AND EXISTS (SELECT 1 FROM wordings w JOIN paragraphs p ON p.text_hash = w.hash "
            f"WHERE w.id = wordings_fts.rowid {filt})"
        )
    skip = list(exclude_ids)
    if skip:
        cond += f" AND wordings_fts.rowid NOT IN ({', '.join('?' * len(skip))})"
    sql = f"""
        SELECT wordings_fts.rowid AS wid, bm25(wordings_fts) AS score,
               snippet(wordings_fts, 0, char(1), char(2), '…', {SNIPPET_TOKENS}) AS snip
        FROM wordings_fts
        WHERE wordings_fts MATCH ? {cond}
        ORDER BY rank LIMIT ?"""
    try:
        return cx.read(sql, (match, *params, *skip, limit))
    except StoreError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise StoreError("the search text could not be understood; try plain words") from None
        raise


def _places(
    cx: Connection,
    wids: Sequence[int],
    version_ids: Sequence[int] | None = None,
    exclude_version: int | None = None,
) -> dict[int, list[Any]]:
    """Every stored paragraph with each wording, most recent version first."""
    if not wids:
        return {}
    filt, params = _filter_sql(version_ids, exclude_version)
    rows = cx.read(
        f"""SELECT w.id AS wid, p.pk, p.version_id, p.pid, p.kind, p.number, p.text,
                   p.text_hash, v.symbol, v.date, v.title, v.stage
            FROM wordings w
            JOIN paragraphs p ON p.text_hash = w.hash
            JOIN versions v ON v.id = p.version_id
            WHERE w.id IN ({", ".join("?" * len(wids))}) {filt}
            ORDER BY coalesce(v.date, '') DESC, v.id DESC, p.pid""",
        (*wids, *params),
    )
    out: dict[int, list[Any]] = {}
    for r in rows:
        out.setdefault(r["wid"], []).append(r)
    return out


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
    snippet: str,
    marks: tuple = (),
    same: int = 0,
    part: str = "",
) -> SearchHit:
    return SearchHit(
        version_id=row["version_id"],
        symbol=row["symbol"],
        paragraph_id=row["pid"],
        number=row["number"],
        date=row["date"],
        snippet=snippet,
        rank=rank,
        marks=marks,
        label=_label(row["kind"], row["number"], row["pid"], part),
        title=row["title"],
        stage=row["stage"],
        text=row["text"],
        exact=exact,
        same_text_elsewhere=same,
    )


def _expand(
    cx: Connection,
    ranked: list[tuple[int, float, bool, str, tuple]],
    limit: int,
    collapse: bool,
    version_ids: Sequence[int] | None = None,
    exclude_version: int | None = None,
) -> list[SearchHit]:
    """Hits from ranked wordings (wid, rank, exact, snippet, marks).

    Collapsed: one hit per wording, from its most recent version, counting the
    others. Otherwise every paragraph with the wording, up to ``limit``.
    """
    places = _places(cx, [w for w, *_ in ranked], version_ids, exclude_version)
    opens = _annex_openings(cx, (r["version_id"] for rows in places.values() for r in rows))
    hits: list[SearchHit] = []
    for wid, rank, exact, snippet, marks in ranked:
        rows = places.get(wid, [])
        if not rows:
            continue
        chosen = rows[:1] if collapse else rows
        for r in chosen:
            hits.append(
                _hit(
                    r,
                    rank,
                    exact=exact,
                    snippet=snippet,
                    marks=marks,
                    same=len(rows) - 1 if collapse else 0,
                    part=_part_of(opens, r["version_id"], r["pid"]),
                )
            )
        if len(hits) >= limit:
            break
    return hits[:limit]


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
    if parsed.substring is not None:
        return _substring_search(cx, parsed.substring, limit, version_ids, collapse)
    ranked: list[tuple[int, float, bool, str, tuple]] = []
    seen: set[int] = set()
    # Tiers: the exact phrase, the words close together, the words anywhere. Each
    # tier's hits rank below the previous tier's (bm25 orders within a tier).
    tiers = [(parsed.phrase, True), (parsed.near, False), (parsed.match, parsed.phrase is None)]
    for expr, exact in tiers:
        if expr is None or len(ranked) >= limit:
            continue
        rows = _match_wordings(
            cx, expr, limit - len(ranked), version_ids=version_ids, exclude_ids=seen
        )
        if not rows:
            continue
        ranks = [-r["score"] for r in rows]
        if ranked:
            shift = min(0.0, min(x[1] for x in ranked) - max(ranks) - 1e-3)
            ranks = [x + shift for x in ranks]
        for r, rank in zip(rows, ranks, strict=True):
            snippet, marks = _parse_snippet(r["snip"] or "")
            ranked.append((r["wid"], rank, exact, snippet, marks))
            seen.add(r["wid"])
    return _expand(cx, ranked, limit, collapse, version_ids)


def _substring_search(
    cx: Connection,
    needle: str,
    limit: int,
    version_ids: Sequence[int] | None,
    collapse: bool,
) -> list[SearchHit]:
    """Wordings containing ``needle`` as a plain substring (CJK text), newest first."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    filt, params = _filter_sql(version_ids, None)
    cond = ""
    if filt:
        cond = f" AND EXISTS (SELECT 1 FROM paragraphs p WHERE p.text_hash = w.hash {filt})"
    rows = cx.read(
        f"SELECT w.id AS wid, w.text FROM wordings w WHERE w.text LIKE ? ESCAPE '\\' {cond} "
        "ORDER BY w.id DESC LIMIT ?",
        (f"%{escaped}%", *params, limit),
    )
    ranked = []
    for r in rows:
        marks = tuple((m.start(), m.end()) for m in re.finditer(re.escape(needle), r["text"]))
        snippet, marks = _window(r["text"], marks)
        ranked.append((r["wid"], 1.0, True, snippet, marks))
    return _expand(cx, ranked, limit, collapse, version_ids)


def _rarest_terms(cx: Connection, words: list[str], n: int) -> list[str]:
    terms = sorted({_fold_term(w) for w in words if len(w) > 2 and w.casefold() not in STOPWORDS})
    if not terms:
        terms = sorted({_fold_term(w) for w in words})
    if not terms:
        return []
    try:
        rows = cx.read(
            f"SELECT term, doc FROM wordings_vocab WHERE term IN ({', '.join('?' * len(terms))})",
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
        rows = _match_wordings(cx, match, PRECEDENT_CANDIDATES, exclude_version=exclude_version)
    except StoreError:
        return []
    texts = (
        {
            r["id"]: r["text"]
            for r in cx.read(
                f"SELECT id, text FROM wordings WHERE id IN ({', '.join('?' * len(rows))})",
                tuple(r["wid"] for r in rows),
            )
        }
        if rows
        else {}
    )
    a = [w for w, _, _ in mine]
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(a)
    scored: list[tuple[int, float, tuple]] = []
    for r in rows:
        text_b = texts.get(r["wid"], "")
        spans = _token_spans(text_b)
        b = [w for w, _, _ in spans]
        if not b:
            continue
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
        scored.append((r["wid"], score, marks))
    scored.sort(key=lambda t: (-t[1], t[0]))
    ranked = []
    for wid, score, marks in scored[: limit * 2]:
        snippet, kept = _window(texts[wid], marks, width=400)
        ranked.append((wid, score, score >= 0.999, snippet, kept))
    return _expand(cx, ranked, limit, True, None, exclude_version)


def rebuild_index(cx: Connection) -> None:
    """Rebuild the full-text index from the stored wordings (repairs a damaged index)."""

    def apply() -> None:
        cx.conn.execute("INSERT INTO wordings_fts(wordings_fts) VALUES ('rebuild')")

    try:
        cx.write(apply)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - write() converts these
        raise StoreError(str(exc)) from None
