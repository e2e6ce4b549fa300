"""Test helper: an AnalysisContext from plain text, with a tiny heading detector of its own.

The real section detector lives in gapfinder.text.sections; these tests must not depend on it.
"""

from __future__ import annotations

import re

from gapfinder.models import DocumentKind, SectionName
from gapfinder.text.context import AnalysisContext, SectionSpan
from gapfinder.text.normalize import normalize

HEADINGS: dict[str, SectionName] = {
    "experience": "experience",
    "work experience": "experience",
    "professional experience": "experience",
    "employment": "experience",
    "employment history": "experience",
    "work history": "experience",
    "berufserfahrung": "experience",
    "education": "education",
    "academic background": "education",
    "ausbildung": "education",
    "skills": "skills",
    "technical skills": "skills",
    "summary": "summary",
    "profile": "summary",
    "professional summary": "summary",
    "about me": "summary",
    "certifications": "certifications",
    "projects": "projects",
    "publications": "publications",
    "awards": "awards",
    "languages": "languages",
    "interests": "interests",
}
_HEADING = re.compile(
    r"^(" + "|".join(sorted((re.escape(h) for h in HEADINGS), key=len, reverse=True)) + r")\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def find_sections(text: str) -> tuple[SectionSpan, ...]:
    """Sections of a normalised text: each known heading line starts one, running to the next."""
    marks = [(m.start(), m.end(), HEADINGS[m.group(1).lower()], m.group(0)) for m in _HEADING.finditer(text)]
    out = []
    for i, (hs, he, name, heading) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.append(SectionSpan(name, he, end, heading.strip(), hs))
    return tuple(out)


def make_ctx(
    text: str,
    sections: tuple[SectionSpan, ...] | None = None,
    today: tuple[int, int] = (2026, 11),
    kind: DocumentKind = "resume",
) -> AnalysisContext:
    norm = normalize(text)
    secs = find_sections(norm.text) if sections is None else sections
    return AnalysisContext(norm=norm, sections=secs, kind=kind, today=today)
