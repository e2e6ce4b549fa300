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

from ..lexicon import numbers
from ..models import Experience, Position, SectionName
from ..text.context import AnalysisContext
from .dates import YM, DateRange, find_date_ranges, ym_str
from .header_lines import MAX_HEADER_CHARS, is_description, is_detail
from .timeline import month_index, union_months
from .titles import has_job_word, has_org_word, is_internship, org_from_below, split_header
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
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]")
#: number words of a number of years ("five years"): ``lexicon/numbers.yaml``
_NUM_WORDS = numbers().years()
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
        if not _LETTERS.search(line) or (_URL.search(line) and " " not in line) or is_detail(line):
            return None  # a link, a place or a duration alone: step over it
        return not (line.casefold() in self.headings or self.is_description(i))

    def is_description(self, i: int) -> bool:
        """A description line, or the wrapped tail of one ("...bringing back project\ndelivery on-track.",
        "...worked as a FOE for\n11 months from May 2016 to July 2017.")."""
        line = self.lines.line(i)
        if is_description(line):
            return True
        prev = self.lines.line(i - 1) if i > 0 else ""
        if not prev or not is_description(prev):
            return False
        return line[:1].islower() or (line[:1].isdigit() and prev[-1:].isalpha())

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

    def block_top(self, li: int) -> list[int]:
        """The header of a block whose dates close it ("Title, Org\n• duties\nCity\ndates"): up from the date
        line to the previous date, claimed line or heading, then down to the first header lines there (the
        duties between may wrap onto lines that look like titles: "...with participation from\nFounders Fund")."""
        k = li - 1
        while k >= self.lo and k not in self.date_lines and k not in self.claimed:
            if self.lines.line(k).casefold() in self.headings:
                break
            k -= 1
        found: list[int] = []
        for i in range(k + 1, li):
            ok = self.candidate(i)
            if ok:
                found.append(i)
                if len(found) == MAX_HEADER_LINES:
                    break
            elif ok is False or (found and not self.lines.line(i)):
                break
        return found

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


def _dates_last(lines: _Lines, ranges: list[DateRange], sc: _Scanner) -> bool:
    """Is the region written "Title, Org\n• duties\nCity\ndates" (dates below each block, as rendercv's
    classic themes print them)? The first date-only line, and two thirds of them, have a description right
    above (stepping over a place or a duration), and the first one has a header line above its duties."""
    bare = [li for r in ranges if _is_bare(lines, li := lines.index(r.span_start), r)]
    if not bare:
        return False
    below_duties = [li for li in bare if _above_is_description(lines, li, sc)]
    if bare[0] not in below_duties or 3 * len(below_duties) < 2 * len(bare):
        return False
    return bool(sc.scan(bare[0], -1, skip_description=True))


def _is_bare(lines: _Lines, li: int, r: DateRange) -> bool:
    """Is the date alone on its line (or with a place or a duration)?"""
    rest = _rest_of_line(lines, li, r)
    return not _WORDS.search(rest) or is_detail(rest)


def _above_is_description(lines: _Lines, li: int, sc: _Scanner) -> bool:
    """Is the line right above ``li`` (stepping over places and durations, not blank lines) a description
    (a date wrapped below a bullet: "• Winner of the team award\n(2014 - 2015)", or dates below duties)?"""
    k = li - 1
    while k >= sc.lo and lines.line(k) and sc.candidate(k) is None:
        k -= 1
    return k >= sc.lo and bool(lines.line(k)) and k not in sc.date_lines and sc.is_description(k)


