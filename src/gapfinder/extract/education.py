"""Degrees: level, field of study, institution and year, in resumes and in job requirements.

Surfaces come from the taxonomy (``degrees.yaml``, compiled in ``degree_index``). Surfaces that are also
ordinary words or codes (MS, MA, BE, "masters") need degree context (see ``_accept``): followed by
in/of + field/"degree"/a year, joined to another degree ("BS/MS", "MS or PhD", "BS or MS in CS"), or written
as an entry of an education section. "MS Office", "BE proactive", "Scrum Master" and URLs are not degrees,
and an abbreviation right after "<Capitalised word>, " is a US state ("Boston, MA (hybrid)") unless degree
context ("in <field>", a field, "degree", "of", another degree) follows.

One finding per degree entry. In a resume, the entry is the degree's line and the few short lines after
it (plus the line before): the institution is the segment naming a University/College/Institute...,
the year is the end of a date range there or the latest year. A name wrapped over two lines
("Lakeshore Institute of\nTechnology", "Northern Cascades\nUniversity") is joined, and a one-line "heading"
that only continues such a line is not a section of its own. ``field`` is a field *id* of the taxonomy.
Findings are ordered highest level first, then by position in the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..kinds import is_job, is_resume
from ..models import DegreeLevel as DegreeLevelId
from ..models import EducationFinding, MatchKind, Mention, SectionName
from ..text.context import AnalysisContext, SectionSpan
from .dates import find_date_ranges
from .degree_index import DegreeIndex, DegreeTaxonomy, abbreviation_variants, degree_index, degree_matches

# resume sections searched when the resume has an education section
RESUME_SECTIONS: frozenset[SectionName] = frozenset({"education", "header", "summary"})
# ... and never searched when it has none
NOT_EDUCATION: frozenset[SectionName] = frozenset(
    {"experience", "skills", "projects", "publications", "certifications"}
)
ENTRY_LINES_AFTER = 3
ENTRY_WINDOW = 400  # characters around a degree searched for its institution
DATE_WINDOW = 150  # ... for its dates on its own line (twice that on the lines after it)
CUE_BEFORE = 40  # ... for "expected", "candidate" before it ("Doctoral candidate")
MAX_DEGREE_MENTIONS = 200  # a resume or posting never has more; bounds the work on hostile input
FIELD_WINDOW = 100
# English words and product names that follow an abbreviation used as something else ("MS Office")
NOT_AFTER_ABBREVIATION = frozenset(
    {
        "office",
        "excel",
        "word",
        "windows",
        "access",
        "powerpoint",
        "outlook",
        "teams",
        "sql",
        "project",
        "visio",
        "dynamics",
        "azure",
        "exchange",
        "sharepoint",
        "dos",
        "paint",
        "edge",
        "power",
        "onenote",
        "publisher",
        "navision",
        "crm",
        "server",
    }
)
# words before a level word that make it a role ("Scrum Master")
NOT_BEFORE = re.compile(r"(?:scrum|quiz|web|grand|chess)\s$", re.IGNORECASE)
_INSTITUTION_WORD = (
    r"(?i:universit(?:y|ies|ät|at|é|e|ad|à|a)|college|institute|institut|instituto|school|academy|"
    r"akademie|polytechnic|politecnico|hochschule|fachhochschule|vidyalaya|vidyapeeth|mahavidyalaya)"
)
INSTITUTION = re.compile(rf"\b(?:{_INSTITUTION_WORD}|IIT|IIIT|NIT|BITS|IIM|ETH|EPFL|MIT|KIT|TUM|UCLA|NYU)\b")
_STRONG_AFTER = re.compile(
    r"(?:'s)?\s?(?:\(|in\s|degree|diploma|program|studies|student|candidate|level|"
    r"or\s(?:equivalent|higher|above|related)|preferred|required|from\s|with\s|(?:19|20)\d\d)",
    re.IGNORECASE,
)
_OF_OR_SLASH = re.compile(r"(?:'s)?\s?(?:of\s|/\s?)")
# "MS or PhD", "BS & MS", "BS, MS or PhD": a level joined to the next one
_OR_AND = re.compile(r"(?:'s)?(?:\s?&\s?|\s(?:or|and)\s)", re.IGNORECASE)
_COMMA_OR_AND = re.compile(r"(?:'s)?(?:\s?&\s?|\s(?:or|and)\s|,[ \t])", re.IGNORECASE)
_JOINED_BEFORE = frozenset({"/", "&", ",", "or", "and"})  # between two degrees: "BS/MS", "B.Sc or MS"
# after "<Capitalised word>, " an abbreviation is a US state or region ("Boston, MA (hybrid)") unless degree
# context follows: "in <field>", "degree", "of", or a field right after it on the line
_STATE_CONTEXT = re.compile(r"(?:'s)?\s?(?:degree|of\s)", re.IGNORECASE)
_BEFORE_FIELD = re.compile(r"[ \t](?:in\s+)?", re.IGNORECASE)
_WEAK_AFTER = re.compile(r"\s?(?:,|-\s|\||$)", re.MULTILINE)
_STATE_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w.]*,[ \t]$")
_NEXT_WORD = re.compile(r"\s([A-Za-z][\w-]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w.-]*)\s$")
_JOINER = re.compile(r"\s?(?:/|,|or|and|&|\()\s?", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s[-|]\s|,\s|\s?\(|\)|\s{2,}|;\s")
_FIELD_GAP = re.compile(r",?\s?(?:-\s)?")
_FROM = re.compile(r"\s(?:from|at)\s")
# a line ending in a word that cannot end a name ("Lakeshore Institute of"): the next line continues it
_DANGLING = re.compile(r"(?:\b(?:of|and|for|the|de|der|für)|&)[ \t]*\n", re.IGNORECASE)
# ... and a line holding only "University" ends the name on the line above ("Northern Cascades\nUniversity")
_LONE_INSTITUTION_WORD = re.compile(rf"\n(?=[ \t]*(?=[A-Z]){_INSTITUTION_WORD}\b[ \t]*(?:\n|$))")
_WORDS_LINE = re.compile(r"[^\W\d_]+(?:[ \t&'’-]+[^\W\d_]+)*[ \t]*")
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
#: words that say a degree is still being studied for
_IN_PROGRESS = re.compile(
    r"\b(?:expected|anticipated|candidate|pursuing|in progress|ongoing|currently enrolled|to be completed|"
    r"exp\.|voraussichtlich|laufend|en cours|in corso)",
    re.IGNORECASE,
)


def _level(mt: DegreeIndex, surface: str) -> DegreeLevelId | None:
    return mt.level_of.get(surface) or mt.level_of.get(surface.casefold())


def _accept(ctx: AnalysisContext, mt: DegreeIndex, m: re.Match[str], prev_end: int, depth: int = 0) -> bool:
    """Is an ambiguous surface used as a degree here?"""
    text, s, e = ctx.text, m.start(), m.end()
    if NOT_BEFORE.search(text, max(0, s - 8), s):
        return False
    nxt = _NEXT_WORD.match(text, e)
    if nxt and nxt.group(1).lower() in NOT_AFTER_ABBREVIATION:
        return False
    if 0 <= s - prev_end <= 5 and text[prev_end:s].strip().casefold() in _JOINED_BEFORE:  # "BS/MS", "BS or MS"
        return True
    state = _STATE_BEFORE.search(text, max(0, s - 30), s)
    if state and m.group(0).isupper():  # "Boston, MA (hybrid)", but "Stanford University, MS in CS"
        return _state_context(ctx, mt, m, depth)
    gap = _FIELD_GAP.match(text, e)
    if _STRONG_AFTER.match(text, e) or mt.field.match(text, gap.end() if gap else e):
        return True
    if _joined_after(ctx, mt, m, depth):
        return True
    if ctx.section_at(s) != "education" or state:
        return False
    if nxt and m.group(0).isupper() and nxt.group(1).islower() and nxt.start(1) == e + 1:
        return False  # "BE proactive": an upper-case word before a lower-case one
    line_start = text.rfind("\n", 0, s) + 1
    return bool(_WEAK_AFTER.match(text, e)) or not text[line_start:s].strip(" •*-")


def _ambiguous(mt: DegreeIndex, surface: str) -> bool:
    return (surface if surface in mt.level_of else surface.casefold()) in mt.needs_context


def _joined_after(ctx: AnalysisContext, mt: DegreeIndex, m: re.Match[str], depth: int, comma: bool = True) -> bool:
    """Followed by of/"/" + a field or degree ("Master of Statistics", "BS/MS"; not "Master of Python"), or by
    or/and/&/a comma + a degree that is one here ("MS or PhD", "BS or MS in CS", "BS, MS or PhD")."""
    text = ctx.text
    joined = _OF_OR_SLASH.match(text, m.end())
    if joined and (mt.field.match(text, joined.end()) or mt.degree.match(text, joined.end())):
        return True
    joined = (_COMMA_OR_AND if comma else _OR_AND).match(text, m.end())
    other = mt.degree.match(text, joined.end()) if joined else None
    if other is None or _level(mt, other.group(0)) is None:
        return False
    return not _ambiguous(mt, other.group(0)) or (depth < 3 and _accept(ctx, mt, other, -10, depth + 1))


def _state_context(ctx: AnalysisContext, mt: DegreeIndex, m: re.Match[str], depth: int) -> bool:
    """After "<Capitalised word>, ": a degree only with degree context after it."""
    text = ctx.text
    if _STATE_CONTEXT.match(text, m.end()):
        return True
    before_field = _BEFORE_FIELD.match(text, m.end())
    if before_field and mt.field.match(text, before_field.end()):
        return True
    return _joined_after(ctx, mt, m, depth, comma=False)  # "Boston, MA, BS required": MA is the state


def _in_url(text: str, s: int, e: int) -> bool:
    lo = max(text.rfind(" ", max(0, s - 200), s), text.rfind("\n", max(0, s - 200), s)) + 1
    hi = min(x for x in (text.find(" ", e, e + 200), text.find("\n", e, e + 200), e + 200) if x >= 0)
    token = text[lo:hi]
    return "/" in token and ("://" in token or "www." in token or ".com" in token or ".md" in token)


def _field(ctx: AnalysisContext, mt: DegreeIndex, start: int, stop: int) -> tuple[str, re.Match[str]] | None:
    m = mt.field.search(ctx.text, start, stop)
    return (mt.field_of[m.group(0).casefold()], m) if m else None


def _entry_span(text: str, s: int, stop: int) -> tuple[int, int]:
    """The degree's line and up to ENTRY_LINES_AFTER non-blank lines after it, ending before ``stop``."""
    lo = text.rfind("\n", 0, s) + 1
    hi = text.find("\n", s)
    hi = len(text) if hi < 0 else hi
    seen = 0
    while seen < ENTRY_LINES_AFTER and hi < stop:
        nxt = text.find("\n", hi + 1)
        nxt = len(text) if nxt < 0 else nxt
        if nxt > stop:
            break
        seen += bool(text[hi + 1 : nxt].strip())
        hi = nxt
    return lo, hi


