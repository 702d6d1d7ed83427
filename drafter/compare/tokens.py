"""Tokenisation and normalisation for the six UN languages.

Two needs, one module:

* the word diff needs tokens that cover a text *completely* (words, spaces and
  punctuation), so that joining them gives the text back and no change splits a word;
* similarity (alignment, related mode) needs comparable *words*: case-folded, with
  typographic variants (curly quotes, dashes, non-breaking spaces) folded away.

Chinese (and Japanese kana, Korean syllables) is tokenised by character, as a reader
of Chinese compares it; Arabic, Russian, French, Spanish and English by word, where a
word keeps its combining marks (Arabic harakat), inner hyphens and apostrophes
("Secretary-General", "l’Assemblée").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Scripts written without spaces: one character is one token.
_CJK = "\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Combining marks that belong inside a word (Python's \w does not match them).
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f"
_WORDCHAR = rf"(?:[^\W{_CJK}]|[{_MARKS}])"
_JOINER = "\\-\u2010\u2011'\u2019"  # hyphens and apostrophes inside a word
_WORD = rf"{_WORDCHAR}+(?:[{_JOINER}]{_WORDCHAR}+)*"

_NUMBER = r"\d+(?:[.,]\d+)+(?![^\W_])"  # "1,000", "3.5": one token, not three
_TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORD}|[{_CJK}]|\s+|.", re.DOTALL)
# The same without combining marks, several times faster: used when a text has none.
_PLAIN = rf"[^\W{_CJK}]"
_FAST_TOKEN_RE = re.compile(
    rf"{_NUMBER}|{_PLAIN}+(?:[{_JOINER}]{_PLAIN}+)*|[{_CJK}]|\s+|.", re.DOTALL
)
# The same on ASCII text (no CJK, no marks; \w is [A-Za-z0-9_] there), faster.
_ASCII_TOKEN_RE = re.compile(rf"{_NUMBER}|\w+(?:[-']\w+)*|\s+|.", re.DOTALL)
_ASCII_WORD_RE = re.compile(r"\w+")
_WORD_RE = re.compile(rf"{_WORD}|[{_CJK}]")
HAS_WORD_RE = re.compile(rf"[^\W_]|[{_CJK}]")  # any letter, digit or CJK character
_SIMPLE_WORD_RE = re.compile(rf"{_WORDCHAR}+|[{_CJK}]")
_FAST_WORD_RE = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]")

# Typographic variants that must never show as a change of wording.
_FOLD = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",  # zero-width space
        "\u00ad": "",  # soft hyphen
        "\ufeff": "",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u3000": " ",  # ideographic space
    }
)
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_PUNCT_SPACES = (*tuple((" " + c, c) for c in ",.;:!?)]"), ("( ", "("), ("[ ", "["))
_MARKS_RE = re.compile(f"[{_MARKS}]+")
# Footnote markers left glued to a word or a punctuation mark: "Women8", "2011,12",
# "Secretary-General;13"; and Markdown ones: "<sup>1</sup>", "[^2]".
# A hyphen left with a space after it where an extraction broke a compound at a line
# end ("Non- Proliferation"); not a suspended hyphen ("pre- and post-conflict").
_BROKEN_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])- (?!(?:and|or|nor|to)\b)(?=[^\W\d_])")
_LEADING_NUMBER_RE = re.compile(r"^(?:\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,2}\)|\([ivxl]{1,5}\))\s+")
_DIGITS_RE = re.compile(r"\d\d?\b")  # \d{1,2}\b, written so it runs faster
_MARKUP_MARKER_RE = re.compile(r"<sup>\s*\w{1,3}\s*</sup>|\[\^\w{1,3}\]")


def _fold_chars(text: str) -> str:
    if text.isascii():  # already normal, and every folded character is outside ASCII
        return text
    text = unicodedata.normalize("NFC", text)
    # A regex scan is much faster than str.translate over every character.
    return _FOLD_RE.sub(lambda m: _FOLD[ord(m.group())] or "", text)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """All tokens of ``text``, in order; ``"".join(tokenize(t)) == t``.

    Words (with inner hyphens, apostrophes and combining marks), runs of whitespace,
    and every other character alone. CJK ideographs, kana and hangul are one token
    per character whatever ``language`` says (mixed texts stay correct); the
    parameter is accepted for callers that know the language and for future rules.
    """
    del language  # the character classes decide; kept for the public signature
    if text.isascii():  # no combining marks, no CJK: the same tokens, found faster
        return _ASCII_TOKEN_RE.findall(text)
    if _MARKS_RE.search(text):
        return _TOKEN_RE.findall(text)
    return _FAST_TOKEN_RE.findall(text)


def _collapse(text: str) -> str:
    """Collapse whitespace; no space before closing or after opening punctuation."""
    text = " ".join(text.split())
    for spaced, tight in _PUNCT_SPACES:
        if spaced in text:
            text = text.replace(spaced, tight)
    return text


def fold(text: str) -> str:
    """Typographic normal form: NFC, spaces, quotes and dashes folded, spaces collapsed."""
    return _collapse(_fold_chars(text))


def _drop_glued(m: re.Match[str]) -> str:
    start = m.start()
    if start:
        prev = m.string[start - 1]
        if prev in ",;:" or prev.isalpha():
            return ""
    return m.group()


def strip_markers(text: str) -> str:
    """``text`` without footnote markers left inside it by an extraction.

    Markdown markers ("<sup>1</sup>", "[^2]") and one- or two-digit numbers glued to
    a word or to a comma, semicolon or colon ("Women8", "2011,12", "General;13").
    """
    if "<sup" in text or "[^" in text:
        text = _MARKUP_MARKER_RE.sub("", text)
    return _DIGITS_RE.sub(_drop_glued, text)


def formatting_key(text: str) -> str:
    """What a text says, ignoring whitespace, quote/dash style and footnote markers.

    Two paragraphs with the same key differ only in formatting.
    """
    key = _collapse(strip_markers(_fold_chars(text)))
    if "- " in key:
        key = _BROKEN_HYPHEN_RE.sub("-", key)
    # A number the importer left at the start ("3. We gather", "(b) To ...") is
    # numbering, and renumbering alone is no change.
    return _LEADING_NUMBER_RE.sub("", key, count=1)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return _MARKS_RE.sub("", _fold_chars(word).casefold())


def words(text: str, language: str | None = None) -> list[str]:
    """The comparable words of ``text``: case-folded, typographic variants folded.

    Hyphenated compounds are split ("sixty-ninth" -> "sixty", "ninth") so that a
    changed half still shares the other half; CJK characters are words; combining
    marks (Arabic harakat) are ignored, as a reader comparing wording would.
    """
    del language
    if text.isascii():  # nothing to fold but case; no marks, no CJK
        return _ASCII_WORD_RE.findall(text.lower())
    folded = _fold_chars(text).casefold()
    if _MARKS_RE.search(folded):
        folded = _MARKS_RE.sub("", folded)
    return _FAST_WORD_RE.findall(folded)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every simple word of ``text`` (offsets in ``text``)."""
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _SIMPLE_WORD_RE.finditer(text)]


