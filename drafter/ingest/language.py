"""Which official UN language a text is in: by script, then by stop words.

Arabic, Chinese and Russian are told apart by their scripts; English, French and
Spanish (all Latin script) by counting a few very frequent function words.
"""

from __future__ import annotations

import re

_STOP = {
    "en": {"the", "of", "and", "to", "in", "its", "that", "for", "on", "with", "by", "as"},
    "fr": {"le", "la", "les", "des", "et", "du", "de", "à", "en", "pour", "sur", "dans", "aux"},
    "es": {"el", "los", "las", "del", "y", "de", "en", "para", "con", "por", "que", "su", "al"},
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    sample = text[:20000]
    counts = {"ar": 0, "zh": 0, "ru": 0, "latin": 0}
    for ch in sample:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
            counts["ar"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            counts["zh"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif ch.isalpha() and o < 0x250:
            counts["latin"] += 1
    script = max(counts, key=lambda k: counts[k])
    if script != "latin" and counts[script] > 0.2 * sum(counts.values()):
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOP.items()}
    # "de", "en" are shared between French and Spanish: give unique words weight.
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "en"
