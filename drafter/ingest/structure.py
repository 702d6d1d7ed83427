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

from drafter.ingest.blocks import MARK_RE, Block, Draft, restore_soft
from drafter.ingest.footnotes import MarkerState, strip_markers
from drafter.ingest.language import detect_language
from drafter.ingest.lines import CHAPEAU_RE, SYMBOL_RE, is_cover_line, tidy
from drafter.model import Footnote, Paragraph, ParaKind, Resolution

_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
_MONTHS = {name: i for names in _MONTH_NAMES.values() for i, name in enumerate(names.split(), 1)}
_MONTHS["setiembre"] = 9
_DATE = re.compile(
    r"\b(\d{1,2})(?:er)?\s+(?:de\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
    r"\s+(?:de\s+)?(\d{4})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ADOPTED = re.compile(
    r"(?:adopted by the [A-Z][\w ]+? (?:on|at its [\w ]+? on)|adoptée par l[’']Assemblée "
    r"générale le|aprobada por la Asamblea General el) (.+)",
    re.IGNORECASE,
)
_TITLE_NUM = re.compile(r"^(?:\d{1,3}/\d{1,4}(?:\s?[A-Z])?)\.\s+(.+)$")
_TITLE_NUM_ONLY = re.compile(r"^(\d{1,3})/(\d{1,4}(?:\s?[A-Z])?)\.")
_SESSION = re.compile(
    r"\b((?:[A-Z][a-z]+-)?[A-Za-z]+(?:ieth|eth|th|st|nd|rd|first|second|third)\s+"
    r"(?:special\s+|emergency\s+special\s+)?session)\b",
    re.IGNORECASE,
)
_AGENDA = re.compile(
    r"\b(Agenda items?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+(?:\s*\([a-z]\))?)*)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\*?\d{1,3}(?:st|nd|rd|th|e|re|a|ª)\s+(?:(?:plenary\s+)?meeting|séance plénière|"
    r"sesión plenaria)\b",
    re.IGNORECASE,
)
_NUM_LABEL = re.compile(r"^(\d{1,3})\.(?!\d)\s*")
_PAREN_LABEL = re.compile(
    r"^(?:\((?P<x>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|(?P<y>[a-z]|[ivxlc]{1,6})\))\s+"
)
_SECTION_LABEL = re.compile(r"^([IVXL]{1,5}|[A-H])\.\s+(?=\S)")
_SPONSOR = re.compile(r":\*{0,3}\s*(?:revised\s+)?draft\s+(?:resolution|decision)\b", re.IGNORECASE)
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
# Opening words UN style prints in italics, for texts that carry no italics.
_LEAD_ADVERB = re.compile(
    r"^(?:Also|Further|Furthermore|Once again|Again|Strongly|Deeply|Firmly|Fully|Moreover|"
    r"Urgently|Seriously|Gravely|Profoundly|Solemnly|Emphatically|Unequivocally) (?=[a-z])"
)
_LEAD_PHRASE = re.compile(
    r"^(?:"
    r"(?:Taking|Takes|Take) note(?: with (?:deep |great |grave )?(?:appreciation|satisfaction|"
    r"concern|regret|interest))?"
    r"|(?:Noting|Notes|Note) with (?:deep |great |grave |serious )?(?:appreciation|satisfaction|"
    r"concern|regret|interest|alarm)"
    r"|(?:Expressing|Expresses|Express) (?:its |their |our )?(?:deep |grave |serious |profound |"
    r"sincere |strong |full )?(?:appreciation|concern|gratitude|support|conviction|regret|hope|"
    r"satisfaction|condolences|solidarity|alarm|determination|commitment)"
    r"|(?:Reiterating|Reiterates|Reiterate|Renewing|Renews|Renew) (?:its |their |our )"
    r"(?:call|request|appeal|invitation|commitment|support)(?: (?:upon|on|to))?"
    r"|(?:Calling|Calls|Call) (?:upon|on)"
    r"|Bearing in mind"
    r"|Having (?:considered|examined|heard|reviewed|received)"
    r"|(?:Gravely|Deeply|Seriously|Profoundly|Greatly) (?:concerned|alarmed|disturbed|shocked|"
    r"troubled|appreciative)"
    r")(?![\w-])"
)
_LEAD_FOLLOW = re.compile(r"^ (?:also|further|furthermore|moreover|again)(?![\w-])")


