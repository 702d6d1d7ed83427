"""Several delegations' proposals on one base text, gathered paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Iterable

from drafter.model import Resolution
from drafter.proposals.model import Compilation, ParagraphProposals, Proposal, ProposalKind

# Paragraph-level proposals come after word-level ones on the same paragraph.
_KIND_ORDER = {k: i for i, k in enumerate(ProposalKind)}


def _order(p: Proposal) -> tuple:
    return (p.start, _KIND_ORDER[p.kind], p.delegation.casefold(), p.date, p.id)


def _conflicts(proposals: list[Proposal]) -> tuple[tuple[str, ...], ...]:
    """Groups of proposals by different delegations that touch the same words.

    Word-level changes conflict when their ranges overlap (or insert at the same
    point); a paragraph-level proposal (delete, move) conflicts with every change of
    another delegation on that paragraph. Comments and new paragraphs conflict with nothing.
    """
    # New paragraphs add words of their own: they conflict with nothing on this one.
    changes = [
        p for p in proposals if p.kind not in (ProposalKind.COMMENT, ProposalKind.NEW_PARAGRAPH)
    ]
    parent = {p.id: p.id for p in changes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    whole = (ProposalKind.DELETE_PARAGRAPH, ProposalKind.MOVE)
    for i, a in enumerate(changes):
        for b in changes[i + 1 :]:
            if a.delegation == b.delegation:
                continue
            touch = (
                a.kind in whole
                or b.kind in whole
                or (a.start < b.end and b.start < a.end)
                or (a.start == b.start)
                or (a.start == a.end and b.start < a.start < b.end)
                or (b.start == b.end and a.start < b.start < a.end)
            )
            if touch:
                parent[find(a.id)] = find(b.id)
    groups: dict[str, list[str]] = {}
    for p in changes:
        groups.setdefault(find(p.id), []).append(p.id)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)


def compile_proposals(base: Resolution, proposals: Iterable[Proposal]) -> Compilation:
    """Every base paragraph with the proposals on it, in a stable order."""
    by_para: dict[int, list[Proposal]] = {}
    sources: list[str] = []
    for p in proposals:
        by_para.setdefault(p.paragraph, []).append(p)
        if p.source not in sources:
            sources.append(p.source)
    out = []
    if -1 in by_para:  # new paragraphs proposed before the first one
        first = sorted(by_para[-1], key=_order)
        out.append(ParagraphProposals(-1, "start", "", tuple(first), _conflicts(first)))
    for para in base.paragraphs:
        props = sorted(by_para.get(para.id, []), key=_order)
        out.append(
            ParagraphProposals(para.id, para.label, para.text, tuple(props), _conflicts(props))
        )
    return Compilation(base.symbol, base.title, tuple(out), tuple(sources))