def _line_before(text: str, lo: int, floor: int) -> tuple[int, int] | None:
    """The line directly above ``lo`` (no blank line between), if it starts after ``floor``."""
    if lo <= 0:
        return None
    start = max(text.rfind("\n", 0, lo - 1) + 1, lo - 1 - ENTRY_WINDOW)
    return (start, lo - 1) if start >= floor and text[start : lo - 1].strip() else None


def _continues_line(text: str, sec: SectionSpan) -> bool:
    """Is the heading of ``sec`` the end of a name wrapped over two lines ("Lakeshore Institute of\nTechnology")?"""
    hs = sec.start if sec.heading_start is None else sec.heading_start
    if hs <= 0 or text[hs - 1] != "\n":
        return False
    eol = text.find("\n", hs)
    if not _WORDS_LINE.fullmatch(text, hs, len(text) if eol < 0 else eol):
        return False  # "## Skills", "Skills:", "1. Skills" are headings
    before = text.rfind("\n", 0, hs - 1) + 1
    return bool(_DANGLING.search(text, before, hs)) and bool(text[before : hs - 1].strip())


def _unwrap_headings(ctx: AnalysisContext) -> AnalysisContext:
    """Fold a section whose "heading" continues the line above into the section before it."""
    sections: list[SectionSpan] = []
    for sec in ctx.sections:
        if sections and sections[-1].end in (sec.start, sec.heading_start) and _continues_line(ctx.text, sec):
            sections[-1] = dataclasses.replace(sections[-1], end=sec.end)
        else:
            sections.append(sec)
    if len(sections) == len(ctx.sections):
        return ctx
    return AnalysisContext(norm=ctx.norm, sections=tuple(sections), kind=ctx.kind, today=ctx.today)


