"""Work experience: dated positions (title, organisation, dates) and the total time they cover.

Decisions:

- Positions come from date ranges in the experience section(s); without one (or when it holds no date
  range), from anywhere outside education / certifications / projects / publications / awards / skills /
  languages / interests / references. A block with a degree cue (degree, university, GPA...) and no job
  word in its header is an education entry and never a position.
- Header lines: the title/organisation sit on the date's own line ("Title | Org | dates",
  "Title, Org (dates)"), or on up to three short lines above it ("Title\\nOrg\\ndates", "Title, Org\\ndates").
  A section is read dates first ("dates\\nTitle at Org": headers below every date line) when its date-only
  lines are mostly glued to the line below and separated from the line above; on a tie, when its first
  date has nothing above it but text below. A date inside a bullet or sentence dates the block above it
  only if that block's title has a job word and no other date claimed it.
- The organisation may sit on the line right below the dates of a one-line header ("Title  dates\\nOrg",
  "Title\\ndates\\nOrg"; ``titles.org_from_below`` decides), unless that line is glued to the header of the
  next date-only line and is its only candidate title.
- ``total_years`` is the length of the union of all dated positions, internships included (they are
  marked ``kind="internship"``); open ranges run to ``ctx.today``, ends are capped at ``ctx.today``.
  Months count as ``(y2*12+m2) - (y1*12+m1)``, so Jan 2020 - Mar 2020 is 2 months. Rounded to 2 decimals.
- ``stated_years``: the largest plausible (0 < n <= 50) "N(+) years (of) ... experience" in the header or
  summary; it is the total (``basis="stated"``) only when no position is dated.
- A position's offsets cover its whole block: header lines, date and description up to the next position.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Experience, Position, SectionName
from .context import AnalysisContext
from .dates import YM, DateRange, find_date_ranges, ym_str
from .timeline import month_index, union_months
from .titles import has_job_word, is_internship, org_from_below, split_header
from .trie import lowered_for_anchors

NOT_WORK: frozenset[SectionName] = frozenset(
    {
        "education",
        "certifications",
        "projects",
        "publications",
        "awards",
        "skills",
        "languages",
        "interests",
        "references",
    }
)
STATED_SECTIONS: frozenset[SectionName] = frozenset({"header", "summary"})
MAX_HEADER_LINES = 3
MAX_HEADER_CHARS = 160
MAX_HEADER_WORDS = 18
MAX_STATED_YEARS = 50.0
LINE_CAP = 2 * MAX_HEADER_CHARS + 1

_DEGREE_CUE = re.compile(
    r"\b(?:bachelor'?s?|master'?s?|b\.?\s?sc|m\.?\s?sc|b\.?\s?tech|m\.?\s?tech|ph\.?\s?d|mba|degree|diploma|"
    r"gpa|cgpa|coursework|graduated|abitur|studium)\b",
    re.IGNORECASE,
)
# outside an experience section an institution without a job title is a study entry too
_SCHOOL_CUE = re.compile(
    r"\b(?:universit(?:y|ät|é|ad)|college|school|hochschule|institute of technology)\b", re.IGNORECASE
)
_BULLET = re.compile(r"(?:[•*>o-]|\d{1,2}[.)])\s|•")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w", re.IGNORECASE)
# a line that opens with a lower-case function word continues a sentence
_PROSE_START = re.compile(r"(?:since|as|and|or|to|from|with|for|in|on|the|a|an|of|by|during|while|which|i|we|my) ")
_WORDS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]")
_NUM_WORDS = {
    w: i
    for i, w in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        )
    )
}
_NUM_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50})
_STATED = re.compile(
    r"(?<![\w.])(?P<n>\d{1,2}(?:\.\d{1,2})?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
    r"\s?(?P<plus>\+|plus)?\s?(?:years?|yrs?|jahre?n?)\b",
    re.IGNORECASE,
)
#: in the lower-cased text, the keyword of every ``_STATED`` match starts with one of these (and no other
#: part of a match holds one); the keyword ends at most 2 characters after it ("years", "jahren")
_STATED_KEY = re.compile(r"y(?:ea)?r|jahr")
#: a ``_STATED`` match starts at most this many characters before its keyword ("seventeen plus ")
_STATED_LEAD = 16
_EXPERIENCE_WORD = re.compile(r"experience|\bexp\b|expertise|erfahrung|track record", re.IGNORECASE)
_STATED_PREFIX = re.compile(r"(?:over|more than|nearly|almost|overall|total of)\s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Lines:
    """Line index of a text: ``starts[i]`` is where line i begins."""

    text: str
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        return cls(text, [0, *(m.end() for m in re.finditer("\n", text))])

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def line(self, i: int) -> str:
        """Line i without surrounding blanks; a very long line is cut (it is a description either way)."""
        s, e = self.span(i)
        return self.text[s : s + LINE_CAP] if e - s > LINE_CAP else self.text[s:e].strip()


@dataclass(frozen=True, slots=True)
class _Entry:
    rng: DateRange
    title: str | None
    org: str | None
    start: int  # block start, normalised offset


def _is_description(line: str) -> bool:
    """A bullet, a sentence, a wrapped list or a labelled detail line: never a position header.

    A line split by pipes is always a header ("Title | Org | dates")."""
    if _BULLET.match(line) or len(line) > 2 * MAX_HEADER_CHARS:
        return True
    if "|" in line:
        return False
    if _PROSE_START.match(line):
        return True
    words = _WORDS.findall(line)
    if len(line) > MAX_HEADER_CHARS or len(words) > MAX_HEADER_WORDS or line.endswith((":", ",")):
        return True
    # a sentence ends with a full stop after a word; "Inc." / "S.r.l." / "e.K." end with an abbreviation
    return line.endswith(".") and len(words) > 6 and len(words[-1]) > 4


def _regions(ctx: AnalysisContext, experience_only: bool) -> list[tuple[int, int]]:
    secs = sorted(ctx.sections, key=lambda s: s.start)
    if experience_only:
        return [(s.start, s.end) for s in secs if s.name == "experience"]
    out, pos = [], 0
    for s in secs:
        if s.name in NOT_WORK or s.name == "experience":
            if s.start > pos:
                out.append((pos, s.start))
            pos = max(pos, s.end)
    out.append((pos, len(ctx.text)))
    return [(a, b) for a, b in out if b > a]


class _Scanner:
    """Finds the header lines of each date range of one region."""

    def __init__(self, ctx: AnalysisContext, lines: _Lines, lo: int, hi: int, date_lines: set[int]) -> None:
        self.lines, self.date_lines = lines, date_lines
        self.lo, self.hi = lines.index(lo), lines.index(max(lo, hi - 1))
        self.headings = {(s.heading or "").strip().casefold() for s in ctx.sections if s.heading}
        self.claimed: set[int] = set()

    def candidate(self, i: int) -> bool | None:
        """True: a header line; False: stop here; None: skip (blank or a link)."""
        if i in self.date_lines or i in self.claimed:
            return False
        line = self.lines.line(i)
        if not _LETTERS.search(line) or (_URL.search(line) and " " not in line):
            return None
        return not (line.casefold() in self.headings or self.is_description(i))

    def is_description(self, i: int) -> bool:
        """A description line, or the wrapped tail of one ("...bringing back project\ndelivery on-track.")."""
        line = self.lines.line(i)
        if _is_description(line):
            return True
        prev = self.lines.line(i - 1) if i > 0 else ""
        return line[:1].islower() and bool(prev) and _is_description(prev)

    def scan(self, li: int, step: int, skip_description: bool = False) -> list[int]:
        found: list[int] = []
        limit = MAX_HEADER_LINES if step < 0 else 2
        i = li + step
        while self.lo <= i <= self.hi and len(found) < limit:
            ok = self.candidate(i)
            if ok:
                found.append(i)
            elif ok is False:
                passable = i not in self.date_lines and i not in self.claimed
                if not (skip_description and not found and passable):
                    break
            elif step > 0 and found:  # a blank line ends a dates-first header
                break
            i += step
        return sorted(found)

    def org_below(self, li: int, bare: set[int]) -> int | None:
        """The line right below date line ``li`` when it may be its organisation ("Title  dates\\nOrg"): not when
        it is glued to the header of the next date line (one ``bare`` of words) that has no other job-titled line."""
        j = li + 1
        if j > self.hi or not self.candidate(j):
            return None
        nxt = (k for k in range(j + 1, min(self.hi, j + 2 * MAX_HEADER_LINES) + 1) if k in self.date_lines)
        d = next(nxt, None)
        if d is not None and d in bare and all(self.lines.line(k) for k in range(j + 1, d)):  # no blank between
            head = self.scan(d, -1)
            if j in head and not any(has_job_word(self.lines.line(k)) for k in head if k != j):
                return None
        return j


def _rest_of_line(lines: _Lines, li: int, rng: DateRange) -> str:
    """The date's line without the date (at most LINE_CAP characters each side)."""
    s, e = lines.span(li)
    text = lines.text
    before = text[max(s, rng.span_start - LINE_CAP) : rng.span_start]
    return (before + " " + text[rng.span_end : min(e, rng.span_end + LINE_CAP)]).strip()


