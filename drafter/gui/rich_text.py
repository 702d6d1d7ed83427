"""HTML for one cell: a side of a pair, a redline, or a plain paragraph.

Why: Qt's rich text engine lays out each visible cell from a small HTML string;
building that string from the core's diff runs is pure string work, kept here so
the model and delegate stay thin and it is easy to test. Changes are never shown
by colour alone: deleted text is struck through, inserted text underlined.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from drafter.model import DELETE, EQUAL, INSERT, Pair, PairKind, Paragraph, ParaKind

from .themes import DiffColors

Run = tuple[int, str]
Mark = tuple[int, int]


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (Arabic, Hebrew...)."""
    for ch in text[:400]:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def find_spans(text: str, term: str) -> list[Mark]:
    """Case-insensitive occurrences of ``term`` in ``text``."""
    if not term:
        return []
    low, needle = text.casefold(), term.casefold()
    if len(low) != len(text):  # casefold changed lengths (ß...): fall back to lower()
        low, needle = text.lower(), term.lower()
    spans, start = [], 0
    while (i := low.find(needle, start)) >= 0:
        spans.append((i, i + len(needle)))
        start = i + max(1, len(needle))
    return spans


def side_runs(pair: Pair, side: str, paragraphs: Sequence[Paragraph]) -> list[list[Run]]:
    """Split a pair's diff into runs for each paragraph of one side ("old"/"new")."""
    ops = (DELETE, EQUAL) if side == "old" else (EQUAL, INSERT)
    runs: list[Run] = [(op, t) for op, t in pair.diff if op in ops and t]
    if not runs or "".join(t for _, t in runs) != "\n".join(p.text for p in paragraphs):
        # no (or inconsistent) word diff: colour the whole side by the pair's kind
        op = EQUAL
        if pair.kind == PairKind.INSERTED:
            op = INSERT
        elif pair.kind == PairKind.DELETED:
            op = DELETE
        return [[(op, p.text)] for p in paragraphs]
    out: list[list[Run]] = [[]]
    for op, text in runs:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                out.append([])
            if part:
                out[-1].append((op, part))
    while len(out) < len(paragraphs):
        out.append([])
    return out[: len(paragraphs)] if paragraphs else out


def _style(op: int, marked: int, colors: DiffColors) -> str:
    css = []
    if op == DELETE:
        css.append(
            f"color:{colors.del_fg};background-color:{colors.del_bg};text-decoration:line-through"
        )
    elif op == INSERT:
        css.append(
            f"color:{colors.ins_fg};background-color:{colors.ins_bg};text-decoration:underline"
        )
    if marked == 1:  # the mark's own text colour: readable on yellow in both themes
        css.append(f"color:{colors.mark_fg};background-color:{colors.mark_bg}")
    elif marked == 2:
        css.append(f"background-color:{colors.phrase_bg}")
    return ";".join(css)


# Display limits: a paragraph that is one 50 MB "word" froze painting (Qt lays out
# every character to find a line break). Such runs are cut for display only.
MAX_RUN = 400  # longest unbroken run shown (URLs and symbols are far shorter)
MAX_SHOWN = 100_000  # characters of one paragraph shown at most
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


@functools.lru_cache(maxsize=256)  # each cell of a row cuts the same texts again
def _cut(text: str) -> str:
    """``text`` with each unbroken run over MAX_RUN characters cut, saying how much."""

    def short(m: re.Match) -> str:
        hidden = m.end() - m.start() - MAX_RUN
        return f"{m.string[m.start() : m.start() + MAX_RUN]}… [{hidden:,} more characters]"

    return _LONG_RUN.sub(short, text)


def _may_have_long_run(text: str) -> bool:
    """False when ``text`` surely has no unbroken run over MAX_RUN characters: such a
    run would cover a whole aligned slice of MAX_RUN // 2 characters, so a space in
    every slice rules it out (a few ``in`` tests instead of a regular expression)."""
    step = MAX_RUN // 2
    return any(" " not in text[i : i + step] for i in range(0, len(text) - step + 1, step))


def display_runs(runs: Sequence[Run]) -> list[Run]:
    """Runs as shown: long unbroken runs cut, then at most MAX_SHOWN characters."""
    cut = [(op, _cut(t) if len(t) > MAX_RUN and _may_have_long_run(t) else t) for op, t in runs]
    total = sum(len(t) for _, t in cut)
    if total <= MAX_SHOWN:
        return cut
    out: list[Run] = []
    left = MAX_SHOWN
    for op, t in cut:
        if left <= 0:
            break
        out.append((op, t[:left]))
        left -= len(t)
    out.append((EQUAL, f" … [{total - MAX_SHOWN:,} more characters not shown]"))
    return out


