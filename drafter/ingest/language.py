"""Which official UN language a text is in: by script, then by stop words.

Arabic, Chinese and Russian are told apart by their scripts; English, French and
Spanish (all Latin script) by counting a few very frequent function words.
"""

from __future__ import annotations

import re
from collections import Counter

_STOP = {
    "en": {"the", "of", "and", "to", "in", "its", "that", "for", "on", "with", "by", "as"},
    "fr": {"le", "la", "les", "des", "et", "du", "de", "à", "en", "pour", "sur", "dans", "aux"},
    "es": {"el", "los", "las", "del", "y", "de", "en", "para", "con", "por", "que", "su", "al"},
}
_WORD = re.compile(r"[^\W\d_]+")


_SCRIPT_RES: dict[str, re.Pattern[str]] = {}


def _script_res() -> dict[str, re.Pattern[str]]:
    """One character class per script, in the order ties are broken; "latin" is
    every letter below U+0250 (built once, on the first text that is not ASCII)."""
    if not _SCRIPT_RES:
        latin = "".join(re.escape(chr(o)) for o in range(0x250) if chr(o).isalpha())
        _SCRIPT_RES.update(
            ar=re.compile("[\u0600-\u06ff\u0750-\u077f]"),
            zh=re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"),
            ru=re.compile("[\u0400-\u04ff]"),
            latin=re.compile(f"[{latin}]"),
        )
    return _SCRIPT_RES


def detect_language(text: str) -> str:
    sample = text[:20000]
    # Counted in C, a scan per script (a loop over every character in Python was most
    # of the time `drafter parse` spends on a small file). ASCII text is Latin script
    # however its letters are counted.
    if not sample.isascii():
        counts = {name: len(r.findall(sample)) for name, r in _script_res().items()}
        script = max(counts, key=lambda k: counts[k])
        if script != "latin" and counts[script] > 0.2 * sum(counts.values()):
            return script
    found = Counter(map(str.lower, _WORD.findall(sample)))
    scores = {lang: sum(found[w] for w in stop) for lang, stop in _STOP.items()}
    # "de", "en" are shared between French and Spanish: give unique words weight.
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "en"
