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

_TOKEN_RE = re.compile(rf"{_WORD}|[{_CJK}]|\s+|.", re.DOTALL)
_WORD_RE = re.compile(rf"{_WORD}|[{_CJK}]")
_SIMPLE_WORD_RE = re.compile(rf"{_WORDCHAR}+|[{_CJK}]")

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
_SPACE_RE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER_OPEN_RE = re.compile(r"([(\[])\s+")
# Footnote markers left glued to a word or a punctuation mark: "Women8", "2011,12",
# "Secretary-General;13", "<sup>1</sup>", "[^2]".
_MARKER_RE = re.compile(
    r"<sup>\s*\w{1,3}\s*</sup>|\[\^\w{1,3}\]|(?<=[^\W\d_])\d{1,2}\b|(?<=[,;:])\d{1,2}(?=\s|$)"
)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """All tokens of ``text``, in order; ``"".join(tokenize(t)) == t``.

    Words (with inner hyphens, apostrophes and combining marks), runs of whitespace,
    and every other character alone. CJK ideographs, kana and hangul are one token
    per character whatever ``language`` says (mixed texts stay correct); the
    parameter is accepted for callers that know the language and for future rules.
    """
    del language  # the character classes decide; kept for the public signature
    return _TOKEN_RE.findall(text)


def fold(text: str) -> str:
    """Typographic normal form: NFC, spaces, quotes and dashes folded, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    text = _SPACE_RE.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text)
    return _SPACE_AFTER_OPEN_RE.sub(r"\1", text)


def strip_markers(text: str) -> str:
    """``text`` without footnote markers left inside it by an extraction."""
    return _MARKER_RE.sub("", text)


def formatting_key(text: str) -> str:
    """What a text says, ignoring whitespace, quote/dash style and footnote markers.

    Two paragraphs with the same key differ only in formatting.
    """
    return fold(strip_markers(fold(text)))


@lru_cache(maxsize=4096)
def _fold_word(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_FOLD).casefold()


def words(text: str, language: str | None = None) -> list[str]:
    """The comparable words of ``text``: case-folded, typographic variants folded.

    Hyphenated compounds are split ("sixty-ninth" -> "sixty", "ninth") so that a
    changed half still shares the other half; CJK characters are words.
    """
    del language
    folded = unicodedata.normalize("NFC", text).translate(_FOLD).casefold()
    return _SIMPLE_WORD_RE.findall(folded)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every simple word of ``text`` (offsets in ``text``)."""
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _SIMPLE_WORD_RE.finditer(text)]


def is_word(token: str) -> bool:
    """True for a word or CJK character token (not whitespace or punctuation)."""
    return bool(_WORD_RE.fullmatch(token))
