"""Frozen result models: the public, stable JSON of gapfinder.

``report.model_dump(mode="json")`` is exactly what ``gapfinder --format json`` prints. Every finding
carries its evidence: character offsets into the analysed text (``Report.text``), the section the
mention sits in and how it matched.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .kinds import DegreeLevel, DocumentKind, PositionKind, SignalKind, Track

SCHEMA_VERSION = "2.2"

SectionName = Literal[
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "certifications",
    "projects",
    "publications",
    "awards",
    "languages",
    "interests",
    "references",
    "other",
    # job descriptions
    "job_summary",
    "responsibilities",
    "requirements",
    "preferred",
    "benefits",
    "company",
    "application",
]
MatchKind = Literal["exact", "alias", "variant", "fuzzy"]
#: how well the ladder fits the person: their own field, a related one (a move into it), or neither
LadderFitKind = Literal["fits", "adjacent", "off_ladder"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class DocumentWarning(Frozen):
    """A quality signal about the input that does not stop the analysis.

    Codes (stable):

    - ``truncated``: the PDF has no ``%%EOF`` end marker (an incomplete download); text may be missing.
    - ``repaired``: the PDF's cross-reference table is damaged and was rebuilt; text may be missing.
    - ``unreadable_pages``: some PDF pages could not be read and were skipped (the message names them).
    - ``scanned_pages``: some PDF pages are images without text (scans); their text is missing.
    - ``two_columns``: a PDF page has two columns. Its columns were read one after the other (left first,
      each top to bottom; the message names the pages), or, when that could not be done safely, the reading
      order of the text may be mixed (the message says so).
    - ``encoding_fallback``: a text file is not valid UTF-8 (or its UTF-16/32); bytes were read as
      Windows-1252 or replaced.
    - ``control_characters``: a text file holds NUL bytes; they were removed.
    - ``invalid_unicode``: the text held lone surrogates (U+D800-U+DFFF: a broken PDF font map, a JSON
      ``\\ud800`` escape); each was replaced with U+FFFD, so offsets are unchanged.
    - ``broken_encoding``: 10% or more of the text is not language (broken font encoding, ``(cid:N)``
      artefacts, private-use glyphs, the wrong character set); findings may be missing or wrong. A PDF
      at 60% or more is refused with ``NoTextLayerError`` instead (see ``gapfinder.text.quality``).
      Also any mojibake left in the text (UTF-8 read as Windows-1252: "Ã©", "â€™"), as text handed
      over as a string is never changed.
    - ``encoding_repaired``: a file's text held mojibake and was repaired (ftfy) before analysis; the
      report's text and offsets are the repaired text.
    - ``little_text``: fewer than 200 visible characters; results will be thin.
    - ``no_requirements``: a job post with no requirement items; a comparison rests on the level alone.
    - ``no_skills``, ``no_positions``: nothing from the taxonomy, no dated position was found.
    - ``off_ladder``: the document shows none of the work the ladder is about (for the ML-engineer ladder: no
      ML, data or software evidence). The placement then gives the person's seniority only, and the gap is
      what a move into the field would take (``placement.fit``).
    """

    code: str = Field(description="stable machine-readable code, e.g. 'little_text', 'two_columns'")
    message: str


class Section(Frozen):
    name: SectionName
    heading: str | None = Field(description="the heading line as written, None for the implicit header")
    start: int
    end: int


class DocumentInfo(Frozen):
    source: str | None = Field(description="file name, '<stdin>' or None for text given from Python")
    format: Literal["pdf", "docx", "text"]
    pages: int | None = None
    chars: int
    sections: tuple[Section, ...] = ()


class Mention(Frozen):
    """One occurrence in the analysed text: ``report.text[start:end] == text``."""

    start: int
    end: int
    text: str
    section: SectionName
    match: MatchKind = Field(description="exact name, listed alias, spacing/punctuation variant, or fuzzy")
    score: float = Field(1.0, description="1.0 for exact/alias/variant; the rapidfuzz ratio/100 for fuzzy")
    alias: str = Field(description="the taxonomy name or alias that matched")


class SkillFinding(Frozen):
    id: str
    name: str
    category: str
    mentions: tuple[Mention, ...]
    years: float | None = Field(None, description="years of dated positions whose text mentions the skill")
    last_used: str | None = Field(None, description="YYYY-MM end of the latest position mentioning it")
    implies: tuple[str, ...] = Field((), description="skill ids this skill implies (PyTorch => deep learning)")


class UnlistedSkill(Frozen):
    """A name that an explicit list of tools or technologies gives ("Technologies: Blue Prism, TestComplete")
    and the taxonomy does not know. Reported with its evidence so that a gap in the taxonomy hides nothing; it
    is no taxonomy skill (no id, category or implications) and comparisons do not match it."""

    name: str = Field(description="the item as first written")
    mentions: tuple[Span, ...] = Field(description="every place the list names it (offsets into the analysed text)")


class CertificationFinding(Frozen):
    id: str
    name: str
    issuer: str
    mentions: tuple[Mention, ...]


class EducationFinding(Frozen):
    degree: DegreeLevel = Field(
        description="the level requirement checks rank it at; a professional doctorate (MD, JD) ranks as 'master'"
    )
    field: str | None = None
    institution: str | None = None
    year: int | None = Field(None, description="the year on the degree's own entry: when it ended or is expected")
    in_progress: bool = Field(
        False,
        description="still studying for it (an end to come or 'present', 'expected', 'candidate'): not held, "
        "so it meets no degree requirement",
    )
    doctorate: Literal["research", "professional"] | None = Field(
        None,
        description="research: a PhD or equivalent (degree 'phd'); professional: a doctorate of professional "
        "practice such as MD, JD, DDS, PharmD (degree 'master'), never taken for a PhD",
    )
    mentions: tuple[Mention, ...]


class Position(Frozen):
    title: str | None
    organization: str | None = None
    start: str | None = Field(None, description="YYYY-MM")
    end: str | None = Field(None, description="YYYY-MM; None when current or unknown")
    current: bool = False
    kind: PositionKind = "job"
    start_offset: int = Field(description="offset of the position block in the analysed text")
    end_offset: int
    date_text: str | None = Field(None, description="the date range as written")


class Experience(Frozen):
    total_years: float | None = Field(
        description="length of the union of dated job positions (overlaps once), current ones up to today"
    )
    positions: tuple[Position, ...] = ()
    stated_years: float | None = Field(None, description="a stated total such as '9+ years of experience'")
    basis: Literal["positions", "stated", "none"] = "none"
    headline: str | None = Field(
        None, description="the title the document gives the person (its header, or the first experience line)"
    )


class LeadershipSignal(Frozen):
    kind: SignalKind
    value: int | None = Field(None, description="a number the signal states, e.g. the team size")
    mentions: tuple[Mention, ...]


class SalaryBand(Frozen):
    min: int
    max: int | None
    currency: str = "USD"
    open_ended: bool = False


class Evidence(Frozen):
    """One input to the placement decision and how it voted."""

    factor: Literal["title", "years", "skills", "leadership", "degree", "job_years", "path", "fit"]
    detail: str
    level: str | None = Field(None, description="the level or path id this factor points to, if any")
    weight: float


class LevelScore(Frozen):
    """How well one level or path of the ladder fits the document (``placement.fits``)."""

    level: str
    name: str
    short: str = Field(description="a short label for charts")
    track: Track
    rank: int
    score: float = Field(ge=0.0, le=1.0, description="skills 45%, title 20%, years 15%, leadership 10%, degree 10%")
    detail: str = Field(description="what the score is made of, e.g. 'skills 64%, title, years in band'")
    salary: SalaryBand | None = Field(None, description="the level's or path's pay band (the ladder's)")


class NextStep(Frozen):
    """What would change the placement: the rung above and what it asks that the document does not show."""

    level: str
    name: str
    missing: tuple[str, ...] = Field(description="the strongest missing evidence first, in plain words")


class Placement(Frozen):
    """Where the document sits on the ladder, how sure that is, and how well the ladder fits at all."""

    ladder: str
    ladder_name: str = ""
    track: Track = Field(description="ic, management, or alternative (a path beside the ladder)")
    level: str = Field(description="the level id, or the path id when track is 'alternative'")
    level_name: str
    seniority: str = Field(
        description="the ic/management level that gives the person's seniority (equals level on those tracks; "
        "for a path or a person off the ladder, the rung of the same seniority)"
    )
    seniority_name: str = Field("", description="that seniority in words any field shares, e.g. 'Senior'")
    confidence: float = Field(ge=0.0, le=1.0)
    fit: LadderFitKind = Field(
        "fits",
        description="fits: the ladder's own work; adjacent: related work (a move into the field); off_ladder: "
        "none of it (the level is then only the person's seniority, see the off_ladder warning)",
    )
    fit_detail: str = ""
    scores: dict[str, float] = Field(description="normalised vote share per ic/management level id (sums to 1)")
    evidence: tuple[Evidence, ...] = ()
    fits: tuple[LevelScore, ...] = Field((), description="every level and path of the ladder, best fit first")
    salary: SalaryBand | None = Field(None, description="the placed level's band; None off the ladder")
    responsibilities: tuple[str, ...] = Field((), description="the placed level's responsibilities (ladder)")
    next: NextStep | None = Field(None, description="the rung a move would reach and what it still asks")


class SkillRequirementStatus(Frozen):
    requirement: str = Field(description="requirement id in the ladder, or the job's skill id")
    label: str
    category: str
    category_name: str = Field("", description="the category's display name")
    level: str | None = Field(None, description="the rung that asks for it (its own or an inherited requirement)")
    importance: Literal["core", "important", "nice", "required", "preferred"]
    any_of: tuple[str, ...]
    status: Literal["met", "missing"]
    via: Literal["direct", "alternative", "implied", "assumed"] | None = Field(
        None, description="assumed: given by a what-if, not by the document"
    )
    matched_skill: str | None = Field(None, description="the candidate's skill id that meets it")
    matched_name: str | None = Field(None, description="that skill's display name")
    implied_by_name: str | None = Field(None, description="the display name of what implies it")
    implied_by: str | None = Field(
        None, description="skill or certification that implies it, or signal:<kind> for leadership evidence"
    )
    evidence: tuple[Mention, ...] = ()
    job_evidence: tuple[Mention, ...] = ()


class CertificationStatus(Frozen):
    id: str
    name: str
    status: Literal["held", "missing"]
    recommended: bool = True


class Gap(Frozen):
    target_kind: Literal["level", "path", "job"]
    target: str = Field(description="level or path id, or 'job'")
    target_name: str
    basis: Literal["next_level", "chosen", "transition", "job"] = Field(
        "next_level",
        description="why this target: the rung above the placement, the one asked for (--target), the rung a "
        "person from a path or another field moves into, or a job",
    )
    skills: tuple[SkillRequirementStatus, ...]
    missing_by_category: dict[str, tuple[str, ...]] = Field(
        description="category -> missing requirement labels, most important first"
    )
    certifications: tuple[CertificationStatus, ...] = ()
    degree_required: DegreeLevel | None = None
    degree_held: DegreeLevel | None = None
    degree_met: bool | None = None
    years_required: float | None = None
    years_held: float | None = None
    years_shortfall: float = 0.0
    leadership_expected: tuple[str, ...] = ()
    leadership_missing: tuple[str, ...] = ()
    salary: SalaryBand | None = Field(None, description="the target's band")
    responsibilities: tuple[str, ...] = Field((), description="the target's responsibilities (ladder)")
    coverage: float = Field(ge=0.0, le=1.0, description="weighted share of skill requirements met")


PlanStepKind = Literal["skill", "certification", "degree", "years", "leadership"]


class PlanStep(Frozen):
    """One step toward the target: what it is, why, and what doing it changes."""

    order: int = Field(description="1, 2, ...: the order the plan suggests")
    kind: PlanStepKind
    label: str = Field(description="what to gain, in plain words")
    options: tuple[str, ...] = Field((), description="display names of the skills or certifications that do it")
    any_of: tuple[str, ...] = Field((), description="their ids (skill kind), certification id, degree level")
    level: str = Field(description="the rung that asks for it")
    importance: Literal["core", "important", "nice"]
    why: str = Field(description="which rung asks for it and how much it weighs")
    stage: str | None = Field(None, description="the ladder's skills-timeline stage it belongs to")
    builds_on: tuple[int, ...] = Field((), description="the orders of earlier steps it builds on")
    coverage_after: float = Field(
        ge=0.0, le=1.0, description="the target's coverage once this and the earlier steps are done"
    )
    placement_after: str | None = Field(
        None, description="the level the placement would move to once this and earlier steps are done, if it moves"
    )
    changes: str = Field(description="what completing it changes, in plain words")


class Plan(Frozen):
    """The ordered steps from the document to the gap's target (``report.plan``)."""

    target: str
    target_name: str
    coverage_now: float = Field(ge=0.0, le=1.0)
    coverage_after: float = Field(ge=0.0, le=1.0, description="once every step is done")
    placement_now: str
    placement_after: str = Field(description="the placement once every step is done")
    steps: tuple[PlanStep, ...] = ()
    more: int = Field(0, description="further steps after the listed ones (a plan lists at most 15)")
    assumed: tuple[str, ...] = Field(
        (),
        description="requirements of lower rungs the resume does not show but the person's level implies: not steps",
    )


