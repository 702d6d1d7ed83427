"""PDF reader: the text layer through pdfminer.six, rebuilt line by line.

pdfminer's own text boxes cut UN pages into fragments (a paragraph number in
one box, its text in another; paragraphs split at every column gap), so we
take its text *lines* and rebuild the page ourselves from their positions:

* lines on one baseline are one printed line (a number and its text);
* a vertical gap larger than the usual line pitch is a paragraph break;
* raised, smaller characters are footnote markers, made explicit;
* italic characters at the start of a line give the italic opening words.

The rebuilt text (form feed between pages) then goes through the shared
cleaner, like any PDF-extracted text. A PDF with pages but no text layer is a
scan: we say so rather than return an empty document.
"""

from __future__ import annotations

import logging
import re
import statistics
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.blocks import LEAD_MARK, Draft, marker
from drafter.ingest.clean import text_to_draft
from drafter.ingest.lines import LABEL_ONLY, LABEL_START
from drafter.ingest.source import MAX_PDF_PAGES

# Text shorter than this per page means there is no usable text layer.
_MIN_CHARS_PER_PAGE = 40
_SPACES = re.compile(r"[ \t]{2,}")


def _text_lines(obj):
    from pdfminer.layout import LTChar, LTTextLineHorizontal

    if isinstance(obj, LTTextLineHorizontal):
        yield obj
    elif hasattr(obj, "__iter__") and not isinstance(obj, LTChar):
        for child in obj:
            yield from _text_lines(child)


def _line_text(line) -> tuple[str, int]:
    """Text of one pdfminer line with explicit markers, and its italic prefix length."""
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    sizes = [c.size for c in chars if c.get_text().strip()]
    body = statistics.median(sizes) if sizes else 0.0
    base = statistics.median([c.y0 for c in chars if c.size >= 0.85 * body]) if chars else 0.0
    out: list[str] = []
    italic_flags: list[bool] = []
    sup = ""
    seen_text = False

    def flush_sup() -> None:
        nonlocal sup
        if sup:
            if seen_text and (sup.isdigit() or set(sup) == {"*"}):
                out.append(marker(sup))
                italic_flags.extend([False] * len(out[-1]))
            else:
                out.append(sup + " ")
                italic_flags.extend([False] * (len(sup) + 1))
            sup = ""

    for item in line:
        text = item.get_text()
        if isinstance(item, LTChar) and body and item.size < 0.8 * body and item.y0 > base + 1:
            if text.strip():
                sup += text.strip()
            continue
        flush_sup()
        out.append(text)
        if isinstance(item, LTChar) and text.strip():
            font = item.fontname.lower()
            italic = "italic" in font or "oblique" in font
        else:  # spaces (real or inserted) take the style of what precedes them
            italic = bool(italic_flags) and italic_flags[-1]
        italic_flags.extend([italic] * len(text))
        if text.strip():
            seen_text = True
    flush_sup()
    text = "".join(out).replace("\n", "")
    # Italic prefix after an optional paragraph number.
    lead = 0
    stripped = len(text) - len(text.lstrip())
    m = LABEL_START.match(text[stripped:])
    pos = stripped + (m.end() if m else 0)
    end = pos
    while end < len(text) and italic_flags[end]:
        end += 1
    if end > pos:
        lead = len(text[pos:end].rstrip())
        return text[: pos + lead] + LEAD_MARK + text[pos + lead :], lead
    return text, 0


def _page_text(page) -> str:
    """One page as printed lines, with a blank line at each paragraph break."""
    rows: list[tuple[float, float, float, float, str]] = []  # (y0, x0, x1, height, text)
    for line in _text_lines(page):
        text, _lead = _line_text(line)
        if not text.strip():
            continue
        rows.append((line.y0, line.x0, line.x1, line.height, text))
    if not rows:
        return ""
    rows.sort(key=lambda r: (-r[0], r[1]))
    # Merge lines that share a baseline and sit close together ("2." and its
    # text are two boxes); far-apart pieces (cover block, footer) stay apart.
    merged: list[list] = []
    for y0, x0, x1, h, text in rows:
        last = merged[-1] if merged else None
        same_row = last is not None and abs(last[0] - y0) <= max(2.0, 0.3 * h)
        if same_row and (x0 - last[2] < 12 or LABEL_ONLY.match(last[4].strip())):
            last[4] = last[4].rstrip() + "  " + text.lstrip()
            last[2] = max(last[2], x1)
        else:
            merged.append([y0, x0, x1, h, text])
    gaps = [merged[i][0] - merged[i + 1][0] for i in range(len(merged) - 1)]
    normal = [g for g in gaps if 0 < g < 30]
    pitch = statistics.median(normal) if normal else 12.0
    out: list[str] = []
    for i, (_y0, _x0, _x1, _h, text) in enumerate(merged):
        if i and gaps[i - 1] > 1.35 * pitch:
            out.append("")
        out.append(_SPACES.sub(" ", text).rstrip())
    return "\n".join(out)


def declared_page_count(path: Path) -> int:
    """The page count the PDF's page tree declares (0 when it cannot be read here;
    the extraction then reports the damage)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        with path.open("rb") as fh:
            count = resolve1(resolve1(PDFDocument(PDFParser(fh)).catalog["Pages"])["Count"])
    except Exception:  # pdfminer raises many types on damaged files; read_pdf reports them
        return 0
    return count if isinstance(count, int) else 0


def _check_page_count(path: Path, count: int, at_least: str = "") -> None:
    if count > MAX_PDF_PAGES:
        raise IngestError(
            path,
            f"the PDF has {at_least}{count:,} pages; Drafter reads PDFs of up to "
            f"{MAX_PDF_PAGES:,} pages (split it, or import its text)",
        )


def extract_pdf_text(path: Path) -> tuple[str, int]:
    """The PDF's rebuilt text with a form feed between pages, and the page count."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a broken install
        raise IngestError(
            path, "reading PDF files needs pdfminer.six (pip install pdfminer.six)"
        ) from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        _check_page_count(path, declared_page_count(path))
        for page in extract_pages(path, laparams=LAParams(word_margin=0.3)):
            pages.append(_page_text(page))
            _check_page_count(path, len(pages), "at least ")  # a page tree that lied
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError(path, "the PDF is encrypted (password protected)") from None
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(path, "damaged PDF (cannot be read)") from None
    except Exception:  # pdfminer raises many unrelated types on bad input
        raise IngestError(path, "damaged PDF (its content cannot be read)") from None
    return "\f".join(pages), len(pages)


def read_pdf(path: Path) -> Draft:
    text, pages = extract_pdf_text(path)
    if pages == 0:
        raise IngestError(path, "damaged PDF (no pages)")
    visible = "".join(text.replace(LEAD_MARK, "").split())
    if len(visible) < _MIN_CHARS_PER_PAGE * pages:
        raise IngestError(path, "no text layer (scanned image); OCR is not supported")
    draft = Draft(meta={"explicit_markers": "1"})  # raised digits were made explicit
    return text_to_draft(text, draft)