def _dates_first(text: str, lines: _Lines, ranges: list[DateRange], sc: _Scanner) -> bool:
    """Is the region written "dates\nTitle at Org"? Date-only lines vote by which neighbour line is glued
    to them (no blank line between); a tie falls back to: the first date has no header above, text below."""
    votes, first = 0, None
    for r in ranges:
        li = lines.index(r.span_start)
        if _WORDS.search(_rest_of_line(lines, li, r)):
            continue
        above = li - 1 >= sc.lo and bool(lines.line(li - 1)) and sc.candidate(li - 1) is not False
        below = li + 1 <= sc.hi and bool(lines.line(li + 1)) and sc.candidate(li + 1) is not False
        votes += int(below and not above) - int(above and not below)
        if first is None:
            first = not sc.scan(li, -1) and bool(sc.scan(li, +1))
    return votes > 0 or (votes == 0 and bool(first))


def _entries(ctx: AnalysisContext, lo: int, hi: int, lines: _Lines, in_experience: bool) -> list[_Entry]:
    ranges = find_date_ranges(ctx.text, ctx.today, lo, hi)
    sc = _Scanner(ctx, lines, lo, hi, {lines.index(r.span_start) for r in ranges})
    forward = _dates_first(ctx.text, lines, ranges, sc)
    bare = {i for r in ranges if not _WORDS.search(_rest_of_line(lines, i := lines.index(r.span_start), r))}
    out: list[_Entry] = []
    for r in ranges:
        li = lines.index(r.span_start)
        rest = _rest_of_line(lines, li, r)
        weak = sc.is_description(li)
        if _WORDS.search(rest) and not weak:
            head = [li]
            for j in (li - 1, li + 1):  # "Title\nOrg | dates": the title on an adjacent line
                if (
                    not has_job_word(rest)
                    and 0 <= j < len(lines.starts)
                    and sc.candidate(j)
                    and has_job_word(lines.line(j))
                ):
                    head = sorted((li, j))
                    break
            header = [rest if i == li else lines.line(i) for i in head]
        else:
            head = sc.scan(li, +1) if forward else sc.scan(li, -1, skip_description=weak)
            header = [lines.line(i) for i in head]
        title, org = split_header(header)
        below = None if forward or weak or len(head) != 1 else sc.org_below(li, bare)
        if below is not None and (found := org_from_below(title, org, header[0], lines.line(below))):
            org, head, header = found, [*head, below], [*header, lines.line(below)]  # "Title dates\nOrg"
        if weak and not has_job_word(title or ""):
            continue  # a date inside a description that does not date a titled block
        cue_text = " ".join(header) if header else lines.line(li)
        if not has_job_word(title or "") and (
            _DEGREE_CUE.search(cue_text) or (not in_experience and _SCHOOL_CUE.search(cue_text))
        ):
            continue  # an education entry
        sc.claimed.update(head)
        start = min([lines.span(i)[0] for i in head] + [lines.span(li)[0]])
        out.append(_Entry(r, title, org, start))
    return out