class Span(Frozen):
    """A piece of the analysed text: ``text == report.text[start:end]``."""

    start: int
    end: int
    text: str
    section: SectionName
    match: MatchKind | None = Field(None, description="how a skill or certification mention matched, if it is one")


RequirementKind = Literal["skill", "years", "degree", "certification"]
RequirementGroup = Literal["required", "preferred", "responsibilities"]


class JobRequirement(Frozen):
    """One requirement of a job post: a skill (or alternatives), years, a degree or a certification."""

    id: str = Field(description="stable within the report: r1, r2, ... in the order of the posting")
    kind: RequirementKind
    group: RequirementGroup = Field(
        description="required / preferred ('nice to have', 'a plus') / responsibilities (what the job does)"
    )
    label: str = Field(description="human label, e.g. 'PyTorch or TensorFlow', '3+ years of experience'")
    category: str = Field(
        description="taxonomy category of the (first) skill; 'certification', 'degree' or 'experience'"
    )
    any_of: tuple[str, ...] = Field(
        (), description="skill or certification ids any one of which meets it; degree kind: the accepted levels"
    )
    years: float | None = Field(None, description="years asked for (kind years, or 'N+ years of <skill>')")
    degree: DegreeLevel | None = Field(None, description="kind degree: the lowest accepted level")
    fields: tuple[str, ...] = Field((), description="kind degree: field ids named by the posting")
    related_fields: bool = Field(False, description="kind degree: 'or a related field'")
    or_equivalent: bool = Field(False, description="kind degree: 'or equivalent (practical) experience'")
    sentence: Span = Field(description="the clause of the posting that states it")
    mentions: tuple[Mention, ...] = Field((), description="the skill/certification mentions in that clause")


