"""The engine: loads the taxonomy and spaCy once, then runs the pipeline for many documents.

bytes -> Document -> normalised text + sections -> findings (skills, certifications, education,
experience, leadership) -> Placement -> Gap -> Report. Each stage is a pure function; ``pipeline`` runs
them for a resume or a job post, and the engine checks the arguments and owns the compiled taxonomy.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from ._gc import collector_paused
from ._version import __version__
from .comparison import compare as compare_reports
from .comparison.ranking import TOP_MISSING, rank
from .errors import EncryptedDocumentError, GapfinderError, InputError, UsageError, for_document
from .extract.index_cache import load_compiled
from .extract.phrase_index import PhraseIndex, build_index
from .kinds import DOCUMENT_KINDS, DocumentKind, is_job, is_resume
from .ladder.gap import level_gap
from .ladder.profile import profile_of
from .ladder.requirements import find_level
from .ladder.titles import TitleClassifier
from .ladder.what_if import changes as what_if_changes
from .ladder.what_if import read_items, surface_index
from .limits import DEFAULT_LIMITS, Limits
from .models import Comparison, JobRanking, RankingFailure, Report, WhatIf
from .pipeline.findings import Setup, place_profile
from .pipeline.job_report import job_report
from .pipeline.resume_report import ladder_gap, plan_for, resume_report
from .reading import Document, document_from_text, read_document
from .reading.deadline import run_analysis
from .taxonomy import Taxonomy
from .taxonomy.schema import Ladder

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
        setup = self._setup(lad)
        placement = place_profile(profile, setup)
        # the same target as the report's, so that its coverage before and after compare
        if report.gap is not None and not is_job(report.gap.basis):
            gap = level_gap(profile, lad, self.taxonomy, find_level(lad, report.gap.target), report.gap.basis)
        else:
            gap = ladder_gap(profile, setup, placement, None)
        after = report.model_copy(
            update={
                "placement": placement,
                "gap": gap,
                "plan": plan_for(profile, setup, placement, gap),
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

    def _setup(self, ladder: Ladder) -> Setup:
        return Setup(self.taxonomy, self.index, ladder, self._title_classifier(ladder), self._today())

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
        setup = self._setup(ladder)
        if is_job(kind):
            return job_report(doc, setup)
        return resume_report(doc, setup, target=target_level, job=job)


def _job_name(job: Report | Source, k: int) -> str:
    """How a ranking names a post it could not read: its path, never text passed by mistake as a path."""
    if isinstance(job, Report):
        return job.document.source or f"job {k}"
    if isinstance(job, bytes):
        return f"job {k}"
    name = os.fspath(job)
    return f"job {k}" if "\n" in name or len(name) > 255 else name


__all__ = ["Engine"]
