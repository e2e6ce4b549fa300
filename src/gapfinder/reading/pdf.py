"""PDF text through pypdf (plain extraction mode), with every failure mapped to an ``InputError``.

Each page's text is pypdf's, put in reading order when the page has columns (:mod:`.layout`).

pypdf's own decompression limits (``pypdf.filters`` / ``pypdf.Configuration``) are kept at their
defaults. The time budget (``Limits.time_budget_s``) is a :class:`~.deadline.Deadline` checked between
pages and every few hundred content-stream operators (pypdf's ``visitor_operand_before``); on the main
thread a ``SIGALRM`` timer also interrupts work that makes no callback (see :mod:`.deadline`).

File-level quality signals are found here: ``truncated`` (no ``%%EOF``), ``repaired`` (the cross-reference
table is broken and pypdf rebuilt it), ``unreadable_pages``, ``scanned_pages`` (pages that are an image
with no text), ``two_columns`` (columns read one after the other, or whose order could not be fixed).
Text-level signals (little text, garbled text) are the analysis's, in :mod:`gapfinder.text.quality`, for every
format. A PDF whose text is mostly garbled is refused with
``NoTextLayerError``: the fix (OCR) is the same as for a scan, and nothing useful can come out of it.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import replace
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
from pypdf.errors import DeprecationError as PypdfDeprecationError

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
from ..text.quality import garbage_ratio
from .deadline import Deadline, DeadlineExceeded
from .document import Document
from .layout import read_page
from .pdf_fonts import check_page_fonts

#: what a malformed file can make pypdf raise besides its own errors
PARSE_ERRORS: tuple[type[BaseException], ...] = (
    PyPdfError,
    PypdfDeprecationError,  # a filter abbreviation pypdf 7 removed ("/Fl" in a stream: found by hypothesis)
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
_EMPTY_PAGE = 10  # a page with fewer non-space characters has no text layer worth the name
_EOF_TAIL = 2048
_STARTXREF = re.compile(rb"startxref\s+(\d{1,15})")
_OBJ_HEADER = re.compile(rb"\d+\s+\d+\s+obj")
_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s.*?\sID\s", re.DOTALL)
#: share of garbled text (see gapfinder.text.quality) at which a PDF is refused as having no usable text layer
REFUSE_GARBAGE = 0.6


def read_pdf(
    data: bytes,
    *,
    source: str | None,
    password: str | None,
    limits: Limits,
    deadline: Deadline | None = None,
) -> Document:
    """Extract the text of a PDF; raise an ``InputError`` subclass for anything we cannot read."""
    deadline = deadline or Deadline(limits.time_budget_s)
    progress = _Progress()
    try:
        return _read(data, password, limits, deadline, progress, source)
    except DeadlineExceeded:
        where = f"stopped at page {progress.page} of {progress.pages}" if progress.page else "while opening it"
        raise deadline.error("reading this PDF", where) from None


class _Progress:
    page = 0
    pages = 0


def _read(
    data: bytes, password: str | None, limits: Limits, deadline: Deadline, progress: _Progress, source: str | None
) -> Document:
    truncated = b"%%EOF" not in data[-_EOF_TAIL:]
    try:
        reader, n_pages = _open(data, password)
    except CorruptDocumentError:
        if not truncated:
            raise
        deadline.check()
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
    progress.pages = n_pages
    pages = _extract_pages(reader, n_pages, limits, deadline, progress)
    try:
        document = _assemble(pages, source=source, n_pages=n_pages)
    except NoTextLayerError:
        if any(p.has_images for p in pages) or not (truncated or xref_damaged(data)):
            raise
        # a damaged file that yields no text is damaged, not scanned: say so
        raise CorruptDocumentError(
            "this PDF is damaged (broken cross-reference table) and no text could be read from it; re-export it as PDF"
        ) from None
    structural: list[DocumentWarning] = []
    if truncated:
        structural.append(
            DocumentWarning(
                code="truncated",
                message="the PDF looks truncated (no %%EOF end marker); some text may be missing",
            )
        )
    elif xref_damaged(data):
        structural.append(
            DocumentWarning(
                code="repaired",
                message="the PDF's cross-reference table is damaged and was rebuilt; some text may be missing",
            )
        )
    if structural:
        document = replace(document, warnings=(*structural, *document.warnings))
    return document


def xref_damaged(data: bytes) -> bool:
    """True when the last ``startxref`` is missing or does not point at an xref table or xref stream."""
    found = [*_STARTXREF.finditer(data, max(0, len(data) - 4 * _EOF_TAIL))]
    if not found:
        return True
    offset = int(found[-1].group(1))
    if offset >= len(data):
        return True
    head = data[offset : offset + 64].lstrip()
    return not (head.startswith(b"xref") or _OBJ_HEADER.match(head))


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
        raise EncryptedDocumentError("this PDF is password-protected; pass its password")
    if not reader.decrypt(password):
        raise EncryptedDocumentError("wrong password for this PDF; check it and try again")


def _needs_crypto(exc: DependencyError) -> EncryptedDocumentError:
    return EncryptedDocumentError(
        "this PDF uses AES encryption, which needs the 'cryptography' package; "
        f"install it with: pip install cryptography ({_why(exc)})",
        needs_password=False,
    )


class _Page:
    """What one page gave: its text, whether it failed, had columns (read in order or not), or is an image
    without text."""

    __slots__ = ("columns_read", "failed", "has_images", "text", "two_columns")

    def __init__(
        self, text: str, *, failed: bool = False, two_columns: bool = False, columns_read: bool = False
    ) -> None:
        self.text = text
        self.failed = failed
        self.two_columns = two_columns
        self.columns_read = columns_read
        self.has_images = False


def _extract_pages(
    reader: PdfReader, n_pages: int, limits: Limits, deadline: Deadline, progress: _Progress
) -> list[_Page]:
    """One :class:`_Page` per page, in order; raises at the character limit or the deadline."""
    pages: list[_Page] = []
    chars = 0
    fonts: dict[int, int] = {}
    for number in range(1, n_pages + 1):
        progress.page = number
        deadline.check()
        try:
            page = reader.pages[number - 1]
            check_page_fonts(page, number, limits, fonts)
            text, order = read_page(page, deadline.visit_operator, PARSE_ERRORS)
            result = _Page(text, two_columns=order == "mixed", columns_read=order == "columns")
        except FileNotDecryptedError:
            raise EncryptedDocumentError("this PDF is password-protected; pass its password") from None
        except DependencyError as exc:
            raise _needs_crypto(exc) from None
        except PARSE_ERRORS:
            result = _Page("", failed=True)
        if "\r" in result.text:  # pypdf breaks lines with \n; a lone \r is a glyph of the font (Word's PDFs)
            result.text = result.text.replace("\r\n", "\n").replace("\r", " ")
        if not result.failed and _visible(result.text) < _EMPTY_PAGE:
            result.has_images = _has_images(page)
        pages.append(result)
        chars += len(result.text) + len(_PAGE_SEPARATOR)
        if chars > limits.max_chars:
            raise DocumentTooLargeError(
                f"PDF text is over the {limits.max_chars:,} character limit (at page {number} of "
                f"{n_pages}); pass a larger max_chars"
            )
    return pages


def _has_images(page: Any) -> bool:
    """An image XObject on the page or in a form it draws (one level deep), or an inline image."""
    try:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in (xobjects or {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                return True
            if xobject.get("/Subtype") == "/Form":
                inner: Any = xobject.get("/Resources")
                inner = inner.get_object().get("/XObject") if inner is not None else None
                inner = inner.get_object() if inner is not None else {}
                if any(x.get_object().get("/Subtype") == "/Image" for x in inner.values()):
                    return True
        contents = page.get_contents()
        return contents is not None and _INLINE_IMAGE.search(contents.get_data()[:1_000_000]) is not None
    except PARSE_ERRORS:
        return False


def _assemble(pages: list[_Page], *, source: str | None, n_pages: int) -> Document:
    texts = [p.text for p in pages]
    visible = [_visible(t) for t in texts]
    if max(visible) < _EMPTY_PAGE:  # a page number or a watermark is not a text layer
        if all(p.failed for p in pages):
            raise CorruptDocumentError("this PDF is damaged: no page could be read; re-export it as PDF")
        if any(p.has_images for p in pages):
            raise NoTextLayerError(
                "this PDF has no text layer: its pages are images (a scan?); run OCR first, e.g. ocrmypdf"
            )
        raise NoTextLayerError(
            "this PDF has no text layer (scanned, or text drawn as shapes?); run OCR first, e.g. ocrmypdf"
        )
    text = _PAGE_SEPARATOR.join(texts)
    garbage = garbage_ratio(text)
    if garbage >= REFUSE_GARBAGE:
        raise NoTextLayerError(
            f"this PDF's text layer is unreadable ({garbage:.0%} garbled: a broken font encoding); "
            "run OCR first, e.g. ocrmypdf"
        )
    warnings: list[DocumentWarning] = []

    def warn(code: str, message: str) -> None:
        warnings.append(DocumentWarning(code=code, message=message))

    failed = [i + 1 for i, p in enumerate(pages) if p.failed]
    if failed:
        warn("unreadable_pages", f"page(s) {_numbers(failed)} could not be read and were skipped")
    scanned = [i + 1 for i, p in enumerate(pages) if p.has_images]
    if scanned:
        warn(
            "scanned_pages",
            f"page(s) {_numbers(scanned)} are images without text (scanned?); their text is missing: OCR them first",
        )
    read = [i + 1 for i, p in enumerate(pages) if p.columns_read]
    if read:
        warn(
            "two_columns", f"page(s) {_numbers(read)} have two columns; each column was read top to bottom, left first"
        )
    if any(p.two_columns for p in pages):
        warn("two_columns", "possible two-column layout; reading order may be mixed")
    return Document(text=text, format="pdf", source=source, pages=n_pages, warnings=tuple(warnings))


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _numbers(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" and {len(pages) - 10} more" if len(pages) > 10 else "")


def _why(exc: BaseException) -> str:
    # the class only: a parser's message can quote the bytes around the damage, the document's text included
    return type(exc).__name__


__all__ = ["PARSE_ERRORS", "REFUSE_GARBAGE", "garbage_ratio", "read_pdf", "xref_damaged"]