class JobRequirements(Frozen):
    min_years: float | None = None
    degree: DegreeLevel | None = None
    degree_preferred: DegreeLevel | None = None
    required_skills: tuple[str, ...] = ()
    preferred_skills: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    title: str | None = None
    items: tuple[JobRequirement, ...] = Field((), description="the posting's requirements, grouped and in order")


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    kind: DocumentKind
    document: DocumentInfo
    text: str = Field(description="the analysed text; every offset points into it")
    skills: tuple[SkillFinding, ...] = ()
    context_skills: tuple[SkillFinding, ...] = Field(
        (),
        description="job posts: skills named in text about the employer, its benefits or the application "
        "('About us', 'What we offer', 'How to apply'): context about the company, neither asked of the "
        "candidate nor part of `skills`",
    )
    certifications: tuple[CertificationFinding, ...] = ()
    unlisted_skills: tuple[UnlistedSkill, ...] = Field(
        (),
        description="items of an explicit list of tools or technologies that the taxonomy does not know, with "
        "their evidence; not taxonomy skills, not compared",
    )
    education: tuple[EducationFinding, ...] = ()
    experience: Experience
    leadership: tuple[LeadershipSignal, ...] = ()
    placement: Placement | None = None
    requirements: JobRequirements | None = None
    gap: Gap | None = None
    plan: Plan | None = None
    assumed: tuple[str, ...] = Field(
        (), description="what placement, gap and plan take as given beyond the document (a what-if); empty otherwise"
    )
    warnings: tuple[DocumentWarning, ...] = ()