def shown_text(text: str) -> str:
    """Plain text as a cell shows it (cut like :func:`display_runs`)."""
    if len(text) <= MAX_RUN:
        return text
    return "".join(t for _, t in display_runs(((EQUAL, text),)))


def _spans_html(
    runs: Sequence[Run],
    colors: DiffColors,
    *,
    lead: int = 0,
    find: Iterable[Mark] = (),
    phrases: Iterable[Mark] = (),
    italic: Iterable[Mark] = (),
) -> str:
    text = "".join(t for _, t in runs)
    if not text:
        return ""
    italic = list(italic)
    cuts = {0, len(text)}
    op_at: list[tuple[int, int]] = []  # (start, op)
    pos = 0
    for op, t in runs:
        op_at.append((pos, op))
        cuts.add(pos)
        pos += len(t)
    if 0 < lead < len(text):
        cuts.add(lead)
    find, phrases = list(find), list(phrases)
    for s, e in (*find, *phrases, *italic):
        cuts.update((max(0, min(s, len(text))), max(0, min(e, len(text)))))
    points = sorted(cuts)
    out = []
    k = 0
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        while k + 1 < len(op_at) and op_at[k + 1][0] <= a:
            k += 1
        op = op_at[k][1]
        marked = (
            1
            if any(s <= a < e for s, e in find)
            else 2
            if any(s <= a < e for s, e in phrases)
            else 0
        )
        chunk = html.escape(text[a:b])
        if a < lead or any(s <= a < e for s, e in italic):
            chunk = f"<i>{chunk}</i>"
        style = _style(op, marked, colors)
        out.append(f'<span style="{style}">{chunk}</span>' if style else chunk)
    return "".join(out)


def _label_html(par: Paragraph, colors: DiffColors) -> str:
    if par.kind == ParaKind.HEADING:
        return ""
    if par.number:
        num = f"{par.number}."
        if par.level > 0 and "(" in par.number:
            num = par.number[par.number.rfind("(") :]
        return f'<span style="color:{colors.number_fg};font-weight:600">{html.escape(num)}</span>&nbsp; '
    return ""


def paragraph_html(
    par: Paragraph,
    runs: Sequence[Run],
    colors: DiffColors,
    *,
    find_term: str = "",
    phrases: Iterable[Mark] = (),
    marks: Iterable[Mark] = (),
    extra: str = "",
    notes: int = 0,
    italic: Iterable[Mark] = (),
) -> str:
    """One paragraph as an HTML block: number, text with changes, marks.

    ``find_term`` matches and ``marks`` are shown in the strong (yellow) mark,
    ``phrases`` (shared phrases of a link) in the soft blue one.
    """
    if sum(len(t) for _, t in runs) > MAX_RUN:
        shown = display_runs(runs)
        if shown != list(runs):  # offsets of marks no longer hold in the cut text
            runs, marks, phrases = shown, (), ()
    text = "".join(t for _, t in runs)
    lead = par.lead if text == par.text else 0
    strong = [*find_spans(text, find_term), *marks]
    body = _spans_html(runs, colors, lead=lead, find=strong, phrases=phrases, italic=italic)
    rtl = is_rtl(text)
    indent = min(par.level, 4) * 18
    attrs = ' dir="rtl"' if rtl else ""
    style = f"margin:0 0 4px 0;{'margin-right' if rtl else 'margin-left'}:{indent}px"
    if par.kind == ParaKind.HEADING:
        body = f"<b>{body}</b>"
    fn = ""
    if par.footnotes:
        fn = f'<sup style="color:{colors.muted_fg}">&nbsp;[{html.escape(",".join(par.footnotes))}]</sup>'
    badge = note_badge(notes, colors)
    return f'<p{attrs} style="{style}">{badge}{_label_html(par, colors)}{body}{fn}{extra}</p>'


def note_badge(count: int, colors: DiffColors) -> str:
    """ "✎ 2": this paragraph has notes (shown before its number)."""
    if count <= 0:
        return ""
    return (
        f'<span style="background-color:{colors.mark_bg};color:{colors.mark_fg}">'
        f"&nbsp;✎&nbsp;{count}&nbsp;</span>&nbsp; "
    )


