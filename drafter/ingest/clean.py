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

from drafter.ingest.blocks import LEAD_MARK, MARK_OPEN, Block, Draft
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
# Where paragraphs follow each other with no blank line, any participle opens one
# ("Believing that", "Underscoring the need", "Sharing deep concern"), unless it is
# part of a name the line break cut: "Production,\nStockpiling and Use of ...".
DENSE_OPENER = re.compile(
    r"^(?:(?!(?:Beijing|Kunming|Nanjing|Chongqing|Wellington|Sterling)\b)[A-Z][a-z]{3,}ing"
    r"(?! and [A-Z])(?!, [A-Z])(?!\w)|Cognizant\b|Believing\b|Fully\b|Strongly\b|Keenly\b)"
)
# The first words of a declaration annexed to a resolution, after its title
_DECLARATION_OPENS = re.compile(r"^We,\s+(?:the\s+)?(?:Heads|representatives|Ministers)\b")
# "3. Welcomes", "12. We stress": a numbered paragraph's first line
_NEXT_NUMBER = re.compile(r"^(\d{1,3})\.\s+(?=[A-Z“‘\"])")
# The heading of an annex, alone on its line
ANNEX_LINE = re.compile(r"^(?:Annex|ANNEX)(?:\s+[IVXL]{1,5})?$")
# A line that ends in a glued footnote number: pdftotext -raw breaks the printed line
# after a superscript ("Tlatelolco,1" / "Rarotonga,2" / "Bangkok3 and Pelindaba").
_GLUED_END = re.compile(r"(?:[^\W\d]|[,;.:”’)])\d{1,3}$")


def _title_case(line: str) -> bool:
    """ "Addressing the Special Needs of Landlocked ...": a name's words, not a paragraph
    opening with a participle ("Adopting macroeconomic policies that ...")."""
    words = line.split()[:6]
    return sum(w[:1].isupper() for w in words[1:]) >= 2


# A line shorter than this share of the page's full line, which the next word would
# have fitted on, ends its paragraph.
SHORT = 0.95
_STARTS_PARAGRAPH = re.compile(r"^(?:[A-Z“\"‘(]|\d{1,3}\.\s)")