# ---------------------------------------------------------------------------------------------- comparison
RequirementStatusName = Literal["met", "claimed", "implied", "partial", "missing"]


class RequirementStatus(Frozen):
    """How the resume answers one job requirement, with evidence on both sides.

    The evidence levels and what a tailoring service may do with each: ``docs/evidence.md``.
    """

    requirement: JobRequirement
    status: RequirementStatusName = Field(
        description="met: shown in a position, project, publication or accomplishment entry (or held: a "
        "certification, a degree, years); claimed: named only in a skills list, summary, header, coursework or a "
        "certificate's name; implied: never named, implied by another finding (implied_by); partial: fewer years, "
        "a related skill, a lower or other degree; missing: no basis. See docs/evidence.md"
    )
    via: Literal["direct", "alternative", "implied", "signal", "related", "equivalent"] | None = Field(
        None,
        description="direct: the skill itself; alternative: another accepted skill; implied: a finding that implies "
        "it; signal: a leadership statement ('managed a team of 8'); related: a skill of the same kind; "
        "equivalent: years of experience for a degree",
    )
    matched: str | None = Field(None, description="the resume's skill/certification id or degree level that answers it")
    implied_by: str | None = Field(
        None,
        description="status implied: the skill or certification id (or signal:<kind>) it rests on; the resume "
        "evidence points at that finding's mentions",
    )
    detail: str = Field(description="one line a person can read, e.g. '2.5 of 5 years'")
    years_shown: float | None = Field(None, description="years the resume shows, where the requirement asks for years")
    resume_evidence: tuple[Span, ...] = ()


