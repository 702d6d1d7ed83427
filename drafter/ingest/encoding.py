"""Bytes to text for the plain-text readers (.txt, .md).

Drafters receive text files saved by many tools: UTF-8 with or without a BOM,
UTF-16 from Windows "Unicode" saves, and cp1252 from older Word "Text only"
exports. We read all of those rather than refuse them, and refuse only what is
clearly not text (binary content), so a wrong encoding never shows as mojibake
paragraphs.
"""

from __future__ import annotations

import codecs

from drafter.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text file (tab, LF, CR and FF are fine).
_BAD_CONTROLS = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the pattern of zero bytes in ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zero = data[0::2].count(0)
    odd_zero = data[1::2].count(0)
    half = len(data) // 2
    if odd_zero > 0.4 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.4 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) in _BAD_CONTROLS)
    return bad / len(text)


def decode_text(data: bytes, path: object = "<text>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding_used)``.

    Raises :class:`IngestError` for binary content. The text is returned as is
    (line endings and normalisation are the cleaner's job).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"damaged {enc.upper()} text ({exc.reason})") from None
            return _check_text(text, path), enc
    guess = _looks_like_utf16_without_bom(data[:4096])
    if guess:
        try:
            return _check_text(data.decode(guess), path), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise IngestError(path, "not a text file (binary content)")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        enc = "latin-1"
    return _check_text(text, path), enc


def _check_text(text: str, path: object) -> str:
    if "\x00" in text or _control_ratio(text[:20000]) > 0.01:
        raise IngestError(path, "not a text file (binary content)")
    return text
