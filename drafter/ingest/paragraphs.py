"""The block-level pass shared by every reader: paragraphs, not lines.

Drops blocks that are page furniture; merges a paragraph that a page break, a
removed running header or a footnote block cut in two; moves footnotes printed
without their rule out of the text; splits paragraphs that a conversion ran
together ("... 2024, 1. Reiterates ...; 2. Requests ...").
"""

from __future__ import annotations

import re

from drafter.ingest.blocks import Block, Draft, strip_marks
from drafter.ingest.lines import (
    LABEL_ONLY,
    LABEL_START,
    ends_terminal,
    find_chapeau,
    header_like,
    is_cover_line,
    is_furniture,
    join_lines,
)
from drafter.ingest.respace import repair, vocabulary

# ---------------------------------------------------------------- block level


_FUNCTION_WORDS = {
    "the", "of", "and", "to", "in", "for", "a", "an", "on", "with", "by", "its", "their",
    "at", "from", "that", "which", "or", "as", "into", "under", "between", "among",
}  # fmt: skip


def _ends_with_function_word(text: str) -> bool:
    """A paragraph ending in "the" or "of" was cut, whatever follows."""
    words = strip_marks(text).rstrip().rsplit(" ", 1)
    return len(text) > 40 and words[-1] in _FUNCTION_WORDS


# Words a paragraph may open with (preambular participles and adjectives, "We").
_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|We\b|Nous\b|(?:Deeply|Gravely|Seriously|Profoundly|Greatly|Also|"
    r"Further|Mindful|Conscious|Aware|Convinced|Concerned|Alarmed|Determined|Desirous|Guided|"
    r"Cognizant|Encouraged|Noting|Bearing|Having|Taking|Acknowledging|Emphasizing|Stressing|"
    r"Reaffirming|Recalling|Recognizing|Welcoming|Underlining|Expressing|Affirming|"
    r"Reiterating|Considering|Believing|Committed|Appreciative|Fully|Strongly|Keenly|"
    r"Annex|Appendix)\b)"
)
_CLOSING_LINE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\s+plenary", re.IGNORECASE)


_NAME_WORD = r"[A-Z][\w’'‑–-]*"
_NAME_TAIL = re.compile(
    rf"^({_NAME_WORD}(?:\s(?:{_NAME_WORD}|and|the|of|on|for|in|to|against)){{0,10}}),\d{{0,3}}\s"
)


def _cut_name(text: str) -> bool:
    """ "Games, as a defining ...", "Tracing Instrument, including ...": the rest of
    a name cut at a paragraph break.

    No resolution paragraph opens with capitalised words and a comma, except
    "We, ..." and openers such as "Recalling, in this context, ...".
    """
    m = _NAME_TAIL.match(text)
    if not m or len(m.group(1)) < 3:
        return False
    # (Only asked when the previous paragraph stopped mid-sentence, so even an
    # "-ing" word here is part of a name: "Tracing Instrument, including ...".)
    return m.group(1).split()[0] not in ("We", "Nous", "Nosotros")


def _starts_continuation(text: str) -> bool:
    s = strip_marks(text).lstrip()
    if not s or LABEL_START.match(s):
        return False
    return s[0].islower() or s[0].isdigit()


_LOOSE_FOOTNOTE = re.compile(
    r"^(\d{1,3}|\*{1,3})/?\s+(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)(?=[A-Z“\"(]|Ibid|See|\d{4}\s+[A-Z])"
)


def _next_footnote(draft: Draft, number: str) -> bool:
    if number.startswith("*"):  # "* Any changes to the list of sponsors ..."
        return number not in draft.footnotes
    nums = [int(n) for n in draft.footnotes if n.isdecimal()]
    highest = max(nums) if nums else 0
    return number not in draft.footnotes and highest < int(number) <= highest + 2


