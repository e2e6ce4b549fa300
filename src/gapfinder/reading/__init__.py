"""Reading stage: a file, bytes or a string in, a :class:`Document` out, or an ``InputError``.

The type is decided by the content, never by the file name: ``%PDF-`` in the first 1024 bytes is a
PDF, a zip holding ``word/document.xml`` is a DOCX, other known binary formats are refused, and the
rest is decoded as text (Markdown stays as it is). The name is used only to refuse a file that claims
to be a PDF or DOCX but is not one.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Literal

from .._unicode import LONE_SURROGATE, replace_surrogates
from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    UnsupportedFormatError,
)
from ..limits import DEFAULT_LIMITS, Limits
from ..models import DocumentWarning
from ..text.quality import garbage_warning
from .deadline import Deadline, DeadlineExceeded, run_with_deadline, time_budget_error
from .document import Document
from .docx import MAIN_PART, ZIP_ERRORS, read_docx
from .isolate import read_in_child
from .pdf import read_pdf
from .repair import mojibake_warning, repair_mojibake
from .stream import read_special
from .text import BINARY_MESSAGE, bom_encoding, decode_text, nul_share, utf16_without_bom

Format = Literal["pdf", "docx", "text"]

_SAVE_AS = "save it as PDF or DOCX"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the stream that holds the real (encrypted) package of a password-protected .docx/.xlsx, in UTF-16
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
#: magic bytes of formats we refuse, with what to call them
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (_CFB, "a legacy Office file (.doc, .xls or .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"%!PS", "a PostScript file"),
    (b"AT&TFORM", "a DjVu document"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: zip members that name what a zip which is not a DOCX is instead
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file"),
    ("META-INF/container.xml", "an EPUB book"),
)


def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read a PDF, DOCX, text or Markdown document from a path or from raw bytes.

    ``filename`` names the bytes in messages and in ``Document.source`` (for a path it overrides the
    path). ``password`` opens an encrypted PDF. Raises an ``InputError`` subclass when the document
    cannot be analysed.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise _too_big(len(data), limits)
        label = filename
    else:
        data = _read_file(source, limits)
        label = filename if filename is not None else os.fspath(source)
    if limits.isolation == "process":
        return read_in_child(data, label, password, limits)
    return read_bytes(data, label=label, password=password, limits=limits)


def read_bytes(data: bytes, *, label: str | None, password: str | None, limits: Limits) -> Document:
    """Read raw bytes in this process, within ``limits.time_budget_s`` (see :mod:`.deadline`)."""
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise EmptyDocumentError("the document is empty; pass a file with text in it")

    def read(deadline: Deadline) -> Document:
        fmt = sniff(data, label)
        if fmt == "pdf":
            return read_pdf(data, source=label, password=password, limits=limits, deadline=deadline)
        if fmt == "docx":
            return read_docx(data, source=label, limits=limits, deadline=deadline)
        text, warnings = decode_text(data)
        return Document(text=text, format="text", source=label, warnings=warnings)

    try:
        document = run_with_deadline(read, limits.time_budget_s)
    except DeadlineExceeded:
        raise time_budget_error(limits.time_budget_s) from None
    _check_text(document.text, limits)
    return _with_garbage_warning(_repaired(valid_unicode(document)))


def document_from_text(text: str, source: str | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Wrap text given from Python; it is kept as given (a lone surrogate becomes U+FFFD, one character for
    one), so offsets point into it."""
    if not isinstance(text, str):
        raise TypeError(f"document_from_text takes a str, not {type(text).__name__}; use read_document")
    _check_text(text, limits)
    return _with_garbage_warning(valid_unicode(Document(text=text, format="text", source=source)))


def valid_unicode(document: Document) -> Document:
    """``document`` with every lone surrogate (U+D800-U+DFFF, from a broken PDF font map, a JSON escape or
    ``surrogateescape``) in its text replaced by U+FFFD, with an ``invalid_unicode`` warning, and in its
    source name silently. The length does not change, so offsets computed on the text stay valid."""
    text, source = replace_surrogates(document.text), document.source
    if text is document.text and (source is None or replace_surrogates(source) is source):
        return document
    count = len(LONE_SURROGATE.findall(document.text)) if text is not document.text else 0
    warnings = document.warnings
    if count:
        warning = DocumentWarning(
            code="invalid_unicode",
            message=f"the text held {count:,} invalid Unicode code point(s) (lone surrogates, e.g. from a broken "
            "font map); each was replaced with U+FFFD",
        )
        warnings = (*warnings, warning)
    if source is not None:
        source = replace_surrogates(source)
    return dataclasses.replace(document, text=text, source=source, warnings=warnings)


