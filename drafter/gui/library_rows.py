"""What the library panel lists: families, each with its versions, filtered and sorted.

Why a separate module of plain functions: the grouping rules (language versions of
one text are one row; two files of one symbol are told apart by their source) and
the filter and sort are decisions, testable without a widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SORTS = {
    "recent": "Recently added",
    "symbol": "Symbol",
    "date": "Date",
    "title": "Title",
}


@dataclass(frozen=True)
class VersionRow:
    """One line under a family: a version, with the other languages of the same text."""

    version: object  # VersionInfo (the English one, or the first, of a language group)
    languages: tuple[str, ...]  # every language this text is stored in
    language_ids: dict  # language -> version id
    label: str

    @property
    def id(self) -> int:
        return self.version.id


@dataclass(frozen=True)
class FamilyRow:
    family: object  # FamilyInfo
    versions: tuple[VersionRow, ...]


def _language_key(lang: str) -> tuple[int, str]:
    return (0 if lang == "en" else 1, lang)


def version_rows(members: Sequence) -> list[VersionRow]:
    """Versions of one family, language versions of one text on one row."""
    groups: dict[tuple, list] = {}
    for v in members:
        key = (v.symbol or f"#{v.id}", v.stage or "", v.date or "")
        groups.setdefault(key, []).append(v)
    rows = []
    for group in groups.values():
        by_language: dict[str, list] = {}
        for v in group:
            by_language.setdefault(v.language or "en", []).append(v)
        # two files of one text in one language (the .md and the .txt of one PDF):
        # separate rows, told apart by their source
        split = max(len(vs) for vs in by_language.values()) > 1
        if split:
            for v in group:
                rows.append(
                    VersionRow(
                        v, (v.language or "en",), {v.language or "en": v.id}, _label(v, True)
                    )
                )
            continue
        langs = tuple(sorted(by_language, key=_language_key))
        main = by_language[langs[0]][0]
        ids = {lang: vs[0].id for lang, vs in by_language.items()}
        rows.append(VersionRow(main, langs, ids, _label(main, False)))
    rows.sort(key=lambda r: (r.version.date or "9999", r.version.id))
    return rows


def _label(v, with_source: bool) -> str:
    name = v.symbol or v.title or v.source or f"version {v.id}"
    if with_source and v.source and v.source != name:
        name += f" ({v.source})"
    return name


def _matches(words: list[str], *fields) -> bool:
    text = " ".join(f for f in fields if f).casefold()
    return all(w in text for w in words)


def library_rows(
    families: Sequence, versions: Sequence, *, filter_text: str = "", sort: str = "recent"
) -> list[FamilyRow]:
    """Families with their version rows; a filter keeps a family when its title or any
    of its versions matches every word (and then only the matching versions, unless
    the title itself matched)."""
    words = filter_text.casefold().split()
    by_family: dict[int, list] = {}
    for v in versions:
        by_family.setdefault(v.family_id, []).append(v)
    out = []
    for fam in families:
        rows = version_rows(by_family.get(fam.id, []))
        if words and not _matches(words, fam.name):
            rows = [
                r
                for r in rows
                if _matches(
                    words,
                    r.version.symbol,
                    r.version.title,
                    r.version.stage,
                    r.version.date,
                    r.version.source,
                    " ".join(r.languages),
                )
            ]
            if not rows:
                continue
        out.append(FamilyRow(fam, tuple(rows)))
    out.sort(key=_sort_key(sort), reverse=sort in ("date", "recent"))
    return out


def _sort_key(sort: str):
    if sort == "symbol":
        return lambda r: (
            min((_symbol_key(v.version.symbol) for v in r.versions), default=((9,), "")),
            r.family.id,
        )
    if sort == "date":  # (reversed) newest text first
        return lambda r: (max((v.version.date or "" for v in r.versions), default=""), r.family.id)
    if sort == "title":
        return lambda r: ((r.family.name or "").casefold(), r.family.id)
    return lambda r: r.family.id  # (reversed) recently added first


def _symbol_key(symbol: str | None) -> tuple:
    """A/RES/9/10 after A/RES/9/9: numbers compare as numbers."""
    if not symbol:
        return ((9,), "")
    parts = []
    for chunk in symbol.replace(".", "/").split("/"):
        parts.append((0, int(chunk), "") if chunk.isdecimal() else (1, 0, chunk))
    return (tuple(parts), symbol)
