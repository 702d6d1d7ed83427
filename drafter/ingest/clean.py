"""One shared cleaner for text that came out of a PDF (or a conversion of one).

PDF extraction leaves page furniture in the text: running headers and footers,
page numbers ("3/5", "Page 2"), job numbers ("13-43969"), barcodes, "Please
recycle", footnote blocks in the middle of a paragraph, hyphenation at line
ends, one line per printed line. This module turns such text into clean blocks
(paragraphs) and footnotes; the Markdown reader reuses its block-level half
(:func:`finish`) because Markdown converted from PDFs carries the same artefacts.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.ingest.blocks import LEAD_MARK, MARK_RE, Block, Draft

# ---------------------------------------------------------------- patterns

SYMBOL_RE = re.compile(
    r"\b(?:A|S|E|A/C\.\d|E/CN\.\d+|A/HRC|A/CONF\.\d+)/(?:RES/)?[A-Z0-9.\-]+(?:/[A-Z0-9.\-]+)*"
    r"(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*",
)
_SYMBOL_LINE = re.compile(
    r"^(?:A|S|E)/(?:RES/)?[\w.\-]+(?:/[\w.\-]+)*(?:\*+)?(?:\s+Page\s+\d+)?$", re.IGNORECASE
)
_FURNITURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\d{1,3}\s*/\s*\d{1,3}$",  # 3/5
        r"^page\s+\d+(\s+of\s+\d+)?$",
        r"^-\s*\d{1,3}\s*-$",  # - 3 -
        r"^/\s*\.\.\.$",  # "/..." continuation mark
        r"^\.\.\./?$",
        r"^\d{2}-\d{5}\s*(\([A-Z]\))?(\s+\d{6})?(\s+\d{6})?$",  # job numbers
        r"^\d{2}-\d{5}\s*(\([A-Z]\))?\s+\d{1,3}\s*/\s*\d{1,3}$",  # job number + page
        r"^\d{1,3}\s*/\s*\d{1,3}\s+\d{2}-\d{5}\s*(\([A-Z]\))?$",
        r"^\*\d{6,}\*$",  # barcode
        r"^please\s+recycle\b.*$",
        r"^\d{1,3}$",  # a bare page number
    )
]
_COVER = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^united\s+nations$",
        r"^united(\s+[A-Z])?$",
        r"^nations(\s+[A-Z])?$",
        r"^[A-Z]$",
        r"^general\s+assembly$",
        r"^security\s+council$",
        r"^economic\s+and\s+social\s+council$",
        r"^distr\.?:?\s*(general|limited|restricted)?$",
        r"^(general|limited|restricted)$",
        r"^original:?\s*\w+$",
        r"^general\s+assembly\s+distr\.?:?\s*(general|limited|restricted)?(\s+\d{1,2}\s+\w+\s+\d{4})?$",
        r"^(?:[AES]/[\w/.]+\s+)?united\s+nations(?:\s+[AES]/[\w/.]+)?$",
        r"^distr\.?:?\s*(general|limited|restricted)\s+general\s+assembly$",
        r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$",  # a date alone (distribution date)
    )
]
CHAPEAU_RE = re.compile(
    r"^(?:The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|"
    r"Human\s+Rights\s+Council|Conference|Assembly)|We,\s+(?:the\s+)?(?:Heads|representatives|"
    r"Ministers)\b|L[’']Assembl[ée]e\s+g[ée]n[ée]rale|La\s+Asamblea\s+General|"
    r"Генеральная\s+Ассамблея|الجمعية\s+العامة|大会)",
)
# "3.", "(a)", "(iv)", French/Spanish "a)", section "IV." / "A."
LABEL = (
    r"(?:\d{1,3}\.(?!\d)|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|(?:[a-z]|[ivxlc]{1,6})\)|"
    r"[IVXL]{1,5}\.|[A-H]\.)"
)
LABEL_START = re.compile(rf"^{LABEL}(?:\s+|$)")
LABEL_ONLY = re.compile(rf"^{LABEL}$")
_FN_START = re.compile(r"^(\d{1,3}|\*{1,3}|[a-z])(?:/(?=\s)|\s)\s*(\S.*)$")
_RULE = re.compile(r"^(?:_{5,}|-{3,}|—{3,})$")
_TRAILING_RULE = re.compile(r"\s+(?:_{5,}|-{3,})$")  # "... international ---" (md-like text)
_TERMINAL = ".;:,!?"
_TRAILERS = "”’\"')]*"

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "
)
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def normalize(text: str) -> str:
    """NFC, unified newlines, odd spaces to plain spaces, soft hyphens gone.

    Curly quotes, dashes and the non-breaking hyphen are content and are kept.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.translate(_SPACES).translate(_DROP)
    return text


