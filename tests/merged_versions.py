"""A real text with some of its paragraphs merged the way drafters merge them
("...; and requests ..."), the merged paragraph put elsewhere (issue 10: merges
whose members are not adjacent, or that moved). Used by the compare, export and
GUI tests (tests/ is on the path through its conftest)."""

from __future__ import annotations

from drafter.model import Paragraph, ParaKind, Resolution


def _join(parts: list[Paragraph], edit_every: int) -> str:
    text = parts[0].text.rstrip(" ;,.")
    for p in parts[1:-1]:
        text += ", " + p.text[0].lower() + p.text[1:].rstrip(" ;,.")
    last = parts[-1].text
    text += ", and " + last[0].lower() + last[1:]
    if edit_every:  # a word in every ``edit_every`` rewritten
        text = " ".join("revised" if k % edit_every == 3 else w for k, w in enumerate(text.split()))
    return text


def merged_version(
    old: Resolution, members: list[str], at: int, kind: str, edit_every: int = 0
) -> tuple[Resolution, set[int], int]:
    """The body of ``old`` with the paragraphs labelled ``members`` merged into one
    paragraph of ``kind`` put at position ``at``; the old ids of the members and the
    new id of the merged paragraph."""
    by_label = {p.label: p for p in old.paragraphs}
    parts = [by_label[m] for m in members]
    body = [p for p in old.paragraphs if p.kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE)]
    rows = [(p.kind, p.text) for p in body if p.label not in members]
    rows.insert(at, (ParaKind(kind), _join(parts, edit_every)))
    paras = []
    number = 0
    for i, (k, text) in enumerate(rows):
        if k == ParaKind.OPERATIVE:
            number += 1
        paras.append(Paragraph(i, k, str(number) if k == ParaKind.OPERATIVE else None, text))
    new = Resolution(symbol="X", title=None, date=None, paragraphs=tuple(paras), language="en")
    return new, {p.id for p in parts}, at
