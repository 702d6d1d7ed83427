"""The formula that opens a paragraph of a resolution, and the subject that follows it.

Preambular paragraphs open with a participle or adjective ("Recalling", "Deeply
concerned", "Bearing in mind", "Taking note of"), operative ones with a verb
("Requests", "Urges", "Decides"; a declaration's "Recognize", "Reaffirm"). Shipped with
Drafter: the opening words of United Nations resolutions, as their stems, so that the
participle, finite and base forms meet ("Recalling"/"Recalls"/"Recall" -> "recall").

Related mode uses the two parts differently (measured in ``benchmarks/related_quality.py``):

* the **opening formula** is grammar, not topic: "Recognizing" opening one paragraph is
  no evidence for another that says "recognizing" in passing; it only counts against
  the formula that opens another paragraph (``Recalling`` meets ``Recalling``).
* the **subject** (the words after the opening word, up to the first "to", "that",
  "in", "with" or punctuation: "Requests *the Secretary-General* to ...", "Invites
  *the Conference on Disarmament* to ...") says who or what the paragraph is about;
  it counts again against another paragraph's subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.compare.tokens import raw_words

_OPENERS = """
accept acknowledge adopt affirm agree alarm appeal applaud appreciate approve authorize
aware bear believe call cognizant commend commit concern concur condemn confident
confirm conscious consider convince decide declare deem deplore desire desirous determine
direct disturb emphasize emphasise encourage endorse express guide have highlight invite
keep mindful note observe pay point proclaim reaffirm realize recall recognize recognise
recommend refer regret reiterate remind request resolve seek share stress support
take underline underscore urge welcome wish
"""
# Words that may stand before the opening word ("Also requests", "Deeply concerned").
_ADVERBS = frozenset(
    {"also", "further", "again", "once", "moreover", "furthermore"}
    | {"deeply", "gravely", "fully", "strongly", "firmly"}
)
# A second word that belongs to the formula: "Bearing in mind", "Taking note of",
# "Taking into account".
_FORMULA_TAILS = frozenset(("note", "mind", "account"))
_LINKS = frozenset(("in", "into"))
# The subject ends before these words or at the first punctuation, after at most
# SUBJECT_WORDS words.
_SUBJECT_END = frozenset(("to", "that", "in", "with"))
SUBJECT_WORDS = 10
_PUNCTUATION_RE = re.compile(r"[,;:]|\.\s")


def verb_stem(word: str) -> str:
    """One stem for the participle, past, finite and base forms of an opening word."""
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 5:
        word = word[:-2]
    elif word.endswith("s") and len(word) > 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") else word


OPENER_STEMS = frozenset(verb_stem(w) for w in _OPENERS.split())


def opener(stems: Sequence[str]) -> tuple[int, str | None]:
    """How many leading words form the paragraph's opening formula, and its verb stem
    ((0, None) when the paragraph does not open with one, as an annex's sentences)."""
    i = 0
    while i < len(stems) and i < 3 and stems[i] in _ADVERBS:
        i += 1
    if i >= len(stems):
        return 0, None
    verb = verb_stem(stems[i])
    if verb not in OPENER_STEMS:
        return 0, None
    i += 1
    j = i
    while j < len(stems) and j < i + 2 and stems[j] in _LINKS:
        j += 1
    if j < len(stems) and stems[j] in _FORMULA_TAILS:
        i = j + 1
    return i, verb


def subject(text: str, stems: Sequence[str]) -> Sequence[str]:
    """The words after the first one up to the first "to", "that", "in", "with" or
    punctuation (at most :data:`SUBJECT_WORDS` words in all): what the paragraph is about
    or whom it addresses."""
    m = _PUNCTUATION_RE.search(text)
    n = len(raw_words(text[: m.start()])) if m else len(stems)
    n = min(n, SUBJECT_WORDS, len(stems))
    for i in range(1, n):
        if stems[i] in _SUBJECT_END:
            n = i
            break
    return stems[1:n]
