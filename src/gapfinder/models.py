"""Frozen result models: the public, stable JSON of gapfinder.

``report.model_dump(mode="json")`` is exactly what ``gapfinder --format json`` prints. Every finding
carries its evidence: character offsets into the analysed text (``Report.text``), the section the
mention sits in and how it matched.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"

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
DegreeLevel = Literal["highschool", "associate", "bachelor", "master", "phd", "other"]
Track = Literal["ic", "management"]
LevelId = Literal["junior", "mid", "senior", "staff", "principal", "manager", "director", "vp"]
DocumentKind = Literal["resume", "job"]
SignalKind = Literal[
    "people_management",
    "team_size",
    "hiring",
    "mentoring",
    "budget",
    "roadmap",
    "strategy",
    "cross_functional",
    "technical_leadership",
    "executive",
    "publications",
    "speaking",
    "open_source",
    "patents",
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class DocumentWarning(Frozen):
    """A quality signal about the input that does not stop the analysis.

    Codes (stable):

    - ``truncated``: the PDF has no ``%%EOF`` end marker (an incomplete download); text may be missing.
    - ``repaired``: the PDF's cross-reference table is damaged and was rebuilt; text may be missing.
    - ``unreadable_pages``: some PDF pages could not be read and were skipped (the message names them).
    - ``scanned_pages``: some PDF pages are images without text (scans); their text is missing.
    - ``two_columns``: a PDF page looks two-column; the reading order of the text may be mixed.
    - ``encoding_fallback``: a text file is not valid UTF-8 (or its UTF-16/32); bytes were read as
      Windows-1252 or replaced.
    - ``control_characters``: a text file holds NUL bytes; they were removed.
    - ``broken_encoding``: 10% or more of the text is not language (broken font encoding, ``(cid:N)``
      artefacts, private-use glyphs, the wrong character set); findings may be missing or wrong. A PDF
      at 60% or more is refused with ``NoTextLayerError`` instead (see ``gapfinder.quality``).
    - ``little_text``: fewer than 200 visible characters; results will be thin.
    - ``no_requirements``: a job post with no requirement items; a comparison rests on the level alone.
    - ``no_skills``, ``no_positions``: nothing from the taxonomy, no dated position was found.
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
    degree: DegreeLevel
    field: str | None = None
    institution: str | None = None
    year: int | None = None
    mentions: tuple[Mention, ...]


class Position(Frozen):
    title: str | None
    organization: str | None = None
    start: str | None = Field(None, description="YYYY-MM")
    end: str | None = Field(None, description="YYYY-MM; None when current or unknown")
    current: bool = False
    kind: Literal["job", "internship"] = "job"
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


class LeadershipSignal(Frozen):
    kind: SignalKind
    value: int | None = Field(None, description="a number the signal states, e.g. the team size")
    mentions: tuple[Mention, ...]


class Evidence(Frozen):
    """One input to the placement decision and how it voted."""

    factor: Literal["title", "years", "skills", "leadership", "degree", "job_years"]
    detail: str
    level: LevelId | None = Field(None, description="the level this factor points to, if any")
    weight: float


class Placement(Frozen):
    ladder: str
    track: Track
    level: LevelId
    level_name: str
    confidence: float = Field(ge=0.0, le=1.0)
    scores: dict[str, float] = Field(description="normalised score per level id (sums to 1)")
    evidence: tuple[Evidence, ...] = ()


class SalaryBand(Frozen):
    min: int
    max: int | None
    currency: str = "USD"
    open_ended: bool = False


class SkillRequirementStatus(Frozen):
    requirement: str = Field(description="requirement id in the ladder, or the job's skill id")
    label: str
    category: str
    importance: Literal["core", "important", "nice", "required", "preferred"]
    any_of: tuple[str, ...]
    status: Literal["met", "missing"]
    via: Literal["direct", "alternative", "implied"] | None = None
    matched_skill: str | None = Field(None, description="the candidate's skill id that meets it")
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
    salary: SalaryBand | None = None
    coverage: float = Field(ge=0.0, le=1.0, description="weighted share of skill requirements met")


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
    warnings: tuple[DocumentWarning, ...] = ()


# ---------------------------------------------------------------------------------------------- comparison
RequirementStatusName = Literal["met", "partial", "missing", "claimed"]


class RequirementStatus(Frozen):
    """How the resume answers one job requirement, with evidence on both sides."""

    requirement: JobRequirement
    status: RequirementStatusName = Field(
        description="met (backed by experience); partial (fewer years, a related skill, a lower/other degree); "
        "missing; claimed (only listed in a skills/summary section, never in an experience or project entry)"
    )
    via: Literal["direct", "alternative", "implied", "related", "equivalent"] | None = None
    matched: str | None = Field(None, description="the resume's skill/certification id or degree level that answers it")
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
    candidate_level: LevelId | None
    candidate_level_name: str | None
    candidate_track: Track | None
    job_level: LevelId | None
    job_level_name: str | None
    job_track: Track | None
    steps: int | None = Field(None, description="job rank minus candidate rank on the shared ladder scale")
    verdict: Literal["under", "fit", "over", "unknown"]
    track_change: bool = Field(
        False,
        description="the job is on the other track (IC vs management): the verdict compares ranks on the "
        "ladder's shared scale (a staff engineer and a manager rank alike), not readiness for the other track",
    )
    next_level: str | None = Field(None, description="the candidate's next level on the ladder")
    next_level_adds: tuple[str, ...] = Field((), description="what the next level asks that the resume lacks")


HintKind = Literal["use_job_term", "surface", "back_up", "learn"]


class TailoringHint(Frozen):
    """A suggestion that never invents anything: each one points at evidence (or says there is none)."""

    kind: HintKind = Field(
        description="use_job_term: the resume names it differently; surface: evidenced but not in the skills "
        "section/summary; back_up: claimed but never shown in experience; learn: no basis in the resume"
    )
    requirement: str = Field(description="the requirement id")
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
