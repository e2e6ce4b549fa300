"""The engine: loads the taxonomy and spaCy once, then runs the pipeline for many documents.

bytes -> Document -> normalised text + sections -> findings (skills, certifications, education,
experience, leadership) -> Placement -> Gap -> Report. Each stage is a pure function; the engine wires
them and owns the compiled taxonomy.
"""

from __future__ import annotations

import datetime as dt
import os

from ._gc import collector_paused
from ._version import __version__
from .comparison import compare as compare_reports
from .errors import UsageError
from .extract.context import AnalysisContext
from .extract.education import extract_education
from .extract.experience import extract_experience
from .extract.index_cache import load_compiled
from .extract.job import first_experience_line, headline, job_requirements
from .extract.leadership import extract_leadership
from .extract.matching import find_matches, match_text
from .extract.phrase_index import PhraseIndex, build_index
from .extract.skills import certification_findings, skill_findings, split_context, split_titles
from .extract.tokenize import tokenize
from .extract.unlisted import unlisted_skills
from .ladder.gap import job_gap, level_gap
from .ladder.placement import place
from .ladder.profile import Profile, profile_of
from .ladder.requirements import find_level
from .ladder.titles import TitleClassifier
from .limits import DEFAULT_LIMITS, Limits
from .models import (
    Comparison,
    DocumentInfo,
    DocumentKind,
    DocumentWarning,
    Experience,
    Gap,
    JobRequirements,
    Report,
    Section,
    SkillFinding,
)
from .normalize import normalize
from .quality import little_text_warning
from .reading import Document, document_from_text, read_document
from .sections import detect_sections
from .taxonomy import Taxonomy
from .taxonomy.schema import Level

Source = str | os.PathLike[str] | bytes


