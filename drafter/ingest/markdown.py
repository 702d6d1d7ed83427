"""Markdown (as converted from UN PDFs) to a draft.

Handles YAML front matter (symbol, title, date), ``#`` headings, ``<sup>n</sup>``
and ``[^n]`` footnote markers, ``[^n]:`` footnote definitions and footnote text
after a ``---`` rule, italic opening words (``*Recalling*``), hard line breaks.
The result then goes through the same block cleaner as PDF text, because these
conversions carry the PDF's page furniture too ("13-43969", running headers).
"""

from __future__ import annotations

import re

from drafter.ingest.blocks import Block, Draft, marker
from drafter.ingest.lines import (
    LABEL_START,
    ends_terminal,
    find_chapeau,
    is_cover_line,
    join_lines,
    normalize,
    title_lines,
)
from drafter.ingest.paragraphs import finish

_FRONT = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FN_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]{1,12})\]:\s*(.*)$")
_SUP_FN = re.compile(r"^\s*<sup>\s*([^<]{1,12}?)\s*</sup>\s*(.*)$", re.IGNORECASE)
_HR = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_SUP = re.compile(r"<sup>\s*([^<]{1,6}?)\s*</sup>", re.IGNORECASE)
_REF = re.compile(r"\[\^([^\]\s]{1,12})\]")
_LINK = re.compile(r"!?\[([^\]]{0,500})\]\([^)]{0,500}\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_LEAD = re.compile(
    r"^((?:\d{1,3}\.\s+|\([a-z]{1,6}\)\s+)?)(\*{1,2}|_{1,2})(?![\s*_])([^*_\n]{1,400}?)(?<!\s)\2(?!\w)"
)
# Emphasis spans hold no other emphasis characters and are bounded, so a line
# full of stray asterisks cannot make matching quadratic.
_EMPH = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?![\s*_])([^*_\n]{1,400}?)(?<!\s)\1(?![\w*])")
_LIST_BULLET = re.compile(r"^\s*[-+*]\s+(?=\S)")
_QUOTE = re.compile(r"^\s*>\s?")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple YAML front matter (``key: value`` lines) from the body."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if ":" not in line or line.startswith((" ", "\t", "-")):
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    return meta, text[m.end() :]


def _inline(text: str) -> tuple[str, int, bool]:
    """Markdown inline markup to plain text; returns (text, lead, all_italic)."""
    # Each pattern needs a character most paragraphs lack: test for it first (the
    # scans dominate the parse time of a long document otherwise).
    if "<" in text:
        text = _SUP.sub(lambda m: marker(m.group(1)), text)
    if "[" in text:
        text = _REF.sub(lambda m: marker(m.group(1)), text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub("", text)
    stripped = text.strip()
    all_italic = (
        len(stripped) > 2
        and stripped[0] in "*_"
        and stripped[-1] in "*_"
        and _EMPH.fullmatch(stripped) is not None
    )
    lead = -1
    m = _LEAD.match(stripped)
    if m and not all_italic:
        lead = len(_EMPH.sub(r"\2", m.group(3)))
    if "*" in text or "_" in text:
        text = _EMPH.sub(r"\2", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:  # (html.unescape changes nothing else; its import is not free)
        import html

        text = html.unescape(text)
    return text, (0 if all_italic else lead), all_italic


def _out_of_sequence(number: str, draft: Draft) -> bool:
    if not number.isdecimal():
        return False
    known = [int(n) for n in draft.footnotes if n.isdecimal()]
    return int(number) > (max(known) if known else 0) + 20


def markdown_to_draft(text: str) -> Draft:
    text = normalize(text)
    meta, body = front_matter(text)
    draft = Draft(meta={k: v for k, v in meta.items() if k in ("symbol", "title", "date")})
    body = _COMMENT.sub("", body)
    lines = body.split("\n")
    chapeau_seen = False
    in_footnotes = False
    fn_current: str | None = None
    fn_blank = False
    in_table = False
    tables = 0
    group: list[str] = []

    def emit(group_lines: list[str], heading: bool = False) -> None:
        raw = join_lines(group_lines)
        if not raw:
            return
        plain, lead, italic = _inline(raw)
        draft.blocks.append(Block(plain, lead=lead, heading=heading, italic=italic))

    def flush() -> None:
        nonlocal group, chapeau_seen
        if not group:
            return
        if not chapeau_seen:
            kept = [g for g in group if not is_cover_line(_inline(g)[0].strip())]
            if find_chapeau([_inline(g)[0] for g in group]) < len(group):
                chapeau_seen = True
            group = kept
        # Lines beginning with a paragraph number start a new paragraph.
        run: list[str] = []
        for line in group:
            if run and LABEL_START.match(line.strip()) and ends_terminal(run[-1]):
                emit(run)
                run = []
            run.append(line)
        emit(run)
        group = []

    for line in lines:
        line = _QUOTE.sub("", line)
        fn = _FN_DEF.match(line)
        if fn and _out_of_sequence(fn.group(1), draft):
            # A converter mistook text for a footnote ("[^1653]: (XVI) of ..." from
            # "resolutions 1653 (XVI)"): put it back where it was.
            restored = f"{fn.group(1)} {_inline(fn.group(2))[0]}"
            if fn_current is not None and not fn_blank:
                prev = draft.footnotes.pop(fn_current, "")
                draft.footnotes[fn_current] = f"{prev} {restored}".strip()
                continue
            fn_current = None
            in_footnotes = False
            group.append(f"{fn.group(1)} {fn.group(2)}")  # inline markup handled later
            continue
        if fn:
            flush()
            fn_current, fn_blank = fn.group(1), False
            draft.add_footnote(fn_current, _inline(fn.group(2))[0])
            continue
        if fn_current is not None:
            if line.strip() and not _HR.match(line) and (line[:1] in " \t" or not fn_blank):
                prev = draft.footnotes.pop(fn_current, "")
                draft.footnotes[fn_current] = (prev + " " + _inline(line)[0].strip()).strip()
                continue
            if not line.strip():
                fn_blank = True
                continue
            fn_current = None
        if _HR.match(line):
            flush()
            in_footnotes = True
            continue
        if in_footnotes:
            sup = _SUP_FN.match(line)
            if sup:
                draft.add_footnote(sup.group(1), _inline(sup.group(2))[0])
                fn_current, fn_blank = sup.group(1), False
                continue
            if line.strip():
                in_footnotes = False
        h = _HEADING.match(line)
        if h:
            flush()
            heading_text = h.group(2)
            plain, _lead, _it = _inline(heading_text)
            if not chapeau_seen and is_cover_line(plain):
                continue
            draft.blocks.append(Block(plain, lead=0, heading=True))
            continue
        if not line.strip():
            flush()
            continue
        if _TABLE_ROW.match(line):
            # Tables (voting records, lists of States) are not paragraphs.
            flush()
            if not in_table:
                tables += 1
            in_table = True
            continue
        in_table = False
        group.append(_LIST_BULLET.sub("", line))
    flush()
    if tables:
        draft.warnings.append(
            f"{tables} table{'s' if tables > 1 else ''} skipped (tables are not read)"
        )
    titles: list[str] = []
    for b in draft.blocks[:40]:
        titles += title_lines([b.text], 1)
    return finish(draft, titles=titles)
