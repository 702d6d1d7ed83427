"""The agreed-language report: the draft with its new language highlighted, and a footnote
at the end of every agreed span naming the oldest adopted text that holds its words."""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from drafter.model import Resolution
from drafter.provenance import Provenance, Source

from . import package
from . import typography as ty
from .ooxml import Footnotes, RunStyle, footnote_reference, make_paragraph, make_run
from .save import check_target, save_atomic


def source_line(span_sources: tuple[Source, ...], count: int) -> str:
    """ "A/RES/73/8 (2018), para 3; also in 4 other places" for a span's footnote."""
    first = span_sources[0]
    where = first.symbol or f"version {first.version_id}"
    if first.date:
        where += f" ({first.date[:4]})"
    if first.number:
        where += f", para. {first.number}"
    elif first.kind == "preambular":
        where += ", preamble"
    others = count - 1
    if others:
        where += f"; also in {others} other place{'s' if others > 1 else ''}"
    return "Agreed language: " + where + "."


def write_provenance_report(
    resolution: Resolution, provenance: Provenance, path: str | os.PathLike, *, author: str
) -> Path:
    """Write the draft with new language highlighted and agreed spans footnoted."""
    path = check_target(path)
    doc = Document()
    ty.setup_document(doc, language=resolution.language)
    ty.add_running_parts(doc, resolution.symbol or resolution.display_name)
    package.prepare(
        doc,
        title=f"Agreed language in {resolution.symbol or resolution.display_name}",
        subject=resolution.symbol or "",
        author=author,
    )
    ty.add_masthead(doc, resolution)
    share = provenance.agreed_share
    intro = doc.add_paragraph()
    intro.add_run(
        f"Agreed-language report: {round(100 * share)}% of the words of the operative and "
        f"preambular paragraphs stand in runs of {provenance.min_words} or more words in texts "
        f"of the library; {round(100 * (1 - share))}% is new language, highlighted. A footnote "
        "after each agreed run names the oldest adopted text that holds it."
    ).italic = True
    footnotes = Footnotes(doc)
    by_id = {p.id: p for p in provenance.paragraphs}
    sect = doc.element.body.find(qn("w:sectPr"))
    for para in resolution.paragraphs:
        p = make_paragraph(ty.style_for(para, resolution))
        label = ty.label_text(para)
        if label:
            p.append(make_run(label, tab_after=True))
        prov = by_id.get(para.id)
        spans = prov.spans if prov else ()
        new = prov.new_language() if prov else []
        cuts = {0, len(para.text), para.lead}
        for start, end in new:
            cuts.update((start, end))
        for sp in spans:
            cuts.update((sp.start, sp.end))
        ends = {sp.end: sp for sp in spans}
        points = sorted(c for c in cuts if 0 <= c <= len(para.text))
        for start, end in pairwise(points):
            fresh = any(s <= start and end <= e for s, e in new)
            style = RunStyle(italic=start < para.lead, highlight="yellow" if fresh else None)
            p.append(make_run(para.text[start:end], style))
            span = ends.get(end)
            if span is not None and span.sources:
                fid = footnotes.add(source_line(span.sources, span.source_count))
                p.append(footnote_reference(fid))
        sect.addprevious(p)
    doc.add_paragraph(style=ty.style(doc, ty.END_RULE))
    return save_atomic(doc, path)
