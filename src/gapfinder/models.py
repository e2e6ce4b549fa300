"""Frozen result models: the public, stable JSON of gapfinder.

``report.model_dump(mode="json")`` is exactly what ``gapfinder --format json`` prints. Every finding
carries its evidence: character offsets into the analysed text (``Report.text``), the section the
mention sits in and how it matched.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

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
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentWarning(Frozen):
    """A quality signal about the input that does not stop the analysis."""

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


class JobRequirements(Frozen):
    min_years: float | None = None
    degree: DegreeLevel | None = None
    degree_preferred: DegreeLevel | None = None
    required_skills: tuple[str, ...] = ()
    preferred_skills: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    title: str | None = None


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    gapfinder_version: str
    kind: DocumentKind
    document: DocumentInfo
    text: str = Field(description="the analysed text; every offset points into it")
    skills: tuple[SkillFinding, ...] = ()
    certifications: tuple[CertificationFinding, ...] = ()
    education: tuple[EducationFinding, ...] = ()
    experience: Experience
    leadership: tuple[LeadershipSignal, ...] = ()
    placement: Placement | None = None
    requirements: JobRequirements | None = None
    gap: Gap | None = None
    warnings: tuple[DocumentWarning, ...] = ()
