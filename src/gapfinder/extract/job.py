"""Job descriptions: the title, and requirements split into required vs preferred.

Where a skill sits decides what it is: in a "preferred"/"nice to have" section, or on a line with a
preference cue ("is a plus", "bonus", "ideally"), it is preferred; anywhere else in the posting but the
benefits and company boilerplate it is required. Benefits and company text never create requirements.
"""

from __future__ import annotations

import bisect
import re

from ..ladder.profile import DEGREE_RANK
from ..models import CertificationFinding, EducationFinding, JobRequirements, Mention, SkillFinding
from .context import AnalysisContext
from .leadership import NUMBER_WORDS
from .titles import has_job_word

PREFERRED_CUE = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|preferably|a plus|pluses|bonus|ideally|desirable|desired|"
    r"advantageous|an advantage|good to have|optional|not required|would be great)\b",
    re.IGNORECASE,
)
NOT_REQUIREMENT = frozenset({"benefits", "company"})
YEARS_RE = re.compile(
    r"\b(\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + r")\s*\+?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:\(\d{1,2}\)\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_EXPERIENCE_NEAR = re.compile(r"experience|exp\b|background|industry|professional|working", re.IGNORECASE)
_SENIORITY = re.compile(r"(?:Senior|Sr\.?|Junior|Jr\.?|Lead|Principal|Staff|Associate|Head of|Director of|VP of)\s")
_ROLE_PHRASE = re.compile(
    r"\b(?:(?:Senior|Sr\.?|Junior|Jr\.?|Lead|Principal|Staff|Associate|Head of|Director of|VP of)\s+)?"
    r"(?:[A-Z][A-Za-z/&+.()-]*\s+){0,4}"
    r"(?:Engineer|Scientist|Developer|Analyst|Manager|Director|Architect|Researcher|Lead)\b"
)
_TITLE_LINE = re.compile(r"^(?:job title|title|position|role)\s*:\s*(.{3,100})$", re.IGNORECASE | re.MULTILINE)


def _line(text: str, offset: int) -> str:
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return text[lo : hi if hi >= 0 else len(text)]


def _clause(text: str, offset: int) -> str:
    """The clause around offset: the line, cut at sentence and semicolon boundaries."""
    lo = max(text.rfind(c, 0, offset) for c in "\n;.!?") + 1
    ends = [i for i in (text.find(c, offset) for c in "\n;!?") if i >= 0]
    dot = text.find(". ", offset)
    if dot >= 0:
        ends.append(dot)
    return text[lo : min(ends) if ends else len(text)]


def _preferred(ctx: AnalysisContext, norm_offset: int) -> bool:
    """In a preferred section, or a preference cue in the same clause ('Python required; Go preferred')."""
    return ctx.section_at(norm_offset) == "preferred" or bool(PREFERRED_CUE.search(_clause(ctx.text, norm_offset)))


def _norm_offset(ctx: AnalysisContext, m: Mention) -> int:
    """Normalised offset of a mention (mentions carry analysed-text offsets)."""
    return max(0, bisect.bisect_left(ctx.norm.offsets, m.start))


def first_experience_line(ctx: AnalysisContext) -> str | None:
    """The first line under the experience heading: the latest title when positions carry no dates."""
    for sec in ctx.sections:
        if sec.name == "experience":
            lines = ctx.text[sec.start : sec.end].split("\n")
            for line in lines[1:7] if sec.heading else lines[:6]:
                s = line.strip(" •*#-:|")
                if s and any(c.isalpha() for c in s) and len(s) <= 120:
                    return s
    return None


def headline(ctx: AnalysisContext) -> str | None:
    """A job title near the top: a 'Title: ...' line, the first short line with a role word, or (in a job
    post whose title is not in the text) the role the first paragraphs name ('seeking a Sr. Data Scientist')."""
    m = _TITLE_LINE.search(ctx.text[:5000])
    if m:
        return m.group(1).strip()
    for line in ctx.text[:2000].split("\n")[:8]:
        s = line.strip(" •*#-:")
        if 0 < len(s.split()) <= 12 and has_job_word(s) and "@" not in s and not s.endswith((".", "!", "?")):
            return s
    if ctx.kind == "job":
        phrases = [p.group(0) for p in _ROLE_PHRASE.finditer(ctx.text[:1500])]
        marked = [p for p in phrases if _SENIORITY.match(p)]
        candidates = marked or phrases
        return candidates[0] if candidates else None
    return None


def job_requirements(
    ctx: AnalysisContext,
    skills: tuple[SkillFinding, ...],
    certifications: tuple[CertificationFinding, ...],
    education: tuple[EducationFinding, ...],
    title: str | None,
) -> JobRequirements:
    required: list[str] = []
    preferred: list[str] = []
    for s in sorted(skills, key=lambda f: f.mentions[0].start):
        states = [
            _preferred(ctx, off)
            for m in s.mentions
            if ctx.section_at(off := _norm_offset(ctx, m)) not in NOT_REQUIREMENT
        ]
        if not states:
            continue
        (preferred if all(states) else required).append(s.id)

    req_degrees = [
        e.degree
        for e in education
        if e.degree != "other" and not any(_preferred(ctx, _norm_offset(ctx, m)) for m in e.mentions)
    ]
    all_degrees = [e.degree for e in education if e.degree != "other"]
    degree = min(req_degrees, key=DEGREE_RANK.__getitem__) if req_degrees else None
    top = max(all_degrees, key=DEGREE_RANK.__getitem__) if all_degrees else None
    degree_preferred = top if top is not None and top != degree else None

    return JobRequirements(
        min_years=_min_years(ctx),
        degree=degree,
        degree_preferred=degree_preferred,
        required_skills=tuple(required),
        preferred_skills=tuple(preferred),
        certifications=tuple(c.id for c in certifications),
        title=title,
    )


def _min_years(ctx: AnalysisContext) -> float | None:
    """The largest 'N+ years of experience' stated as a requirement (preferred ones as a fallback)."""
    required: list[int] = []
    preferred: list[int] = []
    for m in YEARS_RE.finditer(ctx.text):
        if ctx.section_at(m.start()) in NOT_REQUIREMENT:
            continue
        around = ctx.text[max(0, m.start() - 40) : m.end() + 60]
        if not _EXPERIENCE_NEAR.search(around):
            continue
        raw = m.group(1).lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        if 0 <= n <= 30:
            (preferred if _preferred(ctx, m.start()) else required).append(n)
    pool = required or preferred
    return float(max(pool)) if pool else None


__all__ = ["PREFERRED_CUE", "headline", "job_requirements"]