def _repaired(document: Document) -> Document:
    """A file's text with its mojibake undone (see :mod:`.repair`)."""
    text, warning = repair_mojibake(document.text)
    if warning is None:
        return document
    return dataclasses.replace(document, text=text, warnings=(*document.warnings, warning))


def _with_garbage_warning(document: Document) -> Document:
    warning = garbage_warning(document.text) or mojibake_warning(document.text)
    if warning is None:
        return document
    return dataclasses.replace(document, warnings=(*document.warnings, warning))


def sniff(data: bytes, filename: str | None = None) -> Format:
    """The format of ``data`` by its content; raise ``UnsupportedFormatError`` for other formats."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    suffix = Path(filename).suffix.lower() if filename else ""
    if head.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if bom_encoding(head) is None and utf16_without_bom(data) is None:
        binary = nul_share(data) > 0.01  # a few stray NULs (or NUL padding) do not make text binary
        if head.startswith(_CFB) and _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(
                "this Word document is password-protected; remove the password in Word "
                "(File > Info > Protect Document) or save it as PDF",
                needs_password=False,
            )
        for magic, kind in _SIGNATURES:
            # "BM", "MZ", "RIFF" also start words: only data with NULs carrying them is refused for them
            if head.startswith(magic) and (b"\x00" in head or not magic.isalpha()):
                raise UnsupportedFormatError(f"this file is {kind}, not a PDF, DOCX or text document; {_SAVE_AS}")
        if binary:
            raise (_mislabelled(suffix) if suffix in (".pdf", ".docx") else UnsupportedFormatError(BINARY_MESSAGE))
    if suffix in (".pdf", ".docx"):
        raise _mislabelled(suffix)
    return "text"


def _sniff_zip(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except ZIP_ERRORS:
        raise CorruptDocumentError("this zip file (DOCX?) is damaged and cannot be opened; re-save it") from None
    if MAIN_PART in names:
        return "docx"
    kind = next((k for member, k in _ZIP_KINDS if member in names), "a zip archive")
    raise UnsupportedFormatError(f"this file is {kind}, not a Word document (no {MAIN_PART}); {_SAVE_AS}")


def _mislabelled(suffix: str) -> CorruptDocumentError:
    kind = "PDF" if suffix == ".pdf" else "DOCX"
    return CorruptDocumentError(
        f"the file is named {suffix} but does not look like a {kind} (damaged or renamed?); re-export it as {kind}"
    )


def _read_file(source: str | os.PathLike[str], limits: Limits) -> bytes:
    path = Path(os.fspath(source))
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the "path"
        if _looks_like_text(source) or isinstance(exc, ValueError):
            raise InputError(NOT_A_PATH) from None
        if isinstance(exc, FileNotFoundError):
            raise InputError(f"{path}: no such file") from None
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a directory; pass a PDF, DOCX or text file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: no size, and opening may block (``.stream``)
        return read_special(path, info, limits)
    if info.st_size > limits.max_bytes:
        raise _too_big(info.st_size, limits)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # the file may have grown since
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the permissions") from None
    if len(data) > limits.max_bytes:
        raise _too_big(len(data), limits)
    return data


#: a path names a folder or has a file suffix; a str with spaces and neither may be the document itself
_PATH_LIKE = re.compile(r"[/\\]|\.[A-Za-z0-9]{1,5}$")
NOT_A_PATH = (
    "no such file, and the argument does not look like a path (document text?): "
    "pass text to analyze_text() or compare_text(), files as paths or bytes"
)


def _looks_like_text(source: str | os.PathLike[str]) -> bool:
    """Whether a str given as a path may be document text: messages must then not repeat it."""
    if not isinstance(source, str):
        return False
    if "\n" in source or "\r" in source or len(source) > 255:
        return True
    return " " in source.strip() and _PATH_LIKE.search(source.strip()) is None


def _too_big(size: int, limits: Limits) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"file is {size / 2**20:.1f} MB, over the {limits.max_bytes / 2**20:g} MB limit; pass a larger max_bytes"
    )


#: the first character that is neither white space nor invisible (zero-width, soft hyphen, BOM, NUL)
_VISIBLE = re.compile("[^\\s\u200b\u200c\u200d\u2060\ufeff\u00ad\x00]")


def _check_text(text: str, limits: Limits) -> None:
    if _VISIBLE.search(text) is None:
        raise EmptyDocumentError("the document has no text; pass a document with text in it")
    if len(text) > limits.max_chars:
        raise DocumentTooLargeError(
            f"the text is {len(text):,} characters, over the {limits.max_chars:,} character limit; "
            "pass a larger max_chars"
        )


__all__ = ["Document", "document_from_text", "read_bytes", "read_document", "sniff", "valid_unicode"]
