"""Italic opening words ("Recalling also", "Takes note with appreciation").

UN style prints the opening words of preambular and operative paragraphs in
italics. Word, HTML, Markdown and PDF fonts say which words are italic; for
plain and PDF-extracted text this module guesses them from the phrases UN
drafting uses, checked against the italics of the corpus PDFs.
"""

from __future__ import annotations

import re

# Opening words UN style prints in italics, for texts that carry no italics.
_LEAD_ADVERB = re.compile(
    r"^(?:Also|Further|Furthermore|Once again|Again|Strongly|Deeply|Firmly|Fully|Moreover|"
    r"Urgently|Seriously|Gravely|Profoundly|Solemnly|Emphatically|Unequivocally) (?=[a-z])"
)
_LEAD_PHRASE = re.compile(
    r"^(?:"
    r"(?:Taking|Takes|Take) note(?: with (?:deep |great |grave )?(?:appreciation|satisfaction|"
    r"concern|regret|interest))?"
    r"|(?:Noting|Notes|Note) with (?:deep |great |grave |serious )?(?:appreciation|satisfaction|"
    r"concern|regret|interest|alarm)"
    r"|(?:Expressing|Expresses|Express) (?:its |their |our )?(?:deep |grave |serious |profound |"
    r"sincere |strong |full )?(?:appreciation|concern|gratitude|support|conviction|regret|hope|"
    r"satisfaction|condolences|solidarity|alarm|determination|commitment)"
    r"|(?:Reiterating|Reiterates|Reiterate|Renewing|Renews|Renew) (?:its |their |our )"
    r"(?:call|request|appeal|invitation|commitment|support)(?: (?:upon|on|to))?"
    r"|(?:Calling|Calls|Call) (?:upon|on)"
    r"|Bearing in mind"
    r"|Having (?:considered|examined|heard|reviewed|received)"
    r"|(?:Gravely|Deeply|Seriously|Profoundly|Greatly) (?:concerned|alarmed|disturbed|shocked|"
    r"troubled|appreciative)"
    r")(?![\w-])"
)
_LEAD_FOLLOW = re.compile(r"^ (?:also|further|furthermore|moreover|again)(?![\w-])")


def guess_lead(text: str) -> int:
    """Length of the opening words UN style prints in italics ("Recalling also").

    Used only when the source carries no italics (plain and PDF-extracted text,
    Markdown without emphasis); measured against the italics of the corpus PDFs.
    """
    m = _LEAD_ADVERB.match(text)  # "Also decides", "Once again urges"
    if m:
        rest = guess_lead(text[m.end() :].capitalize())
        return m.end() + rest if rest else 0
    m = _LEAD_PHRASE.match(text)
    if m:
        end = m.end()
    else:
        word = re.match(r"^[A-Z][a-z]+(?:-[a-z]+)?(?![\w-])", text)
        if not word:
            return 0
        end = word.end()
    first = text.split(" ", 1)[0]
    if first.endswith("ing"):  # participles take "also"/"further": "Recalling also"
        follow = _LEAD_FOLLOW.match(text[end:])
        if follow:
            end += follow.end()
    return end
