"""One shared cleaner for text that came out of a PDF (or a conversion of one).

PDF extraction leaves page furniture in the text: running headers and footers,
page numbers ("3/5", "Page 2"), job numbers ("13-43969"), barcodes, "Please
recycle", footnote blocks in the middle of a paragraph, hyphenation at line
ends, one line per printed line. :func:`text_to_draft` turns such text, line by
line, into blocks (paragraphs) and footnotes, then hands them to the block-level
pass (:func:`drafter.ingest.paragraphs.finish`), which Markdown and Word reuse.
"""

from __future__ import annotations

import bisect
import itertools
import re

from drafter.ingest.blocks import LEAD_MARK, Block, Draft
from drafter.ingest.lines import (
    FN_START,
    LABEL_ONLY,
    LABEL_START,
    RULE,
    SYMBOL_LINE,
    SYMBOL_RE,
    TRAILING_RULE,
    ends_terminal,
    find_chapeau,
    furniture_repeats,
    header_like,
    indent,
    is_cover_line,
    is_furniture,
    join_lines,
    join_with_lead,
    normalize,
    title_lines,
)
from drafter.ingest.paragraphs import finish

# ---------------------------------------------------------------- text to draft

# A line that opens a preambular paragraph (used only where paragraphs are not
# separated by blank lines).
CLOSING_LINE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b", re.IGNORECASE)
OPENER_LINE = re.compile(
    r"^(?:(?:Recalling|Reaffirming|Recognizing|Noting|Taking note|Bearing in mind|Welcoming|"
    r"Acknowledging|Emphasizing|Stressing|Underlining|Expressing|Reiterating|Considering|"
    r"Affirming|Having|Determined|Concerned|Deeply|Gravely|Mindful|Conscious|Convinced|"
    r"Alarmed|Guided|Aware|Desirous|Encouraged|Seriously)\b|The General Assembly\b)"
)


class _Layout:
    """How the body text is laid out: each page's usual left margin (odd and even
    pages differ in print), and whether paragraphs are separated by blank lines."""

    def __init__(self, lines: list[str], breaks: set[int], *, start: int = 0) -> None:
        self.page_starts = sorted({0, *breaks})
        self.margins: list[int] = []
        for k, first in enumerate(self.page_starts):
            last = self.page_starts[k + 1] if k + 1 < len(self.page_starts) else len(lines)
            counts: dict[int, int] = {}
            for ln in lines[max(first, start) : last]:
                if ln.strip():
                    counts[indent(ln)] = counts.get(indent(ln), 0) + 1
            self.margins.append(max(counts, key=lambda m: counts[m]) if counts else 0)
        # Dense: finished lines are followed by a new paragraph's first line more
        # often than by a blank line (pdftotext without -layout).
        body = [ln.strip() for ln in lines[start:]]
        direct = blank = 0
        for a, b in itertools.pairwise(body):
            if a and ends_terminal(a):
                if not b:
                    blank += 1
                elif OPENER_LINE.match(b) or LABEL_START.match(b):
                    direct += 1
        self.dense = direct >= 3 and direct > blank

    def margin_at(self, i: int) -> int:
        k = bisect.bisect_right(self.page_starts, i) - 1
        return self.margins[max(0, k)]


