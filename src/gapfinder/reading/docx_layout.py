"""Layout tables in Word resumes: a sidebar column beside a main column, read column by column.

Templates build a sidebar with a table: one cell holds contact, skills and education, the cell beside it
the experience. A table of one row already comes out cell after cell; one of several rows, read row by row,
interleaves the two flows (the skills of row 2 between the jobs of rows 1 and 2). A table is a layout table
when section headings sit in two or more of its columns: paragraphs in a heading or title style, or short
all-capital lines ("SKILLS", "EXPERIENCE"). Its rows are then read in bands: a row whose one cell spans the
table (a name across the top) is read where it is; between such rows, each column is read top to bottom,
the leftmost first, with a blank line between columns. A table of dates beside entries, or of labels
beside values, has headings in one column at most and stays row by row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TR, _TC, _P, _T = f"{{{_W}}}tr", f"{{{_W}}}tc", f"{{{_W}}}p", f"{{{_W}}}t"
_TCPR, _GRIDSPAN, _VAL = f"{{{_W}}}tcPr", f"{{{_W}}}gridSpan", f"{{{_W}}}val"
_PPR, _PSTYLE = f"{{{_W}}}pPr", f"{{{_W}}}pStyle"
#: a heading written as text: at most this many words, all in capitals
_HEADING_WORDS = 4
#: tables larger than this are data, not layout (and are not worth scanning)
_MAX_CELLS = 400


def is_layout_table(table: Any) -> bool:
    """Do section headings sit in two or more columns of a table of several rows?"""
    rows = [row for row in table if row.tag == _TR]
    if len(rows) < 2:
        return False
    columns: set[int] = set()
    cells = 0
    for row in rows:
        cells_of_row = _cells(row)
        if len(cells_of_row) < 2:  # a name across the top says nothing about the columns
            continue
        for column, cell in cells_of_row:
            cells += 1
            if cells > _MAX_CELLS:
                return False
            if any(_heading(p) for p in cell.iter(_P)):
                columns.add(column)
    return len(columns) >= 2


def column_items(table: Any) -> Iterator[Any]:
    """The cells of a layout table in reading order (see the module doc), then ``""`` (a blank line)."""
    band: list[list[tuple[int, Any]]] = []
    for row in (r for r in table if r.tag == _TR):
        cells = _cells(row)
        if len(cells) == 1:  # spans the table: read in place, between the bands
            yield from _band(band)
            band = []
            yield cells[0][1]
        else:
            band.append(cells)
    yield from _band(band)
    yield ""


def _band(rows: list[list[tuple[int, Any]]]) -> Iterator[Any]:
    """Each column of a band top to bottom, a blank line between columns."""
    for k, column in enumerate(sorted({c for row in rows for c, _ in row})):
        if k:
            yield ""
        for row in rows:
            yield from (cell for c, cell in row if c == column)


def _cells(row: Any) -> list[tuple[int, Any]]:
    """(grid column, cell) of a row; a cell spanning columns starts at its first."""
    out: list[tuple[int, Any]] = []
    column = 0
    for cell in row:
        if cell.tag != _TC:
            continue
        out.append((column, cell))
        column += _span(cell)
    return out


def _span(cell: Any) -> int:
    props = cell.find(_TCPR)
    span = props.find(_GRIDSPAN) if props is not None else None
    try:
        return max(1, min(int(span.get(_VAL, "1")), 64)) if span is not None else 1
    except ValueError:
        return 1


def _heading(paragraph: Any) -> bool:
    """A paragraph in a heading or title style, or a short line in capitals."""
    props = paragraph.find(_PPR)
    style = props.find(_PSTYLE) if props is not None else None
    name = str(style.get(_VAL, "")).lower() if style is not None else ""
    if name.startswith("heading") or "title" in name:
        return True
    text = "".join(t.text or "" for t in paragraph.iter(_T)).strip()
    words = text.split()
    return 0 < len(words) <= _HEADING_WORDS and text.isupper() and sum(c.isalpha() for c in text) >= 4


__all__ = ["column_items", "is_layout_table"]
