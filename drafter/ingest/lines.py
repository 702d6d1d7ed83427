"""Line-level facts shared by the cleaners: what page furniture, paragraph
numbers, footnote rules and the chapeau look like; normalisation; joining printed
lines into a paragraph; the running-header test.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.ingest.blocks import LEAD_MARK, SOFT_CLOSE, SOFT_OPEN, strip_marks

# ---------------------------------------------------------------- patterns

# A document symbol, read whole: "A/80/L.6/Rev.1", "A/C.3/80/L.41/Rev.1", "A/78/L.3/Add.1",
# "A/RES/80/4/Corr.1", "A/HRC/55/L.12", "E/CN.6/2025/L.3", "S/RES/2720 (2023)". The
# revision parts are tried before a plain part, which would stop at "/R" of "/Rev.1".
_SYMBOL_PART = r"(?:(?:Rev|Add|Corr|Amend)\.\d+|[A-Z0-9]+(?:[.\-][A-Z0-9]+)*)"
SYMBOL_RE = re.compile(
    r"\b(?:S/RES/\d+(?:\s\(\d{4}\))?|(?:A|S|E|A/C\.\d|E/CN\.\d+|A/HRC|A/CONF\.\d+)/(?:RES/)?"
    rf"{_SYMBOL_PART}(?:/{_SYMBOL_PART})*)(?![\w/])",
)
SYMBOL_LINE = re.compile(
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
        r"^\d{2}-\d{5}\*?\s*(\([A-Z]\))?(\s+\d{6})?(\s+\d{6})?$",  # job numbers
        r"^\d{2}-\d{5}\s*(\([A-Z]\))?\s+\d{1,3}\s*/\s*\d{1,3}$",  # job number + page
        r"^\d{1,3}\s*/\s*\d{1,3}\s+\d{2}-\d{5}\s*(\([A-Z]\))?$",
        r"^\*\d{6,}\*$",  # barcode
        r"^\d{6}$",  # the date code of a job number printed on its own line
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
    r"Генеральная\s+Ассамблея,?$|الجمعية\s+العامة[،,]?$|大会[，,]?$)",
)
# "3.", "(a)", "(iv)", French/Spanish "a)", section "IV." / "A."
# Negotiation texts also number "PP3", "OP 4 bis." and "3 bis.".
LABEL = (
    r"(?:\d{1,3}(?:\s?(?:bis|ter|quater))?\.(?!\d)|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|"
    r"(?:[a-z]|[ivxlc]{1,6})\)|[IVXL]{1,5}\.|[A-H]\.|(?:PP|OP)\s?\d{1,3}(?:\s?(?:bis|ter|quater))?\.?)"
)
LABEL_START = re.compile(rf"^{LABEL}(?:\s+|$)")
LABEL_ONLY = re.compile(rf"^{LABEL}$")
FN_START = re.compile(r"^(\d{1,3}|\*{1,3}|[a-z])(?:/(?=\s)|\s)\s*(\S.*)$")
RULE = re.compile(r"^(?:_{5,}|-{3,}|—{3,})$")
TRAILING_RULE = re.compile(r"\s+(?:_{5,}|-{3,})$")  # "... international ---" (md-like text)
_TERMINAL = ".;:,!?"
_TRAILERS = "”’\"')]*"

# Character classes rather than str.translate tables: a regex scans in C, a dict
# table is looked up per character (x10 slower on a long document).
_SPACES = re.compile(
    "[\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000]"
)
_DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def normalize(text: str) -> str:
    """NFC, unified newlines, odd spaces to plain spaces, soft hyphens gone.

    Curly quotes, dashes and the non-breaking hyphen are content and are kept.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _DROP.sub("", _SPACES.sub(" ", text))
    return text