class ScoreComponent(Frozen):
    name: Literal["required_skills", "preferred_skills", "years", "degree", "certifications", "level_fit"]
    weight: float = Field(description="the documented base weight")
    applies: bool = Field(description="False when the job states nothing for it; its weight is then shared out")
    effective_weight: float = Field(description="weight after sharing out the components that don't apply")
    score: float = Field(ge=0.0, le=1.0)
    points: float = Field(description="effective_weight * score * 100")
    detail: str


class MatchScore(Frozen):
    total: float = Field(ge=0.0, le=100.0, description="sum of the components' points")
    components: tuple[ScoreComponent, ...]
    credit: dict[str, float] = Field(description="credit per status used by the skill components")


class LevelFit(Frozen):
    candidate_level: str | None = Field(description="the candidate's level or alternative path id on the ladder")
    candidate_level_name: str | None
    candidate_track: Track | None
    job_level: str | None = Field(description="the job's level or alternative path id")
    job_level_name: str | None
    job_track: Track | None
    steps: int | None = Field(None, description="job rank minus candidate rank on the shared ladder scale")
    verdict: Literal["under", "fit", "over", "off_ladder", "unknown"] = Field(
        description="under/fit/over: the job is above/at/below the candidate's level; off_ladder: the resume is "
        "not on this career ladder (its off_ladder warning), so no level fits; unknown: a level is missing"
    )
    track_change: bool = Field(
        False,
        description="the job is on the other track (IC vs management): the verdict compares ranks on the "
        "ladder's shared scale (a staff engineer and a manager rank alike), not readiness for the other track",
    )
    next_level: str | None = Field(None, description="the candidate's next level on the ladder")
    next_level_adds: tuple[str, ...] = Field((), description="what the next level asks that the resume lacks")


HintKind = Literal["use_job_term", "surface", "back_up", "confirm", "years", "level", "learn"]


class TailoringHint(Frozen):
    """A suggestion that never invents anything: each one points at evidence (or says there is none)."""

    kind: HintKind = Field(
        description="use_job_term: the resume names it differently; surface: evidenced but not in the skills "
        "section/summary; back_up: claimed but never shown in experience; confirm: implied or related, never "
        "named: how to back it up if it is true; years: fewer years than asked; level: the post is at another "
        "level; learn: no basis in the resume"
    )
    requirement: str = Field(description="the requirement id (r1, r2, ...), or 'level' for a hint about the level fit")
    message: str
    resume_evidence: tuple[Span, ...] = ()
    job_evidence: Span | None = None


