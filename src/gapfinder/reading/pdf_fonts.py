"""A bound on the memory pypdf spends on a page's fonts, checked before the page is read.

To extract a page's text, pypdf builds a character map (from the font's ``/ToUnicode`` CMap) and a width
table for *every* font in the page's resources, and again for the fonts of each form the page draws. Each
is capped at 100,000 entries, but per font: a 95 KB PDF whose page lists hundreds of fonts that all point
at one 50-byte CMap (``<00000000> <000182B7> <0041>`` expands to 99,000 entries) took a worker to 1.6 GB.

:func:`check_page_fonts` adds up, before pypdf starts, how many entries the maps and tables of a page's
fonts would hold (a CMap is parsed once however many fonts share it; the count is what pypdf would build
for each) and refuses the document with ``DocumentTooLargeError`` above ``Limits.max_font_entries``. Real
pages stay far below: a subset font maps a few hundred codes, a full CJK font some tens of thousands.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DocumentTooLargeError
from ..limits import Limits

#: pypdf's own cap on one character map and on one width table (``LimitReachedError`` beyond)
PYPDF_MAX_ENTRIES = 100_000
#: forms drawn inside forms are followed this deep (pypdf holds the fonts of each level at once)
_MAX_DEPTH = 12
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_RANGE = re.compile(rb"<\s*([0-9A-Fa-f ]{1,40})>\s*<\s*([0-9A-Fa-f ]{1,40})>")
_HEX_STRING = re.compile(rb"<[^<>]*>")
#: what a damaged font dictionary can raise while it is inspected (pypdf resolves references lazily)
_INSPECT_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, LookupError)


def check_page_fonts(page: Any, number: int, limits: Limits, memo: dict[int, int]) -> None:
    """Refuse the PDF when the fonts of page ``number`` would need more than ``limits.max_font_entries``
    map and width entries. ``memo`` (one per document) keeps each font object's count."""
    try:
        entries = _resources_entries(page.get("/Resources"), memo, set(), 0)
    except _INSPECT_ERRORS:  # a damaged dictionary: pypdf's own checks deal with it
        return
    except Exception as exc:  # pypdf's errors (PdfReadError on a dangling reference): the same
        if type(exc).__module__.startswith("pypdf"):
            return
        raise
    if entries > limits.max_font_entries:
        raise DocumentTooLargeError(
            f"page {number} of this PDF uses fonts whose character maps and width tables add up to "
            f"{entries:,} entries, over the {limits.max_font_entries:,} limit (the file may be crafted to "
            "exhaust memory): re-export it, or pass a larger max_font_entries"
        )


def _resources_entries(resources: Any, memo: dict[int, int], seen: set[int], depth: int) -> int:
    resources = _resolve(resources)
    if not isinstance(resources, dict) or id(resources) in seen or depth > _MAX_DEPTH:
        return 0
    seen.add(id(resources))
    total = 0
    fonts = _resolve(resources.get("/Font"))
    if isinstance(fonts, dict):
        for ref in fonts.values():
            total += _font_entries(_resolve(ref), memo)
    xobjects = _resolve(resources.get("/XObject"))
    if isinstance(xobjects, dict):
        for ref in xobjects.values():
            xobject = _resolve(ref)
            if isinstance(xobject, dict) and xobject.get("/Subtype") == "/Form":
                total += _resources_entries(xobject.get("/Resources"), memo, seen, depth + 1)
    return total


def _font_entries(font: Any, memo: dict[int, int]) -> int:
    """What pypdf builds for one font: its character map plus its width table."""
    if not isinstance(font, dict):
        return 0
    known = memo.get(id(font))
    if known is not None:
        return known
    count = 256  # an encoding of single-byte codes, or widths of a simple font
    to_unicode = _resolve(font.get("/ToUnicode"))
    if to_unicode is not None and hasattr(to_unicode, "get_data"):
        count += _shared(to_unicode, memo, _cmap_entries)
    descendants = _resolve(font.get("/DescendantFonts"))
    if isinstance(descendants, list):
        for descendant in descendants:
            widths = _resolve(_resolve(descendant).get("/W")) if isinstance(_resolve(descendant), dict) else None
            if isinstance(widths, list):
                count += _shared(widths, memo, _width_entries)
    memo[id(font)] = count
    return count


def _shared(obj: Any, memo: dict[int, int], count: Any) -> int:
    """``count(obj)``, once per object: fonts that share a CMap share its parsing here (not in pypdf)."""
    known = memo.get(id(obj))
    if known is None:
        known = memo[id(obj)] = min(PYPDF_MAX_ENTRIES, count(obj))
    return known


def _cmap_entries(stream: Any) -> int:
    data = stream.get_data()
    if isinstance(data, str):
        data = data.encode("latin-1", "replace")
    entries = 0
    for block in _BFRANGE.finditer(data):
        for pair in _RANGE.finditer(data, block.start(1), block.end(1)):
            codes = [x.replace(b" ", b"") for x in pair.groups()]
            width = (max(map(len, codes)) + 1) // 2  # bytes per code, as pypdf decodes them
            try:
                size = int(codes[1], 16) - int(codes[0], 16) + 1
            except ValueError:
                continue
            # pypdf refuses a range over its cap before building it, and skips codes it cannot decode
            if 0 < size <= PYPDF_MAX_ENTRIES and (width == 1 or width % 2 == 0):
                entries += size
            if entries >= PYPDF_MAX_ENTRIES:
                return entries
    for block in _BFCHAR.finditer(data):
        entries += sum(1 for _ in _HEX_STRING.finditer(data, block.start(1), block.end(1))) // 2
    return entries


def _width_entries(widths: list[Any]) -> int:
    """CID widths: ``c [w1 w2 ...]`` is one entry per width, ``c_first c_last w`` one per code."""
    entries, i = 0, 0
    items = [_resolve(x) for x in widths]
    while i < len(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        if isinstance(nxt, list):
            entries += len(nxt)
            i += 2
        elif i + 2 < len(items) and all(isinstance(x, int | float) for x in items[i : i + 3]):
            entries += max(0, int(items[i + 1]) - int(items[i]) + 1)
            i += 3
        else:
            i += 1
        if entries >= PYPDF_MAX_ENTRIES:
            break
    return entries


def _resolve(obj: Any) -> Any:
    get_object = getattr(obj, "get_object", None)
    return get_object() if get_object is not None else obj


__all__ = ["PYPDF_MAX_ENTRIES", "check_page_fonts"]
