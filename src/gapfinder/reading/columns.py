"""Where a page's columns are: a gutter found from where its text operators are drawn (see :mod:`.layout`).

:func:`find_columns` looks for a vertical strip between 15% and 85% of the text's width that (almost) no
operator covers, with at least ``MIN_SIDE_SHARE`` of the characters on each side; lines that run far
across it (a full-width header) are allowed, as long as few rows between the top and the bottom of the
two columns are crossed. :func:`not_a_sidebar` then rules out the columns of a one-column page: a side whose
lines are right-aligned (moderncv's labels in the margin, a column of dates at the right edge) or, when it
is small, mostly dates.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

#: sides of a piece of text: a column, both (a line across the gutter), white space, text from both
#: columns, text whose position is unknown (rotated, off the page, in a form XObject)
LEFT, RIGHT, SPANNING, SPACE, BOTH, UNPLACED = 0, 1, 2, -1, -2, -3
#: the smallest share of a page's characters each column must hold ...
MIN_SIDE_SHARE = 0.15
#: ... or, for a column of consecutive lines (a short sidebar), this share and this many lines
MIN_DENSE_SHARE = 0.04
MIN_DENSE_LINES = 5
#: a page needs this many text operators and visible characters before columns are looked for
MIN_RUNS = 12
MIN_CHARS = 200
#: operators crossing the gutter: at most this share of the page's characters ...
MAX_CROSSING_SHARE = 0.2
#: ... and of the rows between the top and bottom of the two columns
MAX_CROSSING_ROWS = 0.08
#: a small side (at most this share of the characters) with this share of lines carrying dates is a date column
DATE_SIDE_MAX_SHARE = 0.3
DATE_SIDE_SHARE = 0.4
#: a side with this share of its lines ending at one x (right-aligned) is a column of labels
ALIGNED_SHARE = 0.7
_BINS = 100
_GUTTER_RANGE = range(15, 86)
_BINS = 100
_GUTTER_RANGE = range(15, 86)
_DATE_LINE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|"
    r"\b(?:present|current|today|now|heute|actuel)\b|\b\d{1,2}/(?:19|20)?\d\d\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Run:
    """One text-showing operator: where it starts, where it probably ends, its font size and length."""

    x0: float
    x1: float
    y: float
    size: float
    chars: int
    op: int  # index of the operator in the page's content stream


@dataclass(slots=True)
class Piece:
    """A piece of pypdf's text and the operators (``runs[first:last]``) drawn while it was built."""

    text: str
    first: int
    last: int
    placed: bool  # False: some text of it came from a form XObject, whose position pypdf does not track


@dataclass(frozen=True, slots=True)
class Columns:
    """A gutter: left column ``x < cut``; operators starting left of it and ending past ``wide`` span both."""

    cut: float
    wide: float


def side_of(run: Run | None, columns: Columns) -> int:
    if run is None:
        return -1
    if run.x0 < columns.cut:
        return SPANNING if run.x1 > columns.wide else LEFT
    return RIGHT


def find_columns(runs: list[Run]) -> Columns | None:
    """The gutter of a two-column page, or None (see the module doc)."""
    if len(runs) < MIN_RUNS:
        return None
    total = sum(r.chars for r in runs)
    if total < MIN_CHARS:
        return None
    left_edge = min(r.x0 for r in runs)
    right_edge = max(r.x1 for r in runs)
    span = right_edge - left_edge
    if not (span > 0 and math.isfinite(span)):
        return None
    cover = [0] * _BINS
    for r in runs:
        if r.x1 - r.x0 > 0.85 * span:  # a full-width line says nothing about the gutter
            continue
        first = _clamp(int((r.x0 - left_edge) / span * _BINS))
        last = _clamp(int((r.x1 - left_edge) / span * _BINS))
        for i in range(first, last + 1):
            cover[i] += 1
    low = min(cover[i] for i in _GUTTER_RANGE)
    if low > max(2, 0.04 * len(runs)):
        return None
    # the middle of the widest stretch of least-covered bins
    best, best_len, i = 0, 0, _GUTTER_RANGE.start
    while i < _GUTTER_RANGE.stop:
        if cover[i] == low:
            j = i
            while j + 1 < _GUTTER_RANGE.stop and cover[j + 1] == low:
                j += 1
            if j - i + 1 > best_len:
                best, best_len = (i + j) // 2, j - i + 1
            i = j + 1
        else:
            i += 1
    cut = left_edge + (best + 0.5) / _BINS * span
    columns = Columns(cut=cut, wide=cut + 0.25 * (right_edge - cut))
    left = right = crossing = 0
    for r in runs:
        side = side_of(r, columns)
        if side == LEFT:
            left += r.chars
        elif side == RIGHT:
            right += r.chars
        elif side == SPANNING:
            crossing += r.chars
    if crossing > MAX_CROSSING_SHARE * total:
        return None
    small, both = min(left, right), left + right
    if small < MIN_SIDE_SHARE * both:
        side = LEFT if left <= right else RIGHT
        if small < MIN_DENSE_SHARE * both or not _dense([r for r in runs if side_of(r, columns) == side]):
            return None
    if _crossing_rows(runs, columns) > MAX_CROSSING_ROWS:
        return None
    return columns


