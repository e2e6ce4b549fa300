"""The engine: loads the taxonomy and spaCy once, then runs the pipeline for many documents.

bytes -> Document -> normalised text + sections -> findings (skills, certifications, education,
experience, leadership) -> Placement -> Gap -> Report. Each stage is a pure function; the engine wires
them and owns the compiled taxonomy.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Literal

from ._gc import collector_paused
from ._version import __version__
from .comparison import compare as compare_reports
from .comparison.ranking import TOP_MISSING, rank
from .errors import EncryptedDocumentError, GapfinderError, InputError, UsageError, for_document
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
from .kinds import DOCUMENT_KINDS, is_job, is_resume
from .ladder.gap import job_gap, level_gap
from .ladder.placement import decide, place
from .ladder.plan import make_plan
from .ladder.profile import Profile, profile_of
from .ladder.requirements import find_level
from .ladder.titles import TitleClassifier
from .ladder.what_if import changes as what_if_changes
from .ladder.what_if import read_items, surface_index
from .limits import DEFAULT_LIMITS, Limits
from .models import (
    Comparison,
    DocumentInfo,
    DocumentKind,
    DocumentWarning,
    Experience,
    Gap,
    JobRanking,
    JobRequirements,
    Placement,
    Plan,
    RankingFailure,
    Report,
    Section,
    SkillFinding,
    WhatIf,
)
from .normalize import normalize
from .quality import little_text_warning
from .reading import Document, document_from_text, read_document
from .reading.deadline import run_analysis
from .sections import detect_sections
from .taxonomy import Taxonomy
from .taxonomy.schema import Ladder, Level

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
        ladder: str | None = None,
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
        #: the ladder used when a call names none (``ladder=``; else the taxonomy's default or only ladder)
        self.ladder = self.taxonomy.ladder(ladder)
        self.limits = limits
        self.today = today
        self._titles: dict[str, TitleClassifier] = {}
        self._surfaces: dict[str, tuple[str, str]] | None = None  # for what_if: built on its first call
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
        ladder: str | None = None,
    ) -> Report:
        """Analyse a file (path) or raw bytes (PDF, DOCX, TXT/Markdown)."""
        doc = read_document(source, filename=filename, password=password, limits=self.limits)
        return self._run(doc, kind, target, job, ladder)

    def analyze_document(
        self,
        document: Document,
        *,
        kind: DocumentKind = "resume",
        target: str | None = None,
        job: Report | None = None,
        ladder: str | None = None,
    ) -> Report:
        """Analyse a document already read with ``gapfinder.reading.read_document``."""
        return self._run(document, kind, target, job, ladder)

    def analyze_text(
        self,
        text: str,
        *,
        kind: DocumentKind = "resume",
        target: str | None = None,
        job: Report | None = None,
        source: str | None = None,
        ladder: str | None = None,
    ) -> Report:
        """Analyse text given from Python; offsets in the report point into ``text`` exactly."""
        if not isinstance(text, str):
            raise UsageError(f"analyze_text() takes a str, not {type(text).__name__}; use analyze() for files")
        doc = document_from_text(text, source=source, limits=self.limits)
        return self._run(doc, kind, target, job, ladder)

    def compare(
        self,
        resume: Report | Source,
        job: Report | Source,
        *,
        password: str | None = None,
        job_password: str | None = None,
        ladder: str | None = None,
    ) -> Comparison:
        """Compare a resume with a job post: each may be a report of this engine, a path or bytes
        (``password``/``job_password`` open encrypted PDFs; ``ladder``: another ladder of the taxonomy). An error
        names the document it is about.

        >>> engine.compare("resume.pdf", "job.txt").score.total   # doctest: +SKIP
        """
        try:
            resume_report = (
                resume if isinstance(resume, Report) else self.analyze(resume, password=password, ladder=ladder)
            )
        except GapfinderError as err:
            raise for_document(err, "resume", "password=...") from None
        try:
            job_report = (
                job if isinstance(job, Report) else self.analyze(job, kind="job", password=job_password, ladder=ladder)
            )
        except GapfinderError as err:
            raise for_document(err, "job", "job_password=...") from None
        return compare_reports(resume_report, job_report, self._ladder(ladder), self.taxonomy)

    def compare_text(self, resume: str, job: str, *, ladder: str | None = None) -> Comparison:
        """Compare a resume with a job post given as text; offsets point into the two texts.

        >>> engine.compare_text(resume_text, job_text).compact()   # doctest: +SKIP
        """
        reports = []
        documents: tuple[tuple[str, DocumentKind], ...] = ((resume, "resume"), (job, "job"))
        for text, kind in documents:
            try:
                reports.append(self.analyze_text(text, kind=kind, ladder=ladder))
            except GapfinderError as err:
                raise for_document(err, kind) from None
        return compare_reports(reports[0], reports[1], self._ladder(ladder), self.taxonomy)

    def match(
        self,
        resume: Report | Source,
        jobs: Iterable[Report | Source],
        *,
        password: str | None = None,
        job_password: str | None = None,
        top_missing: int = TOP_MISSING,
        details: bool = False,
        ladder: str | None = None,
    ) -> JobRanking:
        """Rank job posts (reports of this engine, paths or bytes) by how well the resume matches them, each
        with its ``top_missing`` requirements (``details``: and its compact comparison). A post that cannot be
        read is listed in ``failed`` and the ranking goes on; a resume that cannot be read raises.

        >>> engine.match("resume.pdf", ["a.txt", "b.pdf"]).jobs[0].job.source   # doctest: +SKIP
        """
        try:
            resume_report = (
                resume if isinstance(resume, Report) else self.analyze(resume, password=password, ladder=ladder)
            )
        except GapfinderError as err:
            raise for_document(err, "resume", "password=...") from None
        comparisons: list[Comparison] = []
        failures: list[RankingFailure] = []
        for k, job in enumerate(jobs, 1):
            try:
                report = (
                    job
                    if isinstance(job, Report)
                    else self.analyze(job, kind="job", password=job_password, ladder=ladder)
                )
            except InputError as err:
                locked = isinstance(err, EncryptedDocumentError) and err.needs_password
                failures.append(
                    RankingFailure(
                        source=_job_name(job, k), error=type(err).__name__, message=err.message, needs_password=locked
                    )
                )
                continue
            comparisons.append(compare_reports(resume_report, report, self._ladder(ladder), self.taxonomy))
        return rank(resume_report, comparisons, failures, limit=top_missing, details=details)

    def what_if(self, report: Report, assume: list[str] | tuple[str, ...], *, ladder: str | None = None) -> WhatIf:
        """The report re-run as if the person also had these skills, certifications, leadership signals or
        years (``ladder.what_if`` reads the items): the new placement, the gap to the same target (so its
        coverage compares) and plan, and what changed. Nothing assumed becomes evidence.

        >>> engine.what_if(report, ["Kubernetes", "CKA", "2 years"]).changes   # doctest: +SKIP
        """
        if not isinstance(report, Report) or not is_resume(report.kind):
            raise UsageError("what_if() takes a resume report made by analyze() or analyze_text()")
        if report.gap is not None and is_job(report.gap.basis):
            raise UsageError("what_if() re-runs a ladder gap; analyse the resume without job= first")
        if self._surfaces is None:
            self._surfaces = surface_index(self.taxonomy)
        items = read_items(list(assume), self.taxonomy, self._surfaces)
        lad = self._ladder(ladder or (report.placement.ladder if report.placement else None))
        profile = profile_of(report).assuming(
            self.taxonomy,
            skills=tuple(items.skills),
            certifications=tuple(items.certifications),
            signals=tuple(items.signals),
            years=items.years,
        )
        placement = place(profile, lad, self.taxonomy, self._title_classifier(lad))
        # the same target as the report's, so that its coverage before and after compare
        if report.gap is not None and not is_job(report.gap.basis):
            gap = level_gap(profile, lad, self.taxonomy, find_level(lad, report.gap.target), report.gap.basis)
        else:
            gap = _level_gap(profile, lad, self.taxonomy, placement, None)
        after = report.model_copy(
            update={
                "placement": placement,
                "gap": gap,
                "plan": self._plan(profile, lad, placement, gap),
                "assumed": report.assumed + tuple(items.names),
            }
        )
        return WhatIf(
            gapfinder_version=__version__,
            assumed=tuple(items.names),
            report=after,
            changes=what_if_changes(report, after),
        )

    def alias_list(self) -> list[str]:
        return self.taxonomy.alias_list()

    # ----------------------------------------------------------------- pipeline
    def _today(self) -> tuple[int, int]:
        d = self.today or dt.date.today()
        return d.year, d.month

    def _ladder(self, ladder_id: str | None) -> Ladder:
        return self.ladder if ladder_id is None else self.taxonomy.ladder(ladder_id)

    def _title_classifier(self, ladder: Ladder) -> TitleClassifier:
        classifier = self._titles.get(ladder.id)
        if classifier is None:
            classifier = self._titles[ladder.id] = TitleClassifier(ladder)
        return classifier

    def _plan(self, profile: Profile, ladder: Ladder, placement: Placement, gap: Gap) -> Plan:
        classifier = self._title_classifier(ladder)

        def placed_with(variant: Profile) -> str:
            return decide(variant, ladder, self.taxonomy, classifier).placed.id

        return make_plan(profile, ladder, self.taxonomy, placement, gap, find_level(ladder, gap.target), placed_with)

    def _run(
        self, doc: Document, kind: DocumentKind, target: str | None, job: Report | None, ladder_id: str | None
    ) -> Report:
        # within Limits.analysis_time_budget_s, interrupted like a stalled reader (``reading.deadline``)
        budget = self.limits.analysis_time_budget_s
        return run_analysis(lambda: self._analyse(doc, kind, target, job, ladder_id), budget)

    def _analyse(
        self, doc: Document, kind: DocumentKind, target: str | None, job: Report | None, ladder_id: str | None
    ) -> Report:
        if kind not in DOCUMENT_KINDS:
            raise UsageError(f"kind must be 'resume' or 'job', not {kind!r}")
        if job is not None and not is_job(job.kind):
            raise UsageError("job= takes a report made with kind='job'")
        if is_job(kind) and (job is not None or target is not None):
            raise UsageError("target= and job= apply to resumes, not to job descriptions")
        if job is not None and target is not None:
            raise UsageError("pass either target= or job=, not both")
        ladder = self._ladder(ladder_id)
        target_level = find_level(ladder, target) if target else None  # fail fast on a bad target
        norm = normalize(doc.text)
        sections = detect_sections(norm.text, kind)
        ctx = AnalysisContext(norm=norm, sections=sections, kind=kind, today=self._today())
        tax = self.taxonomy

        matches = find_matches(ctx, self.index, tokenize(self.index, match_text(norm.text, sections)))
        experience = extract_experience(ctx) if is_resume(kind) else Experience(total_years=None)
        education = extract_education(ctx, tax)
        leadership = extract_leadership(ctx)
        claimed, context = split_context(ctx, matches)
        claimed, titled = split_titles(ctx, claimed, experience.positions)
        skills = skill_findings(ctx, tax, claimed, experience.positions, titled)
        certs = certification_findings(ctx, tax, matches)
        title = headline(ctx)
        if is_resume(kind):
            if not experience.positions:
                title = first_experience_line(ctx) or title
            experience = experience.model_copy(update={"headline": title})

        requirements: JobRequirements | None = None
        placement_experience = experience
        if is_job(kind):
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
        placement = place(profile, ladder, tax, self._title_classifier(ladder))

        gap: Gap | None = None
        plan: Plan | None = None
        if job is not None:
            gap = job_gap(profile, profile_of(job), job.requirements or JobRequirements(), tax)
        elif is_resume(kind):
            gap = _level_gap(profile, ladder, tax, placement, target_level)
            plan = self._plan(profile, ladder, placement, gap)

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
            plan=plan,
            warnings=(
                doc.warnings
                + _quality_warnings(norm.text, kind, skills, experience)
                + _job_warnings(requirements)
                + _fit_warnings(placement, kind)
            ),
        )


def _level_gap(profile: Profile, ladder: Ladder, tax: Taxonomy, placement: Placement, chosen: Level | None) -> Gap:
    """The gap to the chosen target; else to the rung a move reaches (``placement.next``): the next rung up,
    or for a path or another field the rung a move into the ladder starts at; the top rung's own gap last."""
    if chosen is not None:
        return level_gap(profile, ladder, tax, chosen, "chosen")
    on_rung = placement.fit == "fits" and placement.track != "alternative"
    basis: Literal["next_level", "transition"] = "next_level" if on_rung else "transition"
    target = placement.next.level if placement.next is not None else placement.level
    return level_gap(profile, ladder, tax, find_level(ladder, target), basis)


def _fit_warnings(placement: Placement, kind: DocumentKind) -> tuple[DocumentWarning, ...]:
    if placement.fit != "off_ladder":
        return ()
    what = "resume" if is_resume(kind) else "job post"
    return (
        DocumentWarning(
            code="off_ladder",
            message=f"this {what} shows none of the work the {placement.ladder_name} ladder is about; the "
            "placement is only its seniority, and the gap is what a move into the field would take",
        ),
    )


def _job_name(job: Report | Source, k: int) -> str:
    """How a ranking names a post it could not read: its path, never text passed by mistake as a path."""
    if isinstance(job, Report):
        return job.document.source or f"job {k}"
    if isinstance(job, bytes):
        return f"job {k}"
    name = os.fspath(job)
    return f"job {k}" if "\n" in name or len(name) > 255 else name


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
    if is_resume(kind) and not experience.positions:
        out.append(
            DocumentWarning(code="no_positions", message="no dated positions found; years of experience are unknown")
        )
    return tuple(out)


__all__ = ["Engine"]
