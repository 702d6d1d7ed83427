"""From a Word file's tracked changes and comments to proposals on its base text.

Each body paragraph of the file is matched to a paragraph of the base text (the file
read with every change rejected, :func:`drafter.ingest.load`) by its words, so the
typed or automatic number, footnote markers and spacing do not matter; each revision
is then placed by word position in that paragraph. A deletion and an insertion by
the same author at the same place are one replacement; a paragraph whose mark and
content are all inserted is a new paragraph; one whose content is all deleted is a
deleted paragraph; a paragraph moved away and in again is a move. A comment by the
author of a change on the same words is that change's rationale; any other comment
is a proposal of its own ("comment only": "retain", "bracket", a question).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from drafter.compare.tokens import word_spans
from drafter.errors import IngestError
from drafter.ingest.revisions import RevisedParagraph, Revision, read_revisions
from drafter.model import Resolution
from drafter.proposals.model import Proposal, ProposalKind


def _words(text: str) -> list[tuple[int, int, str]]:
    return word_spans(text)


def _match_paragraphs(
    revised: list[RevisedParagraph], base: Resolution
) -> dict[int, tuple[int, int]]:
    """docx paragraph index -> (base paragraph id, leading words to skip: its label)."""
    body = [p for p in base.paragraphs]
    keys = [tuple(w for _s, _e, w in _words(p.text)) for p in body]
    out: dict[int, tuple[int, int]] = {}
    cursor = 0
    for rp in revised:
        words = tuple(w for _s, _e, w in _words(rp.base))
        if not words:
            continue
        found = None
        for drop in range(0, 4):
            probe = words[drop:]
            if not probe:
                break
            for j in list(range(cursor, len(body))) + list(range(0, cursor)):
                if keys[j] == probe:
                    found = (body[j].id, drop)
                    break
            if found:
                break
        if found is None:
            # Cleaning may have dropped or joined a little: the best overlap nearby.
            best, best_score = None, 0.0
            wset = set(words)
            for j in range(max(0, cursor - 3), min(len(body), cursor + 25)):
                kset = set(keys[j])
                if not kset:
                    continue
                score = len(wset & kset) / len(wset | kset)
                if score > best_score:
                    best, best_score = j, score
            if best is not None and best_score >= 0.6:
                drop = next((d for d in range(4) if words[d : d + 3] == keys[best][:3]), 0)
                found = (body[best].id, drop)
        if found is not None:
            out[rp.index] = found
            cursor = found[0] + 1
    return out


def _place(rp_words, p_words, drop: int, start: int, end: int) -> tuple[int, int]:
    """Offsets in the base paragraph of the range [start, end) of the docx paragraph."""
    first = sum(1 for _s, e, _w in rp_words if e <= start) - drop
    last = sum(1 for s, _e, _w in rp_words if s < end) - drop  # words touched
    first = max(0, min(first, len(p_words)))
    last = max(first, min(last, len(p_words)))
    if start == end or last == first:  # an insertion point: after word first-1
        at = p_words[first - 1][1] if first > 0 else 0
        return at, at
    return p_words[first][0], p_words[last - 1][1]


def _apply(text: str, start: int, end: int, new: str) -> str:
    before, after = text[:start], text[end:]
    new = new.strip()
    if not new:
        rest = after.lstrip()
        joined = before.rstrip() + (" " if before.strip() and rest[:1].isalnum() else "") + rest
        return " ".join(joined.split())
    left = before if not before or before.endswith(" ") else before + " "
    right = after if not after or after[:1] in " ,.;:)" else " " + after
    return " ".join((left + new + right).split())


def _proposal_id(source: str, *parts: object) -> str:
    raw = "\x1f".join([source, *map(str, parts)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


GAP_WORDS = 2  # one edit shown as several tracked pieces: at most this many words between


def _groups(revisions: list[Revision], base: str) -> list[list[Revision]]:
    """One author's changes close together are one proposal.

    Word (and any diff) shows "replace A B C with D B E" as several pieces; a
    delegation made one edit. Pieces by one author with at most GAP_WORDS unchanged
    words between them are grouped.
    """
    groups: list[list[Revision]] = []
    for rev in sorted(revisions, key=lambda r: (r.start, r.kind not in ("del", "moveFrom"))):
        if rev.kind not in ("ins", "del"):
            groups.append([rev])
            continue
        last = groups[-1] if groups else None
        if (
            last is not None
            and all(r.kind in ("ins", "del") for r in last)
            and last[0].author == rev.author
            and len(_words(base[max(r.end for r in last) : rev.start])) <= GAP_WORDS
            and rev.start >= max(r.end for r in last)
        ):
            last.append(rev)
        else:
            groups.append([rev])
    return groups


def _edit(group: list[Revision], base: str) -> tuple[int, int, str, str]:
    """(start, end, old words, new words) of a group, over the base text it covers."""
    start = min(r.start for r in group)
    end = max(r.end for r in group)
    new, pos = [], start
    for r in group:
        new.append(base[pos : r.start])
        if r.kind == "ins":
            new.append(r.text)
        else:
            pos = r.end
            continue
        pos = max(pos, r.start)
    new.append(base[pos:end])
    return start, end, base[start:end], "".join(new)


def extract(
    path: str | Path,
    base: Resolution,
    *,
    delegations: Mapping[str, str] | None = None,
    source: str | None = None,
) -> list[Proposal]:
    """The proposals a Word file makes on ``base`` (its base reading)."""
    path = Path(path)
    source = source or path.name
    delegations = delegations or {}
    revised = read_revisions(path)
    matched = _match_paragraphs(revised, base)
    by_id = {p.id: p for p in base.paragraphs}
    out: list[Proposal] = []
    last_base = -1

    def make(kind, author, date, pid, start, end, old, new, comment="", text=None) -> Proposal:
        para = by_id.get(pid)
        label = para.label if para is not None else "start"
        number = para.number if para is not None else None
        ptext = para.text if para is not None else ""
        if text is None:
            text = _apply(ptext, start, end, new) if para is not None else new
        return Proposal(
            id=_proposal_id(source, author, pid, start, end, kind, old, new, comment),
            delegation=delegations.get(author, author) or "?",
            author=author,
            date=date,
            paragraph=pid,
            number=number,
            label=label,
            kind=kind,
            old_text=old,
            new_text=new,
            text=text,
            comment=comment,
            source=source,
            start=start,
            end=end,
        )

    moved_from: dict[tuple[str, str], Proposal] = {}
    for rp in revised:
        where = matched.get(rp.index)
        if where is None:
            if rp.mark == "ins" and not rp.base.strip() and rp.accepted.strip():
                author = rp.mark_author or (rp.revisions[0].author if rp.revisions else "")
                date = rp.mark_date or (rp.revisions[0].date if rp.revisions else "")
                kind = (
                    ProposalKind.MOVE
                    if rp.revisions and all(r.kind == "moveTo" for r in rp.revisions)
                    else ProposalKind.NEW_PARAGRAPH
                )
                new = " ".join(rp.accepted.split())
                if kind == ProposalKind.MOVE and (author, new) in moved_from:
                    src = moved_from.pop((author, new))
                    after = by_id.get(last_base)
                    out[out.index(src)] = make(
                        ProposalKind.MOVE,
                        author,
                        date,
                        src.paragraph,
                        0,
                        0,
                        "",
                        "",
                        text=src.text,
                        comment=f"to follow {after.label if after else 'the start'}",
                    )
                    continue
                out.append(
                    make(
                        ProposalKind.NEW_PARAGRAPH, author, date, last_base, 0, 0, "", new, text=new
                    )
                )
                for c in rp.comments:
                    if c.text:
                        out[-1] = _with_comment(out[-1], c.text)
            elif rp.revisions or rp.comments:
                raise IngestError(
                    path,
                    "its tracked changes do not apply to the chosen base text "
                    f"(a changed paragraph, “{' '.join(rp.base.split())[:60]}”, is not in it)",
                )
            continue
        pid, drop = where
        last_base = pid
        para = by_id[pid]
        rp_words = _words(rp.base)
        p_words = _words(para.text)
        whole_deleted = rp.base.strip() and not rp.accepted.strip()
        if whole_deleted:
            rev = rp.revisions[0] if rp.revisions else None
            author = rev.author if rev else rp.mark_author
            date = rev.date if rev else rp.mark_date
            if rp.revisions and all(r.kind == "moveFrom" for r in rp.revisions):
                prop = make(
                    ProposalKind.MOVE, author, date, pid, 0, len(para.text), "", "", text=para.text
                )
                moved_from[(author, " ".join(para.text.split()))] = prop
                out.append(prop)
            else:
                out.append(
                    make(
                        ProposalKind.DELETE_PARAGRAPH,
                        author,
                        date,
                        pid,
                        0,
                        len(para.text),
                        para.text,
                        "",
                        text="",
                    )
                )
            _attach_comments(out, rp, rp_words, p_words, drop, make, pid)
            continue
        first_new = len(out)
        for group in _groups(rp.revisions, rp.base):
            author, date = group[0].author, group[0].date
            g_start, g_end, old, new = _edit(group, rp.base)
            old, new = " ".join(old.split()), " ".join(new.split())
            if not (old or new):
                continue
            start, end = _place(rp_words, p_words, drop, g_start, g_end)
            if old and new:
                kind = ProposalKind.REPLACE
            elif old:
                kind = ProposalKind.DELETE
            else:
                kind = ProposalKind.INSERT
            out.append(make(kind, author, date, pid, start, end, old, new))
        _attach_comments(out, rp, rp_words, p_words, drop, make, pid, first_new)
    return out


def _with_comment(prop: Proposal, comment: str) -> Proposal:
    joined = f"{prop.comment} {comment}".strip() if prop.comment else comment
    return replace(prop, comment=joined)


def _attach_comments(out, rp, rp_words, p_words, drop, make, pid, first: int = 0) -> None:
    """A comment by a change's author on its words is its rationale; others stand alone."""
    for c in rp.comments:
        if not c.text:
            continue
        start, end = _place(rp_words, p_words, drop, c.start, max(c.start, c.end))
        target = next(
            (
                k
                for k in range(first, len(out))
                if out[k].paragraph == pid
                and out[k].author == c.author
                and out[k].start <= end
                and start <= out[k].end
            ),
            None,
        )
        if target is not None:
            out[target] = _with_comment(out[target], c.text)
            continue
        quote = " ".join(rp.base[c.start : c.end].split())
        # A comment changes no words: its "text" is the paragraph as it stands.
        out.append(
            make(
                ProposalKind.COMMENT,
                c.author,
                c.date,
                pid,
                start,
                end,
                quote,
                "",
                comment=c.text,
                text=" ".join(rp.base.split()),
            )
        )