def footnote_changes_html(changes: Sequence, colors: DiffColors) -> str:
    """ "Footnote 1 changed: A/73/85 → A/80/83", with the footnote's own word diff."""
    blocks = []
    for ch in changes:
        if ch.old_number is None:
            what = f"Footnote {ch.new_number} added"
        elif ch.new_number is None:
            what = f"Footnote {ch.old_number} removed"
        elif ch.old_number != ch.new_number:
            what = f"Footnote {ch.old_number} (now {ch.new_number}) changed"
        else:
            what = f"Footnote {ch.new_number} changed"
        body = _spans_html(ch.diff, colors)
        blocks.append(
            f'<p style="margin:2px 0 0 0"><span style="color:{colors.mark_fg};'
            f'background-color:{colors.mark_bg}">&nbsp;{html.escape(what)}&nbsp;</span> '
            f'<span style="font-size:small">{body}</span></p>'
        )
    return "".join(blocks)


def note_html(text: str, colors: DiffColors) -> str:
    """A muted italic line inside a cell (moved-from/moved-to remarks)."""
    return f'<p style="margin:0 0 2px 0;color:{colors.muted_fg}"><i>{html.escape(text)}</i></p>'


def pair_side_html(
    pair: Pair,
    side: str,
    paragraphs: Sequence[Paragraph],
    colors: DiffColors,
    *,
    find_term: str = "",
    note: str = "",
    notes: dict[int, int] | None = None,
) -> str:
    """The HTML of one side of a versions-mode row ("" when that side is empty)."""
    if not paragraphs:
        return ""
    per_par = side_runs(pair, side, paragraphs)
    notes = notes or {}
    blocks = [
        paragraph_html(p, runs, colors, find_term=find_term, notes=notes.get(p.id, 0))
        for p, runs in zip(paragraphs, per_par, strict=False)
    ]
    if note:
        blocks.append(f'<p style="margin:0;color:{colors.muted_fg}"><i>{html.escape(note)}</i></p>')
    return "".join(blocks)


def redline_html(
    pair: Pair,
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    colors: DiffColors,
    *,
    find_term: str = "",
    note: str = "",
) -> str:
    """Single-column view: deletions and insertions inline, numbered as the new text."""
    if not pair.diff or pair.kind in (PairKind.INSERTED, PairKind.DELETED, PairKind.UNCHANGED):
        if new:
            return pair_side_html(pair, "new", new, colors, find_term=find_term, note=note)
        return pair_side_html(pair, "old", old, colors, find_term=find_term, note=note)
    labels = list(new) or list(old)
    break_ops = (EQUAL, INSERT) if new else (EQUAL, DELETE)
    paras: list[list[Run]] = [[]]
    italic: list[list[Mark]] = [[]]  # the opening words of either side stay italic
    at = {"old": [0, 0], "new": [0, 0]}  # side -> [paragraph index, offset in it]
    leads = {"old": [p.lead for p in old], "new": [p.lead for p in new]}
    for op, text in pair.diff:
        sides = {EQUAL: ("old", "new"), DELETE: ("old",), INSERT: ("new",)}[op]
        lead_side = "new" if op != DELETE else "old"
        for i, part in enumerate(text.split("\n")):
            if i:
                for side in sides:
                    at[side][0] += 1
                    at[side][1] = 0
                if op in break_ops:
                    paras.append([])
                    italic.append([])
                else:
                    paras[-1].append((op, " ¶ "))
            if not part:
                continue
            start = sum(len(t) for _o, t in paras[-1])
            index, offset = at[lead_side]
            side_leads = leads[lead_side]
            lead = side_leads[index] if index < len(side_leads) else 0
            if offset < lead:
                italic[-1].append((start, start + min(len(part), lead - offset)))
            paras[-1].append((op, part))
            for side in sides:
                at[side][1] += len(part)
    blocks = []
    for i, runs in enumerate(paras):
        if not runs:
            continue  # a trailing break is no paragraph: no number standing alone
        if i < len(labels):
            par = labels[i]
            par = Paragraph(par.id, par.kind, par.number, "", par.footnotes, 0, par.level)
        else:  # a line break inside the last paragraph: go on without a second number
            last = labels[-1]
            par = Paragraph(last.id, last.kind, None, "", (), 0, last.level)
        blocks.append(paragraph_html(par, runs, colors, find_term=find_term, italic=italic[i]))
    if note:
        blocks.append(f'<p style="margin:0;color:{colors.muted_fg}"><i>{html.escape(note)}</i></p>')
    return "".join(blocks)
