"""One resume against many job posts: the comparisons ranked by score, with what each post misses most.

``rank(resume, comparisons, failures)`` is a pure function of comparisons already made (``Engine.match`` reads
and compares the posts): the best match first; equal scores rank by required items met, then keep the order
given. A post's "top missing" are its missing requirements, required before responsibilities before preferred,
each group in the order of the post.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._version import __version__
from ..models import (
    Comparison,
    DocumentSummary,
    JobRanking,
    JobRequirement,
    RankedJob,
    RankingFailure,
    Report,
)

TOP_MISSING = 3
_GROUP_ORDER = {"required": 0, "responsibilities": 1, "preferred": 2}


def top_missing(comparison: Comparison, limit: int = TOP_MISSING) -> tuple[JobRequirement, ...]:
    missing = [s.requirement for s in comparison.requirements if s.status == "missing"]
    missing.sort(key=lambda r: _GROUP_ORDER[r.group])  # stable: the post's order within a group
    return tuple(missing[: max(0, limit)])


def _required_met(c: Comparison) -> int:
    return sum(s.status == "met" and s.requirement.group == "required" for s in c.requirements)


def rank(
    resume: Report,
    comparisons: Sequence[Comparison],
    failures: Sequence[RankingFailure] = (),
    *,
    limit: int = TOP_MISSING,
    details: bool = False,
) -> JobRanking:
    """The comparisons of ``resume`` ranked, best match first (``details``: each with its compact comparison)."""
    order = sorted(range(len(comparisons)), key=lambda i: (-comparisons[i].score.total, -_required_met(comparisons[i])))
    jobs = []
    for place, i in enumerate(order, 1):
        c = comparisons[i]
        jobs.append(
            RankedJob(
                rank=place,
                job=DocumentSummary.of(c.job),
                score=c.score.total,
                counts=c.counts,
                level=c.level,
                top_missing=top_missing(c, limit),
                comparison=c.compact() if details else None,
            )
        )
    return JobRanking(
        gapfinder_version=__version__,
        resume=DocumentSummary.of(resume),
        jobs=tuple(jobs),
        failed=tuple(failures),
    )


__all__ = ["TOP_MISSING", "rank", "top_missing"]