class _Layout:
    """How the body text is laid out: each page's usual left margin (odd and even
    pages differ in print), and whether paragraphs are separated by blank lines."""

    def __init__(self, lines: list[str], breaks: set[int], *, start: int = 0) -> None:
        self.page_starts = sorted({0, *breaks})
        self.lines = lines
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
                    # (not a footnote's line: -layout sets footnotes apart by blank lines)
                    blank += not FN_START.match(a)
                elif OPENER_LINE.match(b) or LABEL_START.match(b):
                    direct += 1
        self.dense = direct >= 3 and direct > blank
        # Each page's full line: where most long lines end (the right margin).
        self.widths: list[int] = []
        for k, first in enumerate(self.page_starts):
            last = self.page_starts[k + 1] if k + 1 < len(self.page_starts) else len(lines)
            ends = sorted(len(ln.rstrip()) for ln in lines[max(first, start) : last] if ln.strip())
            self.widths.append(ends[(len(ends) * 9) // 10] if len(ends) >= 8 else 0)

    def margin_at(self, i: int) -> int:
        k = bisect.bisect_right(self.page_starts, i) - 1
        return self.margins[max(0, k)]

    def ended_short(self, i: int, prev: str, line: str) -> bool:
        """Did ``prev`` stop short of the right margin although the first word of
        ``line`` would have fitted on it? Then it is a paragraph's last line (text
        with neither blank lines nor indents between paragraphs)."""
        if _GLUED_END.search(prev.rstrip()):
            return False  # broken after a superscript, not at the margin
        k = bisect.bisect_right(self.page_starts, i) - 1
        width = self.widths[max(0, k)]
        word = line.split(None, 1)[0] if line.strip() else ""
        return width > 0 and self.printed_length(i - 1) + 1 + len(word) < SHORT * width

    def printed_length(self, i: int) -> int:
        """Length of the printed line that ends with line ``i``, the pieces a break
        after a superscript cut it into taken together."""
        total = len(self.lines[i].rstrip())
        while i > 0 and self.lines[i - 1].strip() and _GLUED_END.search(self.lines[i - 1].rstrip()):
            i -= 1
            total += 1 + len(self.lines[i].strip())
        return total


def page_edges(lines: list[str], breaks: set[int], depth: int = 3) -> set[int]:
    """The first and last few printed lines of each page: where running headers and
    footers sit. A body line that reads like the running title elsewhere on the page
    is content ("implementation of the Programme of Action and the International
    Tracing" in a resolution of that title)."""
    edges: set[int] = set()
    bounds = [0, *sorted(breaks), len(lines)]
    for first, end in itertools.pairwise(bounds):
        printed = [k for k in range(first, end) if lines[k].strip()]
        edges.update(printed[:depth])
        edges.update(printed[-depth:])
    return edges


_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def bottom_footnotes(lines: list[str], page_starts: list[int], start: int) -> set[int]:
    """Lines that open a block of footnotes at the foot of a page printed without a
    rule ("1 See resolution 2200 A (XXI), annex." ... to the page's end).

    A block is the last run of footnote lines on a page ("n text", numbered on from
    the footnotes before it) whose first number the page's text cites as a marker
    ("1996,1", "Development 9"). Pages with a rule are left to the rule.
    """
    found: set[int] = set()
    highest = 0
    bounds = [*page_starts, len(lines)]
    before = ""  # the previous page's body text
    for first, end in itertools.pairwise(bounds):
        first = max(first, start)
        earlier, before = before, " ".join(ln.strip() for ln in lines[first:end])
        page = lines[first:end]
        if any(RULE.match(ln.strip()) for ln in page):
            for ln in page:
                m = FN_START.match(ln.strip())
                if m and m.group(1).isdigit():
                    highest = max(highest, int(m.group(1)))
            continue
        numbered: list[tuple[int, int]] = []  # (line index, footnote number)
        for k, ln in enumerate(page):
            m = FN_START.match(ln.strip())
            if m and m.group(1).isdigit() and not _MONTH.match(m.group(2)):
                numbered.append((first + k, int(m.group(1))))
        # the last run of consecutive numbers, read upwards from the page's foot
        run: list[tuple[int, int]] = []
        for i, n in reversed(numbered):
            if run and n != run[-1][1] - 1:
                break
            run.append((i, n))
        while run and not highest < run[-1][1] <= highest + 3:
            run.pop()  # its top must number on from the footnotes before it
        if not run:
            continue
        top = run[-1][0]
        body = " ".join(ln.strip() for ln in lines[first:top])
        before = body
        # (a footnote that did not fit on its marker's page opens the next one's)
        body = f"{earlier} {body}"
        cited = all(
            re.search(rf"(?:(?:[^\W\d]|[,;.:)”’]) ?|{MARK_OPEN}|(?:19|20)\d\d){n}(?!\d)", body)
            for _, n in run[-1:]
        )
        if not cited or any(LABEL_START.match(ln.strip()) for ln in lines[top:end]):
            continue
        found.add(top)
        highest = run[0][1]
    return found


def text_to_draft(text: str, draft: Draft | None = None) -> Draft:
    """Clean PDF-extracted (or plain) text into blocks and footnotes."""
    return _Cleaner(text, draft or Draft()).run()


class _Cleaner:
    """One pass over the lines of a text: page furniture out, footnote blocks out,
    lines gathered into paragraphs. Block-level repairs follow in ``finish``."""

    def __init__(self, text: str, draft: Draft) -> None:
        self.draft = draft
        lines: list[str] = []
        self.breaks: set[int] = set()  # indexes of lines that start a new page
        for line in normalize(text).split("\n"):
            for k, part in enumerate(line.split("\f")):
                if k:
                    self.breaks.add(len(lines))
                    lines.append("")
                if part.strip() or (k == 0 and "\f" not in line):
                    lines.append(part.rstrip())
        self.italics_known = any(LEAD_MARK in line for line in lines)
        self.marked = lines  # with the PDF reader's italic marks
        self.lines = [line.replace(LEAD_MARK, "") for line in lines]
        chapeau = find_chapeau(self.lines)
        self.chapeau = 0 if chapeau == len(self.lines) else chapeau
        body_start = self.chapeau + 1 if self.chapeau else 0
        self.titles = title_lines(self.lines, self.chapeau)
        self.full_titles = [" ".join(self.titles)] if self.titles else []
        if "title" in draft.meta:
            self.full_titles.append(draft.meta["title"])
        self.repeats = furniture_repeats(self.lines, body_start, self.titles + self.full_titles)
        self.edges = page_edges(self.lines, self.breaks)
        if self.breaks:
            # Where pages are known, a running header is printed at their edges: a
            # paragraph's first line three lists items share ("The report of the
            # fact-finding mission of the Organisation for the Prohibition of") is text.
            at_edges: dict[str, int] = {}
            for k in self.edges:
                at_edges[self.lines[k].strip()] = at_edges.get(self.lines[k].strip(), 0) + 1
            self.repeats = {r for r in self.repeats if at_edges.get(r, 0) >= 2}
        self.layout = _Layout(self.lines, self.breaks, start=body_start)
        # Symbol printed alone in the cover block (A/80/L.6, A/RES/46/182).
        for line in self.lines[: max(self.chapeau, 40)]:
            m = SYMBOL_RE.search(line)
            if m and (SYMBOL_LINE.match(line.strip()) or line.strip().startswith("United Nations")):
                draft.meta.setdefault("symbol_line", m.group(0))
                break
        self.fn_blocks = bottom_footnotes(self.lines, self.layout.page_starts, body_start)
        self.current: list[str] = []
        self.last_number = 0  # the last numbered paragraph begun ("3." -> 3)
        self.pending_break = False
        self.in_fn = False
        self.fn_num = ""
        self.fn_text: list[str] = []
        self.fn_indent = 0
        self.fn_text_col = -1  # where a footnote's text starts ("4   Argentina, ...")
        self.fn_blank = False
        self.fn_leading: dict[int, str] = {}  # see numbers_after

    # -- paragraphs and footnotes being built

    def flush(self) -> None:
        if self.current:
            text, lead = join_with_lead(self.current, self.italics_known)
            self.draft.blocks.append(Block(text, lead=lead, after_break=self.pending_break))
            self.pending_break = False
        self.current = []

    def start_fn(self, number: str, text: list[str], line: str) -> None:
        if self.fn_num:
            self.draft.add_footnote(self.fn_num, " ".join(self.fn_text))
        self.fn_num, self.fn_text, self.fn_indent, self.fn_blank = number, text, indent(line), False
        self.fn_text_col = line.find(text[0]) if text and text[0] else -1

    def end_fn(self) -> None:
        if self.fn_num:
            self.draft.add_footnote(self.fn_num, " ".join(self.fn_text))
        self.in_fn, self.fn_num, self.fn_text = False, "", []

    # -- the pass

    def run(self) -> Draft:
        for i, line in enumerate(self.lines):
            self.line(i, line, line.strip())
        self.flush()
        self.end_fn()
        self.draft.meta.setdefault("chapeau_seen", "1" if self.chapeau else "")
        return finish(self.draft, titles=self.titles)

    def line(self, i: int, line: str, s: str) -> None:
        in_header = i < self.chapeau
        if i in self.breaks:
            if self.in_fn:
                # Footnotes stand at a page's foot: the next page opens with body text
                # ("8 September 2025, respectively," after footnote 10 is no footnote 8).
                self.end_fn()
            else:
                self.flush()  # the page's last paragraph; the next block follows a break
            self.pending_break = True
        if not s:
            if self.in_fn and (self.fn_text or not self.fn_num):
                self.fn_blank = True  # (not between a footnote's number and its text)
            else:
                self.flush()
            return
        if self.in_fn and i in self.fn_leading:
            if self.fn_leading[i]:  # (the numbers at the block's end have no text)
                self.draft.add_footnote(self.fn_leading[i], s)
            return
        if self.in_fn and re.fullmatch(r"\d{1,3}", s) and (self.fn_num or not self.current):
            self.start_fn(s, [], line)  # "1" alone, its text below (pdftotext -layout)
            return
        if is_furniture(s) or (
            not in_header
            and (i in self.edges or not self.breaks or not self.mid_paragraph())
            and (s in self.repeats or header_like(s, self.titles, self.full_titles))
        ):
            if self.in_fn and self.fn_num and not self.fn_text:
                if SYMBOL_LINE.match(s) and s != self.draft.meta.get("symbol_line"):
                    self.fn_text.append(s)  # "1" / "A/59/93-E/2004/74.": a symbol is its text
                return  # "7" / "18-16895" / "See World Health ...": its text comes after
            if self.in_fn:
                self.end_fn()
            # The page may continue the same paragraph: flush it and let finish()
            # decide whether the next block merges into it.
            self.flush()
            self.pending_break = True
            return
        if in_header and self.cover_line(s):
            return
        if i in self.fn_blocks and not self.in_fn:
            # Footnotes at the page's foot with no rule above them (a PDF not made
            # by the UN, its pdftotext text): the page's body ends here.
            self.flush()
            self.in_fn, self.fn_blank = True, False
            self.pending_break = True
        trailing = None if in_header or self.in_fn else TRAILING_RULE.search(s)
        if trailing:
            self.current.append(s[: trailing.start()])
            s = "---"
        if RULE.match(s) and not in_header:
            self.flush()
            self.end_fn()
            self.in_fn, self.fn_blank = True, False
            self.pending_break = True
            self.fn_leading = self.numbers_after(i)
            return
        if self.in_fn and self.footnote_line(line, s):
            return
        self.body_line(i, line, s, in_header, bool(trailing))

    def numbers_after(self, rule: int) -> dict[int, str]:
        """pdftotext without -layout prints a footnote block's first footnotes before
        their numbers, which stand alone at the block's end ("Resolution 70/1." /
        "Resolution 69/313, annex." / "3" / "See ..." ... "1" / "2"). Those first lines,
        each with its number, and the numbers at the end (with none), by line index."""
        end = rule + 1
        while end < len(self.lines) and end not in self.breaks:
            end += 1
        block = [k for k in range(rule + 1, end) if self.lines[k].strip()]
        lone = [k for k in block if re.fullmatch(r"\d{1,3}", self.lines[k].strip())]
        if (
            not block
            or not lone
            or block[0] in lone
            or FN_START.match(self.lines[block[0]].strip())
        ):
            return {}
        leading = [k for k in block if k < lone[0]]
        trailing: list[int] = []
        for k in reversed(block):
            if k in lone:
                trailing.append(k)
            elif trailing or not is_furniture(self.lines[k]):
                break  # (a page number "2/10" or a job number may follow the numbers)
        trailing.reverse()
        if len(trailing) != len(leading) or trailing[0] <= leading[-1]:
            return {}
        out = {k: self.lines[t].strip() for k, t in zip(leading, trailing, strict=True)}
        out.update(dict.fromkeys(trailing, ""))
        return out

    def mid_paragraph(self) -> bool:
        """Is a paragraph under way (its last line unfinished)? A line that reads like
        the running title there, away from the page's top and bottom, is its text."""
        return bool(self.current) and not ends_terminal(self.current[-1])

    def cover_line(self, s: str) -> bool:
        """Drop a cover-block line ("Distr.: General"), keeping what it tells."""
        title_tail = (
            bool(self.current)
            and not ends_terminal(self.current[-1])
            and s.lower() == "united nations"
        )
        if not is_cover_line(s) or title_tail:
            return False
        if re.match(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$", s):
            blocks = self.draft.blocks
            last = self.current[-1] if self.current else (blocks[-1].text if blocks else "")
            if last.rstrip().endswith((" on", " of")):
                # "Resolution adopted by the General Assembly on" / "21 December 2012"
                if self.current:
                    self.current.append(s)
                else:
                    blocks[-1].text = join_lines([blocks[-1].text, s])
                return True
            self.draft.meta.setdefault("cover_date", s)
        self.flush()
        return True

    def footnote_line(self, line: str, s: str) -> bool:
        """A line inside a footnote block; False when the block has ended."""
        m = FN_START.match(s)
        if m and (m.group(1).isdigit() or m.group(1).startswith("*")):
            self.start_fn(m.group(1), [m.group(2)], line)
            return True
        notes = self.draft.footnotes
        last_fn = next(reversed(notes), None) if notes else None
        if (
            not self.fn_num
            and not self.fn_blank
            and last_fn
            and not notes[last_fn].rstrip().endswith((".", ".)", ".”"))
            and not m
        ):
            # The rest of a footnote begun on the previous page.
            self.fn_num, self.fn_text = last_fn, [notes.pop(last_fn), s]
            self.fn_indent, self.fn_text_col = indent(line), -1
            return True
        paragraph_start = bool(LABEL_START.match(s)) or s[:1].isupper() or s[:1] in "“\"'‘"
        hanging = self.fn_text_col >= 3 and indent(line) == self.fn_text_col
        outdented = self.fn_indent == 0 and indent(line) >= 1 and paragraph_start and not hanging
        if self.fn_blank or not self.fn_num or outdented:
            self.end_fn()
            self.pending_break = True
            return False
        if self.fn_text and self.fn_text[-1].endswith("-") and s[:1].isalpha():
            self.fn_text[-1] += s
        else:
            self.fn_text.append(s)
        return True

    def body_line(self, i: int, line: str, s: str, in_header: bool, trailing: bool) -> None:
        current = self.current
        annex = not in_header and ANNEX_LINE.match(s) is not None
        if (
            i == self.chapeau
            or annex
            or (current and (CLOSING_LINE.match(s) or _DECLARATION_OPENS.match(s)))
        ):
            # "The General Assembly,", "61st plenary meeting" and "Annex" stand alone;
            # "We, Heads of State and Government ..." opens a declaration's paragraph
            self.flush()
            current = self.current
        number = _NEXT_NUMBER.match(s)
        if number and not current:
            self.last_number = int(number.group(1))
        elif current and LABEL_START.match(s):
            prev = current[-1].strip()
            # the next paragraph number in sequence opens a paragraph even after a
            # line the text left unfinished ("... systematic and progressive process")
            follows = number is not None and int(number.group(1)) == self.last_number + 1
            if LABEL_ONLY.match(prev) is None and (ends_terminal(prev) or in_header or follows):
                self.flush()
                if number:
                    self.last_number = int(number.group(1))
        elif (
            current
            and not in_header
            and ends_terminal(current[-1])
            and not LABEL_ONLY.match(current[-1].strip())  # ("3." / "We gather ...")
        ):
            # Text without blank lines between paragraphs (pdftotext): a deeper
            # first-line indent, or a preambular opener after a finished line.
            margin = self.layout.margin_at(i)
            # (a text whose lines start at the margin's edge, such as a plain-text
            # resolution, opens a paragraph with an indent of 4 or more)
            indented = indent(line) >= margin + (3 if margin >= 4 else 4)
            if indented or (
                self.layout.dense
                and (
                    OPENER_LINE.match(s)
                    or (DENSE_OPENER.match(s) and not _title_case(s))
                    or (
                        _STARTS_PARAGRAPH.match(s)
                        and self.layout.ended_short(i, self.lines[i - 1], s)
                    )
                )
            ):
                self.flush()
        self.current.append(self.marked[i] if not trailing else s)
        if (i == self.chapeau and self.chapeau) or annex:
            self.flush()
            if annex:
                self.last_number = 0  # an annex numbers afresh