def _positions(ctx: AnalysisContext, experience_only: bool) -> list[Position]:
    lines = _Lines.of(ctx.text)
    positions: list[Position] = []
    for lo, hi in _regions(ctx, experience_only):
        entries = _entries(ctx, lo, hi, lines, experience_only)
        for k, ent in enumerate(entries):
            end = entries[k + 1].start if k + 1 < len(entries) else hi
            while end > ent.rng.span_end and ctx.text[end - 1].isspace():
                end -= 1
            s, e = ctx.norm.to_original(ent.start, max(end, ent.rng.span_end))
            rng = ent.rng
            positions.append(
                Position(
                    title=ent.title,
                    organization=ent.org,
                    start=ym_str(rng.start),
                    end=None if rng.end is None else ym_str(rng.end),
                    current=rng.current,
                    kind="internship" if is_internship(ent.title) else "job",
                    start_offset=s,
                    end_offset=e,
                    date_text=ctx.norm.original_slice(rng.span_start, rng.span_end),
                )
            )
    return positions


def _recency(p: Position, today: YM) -> tuple[bool, str, str]:
    return p.current, p.end or ym_str(today), p.start or ""


def union_years(positions: list[Position] | tuple[Position, ...], today: YM) -> float | None:
    """Length in years of the union of the positions' month intervals (see module doc), or None."""
    tm = month_index(today)
    spans = [
        (month_index(p.start), tm if p.end is None else min(month_index(p.end), tm))
        for p in positions
        if p.start is not None
    ]
    spans = [(a, b) for a, b in spans if b >= a]
    return round(union_months(spans) / 12.0, 2) if spans else None