class Comparison(Frozen):
    """A resume compared with a job post: ``gapfinder RESUME --job JOB --format json``."""

    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    resume: Report
    job: Report
    requirements: tuple[RequirementStatus, ...]
    counts: dict[str, int] = Field(description="requirements per status")
    score: MatchScore
    level: LevelFit
    hints: tuple[TailoringHint, ...] = ()

    def compact(self) -> CompactComparison:
        """This comparison without the two full reports and texts: statuses, evidence spans and hints."""
        return CompactComparison(
            gapfinder_version=self.gapfinder_version,
            resume=DocumentSummary.of(self.resume),
            job=DocumentSummary.of(self.job),
            requirements=self.requirements,
            counts=self.counts,
            score=self.score,
            level=self.level,
            hints=self.hints,
        )


class DocumentSummary(Frozen):
    """One analysed document as a compact answer names it: where it came from, its title and its warnings."""

    kind: DocumentKind
    source: str | None = Field(description="file name, '<stdin>' or None for text given from Python")
    format: Literal["pdf", "docx", "text"]
    pages: int | None = None
    chars: int
    title: str | None = Field(None, description="a job post's title, as found")
    warnings: tuple[DocumentWarning, ...] = ()

    @classmethod
    def of(cls, report: Report) -> DocumentSummary:
        doc = report.document
        title = report.requirements.title if report.requirements else None
        return cls(
            kind=report.kind,
            source=doc.source,
            format=doc.format,
            pages=doc.pages,
            chars=doc.chars,
            title=title,
            warnings=report.warnings,
        )


class CompactComparison(Frozen):
    """A comparison without the two full reports and texts (``Comparison.compact()``, ``POST
    /v1/compare?view=compact``): every span still points into the text the caller sent."""

    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    resume: DocumentSummary
    job: DocumentSummary
    requirements: tuple[RequirementStatus, ...]
    counts: dict[str, int] = Field(description="requirements per status")
    score: MatchScore
    level: LevelFit
    hints: tuple[TailoringHint, ...] = ()


# ---------------------------------------------------------------------------------------------- ranking
class RankedJob(Frozen):
    """One job post in a ranking: its score, level fit and the requirements the resume misses most."""

    rank: int = Field(ge=1, description="1 for the best match; equal scores keep the order given")
    job: DocumentSummary
    score: float = Field(ge=0.0, le=100.0, description="the comparison's match score")
    counts: dict[str, int] = Field(description="requirements per status")
    level: LevelFit
    top_missing: tuple[JobRequirement, ...] = Field(
        (), description="missing requirements, required before responsibilities before preferred, in post order"
    )
    comparison: CompactComparison | None = Field(None, description="the whole compact comparison, when asked for")


class RankingFailure(Frozen):
    """A job post that could not be compared (unreadable, encrypted, ...): the ranking goes on without it."""

    source: str = Field(description="the path or name of the job post as given")
    error: str = Field(description="the GapfinderError class, e.g. 'EncryptedDocumentError'")
    message: str = Field(description="one line; never document text")
    needs_password: bool = Field(False, description="an encrypted PDF its password opens: pass the job password")


class JobRanking(Frozen):
    """One resume against many job posts, best match first: ``gapfinder match RESUME JOBS...``."""

    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    resume: DocumentSummary
    jobs: tuple[RankedJob, ...]
    failed: tuple[RankingFailure, ...] = ()


class WhatIf(Frozen):
    """A report re-run as if the person had some more skills, certifications, years or leadership
    (``Engine.what_if``, ``gapfinder FILE --assume ...``): the new placement, gap and plan, and what changed."""

    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    assumed: tuple[str, ...] = Field(description="what was assumed, in display names")
    report: Report = Field(description="the report with placement, gap and plan recomputed; findings unchanged")
    changes: tuple[str, ...] = Field(description="what changed, one plain sentence each")
