"""Reading order of a PDF page: columns found from where the text is drawn, each read top to bottom.

pypdf's plain extraction writes text in content-stream order. That is the reading order of a one-column
page, but a page with a sidebar comes out in whatever order its generator drew it: sidebar before or after
the main column (harmless), or row by row across both columns (a table-based template), which interleaves
a skills list with job titles and dates. :class:`PageLayout` watches the extraction through pypdf's public
callbacks and, when the page has columns, puts the same text back in reading order:

1. ``visitor_operand_before`` gives the position of every text-showing operator (``Tj``, ``TJ``, ``'``,
   ``"``) of the page's own content stream: its start from the text and transformation matrices, its
   width from its font's widths (:mod:`.glyph_widths`).
2. ``visitor_text`` gives pypdf's text in pieces whose concatenation is exactly the page's plain text; each
   piece knows the operators drawn since the previous one.
3. :func:`~.columns.find_columns` looks for a gutter, and :func:`~.columns.not_a_sidebar` rules out the
   label and date columns of a one-column page (right-aligned dates, moderncv's labels in the margin).
4. The pieces are read again: the first few lines above the top of the other column (a name, contact
   details, even when centred) come first; the page is cut into bands at the lines that span the gutter,
   and in each band the left column is read top to bottom, then the right one, with a blank line between. When one
   piece of text holds both columns (a template that draws a row of both columns as one text object),
   the page is extracted once more with an identity ``cm`` operator before every operator that switches
   column: it makes pypdf end its piece there and changes nothing else.

A page without columns keeps pypdf's text exactly. Any doubt (text in form XObjects, a tenth or more of the
text rotated, pieces that do not add up to pypdf's text, characters lost or added on the way) keeps it too,
with the ``two_columns`` warning that the order may be mixed. The reordered text is pypdf's lines (split at
the gutter) in another order, so every offset of the analysis points into the text that was really read.
Text whose place is unknown (rotated, off the page) follows the line drawn before it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pypdf.generic import ContentStream, FloatObject, NameObject

from .columns import (
    BOTH,
    LEFT,
    RIGHT,
    SPACE,
    SPANNING,
    UNPLACED,
    Columns,
    Piece,
    Run,
    find_columns,
    not_a_sidebar,
    side_of,
)
from .glyph_widths import Width, as_bytes, estimate, font_width

Order = Literal["single", "columns", "mixed"]
SHOW_OPERATORS = frozenset({b"Tj", b"TJ", b"'", b'"'})
#: at most this many lines above both columns are read first as the page's header
HEADER_LINES = 5
_MAX_RUNS = 20_000  # operators measured on a page; past that the page is not reordered
_IDENTITY = (1, 0, 0, 1, 0, 0)


@dataclass(slots=True)
class _Line:
    """One column's part of one of pypdf's lines."""

    side: int  # LEFT, RIGHT or SPANNING
    y: float
    size: float
    parts: list[str] = field(default_factory=list)
    last: int = -1  # index of its latest piece


def read_page(
    page: Any, visit_operator: Callable[..., None], errors: tuple[type[BaseException], ...]
) -> tuple[str, Order]:
    """A page's text in reading order (see :meth:`PageLayout.reading_order`); ``visit_operator`` is called
    for every operator (the time budget's check). An error of the first extraction propagates; one of
    ``errors`` in the second keeps the first one's text, as ``"mixed"``."""
    layout = PageLayout(page, visit_operator)
    try:
        plain = layout.extract()
        try:
            return layout.reading_order(plain)
        except errors:
            return plain, "mixed"
    finally:
        layout.release()


class PageLayout:
    """Collects a page's text pieces and operator positions during pypdf's extraction (see module doc).

    :meth:`extract` replaces ``page.extract_text``; :meth:`release` gives the page its content back (the
    parsed operators are large, and kept for a second pass until then).
    """

    def __init__(self, page: Any, visit_operator: Callable[..., None]) -> None:
        self.page = page
        self.visit_operator = visit_operator
        self.runs: list[Run] = []
        self.pieces: list[Piece] = []
        self.upright_chars = 0
        self.other_chars = 0
        self._ops: list[tuple[Any, bytes]] = []
        self._original: Any = None  # the page's /Contents before the parsed stream replaced it
        self._next = 0  # index of the next operator of the page's own stream
        self._piece_start = 0
        self._piece_placed = True
        self._size = 12.0
        self._width: Width = estimate
        self._states: list[tuple[float, Width]] = []  # font state saved by q, restored by Q
        self._fonts: dict[Any, Width] = {}
        self._quote_run = False  # the operator being processed is ' or " and its run was just recorded
        self._box = _page_box(page)

    # ------------------------------------------------------------------------------------------ extraction
    def extract(self) -> str:
        """pypdf's plain text of the page, collecting positions on the way."""
        self._content()
        return str(self.page.extract_text(visitor_text=self._visit_text, visitor_operand_before=self._visit_operator))

    def _content(self) -> ContentStream | None:
        """The page's content stream, parsed once and kept on the page so a second pass does not parse it again."""
        contents = self.page.get("/Contents")
        if contents is None:
            return None
        resolved = contents.get_object()
        if not isinstance(resolved, ContentStream):
            if self._original is None:
                self._original = contents
            resolved = ContentStream(resolved, self.page.pdf, "bytes")
            self.page[NameObject("/Contents")] = resolved
        self._ops = resolved.operations
        return resolved

    def release(self) -> None:
        """Put the page's own /Contents back and drop what was collected."""
        if self._original is not None:
            self.page[NameObject("/Contents")] = self._original
            self._original = None
        self._ops, self.pieces, self.runs = [], [], []

    def _visit_operator(self, operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        self.visit_operator()
        ops = self._ops
        own = self._next < len(ops) and ops[self._next][0] is operands
        self._quote_run = False
        if not own:
            if operator in SHOW_OPERATORS:
                self._piece_placed = False
            return
        self._next += 1
        if operator == b"Tf":
            self._font(operands)
        elif operator == b"q":
            self._states.append((self._size, self._width))
        elif operator == b"Q":
            if self._states:
                self._size, self._width = self._states.pop()
        elif operator in SHOW_OPERATORS and len(self.runs) < _MAX_RUNS:
            before = len(self.runs)
            self._run(operator, operands, cm, tm, self._next - 1)
            self._quote_run = operator != b"Tj" and operator != b"TJ" and len(self.runs) > before

    def _visit_text(self, text: str, *_: Any) -> None:
        if not text:
            return
        # pypdf ends the piece before the text of ' and " (they move to the next line first)
        end = len(self.runs) - int(self._quote_run)
        self.pieces.append(Piece(text, self._piece_start, end, self._piece_placed))
        self._piece_start = end
        self._piece_placed = True

    def _font(self, operands: Any) -> None:
        try:
            self._size = float(operands[1])
        except (IndexError, TypeError, ValueError):
            return
        name = operands[0]
        if name not in self._fonts:
            try:
                font = self.page["/Resources"].get_object()["/Font"].get_object()[name].get_object()
            except Exception:  # any damage in the resources only costs the width estimate's precision
                font = None
            self._fonts[name] = estimate if font is None else font_width(font)
        self._width = self._fonts[name]

    def _run(self, operator: bytes, operands: Any, cm: Any, tm: Any, op: int) -> None:
        ems, chars = _show_width(operator, operands, self._width)
        if chars <= 0:
            return
        try:
            a, b, c, d = (float(tm[0]) * float(cm[0]) + float(tm[1]) * float(cm[2]),
                          float(tm[0]) * float(cm[1]) + float(tm[1]) * float(cm[3]),
                          float(tm[2]) * float(cm[0]) + float(tm[3]) * float(cm[2]),
                          float(tm[2]) * float(cm[1]) + float(tm[3]) * float(cm[3]))  # fmt: skip
            x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
            y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        if abs(b) > 1e-3 * abs(a) or abs(c) > 1e-3 * abs(d) or a <= 0 or d <= 0:  # rotated or mirrored text
            self.other_chars += chars
            return
        size = abs(self._size) * a
        width = ems * size
        if not math.isfinite(x + y + width) or not (
            self._box[0] <= x <= self._box[2] and self._box[1] <= y <= self._box[3]
        ):
            return  # off the page: drawn nowhere a reader sees it
        self.upright_chars += chars
        self.runs.append(Run(x, x + max(width, 0.0), y, size, chars, op))

    # ------------------------------------------------------------------------------------------ reading order
    def reading_order(self, plain: str) -> tuple[str, Order]:
        """The page text in reading order: ``(plain, "single")`` for one column, ``(text, "columns")`` for
        columns read one after the other, ``(plain, "mixed")`` for columns that could not be put in order
        safely (the ``two_columns`` warning)."""
        if len(self.runs) >= _MAX_RUNS:  # a page of more operators than any resume: pypdf's order stands
            return plain, "single"
        columns = find_columns(self.runs)
        if columns is None:
            return plain, "single"
        if (
            "".join(p.text for p in self.pieces) != plain
            or not all(p.placed for p in self.pieces if p.text.strip())
            or self.other_chars > 0.1 * (self.upright_chars + self.other_chars)
        ):
            return plain, "mixed"
        sides = [self._side(p, columns) for p in self.pieces]
        if BOTH in sides:  # a piece holding both columns: split the pieces at every switch
            if not self._second_pass(columns):
                return plain, "mixed"
            sides = [self._side(p, columns) for p in self.pieces]
            if BOTH in sides:
                return plain, "mixed"
        if not_a_sidebar(self.pieces, sides, self.runs):
            return plain, "single"
        text = _assemble(self.pieces, sides, self.runs)
        if text is None or sorted("".join(text.split())) != sorted("".join(plain.split())):  # lose nothing
            return plain, "mixed"
        return text, "columns"

    def _side(self, piece: Piece, columns: Columns) -> int:
        """The piece's side (see :mod:`.columns`): white space, unplaced text, one column, spanning, or ``BOTH``."""
        if not piece.text.strip():
            return SPACE
        found = {side_of(r, columns) for r in self.runs[piece.first : piece.last]}
        if not found:
            return UNPLACED
        if SPANNING in found:
            return SPANNING
        return found.pop() if len(found) == 1 else BOTH

    def _second_pass(self, columns: Columns) -> bool:
        """Extract again with an identity ``cm`` before every show operator that switches column."""
        content = self.page.get("/Contents")
        content = content.get_object() if content is not None else None
        if not isinstance(content, ContentStream) or self._next != len(self._ops):
            return False
        side_of_op = {r.op: side_of(r, columns) for r in self.runs}
        new_ops: list[tuple[Any, bytes]] = []
        side = None
        for k, (operands, operator) in enumerate(self._ops):
            now = side_of_op.get(k)
            if now is not None:
                if side is not None and now != side:
                    new_ops.append(([FloatObject(v) for v in _IDENTITY], b"cm"))
                side = now
            new_ops.append((operands, operator))
        before = "".join(p.text for p in self.pieces)
        content.operations = new_ops
        self.runs, self.pieces, self._next, self._piece_start, self._piece_placed = [], [], 0, 0, True
        self.upright_chars = self.other_chars = 0
        self._states, self._size, self._width = [], 12.0, estimate
        return self.extract() == before


def _page_box(page: Any) -> tuple[float, float, float, float]:
    """The page's media box with a margin, or a box that takes any sane coordinate."""
    try:
        box = page.mediabox
        left, bottom, right, top = (float(v) for v in (box.left, box.bottom, box.right, box.top))
        if math.isfinite(left + bottom + right + top) and right > left and top > bottom:
            return left - 36, bottom - 36, right + 36, top + 36
    except Exception:
        pass
    return -1e6, -1e6, 1e6, 1e6


def _show_width(operator: bytes, operands: Any, width: Width) -> tuple[float, int]:
    """Width in ems and glyph count of what a show operator draws (TJ numbers move the pen too)."""
    if operator == b"TJ":
        ems, chars = 0.0, 0
        for item in operands[0] if operands and isinstance(operands[0], list) else ():
            if isinstance(item, str | bytes):
                w, n = width(as_bytes(item))
                ems, chars = ems + w, chars + n
            elif isinstance(item, int | float):
                ems -= float(item) / 1000.0
        return ems, chars
    text = operands[-1] if operands else b""
    return width(as_bytes(text)) if isinstance(text, str | bytes) else (0.0, 0)


def _assemble(pieces: list[Piece], sides: list[int], runs: list[Run]) -> str | None:
    """The pieces in reading order.

    pypdf's lines (pieces up to a line break) are kept; a line holding both columns (drawn row by row) is
    split into its left and right part. The page is cut into bands at the lines that span the gutter; in
    each band the left column's lines are read top to bottom, then the right column's."""
    lines: list[_Line] = []
    row: dict[int, _Line] = {}  # the parts of the current pypdf line, by side
    current: _Line | None = None  # the part the latest piece went to, until a line break
    latest: _Line | None = None  # ... across line breaks
    pending: list[str] = []  # text with no known place before the first part
    for k, (piece, side) in enumerate(zip(pieces, sides, strict=True)):
        if side == SPACE or (side == UNPLACED and current is not None):  # it belongs to the part before it
            if current is not None:
                current.parts.append(piece.text)
                current.last = k
        elif side == UNPLACED:  # its own line, right after the latest part (rotated text, a stray glyph)
            if latest is None:
                pending.append(piece.text)
            else:
                current = latest = _Line(latest.side, latest.y - 1e-3, latest.size, [piece.text], k)
                lines.append(current)
        else:
            part = row.get(side)
            if part is None:
                first = runs[piece.first]
                part = row[side] = _Line(side, first.y, first.size, [*pending])
                pending = []
                lines.append(part)
            elif part.last != k - 1 and not part.parts[-1][-1:].isspace() and not piece.text[:1].isspace():
                part.parts.append(" ")  # the other column came between: they were apart on the page
            part.parts.append(piece.text)
            part.last = k
            current = latest = part
        if piece.text.endswith("\n"):
            row, current = {}, None
    if not lines:
        return None
    for ln in _header_lines(lines):
        ln.side = SPANNING  # read before the columns, as a line across the page would be
    spanning = sorted((ln for ln in lines if ln.side == SPANNING), key=lambda ln: -ln.y)
    bands: list[list[_Line]] = [[] for _ in range(len(spanning) + 1)]
    for ln in lines:
        if ln.side != SPANNING:
            bands[sum(1 for s in spanning if s.y > ln.y)].append(ln)
    blocks: list[list[str]] = []
    for i, band in enumerate(bands):
        if i > 0:  # consecutive lines across the page make one block
            if blocks and blocks[-1] and blocks[-1][0] == "span":
                blocks[-1].append(_text(spanning[i - 1]))
            else:
                blocks.append(["span", _text(spanning[i - 1])])
        for side in (LEFT, RIGHT):
            column = sorted((ln for ln in band if ln.side == side), key=lambda ln: -ln.y)
            if column:
                blocks.append(["column", *(_text(ln) for ln in column)])
    return "\n\n".join(text for b in blocks if (text := "\n".join(b[1:])).strip())


def _header_lines(lines: list[_Line]) -> list[_Line]:
    """The first lines of a page above the top of the other column (a name, a title, contact details), at most
    ``HEADER_LINES``; none when more qualify (a column that starts lower, below a photo, is no header)."""
    ordered = sorted((ln for ln in lines if ln.side in (LEFT, RIGHT)), key=lambda ln: -ln.y)
    out: list[_Line] = []
    for ln in ordered[: HEADER_LINES + 1]:
        others = [o.y for o in ordered if o.side != ln.side and o not in out]
        if not others or max(others) >= ln.y - 0.5 * max(ln.size, 1.0):
            break
        out.append(ln)
    return out if len(out) <= HEADER_LINES else []


def _text(line: _Line) -> str:
    """The part's text on one line, without the white space around it (a row's right part starts with the
    space that joined it to the left part)."""
    return "".join(line.parts).strip()


__all__ = ["Order", "PageLayout", "read_page"]