def _continues(prev: Block, block: Block, plain: str, after_break: bool) -> bool:
    """Is ``block`` the rest of ``prev``, cut by a page break or a conversion?"""
    if prev.heading or block.heading:
        return False
    prev_plain = strip_marks(prev.text)
    if not ends_terminal(prev.text) and not LABEL_ONLY.match(prev.text):
        # The previous paragraph stopped mid-sentence.
        return (
            _starts_continuation(plain)  # "... 51/17 of 12 November" | "1996, 52/10 ..."
            or (after_break and len(prev_plain) > 60 and plain[:1].isupper())
            or (_ends_with_function_word(prev.text) and not LABEL_START.match(plain))
            or (len(prev_plain) > 60 and _cut_name(plain))  # "... Winter" | "Games, as ..."
        )
    # It ended with a comma (or, in the middle of a list, a semicolon) at a page
    # break, a footnote marker maybe glued to it ("Weapons,3"): a sentence goes on
    # unless the next block opens a paragraph of its own.
    end = prev_plain.rstrip()  # (a raised marker "2020,<10>" the PDF reader marked is out)
    if _GLUED_MARKER_END.search(end):  # (then only a lowercase word goes on with it)
        end = _GLUED_MARKER_END.sub("", end).rstrip() if plain[:1].islower() else end
    if end.endswith(",") and "a" <= plain[:1] <= "z" and not block.heading:
        return True  # no English paragraph opens in lower case ("..., consisting of 21
        # members" | "participating in ...": a conversion's blank line; a Russian
        # preambular paragraph does: "ссылаясь на свои резолюции,")
    return (
        after_break
        and (end.endswith(",") or (end.endswith(";") and _list_goes_on(prev_plain, plain)))
        and not LABEL_START.match(plain)
        and (plain[:1].islower() or not _OPENER.match(plain))
        and not _CLOSING_LINE.match(plain)
    )


_GLUED_MARKER_END = re.compile(r"(?:(?<=[,;])|(?<=[,;] ))\d{1,3}$")  # "2020,10", "2020, 10"
# The next item of a list of documents the page break cut: "...; GC(69)/DEC/11, entitled".
_LIST_ITEM = re.compile(r"^[A-Z]{1,6}(?:\(\d+\))?/")


def _list_goes_on(prev: str, plain: str) -> bool:
    """The block goes on with a list of symbols of the series the paragraph cites."""
    m = _LIST_ITEM.match(plain)
    return m is not None and prev.count(m.group()) >= 2


def finish(draft: Draft, *, titles: list[str] | None = None) -> Draft:
    """Block-level cleaning shared by all PDF-derived forms.

    Drops blocks that are page furniture, and merges a paragraph that a page
    break (or a removed header/footnote block) cut in two.
    """
    titles = titles or []
    full_titles = [t for t in (draft.meta.get("title"), " ".join(titles)) if t]
    chapeau = None
    out: list[Block] = []
    pending = False
    for block in draft.blocks:
        text = block.text.strip()
        plain = strip_marks(text).strip()
        if not plain:
            continue
        if chapeau is None and not block.heading and find_chapeau([plain]) == 0:
            chapeau = len(out)
        in_body = chapeau is not None and len(out) > chapeau
        if is_furniture(plain) or (
            in_body and not block.heading and header_like(plain, titles, full_titles)
        ):
            pending = True
            continue
        if chapeau is None and is_cover_line(plain):
            continue
        fn = _LOOSE_FOOTNOTE.match(plain) if in_body and not block.heading else None
        if fn and _next_footnote(draft, fn.group(1)):
            # A footnote printed without its rule (PyMuPDF pages): move it out.
            draft.add_footnote(fn.group(1), plain[fn.end() :])
            pending = True
            continue
        block.text = text
        block_break = block.after_break or pending
        pending = False
        prev = out[-1] if out else None
        if prev is not None and in_body and _continues(prev, block, plain, block_break):
            prev.text = join_lines([prev.text, text])
            continue
        if prev is not None and LABEL_ONLY.match(prev.text.strip()) and not block.heading:
            prev.text = prev.text.strip() + " " + text
            prev.lead = block.lead
            continue
        block.after_break = block_break
        out.append(block)
    _respace(out, chapeau)
    draft.blocks = _split_run_on(out, chapeau)
    draft.cleaned = True
    return draft


def _respace(blocks: list[Block], chapeau: int | None) -> None:
    """Join words that extraction split ("treatme nt", "high -level"), by the
    document's own vocabulary (drafter.ingest.respace)."""
    words = vocabulary([strip_marks(b.text) for b in blocks])
    for block in blocks[(chapeau or 0) :]:
        if not block.heading:
            block.text = repair(block.text, words)


