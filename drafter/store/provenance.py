"""Agreed language: for every paragraph of a text, the runs of its words found elsewhere.

The index (schema table ``shingles``) holds the winnowed k-gram hashes of every distinct
wording in the library (see :mod:`drafter.compare.shingles`), keyed by hash. It is kept
up to date inside each import's transaction: wordings with an id above the watermark in
``provenance_state`` are fingerprinted and the watermark raised (a trigger lowers it when
a wording is deleted, so an id SQLite hands out again is indexed again). Entries of
deleted wordings are left behind and cost nothing but a failed verification: every
candidate is checked word by word before it becomes a span.

A query looks up *all* k-gram hashes of the document (about one per word), counts per
paragraph how many each candidate wording shares, verifies the best candidates word by
word (:func:`drafter.compare.shingles.common_runs`), and reports each maximal run of
shared words as a span with the places that hold it: adopted texts first, then the
oldest. A hash held by very many wordings ("requests the Secretary-General to submit")
yields a sample of them, not all: such words are agreed language many times over.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from drafter.compare.shingles import (
    K,
    Run,
    common_runs,
    fingerprint,
    is_cjk,
    kgram_hashes,
    normal_forms,
    normal_words,
    positions,
)
from drafter.model import ParaKind, Resolution
from drafter.provenance import (
    SOURCES_PER_SPAN,
    ParagraphProvenance,
    Provenance,
    Source,
    Span,
)
from drafter.store.db import Connection

DEFAULT_MIN_WORDS = 8
DEFAULT_MIN_CJK_CHARS = 16  # Chinese and Japanese spans are counted in characters
POSTINGS_CAP = 64  # wordings read per hash; more means "very common" and a sample serves
CANDIDATES_PER_PARAGRAPH = 16
_BATCH = 500
BODY_KINDS = (ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH, ParaKind.OTHER)


# -- the index -----------------------------------------------------------------------


def index_pending(cx: Connection, progress: Callable[[int, int], None] | None = None) -> int:
    """Fingerprint the wordings above the watermark. Call inside a write transaction.

    Returns how many wordings were indexed.
    """
    conn = cx.conn
    row = conn.execute("SELECT watermark FROM provenance_state").fetchone()
    mark = row[0] if row else 0
    top = conn.execute("SELECT max(id) FROM wordings").fetchone()[0] or 0
    if top <= mark:
        return 0
    total = conn.execute("SELECT count(*) FROM wordings WHERE id > ?", (mark,)).fetchone()[0]
    done = 0
    cursor = conn.execute("SELECT id, text FROM wordings WHERE id > ? ORDER BY id", (mark,))
    while True:
        rows = cursor.fetchmany(_BATCH)
        if not rows:
            break
        conn.executemany(
            "INSERT OR IGNORE INTO shingles (hash, wording_id) VALUES (?, ?)",
            [(h, wid) for wid, text in rows for h in fingerprint(text)],
        )
        done += len(rows)
        if progress:
            progress(done, total)
    conn.execute("UPDATE provenance_state SET watermark = ?", (top,))
    return done


def pending_count(cx: Connection) -> int:
    rows = cx.read(
        "SELECT count(*) FROM wordings WHERE id > (SELECT watermark FROM provenance_state)"
    )
    return rows[0][0] if rows else 0


# -- the query -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Para:
    id: int
    number: str | None
    label: str
    text: str
    words: list  # list[Word]
    norms: list[str]
    min_len: int


def _prepare(res: Resolution, min_words: int, min_cjk: int) -> list[_Para]:
    out = []
    for p in res.paragraphs:
        if p.kind not in BODY_KINDS:
            continue
        words = normal_words(p.text)
        if not words:
            continue
        min_len = min_cjk if is_cjk(p.text) else min_words
        out.append(_Para(p.id, p.number, p.label, p.text, words, [w.norm for w in words], min_len))
    return out


def _postings(cx: Connection, hashes: Iterable[int]) -> dict[int, list[int]]:
    """Wording ids per hash, at most POSTINGS_CAP each (the first ones stored)."""
    out: dict[int, list[int]] = {}
    execute = cx.conn.execute
    for h in hashes:
        ids = [
            r[0]
            for r in execute(
                "SELECT wording_id FROM shingles WHERE hash = ? LIMIT ?", (h, POSTINGS_CAP)
            )
        ]
        if ids:
            out[h] = ids
    return out


def _chunks(items: Sequence[Any], size: int = _BATCH) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _wordings(cx: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """id -> (hash, text) of the wordings that still exist."""
    out: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        for wid, h, text in cx.conn.execute(
            f"SELECT id, hash, text FROM wordings WHERE id IN ({marks})", list(chunk)
        ):
            out[wid] = (h, text)
    return out


def _sources(cx: Connection, hashes: Sequence[str], excluded: Callable[[Any], bool]):
    """text hash -> the stored paragraphs with that wording that may be cited."""
    out: dict[str, list[Source]] = defaultdict(list)
    for chunk in _chunks(list(hashes)):
        marks = ",".join("?" * len(chunk))
        rows = cx.conn.execute(
            f"""SELECT p.text_hash, p.pid, p.number, p.kind, v.id, v.family_id, v.symbol,
                       v.date, v.stage
                FROM paragraphs p JOIN versions v ON v.id = p.version_id
                WHERE p.text_hash IN ({marks})""",
            list(chunk),
        ).fetchall()
        for h, pid, number, kind, vid, fam, symbol, date, stage in rows:
            src = Source(vid, fam, symbol, date, stage, number, pid, kind)
            if not excluded(src):
                out[h].append(src)
    return out


def _source_order(s: Source) -> tuple:
    return (not s.adopted, s.date is None, s.date or "", s.symbol or "", s.paragraph_id)


def _merge(runs: list[tuple[Run, str]], para: _Para, by_hash: dict[str, list[Source]]):
    """Maximal spans of the paragraph covered by verified runs, with their sources."""
    if not runs:
        return ()
    runs.sort(key=lambda r: (r[0].a, -r[0].a_end))
    groups: list[list[tuple[Run, str]]] = []
    end = -1
    for run, h in runs:
        if groups and run.a < end:
            groups[-1].append((run, h))
            end = max(end, run.a_end)
        else:
            groups.append([(run, h)])
            end = run.a_end
    spans = []
    for group in groups:
        a = min(r.a for r, _ in group)
        a_end = max(r.a_end for r, _ in group)
        seen: set[tuple[int, int]] = set()
        sources: list[Source] = []
        for _run, h in group:
            for src in by_hash.get(h, ()):
                key = (src.version_id, src.paragraph_id)
                if key not in seen:
                    seen.add(key)
                    sources.append(src)
        sources.sort(key=_source_order)
        spans.append(
            Span(
                start=para.words[a].start,
                end=para.words[a_end - 1].end,
                words=a_end - a,
                sources=tuple(sources[:SOURCES_PER_SPAN]),
                source_count=len(sources),
            )
        )
    return tuple(spans)


def _covered(spans: Sequence[Span], para: _Para) -> int:
    n = 0
    for w in para.words:
        if any(s.start <= w.start and w.end <= s.end for s in spans):
            n += 1
    return n


def excluded_for(
    cx: Connection, res: Resolution, *, include_family: bool, version_id: int | None = None
) -> Callable[[Source], bool]:
    """What a document is never matched against: itself, and (unless ``include_family``)
    the other versions of its own negotiation.

    The family is the one the document belongs to (when stored) or would join on import.
    Its adopted texts dated before the document stay citable: last year's resolution
    on the same item is agreed language, its drafts and the document's own revisions
    are not.
    """
    from drafter.store import versions as _versions

    own: set[int] = {version_id} if version_id is not None else set()
    if res.symbol:
        own.update(
            r[0] for r in cx.conn.execute("SELECT id FROM versions WHERE symbol = ?", (res.symbol,))
        )
    family = None
    if version_id is not None:
        row = cx.conn.execute(
            "SELECT family_id FROM versions WHERE id = ?", (version_id,)
        ).fetchone()
        family = row[0] if row else None
    if family is None and not include_family:
        family = _versions._family_for(cx, res, None)
    date = res.date.isoformat() if res.date else None

    def excluded(src: Source) -> bool:
        if src.version_id in own:
            return True
        if include_family or family is None or src.family_id != family:
            return False
        return not (src.adopted and date and src.date and src.date < date)

    return excluded


def provenance(
    cx: Connection,
    res: Resolution,
    *,
    min_words: int = DEFAULT_MIN_WORDS,
    min_cjk_chars: int = DEFAULT_MIN_CJK_CHARS,
    include_family: bool = False,
    version_id: int | None = None,
) -> Provenance:
    """Where each paragraph's words stand in the library (see the module docstring)."""
    # The index guarantees to find runs of GUARANTEED words or more; a shorter minimum
    # finds shorter runs only where they hold a kept hash (documented for the setting).
    min_words = max(min_words, 1)
    paras = _prepare(res, min_words, max(min_cjk_chars, 1))
    excluded = excluded_for(cx, res, include_family=include_family, version_id=version_id)
    with cx.lock:
        hashes_of = [kgram_hashes(p.norms, min(K, p.min_len)) for p in paras]
        postings = _postings(cx, {h for hs in hashes_of for h in hs})
        candidates: list[list[int]] = []
        for hs in hashes_of:
            counts: Counter[int] = Counter()
            for h in set(hs):
                counts.update(postings.get(h, ()))
            candidates.append([wid for wid, _n in counts.most_common(CANDIDATES_PER_PARAGRAPH)])
        texts = _wordings(cx, sorted({w for c in candidates for w in c}))
        by_hash = _sources(cx, sorted({h for h, _t in texts.values()}), excluded)
    hashes_by_wording: dict[tuple[int, int], list[int]] = {}
    norms_by_wording: dict[int, list[str]] = {}
    out = []
    for para, hs, cands in zip(paras, hashes_of, candidates, strict=True):
        k = min(K, para.min_len)
        where = positions(hs)
        runs: list[tuple[Run, str]] = []
        for wid in cands:
            if wid not in texts:
                continue
            h, text = texts[wid]
            if not by_hash.get(h):
                continue
            if wid not in norms_by_wording:
                norms_by_wording[wid] = normal_forms(text)
            norms = norms_by_wording[wid]
            if (wid, k) not in hashes_by_wording:
                hashes_by_wording[wid, k] = kgram_hashes(norms, k)
            found = common_runs(
                para.norms,
                norms,
                para.min_len,
                a_positions=where,
                b_hashes=hashes_by_wording[wid, k],
            )
            runs += [(r, h) for r in found]
        spans = _merge(runs, para, by_hash)
        out.append(
            ParagraphProvenance(
                id=para.id,
                number=para.number,
                label=para.label,
                text=para.text,
                words=len(para.words),
                agreed_words=_covered(spans, para),
                spans=spans,
            )
        )
    return Provenance(
        symbol=res.symbol,
        title=res.title,
        paragraphs=tuple(out),
        min_words=min_words,
        include_family=include_family,
    )


def index_size(cx: Connection) -> dict[str, int]:
    """Rows in the index and wordings indexed (for the benchmark and `library --json`)."""
    rows = cx.conn.execute("SELECT count(*) FROM shingles").fetchone()[0]
    mark = cx.conn.execute("SELECT watermark FROM provenance_state").fetchone()[0]
    return {"rows": rows, "watermark": mark}