def is_furniture(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    return any(p.match(s) for p in _FURNITURE) or bool(SYMBOL_LINE.match(s))


def is_cover_line(line: str) -> bool:
    s = line.strip().rstrip(",")
    return any(p.match(s) for p in _COVER)


def ends_terminal(text: str) -> bool:
    t = strip_marks(text).rstrip()
    if t.endswith("/"):
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
        # (the marker pattern needs two spaces after the digits: skip the scan without)
        line = (
            _SOFT_MARKER.sub(f" {SOFT_OPEN}\\1{SOFT_CLOSE} ", raw) if "  " in raw else raw
        ).strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in "–-" and len(out) > 1 and out[-2].isdigit() and line[:1].isdigit():
            out += line  # "2015–\n2030": a range broken at the dash
        elif (
            out.endswith("-")
            and re.search(r"(?:[A-Z]-[A-Z]{1,3}|[a-zA-Z]{3})-$", out)
            and line[:1].isdigit()
        ):
            out += line  # "EC-M-\n33/DEC.1", "post-\n2015", "COVID-\n19": broken at the hyphen
        elif out[-1] in "-\u2011" and len(out) > 1 and out[-2].isalpha() and line[:1].isalpha():
            first = line.split(" ", 1)[0].lower()
            out += (" " if first in ("and", "or", "to", "as", "y", "et", "o", "ou") else "") + line
        else:
            out += " " + line
    return tidy(out)


# A superscript marker as PDF extraction spaces it: "Countries 2  and the".
_SOFT_MARKER = re.compile(r"(?<=[^\W\d_]|[,;:.”’)]) (\d{1,3}) {2}(?=[^\s\d])")
_SPLIT_HYPHEN = re.compile(
    r"(?<=[A-Za-z]{2})([-\u2011]) (?!(?:and|or|to|as)\b)(?=[a-z]{3,})"
    r"|(?:(?<=\bNon)|(?<=\bAnti)|(?<=\bSelf))([-\u2011]) (?=[A-Z][a-z]{2,})"  # "Non- Proliferation"
)
_MULTISPACE = re.compile(r" {2,}")
# A compound of capitalised or small words broken at a hyphen and joined with a space,
# told by the hyphen left on the other side: "Nuclear-Weapon- Free", "Nuclear- Weapon-Free",
# "whole- of-government"; a range of years "2024– 2034".
_COMPOUND_SPACED = re.compile(
    r"\b([A-Z][a-z]+[-\u2011][A-Z][a-z]+[-\u2011]) (?=[A-Z][a-z]+\b)"
    r"|\b([A-Z][a-z]+[-\u2011]) (?=[A-Z][a-z]+[-\u2011][A-Z][a-z]+\b)"
    r"|\b([a-z]{2,}[-\u2011]) (?=[a-z]{2,}[-\u2011][a-z]{2,}\b)"
    r"|\b((?:19|20)\d\d[–-]) (?=(?:19|20)\d\d\b)"
)


def tidy(text: str) -> str:
    """Whitespace and split-hyphen repairs on one paragraph's text."""
    text = text.strip()
    if "  " in text:
        text = _MULTISPACE.sub(" ", text)
    if "- " in text or "\u2011 " in text or "– " in text:
        text = _SPLIT_HYPHEN.sub(lambda m: m.group(1) or m.group(2), text)  # "non- governmental"
        text = _COMPOUND_SPACED.sub(lambda m: next(g for g in m.groups() if g), text)
    return text


def join_with_lead(lines: list[str], italics_known: bool) -> tuple[str, int]:
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


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# ---------------------------------------------------------------- titles and repeats


def title_lines(lines: list[str], chapeau: int) -> list[str]:
    """Lines of the document title as printed in the header zone ("67/219. Title"), in order.

    The number may stand alone on its line ("73/8." then the title below it).
    """
    found: list[str] = []
    title_re = re.compile(r"^\s*(?:\d{1,3}/\d{1,4}(?:\s*[A-Z])?\.)(?:\s+(.+))?$")
    for i in range(min(chapeau, len(lines))):
        m = title_re.match(lines[i])
        if not m:
            continue
        rest = lines[i + 1 : chapeau]
        if m.group(1):
            found.append(m.group(1).strip())
        else:
            while rest and not rest[0].strip():
                rest = rest[1:]
        for nxt in rest:
            if not nxt.strip() or CHAPEAU_RE.match(nxt.strip()):
                break
            found.append(nxt.strip())
        break
    return found


def furniture_repeats(lines: list[str], start: int, titles: list[str]) -> set[str]:
    """Body lines that are running headers: printed again and again, or the title."""
    counts: dict[str, int] = {}
    for line in lines[start:]:
        s = line.strip()
        if len(s) >= 12:
            counts[s] = counts.get(s, 0) + 1
    repeats = set()
    for s, n in counts.items():
        if n < 2 or LABEL_START.match(s) or s[-1] in ",;:" or len(s.split()) > 15 or RULE.match(s):
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
        s = strip_marks(line).strip().strip("*_ ")
        if len(s) <= 80 and CHAPEAU_RE.match(s):
            return i
    return len(lines)
