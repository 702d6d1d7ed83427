"""Word .docx reader (python-docx for the package, lxml for the XML we need).

Reads the body in document order. A file with tracked changes is read as its *base*
text by default (every change rejected: deletions and moved-away text kept,
insertions left out), since such a file is a delegation's proposals on a text; with
``accept_all`` it reads as every change accepted (python-docx's ``Paragraph.text``
would skip ``w:ins`` and keep nothing of ``w:del``: both readings are done here);
resolves Word's automatic numbering (``w:numPr``, on the paragraph or its style)
to the number as printed, because drafts numbered by Word carry no number in
their text; measures the italic opening words; collects footnotes from
``word/footnotes.xml`` with their reference numbers. Tables are skipped with a
warning: a resolution's paragraphs are never in tables, but annexes may hold one.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.blocks import Block, Draft, marker
from drafter.ingest.lines import LABEL_START, normalize
from drafter.ingest.paragraphs import finish
from drafter.ingest.source import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_PART_BYTES,
    MAX_DOCX_RATIO,
    MAX_DOCX_TOTAL_BYTES,
    MiB,
    size_text,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_FIELD_CODES = {_q("instrText"), _q("delInstrText")}
# What each reading leaves out: the accepted text has no deletions, the base text no
# insertions (text moved by a tracked move stands where it came from in the base).
_SKIP = {
    "accepted": {_q("del"), _q("moveFrom"), *_FIELD_CODES},
    "base": {_q("ins"), _q("moveTo"), *_FIELD_CODES},
}
_TEXT_TAGS = {"accepted": {_q("t")}, "base": {_q("t"), _q("delText")}}
_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


#: Word's own ceiling for a list counter; a hostile w:start of 10**9 would otherwise
#: spell a roman numeral of a million "m"s or a letter label of 38 MB for each paragraph.
MAX_LIST_VALUE = 32767
_MAX_LEVELS = 9  # w:ilvl 0-8


def _int(value: str | None, default: int, top: int = MAX_LIST_VALUE) -> int:
    """A small non-negative integer attribute; junk ("²", "1e9", 5,000 digits) is the default."""
    if value is None:
        return default
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        return top if value.isascii() and value.isdigit() else default
    return min(int(value), top)


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa...
    n = max(1, n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _val(el, tag: str, default: str | None = None) -> str | None:
    if el is None:
        return default
    child = el.find(_q(tag))
    if child is None:
        return default
    return child.get(_q("val"), default)


def _on(el, tag: str) -> bool | None:
    """A w:b / w:i style toggle: True, False, or None when absent."""
    if el is None:
        return None
    child = el.find(_q(tag))
    if child is None:
        return None
    return child.get(_q("val"), "true") not in ("false", "0", "off")


class Numbering:
    """Word list numbering: numId/ilvl to the label as printed ("3.", "(a)")."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.num_to_abs: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.used: set[str] = set()
        if root is None:
            return
        for an in root.findall(_q("abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(_q("lvl")):
                ilvl = _int(lvl.get(_q("ilvl")), 0, _MAX_LEVELS)
                if ilvl >= _MAX_LEVELS:
                    continue
                fmt = _val(lvl, "numFmt", "decimal") or "decimal"
                text = (_val(lvl, "lvlText", "") or "")[:100]
                start = _int(_val(lvl, "start"), 1)
                levels[ilvl] = (fmt, text, start)
            self.abstract[an.get(_q("abstractNumId"), "")] = levels
        for num in root.findall(_q("num")):
            num_id = num.get(_q("numId"), "")
            self.num_to_abs[num_id] = _val(num, "abstractNumId", "") or ""
            for ov in num.findall(_q("lvlOverride")):
                start = _val(ov, "startOverride")
                ilvl = _int(ov.get(_q("ilvl")), 0, _MAX_LEVELS)
                if start is not None and ilvl < _MAX_LEVELS:
                    self.overrides.setdefault(num_id, {})[ilvl] = _int(start, 1)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.abstract.get(self.num_to_abs.get(num_id, ""), {})
        if num_id in ("", "0") or ilvl not in levels:
            return ""
        # List instances of one abstract list continue each other's numbering,
        # except where an instance restarts it (w:startOverride) on first use.
        key = self.num_to_abs.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 10)
        if num_id not in self.used:
            self.used.add(num_id)
            for lvl in self.overrides.get(num_id, {}):
                for k in range(lvl, 10):
                    counters[k] = 0
        starts = {i: self.overrides.get(num_id, {}).get(i, lv[2]) for i, lv in levels.items()}
        if counters[ilvl] == 0:
            counters[ilvl] = starts.get(ilvl, 1)
        else:
            counters[ilvl] = min(counters[ilvl] + 1, MAX_LIST_VALUE)
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        fmt, text, _start = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def sub(m: re.Match[str]) -> str:
            lv = int(m.group(1)) - 1
            lv_fmt = levels.get(lv, ("decimal", "", 1))[0]
            value = counters[lv] or starts.get(lv, 1)
            return format_number(value, lv_fmt)

        return re.sub(r"%([1-9])", sub, text).strip()


def _style_num(styles: dict[str, object], style_id: str | None) -> tuple[str | None, str | None]:
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        st = styles.get(style_id)
        if st is None:
            return None, None
        ppr = st.find(_q("pPr"))
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        if numpr is not None:
            return _val(numpr, "numId"), _val(numpr, "ilvl", "0")
        based = st.find(_q("basedOn"))
        style_id = based.get(_q("val")) if based is not None else None
    return None, None


def _run_italic(run, styles: dict[str, object]) -> bool:
    rpr = run.find(_q("rPr"))
    direct = _on(rpr, "i")
    if direct is not None:
        return direct
    rstyle = _val(rpr, "rStyle")
    if rstyle and rstyle in styles:
        return bool(_on(styles[rstyle].find(_q("rPr")), "i"))
    return False


def _paragraph_runs(
    p, fn_numbers: dict[str, str], reading: str = "accepted"
) -> list[tuple[str, object]]:
    """(text, run element) pieces in order, footnote references as explicit markers.

    Word numbers footnotes by order of reference; a reference with a custom mark
    (``w:customMarkFollows``, e.g. the "*" of a sponsors note) takes the mark
    printed after it instead and does not count.
    """
    pieces: list[tuple[str, object]] = []
    custom: str | None = None  # footnote id whose printed mark follows
    skip, text_tags = _SKIP[reading], _TEXT_TAGS[reading]

    def walk(el) -> None:
        nonlocal custom
        for child in el:
            tag = child.tag
            if tag in skip or tag == _q("pPr"):
                continue
            if tag != _q("r"):
                walk(child)  # w:ins, w:hyperlink, w:smartTag, w:sdt content...
                continue
            for item in child:
                t = item.tag
                if t in text_tags:
                    text = item.text or ""
                    if custom is not None and text.strip():
                        mark = text.strip()
                        fn_numbers[custom] = mark
                        pieces.append((marker(mark), None))
                        custom = None
                        continue
                    pieces.append((text, child))
                elif t in (_q("tab"), _q("br"), _q("cr")):
                    pieces.append((" ", child))
                elif t == _q("noBreakHyphen"):
                    pieces.append(("\u2011", child))
                elif t == _q("footnoteReference"):
                    fid = item.get(_q("id"), "")
                    if item.get(_q("customMarkFollows")) in ("1", "true", "on"):
                        custom = fid
                        continue
                    auto = sum(1 for n in fn_numbers.values() if n.isdecimal())
                    num = fn_numbers.setdefault(fid, str(auto + 1))
                    pieces.append((marker(num), None))

    walk(p)
    return pieces


class _DamagedPart(Exception):
    """A part of the .docx that the text depends on is not well-formed XML."""


def _footnotes(doc) -> dict[str, object]:
    from lxml import etree

    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                # not a silent loss: the document's footnotes would vanish
                raise _DamagedPart("footnotes (word/footnotes.xml)") from None
            out = {}
            for fn in root.findall(_q("footnote")):
                if fn.get(_q("type")) in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                out[fn.get(_q("id"), "")] = fn
            return out
    return {}


def paragraph_mark_change(p) -> str | None:
    """"ins" or "del" when the paragraph's mark itself is a tracked change, else None."""
    ppr = p.find(_q("pPr"))
    rpr = ppr.find(_q("rPr")) if ppr is not None else None
    if rpr is None:
        return None
    if rpr.find(_q("ins")) is not None or rpr.find(_q("moveTo")) is not None:
        return "ins"
    if rpr.find(_q("del")) is not None or rpr.find(_q("moveFrom")) is not None:
        return "del"
    return None


def count_revisions(document) -> tuple[int, list[str]]:
    """How many tracked changes the body holds, and their authors (first seen first)."""
    authors: list[str] = []
    n = 0
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        for el in document.element.body.iter(_q(tag)):
            n += 1
            author = el.get(_q("author"), "")
            if author and author not in authors:
                authors.append(author)
    return n, authors


_MASTHEAD_ORGANS = ("General Assembly", "Security Council", "Economic and Social Council")


def _cell_lines(tc, reading: str) -> list[str]:
    """A table cell's text as lines (w:br and paragraphs break lines), in this reading."""
    lines = [""]
    skip = _SKIP[reading]
    for p in tc.iter(_q("p")):
        if lines[-1]:
            lines.append("")
        for el in p.iter(*_TEXT_TAGS[reading], _q("br")):
            node, left_out = el.getparent(), False
            while node is not None and node is not p:
                left_out = left_out or node.tag in skip
                node = node.getparent()
            if left_out:
                continue
            if el.tag == _q("br"):
                lines.append("")
            else:
                lines[-1] += el.text or ""
    return [line.strip() for line in lines if line.strip()]


def _masthead(tbl, draft: Draft, reading: str) -> bool:
    """Read a UN masthead table (as Drafter's exports write it) into the draft's meta.

    Row 1: "United Nations" | organ | symbol; row 2, last cell: distribution and date.
    A redline tracks them: each reading gets its own version's symbol and date.
    """
    rows = [
        [_cell_lines(tc, reading) for tc in tr.findall(_q("tc"))] for tr in tbl.findall(_q("tr"))
    ]
    if len(rows) < 2 or len(rows[0]) != 3 or len(rows[1]) != 3:
        return False
    if rows[0][0] != ["United Nations"] or rows[0][1][:1] not in ([o] for o in _MASTHEAD_ORGANS):
        return False
    symbol = " ".join(rows[0][2])
    if "/" in symbol:
        draft.meta["symbol"] = symbol
    for line in rows[1][2]:
        if not line.lower().startswith("distr"):
            draft.meta.setdefault("date", line)
    return True


def _declared_members(path: Path) -> int:
    """The entry count in the zip's end-of-directory record (0 when there is none;
    65535 stands for a zip64 archive, which no Word file needs)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 66000))
            tail = fh.read()
    except OSError:
        return 0
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 12 > len(tail):
        return 0
    return int.from_bytes(tail[at + 10 : at + 12], "little")


def check_package(path: Path) -> None:
    """Refuse a .docx whose parts would unpack beyond the limits (a decompression bomb).

    Sizes are read from the zip's directory without unpacking anything; ``zipfile``
    never returns more than the declared size of a member, so a lying directory
    cannot get past this either. The directory's own size is checked first, from its
    end record, so that millions of entries are not read into memory.
    """
    declared = _declared_members(path)
    if declared > MAX_DOCX_MEMBERS:
        raise IngestError(
            path, f"not a plausible Word file ({declared:,} parts; at most {MAX_DOCX_MEMBERS:,})"
        )
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise IngestError(path, "not a valid Word .docx file (damaged or another format)") from None
    if len(members) > MAX_DOCX_MEMBERS:
        raise IngestError(
            path, f"not a plausible Word file ({len(members):,} parts; at most {MAX_DOCX_MEMBERS:,})"
        )
    total = 0
    for m in members:
        total += m.file_size
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > MAX_DOCX_PART_BYTES or (m.file_size > MiB and ratio > MAX_DOCX_RATIO):
            raise IngestError(
                path,
                f"refused: its part {m.filename[:80]} unpacks to {size_text(m.file_size)} "
                f"({ratio:,.0f} times its packed size); Drafter reads parts up to "
                f"{size_text(MAX_DOCX_PART_BYTES)}, packed at most {MAX_DOCX_RATIO} to 1",
            )
    if total > MAX_DOCX_TOTAL_BYTES:
        raise IngestError(
            path,
            f"refused: it unpacks to {size_text(total)}; Drafter reads Word files up to "
            f"{size_text(MAX_DOCX_TOTAL_BYTES)} unpacked",
        )


def read_docx(path: Path, *, accept_all: bool = False) -> Draft:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover
        raise IngestError(
            path, "reading .docx needs python-docx (pip install python-docx)"
        ) from None
    check_package(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError):
        raise IngestError(path, "not a valid Word .docx file (damaged or another format)") from None
    except Exception:  # lxml and zipfile raise many types on corrupt input
        raise IngestError(path, "damaged Word .docx file (its content cannot be read)") from None
    try:
        return _read_document(document, "accepted" if accept_all else "base")
    except IngestError:
        raise
    except _DamagedPart as exc:
        raise IngestError(path, f"damaged Word .docx file: its {exc} cannot be read") from None
    except Exception:
        raise IngestError(path, "damaged Word .docx file (its content cannot be read)") from None


def _read_document(document, reading: str = "accepted") -> Draft:
    from lxml import etree

    draft = Draft()
    # The pieces of a paragraph whose mark does not exist in this reading (they run on
    # into the next paragraph, italics and all).
    carried: list[tuple[str, object]] = []
    with contextlib.suppress(Exception):  # damaged core properties: no matter
        # Only ever used to complete a printed title cut short (header.py).
        draft.meta["title_property"] = document.core_properties.title or ""
    styles: dict[str, object] = {}
    try:
        st_root = document.styles.element
        for st in st_root.findall(_q("style")):
            styles[st.get(_q("styleId"), "")] = st
    except Exception:
        styles = {}
    num_root = None
    try:
        num_part = document.part.numbering_part
        num_root = (
            etree.fromstring(num_part.blob) if hasattr(num_part, "blob") else num_part.element
        )
    except Exception:
        num_root = None
    numbering = Numbering(num_root)
    fn_numbers: dict[str, str] = {}
    fn_elements = _footnotes(document)
    tables = 0

    def handle_paragraph(p) -> None:
        nonlocal carried
        ppr = p.find(_q("pPr"))
        style_id = _val(ppr, "pStyle")
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        num_id, ilvl = (
            (_val(numpr, "numId"), _val(numpr, "ilvl", "0")) if numpr is not None else (None, None)
        )
        if num_id is None:
            num_id, ilvl = _style_num(styles, style_id)
        pieces = _paragraph_runs(p, fn_numbers, reading)
        # A paragraph mark inserted (base reading) or deleted (accepted reading) is not
        # there: the paragraph's text runs on into the next paragraph.
        mark = paragraph_mark_change(p)
        if (mark == "ins" and reading == "base") or (mark == "del" and reading == "accepted"):
            if "".join(t for t, _ in pieces).strip():
                carried += [*pieces, (" ", None)]
            return
        if carried:
            pieces = [*carried, *pieces]
            carried = []
        text = "".join(t for t, _ in pieces)
        if not text.strip():
            if num_id:
                numbering.label(num_id, _int(ilvl, 0, _MAX_LEVELS))  # an empty numbered line still counts
            return
        label = numbering.label(num_id, _int(ilvl, 0, _MAX_LEVELS)) if num_id else ""
        # Italic opening words: measured on the text after a typed number label.
        mask: list[bool] = []
        for t, run in pieces:
            italic = run is not None and _run_italic(run, styles)
            mask.extend([italic] * len(t))
        stripped_start = len(text) - len(text.lstrip())
        m = LABEL_START.match(text[stripped_start:])
        pos = stripped_start + (m.end() if m else 0)
        lead_end = pos
        while lead_end < len(text) and mask[lead_end]:
            lead_end += 1
        lead = len(text[pos:lead_end].rstrip())
        style_name = ""
        if style_id and style_id in styles:
            name_el = styles[style_id].find(_q("name"))
            style_name = (name_el.get(_q("val"), "") if name_el is not None else "").lower()
        heading = style_name.startswith(("heading", "title", "subtitle"))
        body = normalize(text).strip()
        if label:
            body = f"{label} {body}"
        all_italic = bool(mask) and all(mask[i] for i in range(len(text)) if not text[i].isspace())
        draft.blocks.append(
            Block(body, lead=0 if all_italic else lead, heading=heading, italic=all_italic)
        )

    def walk(container) -> None:
        nonlocal tables
        for child in container:
            if child.tag == _q("p"):
                handle_paragraph(child)
            elif child.tag == _q("tbl"):
                if (
                    not draft.blocks
                    and "symbol" not in draft.meta
                    and _masthead(child, draft, reading)
                ):
                    continue
                tables += 1
            elif child.tag in (_q("sdt"), _q("sdtContent"), _q("customXml")):
                walk(child)

    walk(document.element.body)
    if carried:
        draft.blocks.append(Block(normalize("".join(t for t, _ in carried)).strip()))
    revisions, authors = count_revisions(document)
    if revisions:
        who = ", ".join(authors[:4]) + (" and others" if len(authors) > 4 else "")
        if reading == "base":
            draft.warnings.append(
                f"{revisions} tracked changes{f' by {who}' if who else ''} are proposals on this "
                "text: read without them (the base text); 'drafter proposals' lists them, "
                "--accept-all reads them applied"
            )
        else:
            draft.warnings.append(
                f"{revisions} tracked changes{f' by {who}' if who else ''} read as accepted"
            )
    if tables:
        draft.warnings.append(
            f"{tables} table{'s' if tables > 1 else ''} skipped (tables are not read)"
        )
    for fid, number in fn_numbers.items():
        el = fn_elements.get(fid)
        if el is None:
            continue
        parts = []
        for p in el.findall(_q("p")):
            parts.append(
                "".join(t for t, run in _paragraph_runs(p, {}, reading) if run is not None)
            )
        draft.add_footnote(number, normalize(" ".join(parts)).strip())
    return finish(draft)
