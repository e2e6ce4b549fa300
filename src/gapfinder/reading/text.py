"""Plain text and Markdown: decode the bytes, keep the text as it is (Markdown markup included).

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; else UTF-16 without a BOM when the NUL
bytes say so; else UTF-8, where each byte that is not valid UTF-8 is read as Windows-1252 (Latin-1 for its
five undefined bytes) with an ``encoding_fallback`` warning — so a UTF-8 file with a few pasted cp1252
characters keeps its UTF-8 text, and a pure cp1252 file reads as cp1252. Line ends become ``\\n``.
NUL bytes padding the end of a file are dropped; a few NULs inside the text are removed with a
``control_characters`` warning. Bytes that decode to mostly control characters are binary, not text, and
are refused.
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
    stray = max(2, 0.02 * half)  # U+0100, U+DC00 and the like have a NUL byte on the other side
    if odd.count(0) >= 0.4 * half and even.count(0) <= stray:
        return "utf-16-le"
    if even.count(0) >= 0.4 * half and odd.count(0) <= stray:
        return "utf-16-be"
    return None


def nul_share(data: bytes) -> float:
    """Share of NUL bytes in the first 64k bytes, after any NUL padding at the end."""
    sample = data[:_SAMPLE].rstrip(b"\x00")
    return sample.count(0) / max(len(sample), 1)


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
#: the lone surrogates of ``surrogateescape`` (U+DC80..U+DCFF stand for the bytes 0x80..0xFF) -> cp1252
_ESCAPED_CP1252 = {0xDC00 + byte: _CP1252.get(byte, chr(byte)) for byte in range(0x80, 0x100)}
#: more NUL characters than this share of the text make it binary
_MAX_NUL_SHARE = 0.01


def decode_text(data: bytes) -> tuple[str, tuple[DocumentWarning, ...]]:
    """Decode text bytes; raise ``UnsupportedFormatError`` for binary data."""
    warnings: list[DocumentWarning] = []
    encoding = bom_encoding(data)
    if encoding is not None:
        text = _decode_replacing(data[len(_bom_for(encoding)) :], encoding, warnings)
    elif (utf16 := utf16_without_bom(data)) is not None:
        text = _decode_replacing(data, utf16, warnings)
    else:
        data = data.rstrip(b"\x00")  # padding left by a preallocating writer or a failed copy
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_fallback(data, warnings)
    if "\x00" in text:
        nuls = text.count("\x00")
        if nuls > _MAX_NUL_SHARE * len(text):
            raise UnsupportedFormatError(BINARY_MESSAGE)
        text = text.replace("\x00", "")
        warnings.append(
            DocumentWarning(
                code="control_characters",
                message=f"the file holds {nuls:,} NUL byte(s) (damaged?); they were removed",
            )
        )
    if _looks_binary(text):
        raise UnsupportedFormatError(BINARY_MESSAGE)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, tuple(warnings)


def _decode_fallback(data: bytes, warnings: list[DocumentWarning]) -> str:
    """UTF-8 where it is valid, Windows-1252 for each byte that is not."""
    text = data.decode("utf-8", errors="surrogateescape").translate(_ESCAPED_CP1252)
    warnings.append(
        _fallback("some bytes are not valid UTF-8; they were read as Windows-1252, a few characters may be wrong")
    )
    return text


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
    """More than 2% control characters in the first 64k characters."""
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
    return controls > 0.02 * max(len(sample), 1)


__all__ = ["BINARY_MESSAGE", "bom_encoding", "decode_text", "nul_share", "utf16_without_bom"]
