"""Plain text and Markdown: decode the bytes, keep the text as it is (Markdown markup included).

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; else strict UTF-8; else UTF-16 without a
BOM when the NUL bytes say so; else Windows-1252 (Latin-1 for its five undefined bytes) with an
``encoding_fallback`` warning. Line ends become ``\\n``. Bytes that decode to mostly control characters
are binary, not text, and are refused.
"""

from __future__ import annotations

import codecs

from ..errors import UnsupportedFormatError
from ..models import DocumentWarning

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: control characters that plain text legitimately holds
_TEXT_CONTROLS = frozenset("\t\n\r\x0c")
_SAMPLE = 64 * 1024

BINARY_MESSAGE = "this file is binary, not a PDF, DOCX or text document; save it as PDF or DOCX"


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit in every other position, as in UTF-16 ASCII text."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _cp1252_table() -> dict[int, str]:
    """Latin-1 -> Windows-1252 for 0x80-0x9F; cp1252 leaves five of them undefined (kept as Latin-1)."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252 = _cp1252_table()


def decode_text(data: bytes) -> tuple[str, tuple[DocumentWarning, ...]]:
    """Decode text bytes; raise ``UnsupportedFormatError`` for binary data."""
    warnings: list[DocumentWarning] = []
    encoding = bom_encoding(data)
    if encoding is not None:
        text = _decode_replacing(data[len(_bom_for(encoding)) :], encoding, warnings)
    elif (utf16 := utf16_without_bom(data)) is not None:
        text = _decode_replacing(data, utf16, warnings)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_fallback(data, warnings)
    if _looks_binary(text):
        raise UnsupportedFormatError(BINARY_MESSAGE)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, tuple(warnings)


def _decode_fallback(data: bytes, warnings: list[DocumentWarning]) -> str:
    warnings.append(_fallback("the file is not valid UTF-8; it was read as Windows-1252, some characters may be wrong"))
    return data.decode("latin-1").translate(_CP1252)


def _decode_replacing(data: bytes, encoding: str, warnings: list[DocumentWarning]) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        warnings.append(_fallback(f"some bytes are not valid {encoding.upper()}; they were replaced"))
        return data.decode(encoding, errors="replace")


def _bom_for(encoding: str) -> bytes:
    return next(bom for bom, enc in _BOMS if enc == encoding)


def _fallback(message: str) -> DocumentWarning:
    return DocumentWarning(code="encoding_fallback", message=message)


def _looks_binary(text: str) -> bool:
    """NUL characters, or more than 2% control characters in the first 64k characters."""
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
    return controls > 0.02 * max(len(sample), 1)


__all__ = ["BINARY_MESSAGE", "bom_encoding", "decode_text", "utf16_without_bom"]