def _unwrap_lines(chunk: str) -> str:
    """Join the lines of an institution name wrapped over two lines."""
    return _LONE_INSTITUTION_WORD.sub(" ", _DANGLING.sub(lambda m: m.group(0).rstrip() + " ", chunk))


def _institution(text: str, spans: list[tuple[int, int]]) -> str | None:
    for lo, hi in spans:
        for seg in _SEGMENTS.split(_unwrap_lines(text[lo:hi]).replace("\n", "  ")):
            seg = _FROM.split(seg)[-1].strip(" •*-,.")
            if INSTITUTION.search(seg) and len(seg.split()) >= 2 and seg[:1].isupper() and len(seg) <= 100:
                return seg
    return None


def _dates(
    ctx: AnalysisContext, own: tuple[int, int], entry: tuple[int, int], cue_from: int
) -> tuple[int | None, bool]:
    """The degree's year and whether it is still in progress, from its own line first, then its entry (a cue
    word counts from ``cue_from``).

    The year is the end of the last date range (the start of an open one is no graduation) or the latest
    year; an open range ("2023 - Present"), an end after today or a cue word ("expected", "candidate",
    "pursuing") make it in progress, the cue only while its year has not passed (an old resume's
    "expected 2012" was most likely completed)."""
    cue = _IN_PROGRESS.search(ctx.text, cue_from, entry[1]) is not None
    for lo, hi in (own, entry):
        ranges = find_date_ranges(ctx.text, ctx.today, lo, hi)
        if ranges:
            last = ranges[-1]
            if last.end is None:
                return None, True
            return last.end[0], last.end > ctx.today or (cue and last.end[0] >= ctx.today[0])
        years = [int(y) for y in _YEAR.findall(ctx.text, lo, hi) if int(y) <= ctx.today[0] + 6]
        if years:
            return max(years), max(years) > ctx.today[0] or (cue and max(years) >= ctx.today[0])
    return None, cue


