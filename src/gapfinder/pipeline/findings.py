"""What every document yields, resume or job post, and the report that carries it.

Document -> normalised text + sections (``read``) -> skills, certifications, education, leadership and a
headline (``find``) -> ... -> ``Report`` (``report``). The two kinds differ only in between
(``resume_report``, ``job_report``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._version import __version__
from ..extract.doc_view import Match
from ..extract.education import extract_education
from ..extract.job import headline
from ..extract.leadership import extract_leadership
from ..extract.matching import find_matches, match_text
from ..extract.phrase_index import PhraseIndex
from ..extract.skills import certification_findings, skill_findings, split_context, split_titles
from ..extract.tokenize import tokenize
from ..extract.unlisted import unlisted_skills
from ..kinds import DocumentKind, document_noun
from ..ladder.placement import place
from ..ladder.profile import Profile
from ..ladder.titles import TitleClassifier
from ..models import (
    CertificationFinding,
    DocumentInfo,
    DocumentWarning,
    EducationFinding,
    Experience,
    Gap,
    JobRequirements,
    LeadershipSignal,
    Placement,
    Plan,
    Position,
    Report,
    Section,
    SkillFinding,
)
from ..reading import Document
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder
from ..text.context import AnalysisContext
from ..text.normalize import normalize
from ..text.quality import little_text_warning
from ..text.sections import detect_sections


@dataclass(frozen=True)
class Setup:
    """What one analysis runs with: the compiled taxonomy, the ladder, its title classifier, this month."""

    taxonomy: Taxonomy
    index: PhraseIndex
    ladder: Ladder
    titles: TitleClassifier
    today: tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Findings:
    """The findings every document yields, with the context they were found in."""

    doc: Document
    ctx: AnalysisContext
    matches: list[Match]
    context: list[Match]  # a job post's matches in text about the employer or its offer
    skills: tuple[SkillFinding, ...]
    certifications: tuple[CertificationFinding, ...]
    education: tuple[EducationFinding, ...]
    leadership: tuple[LeadershipSignal, ...]
    headline: str | None  # a title-like line near the top


def read(doc: Document, kind: DocumentKind, today: tuple[int, int]) -> AnalysisContext:
    """The normalised text of a document and its sections."""
    norm = normalize(doc.text)
    return AnalysisContext(norm=norm, sections=detect_sections(norm.text, kind), kind=kind, today=today)


def find(doc: Document, ctx: AnalysisContext, setup: Setup, positions: tuple[Position, ...] = ()) -> Findings:
    """Skills, certifications, education, leadership and the headline (``positions``: a resume's dated
    positions, whose titles name roles rather than skills)."""
    tax = setup.taxonomy
    matches = find_matches(ctx, setup.index, tokenize(setup.index, match_text(ctx.text, ctx.sections)))
    claimed, context = split_context(ctx, matches)
    claimed, titled = split_titles(ctx, claimed, positions)
    return Findings(
        doc=doc,
        ctx=ctx,
        matches=matches,
        context=context,
        skills=skill_findings(ctx, tax, claimed, positions, titled),
        certifications=certification_findings(ctx, tax, matches),
        education=extract_education(ctx, tax),
        leadership=extract_leadership(ctx),
        headline=headline(ctx),
    )


def profile_of_findings(
    f: Findings, years: float | None, title: str | None, positions: tuple[Position, ...] = ()
) -> Profile:
    """What placement and the gap read: the findings, the years (held or asked for) and the title."""
    return Profile(
        kind=f.ctx.kind,
        skills=f.skills,
        certifications=f.certifications,
        education=f.education,
        years=years,
        leadership=f.leadership,
        headline=title,
        positions=positions,
    )


def place_profile(profile: Profile, setup: Setup) -> Placement:
    return place(profile, setup.ladder, setup.taxonomy, setup.titles)


def report(
    f: Findings,
    setup: Setup,
    *,
    experience: Experience,
    placement: Placement,
    requirements: JobRequirements | None = None,
    gap: Gap | None = None,
    plan: Plan | None = None,
    warnings: tuple[DocumentWarning, ...] = (),
) -> Report:
    """The report of a document: the findings, what the kind adds, and the warnings (the reader's, little
    text, no skills, then ``warnings`` of the kind, then the ladder's fit)."""
    ctx, doc = f.ctx, f.doc
    sections = tuple(
        Section(
            name=s.name,
            heading=s.heading,
            start=ctx.norm.to_original(s.start, s.end)[0],
            end=ctx.norm.to_original(s.start, s.end)[1],
        )
        for s in ctx.sections
    )
    return Report(
        gapfinder_version=__version__,
        kind=ctx.kind,
        document=DocumentInfo(
            source=doc.source, format=doc.format, pages=doc.pages, chars=len(doc.text), sections=sections
        ),
        text=doc.text,
        skills=f.skills,
        context_skills=skill_findings(ctx, setup.taxonomy, f.context),
        certifications=f.certifications,
        unlisted_skills=unlisted_skills(ctx, setup.index, f.matches),
        education=f.education,
        experience=experience,
        leadership=f.leadership,
        placement=placement,
        requirements=requirements,
        gap=gap,
        plan=plan,
        warnings=doc.warnings + _quality_warnings(f) + warnings + _fit_warnings(placement, ctx.kind),
    )


def _quality_warnings(f: Findings) -> tuple[DocumentWarning, ...]:
    """Analysis-level signals: little text (``gapfinder.text.quality``), no skills found.

    Garbled text is flagged by the readers (``broken_encoding``), on the text before normalisation.
    """
    little = little_text_warning(f.ctx.text)
    out = [little] if little is not None else []
    if not f.skills:
        out.append(DocumentWarning(code="no_skills", message="no skills from the taxonomy were found"))
    return tuple(out)


def _fit_warnings(placement: Placement, kind: DocumentKind) -> tuple[DocumentWarning, ...]:
    if placement.fit != "off_ladder":
        return ()
    what = document_noun(kind)
    return (
        DocumentWarning(
            code="off_ladder",
            message=f"this {what} shows none of the work the {placement.ladder_name} ladder is about; the "
            "placement is only its seniority, and the gap is what a move into the field would take",
        ),
    )


__all__ = ["Findings", "Setup", "find", "place_profile", "profile_of_findings", "read", "report"]