def _header(lines: _Lines, li: int, r: DateRange, sc: _Scanner, forward: bool, dates_last: bool) -> list[int]:
    """The header lines of the date range on line ``li`` (``li`` itself when the title sits beside the date)."""
    rest = _rest_of_line(lines, li, r)
    weak = sc.is_description(li)
    if not _WORDS.search(rest) or is_detail(rest) or weak:
        if forward:
            return sc.scan(li, +1)
        if dates_last:
            return sc.block_top(li)
        head = sc.scan(li, -1, skip_description=weak)
        nearest = lines.line(head[-1]) if head else ""
        if len(head) > 1 and has_job_word(nearest) and ("|" in nearest or " • " in nearest):
            return head[-1:]  # "ORG | TITLE" right above the dates is a whole header
        return head
    if has_job_word(rest):
        return [li]
    if li - 1 >= 0 and sc.candidate(li - 1) and has_job_word(lines.line(li - 1)):
        return [li - 1, li]  # "Title\nOrg | dates": the title on the line above
    if not forward and not has_org_word(rest):
        # "Title\nOrg\n📅 dates  City": what sits beside the date names no role; the header is above it
        above = sc.scan(li, -1)
        if any(has_job_word(lines.line(k)) for k in above):
            return [*above, li]
    if li + 1 < len(lines.starts) and sc.candidate(li + 1) and has_job_word(lines.line(li + 1)):
        return [li, li + 1]  # "Org | dates\nTitle"
    return [li]


def _entries(ctx: AnalysisContext, lo: int, hi: int, lines: _Lines, in_experience: bool) -> list[_Entry]:
    ranges = find_date_ranges(ctx.text, ctx.today, lo, hi)
    sc = _Scanner(ctx, lines, lo, hi, {lines.index(r.span_start) for r in ranges})
    last = in_experience and _dates_last(lines, ranges, sc)
    forward = not last and _dates_first(ctx.text, lines, ranges, sc)
    bare = {i for r in ranges if not _WORDS.search(_rest_of_line(lines, i := lines.index(r.span_start), r))}
    out: list[_Entry] = []
    for r in ranges:
        li = lines.index(r.span_start)
        weak = sc.is_description(li)
        head = _header(lines, li, r, sc, forward, last and not weak)
        rest = _rest_of_line(lines, li, r)
        header = [rest if i == li else lines.line(i) for i in head]
        title, org = split_header(header)
        below = None if forward or weak or len(head) != 1 else sc.org_below(li, bare)
        if below is not None and (found := org_from_below(title, org, header[0], lines.line(below))):
            org, head, header = found, [*head, below], [*header, lines.line(below)]  # "Title dates\nOrg"
        if weak and not has_job_word(title or ""):
            continue  # a date inside a description that does not date a titled block
        if (
            title is None
            and org is None
            and (_above_is_description(lines, li, sc) or (out and _within(r, out[-1].rng)))
        ):
            continue  # no header: a date wrapped below a duty line, or the previous position's dates again
        cue_text = " ".join(header) if header else lines.line(li)
        if not has_job_word(title or "") and (
            _DEGREE_CUE.search(cue_text) or (not in_experience and _SCHOOL_CUE.search(cue_text))
        ):
            continue  # an education entry
        sc.claimed.update(head)
        start = min([lines.span(i)[0] for i in head] + [lines.span(li)[0]])
        out.append(_Entry(r, title, org, start))
    return out


def _within(r: DateRange, outer: DateRange) -> bool:
    """Does ``r`` lie inside ``outer`` (an open end runs to today)?"""
    end, outer_end = r.end or (9999, 12), outer.end or (9999, 12)
    return outer.start <= r.start and end <= outer_end


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


def _distinct(positions: list[Position]) -> list[Position]:
    """Each position once: a resume that lists an entry twice (a PDF's repeated block) counts it once."""
    seen: set[tuple[str, str, str | None, str | None, bool]] = set()
    out = []
    for p in positions:
        key = ((p.title or "").casefold(), (p.organization or "").casefold(), p.start, p.end, p.current)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def extract_experience(ctx: AnalysisContext) -> Experience:
    positions = _distinct(_positions(ctx, experience_only=True))
    if not positions:
        positions = _distinct(_positions(ctx, experience_only=False))
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