def is_furniture(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    return any(p.match(s) for p in _FURNITURE) or bool(_SYMBOL_LINE.match(s))


def is_cover_line(line: str) -> bool:
    s = line.strip().rstrip(",")
    return any(p.match(s) for p in _COVER)


def ends_terminal(text: str) -> bool:
    t = MARK_RE.sub("", text).rstrip()
    t = re.sub(r"\s\d{1,2}/$", "", t)  # a typewritten marker "2/"
    t = t.rstrip(_TRAILERS + "0123456789").rstrip()
    return bool(t) and t[-1] in _TERMINAL


def join_lines(lines: list[str]) -> str:
    """Join printed lines into one paragraph, undoing line-end breaks.

    A line ending in a hyphen is joined without a space and the hyphen kept:
    UN texts do not hyphenate words at line ends except at real hyphens
    ("sixty-\\neighth" is "sixty-eighth"). "policy-\\nand decision-making" keeps
    its space.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in "-\u2011" and len(out) > 1 and out[-2].isalpha() and line[:1].isalpha():
            first = line.split(" ", 1)[0].lower()
            out += (" " if first in ("and", "or", "to", "as", "y", "et", "o", "ou") else "") + line
        else:
            out += " " + line
    return tidy(out)


_SPLIT_HYPHEN = re.compile(r"(?<=[A-Za-z]{2})([-\u2011]) (?!(?:and|or|to|as)\b)(?=[a-z]{3,})")
_MULTISPACE = re.compile(r" {2,}")


def tidy(text: str) -> str:
    """Whitespace and split-hyphen repairs on one paragraph's text."""
    text = _MULTISPACE.sub(" ", text.strip())
    text = _SPLIT_HYPHEN.sub(r"\1", text)  # "non- governmental"
    return text


def _join_with_lead(lines: list[str], italics_known: bool) -> tuple[str, int]:
    """Join a paragraph's lines; the italic mark on its first text line gives the lead."""
    first = 0
    while first < len(lines) - 1 and LABEL_ONLY.match(lines[first].replace(LEAD_MARK, "").strip()):
        first += 1
    kept = [line if k == first else line.replace(LEAD_MARK, "") for k, line in enumerate(lines)]
    text = join_lines(kept)
    pos = text.find(LEAD_MARK)
    if pos < 0:
        return text, (0 if italics_known else -1)
    text = text.replace(LEAD_MARK, "")
    m = LABEL_START.match(text)
    return text, max(0, pos - (m.end() if m else 0))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# ---------------------------------------------------------------- titles and repeats


def _title_lines(lines: list[str], chapeau: int) -> list[str]:
    """Lines of the document title as printed in the header zone ("67/219. Title"), in order."""
    found: list[str] = []
    title_re = re.compile(r"^\s*(?:\d{1,3}/\d{1,4}(?:\s*[A-Z])?\.\s+)(.+)$")
    for i in range(min(chapeau, len(lines))):
        m = title_re.match(lines[i])
        if m:
            found.append(m.group(1).strip())
            for nxt in lines[i + 1 : chapeau]:
                if not nxt.strip():
                    break
                found.append(nxt.strip())
            break
    return found


def _furniture_repeats(lines: list[str], start: int, titles: list[str]) -> set[str]:
    """Body lines that are running headers: printed again and again, or the title."""
    counts: dict[str, int] = {}
    for line in lines[start:]:
        s = line.strip()
        if len(s) >= 12:
            counts[s] = counts.get(s, 0) + 1
    repeats = set()
    for s, n in counts.items():
        if n < 2 or LABEL_START.match(s) or s[-1] in ",;:" or len(s.split()) > 15 or _RULE.match(s):
            continue
        if n >= 3 or SYMBOL_RE.search(s) or any(s in t or t in s for t in titles if len(t) >= 12):
            repeats.add(s)
    return repeats


def header_like(line: str, titles: list[str], full_titles: list[str]) -> bool:
    """A running header: the title (or its start), alone or with the symbol."""
    s = line.strip()
    if not s:
        return False
    had_symbol = SYMBOL_RE.search(s) is not None
    rest = SYMBOL_RE.sub("", s).strip(" ,") if had_symbol else s
    if had_symbol and not rest:
        return len(SYMBOL_RE.findall(s)) == 1  # a list of symbols is footnote text
    if len(rest) < 12:
        return False
    if rest in titles:
        return True
    for t in full_titles:
        if t and (t.startswith(rest) or ((had_symbol or len(rest) >= 25) and t.endswith(rest))):
            return True
    return had_symbol and any(rest in t for t in titles if len(t) >= 12)


def find_chapeau(lines: list[str]) -> int:
    """Index of "The General Assembly," (or the like), len(lines) when absent."""
    for i, line in enumerate(lines):
        s = MARK_RE.sub("", line).strip().strip("*_ ")
        if len(s) <= 80 and CHAPEAU_RE.match(s):
            return i
    return len(lines)


# ---------------------------------------------------------------- text to draft


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
    titles = _title_lines(lines, chapeau)
    full_titles = [" ".join(titles)] if titles else []
    if "title" in draft.meta:
        full_titles.append(draft.meta["title"])
    repeats = _furniture_repeats(lines, chapeau + 1 if chapeau else 0, titles)

    # Symbol printed alone in the cover block (A/80/L.6, A/RES/46/182).
    for line in lines[: max(chapeau, 40)]:
        m = SYMBOL_RE.search(line)
        if m and (_SYMBOL_LINE.match(line.strip()) or line.strip().startswith("United Nations")):
            draft.meta.setdefault("symbol_line", m.group(0))
            break

    current: list[str] = []
    pending_break = False

    def flush() -> None:
        nonlocal current, pending_break
        if current:
            text, lead = _join_with_lead(current, italics_known)
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
        trailing = None if in_header or in_fn else _TRAILING_RULE.search(s)
        if trailing:
            current.append(s[: trailing.start()])
            s = "---"
        if _RULE.match(s) and not in_header:
            flush()
            end_fn()
            in_fn, fn_blank = True, False
            pending_break = True
            continue
        if in_fn:
            m = _FN_START.match(s)
            if m and (m.group(1).isdigit() or m.group(1).startswith("*")):
                if fn_num:
                    draft.add_footnote(fn_num, " ".join(fn_text))
                fn_num, fn_text, fn_indent, fn_blank = (
                    m.group(1),
                    [m.group(2)],
                    _indent(line),
                    False,
                )
                continue
            last_fn = next(reversed(draft.footnotes), None) if draft.footnotes else None
            if (
                not fn_num
                and not fn_blank
                and last_fn
                and not draft.footnotes[last_fn].rstrip().endswith((".", ".)", ".”"))
                and not _FN_START.match(s)
            ):
                # The rest of a footnote begun on the previous page.
                fn_num, fn_text = last_fn, [draft.footnotes.pop(last_fn), s]
                fn_indent = _indent(line)
                continue
            paragraph_start = bool(LABEL_START.match(s)) or s[:1].isupper() or s[:1] in "“\"'‘"
            if (
                fn_blank
                or not fn_num
                or (fn_indent == 0 and _indent(line) >= 1 and paragraph_start)
            ):
                end_fn()
                pending_break = True
            else:
                if fn_text and fn_text[-1].endswith("-") and s[:1].isalpha():
                    fn_text[-1] += s
                else:
                    fn_text.append(s)
                continue
        # An ordinary body line.
        if current and LABEL_START.match(s):
            prev = current[-1].strip()
            if LABEL_ONLY.match(prev) is None and (ends_terminal(prev) or in_header):
                flush()
        current.append(marked[i] if not trailing else s)
        if LABEL_ONLY.match(s):
            continue  # "1." alone on its line (PyMuPDF): the text follows
    flush()
    end_fn()
    draft.meta.setdefault("chapeau_seen", "1" if chapeau else "")
    return finish(draft, titles=titles)


# ---------------------------------------------------------------- block level


_FUNCTION_WORDS = {
    "the", "of", "and", "to", "in", "for", "a", "an", "on", "with", "by", "its", "their",
    "at", "from", "that", "which", "or", "as", "into", "under", "between", "among",
}  # fmt: skip


def _ends_with_function_word(text: str) -> bool:
    """A paragraph ending in "the" or "of" was cut, whatever follows."""
    words = MARK_RE.sub("", text).rstrip().rsplit(" ", 1)
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


def _cut_name(text: str) -> bool:
    """ "Games, as a defining ...": the rest of a name cut at a paragraph break.

    No resolution paragraph opens with a capitalised word and a comma, except
    "We, ...".
    """
    first = text.split(" ", 1)[0]
    return (
        len(first) > 2
        and first.endswith(",")
        and first[0].isupper()
        and first.rstrip(",") not in ("We", "Nous", "Nosotros")
    )


def _starts_continuation(text: str) -> bool:
    s = MARK_RE.sub("", text).lstrip()
    if not s or LABEL_START.match(s):
        return False
    return s[0].islower() or s[0].isdigit()


_LOOSE_FOOTNOTE = re.compile(
    r"^(\d{1,3})/?\s+(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)(?=[A-Z“\"(]|Ibid|See|\d{4}\s+[A-Z])"
)


def _next_footnote(draft: Draft, number: str) -> bool:
    nums = [int(n) for n in draft.footnotes if n.isdigit()]
    highest = max(nums) if nums else 0
    return number not in draft.footnotes and highest < int(number) <= highest + 2


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
        plain = MARK_RE.sub("", text).strip()
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
        if (
            prev is not None
            and in_body
            and not prev.heading
            and not block.heading
            and not ends_terminal(prev.text)
            and not LABEL_ONLY.match(prev.text)
            and (
                _starts_continuation(text)
                or (block_break and len(MARK_RE.sub("", prev.text)) > 60 and plain[:1].isupper())
                or (_ends_with_function_word(prev.text) and not LABEL_START.match(plain))
                or (len(MARK_RE.sub("", prev.text)) > 60 and _cut_name(plain))
            )
        ) or (
            prev is not None
            and in_body
            and block_break
            and not prev.heading
            and not block.heading
            and prev.text.rstrip().endswith(",")
            and not LABEL_START.match(plain)
            and (plain[:1].islower() or not _OPENER.match(plain))
            and not _CLOSING_LINE.match(plain)
        ):
            prev.text = join_lines([prev.text, text])
            continue
        if prev is not None and LABEL_ONLY.match(prev.text.strip()) and not block.heading:
            prev.text = prev.text.strip() + " " + text
            prev.lead = block.lead
            continue
        block.after_break = block_break
        out.append(block)
    draft.blocks = _split_run_on(out, chapeau)
    draft.cleaned = True
    return draft


_RUN_ON = re.compile(
    r"(?<=[;:.,”\ue001]) (?:(\d{1,3})\. (?=[A-Z“])|(?=(\d{1,3}(?:st|nd|rd|th) plenary meeting\b)))"
)
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
        if not pieces:
            out.append(block)
            continue
        pieces.append(text[start:])
        out.append(Block(pieces[0], lead=block.lead, after_break=block.after_break))
        out.extend(Block(piece) for piece in pieces[1:])
    return out