def _dense(runs: list[Run]) -> bool:
    """Are these a column of consecutive lines (a short sidebar: contact, a skills list), not labels or dates
    spread down the page one per entry? At least ``MIN_DENSE_LINES`` lines, most a line or two apart."""
    baselines = sorted({round(r.y) for r in runs}, reverse=True)
    if len(baselines) < MIN_DENSE_LINES:
        return False
    gaps = sorted(a - b for a, b in itertools.pairwise(baselines))
    size = sorted(r.size for r in runs)[len(runs) // 2]
    return gaps[len(gaps) // 2] <= 2.0 * size


def _crossing_rows(runs: list[Run], columns: Columns) -> float:
    """Share of the rows between the top and the bottom of both columns that some operator carries across."""
    left = [r.y for r in runs if side_of(r, columns) == LEFT]
    right = [r.y for r in runs if side_of(r, columns) == RIGHT]
    top, bottom = min(max(left), max(right)), max(min(left), min(right))
    rows: dict[int, bool] = {}
    for r in runs:
        if bottom <= r.y <= top:
            key = round(r.y / 3.0)
            rows[key] = rows.get(key, False) or (r.x0 < columns.cut < r.x1)
    return sum(rows.values()) / len(rows) if rows else 0.0


def _clamp(i: int) -> int:
    return 0 if i < 0 else _BINS - 1 if i >= _BINS else i


@dataclass(slots=True)
class _SideLine:
    x0: float
    x1: float
    text: str


def _side_lines(pieces: list[Piece], sides: list[int], runs: list[Run]) -> tuple[list[_SideLine], list[_SideLine]]:
    """Each column's lines (pypdf's lines, split where the other column comes between)."""
    out: tuple[list[_SideLine], list[_SideLine]] = ([], [])
    for side in (LEFT, RIGHT):
        current: _SideLine | None = None
        for piece, s in zip(pieces, sides, strict=True):
            if s == side:
                drawn = runs[piece.first : piece.last]
                x0, x1 = min(r.x0 for r in drawn), max(r.x1 for r in drawn)
                if current is None:
                    current = _SideLine(x0, x1, piece.text)
                    out[side].append(current)
                else:
                    current.x0, current.x1, current.text = (
                        min(current.x0, x0),
                        max(current.x1, x1),
                        current.text + piece.text,
                    )
            if current is not None and (piece.text.endswith("\n") or s not in (side, SPACE)):
                current = None
    return out


def not_a_sidebar(pieces: list[Piece], sides: list[int], runs: list[Run]) -> bool:
    """Is one side a column of labels or dates belonging to the other's lines, not a sidebar?

    - right-aligned: most of its lines end at the same x and fewer start at the same x (moderncv's
      labels in the margin, a column of right-aligned dates);
    - a small side (at most ``DATE_SIDE_MAX_SHARE`` of the characters) with ``DATE_SIDE_SHARE`` or more
      of its lines carrying a date;
    - a side that mostly repeats one line ("S.Korea" beside every entry): a sidebar says each thing once."""
    lines = _side_lines(pieces, sides, runs)
    sizes = [sum(len(ln.text.strip()) for ln in side) for side in lines]
    for side, size in zip(lines, sizes, strict=True):
        if not side:
            return True
        if len(side) >= 3 and len({ln.text.strip().casefold() for ln in side}) < 0.6 * len(side):
            return True
        starts, ends = _aligned([ln.x0 for ln in side]), _aligned([ln.x1 for ln in side])
        if ends >= ALIGNED_SHARE and ends > starts + 0.2:
            return True
        if size <= DATE_SIDE_MAX_SHARE * sum(sizes):
            dated = sum(1 for ln in side if _DATE_LINE.search(ln.text))
            if dated >= DATE_SIDE_SHARE * len(side):
                return True
    return False


def _aligned(xs: list[float]) -> float:
    """The largest share of ``xs`` within 3 points of one another."""
    xs = sorted(xs)
    best, lo = 0, 0
    for hi, x in enumerate(xs):
        while x - xs[lo] > 3.0:
            lo += 1
        best = max(best, hi - lo + 1)
    return best / len(xs)


__all__ = [
    "BOTH",
    "LEFT",
    "RIGHT",
    "SPACE",
    "SPANNING",
    "UNPLACED",
    "Columns",
    "Piece",
    "Run",
    "find_columns",
    "not_a_sidebar",
    "side_of",
]
