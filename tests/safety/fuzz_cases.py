"""The fuzz loop shared by tests/safety/test_fuzz_mutants.py (bounded, in CI) and
benchmarks/fuzz_sweep.py (long, each case in its own process).

Seeds are real files: corpus texts (PDF-extracted, Markdown), a corpus PDF, a .docx
Drafter wrote from a corpus text, and a notes file exported from a library with notes
on a corpus text. Each case is one seed mutated one way: bytes flipped, the file cut
short, a zip member cut short, XML made hostile (entity bombs, external entities,
deep nesting, junk), list numbering made absurd, notes JSON with hostile values.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import hostile_files as hostile

TEXT_SEEDS = ("A_RES_67_219.pdf.txt", "A_RES_68_4.md", "ga80/md/A_RES_80_4.md")
PDF_SEED = "pdf/A_RES_73_3-EN.pdf"


@dataclass(frozen=True)
class Case:
    name: str  # seed:mutation#n, for the report
    kind: str  # "file" (imported) or "notes" (notes import)
    suffix: str
    data: bytes


@dataclass
class Seeds:
    texts: dict[str, bytes]
    pdf: bytes
    docx: bytes
    notes: bytes


def make_seeds(corpus: Path, samples: Path, folder: Path) -> Seeds:
    """Real seed files; ``folder`` receives the .docx and a library for the notes file."""
    from drafter.store import Library

    texts = {name: (corpus / name).read_bytes() for name in TEXT_SEEDS}
    docx = hostile.docx_from_text(corpus / "A_RES_68_4.md", folder / "seed.docx").read_bytes()
    with Library.open(folder / "seed.db") as lib:
        vid = lib.import_file(samples / "A_RES_68_4.md").version.id
        res = lib.load_version(vid)
        for i, p in enumerate(res.paragraphs[:6]):
            words = p.text.split()
            quote = " ".join(words[:2]) if i % 2 and len(words) > 2 else ""
            lib.add_note(vid, p.id, f"Note {i} – «agreed» 中文", author="Ana", tags=["G77"],
                         quote=quote, start=0, end=len(quote))  # fmt: skip
        lib.export_notes(folder / "seed-notes.json")
    return Seeds(texts, (corpus / PDF_SEED).read_bytes(), docx,
                 (folder / "seed-notes.json").read_bytes())  # fmt: skip


# --- notes JSON mutations -------------------------------------------------------------

_NOTE_FIELDS = ("id", "version", "paragraph_id", "start", "end", "body", "author", "tags",
                "status", "created", "updated", "quote", "number", "carried_from")  # fmt: skip
_HOSTILE_VALUES: tuple[Callable[[], object], ...] = (
    lambda: ["a", "list"],
    lambda: {"an": "object"},
    lambda: None,
    lambda: True,
    lambda: 2**63,
    lambda: -1,
    lambda: 1.5,
    lambda: "²",
    lambda: "\ud800 lone surrogate",
    lambda: "zzzz",
    lambda: "",
    lambda: "x" * 100_000,
)


def _mutate_notes(seed: bytes, rng: random.Random) -> bytes:
    doc = json.loads(seed)
    how = rng.randrange(7)
    if how == 0:  # a field of a note gets a value of the wrong type or range
        note = rng.choice(doc["notes"])
        note[rng.choice(_NOTE_FIELDS)] = rng.choice(_HOSTILE_VALUES)()
    elif how == 1:
        doc[rng.choice(["format_version", "format", "versions", "notes", "exported_at"])] = (
            rng.choice(_HOSTILE_VALUES)()
        )
    elif how == 2:  # nesting deep enough for the recursion limit
        depth = rng.choice([1_000, 100_000])
        return b'{"format": "drafter-notes", "notes": ' + b"[" * depth + b"]" * depth + b"}"
    elif how == 3:  # an integer over Python's 4,300-digit limit
        text = json.dumps(doc, ensure_ascii=False)
        return text.replace('"paragraph_id": ', '"paragraph_id": ' + "9" * 5000, 1).encode()
    elif how == 4:
        return hostile.flip_bytes(seed, rng, rng.randint(1, 8))
    elif how == 5:
        return hostile.truncate_raw(seed, rng)
    else:  # a lone surrogate escaped in JSON text
        text = json.dumps(doc, ensure_ascii=True)
        return text.replace('"body": "', '"body": "\\udc80', 1).encode()
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


# --- the cases ------------------------------------------------------------------------


def _text_case(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    how = rng.randrange(5)
    if how == 0:
        return "flip", hostile.flip_bytes(data, rng, rng.randint(1, 40))
    if how == 1:
        return "truncate", hostile.truncate_raw(data, rng)
    if how == 2:
        return "one-line", b" ".join(data.split())
    if how == 3:
        return "utf16", data.decode("utf-8", "replace").encode("utf-16")
    at = rng.randrange(len(data))
    return "nul-bytes", data[:at] + b"\x00" * rng.randint(1, 64) + data[at:]


def _docx_case(data: bytes, rng: random.Random, bomb_mb: tuple[int, ...]) -> tuple[str, bytes]:
    how = rng.randrange(6)
    if how == 0:
        return "flip", hostile.flip_bytes(data, rng, rng.randint(1, 10))
    if how == 1:
        return "truncate", hostile.truncate_raw(data, rng)
    if how == 2:
        return "member-cut", hostile.truncate_member(data, rng)
    if how == 3:
        return "xml-poison", hostile.poison_xml(data, rng)
    if how == 4:
        return "numbering", hostile.huge_numbers_docx(data, rng)
    return "bomb", hostile.bomb_docx(data, megabytes=rng.choice(bomb_mb))


def cases(
    seeds: Seeds,
    count: int,
    seed: int = 13,
    *,
    pdf_share: float = 0.05,
    bomb_mb: tuple[int, ...] = (8, 70),
) -> Iterator[Case]:
    """``count`` cases, deterministic for a given ``seed``; PDFs are slow, so few."""
    rng = random.Random(seed)
    for n in range(count):
        roll = rng.random()
        if roll < pdf_share:
            how = rng.choice(["flip", "truncate"])
            data = (hostile.flip_bytes(seeds.pdf, rng, rng.randint(1, 50)) if how == "flip"
                    else hostile.truncate_raw(seeds.pdf, rng))  # fmt: skip
            yield Case(f"pdf:{how}#{n}", "file", ".pdf", data)
        elif roll < 0.35:
            name = rng.choice(sorted(seeds.texts))
            how, data = _text_case(seeds.texts[name], rng)
            yield Case(f"{name}:{how}#{n}", "file", Path(name).suffix or ".txt", data)
        elif roll < 0.75:
            how, data = _docx_case(seeds.docx, rng, bomb_mb)
            yield Case(f"docx:{how}#{n}", "file", ".docx", data)
        else:
            yield Case(f"notes#{n}", "notes", ".json", _mutate_notes(seeds.notes, rng))
