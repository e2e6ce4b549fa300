"""How wide a PDF text operator's string is, from its font dictionary, to place it on the page.

Three cases, from the font dictionary alone (no font program is parsed):

- a simple font (Type1, TrueType, Type3) with ``/Widths``: the width of each byte code, exactly;
- a composite font (Type0, two bytes a glyph with Identity-H, the common case): the ``/W`` array of its
  descendant font, ``/DW`` for the rest;
- the standard 14 fonts, which carry no widths: their metrics as pypdf ships them
  (``pypdf._codecs.core_font_metrics``, a private module: when a pypdf release moves it, an estimate by
  character class takes over: spaces and narrow letters, capitals and digits, the rest; within about 10% of
  Helvetica's widths on English, wider than Times').

Widths are in ems (1000 glyph units). Anything unexpected in a damaged dictionary falls back to the
estimate: a width is only used to find a page's columns.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

#: at most this many /W entries are read (a crafted font can list millions)
MAX_W_ENTRIES = 20_000
_NARROW = frozenset(" !'(),-./:;I[]`fijlrt|\u00a0")
_WIDE = frozenset("MWmw@%")
_DEFAULT_EM = 0.5

Width = Callable[[bytes], tuple[float, int]]
"""A string's (width in ems, glyph count)."""


def estimate(data: bytes) -> tuple[float, int]:
    """Width by character class, for fonts without widths (the standard 14)."""
    width = 0.0
    for b in data:
        ch = chr(b)
        if ch in _NARROW:
            width += 0.28
        elif ch in _WIDE:
            width += 0.85
        elif ch.isupper() or ch.isdigit():
            width += 0.64
        else:
            width += 0.5
    return width, len(data)


def font_width(font: Any) -> Width:
    """The width function of a font dictionary (see the module doc)."""
    try:
        subtype = font.get("/Subtype")
        if subtype == "/Type0":
            return _composite(font)
        widths = font.get("/Widths")
        if widths is not None:
            return _simple(font, widths.get_object())
        core = _core(str(font.get("/BaseFont", "")))
        if core is not None:
            return core
    except Exception:
        pass
    return estimate


def _simple(font: Any, widths: Any) -> Width:
    first = int(font.get("/FirstChar", 0))
    table = [_number(w) / 1000.0 for w in islice(widths, 256)]
    known = [w for w in table if w > 0]
    missing = sum(known) / len(known) if known else _DEFAULT_EM

    def width(data: bytes) -> tuple[float, int]:
        total = 0.0
        for b in data:
            i = b - first
            total += table[i] if 0 <= i < len(table) and table[i] > 0 else missing
        return total, len(data)

    return width


def _core(base_font: str) -> Width | None:
    """The widths of a standard 14 font (or a subset of one: "ABCDEF+Helvetica"), if pypdf has them."""
    try:
        from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS
    except ImportError:  # pragma: no cover - depends on the pypdf release
        return None
    metrics = CORE_FONT_METRICS.get(base_font.lstrip("/").rpartition("+")[2])
    if metrics is None:
        return None
    table: dict[str, float] = {ch: w / 1000.0 for ch, w in metrics.character_widths.items()}
    default = table.get("default", _DEFAULT_EM)

    def width(data: bytes) -> tuple[float, int]:
        return sum(table.get(chr(b), default) for b in data), len(data)

    return width


def _composite(font: Any) -> Width:
    descendant = font["/DescendantFonts"].get_object()[0].get_object()
    default = _number(descendant.get("/DW", 1000)) / 1000.0
    table: dict[int, float] = {}
    listed = descendant.get("/W")
    entries = list(islice(listed.get_object() if listed is not None else [], MAX_W_ENTRIES))
    i = 0
    while i + 1 < len(entries) and len(table) < MAX_W_ENTRIES:
        start = int(entries[i])
        nxt = entries[i + 1].get_object() if hasattr(entries[i + 1], "get_object") else entries[i + 1]
        if isinstance(nxt, list):  # c [w1 w2 ...]
            for k, w in enumerate(islice(nxt, MAX_W_ENTRIES - len(table))):
                table[start + k] = _number(w) / 1000.0
            i += 2
        elif i + 2 < len(entries):  # c_first c_last w
            last, w = int(nxt), _number(entries[i + 2]) / 1000.0
            for code in range(start, min(last, start + MAX_W_ENTRIES - len(table)) + 1):
                table[code] = w
            i += 3
        else:
            break

    def width(data: bytes) -> tuple[float, int]:
        total = 0.0
        for k in range(0, len(data) - 1, 2):
            total += table.get((data[k] << 8) | data[k + 1], default)
        return total, len(data) // 2

    return width


def as_bytes(value: Any) -> bytes:
    """The bytes of a string operand (pypdf gives text it could decode as a ``str``)."""
    if isinstance(value, bytes):
        return value
    original = getattr(value, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    return str(value).encode("latin-1", "replace")


def _number(value: Any) -> float:
    value = value.get_object() if hasattr(value, "get_object") else value
    return float(value)


__all__ = ["Width", "as_bytes", "estimate", "font_width"]
