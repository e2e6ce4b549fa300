"""PDF text through pypdf (plain extraction mode), with every failure mapped to an ``InputError``.

pypdf's own decompression limits (``pypdf.filters`` / ``pypdf.Configuration``) are kept at their
defaults. The time budget is checked between pages: one pathological page can still run long, but a
document cannot multiply it.
"""

from __future__ import annotations

import io
import math
import re
import struct
import time
import unicodedata
import zlib
from dataclasses import replace
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    NoTextLayerError,
)
from ..limits import Limits
from ..models import DocumentWarning
from .document import Document

#: what a malformed file can make pypdf raise besides its own errors
PARSE_ERRORS: tuple[type[BaseException], ...] = (
    PyPdfError,
    ValueError,  # includes UnicodeDecodeError
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    RecursionError,
    AssertionError,
    OverflowError,
    ZeroDivisionError,
    LookupError,
    NotImplementedError,
    EOFError,
    zlib.error,
    struct.error,
)
_PAGE_SEPARATOR = "\n\n"
_LITTLE_TEXT = 200  # non-space characters
_EMPTY_PAGE = 10  # a page with fewer non-space characters has no text layer worth the name...
_TEXT_PAGE = 100  # ...when another page has at least this many
_CID = re.compile(r"\(cid:\d+\)")
_EOF_TAIL = 2048


def read_pdf(data: bytes, *, source: str | None, password: str | None, limits: Limits) -> Document:
    """Extract the text of a PDF; raise an ``InputError`` subclass for anything we cannot read."""
    started = time.monotonic()
    truncated = b"%%EOF" not in data[-_EOF_TAIL:]
    try:
        reader, n_pages = _open(data, password)
    except CorruptDocumentError:
        if not truncated:
            raise
        try:  # the end marker alone went missing: pypdf reads the rest once it is there
            reader, n_pages = _open(data + b"\n%%EOF\n", password)
        except CorruptDocumentError:
            raise CorruptDocumentError(
                "this PDF is truncated (an incomplete download or copy?) and cannot be read; get the complete file"
            ) from None
    if n_pages == 0:
        raise EmptyDocumentError("this PDF has no pages")
    if n_pages > limits.max_pages:
        raise DocumentTooLargeError(
            f"PDF has {n_pages} pages, over the {limits.max_pages} page limit; pass a larger max_pages"
        )
    texts, failed, two_column_pages = _extract_pages(reader, n_pages, limits, started)
    document = _assemble(texts, failed, two_column_pages, source=source, n_pages=n_pages)
    if truncated:
        warning = DocumentWarning(
            code="truncated",
            message="the PDF looks truncated (no %%EOF end marker); some text may be missing",
        )
        document = replace(document, warnings=(warning, *document.warnings))
    return document


def _open(data: bytes, password: str | None) -> tuple[PdfReader, int]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, password)
        return reader, len(reader.pages)
    except InputError:
        raise
    except DependencyError as exc:
        raise _needs_crypto(exc) from None
    except PARSE_ERRORS as exc:
        raise CorruptDocumentError(f"this PDF is damaged and cannot be read ({_why(exc)})") from None


def _unlock(reader: PdfReader, password: str | None) -> None:
    if not reader.is_encrypted:
        return
    if reader.decrypt(""):
        return
    if password is None:
        raise EncryptedDocumentError("this PDF is password-protected; pass --password (or password=...)")
    if not reader.decrypt(password):
        raise EncryptedDocumentError("wrong password for this PDF; check --password (or password=...) and try again")


def _needs_crypto(exc: DependencyError) -> EncryptedDocumentError:
    return EncryptedDocumentError(
        "this PDF uses AES encryption, which needs the 'cryptography' package; "
        f"install it with: pip install cryptography ({_why(exc)})"
    )


def _extract_pages(reader: PdfReader, n_pages: int, limits: Limits, started: float) -> tuple[list[str], list[int], int]:
    """Page texts ('' for a page that failed), the 1-based numbers of failed pages, two-column pages."""
    texts: list[str] = []
    failed: list[int] = []
    two_column_pages = 0
    chars = 0
    for number in range(1, n_pages + 1):
        elapsed = time.monotonic() - started
        if elapsed > limits.time_budget_s:
            raise DocumentTooLargeError(
                f"reading this PDF took longer than {limits.time_budget_s:g}s (stopped at page {number} "
                f"of {n_pages}); pass a larger time_budget_s"
            )
        columns = _ColumnProbe()
        try:
            text = reader.pages[number - 1].extract_text(visitor_text=columns.visit)
        except FileNotDecryptedError:
            raise EncryptedDocumentError("this PDF is password-protected; pass --password (or password=...)") from None
        except DependencyError as exc:
            raise _needs_crypto(exc) from None
        except PARSE_ERRORS:
            failed.append(number)
            text = ""
        if "\r" in text:  # pypdf breaks lines with \n; a lone \r is a glyph of the font (Word's PDFs)
            text = text.replace("\r\n", "\n").replace("\r", " ")
        texts.append(text)
        two_column_pages += columns.two_columns()
        chars += len(text) + len(_PAGE_SEPARATOR)
        if chars > limits.max_chars:
            raise DocumentTooLargeError(
                f"PDF text is over the {limits.max_chars:,} character limit (at page {number} of "
                f"{n_pages}); pass a larger max_chars"
            )
    return texts, failed, two_column_pages


