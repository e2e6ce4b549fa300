"""Pydantic models of the taxonomy files (``skills_taxonomy/``), strict: unknown keys are errors."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..kinds import DegreeLevel as DegreeLevelId
from ..kinds import SignalKind

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.+#-]*$", max_length=80)]
Surface = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# ------------------------------------------------------------------ categories
class Category(Strict):
    id: Id
    name: str
    description: str = ""
    context: list[str] = Field(
        default_factory=list,
        description="lower-case words that confirm a case-sensitive ambiguous skill of this category, besides its "
        "own rule's ('framework' for React, 'code' for Swift)",
    )


class CategoriesFile(Strict):
    schema_version: int = 1
    categories: list[Category]


# ------------------------------------------------------------------ skills
class Ambiguity(Strict):
    """How to accept a surface form that is also an English word, a name or a single letter.

    The surfaces listed here only count when
    - they are written with the same case as listed (if ``case_sensitive``), and
    - no vetoing neighbour is present (``reject_prev``/``reject_next``, lower-case tokens), and
    - there is supporting context: the mention sits in a skills/list context (a skills section, a
      comma/bullet list line with another technology), or a ``context`` word is within a few tokens.
    """

    surfaces: list[Surface] = Field(min_length=1)
    case_sensitive: bool = True
    context: list[str] = Field(default_factory=list, description="lower-case words that confirm the skill")
    reject_prev: list[str] = Field(default_factory=list)
    reject_next: list[str] = Field(default_factory=list)
    head_noun: bool = Field(
        False,
        description="a generic noun ('testing', 'security') counts only where it ends its phrase (before a list "
        "separator, 'and'/'or', a line end or a word like 'experience'): not as a modifier ('security scans') or "
        "a verb with its object ('Monitoring HANA DB'); 'manual testing' is still testing",
    )


class Skill(Strict):
    id: Id
    name: Surface
    category: Id
    aliases: list[Surface] = Field(default_factory=list)
    implies: list[Id] = Field(default_factory=list)
    ambiguity: Ambiguity | None = None
    fuzzy: bool = Field(True, description="allow near-miss (typo) matching of the name and aliases")
    source: Literal["curated", "onet", "github", "linguist", "esco", "cncf"] = "curated"
    signals: list[SignalKind] = Field(
        default_factory=list,
        description="leadership signals that evidence this skill: a 'managed a team of 8' bullet meets people "
        "management without the words",
    )

    @model_validator(mode="after")
    def _ambiguous_surfaces_are_listed(self) -> Skill:
        if self.ambiguity:
            known = {self.name, *self.aliases}
            unknown = [s for s in self.ambiguity.surfaces if s not in known]
            if unknown:
                raise ValueError(f"ambiguity.surfaces {unknown} are not the name or an alias of {self.id!r}")
        if self.id in self.implies:
            raise ValueError(f"skill {self.id!r} implies itself")
        return self


class SkillsFile(Strict):
    schema_version: int = 1
    skills: list[Skill]


# ------------------------------------------------------------------ senses
Word = Annotated[str, StringConstraints(pattern=r"^[^A-Z\s]+$", min_length=1, max_length=40)]


class SenseCue(Strict):
    """One way a mention shows the other sense of its name; every condition given must hold. Words are the
    lower-case tokens of the text ("-", "@" and "(" are tokens too); "a word" is the next or previous token on
    the same line that is not blank."""

    always: bool = Field(False, description="the other sense unless `unless_near` says otherwise")
    prev: list[Word] = Field(default_factory=list, description="the word right before is one of these")
    next: list[Word] = Field(default_factory=list, description="one of the next `within` words is one of these")
    within: int = Field(1, ge=1, le=5)
    near: list[Word] = Field(default_factory=list, description="a word within a few tokens either way is one of these")
    other_next: list[Word] | None = Field(
        None,
        description="the word right after is a word (not punctuation, not the line end) and none of these: the "
        "name modifies another noun ('French tire manufacturer' but 'French language', 'French, German')",
    )
    capitalised_next: bool = Field(
        False, description="the word right after is capitalised and no skill: a name goes on"
    )
    capitalised_prev: bool = Field(False, description="the word right before is capitalised and no skill")
    joined: bool = Field(False, description="a hyphen joins the name to the next word ('Italian-American')")

    @model_validator(mode="after")
    def _says_something(self) -> SenseCue:
        if not (
            self.always
            or self.prev
            or self.next
            or self.near
            or self.other_next is not None
            or self.capitalised_next
            or self.capitalised_prev
            or self.joined
        ):
            raise ValueError("a cue needs at least one condition")
        return self


class Sense(Strict):
    """Another sense of some skill names, told by the words around a mention (presidio-style context words):
    a language name as a nationality or a place, a product name inside a company's name, a social network as
    a link, a soft-skill adjective describing a thing. A mention any cue matches claims nothing."""

    id: Id
    description: str
    categories: list[Id] = Field(default_factory=list, description="the skills of these categories")
    skills: list[Id] = Field(default_factory=list, description="and these skills; neither: every skill")
    surfaces: str | None = Field(
        None, description="a regular expression the matched surface (as listed) must match in full, e.g. adjectives"
    )
    ambiguous_only: bool = Field(False, description="only the surfaces the skill's `ambiguity` rule lists")
    cues: list[SenseCue] = Field(min_length=1)
    unless_near: list[Word] = Field(
        default_factory=list, description="words of the skill's own sense: one of them near keeps the mention"
    )

    @model_validator(mode="after")
    def _surfaces_compile(self) -> Sense:
        if self.surfaces is not None:
            import re

            try:
                re.compile(self.surfaces)
            except re.error as e:
                raise ValueError(f"surfaces is not a regular expression: {e}") from None
        return self


class SensesFile(Strict):
    schema_version: int = 1
    senses: list[Sense]


# ------------------------------------------------------------------ certifications
class Certification(Strict):
    id: Id
    name: Surface
    issuer: str
    aliases: list[Surface] = Field(default_factory=list)
    exam_codes: list[Surface] = Field(default_factory=list, description="matched case-sensitively")
    level: Literal["foundational", "associate", "professional", "specialty", "expert", "course"] = "associate"
    skills: list[Id] = Field(default_factory=list, description="skill ids the certification evidences")


class CertificationsFile(Strict):
    schema_version: int = 1
    certifications: list[Certification]


# ------------------------------------------------------------------ degrees
class DegreeLevel(Strict):
    id: DegreeLevelId
    name: str
    rank: int
    aliases: list[Surface] = Field(default_factory=list, description="matched case-insensitively")
    abbreviations: list[Surface] = Field(default_factory=list, description="matched case-sensitively")


class StudyField(Strict):
    id: Id
    name: str
    aliases: list[Surface] = Field(default_factory=list)
    quantitative: bool = False


class ProfessionalDoctorates(Strict):
    """Doctorates of professional practice (MD, JD, DDS, PharmD...): a degree of ``level`` for requirement
    checks (with graduate degrees, never as a research doctorate, a PhD), reported as ``doctorate="professional"``."""

    level: DegreeLevelId = "master"
    aliases: list[Surface] = Field(default_factory=list, description="matched case-insensitively")
    abbreviations: list[Surface] = Field(default_factory=list, description="matched case-sensitively")


class DegreesFile(Strict):
    schema_version: int = 1
    levels: list[DegreeLevel]
    fields: list[StudyField]
    professional_doctorates: ProfessionalDoctorates | None = None


# ------------------------------------------------------------------ ladders
class YearsRange(Strict):
    min: float = Field(ge=0)
    max: float | None = None
    source: Literal["seed", "derived"] = "seed"


class Salary(Strict):
    min: int = Field(ge=0)
    max: int | None = None
    currency: str = "USD"
    open_ended: bool = False
    unit: Literal["year", "hour"] = "year"


class DegreeExpectation(Strict):
    minimum: DegreeLevelId | None = None
    preferred: DegreeLevelId | None = None
    fields: list[Id] = Field(default_factory=list)


class SkillRequirement(Strict):
    id: Id
    label: str
    any_of: list[Id] = Field(min_length=1)
    importance: Literal["core", "important", "nice"] = "important"
    category: Id | None = None


class LeadershipExpectation(Strict):
    signal: SignalKind | list[SignalKind] = Field(description="the signal, or signals any one of which meets it")
    label: str
    min_value: int | None = Field(
        None, ge=1, description="for signals that carry a number (team size, teams, organisation size): the least"
    )
    defines: bool = Field(
        False,
        description="the signal is evidence of the rung itself (placement votes for the highest rung one of "
        "whose defining signals is met, and whose track's first rung is evidenced too), not only something it asks",
    )

    @property
    def signals(self) -> tuple[SignalKind, ...]:
        return tuple(self.signal) if isinstance(self.signal, list) else (self.signal,)


class Level(Strict):
    id: Id
    name: str
    track: str = Field(description="ic, management or alternative (checked with the other semantic rules)")
    rank: int = Field(ge=0, description="position on the ladder; alternative paths share the scale")
    short: str | None = Field(None, max_length=14, description="a short label for charts ('Senior', 'MLOps')")
    seniority: str | None = Field(
        None,
        description="the rung's seniority in words any profession shares ('Senior', 'Director'); its name "
        "when not given. Shown for people the ladder does not fit.",
    )
    years: YearsRange
    salary: Salary | None = None
    titles: list[str] = Field(default_factory=list, description="regular expressions over a lower-cased title")
    titles_exclude: list[str] = Field(
        default_factory=list, description="regular expressions: a title matching one of these is not this level"
    )
    titles_by_scope: list[str] = Field(
        default_factory=list,
        description="regular expressions: titles that name this level's track but not its rung ('Head of ML'); "
        "they vote for this level with the weight of an unmarked title and scope evidence decides the rung",
    )
    titles_with_reports: list[str] = Field(
        default_factory=list,
        description="regular expressions: titles that name this level only with evidence of what defines it "
        "(a functional 'Purchasing Manager' with reports); without it they read as unmarked",
    )
    title_qualifiers: list[str] = Field(
        default_factory=list,
        description="alternative paths: a title naming the path counts only when it also matches one of these "
        "('AI consultant', not 'SAP consultant') or the person shows the ladder's core work",
    )
    steps_into: list[Id] = Field(
        default_factory=list,
        description="alternative paths: the rungs of the ladder a person on this path moves into, lowest first; "
        "the gap targets the highest of them at or below the person's seniority",
    )
    degree: DegreeExpectation = DegreeExpectation()
    inherits: list[Id] = Field(default_factory=list)
    skills: list[SkillRequirement] = Field(default_factory=list)
    certifications: list[Id] = Field(default_factory=list)
    leadership: list[LeadershipExpectation] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    next: Id | None = None

    @property
    def seniority_name(self) -> str:
        return self.seniority or self.name


class FitEvidence(Strict):
    """What shows that a person does a kind of work: weighted skills (each counted once) and job titles."""

    categories: dict[Id, float] = Field(
        default_factory=dict, description="skill category -> weight of each distinct skill of it found"
    )
    skills: dict[Id, float] = Field(
        default_factory=dict, description="skill id -> its weight, instead of its category's (0 to ignore it)"
    )
    titles: list[str] = Field(
        default_factory=list, description="regular expressions over a lower-cased position title: decisive"
    )
    min_score: float = Field(3.0, gt=0, description="the skill weight that shows the work without a title")
    min_score_other_title: float | None = Field(
        None,
        gt=0,
        description="the skill weight needed instead when the person's recent titles name other work (a "
        "'Technical Recruiter' naming the tools they recruit for); min_score when not given",
    )


class LadderFit(Strict):
    """Who the ladder is for: its own work (core), related work (adjacent: a transition), or neither."""

    core: FitEvidence
    adjacent: FitEvidence = FitEvidence()
    neutral_titles: list[str] = Field(
        default_factory=list,
        description="regular expressions: titles that neither show nor rule out the work ('Principal Engineer', "
        "'Consultant'): with one of them, skills count in full (min_score, not min_score_other_title)",
    )
    adjacent_steps_into: list[Id] = Field(
        default_factory=list,
        description="rungs a person from the adjacent field moves into, lowest first (chosen by seniority)",
    )
    off_ladder_steps_into: list[Id] = Field(
        default_factory=list, description="the rung a move into the field starts at for anyone else"
    )


class TimelineStage(Strict):
    """A stage of the ladder's skills timeline ("Years 0-2 (Foundation): Python, statistics, ...")."""

    name: str
    years: YearsRange
    skills: list[Id] = Field(default_factory=list, description="the skills the stage names")


class Ladder(Strict):
    schema_version: int = 1
    id: Id
    name: str
    description: str = ""
    source: str = ""
    default: bool = Field(False, description="the ladder used when none is named (when a taxonomy has several)")
    title_precedence: list[Id] = Field(
        default_factory=list,
        description="the order in which levels' title patterns are tried (the more specific seniority first: "
        "'Senior Director' is a director); levels not listed follow by rank, highest first",
    )
    unmarked_title: Id | None = Field(
        None, description="the level a title without any seniority word points to ('ML Engineer')"
    )
    fit: LadderFit | None = None
    timeline: list[TimelineStage] = Field(
        default_factory=list,
        description="the order skills are usually learned in; a plan puts a step in its stage (the earliest "
        "stage naming one of its skills, else the stage of the years of the rung that asks for it)",
    )
    levels: list[Level]
