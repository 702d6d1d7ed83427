"""Hand-made comparisons for GUI tests that must not depend on the engine's choices."""

from __future__ import annotations

import random

from drafter.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Pair,
    PairKind,
    Paragraph,
    ParaKind,
    Resolution,
)

WORDS = [
    "migration",
    "development",
    "States",
    "Member",
    "international",
    "cooperation",
    "human",
    "rights",
    "migrants",
    "dialogue",
    "regional",
    "global",
    "frameworks",
    "policies",
    "welfare",
    "families",
    "protection",
    "countries",
    "origin",
    "transit",
    "destination",
    "Assembly",
    "Secretary-General",
    "report",
    "session",
    "decides",
    "recognizes",
]


def _sentence(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(n)]


def make_comparison(n_pairs: int = 40, seed: int = 1) -> Comparison:
    """A comparison with every pair kind, consistent diffs and numbered paragraphs."""
    rng = random.Random(seed)
    old_pars: list[Paragraph] = []
    new_pars: list[Paragraph] = []
    pairs: list[Pair] = []
    cycle = [
        PairKind.UNCHANGED,
        PairKind.MODIFIED,
        PairKind.UNCHANGED,
        PairKind.INSERTED,
        PairKind.UNCHANGED,
        PairKind.DELETED,
        PairKind.MODIFIED,
        PairKind.MOVED,
        PairKind.SPLIT,
        PairKind.UNCHANGED,
        PairKind.MERGED,
    ]

    def add_old(text: str) -> int:
        pid = len(old_pars)
        old_pars.append(Paragraph(pid, ParaKind.OPERATIVE, str(pid + 1), text, lead=0))
        return pid

    def add_new(text: str) -> int:
        pid = len(new_pars)
        new_pars.append(Paragraph(pid, ParaKind.OPERATIVE, str(pid + 1), text))
        return pid

    for i in range(n_pairs):
        kind = cycle[i % len(cycle)]
        words = _sentence(rng, rng.randint(12, 60))
        text = "Decides " + " ".join(words) + ";"
        if kind == PairKind.UNCHANGED:
            pairs.append(Pair(kind, (add_old(text),), (add_new(text),), 1.0, ((EQUAL, text),)))
        elif kind in (PairKind.MODIFIED, PairKind.MOVED):
            a, b = " ".join(words[:5]), " ".join(words[6:])
            old_t = f"Decides {a} {words[5]} {b};"
            new_t = f"Decides {a} firmly {b};"
            diff = (
                (EQUAL, f"Decides {a} "),
                (DELETE, words[5]),
                (INSERT, "firmly"),
                (EQUAL, f" {b};"),
            )
            if kind == PairKind.MOVED:
                diff = ((EQUAL, old_t),)
                new_t = old_t
            pairs.append(Pair(kind, (add_old(old_t),), (add_new(new_t),), 0.9, diff))
        elif kind == PairKind.INSERTED:
            pairs.append(Pair(kind, (), (add_new(text),), 0.0, ((INSERT, text),)))
        elif kind == PairKind.DELETED:
            pairs.append(Pair(kind, (add_old(text),), (), 0.0, ((DELETE, text),)))
        elif kind == PairKind.SPLIT:
            a, b = " ".join(words[:8]), " ".join(words[8:])
            old_t = f"Decides {a}, and {b};"
            pairs.append(
                Pair(
                    kind,
                    (add_old(old_t),),
                    (add_new(f"Decides {a};"), add_new(f"Also {b};")),
                    0.8,
                    (
                        (EQUAL, f"Decides {a}"),
                        (DELETE, ", and"),
                        (INSERT, ";\nAlso"),
                        (EQUAL, f" {b};"),
                    ),
                )
            )
        elif kind == PairKind.MERGED:
            a, b = " ".join(words[:8]), " ".join(words[8:])
            pairs.append(
                Pair(
                    kind,
                    (add_old(f"Decides {a};"), add_old(f"Also {b};")),
                    (add_new(f"Decides {a}, and {b};"),),
                    0.8,
                    (
                        (EQUAL, f"Decides {a}"),
                        (DELETE, ";\nAlso"),
                        (INSERT, ", and"),
                        (EQUAL, f" {b};"),
                    ),
                )
            )
    old = Resolution("A/TEST/1", "Handmade old", None, tuple(old_pars), source="old.md")
    new = Resolution("A/TEST/2", "Handmade new", None, tuple(new_pars), source="new.md")
    return Comparison(old, new, tuple(pairs))
