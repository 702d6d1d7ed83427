"""The fate of each proposal in the next revision: accepted, partly, not taken, overtaken.

The next revision is aligned with the base by the versions-mode engine, so a paragraph
that moved or was renumbered is still found. Then, word by word (folded as in every
comparison), for the paragraph(s) the base paragraph became:

* its added words are there as a run (all: accepted; some: partly);
* its removed words are gone from where they stood (their neighbours still there,
  they not between them);
* a deleted or heavily rewritten paragraph overtakes what was not taken.

Each verdict carries a one-line reason a delegate can check by reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from drafter.compare import compare
from drafter.compare.tokens import words
from drafter.model import Comparison, PairKind, Resolution
from drafter.proposals.model import Fate, Proposal, ProposalKind

ACCEPT = 0.8  # share of a proposal's added words found as a run: accepted
PARTLY = 0.34  # at least this share: partly
REWRITTEN = 0.45  # a paragraph this dissimilar to its base was rewritten


def _run_share(needle: Sequence[str], hay: Sequence[str]) -> float:
    """Longest run of ``needle`` found in ``hay``, as a share of ``needle``."""
    if not needle:
        return 1.0
    best = 0
    n, m = len(needle), len(hay)
    # Dynamic programming over common substrings; paragraphs are short.
    prev = [0] * (m + 1)
    for i in range(1, n + 1):
        cur = [0] * (m + 1)
        a = needle[i - 1]
        for j in range(1, m + 1):
            if a == hay[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best / n


def _contains(hay: Sequence[str], needle: Sequence[str]) -> bool:
    if not needle:
        return True
    n = len(needle)
    return any(list(hay[i : i + n]) == list(needle) for i in range(len(hay) - n + 1))


def _where(comparison: Comparison) -> dict[int, tuple[tuple[int, ...], float, PairKind]]:
    out = {}
    for pair in comparison.pairs:
        for pid in pair.old:
            out[pid] = (pair.new, pair.similarity, pair.kind)
    return out


def _judge_one(
    prop: Proposal, base: Resolution, nxt: Resolution, where, next_words
) -> tuple[Fate, str]:
    if prop.kind == ProposalKind.COMMENT:
        return Fate.NOT_APPLICABLE, "a comment changes no words"
    if prop.kind == ProposalKind.NEW_PARAGRAPH:
        added = words(prop.new_text)
        best = max((_run_share(added, w) for w in next_words.values()), default=0.0)
        if best >= ACCEPT:
            return (
                Fate.ACCEPTED,
                f"{round(100 * best)}% of the new paragraph stands in the next text",
            )
        if best >= PARTLY:
            return (
                Fate.PARTLY,
                f"a run of {round(100 * best)}% of its words stands in the next text",
            )
        return Fate.NOT_TAKEN, "no paragraph of the next text holds it"
    new_ids, similarity, kind = where.get(prop.paragraph, ((), 0.0, PairKind.DELETED))
    label = base.paragraphs[prop.paragraph].label
    if not new_ids:
        if prop.kind == ProposalKind.DELETE_PARAGRAPH:
            return Fate.ACCEPTED, f"{label} is not in the next text"
        return Fate.OVERTAKEN, f"{label} was deleted in the next text"
    target = [w for pid in new_ids for w in next_words[pid]]
    where_label = ", ".join(nxt.paragraphs[pid].label for pid in new_ids)
    if prop.kind == ProposalKind.DELETE_PARAGRAPH:
        if similarity < REWRITTEN:
            return Fate.PARTLY, f"{label} was cut down to {where_label}"
        return Fate.NOT_TAKEN, f"{label} stands as {where_label}"
    if prop.kind == ProposalKind.MOVE:
        if kind == PairKind.MOVED:
            return Fate.ACCEPTED, f"{label} moved (now {where_label})"
        return Fate.NOT_TAKEN, f"{label} did not move (now {where_label})"
    para = base.paragraphs[prop.paragraph].text
    before = words(para[: prop.start])[-3:]
    after = words(para[prop.end :])[:3]
    old = words(prop.old_text)
    added = words(prop.new_text)
    base_words = words(para)
    gained = _run_share(added, target) if added else 0.0
    # Removed words are gone when they no longer stand beside their old neighbours
    # (nor, for a phrase of three words or more, anywhere in the paragraph).
    in_place = bool(old) and (
        _contains(target, [*before[-2:], *old]) or _contains(target, [*old, *after[:2]])
    )
    old_gone = bool(old) and not in_place and not (len(old) >= 3 and _contains(target, old))
    # Added words already in the base paragraph prove nothing by being there: what
    # counts is the words the proposal brings (all of them must arrive), else its
    # words standing at its place.
    novel: list[str] = []
    if added:
        present = set(base_words)
        novel = [w for w in added if w not in present]
        if novel:
            arrived = sum(1 for w in novel if w in set(target)) / len(novel)
            gained = min(gained, arrived)
        else:
            gained = 1.0 if _contains(target, [*before[-2:], *added]) else 0.0
    rewritten = similarity < REWRITTEN
    if prop.kind == ProposalKind.INSERT:
        if gained >= ACCEPT:
            return Fate.ACCEPTED, f"“{prop.new_text.strip()}” is in {where_label}"
        if gained >= PARTLY:
            return Fate.PARTLY, f"{round(100 * gained)}% of the added words are in {where_label}"
        if rewritten:
            return Fate.OVERTAKEN, f"{label} was rewritten as {where_label}"
        return Fate.NOT_TAKEN, f"{where_label} does not have “{prop.new_text.strip()}”"
    if prop.kind == ProposalKind.DELETE:
        if old_gone:
            if rewritten:
                return (
                    Fate.OVERTAKEN,
                    f"the words are gone, but {label} was rewritten as {where_label}",
                )
            return Fate.ACCEPTED, f"“{prop.old_text.strip()}” is no longer in {where_label}"
        if _run_share(old, target) < 1.0 and _run_share(old, target) >= PARTLY:
            return Fate.PARTLY, f"part of “{prop.old_text.strip()}” is gone from {where_label}"
        if rewritten:
            return Fate.OVERTAKEN, f"{label} was rewritten as {where_label}"
        return Fate.NOT_TAKEN, f"“{prop.old_text.strip()}” is still in {where_label}"
    # Replacement: the removed words must be gone, and the added ones there.
    if old_gone and gained >= ACCEPT:
        return (
            Fate.ACCEPTED,
            f"“{prop.new_text.strip()}” replaced “{prop.old_text.strip()}” in {where_label}",
        )
    if not old_gone:
        if novel and gained >= PARTLY:
            return (
                Fate.PARTLY,
                f"in {where_label}, its added words are there but so are the old ones",
            )
        if rewritten:
            return Fate.OVERTAKEN, f"{label} was rewritten as {where_label}"
        return Fate.NOT_TAKEN, f"{where_label} keeps “{prop.old_text.strip()}”"
    if rewritten and gained < PARTLY:
        return Fate.OVERTAKEN, f"{label} was rewritten as {where_label}"
    what = "some added words are there" if gained >= PARTLY else "but not with its words"
    return Fate.PARTLY, f"in {where_label}, “{prop.old_text.strip()}” is gone, {what}"


def judge(
    base: Resolution,
    proposals: Iterable[Proposal],
    nxt: Resolution,
    *,
    comparison: Comparison | None = None,
) -> list[Proposal]:
    """``proposals`` with ``fate`` and ``fate_reason`` set against the next revision."""
    comparison = comparison or compare(base, nxt)
    where = _where(comparison)
    next_words = {p.id: words(p.text) for p in nxt.paragraphs}
    out = []
    for prop in proposals:
        fate, reason = _judge_one(prop, base, nxt, where, next_words)
        out.append(replace(prop, fate=fate, fate_reason=reason))
    return out
