"""DOCX text through python-docx, after a zip-bomb check with the standard library.

Text comes out in document order: body paragraphs, table cells (row by row, one paragraph a line; resumes
often use tables for layout), content controls and text boxes, with a blank line after each table. The
page header (name and contact details often live there) comes first; footers are skipped. List items
get a ``•`` because Word keeps bullets in the numbering definitions, not in the text.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import CorruptDocumentError, DocumentTooLargeError, UnsupportedFormatError
from ..limits import Limits
from .deadline import Deadline, DeadlineExceeded
from .document import Document
from .docx_layout import column_items, is_layout_table
from .docx_parts import check_xml_parts

MAIN_PART = "word/document.xml"
#: what zipfile raises on a damaged archive (NotImplementedError: "zip file version 18.6", an unknown
#: compression method; RuntimeError: an encrypted member; both found by fuzz/fuzz_readers.py)
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    struct.error,
)
_MAX_ENTRIES = 10_000
#: a member inflating more than this many times (and past 1 MB) is a zip bomb, not a Word file
_MAX_RATIO = 200
_PARSE_ERRORS: tuple[type[BaseException], ...] = (  # and lxml's and python-docx's errors (``read_docx``)
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    *ZIP_ERRORS,  # a damaged deflate stream inside the zip escaped as zlib.error (fuzz/fuzz_readers.py)
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    """``docx.oxml.ns.qn`` for the ``w:`` namespace, without importing python-docx (~55 ms) until a DOCX
    is read."""
    prefix, _, name = tag.partition(":")
    assert prefix == "w", tag
    return f"{{{_W}}}{name}"


_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_T, _TAB, _BR, _CR, _NB_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_TXBX = qn("w:txbxContent")
_PPR, _NUMPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:numPr"), qn("w:pStyle"), qn("w:val")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE, _FALLBACK = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Fallback"
#: inside a paragraph: subtrees whose text is not the paragraph's own
_SKIP_IN_PARAGRAPH = frozenset({_TXBX, _FALLBACK, qn("w:del"), qn("w:instrText"), qn("w:delText")})


def check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open the zip and refuse bombs and non-Word zips before anything inflates it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise CorruptDocumentError(f"this DOCX is damaged (not a valid zip file: {exc}); re-save it") from None
    if len(infos) > _MAX_ENTRIES:
        raise DocumentTooLargeError(f"this DOCX holds {len(infos):,} files, over {_MAX_ENTRIES:,}; re-save it")
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise DocumentTooLargeError(
            f"this DOCX would inflate to {total / 1e6:.1f} MB, over the "
            f"{limits.max_uncompressed_bytes / 1e6:.0f} MB limit; pass a larger max_uncompressed_bytes"
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
            raise DocumentTooLargeError(
                f"this DOCX looks like a zip bomb ({info.filename} inflates "
                f"{info.file_size // max(info.compress_size, 1):,} times); refusing to open it"
            )
    check_xml_parts(infos, limits)
    if MAIN_PART not in archive.namelist():
        raise UnsupportedFormatError(
            "this zip file is not a Word document (no word/document.xml); save it as PDF or DOCX"
        )
    return archive


def read_docx(data: bytes, *, source: str | None, limits: Limits, deadline: Deadline | None = None) -> Document:
    """Extract the text of a DOCX; raise an ``InputError`` subclass for anything we cannot read.

    ``deadline`` is checked between blocks (a body of millions of tiny paragraphs fits the zip limits).
    """
    import docx  # imported here: a PDF or text run never needs it
    from docx.opc.exceptions import OpcError
    from lxml import etree

    parse_errors: tuple[type[BaseException], ...] = (OpcError, etree.LxmlError, *_PARSE_ERRORS)
    check_zip(data, limits)
    deadline = deadline or Deadline(limits.time_budget_s)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [*_header_blocks(document, deadline), *_blocks(document.element.body, deadline)]
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise UnsupportedFormatError(
                "this file is not a Word .docx document (a template or macro file?); save it as PDF or DOCX"
            ) from None
        raise CorruptDocumentError(f"this DOCX is damaged and cannot be read ({_why(exc)})") from None
    except parse_errors as exc:
        raise CorruptDocumentError(f"this DOCX is damaged and cannot be read ({_why(exc)})") from None
    except DeadlineExceeded:
        raise deadline.error("reading this DOCX") from None
    text = "\n".join(blocks).strip("\n")
    return Document(text=text, format="docx", source=source)


def _header_blocks(document: Any, deadline: Deadline) -> list[str]:
    """Distinct page-header lines of every section, then a blank line."""
    seen: set[str] = set()
    lines: list[str] = []
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            if header.is_linked_to_previous:
                continue
            text = "\n".join(_blocks(header._element, deadline)).strip("\n")
            if text and text not in seen:
                seen.add(text)
                lines.append(text)
    return [*lines, ""] if lines else []


def _blocks(container: Any, deadline: Deadline) -> Iterator[str]:
    """Lines of a block container (body, cell, text box, header) in document order; no recursion."""
    stack: list[Iterator[Any]] = [iter(container)]
    steps = 0
    while stack:
        steps += 1
        if steps % 512 == 0:
            deadline.check()
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if isinstance(element, str):  # a finished table row, or the blank line after a table
            yield element
            continue
        tag = element.tag
        if tag == _P:
            yield _paragraph_text(element)
            boxes = [box for box in element.iter(_TXBX) if _own_box(box, element)]
            if boxes:
                stack.append(iter(boxes))
        elif tag == _TBL:
            stack.append(_table_items(element))
        elif tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML, _TC, _TXBX, _ALTERNATE):
            stack.append(iter(element))


def _table_items(table: Any) -> Iterator[Any]:
    """Row by row: a row of one-line cells as one tab-joined line, else its cells to walk; then ``''``.

    One-line rows keep "Title<TAB>Dates" together as a PDF would; layout tables (a sidebar cell, a main
    cell) come out cell after cell, column by column when they have several rows (:mod:`.docx_layout`).
    Nested tables are reached through their cells.
    """
    if is_layout_table(table):
        yield from column_items(table)
        return
    for row in table:
        if row.tag != _TR:
            continue
        cells = [cell for cell in row if cell.tag in (_TC, _SDT)]
        simple = _one_line_cells(cells)
        if simple is None:
            yield from cells
        elif any(simple):
            yield "\t".join(text for text in simple if text)
    yield ""


def _one_line_cells(cells: list[Any]) -> list[str] | None:
    """The texts of the cells when each is a plain cell of at most one non-empty line, else None."""
    texts: list[str] = []
    for cell in cells:
        if cell.tag != _TC or cell.find(_TBL) is not None or next(cell.iter(_TXBX), None) is not None:
            return None
        lines = [t for t in (_paragraph_text(p) for p in cell.iter(_P)) if t.strip()]
        if len(lines) > 1 or any("\n" in t for t in lines):
            return None
        texts.append(lines[0].strip() if lines else "")
    return texts


def _own_box(box: Any, paragraph: Any) -> bool:
    """A text box of this paragraph: not in a compatibility fallback copy, not inside another box."""
    parent = box.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (_FALLBACK, _TXBX):
            return False
        parent = parent.getparent()
    return True


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    if _is_list_item(paragraph):
        parts.append("• ")
    stack: list[Iterator[Any]] = [iter(paragraph)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
            continue
        if tag == _T:
            parts.append(element.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag != _PPR:
            stack.append(iter(element))
    return "".join(parts)


def _is_list_item(paragraph: Any) -> bool:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        return False
    if ppr.find(_NUMPR) is not None:
        return True
    style = ppr.find(_PSTYLE)
    return style is not None and str(style.get(_VAL, "")).lower().startswith("listbullet")


def _why(exc: BaseException) -> str:
    # the class only: a parser's message can quote the bytes around the damage, the document's text included
    return type(exc).__name__


__all__ = ["MAIN_PART", "check_zip", "read_docx"]