def text_to_draft(text: str, draft: Draft | None = None) -> Draft:
    """Clean PDF-extracted (or plain) text into blocks and footnotes."""
    draft = draft or Draft()
    text = normalize(text)
    raw_lines = text.split("\n")
    lines: list[str] = []
    breaks: set[int] = set()
    for line in raw_lines:
        if "\f" in line:
            parts = line.split("\f")
            for k, part in enumerate(parts):
                if k:
                    breaks.add(len(lines))
                    lines.append("")
                if part.strip():
                    lines.append(part.rstrip())
        else:
            lines.append(line.rstrip())
    italics_known = any(LEAD_MARK in line for line in lines)
    marked = lines
    lines = [line.replace(LEAD_MARK, "") for line in lines]
    chapeau = find_chapeau(lines)
    if chapeau == len(lines):
        chapeau = 0
    titles = title_lines(lines, chapeau)
    full_titles = [" ".join(titles)] if titles else []
    if "title" in draft.meta:
        full_titles.append(draft.meta["title"])
    repeats = furniture_repeats(lines, chapeau + 1 if chapeau else 0, titles)

    # Symbol printed alone in the cover block (A/80/L.6, A/RES/46/182).
    for line in lines[: max(chapeau, 40)]:
        m = SYMBOL_RE.search(line)
        if m and (SYMBOL_LINE.match(line.strip()) or line.strip().startswith("United Nations")):
            draft.meta.setdefault("symbol_line", m.group(0))
            break

    layout = _Layout(lines, breaks, start=chapeau + 1 if chapeau else 0)
    current: list[str] = []
    pending_break = False

    def flush() -> None:
        nonlocal current, pending_break
        if current:
            text, lead = join_with_lead(current, italics_known)
            draft.blocks.append(Block(text, lead=lead, after_break=pending_break))
            pending_break = False
        current = []

    in_fn = False
    fn_num = ""
    fn_text: list[str] = []
    fn_indent = 0
    fn_blank = False

    def end_fn() -> None:
        nonlocal in_fn, fn_num, fn_text
        if fn_num:
            draft.add_footnote(fn_num, " ".join(fn_text))
        in_fn, fn_num, fn_text = False, "", []

    for i, line in enumerate(lines):
        s = line.strip()
        in_header = i < chapeau
        if i in breaks:
            pending_break = True
        if not s:
            if in_fn:
                fn_blank = True
            else:
                flush()
            continue
        if in_fn and re.fullmatch(r"\d{1,3}", s) and (fn_num or not current):
            # "1" alone, its text on the next line (pdftotext -layout)
            if fn_num:
                draft.add_footnote(fn_num, " ".join(fn_text))
            fn_num, fn_text, fn_indent, fn_blank = s, [], indent(line), False
            continue
        if is_furniture(s) or (
            not in_header and (s in repeats or header_like(s, titles, full_titles))
        ):
            if in_fn:
                end_fn()
            if current:
                # The page may continue the same paragraph: flush it and let
                # finish() decide whether the next block merges into it.
                flush()
            pending_break = True
            continue
        title_tail = (
            bool(current) and not ends_terminal(current[-1]) and s.lower() == "united nations"
        )
        if in_header and is_cover_line(s) and not title_tail:
            if re.match(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$", s):
                last = current[-1] if current else (draft.blocks[-1].text if draft.blocks else "")
                if last.rstrip().endswith((" on", " of")):
                    # "Resolution adopted by the General Assembly on" / "21 December 2012"
                    if current:
                        current.append(s)
                    else:
                        draft.blocks[-1].text = join_lines([draft.blocks[-1].text, s])
                    continue
                draft.meta.setdefault("cover_date", s)
            flush()
            continue
        trailing = None if in_header or in_fn else TRAILING_RULE.search(s)
        if trailing:
            current.append(s[: trailing.start()])
            s = "---"
        if RULE.match(s) and not in_header:
            flush()
            end_fn()
            in_fn, fn_blank = True, False
            pending_break = True
            continue
        if in_fn:
            m = FN_START.match(s)
            if m and (m.group(1).isdigit() or m.group(1).startswith("*")):
                if fn_num:
                    draft.add_footnote(fn_num, " ".join(fn_text))
                fn_num, fn_text, fn_indent, fn_blank = (
                    m.group(1),
                    [m.group(2)],
                    indent(line),
                    False,
                )
                continue
            last_fn = next(reversed(draft.footnotes), None) if draft.footnotes else None
            if (
                not fn_num
                and not fn_blank
                and last_fn
                and not draft.footnotes[last_fn].rstrip().endswith((".", ".)", ".”"))
                and not FN_START.match(s)
            ):
                # The rest of a footnote begun on the previous page.
                fn_num, fn_text = last_fn, [draft.footnotes.pop(last_fn), s]
                fn_indent = indent(line)
                continue
            paragraph_start = bool(LABEL_START.match(s)) or s[:1].isupper() or s[:1] in "“\"'‘"
            if fn_blank or not fn_num or (fn_indent == 0 and indent(line) >= 1 and paragraph_start):
                end_fn()
                pending_break = True
            else:
                if fn_text and fn_text[-1].endswith("-") and s[:1].isalpha():
                    fn_text[-1] += s
                else:
                    fn_text.append(s)
                continue
        # An ordinary body line.
        if i == chapeau or (current and CLOSING_LINE.match(s)):
            flush()  # "The General Assembly," and "61st plenary meeting" stand alone
        if current and LABEL_START.match(s):
            prev = current[-1].strip()
            if LABEL_ONLY.match(prev) is None and (ends_terminal(prev) or in_header):
                flush()
        elif current and not in_header and ends_terminal(current[-1]):
            # Text without blank lines between paragraphs (pdftotext): a deeper
            # first-line indent, or a preambular opener after a finished line.
            margin = layout.margin_at(i)
            indented = margin >= 4 and indent(line) >= margin + 3
            if indented or (layout.dense and OPENER_LINE.match(s)):
                flush()
        current.append(marked[i] if not trailing else s)
        if i == chapeau and chapeau:
            flush()
        if LABEL_ONLY.match(s):
            continue  # "1." alone on its line (PyMuPDF): the text follows
    flush()
    end_fn()
    draft.meta.setdefault("chapeau_seen", "1" if chapeau else "")
    return finish(draft, titles=titles)
