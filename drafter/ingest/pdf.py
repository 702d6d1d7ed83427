"""PDF reader: the text layer through pdfminer.six, then the shared cleaner.

pdfminer keeps page boundaries (form feeds), which the cleaner uses to tell a
paragraph continued on the next page from a new one. A PDF with pages but no
text layer is a scan: we say so rather than return an empty document.
"""

from __future__ import annotations

import logging
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.blocks import Draft
from drafter.ingest.clean import text_to_draft

# Text shorter than this per page means there is no usable text layer.
_MIN_CHARS_PER_PAGE = 40


def extract_pdf_text(path: Path) -> tuple[str, int]:
    """The PDF's text with a form feed after each page, and the page count."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a broken install
        raise IngestError(
            path, "reading PDF files needs pdfminer.six (pip install pdfminer.six)"
        ) from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        for page in extract_pages(path, laparams=LAParams(line_margin=0.6)):
            parts = [el.get_text() for el in page if isinstance(el, LTTextContainer)]
            pages.append("\n".join(parts))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError(path, "the PDF is encrypted (password protected)") from None
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(path, "damaged PDF (cannot be read)") from None
    except Exception as exc:  # pdfminer raises many unrelated types on bad input
        name = type(exc).__name__
        raise IngestError(path, f"damaged PDF (cannot be read: {name})") from None
    return "\f".join(pages), len(pages)


def read_pdf(path: Path) -> Draft:
    text, pages = extract_pdf_text(path)
    if pages == 0:
        raise IngestError(path, "damaged PDF (no pages)")
    if len("".join(text.split())) < _MIN_CHARS_PER_PAGE * pages:
        raise IngestError(path, "no text layer (scanned image); OCR is not supported")
    return text_to_draft(text)
