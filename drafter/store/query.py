"""From what a drafter types to an FTS5 query.

The syntax is the one search boxes have taught everyone:

* ``safe, orderly and regular migration``: all the words; hits where they stand as
  that exact phrase rank first, then those where they stand close together (see
  :mod:`drafter.store.search`);
* ``"small arms and light weapons"``: only the exact phrase;
* ``nuclear NEAR/5 zone``: the two within five words (``NEAR`` alone: within 10);
* ``disarm*``: any word starting so; ``OR`` between alternatives; ``-word`` excludes.

Every word goes to FTS5 inside double quotes, so punctuation, hyphens and FTS5's
own keywords in the user's text are never read as syntax. CJK text, which FTS5's
word tokenizer cannot split, is searched as a plain substring instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.errors import StoreError

_TOKEN = re.compile(
    r'(?P<neg>-)?"(?P<phrase>[^"]*)"?'  # "a phrase" (an unclosed quote runs to the end)
    r"|(?P<near>NEAR(?:/(?P<dist>\d+))?)(?=\s|$)"
    r"|(?P<or>OR)(?=\s|$)"
    r"|(?P<neg2>-)?(?P<word>[^\s\"]+)"
)
_WORDCHAR = re.compile(r"\w", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
DEFAULT_NEAR = 10


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The FTS5 expressions for one user query.

    ``phrase`` and ``near`` are set for plain queries (no syntax): the whole text as
    one phrase, searched first, then all its words within a few words of each other;
    ``match`` is what every hit must satisfy. ``substring`` is set
    instead for CJK text.
    """

    match: str
    phrase: str | None = None
    near: str | None = None  # plain queries: all the words close together
    substring: str | None = None


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_word(text: str) -> bool:
    return bool(_WORDCHAR.search(text))


def parse_query(text: str) -> ParsedQuery:
    """Parse a user's search text; StoreError when there is nothing to search for."""
    text = " ".join((text or "").split())
    if not _has_word(text):
        raise StoreError("type some words to search for")
    if _CJK.search(text):
        return ParsedQuery(match="", substring=text.strip('"'))
    items: list[str] = []  # FTS5 sub-expressions, with operators as separate entries
    negatives: list[str] = []
    plain = True
    for m in _TOKEN.finditer(text):
        if m.group("phrase") is not None:
            plain = False
            phrase = m.group("phrase")
            if not _has_word(phrase):
                continue
            (negatives if m.group("neg") else items).append(_quote(phrase))
        elif m.group("near"):
            plain = False
            items.append(f"NEAR/{m.group('dist') or DEFAULT_NEAR}")
        elif m.group("or"):
            plain = False
            items.append("OR")
        else:
            word = m.group("word")
            prefix = word.endswith("*") and len(word) > 1
            core = word.rstrip("*") if prefix else word
            if not _has_word(core):
                continue
            if prefix:
                plain = False
                # Only the last word of a hyphenated prefix can take the star.
                expr = _quote(core) + "*"
            else:
                expr = _quote(core)
            if m.group("neg2"):
                plain = False
                negatives.append(expr)
            else:
                items.append(expr)
    match = _combine(items)
    if not match:
        raise StoreError("a search needs at least one word that is not excluded")
    if negatives:
        match = f"({match}) NOT ({' OR '.join(negatives)})"
    words = [w for w in re.split(r"\s+", text) if _has_word(w)]
    if not plain or len(words) < 2:
        return ParsedQuery(match=match)
    near = f"NEAR({' '.join(_quote(w) for w in words)}, {max(DEFAULT_NEAR, 2 * len(words))})"
    return ParsedQuery(match=match, phrase=_quote(" ".join(words)), near=near)


def _combine(items: list[str]) -> str:
    """Join terms: NEAR chains, then OR groups, then AND between groups."""
    # 1. NEAR chains: a NEAR/5 b NEAR/3 c -> NEAR(a b c, 5)
    chained: list[str] = []
    i = 0
    while i < len(items):
        tok = items[i]
        if tok.startswith("NEAR/") or tok == "OR":
            chained.append(tok)
            i += 1
            continue
        members = [tok]
        dist = 0
        while i + 2 < len(items) and items[i + 1].startswith("NEAR/") and _is_term(items[i + 2]):
            dist = max(dist, int(items[i + 1].split("/")[1]))
            members.append(items[i + 2])
            i += 2
        if len(members) > 1:
            chained.append(f"NEAR({' '.join(members)}, {dist})")
        else:
            chained.append(tok)
        i += 1
    chained = [t for t in chained if not t.startswith("NEAR/")]  # a dangling NEAR: ignore
    # 2. OR groups
    groups: list[list[str]] = []
    pending_or = False
    for tok in chained:
        if tok == "OR":
            pending_or = bool(groups)
            continue
        if pending_or:
            groups[-1].append(tok)
        else:
            groups.append([tok])
        pending_or = False
    parts = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    return " AND ".join(parts)


def _is_term(tok: str) -> bool:
    return tok.startswith('"')
