"""What a comparison ignores: one setting shared by the screen, the CLI and the exports.

Word and Litera let the reader leave out differences that are not changes of
wording; Drafter offers the same five, and by default hides hyphen variants (a
non-breaking hyphen U+2011 against a hyphen) and quote variants (curly against
straight), which differ between extractions of one and the same text:

* ``formatting``: paragraphs whose only differences are formatting (footnote
  markers, spacing, quote and dash style) count as unchanged;
* ``hyphens``: hyphen, non-breaking hyphen, soft hyphen and minus sign are equal;
* ``quotes``: curly, straight and angle quotes are equal;
* ``whitespace``: any run of spaces (no-break spaces included) equals any other;
* ``numbering``: a renumbered paragraph shows its new number only.

An ignored difference shows the new text, as Word does; a redline then accepts
to the new text exactly and rejects to the old one up to the ignored variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from drafter.compare.tokens import _FOLD

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u00ad": ""})
# Quote variants: the ones the similarity folding maps to ' and " (one list for both).
_QUOTES = {code: to for code, to in _FOLD.items() if to in ("'", '"')}
_SPACE_RE = re.compile(r"\s+")

NAMES = ("formatting", "hyphens", "quotes", "whitespace", "numbering")
LABELS = {
    "formatting": "Formatting-only changes",
    "hyphens": "Hyphen variants (incl. non-breaking hyphen)",
    "quotes": "Quote variants (curly and straight)",
    "whitespace": "Whitespace",
    "numbering": "Numbering",
}


@dataclass(frozen=True, slots=True)
class Ignore:
    """Which differences a comparison leaves out (see the module docstring)."""

    formatting: bool = False
    hyphens: bool = True
    quotes: bool = True
    whitespace: bool = False
    numbering: bool = False

    @classmethod
    def nothing(cls) -> Ignore:
        return cls(False, False, False, False, False)

    @classmethod
    def parse(cls, text: str) -> Ignore:
        """``"hyphens,quotes"``, ``"none"``, ``"all"`` or ``"default"``; ValueError otherwise."""
        words = [w.strip().lower() for w in text.replace("+", ",").split(",") if w.strip()]
        if words in ([], ["none"], ["nothing"]):
            return cls.nothing()
        if words == ["default"]:
            return cls()
        if words == ["all"]:
            return cls(True, True, True, True, True)
        unknown = [w for w in words if w not in NAMES]
        if unknown:
            raise ValueError(
                f"unknown --ignore value {unknown[0]!r}: use any of {', '.join(NAMES)}, "
                "or none, all, default"
            )
        return cls(**{name: name in words for name in NAMES})

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    def to_text(self) -> str:
        return ",".join(self.names) or "none"

    @property
    def folds_text(self) -> bool:
        """Whether word tokens are compared through :meth:`token_key`."""
        return self.hyphens or self.quotes or self.whitespace

    def token_key(self, token: str) -> str:
        """What a diff token is compared by under this setting."""
        if self.whitespace and token[:1].isspace() and not token.strip():
            return " "
        if self.hyphens:
            token = token.translate(_HYPHENS)
        if self.quotes:
            token = token.translate(_QUOTES)
        return token

    def text_key(self, text: str) -> str:
        """A whole text folded the same way (whitespace runs collapsed when ignored)."""
        if self.hyphens:
            text = text.translate(_HYPHENS)
        if self.quotes:
            text = text.translate(_QUOTES)
        if self.whitespace:
            text = _SPACE_RE.sub(" ", text)
        return text

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` differ only in what this setting ignores."""
        if a == b or self.text_key(a) == self.text_key(b):
            return True
        if self.formatting:
            from drafter.compare.tokens import formatting_key

            return formatting_key(a) == formatting_key(b)
        return False

    @classmethod
    def of(cls, names) -> Ignore:
        """The setting a comparison recorded (:attr:`Comparison.ignore`)."""
        return cls(**{name: name in names for name in NAMES})


NOTHING = Ignore.nothing()
DEFAULT = Ignore()
