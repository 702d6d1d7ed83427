"""HTML (a resolution saved from a web page) to a draft.

Block elements become paragraphs, ``<br>`` a line break, ``<sup>`` digits
explicit footnote markers, italic opening words (``<i>``/``<em>`` at the start
of a paragraph) the paragraph's lead; scripts, styles and navigation are
dropped, tables skipped with a warning. The text then goes through the shared
cleaner, since such pages often carry a PDF's furniture (old un.org pages are
``<pre>`` text straight from the printed page).
"""

from __future__ import annotations

from html.parser import HTMLParser

from drafter.ingest.blocks import LEAD_MARK, Draft, marker
from drafter.ingest.clean import text_to_draft
from drafter.ingest.lines import LABEL_ONLY

_BLOCK = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
    "article", "header", "footer", "dd", "dt", "hr", "center", "title", "ul", "ol", "body",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "nav", "head", "template", "svg", "button", "form"}
_ITALIC = {"i", "em", "cite"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.table = 0
        self.tables = 0
        self.pre = 0
        self.italic = 0
        self.sup = 0
        self.sup_text = ""
        self.para: list[str] = []  # text of the current paragraph
        self.lead_open = True  # still at the start of the paragraph
        self.lead_marked = False

    # -- helpers
    def _end_paragraph(self) -> None:
        text = "".join(self.para).strip()
        if text:
            self.out.append(text)
            self.out.append("")
        self.para = []
        self.lead_open = True
        self.lead_marked = False

    def _text(self, data: str) -> None:
        if self.skip or self.table:
            return
        if self.pre:
            self.para.append(data)
            return
        data = " ".join(data.split("\n")) if data.strip() else (" " if data else "")
        if not data:
            return
        if data.strip():
            so_far = ("".join(self.para) + data).strip()
            if self.lead_open and not self.italic and not LABEL_ONLY.match(so_far):
                self.lead_open = False
            self.para.append(data)
        else:
            self.para.append(" ")

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.table += 1
            self.tables += 1
        elif tag == "pre":
            self._end_paragraph()
            self.pre += 1
        elif tag == "br":
            self.para.append("\n")
        elif tag in _BLOCK:
            self._end_paragraph()
        elif tag in _ITALIC or (tag == "span" and "italic" in str(dict(attrs).get("style", ""))):
            self.italic += 1
        elif tag == "sup":
            self.sup += 1
            self.sup_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            self.table = max(0, self.table - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self._end_paragraph()
        elif tag in _BLOCK:
            self._end_paragraph()
        elif tag in _ITALIC or tag == "span":
            if self.italic and self.lead_open and "".join(self.para).strip():
                self.para.append(LEAD_MARK)
                self.lead_marked = True
                self.lead_open = False
            self.italic = max(0, self.italic - 1)
        elif tag == "sup":
            self.sup = max(0, self.sup - 1)
            mark = self.sup_text.strip()
            if mark and (mark.isdigit() or set(mark) == {"*"}) and "".join(self.para).strip():
                self.para.append(marker(mark))
            elif mark:
                self.para.append(mark)

    def handle_data(self, data: str) -> None:
        if self.sup and not self.skip:
            self.sup_text += data
            return
        self._text(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()


def _defuse_runaway_tags(text: str) -> str:
    """Escape a "<" that opens no tag within reach ("<p <p <p ..." makes Python's
    HTML parser quadratic); real tags are short."""
    parts = text.split(">")
    for i, part in enumerate(parts):
        start = part.find("<")
        if start != -1 and len(part) - start > 2000:
            parts[i] = part[:start] + part[start:].replace("<", "&lt;")
    return ">".join(parts)


def html_to_draft(text: str) -> Draft:
    reader = _Reader()
    reader.feed(_defuse_runaway_tags(text))
    reader.close()
    body = "\n".join(reader.out)
    draft = Draft()
    if reader.tables:
        n = reader.tables
        draft.warnings.append(f"{n} table{'s' if n > 1 else ''} skipped (tables are not read)")
    return text_to_draft(body, draft)