def _section_end(ctx: AnalysisContext, offset: int) -> int:
    """Where the section holding ``offset`` ends (a degree's entry never runs into the next section)."""
    return next((s.end for s in ctx.sections if s.start <= offset < s.end), len(ctx.text))


def _searched(ctx: AnalysisContext, start: int) -> bool:
    if is_job(ctx.kind):
        return True
    sec = ctx.section_at(start)
    if any(s.name == "education" for s in ctx.sections):
        return sec in RESUME_SECTIONS
    return sec not in NOT_EDUCATION


def _merge(findings: list[EducationFinding]) -> list[EducationFinding]:
    """Fold a finding into an earlier one of the same level whose details it does not contradict (a degree in
    progress and a held one of the same level stay apart unless one is a bare mention)."""
    out: list[EducationFinding] = []
    mentions: list[dict[tuple[int, int], Mention]] = []
    for f in findings:
        for i, g in enumerate(out):
            if (
                g.degree == f.degree
                and g.doctorate == f.doctorate
                and (g.in_progress == f.in_progress or _bare(g) or _bare(f))
                and all(
                    a is None or b is None or a == b
                    for a, b in ((g.field, f.field), (g.institution, f.institution), (g.year, f.year))
                )
            ):
                out[i] = g.model_copy(
                    update={
                        "field": g.field or f.field,
                        "institution": g.institution or f.institution,
                        "year": g.year or f.year,
                        "in_progress": g.in_progress or f.in_progress,  # the dated entry knows better
                    }
                )
                mentions[i].update({(x.start, x.end): x for x in f.mentions})
                break
        else:
            out.append(f)
            mentions.append({(x.start, x.end): x for x in f.mentions})
    return [
        g.model_copy(update={"mentions": tuple(sorted(ms.values(), key=lambda x: x.start))})
        for g, ms in zip(out, mentions, strict=True)
    ]


def _bare(f: EducationFinding) -> bool:
    """A mention without an entry's details ("MS in CS" in a summary): it joins a dated entry of its level."""
    return f.year is None and f.institution is None


def _part_of_name(text: str, m: re.Match[str]) -> bool:
    """ "Green Valley High School" names a school; it is not the degree "high school"."""
    if not INSTITUTION.search(m.group(0)):
        return False
    before = _PREV_WORD.search(text, max(0, m.start() - 40), m.start())
    return bool(before and before.group(1)[:1].isupper())


