"""Footnote markers: find them in paragraph text, remove them, remember them.

Explicit markers (Markdown ``<sup>``/``[^n]``, Word footnote references) are
certain. PDF-extracted text only has digits glued to words ("Women8",
"2011,12", "Secretary-General;13") or standing after a comma ("Outcome, 2 its").
A digit group is taken as a marker only if it is the number of a footnote the
document actually has, sits in a marker position, and follows the order in which
footnotes are first cited (a document cites 1, 2, 3... and may cite an earlier
one again). That keeps "23 December 2003" and "resolution 79/7" intact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.ingest.blocks import MARK_CLOSE, MARK_OPEN, SOFT_RE, marker, restore_soft, strip_marks

_EXPLICIT = re.compile(f"[ \\t]*{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
# Glued to the end of a word, a closing quote/bracket, or punctuation.
_GLUED = re.compile(r"(?<=[a-zà-ÿ\)\]”’.,;:])(\d{1,3})(?=[\s,;:.)”’\]]|$)")
# Standing alone after punctuation: "Outcome, 2 its", "Discrimination, 7  the".
# Glued to a year: "of 19721" is 1972 and footnote 1 (only the next expected number).
_YEAR = re.compile(r"(?<=\b(?:19|20)\d\d)(\d{1,2})(?=[\s,;:.)”’]|$)")
# After a capitalised word, before an ordinary word: "Sustainable Development 5 and
# its Goals", "Climate Change 6 and the Paris Agreement". Nouns that are followed
# by their own numbers ("Article 2 and", "Goal 16 and") are excluded.
_NUMBERED_NOUNS = (
    "Article|Articles|Goal|Goals|Target|Chapter|Annex|Annexes|Part|Section|Principle|Rule|"
    "Rules|Phase|Protocol|Protocols|Round|Table|Step|Level|Action|Actions|Pillar|Priority|"
    "Resolution|Resolutions|Decision|Decisions|Item|Items|Paragraph|Paragraphs|Volume|No|"
    "Supplement|Committee|Group|Commitment|Recommendation|Recommendations|Objective|Module|"
    "Category|Class|Zone|Region|Area|Tier|Type|Figure|Box|Appendix|Schedule|Stage|Year|Day"
)
_WORD_SPACED = re.compile(
    rf"(?<![\w-])(?!(?:{_NUMBERED_NOUNS})\b)[A-Z][a-z]{{2,}}(?:-[A-Za-z]+)?"
    r"(?P<m> (\d{1,3}))(?= (?:and|or|the|its|their|to|in|of|as|which|that|for|with|on|at|by|is|"
    r"are|was|were|has|have|shall|will|also|but|while|where|including|adopted|entitled)\b)"
)
# Typewritten style: "Secretary-General; 2/" (footnotes printed as "2/ Text").
# Left by PyMuPDF or a plain-text copy, between any word and a lowercase word: "on
# COVID-19 13 and", "the Parties 14 urged". Only the next footnote expected counts, and
# not after a word its own number follows ("paragraph 3 of", "than 3 million").
_LOOSE = re.compile(r"(?<=[^\W_]|[)”’])(?P<m> (\d{1,3}))(?= [a-z])")
_NOT_BEFORE_MARKER = {w.lower() for w in _NUMBERED_NOUNS.split("|")} | {
    "para", "paras", "art", "vol", "than", "least", "most", "about", "some", "over", "under",
    "of", "to", "and", "or", "the", "from", "by", "per", "all", "every", "between", "nearly",
    "on", "in", "at", "for", "with", "after", "before", "since", "until", "within", "into",
    "a", "an", "its", "their", "these", "those", "which", "is", "are", "was", "were", "be",
    "each", "nos", "no", "op", "pp", "para.",
    "approximately", "around", "almost", "only", "first", "last", "next", "resolutions",
    "decision", "session", "sessions", "meeting", "meetings", "page", "pages", "line",
}  # fmt: skip
_NOT_AFTER_MARKER = re.compile(
    r" (?:million|billion|thousand|hundred|per|percent|years?|months?|days?|weeks?|hours?|times)\b"
    r"| (?:and|or|to|through) \d"  # "Round tables 3 and 4"
)
# Glued to a number: "at least 56514 humanitarian workers" is 565 and footnote 14.
_NUMBER_GLUED = re.compile(r"(?<![\w/.,\-])\d{4,7}(?= [a-z])")
_NUMBER_NOUNS = {w.lower() for w in _NUMBERED_NOUNS.split("|")} | {"resolutions", "no."}
_SLASH = re.compile(r"(?<=[\s,;:.”’\w])[ ]?(\d{1,2})/(?=[\s,;:.)]|$)")
_SPACED = re.compile(r"(?<=[,;:”’])[ ]+(\d{1,3})(?=[ ]+[a-zà-ÿ]|[ ]*$)")
# Left plain by a conversion, only the next footnote expected counts: after a sentence's
# full stop ("Paris Principles. 13 We will", "Pact for the Future. 16" at the end), and
# glued to the front of the next word ("Nuclear Weapons 6and the", "weapons, 7in which").
# Spaced after a comma, before a number or a name: "of 18 November 2024, 3 14 February
# 2025" (pdftotext -layout spaces a raised marker), "in Ltamenah, 14 Saraqib" (a
# Markdown conversion), only the next footnote expected.
_SPACED_BEFORE_NUMBER = re.compile(r"[,;][ ]+(\d{1,3})(?=[ ]+(?:\d|[A-Z][a-z]))")
# Spaced after a year or "Goals" (pdftotext -layout): "Reduction 2015–2030 3 and",
# "of 15 February 2013 9 in which", "the Millennium Development Goals 6 and associated"
# (not "Goals 1 and 2"), only the next footnote expected.
_AFTER_YEAR = re.compile(
    r"(?:(?<=\b19\d\d)|(?<=\b20\d\d)|(?<=\bGoals)) (\d{1,2})(?= (?!(?:and|or|to) \d)[a-z])"
)
# (each opens with a literal, so that a scan over a paragraph without one is fast; the
# character before is checked apart)
_AFTER_STOP = re.compile(r"\.[ ]+(\d{1,3})(?=[ ]+[A-Z“]|[ ]*$)")
_AFTER_STOP_BEFORE = re.compile(r"[a-z)”’]")
_GLUED_FRONT = re.compile(
    r" (\d{1,3})(?=(?:and|or|in|which|the|to|of|as|with|for|on|at|by|that|"
    r"is|are|was|were|including|adopted|entitled|also|but|where|while)\b)"
)
_GLUED_FRONT_BEFORE = re.compile(r"[^\W\d]|[,;:)”’]")
_ANY_DIGIT = re.compile(r"\d")


_ABBREVIATIONS = {"vol", "para", "paras", "chap", "sect", "art", "no", "p", "pp", "add", "rev",
                  "corr", "fig", "op", "sess", "suppl", "ibid", "cf", "e.g", "i.e", "etc"}  # fmt: skip


def _not_after_period(text: str, pos: int) -> bool:
    """True when digits right after a period belong to what precedes it.

    A marker follows the full stop of a sentence ("... development.5"); digits
    after "69.", "DEC.", "Add." or "vol." are a number or a document symbol.
    """
    word = text[: pos - 1].rsplit(None, 1)[-1] if text[: pos - 1].strip() else ""
    if word.endswith(("”", "’", '"', ")")):
        return False  # ... entitled “Globalization”.3
    tail = re.split(r"[/\-]", word)[-1]
    return not (tail.isalpha() and tail.islower() and len(tail) >= 3) or (
        tail.lower() in _ABBREVIATIONS
    )


class MarkerState:
    """Carries the citation order across the paragraphs of one document."""

    def __init__(self, numbers: Iterable[str], *, plain: bool = True) -> None:
        # plain=False: the reader made every marker explicit (PDF superscripts),
        # so bare digits are never markers.
        self.known = {n for n in numbers if n.isdecimal()}
        self.plain = plain
        self.seen: set[str] = set()
        self.highest = 0

    def next_expected(self) -> str | None:
        unseen = [int(n) for n in self.known if n not in self.seen]
        return str(min(unseen)) if unseen else None

    def accept(self, number: str, *, strict: bool = False) -> bool:
        if number not in self.known:
            return False
        if strict:
            ok = self.plain and (number == self.next_expected() or int(number) == self.highest + 1)
            if ok:
                self.note(number)
            return ok
        n = int(number)
        if not self.plain:
            return number in self.seen  # only a repeat of a marker already printed
        if number in self.seen or n <= self.highest + 3 or number == self.next_expected():
            self.seen.add(number)
            self.highest = max(self.highest, n)
            return True
        return False

    def note(self, number: str) -> None:
        self.seen.add(number)
        if number.isdecimal():
            self.highest = max(self.highest, int(number))


def split_glued(number: str, known: set[str]) -> list[str]:
    """ "23" printed for markers 2 and 3 side by side: split into known numbers."""
    if number in known or not number.isdecimal() or not known:
        return [number] if number else []

    def parts(rest: str, prev: int) -> list[str] | None:
        if not rest:
            return []
        for k in range(1, min(3, len(rest)) + 1):
            head = rest[:k]
            if head in known and int(head) > prev:
                tail = parts(rest[k:], int(head))
                if tail is not None:
                    return [head, *tail]
        return None

    return parts(number, 0) or [number]


def strip_markers(
    text: str, state: MarkerState, contexts: dict[str, str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` without footnote markers, and the footnotes it cites in order.

    ``contexts``, when given, receives for each cited footnote the marker-free text
    that stood before its first marker (see :func:`locate_after`).
    """
    # Probable markers first: kept if they fit the footnotes, else digits again.
    text = SOFT_RE.sub(
        lambda m: marker(m.group(1)) if state.accept(m.group(1)) else m.group(1), text
    )
    spans: list[tuple[int, int, str, bool | None]] = []  # explicit / plain / year
    for m in _EXPLICIT.finditer(text):
        spans.append((m.start(), m.end(), m.group(1).strip(), True))
    if state.known:
        for m in _WORD_SPACED.finditer(text):
            spans.append((m.start("m"), m.end("m"), m.group(2), False))
        for m in _LOOSE.finditer(text):
            word = text[: m.start()].rsplit(None, 1)[-1].rstrip(")”’").lower() if m.start() else ""
            if (
                word in _NOT_BEFORE_MARKER
                or not any(c.isalpha() for c in word)
                or "/" in word
                or _NOT_AFTER_MARKER.match(text, m.end())
            ):
                continue
            spans.append((m.start("m"), m.end("m"), m.group(2), None))
        for m in _NUMBER_GLUED.finditer(text):
            word = (
                text[: m.start()].rsplit(None, 1)[-1].lower() if text[: m.start()].strip() else ""
            )
            if word in _NUMBER_NOUNS or re.match(r"(?:19|20)\d\d", m.group()):
                continue  # a year ("June 2003 on"); a year and its marker is _YEAR's
            for k in (2, 1):  # "56514": 565 and footnote 14 (or 5651 and footnote 4)
                if text[m.end() - k] != "0" and text[m.start()] != "0":
                    spans.append((m.end() - k, m.end(), text[m.end() - k : m.end()], None))
        for rx in (_GLUED, _SPACED, _YEAR, _SLASH):
            for m in rx.finditer(text):
                if any(s <= m.start(1) < e for s, e, _, _ in spans):
                    continue
                if (
                    rx is _GLUED
                    and text[m.start(1) - 1] == "."
                    and _not_after_period(text, m.start(1))
                ):
                    continue  # "69.2", "DEC.4", "Add.2", "vol.2": part of a number or symbol
                if (
                    rx is _GLUED
                    and text[m.start(1) - 1] == "."
                    and m.end(1) < len(text)
                    and not text[m.end(1)].isspace()
                ):
                    continue  # "Add.2)", "No.5,": an abbreviation's number
                start = m.start() if rx in (_SPACED, _SLASH) else m.start(1)
                end = m.end() if rx is _SLASH else m.end(1)
                spans.append((start, end, m.group(1), None if rx is _YEAR else False))
        strict = (_AFTER_STOP, _GLUED_FRONT, _SPACED_BEFORE_NUMBER, _AFTER_YEAR)
        for rx in strict if _ANY_DIGIT.search(text) else ():
            for m in rx.finditer(text):
                if (rx is _AFTER_STOP and not _AFTER_STOP_BEFORE.match(text, m.start() - 1)) or (
                    rx is _GLUED_FRONT and not _GLUED_FRONT_BEFORE.match(text, m.start() - 1)
                ):
                    continue
                word = text[max(0, m.start() - 40) : m.start()].rsplit(None, 1)
                word = word[-1].rstrip(".,;)”’") if word else ""
                plain_word = word.isalpha() and word[1:].islower() and len(word) >= 3
                if (
                    any(s <= m.start(1) < e for s, e, _, _ in spans)
                    or (rx is _AFTER_STOP and not plain_word)
                    or word.lower() in _ABBREVIATIONS
                    or (rx is _AFTER_YEAR and _NOT_AFTER_MARKER.match(text, m.end()))
                ):
                    continue  # "vol. 2 The", "DEC. 4"
                spans.append((m.start(1), m.end(1), m.group(1), None))
    spans.sort(key=lambda span: (span[0], span[1]))
    cited: list[str] = []
    keep: list[tuple[int, int]] = []
    starts: dict[str, int] = {}
    for start, end, number, explicit in spans:
        if explicit:
            for part in split_glued(number, state.known):
                state.note(part)
                if part not in cited:
                    cited.append(part)
                    starts[part] = start
            keep.append((start, end))
            continue
        if keep and start < keep[-1][1]:
            continue  # inside a marker already taken ("203412": the year's 12, not 2)
        if not state.accept(number, strict=explicit is None):
            continue
        keep.append((start, end))
        if number and number not in cited:
            cited.append(number)
            starts[number] = start
    if not keep:
        return text, ()
    if contexts is not None:
        for number, start in starts.items():
            before = text[:start]
            for s_, e_ in keep:  # other markers before this one are not text
                if e_ <= start:
                    before = before[:s_] + "\0" * (e_ - s_) + before[e_:]
            contexts[number] = strip_marks(restore_soft(before.replace("\0", "")))
    out, pos = [], 0
    for start, end in keep:
        if start < pos:
            continue
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    cleaned = "".join(out)
    cleaned = re.sub(r" {2,}", " ", cleaned)
    cleaned = re.sub(r" +([,;:.])", r"\1", cleaned)
    return cleaned.strip(), tuple(cited)


def locate_after(final: str, before: str, cut: int = 0) -> int:
    """Where the end of ``before`` (text that preceded a marker) falls in ``final``.

    ``final`` is the paragraph text after every later repair (spaces, split
    hyphens, the number label cut off the front: ``cut`` characters about), so the
    last few words of ``before`` are looked for, the occurrence nearest the place
    expected winning; len(final) when they cannot be found.
    """
    words = before.split()
    if not words:
        return 0
    expected = len(" ".join(words)) - cut
    for n in (6, 4, 3, 2, 1):
        if n > len(words) and n != 1:
            continue
        needle = " ".join(words[-n:]).strip()
        ends = [m.end() for m in re.finditer(re.escape(needle), final)]
        if ends:
            return min(ends, key=lambda e: abs(e - expected))
    return len(final)
