"""Anchors that can be re-found by content: text hashes and quote search.

A note remembers its paragraph's text hash and the words it quotes. When the text
changes (a new version, a colleague's copy of the same document) the quote is
looked for again: first exactly, nearest to where it was, then ignoring case,
spacing, punctuation and quote/dash style, so that "Member States" still matches
"Member  States" or a curly apostrophe a straight one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """The form two texts share when they differ only in case, spacing or typography."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(
        str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ad": ""})
    )
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return _SPACE.sub(" ", text).strip()


def text_hash(text: str) -> str:
    """A short, stable fingerprint of a paragraph's wording (16 hex digits)."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def find_quote(text: str, quote: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``text`` (start, end), nearest to offset ``near``.

    None when the quoted words are no longer there.
    """
    if not quote:
        return None
    spans = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]
    if not spans:
        words = _WORD.findall(quote)
        if not words:
            return None
        pattern = r"\W+".join(re.escape(w) for w in words)
        if quote[:1].isalnum() or quote[:1] == "_":
            pattern = r"(?<!\w)" + pattern
        if quote[-1:].isalnum() or quote[-1:] == "_":
            pattern += r"(?!\w)"
        rx = re.compile(pattern, re.IGNORECASE | re.UNICODE)
        spans = [m.span() for m in rx.finditer(unicodedata.normalize("NFC", text))]
        if len(unicodedata.normalize("NFC", text)) != len(text):
            spans = []  # offsets would not map back; treat as not found exactly
    if not spans:
        return None
    return min(spans, key=lambda s: abs(s[0] - near))


def check_quote(text: str, quote: str, start: int, end: int) -> tuple[str, int, int]:
    """Validate a new note's quote against its paragraph text.

    Returns (quote, start, end) with offsets that really point at the quote in
    ``text``: the given offsets when they do, else where the quote is found (nearest
    to ``start``). Offsets without a quote are taken as the quote. Raises ValueError
    when the words are not in the paragraph.
    """
    if not quote and end > start:
        if start < 0 or end > len(text):
            raise ValueError(f"the selection {start}-{end} is outside the paragraph")
        return text[start:end], start, end
    if not quote:
        return "", 0, 0
    if 0 <= start < end <= len(text) and text[start:end] == quote:
        return quote, start, end
    span = find_quote(text, quote, start)
    if span is None:
        raise ValueError(f"the quoted words {quote!r} are not in the paragraph")
    return text[span[0] : span[1]], span[0], span[1]