def _assemble(
    texts: list[str],
    failed: list[int],
    two_column_pages: int,
    *,
    source: str | None,
    n_pages: int,
) -> Document:
    visible = [_visible(t) for t in texts]
    if max(visible) < _EMPTY_PAGE:  # a page number or a watermark is not a text layer
        if failed and len(failed) == n_pages:
            raise CorruptDocumentError("this PDF is damaged: no page could be read; re-export it as PDF")
        raise NoTextLayerError("this PDF has no text layer (scanned?); run OCR first, e.g. ocrmypdf")
    text = _PAGE_SEPARATOR.join(texts)
    garbage = garbage_ratio(text)
    if garbage >= 0.6:
        raise NoTextLayerError(
            "this PDF's text layer is unreadable (broken font encoding); run OCR first, e.g. ocrmypdf"
        )
    warnings: list[DocumentWarning] = []

    def warn(code: str, message: str) -> None:
        warnings.append(DocumentWarning(code=code, message=message))

    if failed:
        warn("unreadable_pages", f"page(s) {_numbers(failed)} could not be read and were skipped")
    empty = [i + 1 for i, n in enumerate(visible) if n < _EMPTY_PAGE and i + 1 not in failed]
    if empty and max(visible) >= _TEXT_PAGE:
        warn("scanned_pages", f"page(s) {_numbers(empty)} have no text layer (scanned?); OCR them first")
    if garbage >= 0.1:
        warn("broken_encoding", f"{garbage:.0%} of the text looks garbled (broken font encoding)")
    if two_column_pages:
        warn("two_columns", "possible two-column layout; reading order may be mixed")
    if sum(visible) < _LITTLE_TEXT:
        warn("little_text", f"only {sum(visible)} characters of text were found; results will be thin")
    return Document(text=text, format="pdf", source=source, pages=n_pages, warnings=tuple(warnings))


def garbage_ratio(text: str) -> float:
    """Share of the non-space characters that are replacement, private-use, control or ``(cid:N)`` junk.

    Text whose non-space characters are mostly neither letters nor digits counts as garbage too.
    """
    cid_chars = sum(len(m) for m in _CID.findall(text))
    visible = 0
    bad = 0
    alnum = 0
    for ch in text:
        if ch.isspace():
            continue
        visible += 1
        if ch.isalnum():
            alnum += 1
        elif ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cs"):
            bad += 1
    if visible == 0:
        return 0.0
    junk = (bad + cid_chars) / visible
    if visible >= 50 and alnum < 0.3 * visible:
        junk = max(junk, 1.0 - alnum / visible)
    return min(junk, 1.0)


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _numbers(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" and {len(pages) - 10} more" if len(pages) > 10 else "")


def _why(exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


class _ColumnProbe:
    """Guesses a two-column page from where text runs start: an empty vertical gutter mid-page.

    Each text run is drawn as a horizontal band (its start ``x`` plus an estimated width) on a 100-bin
    histogram of the width the text spans. A page is two-column when some bin between 20% and 80% of the width
    is (almost) never covered while at least a fifth of the characters sit on each side of it.
    Right-aligned dates and margin labels (moderncv) put too few characters on one side to count.
    """

    BINS = 100
    MIN_RUNS = 20
    MAX_RUNS = 5000  # a sample is enough, and keeps a page of a million glyph runs cheap

    def __init__(self) -> None:
        self.runs: list[tuple[float, float, int]] = []  # (x, width, characters) in page units

    def visit(self, text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        stripped = text.strip()
        if not stripped or len(self.runs) >= self.MAX_RUNS:
            return
        try:
            x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
            scale = abs(float(tm[0]) * float(cm[0])) or 1.0
            wide = sum(1 for ch in stripped if ch >= "\u2e80")  # CJK: about one em each
            width = ((len(stripped) - wide) * 0.45 + wide) * float(size) * scale
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        if not math.isfinite(x + width) or abs(x) > 1e6:  # off any real page
            return
        self.runs.append((x, width, len(stripped)))

    def two_columns(self) -> int:
        if len(self.runs) < self.MIN_RUNS:
            return 0
        left_edge = min(x for x, _, _ in self.runs)
        right_edge = max(x + w for x, w, _ in self.runs)
        span = right_edge - left_edge
        if not (span > 0 and math.isfinite(span)):
            return 0
        cover = [0] * self.BINS
        for x, w, _ in self.runs:
            first = _clamp(int((x - left_edge) / span * self.BINS), self.BINS)
            last = _clamp(int((x + w - left_edge) / span * self.BINS), self.BINS)
            for i in range(first, last + 1):
                cover[i] += 1
        gutter = min(range(20, 81), key=cover.__getitem__)
        if cover[gutter] > max(2, 0.04 * len(self.runs)):
            return 0
        cut = left_edge + gutter / self.BINS * span
        total = sum(n for _, _, n in self.runs)
        left = sum(n for x, w, n in self.runs if x + w <= cut + 0.01 * span)
        right = sum(n for x, _, n in self.runs if x >= cut - 0.01 * span)
        return int(left >= 0.2 * total and right >= 0.2 * total)


def _clamp(i: int, bins: int) -> int:
    return 0 if i < 0 else bins - 1 if i >= bins else i


__all__ = ["PARSE_ERRORS", "garbage_ratio", "read_pdf"]
