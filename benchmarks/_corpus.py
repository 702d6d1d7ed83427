"""Real paragraphs and perturbed versions with known truth, for benchmarks and demos.

The ga80 library (``../shared/corpus/ga80/md``) has one paragraph per line, so its
paragraphs are read here directly, without the importer: the benchmarks measure
alignment, not parsing. :func:`perturb` makes a "new version" of a list of
paragraphs the way negotiations do (word edits, deletions, insertions taken from
other real resolutions, moves, splits, merges, renumbering) and returns the truth:
which old paragraphs each new paragraph came from, and which were moved.

Reusable by other benchmarks (the GUI's speed benchmark builds its comparisons with
:func:`perturbed_pair`).
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from drafter.model import Paragraph, ParaKind, Resolution

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DRAFTER_CORPUS", ROOT.parent / "shared" / "corpus"))
_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\.\s+")
_MARKER_RE = re.compile(r"\[\^\w+\]")
_FOOTNOTE_DEF_RE = re.compile(r"^\s*\[\^\w+\]:")


@dataclass(frozen=True)
class Document:
    name: str
    paragraphs: tuple[str, ...]


@cache
def documents(folder: Path | None = None) -> tuple[Document, ...]:
    """The ga80 Markdown texts as lists of paragraphs (front matter dropped)."""
    folder = folder or CORPUS / "ga80" / "md"
    docs = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        paras = []
        for line in text.splitlines():
            # Footnote definitions and rules are not paragraphs (the importer files
            # footnotes separately); inline markers are dropped as the importer does.
            if _FOOTNOTE_DEF_RE.match(line) or line.strip() in ("---", "***", "___"):
                continue
            line = _MARKER_RE.sub("", line).strip()
            if line:
                paras.append(_NUMBER_RE.sub("", line))
        if len(paras) >= 10:
            docs.append(Document(path.stem, tuple(paras)))
    if not docs:
        raise SystemExit(f"no corpus texts found in {folder} (set DRAFTER_CORPUS)")
    return tuple(docs)


@dataclass
class Truth:
    """What a perturbation did: for each new paragraph, the old ids it came from."""

    origins: list[list[int]]
    moved: set[int] = field(default_factory=set)
    edited: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    split: set[int] = field(default_factory=set)
    merged: set[int] = field(default_factory=set)

    @property
    def links(self) -> set[tuple[int, int]]:
        return {(o, n) for n, olds in enumerate(self.origins) for o in olds}


def _edit_words(
    text: str, rng: random.Random, vocab: list[str], share: tuple[float, float] = (0.04, 0.12)
) -> str:
    """Word-level edits (replace, delete or insert) on a share of the words: by
    default about one word in ten, at most six, as in a round of negotiation."""
    words = text.split(" ")
    cap = 6 if share == (0.04, 0.12) else len(words)
    n_edits = max(1, min(cap, round(len(words) * rng.uniform(*share))))
    for _ in range(n_edits):
        if len(words) < 3:
            words.append(rng.choice(vocab))
            continue
        i = rng.randrange(len(words))
        op = rng.random()
        if op < 0.5:
            words[i] = rng.choice(vocab)
        elif op < 0.75:
            del words[i]
        else:
            words.insert(i, rng.choice(vocab))
    return " ".join(words)


def _split_point(text: str) -> int | None:
    """A clause boundary near the middle ("; " or ", "), or None if none is usable."""
    mid = len(text) // 2
    best = None
    for m in re.finditer(r"[;,] ", text):
        cut = m.end()
        if 0.25 * len(text) < cut < 0.75 * len(text) and (
            best is None or abs(cut - mid) < abs(best - mid)
        ):
            best = cut
    return best


def perturb(
    paragraphs: list[str],
    rng: random.Random,
    pool: list[str],
    *,
    edit_rate: float = 0.25,
    delete_rate: float = 0.08,
    insert_rate: float = 0.08,
    move_rate: float = 0.05,
    splits: int = 2,
    merges: int = 2,
    edit_share: tuple[float, float] = (0.04, 0.12),
) -> tuple[list[str], Truth]:
    """A new version of ``paragraphs`` and the truth of how it was made."""
    n = len(paragraphs)
    vocab = [w for p in pool[:400] for w in p.split() if w.isalpha()] or ["text"]
    ids = list(range(n))
    rng.shuffle(ids)
    k_del = round(n * delete_rate)
    k_move = max(1, round(n * move_rate)) if n >= 8 else 0
    deleted = set(ids[:k_del])
    rest = ids[k_del:]
    moved_pool = [i for i in rest if len(paragraphs[i].split()) >= 3]
    moved = set(moved_pool[:k_move])
    long_ones = [i for i in rest if i not in moved and _split_point(paragraphs[i])]
    split = set(long_ones[:splits])
    merge_firsts = set()
    for i in rest:
        if len(merge_firsts) >= merges:
            break
        j = i + 1
        if (
            j < n
            and i not in moved | split | deleted
            and j not in moved | split | deleted
            and not {i - 1, i, j, j + 1} & merge_firsts
            and not {i, j} & {m + 1 for m in merge_firsts}
        ):
            merge_firsts.add(i)
    merged_second = {i + 1 for i in merge_firsts}
    edited = {i for i in rest if rng.random() < edit_rate}

    items: list[tuple[str, list[int]]] = []
    for i, text in enumerate(paragraphs):
        if i in deleted or i in merged_second:
            continue
        if i in edited:
            text = _edit_words(text, rng, vocab, edit_share)
        if i in merge_firsts:
            nxt = paragraphs[i + 1]
            if i + 1 in edited:
                nxt = _edit_words(nxt, rng, vocab, edit_share)
            items.append((text.rstrip() + " " + nxt.lstrip(), [i, i + 1]))
        elif i in split:
            cut = _split_point(text) or len(text) // 2
            items.append((text[:cut].rstrip(), [i]))
            items.append((text[cut:].lstrip(), [i]))
        else:
            items.append((text, [i]))

    # Moves: take the paragraph out and put it back at least three places away
    # (never between the two halves of a split, which stay together).
    def free_slots(seq: list[tuple[str, list[int]]]) -> list[int]:
        return [
            k
            for k in range(len(seq) + 1)
            if not (
                0 < k < len(seq)
                and seq[k][1]
                and seq[k - 1][1] == seq[k][1]
                and seq[k][1][0] in split
            )
        ]

    for i in sorted(moved):
        pos = next(k for k, (_, o) in enumerate(items) if o == [i])
        item = items.pop(pos)
        choices = [k for k in free_slots(items) if abs(k - pos) >= 3]
        if not choices:
            moved.discard(i)
            items.insert(pos, item)
            continue
        items.insert(rng.choice(choices), item)
    for _ in range(round(n * insert_rate)):
        items.insert(rng.choice(free_slots(items)), (rng.choice(pool), []))
    truth = Truth(
        origins=[o for _, o in items],
        moved=moved,
        edited=edited,
        deleted=deleted,
        split=split,
        merged=merge_firsts | merged_second,
    )
    return [t for t, _ in items], truth


def as_resolution(
    paragraphs: list[str], *, symbol: str = "X", operative_from: int = 0
) -> Resolution:
    """Paragraph texts as a Resolution: numbered operatives from ``operative_from`` on."""
    paras = []
    number = 0
    for i, text in enumerate(paragraphs):
        if i >= operative_from:
            number += 1
            paras.append(Paragraph(i, ParaKind.OPERATIVE, str(number), text))
        else:
            paras.append(Paragraph(i, ParaKind.PREAMBULAR, None, text))
    return Resolution(symbol=symbol, title=None, date=None, paragraphs=tuple(paras))


def insertion_pool(doc: Document) -> list[str]:
    """Substantive paragraphs of the other texts that ``doc`` does not already contain."""
    own = set(doc.paragraphs)
    return [
        p
        for d in documents()
        if d is not doc
        for p in d.paragraphs
        if len(p.split()) >= 8 and p not in own
    ]


def perturbed_pair(
    seed: int = 0, doc_index: int | None = None
) -> tuple[Resolution, Resolution, Truth]:
    """An old and a new version of one real text (renumbered), with the truth."""
    rng = random.Random(seed)
    docs = documents()
    doc = docs[doc_index % len(docs)] if doc_index is not None else rng.choice(docs)
    pool = insertion_pool(doc)
    new_paras, truth = perturb(list(doc.paragraphs), rng, pool)
    split_at = len(doc.paragraphs) // 3
    old = as_resolution(list(doc.paragraphs), symbol=f"{doc.name} (old)", operative_from=split_at)
    new = as_resolution(new_paras, symbol=f"{doc.name} (new)", operative_from=split_at)
    return old, new, truth


def synthetic_paragraphs(count: int, rng: random.Random, words: int = 100) -> list[str]:
    """``count`` paragraphs of about ``words`` words, each stitched from short runs
    (4-15 words) of the real word stream, so that even 10,000 of them read like
    resolution prose without being overlapping copies of the same few passages."""
    stream = _stream()
    out = []
    for _ in range(count):
        size = max(5, int(rng.gauss(words, words / 4)))
        chunk: list[str] = []
        while len(chunk) < size:
            n = rng.randint(4, 15)
            start = rng.randrange(0, len(stream) - n)
            chunk.extend(stream[start : start + n])
        out.append(" ".join(chunk[:size]))
    return out


@cache
def _stream() -> tuple[str, ...]:
    return tuple(w for d in documents() for p in d.paragraphs for w in p.split())