def _finding(
    ctx: AnalysisContext,
    mt: DegreeIndex,
    kept: list[tuple[re.Match[str], DegreeLevelId]],
    k: int,
    starts: list[int],
    ends: list[int],
) -> EducationFinding:
    text = ctx.text
    m, level = kept[k]
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    nxt = kept[k + 1][0].start() if k + 1 < len(kept) else len(text)
    stop = min(line_end, m.end() + FIELD_WINDOW)
    if nxt < stop and not _JOINER.fullmatch(text, m.end(), nxt):
        stop = nxt  # the next degree starts its own entry, unless joined: "BS/MS in CS"
    field = _field(ctx, mt, m.end(), stop)
    mentions: list[Mention] = [ctx.mention(m.start(), m.end(), _kind(mt, m.group(0)), m.group(0))]
    if field is not None:
        mentions.append(ctx.mention(field[1].start(), field[1].end(), "alias", field[1].group(0)))
    institution: str | None = None
    year: int | None = None
    in_progress = False
    if is_resume(ctx.kind):
        # the entry ends where a degree on a later line begins (or its section ends), and starts after one on
        # an earlier line
        j = bisect.bisect_right(starts, line_end)
        later = starts[j] if j < len(starts) else len(text)
        later = min(later, _section_end(ctx, m.start()))
        lo, hi = _entry_span(text, m.start(), text.rfind("\n", 0, later) if later < len(text) else later)
        j = bisect.bisect_left(ends, line_start) - 1
        before = _line_before(text, lo, ends[j] if j >= 0 else 0)
        lo, hi = max(lo, m.start() - ENTRY_WINDOW), min(hi, m.end() + ENTRY_WINDOW)
        institution = _institution(text, [(lo, hi), *([before] if before else [])])
        # its own line, between the degrees before and after it on that line (a PDF may put a whole page on
        # one line), then its entry
        prev = kept[k - 1][0].end() if k > 0 else 0
        after = nxt if nxt < line_end and not _JOINER.fullmatch(text, m.end(), nxt) else line_end
        own_lo = max(line_start, prev if prev <= m.start() else 0, m.start() - DATE_WINDOW)
        own = (own_lo, min(after, m.end() + DATE_WINDOW))
        entry = (own_lo, max(own[1], min(hi, after if after < line_end else hi, m.end() + 2 * DATE_WINDOW)))
        year, in_progress = _dates(ctx, own, entry, cue_from=max(own_lo, m.start() - CUE_BEFORE))
    surface = m.group(0)
    professional = (surface if surface in mt.level_of else surface.casefold()) in mt.professional
    return EducationFinding(
        degree=level,
        field=field[0] if field else None,
        institution=institution,
        year=year,
        in_progress=in_progress,
        doctorate="professional" if professional else "research" if level == "phd" else None,
        mentions=tuple(mentions),
    )


def extract_education(ctx: AnalysisContext, taxonomy: DegreeTaxonomy) -> tuple[EducationFinding, ...]:
    mt = degree_index(taxonomy)
    ctx = _unwrap_headings(ctx)
    text = ctx.text
    hits = [m for m in degree_matches(mt, text) if _searched(ctx, m.start())]
    kept: list[tuple[re.Match[str], DegreeLevelId]] = []
    prev_end = -10
    for m in hits:
        surface = m.group(0)
        level = _level(mt, surface)
        if level is None or (_ambiguous(mt, surface) and not _accept(ctx, mt, m, prev_end)):
            continue
        if _in_url(text, m.start(), m.end()) or _part_of_name(text, m):
            continue
        kept.append((m, level))
        prev_end = m.end()
        if len(kept) >= MAX_DEGREE_MENTIONS:
            break
    starts, ends = [x.start() for x, _ in kept], [x.end() for x, _ in kept]
    findings = [_finding(ctx, mt, kept, k, starts, ends) for k in range(len(kept))]
    merged = _merge(findings)
    merged.sort(key=lambda f: (-mt.rank.get(f.degree, 0), f.mentions[0].start))
    return tuple(merged)


def _kind(mt: DegreeIndex, surface: str) -> MatchKind:
    return "exact" if surface.casefold() in mt.names else "alias"


__all__ = ["DegreeTaxonomy", "abbreviation_variants", "extract_education"]