class Engine:
    """Analyse many documents with one loaded taxonomy.

    >>> engine = Engine()                                   # the packaged taxonomy, spacy.blank("en")
    >>> report = engine.analyze("resume.pdf")               # doctest: +SKIP
    >>> report = engine.analyze_text(text, kind="job")      # doctest: +SKIP
    """

    def __init__(
        self,
        taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
        *,
        ladder: str = "ml-engineer",
        limits: Limits = DEFAULT_LIMITS,
        today: dt.date | None = None,
    ) -> None:
        # a taxonomy given as an object is compiled here; one named by its directory (or the packaged one)
        # comes from the compiled-taxonomy cache when it holds it (``extract.index_cache``)
        self.index: PhraseIndex
        with collector_paused():
            if isinstance(taxonomy, Taxonomy):
                self.taxonomy, self.index = taxonomy, build_index(taxonomy)
            else:
                self.taxonomy, self.index = load_compiled(taxonomy)
        if ladder not in self.taxonomy.ladders:
            known = ", ".join(sorted(self.taxonomy.ladders))
            raise UsageError(f"unknown ladder {ladder!r}; the taxonomy has: {known}")
        self.ladder = self.taxonomy.ladders[ladder]
        self.limits = limits
        self.today = today
        self.titles = TitleClassifier(self.ladder)
        # spaCy refuses texts over nlp.max_length (1,000,000 by default): the limits decide, not spaCy
        self.index.nlp.max_length = max(self.index.nlp.max_length, limits.max_chars + 1)

    # ----------------------------------------------------------------- public
    def analyze(
        self,
        source: Source,
        *,
        kind: DocumentKind = "resume",
        filename: str | None = None,
        password: str | None = None,
        target: str | None = None,
        job: Report | None = None,
    ) -> Report:
        """Analyse a file (path) or raw bytes (PDF, DOCX, TXT/Markdown)."""
        doc = read_document(source, filename=filename, password=password, limits=self.limits)
        return self._run(doc, kind, target, job)

    def analyze_document(
        self,
        document: Document,
        *,
        kind: DocumentKind = "resume",
        target: str | None = None,
        job: Report | None = None,
    ) -> Report:
        """Analyse a document already read with ``gapfinder.reading.read_document``."""
        return self._run(document, kind, target, job)

    def analyze_text(
        self,
        text: str,
        *,
        kind: DocumentKind = "resume",
        target: str | None = None,
        job: Report | None = None,
        source: str | None = None,
    ) -> Report:
        """Analyse text given from Python; offsets in the report point into ``text`` exactly."""
        if not isinstance(text, str):
            raise UsageError(f"analyze_text() takes a str, not {type(text).__name__}; use analyze() for files")
        return self._run(document_from_text(text, source=source, limits=self.limits), kind, target, job)

    def compare(
        self,
        resume: Report | Source,
        job: Report | Source,
        *,
        password: str | None = None,
    ) -> Comparison:
        """Compare a resume with a job post: each may be a report of this engine, a path or bytes.

        >>> engine.compare("resume.pdf", "job.txt").score.total   # doctest: +SKIP
        """
        job_report = job if isinstance(job, Report) else self.analyze(job, kind="job")
        resume_report = resume if isinstance(resume, Report) else self.analyze(resume, password=password)
        return compare_reports(resume_report, job_report, self.ladder, self.taxonomy)

    def alias_list(self) -> list[str]:
        return self.taxonomy.alias_list()

    # ----------------------------------------------------------------- pipeline
    def _today(self) -> tuple[int, int]:
        d = self.today or dt.date.today()
        return d.year, d.month

    def _run(self, doc: Document, kind: DocumentKind, target: str | None, job: Report | None) -> Report:
        if kind not in ("resume", "job"):
            raise UsageError(f"kind must be 'resume' or 'job', not {kind!r}")
        if job is not None and job.kind != "job":
            raise UsageError("job= takes a report made with kind='job'")
        if kind == "job" and (job is not None or target is not None):
            raise UsageError("target= and job= apply to resumes, not to job descriptions")
        if job is not None and target is not None:
            raise UsageError("pass either target= or job=, not both")
        target_level = find_level(self.ladder, target) if target else None  # fail fast on a bad target
        norm = normalize(doc.text)
        sections = detect_sections(norm.text, kind)
        ctx = AnalysisContext(norm=norm, sections=sections, kind=kind, today=self._today())
        tax = self.taxonomy

        matches = find_matches(ctx, self.index, tokenize(self.index, match_text(norm.text)))
        experience = extract_experience(ctx) if kind == "resume" else Experience(total_years=None)
        education = extract_education(ctx, tax)
        leadership = extract_leadership(ctx)
        claimed, context = split_context(ctx, matches)
        claimed, titled = split_titles(ctx, claimed, experience.positions)
        skills = skill_findings(ctx, tax, claimed, experience.positions, titled)
        certs = certification_findings(ctx, tax, matches)
        title = headline(ctx)
        if kind == "resume" and not experience.positions:
            title = first_experience_line(ctx) or title

        requirements: JobRequirements | None = None
        placement_experience = experience
        if kind == "job":
            requirements = job_requirements(ctx, tax, skills, certs, education, title)
            experience = Experience(
                total_years=None,
                stated_years=requirements.min_years,
                basis="stated" if requirements.min_years is not None else "none",
            )
            placement_experience = Experience(total_years=requirements.min_years)
        profile = Profile(
            kind=kind,
            skills=skills,
            certifications=certs,
            education=education,
            experience=placement_experience,
            leadership=leadership,
            headline=title,
        )
        placement = place(profile, self.ladder, tax, self.titles)

        gap: Gap | None = None
        if job is not None:
            gap = job_gap(profile, profile_of(job), job.requirements or JobRequirements(), tax)
        elif kind == "resume":
            lv = target_level or self._default_target(placement.level)
            gap = level_gap(profile, self.ladder, tax, lv)

        sections_out = tuple(
            Section(
                name=s.name,
                heading=s.heading,
                start=norm.to_original(s.start, s.end)[0],
                end=norm.to_original(s.start, s.end)[1],
            )
            for s in sections
        )
        return Report(
            gapfinder_version=__version__,
            kind=kind,
            document=DocumentInfo(
                source=doc.source, format=doc.format, pages=doc.pages, chars=len(doc.text), sections=sections_out
            ),
            text=doc.text,
            skills=skills,
            context_skills=skill_findings(ctx, tax, context),
            certifications=certs,
            unlisted_skills=unlisted_skills(ctx, self.index, matches),
            education=education,
            experience=experience,
            leadership=leadership,
            placement=placement,
            requirements=requirements,
            gap=gap,
            warnings=(
                doc.warnings + _quality_warnings(norm.text, kind, skills, experience) + _job_warnings(requirements)
            ),
        )

    def _default_target(self, level_id: str) -> Level:
        lv = find_level(self.ladder, level_id)
        return find_level(self.ladder, lv.next) if lv.next else lv


def _job_warnings(requirements: JobRequirements | None) -> tuple[DocumentWarning, ...]:
    if requirements is None or requirements.items:
        return ()
    return (
        DocumentWarning(
            code="no_requirements",
            message="no requirements (skills, years, degrees, certifications) were found in this job post; "
            "a comparison with it rests on the level alone",
        ),
    )


def _quality_warnings(
    text: str, kind: DocumentKind, skills: tuple[SkillFinding, ...], experience: Experience
) -> tuple[DocumentWarning, ...]:
    """Analysis-level signals: little text (``gapfinder.quality``), nothing found.

    Garbled text is flagged by the readers (``broken_encoding``), on the text before normalisation.
    """
    little = little_text_warning(text)
    out = [little] if little is not None else []
    if not skills:
        out.append(DocumentWarning(code="no_skills", message="no skills from the taxonomy were found"))
    if kind == "resume" and not experience.positions:
        out.append(
            DocumentWarning(code="no_positions", message="no dated positions found; years of experience are unknown")
        )
    return tuple(out)


__all__ = ["Engine"]
