"""What a resolution's header says: symbol, title, dates, session, agenda item.

Reads the header blocks (everything before "The General Assembly,"), the
front matter of Markdown conversions and the cover block of PDFs, in that
order of trust: the title printed in the text ("67/219. Title") beats a
front-matter title, which conversions sometimes get wrong.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.ingest.blocks import Draft
from drafter.ingest.lines import SYMBOL_RE, is_cover_line

_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_MONTHS = {name: i for names in _MONTH_NAMES.values() for i, name in enumerate(names.split(), 1)}
_MONTHS["setiembre"] = 9
_DATE = re.compile(
    r"\b(\d{1,2})(?:er)?\s+(?:de\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
    r"\s+(?:de\s+)?(\d{4})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ADOPTED = re.compile(
    r"(?:adopted by the [A-Z][\w ]+? (?:on|at its [\w ]+? on)|adoptée par l[’']Assemblée "
    r"générale le|aprobada por la Asamblea General el|принятая Генеральной Ассамблеей) (.+)"
    r"|大会(\d{4}\s*年.+?日)通过",
    re.IGNORECASE,
)
TITLE_NUM = re.compile(r"^(?:\d{1,3}/\d{1,4}(?:\s?[A-Z])?)\.\s+(.+)$")
TITLE_NUM_ONLY = re.compile(r"^(\d{1,3})/(\d{1,4}(?:\s?[A-Z])?)\.")
SESSION = re.compile(
    r"\b((?:[A-Z][a-z]+-)?[A-Za-z]+(?:ieth|eth|th|st|nd|rd|first|second|third)\s+"
    r"(?:special\s+|emergency\s+special\s+)?session)\b",
    re.IGNORECASE,
)
AGENDA = re.compile(
    r"\b(Agenda items?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+(?:\s*\([a-z]\))?)*)",
    re.IGNORECASE,
)
SPONSOR = re.compile(r":\*{0,3}\s*(?:revised\s+)?draft\s+(?:resolution|decision)\b", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``: "21 December 2012", "21 décembre 2012",
    "21 de diciembre de 2012", "21 декабря 2012 года", "2012年12月21日", ISO."""
    m = _DATE.search(text)
    if m:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = _ISO.search(text) or _CJK_DATE.search(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def meta_from_header(blocks: list[str], draft: Draft) -> dict[str, object]:
    meta: dict[str, object] = {}
    for text in blocks:
        if "title" not in meta:
            m = TITLE_NUM.match(text)
            if m:
                meta["title"] = m.group(1).strip()
                n = TITLE_NUM_ONLY.match(text)
                if n:
                    meta["title_symbol"] = f"A/RES/{n.group(1)}/{n.group(2).replace(' ', '')}"
        if "date" not in meta:
            m = ADOPTED.search(text)
            if m:
                d = parse_date(m.group(1) or m.group(2))
                if d:
                    meta["date"] = d
        if "session" not in meta:
            m = SESSION.search(text)
            if m:
                meta["session"] = m.group(1)[0].upper() + m.group(1)[1:]
        if "agenda_item" not in meta:
            m = AGENDA.search(text)
            if m:
                meta["agenda_item"] = " ".join(m.group(1).split())
        if "sponsor_at" not in meta and SPONSOR.search(text):
            meta["sponsor_at"] = text
    return meta


def symbol_in(header: list[str]) -> str | None:
    for text in header:
        m = SYMBOL_RE.search(text)
        if m and "/" in m.group(0):
            return m.group(0)
    return None


def title_and_symbol(
    header: list[str], meta: dict[str, object], draft: Draft
) -> tuple[str | None, str | None]:
    """The title (printed "NN/NNN. Title", else after a draft's sponsor line, else
    front matter, else the last plain header line) and the document symbol."""
    title = meta.get("title")
    sponsor_at = meta.get("sponsor_at")
    if title is None and sponsor_at is not None and str(sponsor_at) in header:
        idx = header.index(str(sponsor_at))
        if idx + 1 < len(header):
            title = header[idx + 1]
    front = draft.meta.get("title", "").rstrip(" :")
    if title is None and front:
        title = front
    # The printed title lost its end in conversion: complete it from the front
    # matter (Markdown) or the document properties (Word).
    fuller = front or draft.meta.get("title_property", "").strip()
    if title and fuller.startswith(str(title)) and len(fuller) > len(str(title)):
        title = fuller
    if title is None and header:
        candidates = [
            h for h in header if not SESSION.search(h) and not AGENDA.search(h) and not ADOPTED.search(h)
            and not h.startswith("[") and not is_cover_line(h) and not SPONSOR.search(h)
        ]  # fmt: skip
        if candidates:
            title = candidates[-1]
    symbol = (
        draft.meta.get("symbol")
        or draft.meta.get("symbol_line")
        or meta.get("title_symbol")
        or symbol_in(header)
    )
    if symbol:
        symbol = str(symbol).rstrip("*").strip()
    return (str(title).strip() if title else None), (symbol or None)


def resolve_date(
    meta: dict[str, object], closing_date: dt.date | None, header: list[str], draft: Draft
) -> dt.date | None:
    """Adoption date ("adopted ... on"), else the closing line's, else front matter's,
    else any date in the header, else the cover block's distribution date."""
    date = meta.get("date") or closing_date
    if date is None and draft.meta.get("date"):
        date = parse_date(draft.meta["date"])
    if date is None:
        date = next((d for d in (parse_date(h) for h in header) if d), None)
    if date is None and draft.meta.get("cover_date"):
        date = parse_date(draft.meta["cover_date"])
    return date if isinstance(date, dt.date) else None