# (the paragraph before may end in a footnote digit a conversion left plain:
# "... and its annexes.5 9. We reaffirm", "... Pact for the Future. 16 9. We note")
_RUN_ON = re.compile(
    r"(?:(?<=[;:.,”\ue001])|(?<=[;:.,”]\d)|(?<=[;:.,”]\d\d)|(?<=[;:.,”] \d)|(?<=[;:.,”] \d\d))"
    r" (?:(\d{1,3})\. (?=[A-Z“])|(?=(\d{1,3}(?:st|nd|rd|th) plenary meeting\b)))"
)
# A section heading run into its first paragraph: "I. Global context 3. We gather".
_HEADING_RUN_ON = re.compile(r"(?<=[a-z0-9]) (\d{1,3})\. (?=(?:We|The|[A-Z][a-z]+s) )")
_NOT_BEFORE_NUMBER = {"paragraph", "paragraphs", "para.", "paras.", "article", "articles",
                      "chapter", "section", "annex", "item", "items", "resolution", "No."}  # fmt: skip
_PP_RUN_ON = re.compile(
    r"(?<=,) (?=(?:Recognizing|Recalling|Reaffirming|Noting|Stressing|Emphasizing|Welcoming|"
    r"Acknowledging|Underlining|Expressing|Taking note|Bearing in mind|Having|Affirming|"
    r"Reiterating|Considering|Mindful|Conscious|Convinced|Concerned|Deeply|Gravely|Alarmed|"
    r"Determined|Guided|Encouraged|Emphasizing)\b)"
)
_TOP = re.compile(r"^(\d{1,3})\.\s")


def _split_preamble_run_on(blocks: list[Block], chapeau: int) -> list[Block]:
    """Split preambular paragraphs run together (", Recognizing that ...")."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i <= chapeau or block.heading or _TOP.match(block.text):
            if _TOP.match(block.text):
                return out + blocks[i:]
            out.append(block)
            continue
        first_op = _RUN_ON.search(block.text)
        head = block.text[: first_op.start()] if first_op else block.text
        tail = block.text[first_op.start() + 1 :] if first_op else ""
        pieces, start = [], 0
        for rm in _PP_RUN_ON.finditer(head):
            pieces.append(head[start : rm.start()])
            start = rm.end()
        pieces.append(head[start:])
        out.append(Block(pieces[0], lead=block.lead, after_break=block.after_break))
        out.extend(Block(p) for p in pieces[1:])
        if tail:
            out[-1].text += " " + tail
            return out + blocks[i + 1 :]
    return out


def _split_run_on(blocks: list[Block], chapeau: int | None) -> list[Block]:
    """Split "... 2024, 1. Reiterates ...; 2. Requests ..." into numbered paragraphs.

    Some conversions run several numbered paragraphs into one line; a number is
    taken as a paragraph start only when it is the next one in sequence.
    """
    if chapeau is None:
        return blocks
    blocks = _split_preamble_run_on(blocks, chapeau)
    out: list[Block] = []
    last = 0
    for i, block in enumerate(blocks):
        if i <= chapeau or block.heading:
            out.append(block)
            continue
        m = _TOP.match(block.text)
        if m:
            last = int(m.group(1))
        text, start = block.text, 0
        pieces: list[str] = []
        for rm in _RUN_ON.finditer(text):
            n = int(rm.group(1)) if rm.group(1) else 0
            if rm.group(2) or n == last + 1:
                pieces.append(text[start : rm.start()])
                start = rm.start() + 1
                last = n or last
        if not pieces and not _TOP.match(text):
            hm = _HEADING_RUN_ON.search(text)
            before = text[: hm.start()].split()[-1:] if hm else []
            near = hm is not None and last < int(hm.group(1)) <= last + 2
            if hm and near and before[0] not in _NOT_BEFORE_NUMBER:
                head = text[: hm.start()]
                if len(head.split()) <= 25 and head[:1].isupper():
                    out.append(Block(head, heading=True, after_break=block.after_break))
                    block = Block(text[hm.start() + 1 :])
                    last = int(hm.group(1))
                    text = block.text
        if not pieces:
            out.append(block)
            continue
        pieces.append(text[start:])
        out.append(Block(pieces[0], lead=block.lead, after_break=block.after_break))
        out.extend(Block(piece) for piece in pieces[1:])
    return out