def _stated_matches(text: str) -> Iterator[re.Match[str]]:
    """``_STATED.finditer(text)``, searching only just before each keyword: no match starts before
    ``_STATED_LEAD`` characters ahead of the next keyword, and one found in that window, which ends 3
    characters past the keyword (the ``\\b`` after "years" sees the real next character), is the next
    match of the whole scan."""
    lowered = lowered_for_anchors(text)
    if lowered is None:
        yield from _STATED.finditer(text)
        return
    pos = 0
    for key in _STATED_KEY.finditer(lowered):
        if key.start() < pos:
            continue
        m = _STATED.search(text, max(pos, key.start() - _STATED_LEAD), key.end() + 3)
        if m is not None:
            yield m
            pos = m.end()


def stated_years(ctx: AnalysisContext) -> float | None:
    """The largest "N(+) years of experience" stated in the header or summary."""
    best: float | None = None
    text = ctx.text
    for m in _stated_matches(text):
        if ctx.section_at(m.start()) not in STATED_SECTIONS:
            continue
        after = text[m.end() : m.end() + 60].split("\n", 1)[0].split(". ", 1)[0]
        before = text[max(0, m.start() - 30) : m.start()]
        if not (
            m.group("plus")
            or _EXPERIENCE_WORD.search(after)
            or _EXPERIENCE_WORD.search(before)
            or _STATED_PREFIX.search(before)
        ):
            continue
        raw = m.group("n").lower()
        n = float(_NUM_WORDS[raw]) if raw in _NUM_WORDS else float(raw)
        if 0 < n <= MAX_STATED_YEARS and (best is None or n > best):
            best = n
    return best


def extract_experience(ctx: AnalysisContext) -> Experience:
    positions = _positions(ctx, experience_only=True)
    if not positions:
        positions = _positions(ctx, experience_only=False)
    positions.sort(key=lambda p: _recency(p, ctx.today), reverse=True)
    total = union_years(positions, ctx.today)
    stated = stated_years(ctx)
    found = tuple(positions)
    if total is not None:
        return Experience(total_years=total, positions=found, stated_years=stated, basis="positions")
    if stated is not None:
        return Experience(total_years=stated, positions=found, stated_years=stated, basis="stated")
    return Experience(total_years=None, positions=found, stated_years=None, basis="none")


__all__ = ["extract_experience", "stated_years", "union_years"]
