"""HTML for the history view's panes: a paragraph's biography, its blame, its notes.

Pure string work over the history values (like :mod:`rich_text`), so it is easy
to test and the widgets stay thin. Nothing is told by colour alone: changes are
struck through or underlined, and each phrase of a blame carries the number of
the version it entered in.
"""

from __future__ import annotations

import colorsys
import html
from collections.abc import Sequence

from drafter.history import Change, History, Span, Step, Thread, blame
from drafter.model import DELETE, Paragraph

from .history_model import change_words
from .rich_text import display_runs, note_html, paragraph_html
from .themes import DiffColors

MAX_BLAME = 20_000  # characters: longer paragraphs (bad imports) are not traced


def _para(step: Step) -> Paragraph:
    return Paragraph(
        step.id if step.id is not None else -1,
        step.kind,
        step.number,
        step.text or "",
    )


def _version_line(history: History, v: int) -> str:
    ver = history.versions[v]
    bits = " · ".join(x for x in (ver.stage, ver.date) if x)
    return f"<b>{v + 1}. {html.escape(ver.name)}</b>" + (
        f" <span>({html.escape(bits)})</span>" if bits else ""
    )


def biography_html(
    history: History,
    thread: Thread,
    colors: DiffColors,
    *,
    notes: dict[int, Sequence[str]] | None = None,
    current: int | None = None,
) -> str:
    """The paragraph's text as it read in each version, with the word changes from
    the version before; versions it was absent from are named, not skipped."""
    notes = notes or {}
    out = []
    first, last = thread.first, thread.last
    if thread.forked_from is not None:
        out.append(note_html(f"Split off thread {thread.forked_from + 1}.", colors))
    for v in range(len(history.versions)):
        step = thread.step_at(v)
        if step is None:
            if thread.merged_into is not None and v == last + 1:
                out.append(f"<p style='margin:8px 0 2px 0'>{_version_line(history, v)}</p>")
                out.append(note_html(f"Merged into thread {thread.merged_into + 1}.", colors))
            elif v < first:
                continue
            continue
        marker = " ◀" if current == v else ""
        what = change_words(step)
        label = html.escape(step.label) if step.id is not None else ""
        out.append(
            f"<p style='margin:8px 0 2px 0'>{_version_line(history, v)} — {label} "
            f"<i style='color:{colors.muted_fg}'>{html.escape(what)}</i>{marker}</p>"
        )
        if step.sources and step.change in (Change.MOVED, Change.SPLIT, Change.MERGED):
            was = " + ".join(history.label(v - 1, o) for o in step.sources)
            out.append(note_html(f"was {was} in {history.versions[v - 1].name}", colors))
        runs = [(op, t.replace("\n", " ¶ ")) for op, t in step.diff if t]
        if v == 0 or step.change == Change.UNCHANGED:
            runs = [(0, step.text or "")]
        if step.id is None:
            runs = [(DELETE, t) for _op, t in runs]
        out.append(paragraph_html(_para(step), runs, colors))
        for line in notes.get(v, ()):
            out.append(note_html(f"✎ {line}", colors))
    return "".join(out)


def blame_colors(count: int, *, dark: bool) -> list[str]:
    """One soft background colour per version, far apart on the colour wheel."""
    out = []
    for i in range(count):
        hue = (0.13 + i * 0.618034) % 1.0
        light, sat = (0.30, 0.45) if dark else (0.86, 0.65)
        r, g, b = colorsys.hls_to_rgb(hue, light, sat)
        out.append(f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}")
    return out


def blame_html(
    history: History, version: int, paragraph_id: int, colors: DiffColors, *, dark: bool = False
) -> str:
    """Each phrase of the paragraph's wording in ``version``, marked with the version
    it entered in (colour and a superscript number), with a legend."""
    _thread, step = history.locate(version, paragraph_id)
    text = step.text or ""
    ver = history.versions[version]
    out = [
        f"<p style='margin:0 0 6px 0'><b>Where the wording of {html.escape(step.label)} "
        f"({html.escape(ver.name)}) comes from</b></p>"
    ]
    if len(text) > MAX_BLAME:
        return "".join(out) + note_html(
            f"This paragraph is too long to trace phrase by phrase ({len(text):,} characters).",
            colors,
        )
    spans: tuple[Span, ...] = blame(history, version, paragraph_id)
    palette = blame_colors(len(history.versions), dark=dark)
    base = min((s.version for s in spans), default=version)
    parts = []
    for v, piece in display_runs([(s.version, text[s.start : s.end]) for s in spans]):
        sup = ""
        if v != base:
            sup = f"<sup style='color:{colors.number_fg}'>[{v + 1}]</sup>"
        parts.append(
            f"<span style='background-color:{palette[v]}'>{html.escape(piece)}</span>{sup}"
        )
    out.append(f"<p style='margin:0 0 8px 0'>{''.join(parts)}</p>")
    used = sorted({s.version for s in spans})
    for v in used:
        count = sum(len(text[s.start : s.end].split()) for s in spans if s.version == v)
        chip = f"<span style='background-color:{palette[v]}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
        what = "its oldest wording" if v == base else "entered in this version"
        out.append(
            f"<p style='margin:0'>{chip} [{v + 1}] {html.escape(history.versions[v].name)}: "
            f"{count} word{'s' if count != 1 else ''} ({what})</p>"
        )
    return "".join(out)