# Typographic characters that are never part of a word: quotes, dashes, spaces.
_TYPOGRAPHIC = "".join(
    c
    for c in "\u201c\u201d\u2018\u2019\u2013\u2014\u2010\u2011\u00a0\u2026"
    if not _FAST_WORD_RE.match(c)
)
_NON_SPACE_RE = re.compile(r"\S+")
# ASCII bytes: a word character stays, anything else becomes a space.
_ASCII_BLANKS = bytes(c if _FAST_WORD_RE.match(chr(c)) else 0x20 for c in range(128)) + bytes(128)


def _word_re(text: str) -> re.Pattern[str]:
    """The simple-word pattern; without combining marks in ``text``, a faster equivalent."""
    return _SIMPLE_WORD_RE if _MARKS_RE.search(text) else _FAST_WORD_RE


def raw_words(text: str) -> list[str]:
    """The words of :func:`word_spans` as written (fold them with :func:`fold_word`)."""
    blanked = _blanked(text)
    if blanked is None:
        return _word_re(text).findall(text)
    return blanked.split()


def folded_raw_words(text: str) -> list[str]:
    """:func:`fold_word` of each of the :func:`raw_words` of ``text``, one for one; fast
    when the text is ASCII once its quotes and dashes are blanked."""
    blanked = _blanked(text)
    if blanked is None:
        return list(map(_fold_word, _word_re(text).findall(text)))
    return blanked.lower().split()


def _blanked(text: str) -> str | None:
    """``text`` with everything but word characters made spaces, when it is ASCII once
    its quotes and dashes are blanked (most text is); else None. Its runs of non-spaces
    are the words of the word pattern, at the same offsets, found three times faster."""
    if not text.isascii():
        for c in _TYPOGRAPHIC:
            if c in text:
                text = text.replace(c, " ")
        if not text.isascii():
            return None
    return text.encode("ascii").translate(_ASCII_BLANKS).decode("ascii")


def fold_word(word: str) -> str:
    """One word as :func:`word_spans` folds it (case, typography, combining marks)."""
    return _fold_word(word)


def word_offsets(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of :func:`word_spans`, without the words."""
    blanked = _blanked(text)
    if blanked is None:
        return list(map(_SPAN, _word_re(text).finditer(text)))
    return list(map(_SPAN, _NON_SPACE_RE.finditer(blanked)))


_SPAN = re.Match.span


def is_word(token: str) -> bool:
    """True for a word or CJK character token (not whitespace or punctuation)."""
    return bool(_WORD_RE.fullmatch(token))
