"""gapfinder: offline resume-to-role gap analysis with evidence.

>>> import gapfinder
>>> report = gapfinder.analyze("resume.pdf")                      # doctest: +SKIP
>>> report.placement.level, report.gap.missing_by_category         # doctest: +SKIP
>>> gapfinder.compare("resume.pdf", "job.txt").score.total         # doctest: +SKIP
>>> gapfinder.match("resume.pdf", ["a.txt", "b.pdf"]).jobs[0]       # doctest: +SKIP

``analyze``/``analyze_text`` use one shared :class:`Engine` built on first use; build your own
``Engine(taxonomy=..., today=...)`` to choose the taxonomy or pin the date. Importing gapfinder is
cheap: spaCy and the taxonomy load on the first analysis.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GapfinderError,
    InputError,
    NoTextLayerError,
    TaxonomyError,
    UnknownTargetError,
    UnsupportedFormatError,
    UsageError,
)
from .limits import Limits
from .models import CompactComparison, Comparison, DocumentKind, JobRanking, Report

if TYPE_CHECKING:
    from .engine import Engine

__all__ = [
    "CompactComparison",
    "Comparison",
    "CorruptDocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Engine",
    "GapfinderError",
    "InputError",
    "JobRanking",
    "Limits",
    "NoTextLayerError",
    "Report",
    "TaxonomyError",
    "UnknownTargetError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "alias_list",
    "analyze",
    "analyze_text",
    "compare",
    "compare_text",
    "match",
]


@functools.lru_cache(maxsize=1)
def _default_engine() -> Engine:
    from .engine import Engine

    return Engine()


def analyze(
    source: str | os.PathLike[str] | bytes,
    *,
    kind: DocumentKind = "resume",
    filename: str | None = None,
    password: str | None = None,
    target: str | None = None,
    job: Report | None = None,
) -> Report:
    """Analyse a resume or job description file (path or bytes: PDF, DOCX, TXT, Markdown)."""
    return _default_engine().analyze(source, kind=kind, filename=filename, password=password, target=target, job=job)


def analyze_text(
    text: str,
    kind: DocumentKind = "resume",
    *,
    target: str | None = None,
    job: Report | None = None,
) -> Report:
    """Analyse text; every offset in the report points into ``text`` itself."""
    return _default_engine().analyze_text(text, kind=kind, target=target, job=job)


def compare(
    resume: Report | str | os.PathLike[str] | bytes,
    job: Report | str | os.PathLike[str] | bytes,
    *,
    password: str | None = None,
    job_password: str | None = None,
) -> Comparison:
    """Compare a resume with a job post (reports, paths or bytes): statuses, score, level fit, hints.

    For texts use :func:`compare_text`; ``.compact()`` on the result drops the two full reports."""
    return _default_engine().compare(resume, job, password=password, job_password=job_password)


def match(
    resume: Report | str | os.PathLike[str] | bytes,
    jobs: Iterable[Report | str | os.PathLike[str] | bytes],
    *,
    password: str | None = None,
    job_password: str | None = None,
    top_missing: int = 3,
    details: bool = False,
) -> JobRanking:
    """Rank job posts by how well one resume matches them, with each post's top missing requirements."""
    return _default_engine().match(
        resume, jobs, password=password, job_password=job_password, top_missing=top_missing, details=details
    )


def compare_text(resume: str, job: str) -> Comparison:
    """Compare a resume with a job post given as text; offsets point into the two texts."""
    return _default_engine().compare_text(resume, job)


def alias_list() -> list[str]:
    """Every surface form the default taxonomy matches (names, aliases, certification codes)."""
    return _default_engine().alias_list()


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from .engine import Engine

        return Engine
    raise AttributeError(f"module 'gapfinder' has no attribute {name!r}")