def parse_date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    if m:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = _ISO.search(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def guess_lead(text: str) -> int:
    """Length of the opening words UN style prints in italics ("Recalling also").

    Used only when the source carries no italics (plain and PDF-extracted text,
    Markdown without emphasis); measured against the italics of the corpus PDFs.
    """
    m = _LEAD_ADVERB.match(text)  # "Also decides", "Once again urges"
    if m:
        rest = guess_lead(text[m.end() :].capitalize())
        return m.end() + rest if rest else 0
    m = _LEAD_PHRASE.match(text)
    if m:
        end = m.end()
    else:
        word = re.match(r"^[A-Z][a-z]+(?:-[a-z]+)?(?![\w-])", text)
        if not word:
            return 0
        end = word.end()
    first = text.split(" ", 1)[0]
    if first.endswith("ing"):  # participles take "also"/"further": "Recalling also"
        follow = _LEAD_FOLLOW.match(text[end:])
        if follow:
            end += follow.end()
    return end


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


def _meta_from_header(blocks: list[str], draft: Draft) -> dict[str, object]:
    meta: dict[str, object] = {}
    for text in blocks:
        if "title" not in meta:
            m = _TITLE_NUM.match(text)
            if m:
                meta["title"] = m.group(1).strip()
                n = _TITLE_NUM_ONLY.match(text)
                if n:
                    meta["title_symbol"] = f"A/RES/{n.group(1)}/{n.group(2).replace(' ', '')}"
        if "date" not in meta:
            m = _ADOPTED.search(text)
            if m:
                d = parse_date(m.group(1))
                if d:
                    meta["date"] = d
        if "session" not in meta:
            m = _SESSION.search(text)
            if m:
                meta["session"] = m.group(1)[0].upper() + m.group(1)[1:]
        if "agenda_item" not in meta:
            m = _AGENDA.search(text)
            if m:
                meta["agenda_item"] = " ".join(m.group(1).split())
        if "sponsor_at" not in meta and _SPONSOR.search(text):
            meta["sponsor_at"] = text
    return meta


def build(draft: Draft, *, source: str | None = None, language: str | None = None) -> Resolution:
    """Turn a cleaned :class:`Draft` into a :class:`Resolution`."""
    blocks = [b for b in draft.blocks if MARK_RE.sub("", b.text).strip()]
    plain = [tidy(MARK_RE.sub("", restore_soft(b.text))) for b in blocks]
    chapeau = next(
        (
            i
            for i, t in enumerate(plain)
            if len(t) <= 80 and CHAPEAU_RE.match(t.strip("*_ ")) and not _TITLE_NUM.match(t)
        ),
        None,
    )
    header = plain[:chapeau] if chapeau is not None else []
    meta = _meta_from_header(header, draft)
    title = meta.get("title")
    sponsor_at = meta.get("sponsor_at")
    if title is None and sponsor_at is not None and chapeau is not None:
        idx = header.index(str(sponsor_at))
        if idx + 1 < len(header):
            title = header[idx + 1]
    if title is None and draft.meta.get("title"):
        title = draft.meta["title"].rstrip(" :")
    if title is None and header:
        candidates = [
            h for h in header if not _SESSION.search(h) and not _AGENDA.search(h) and not _ADOPTED.search(h)
            and not h.startswith("[") and not is_cover_line(h) and not _SPONSOR.search(h)
        ]  # fmt: skip
        if candidates:
            title = candidates[-1]
    symbol = (
        draft.meta.get("symbol")
        or draft.meta.get("symbol_line")
        or meta.get("title_symbol")
        or _symbol_in(header)
    )
    if symbol:
        symbol = str(symbol).rstrip("*").strip()

    state = MarkerState(draft.footnotes.keys(), plain=not draft.meta.get("explicit_markers"))
    numbering = _Numbering()
    paragraphs: list[Paragraph] = []
    seen_operative = False
    closing_date: dt.date | None = None
    for i, block in enumerate(blocks):
        in_header = chapeau is not None and i <= chapeau
        if in_header:
            text, cited = MARK_RE.sub("", restore_soft(block.text)), ()
            star = _STAR_MARK.search(text)
            if star and star.group(2) in draft.footnotes:
                # The sponsors' note ("* Any changes to the list of sponsors ...").
                text = text[: star.start(2)] + text[star.end(2) :]
                cited = (star.group(2),)
        else:
            text, cited = strip_markers(block.text, state)
        text = tidy(text)
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
            if m and (len(text) > m.end()):
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
            elif not seen_operative and (text.rstrip().endswith(",") or _looks_preambular(text)):
                kind = ParaKind.PREAMBULAR
            elif not seen_operative and _looks_operative(text):
                kind = ParaKind.OPERATIVE
            else:
                kind = ParaKind.OTHER
            if kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE):
                lead = block.lead if block.lead >= 0 else guess_lead(text)
                lead = max(0, min(lead, len(text)))
        paragraphs.append(
            Paragraph(
                id=len(paragraphs),
                kind=kind,
                number=number,
                text=unicodedata.normalize("NFC", text),
                footnotes=cited,
                lead=lead,
                level=level,
            )
        )
    date = meta.get("date") or closing_date
    if date is None and draft.meta.get("date"):
        date = parse_date(draft.meta["date"])
    if date is None:
        date = next((d for d in (parse_date(h) for h in header) if d), None)
    if date is None and draft.meta.get("cover_date"):
        date = parse_date(draft.meta["cover_date"])
    footnotes = tuple(
        Footnote(n, tidy(MARK_RE.sub("", restore_soft(t)))) for n, t in draft.footnotes.items()
    )
    missing = sorted(
        {n for p in paragraphs for n in p.footnotes if n not in draft.footnotes},
        key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, n),
    )
    if missing:
        draft.warnings.append(
            f"footnote marker{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            "without footnote text"
        )
    lang = language or detect_language(" ".join(p.text for p in paragraphs))
    return Resolution(
        symbol=symbol or None,
        title=(str(title).strip() if title else None),
        date=date if isinstance(date, dt.date) else None,
        paragraphs=tuple(paragraphs),
        footnotes=footnotes,
        language=lang,
        session=meta.get("session"),  # type: ignore[arg-type]
        agenda_item=meta.get("agenda_item"),  # type: ignore[arg-type]
        source=source,
        warnings=tuple(draft.warnings),
    )


def _symbol_in(header: list[str]) -> str | None:
    for text in header:
        m = SYMBOL_RE.search(text)
        if m and "/" in m.group(0):
            return m.group(0)
    return None


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
    return bool(_PREAMBLE_START.match(text)) and not text.rstrip().endswith(";")


def _looks_operative(text: str) -> bool:
    return bool(_OPERATIVE_START.match(text)) and text.rstrip()[-1:] in ";:."


def blocks_from_lines(lines: list[str]) -> list[Block]:
    return [Block(line) for line in lines if line.strip()]
