"""Job descriptions: the title, and the requirements (``JobRequirements``).

The requirement items (groups, alternatives, years, degrees) come from ``job_items``, which reads the post
once; the summary fields are read off them: ``required_skills``/``preferred_skills`` and
``degree``/``degree_preferred`` from the items, ``min_years`` from the years item (0 for a post that asks for
none), so both views always agree. Benefits and company text never create requirements.
"""

from __future__ import annotations

import re

from ..kinds import is_job
from ..models import CertificationFinding, DegreeLevel, EducationFinding, JobRequirements, SkillFinding
from ..taxonomy import Taxonomy
from ..text.context import AnalysisContext
from .job_items import job_items
from .titles import has_job_word

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
    if is_job(ctx.kind):
        phrases = [p.group(0) for p in _ROLE_PHRASE.finditer(ctx.text[:1500])]
        marked = [p for p in phrases if _SENIORITY.match(p)]
        candidates = marked or phrases
        return candidates[0] if candidates else None
    return None


def _lowest(levels: list[DegreeLevel], tax: Taxonomy) -> DegreeLevel | None:
    """The lowest of the degree levels, by the ranks of ``degrees.yaml``."""
    if not levels:
        return None
    lowest: DegreeLevel = min(levels, key=tax.degree_rank)
    return lowest


def job_requirements(
    ctx: AnalysisContext,
    tax: Taxonomy,
    skills: tuple[SkillFinding, ...],
    certifications: tuple[CertificationFinding, ...],
    education: tuple[EducationFinding, ...],
    title: str | None,
) -> JobRequirements:
    asked = job_items(ctx, tax, skills, certifications, education)
    items = asked.items
    required: dict[str, None] = {}
    preferred: dict[str, None] = {}
    for item in items:
        if item.kind == "skill":
            for sid in item.any_of:
                (preferred if item.group == "preferred" else required)[sid] = None
    degrees = [i for i in items if i.kind == "degree" and i.degree]
    req_degrees: list[DegreeLevel] = []
    for i in degrees:
        if i.degree is not None and i.group != "preferred":
            req_degrees.append(i.degree)
    # the highest level the post names ("BS/MS": master; "PhD preferred": phd) when above the minimum
    named = [lv for i in degrees for lv in i.any_of if lv in tax.degree_levels]
    degree = _lowest(req_degrees, tax)
    top = max(named, key=tax.degree_rank) if named else None
    degree_preferred = top if top is not None and top != degree else None

    return JobRequirements(
        min_years=asked.min_years,
        degree=degree,
        degree_preferred=degree_preferred,
        required_skills=tuple(required),
        preferred_skills=tuple(sid for sid in preferred if sid not in required),
        certifications=tuple(c.id for c in certifications),
        title=title,
        items=items,
    )


__all__ = ["headline", "job_requirements"]
