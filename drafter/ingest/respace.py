"""Words that text extraction split or spaced, joined again from the document's own words.

``pdftotext`` reads letter spacing in a justified line as a space ("treatme nt",
"o n", "Confere nce") and spaces hyphens ("high -level", "drug - resistant",
"Secretary -General"). Two pieces are joined only when the document prints the
joined word elsewhere and neither piece is a word of its own anywhere in it, so "up
on" and "possess or" (and, alas, "in cluding") stay as printed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
# "treatme nt", "o n", "St ates": the letter runs on each side of one space
# a letter run that is a whole word piece: not glued to a hyphen or an apostrophe
_RUN = re.compile(r"(?<![^\W\d_’'-])[^\W\d_]+(?![^\W\d_’'-])")
# "high -level", "drug - resistant": a hyphen with a space before it
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?: (?=[a-z]))?(?=[^\W\d_])")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_]) ([’']s)\b")
# "Secretary- General", "Nuclear- Weapon-Free", "whole- of-government": a compound
# broken at a line end and joined with a space by a conversion
_HYPHEN_SPACED = re.compile(r"(?<=[^\W\d_])([-\u2011]) (?=[^\W\d_])")


def vocabulary(texts: list[str]) -> Counter[str]:
    words: Counter[str] = Counter()
    for text in texts:
        words.update(_WORD.findall(text))
    return words


def repair(text: str, words: Counter[str]) -> str:
    """``text`` with split words and spaced hyphens joined where ``words`` (the
    document's word counts) prints the joined form."""
    if " -" in text:
        text = _SPACED_HYPHEN.sub(lambda m: _hyphen(m, text, words), text)
    if "- " in text or "\u2011 " in text:
        text = _HYPHEN_SPACED.sub(lambda m: _hyphen_space(m, text, words), text)
    if " ’" in text or " '" in text:
        text = _APOSTROPHE.sub(r"\1", text)
    compounds = _compounds(words)
    if compounds and not compounds.keys().isdisjoint(_GLUED_WORD.findall(text)):
        text = _GLUED_WORD.sub(lambda m: _rehyphen(m.group(), words), text)
    if not _has_split(text, words):
        return text
    out: list[str] = []
    pos = 0
    runs = list(_RUN.finditer(text))
    for left, right in itertools.pairwise(runs):  # overlapping pairs: every one-space gap
        if right.start() != left.end() + 1 or text[left.end()] != " ":
            continue
        if _joins(left.group(), right.group(), words):
            out.append(text[pos : left.end()])
            pos = left.end() + 1
    out.append(text[pos:])
    return "".join(out)


# pdftotext without -layout joins a compound broken at a line end without its hyphen:
# "communitybased", "childfriendly" (the document prints "community-based" elsewhere)
_GLUED_WORD = re.compile(r"(?<![\w’'-])[a-z]{6,}(?![\w’'-])")


def _rehyphen(word: str, words: Counter[str]) -> str:
    """The hyphenated form where the document prints it at least as often."""
    compounds = _compounds(words)
    hyphenated = compounds.get(word)
    if hyphenated and words[hyphenated] >= words[word]:
        return hyphenated
    return word


def _compounds(words: Counter[str]) -> dict[str, str]:
    """ "communitybased" -> "community-based" for the document's compounds of two words
    (made once per document: kept on its word counts)."""
    found = getattr(words, "_compounds", None)
    if found is None:
        found = {}
        for w in words:
            if w.count("-") == 1 and w[:1].islower():
                found.setdefault(w.replace("-", ""), w)
        words._compounds = found  # type: ignore[attr-defined]
    return found


def _has_split(text: str, words: Counter[str]) -> bool:
    """Cheap test first: a word met only here (most paragraphs of a clean text have few)."""
    return any(words[w] == 1 for w in _RUN.findall(text))


# Two-letter words; any other piece of one or two letters ("ng" of "planni ng", "ty",
# "ed") is a word only because extraction split others like it
_TWO_LETTER_WORDS = {
    "of", "to", "in", "on", "at", "as", "or", "by", "be", "is", "it", "an", "up", "no",
    "so", "we", "us", "do", "go", "me", "my", "he", "if", "am", "un", "de", "la", "le",
    "et", "en", "el", "y", "a", "i",
}  # fmt: skip


def _count(piece: str, words: Counter[str]) -> int:
    if len(piece) <= 2 and piece.lower() not in _TWO_LETTER_WORDS:
        return 1
    return words[piece]


def _hyphen(m: re.Match[str], text: str, words: Counter[str]) -> str:
    if m.group() == " -":
        return "-"  # "high -level": never printed so on purpose
    before = text[: m.start()].rsplit(None, 1)[-1]
    after = _WORD.match(text, m.end())
    joined = f"{before}-{after.group()}" if after else ""
    return "-" if joined and words[joined] else m.group()


def _hyphen_space(m: re.Match[str], text: str, words: Counter[str]) -> str:
    """ "Secretary- General" is "Secretary-General" where the document prints that."""
    before = _WORD_END.search(text, max(0, m.start() - 80), m.start())
    after = _WORD.match(text, m.end())
    if not before or not after:
        return m.group()
    for hyphen in "-\u2011":
        if words[f"{before.group()}{hyphen}{after.group()}"]:
            return m.group(1)
    return m.group()


_WORD_END = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*$")


def _joins(a: str, b: str, words: Counter[str]) -> bool:
    if min(_count(a, words), _count(b, words)) > 1:
        return False  # both pieces are words printed elsewhere: every rule below needs one
    return _joins_pieces(a, b, words)


def _joins_pieces(a: str, b: str, words: Counter[str]) -> bool:
    if a[0].isupper() and b[0].isupper():
        return False  # "New York", "Member States": names of two words
    # Neither piece is a word anywhere else in the document (the counts include this
    # very occurrence): "o n", "treatme nt"; not "up on", "possess or".
    if words[a + b] and max(words[a], words[b]) == 1:
        return True
    if words[a + b] and max(_count(a, words), _count(b, words)) == 1:
        return True  # "treat ed" is not "treat" and a word "ed"
    # One piece is no word elsewhere, the other one is ("includi ng" beside "planni ng",
    # "th e", "preventi on"), and the document prints the joined word at least twice;
    # never after a short word that makes sense on its own ("a gain", "with in" stay).
    return (
        words[a + b] >= 2
        and min(words[a], words[b]) == 1
        and (words[a] == 1 or a.lower() not in _SHORT_WORDS)
    )


_SHORT_WORDS = {
    "a", "an", "the", "to", "in", "on", "of", "at", "as", "or", "by", "be", "is", "it",
    "up", "no", "so", "we", "us", "for", "and", "with", "out", "over", "under", "any",
    "some", "all", "every", "may", "can", "not", "there", "here", "where", "what", "when",
    "who", "one", "two", "down", "off", "per", "its", "our", "his", "her",
}  # fmt: skip
