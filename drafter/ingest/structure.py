"""From clean blocks to a :class:`~drafter.model.Resolution`.

Recognises the document header (symbol, title, adoption date, session, agenda
item), the chapeau ("The General Assembly,"), preambular and operative
paragraphs, sub-paragraph numbering with its parents ("3(c)(ii)"), closing
lines ("61st plenary meeting"), and footnote markers. Written once for every
format: readers only have to produce blocks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from drafter.ingest.blocks import Draft, restore_soft, strip_marks
from drafter.ingest.footnotes import MarkerState, locate_after, strip_markers
from drafter.ingest.header import (
    TITLE_NUM,
    meta_from_header,
    parse_date,
    resolve_date,
    title_and_symbol,
)
from drafter.ingest.header_blocks import segment_header
from drafter.ingest.language import detect_language
from drafter.ingest.leads import guess_lead
from drafter.ingest.lines import CHAPEAU_RE, tidy
from drafter.model import Footnote, Paragraph, ParaKind, Resolution

_CLOSING = re.compile(
    r"^\*?(?:\d{1,3}(?:st|nd|rd|th|e|re|a|ª|-е)\s+(?:(?:plenary\s+)?meeting|séance plénière|"
    r"sesión plenaria|пленарное заседание)\b|第\s*\d{1,3}\s*次全体会议)",
    re.IGNORECASE,
)
_NUM_LABEL = re.compile(r"^(\d{1,3}(?:\s?(?:bis|ter|quater))?)\.(?!\d)\s*")
# Negotiation drafts: "PP3 Recalling ...", "OP 4 bis. Decides ..."
_PP_OP_LABEL = re.compile(r"^(PP|OP)\s?(\d{1,3}(?:\s?(?:bis|ter|quater))?)\.?\s+(?=\S)")
_PAREN_LABEL = re.compile(
    r"^(?:\((?P<x>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|(?P<y>[a-z]|[ivxlc]{1,6})\))\s+"
)
_SECTION_LABEL = re.compile(r"^([IVXL]{1,5}|[A-H])\.\s+(?=\S)")
_STAR_MARK = re.compile(r"(?<=\w)(:?)(\*{1,3})(?=[\s:]|$)")  # "State of Palestine:* draft"
_ROMAN = {
    r: i
    for i, r in enumerate(
        [
            "i",
            "ii",
            "iii",
            "iv",
            "v",
            "vi",
            "vii",
            "viii",
            "ix",
            "x",
            "xi",
            "xii",
            "xiii",
            "xiv",
            "xv",
            "xvi",
            "xvii",
            "xviii",
            "xix",
            "xx",
        ],
        1,
    )
}


def _is_heading_text(text: str) -> bool:
    words = text.split()
    if _SECTION_LABEL.match(text) and len(words) <= 40 and text.rstrip()[-1] not in ",;:":
        return True  # "II. Implementation of the Awaza Programme of Action ..."
    if not words or len(words) > 14:
        return False
    last = text.rstrip()[-1]
    if last in ",;":
        return False
    if last in ".:" and not _SECTION_LABEL.match(text):
        return False
    return text[:1].isupper() or text[:1].isdigit() or text.isupper()


class _Numbering:
    """Tracks "3", "3(c)", "3(c)(ii)" as labels arrive."""

    def __init__(self) -> None:
        self.top: str | None = None
        self.letter: str | None = None
        self.roman: str | None = None

    def top_level(self, label: str) -> tuple[str, int]:
        self.top, self.letter, self.roman = label, None, None
        return label, 0

    def number(self, label: str) -> tuple[str, int]:
        if label.isdigit():  # "(1)" under a lettered item: treat as third level
            return self._compose(self.letter, label), 2
        x = label
        is_roman = x in _ROMAN
        next_letter = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 else None
        as_roman = (
            is_roman
            and self.letter is not None
            and (
                (self.roman is not None and _ROMAN.get(self.roman, 0) + 1 == _ROMAN[x])
                or (x == "i" and next_letter != "i")
                or (x != next_letter and self.roman is not None)
            )
        )
        if as_roman:
            self.roman = x
            return self._compose(self.letter, x), 2
        self.letter, self.roman = x, None
        return self._compose(x, None), 1

    def _compose(self, letter: str | None, roman: str | None) -> str:
        out = self.top or ""
        if letter:
            out += f"({letter})"
        if roman:
            out += f"({roman})"
        return out

    def reset(self) -> None:
        self.top = self.letter = self.roman = None


def build(draft: Draft, *, source: str | None = None, language: str | None = None) -> Resolution:
    """Turn a cleaned :class:`Draft` into a :class:`Resolution`."""
    blocks = segment_header([b for b in draft.blocks if strip_marks(b.text).strip()])
    plain = [tidy(strip_marks(restore_soft(b.text))) for b in blocks]
    chapeau = next(
        (
            i
            for i, t in enumerate(plain)
            if len(t) <= 80 and CHAPEAU_RE.match(t.strip("*_ ")) and not TITLE_NUM.match(t)
        ),
        None,
    )
    header = plain[:chapeau] if chapeau is not None else []
    meta = meta_from_header(header, draft)
    title, symbol = title_and_symbol(header, meta, draft)

    state = MarkerState(draft.footnotes.keys(), plain=not draft.meta.get("explicit_markers"))
    numbering = _Numbering()
    paragraphs: list[Paragraph] = []
    seen_operative = False
    closing_date: dt.date | None = None
    for i, block in enumerate(blocks):
        in_header = chapeau is not None and i <= chapeau
        contexts: dict[str, str] = {}  # footnote -> the text before its marker
        if in_header:
            text, cited = strip_marks(restore_soft(block.text)), ()
            star = _STAR_MARK.search(text)
            if star and star.group(2) in draft.footnotes:
                # The sponsors' note ("* Any changes to the list of sponsors ...").
                text = text[: star.start(2)] + text[star.end(2) :]
                cited = (star.group(2),)
        else:
            text, cited = strip_markers(block.text, state, contexts)
        text = tidy(text)
        repaired_len = len(text)
        if block.italic or (text.startswith("*") and text.endswith("*")):
            text = text.strip("*_ ").strip()
        if not text:
            continue
        kind, number, level, lead = ParaKind.OTHER, None, 0, 0
        if in_header:
            kind = ParaKind.HEADING
        elif _CLOSING.match(text):
            kind = ParaKind.CLOSING
            closing_date = closing_date or parse_date(text)
            numbering.reset()
        else:
            m = _NUM_LABEL.match(text)
            p = _PAREN_LABEL.match(text)
            ppop = _PP_OP_LABEL.match(text)
            if ppop:
                number, level = numbering.top_level(ppop.group(2))
                text = text[ppop.end() :]
                kind = ParaKind.PREAMBULAR if ppop.group(1) == "PP" else ParaKind.OPERATIVE
                seen_operative = seen_operative or kind == ParaKind.OPERATIVE
            elif m and (len(text) > m.end()):
                number, level = numbering.top_level(m.group(1))
                text = text[m.end() :]
                kind = ParaKind.OPERATIVE
                seen_operative = True
            elif p and len(text) > p.end():
                number, level = numbering.number(p.group("x") or p.group("y"))
                text = text[p.end() :]
                kind = ParaKind.SUBPARAGRAPH
            elif block.heading or _is_heading_text(text):
                kind = ParaKind.HEADING
                if _SECTION_LABEL.match(text):
                    numbering.reset()
            elif not seen_operative and (
                text.rstrip().endswith((",", "，", "،")) or _looks_preambular(text)
            ):
                kind = ParaKind.PREAMBULAR
            elif not seen_operative and _looks_operative(text):
                kind = ParaKind.OPERATIVE
            else:
                kind = ParaKind.OTHER
            if kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE):
                lead = block.lead if block.lead >= 0 else guess_lead(text)
                lead = max(0, min(lead, len(text)))
        text = unicodedata.normalize("NFC", text)
        offsets: tuple[int, ...] = ()
        if cited and len(contexts) == len(cited):
            cut = repaired_len - len(text)  # the number label taken off the front
            offsets = tuple(locate_after(text, contexts[n], cut) for n in cited)
        paragraphs.append(
            Paragraph(
                id=len(paragraphs),
                kind=kind,
                number=number,
                text=text,
                footnotes=cited,
                lead=lead,
                level=level,
                footnote_offsets=offsets,
            )
        )
    date = resolve_date(meta, closing_date, header, draft)
    footnotes = tuple(
        Footnote(n, tidy(strip_marks(restore_soft(t)))) for n, t in draft.footnotes.items()
    )
    missing = sorted(
        {n for p in paragraphs for n in p.footnotes if n not in draft.footnotes},
        key=lambda n: (not n.isdecimal(), int(n) if n.isdecimal() else 0, n),
    )
    if missing:
        draft.warnings.append(
            f"footnote marker{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            "without footnote text"
        )
    body = [p for p in paragraphs if p.kind not in (ParaKind.HEADING, ParaKind.CLOSING)]
    loose = sum(1 for p in body if p.kind == ParaKind.OTHER)
    if loose >= 5 and 2 * loose >= len(body):
        draft.warnings.append(
            f"no paragraph structure recognised for {loose} of {len(body)} paragraphs (neither "
            "preambular, operative nor sub-paragraphs): they are shown as the text divided "
            "them, and a comparison may be rough"
        )
    lang = language or detect_language(" ".join(p.text for p in paragraphs))
    return Resolution(
        symbol=symbol,
        title=title,
        date=date,
        paragraphs=tuple(paragraphs),
        footnotes=footnotes,
        language=lang,
        session=meta.get("session"),  # type: ignore[arg-type]
        agenda_item=meta.get("agenda_item"),  # type: ignore[arg-type]
        source=source,
        warnings=tuple(draft.warnings),
    )


_PREAMBLE_START = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|(?:Deeply|Gravely|Seriously|Profoundly|Greatly|Also|Further|Bearing|"
    r"Conscious|Mindful|Aware|Convinced|Concerned|Alarmed|Determined|Desirous|Guided|Cognizant|"
    r"Encouraged|Reaffirming|Noting|Recalling|Welcoming|Emphasizing|Stressing|Underlining|"
    r"Acknowledging|Recognizing)\b)"
)
_OPERATIVE_START = re.compile(
    r"^(?:(?:Also|Further|Once again|Strongly|Urgently|Again)\s+)?[A-Z][a-z]+s\b(?!,)"
)


def _looks_preambular(text: str) -> bool:
    if text.startswith(("We, ", "Nous, ", "Nosotros, ")):
        return True  # a declaration's chapeau: "We, Heads of State ..., we therefore:"
    return bool(_PREAMBLE_START.match(text)) and not text.rstrip().endswith(";")


def _looks_operative(text: str) -> bool:
    return bool(_OPERATIVE_START.match(text)) and text.rstrip()[-1:] in ";:."
