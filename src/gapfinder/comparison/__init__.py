"""A resume compared with a job post: requirement statuses, a match score, the level view and hints.

``compare(resume, job, ladder, taxonomy)`` takes two reports made by the same engine (a resume and a job
post) and is a pure function of them: the same inputs always give the same ``Comparison``.
"""

from __future__ import annotations

from .._version import __version__
from ..errors import UsageError
from ..kinds import is_job, is_resume
from ..ladder.profile import profile_of
from ..models import Comparison, LevelFit, Report, RequirementStatusName
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder
from .hints import tailoring_hints
from .score import match_score
from .status import requirement_statuses

#: the resume warning that says the person is not on the ladder (another profession): no level fits
OFF_LADDER = "off_ladder"
STATUSES: tuple[RequirementStatusName, ...] = ("met", "claimed", "implied", "partial", "missing")


def off_ladder(resume: Report) -> bool:
    return any(w.code == OFF_LADDER for w in resume.warnings)


def level_fit(resume: Report, job: Report, ladder: Ladder) -> LevelFit:
    levels = {lv.id: lv for lv in ladder.levels}
    cand, post = resume.placement, job.placement
    # ranks of seniority: a path (data scientist) compares by the rung of the same seniority
    c_lv = levels.get(cand.seniority) if cand else None
    j_lv = levels.get(post.seniority) if post else None
    unrelated = off_ladder(resume)
    steps = j_lv.rank - c_lv.rank if c_lv and j_lv and not unrelated else None
    verdict = (
        "off_ladder"
        if unrelated
        else "unknown"
        if steps is None
        else "fit"
        if steps == 0
        else "under"
        if steps > 0
        else "over"
    )
    gap = resume.gap
    adds: list[str] = []
    next_level = None
    if (
        gap is not None
        and gap.target_kind in ("level", "path")
        and cand is not None
        and gap.target != cand.level
        and not unrelated
    ):
        next_level = gap.target
        adds = [label for labels in gap.missing_by_category.values() for label in labels]
        adds += [f"leadership: {label}" for label in gap.leadership_missing]
        if gap.years_shortfall:
            adds.append(f"{gap.years_shortfall:g} more years of experience")
    return LevelFit(
        candidate_level=cand.level if cand else None,
        candidate_level_name=cand.level_name if cand else None,
        candidate_track=cand.track if cand else None,
        job_level=post.level if post else None,
        job_level_name=post.level_name if post else None,
        job_track=post.track if post else None,
        steps=steps,
        verdict=verdict,
        track_change=bool(cand and post and cand.track and post.track and cand.track != post.track and not unrelated),
        next_level=next_level,
        next_level_adds=tuple(adds),
    )


def compare(resume: Report, job: Report, ladder: Ladder, taxonomy: Taxonomy) -> Comparison:
    if not is_resume(resume.kind) or not is_job(job.kind):
        raise UsageError("compare() takes a resume report and a job report (kind='job')")
    statuses = requirement_statuses(resume, profile_of(resume), job, taxonomy, unrelated=off_ladder(resume))
    fit = level_fit(resume, job, ladder)
    counts = {k: sum(s.status == k for s in statuses) for k in STATUSES}
    return Comparison(
        gapfinder_version=__version__,
        resume=resume,
        job=job,
        requirements=statuses,
        counts=counts,
        score=match_score(statuses, fit),
        level=fit,
        hints=tailoring_hints(resume, job, statuses, fit, taxonomy),
    )


__all__ = ["OFF_LADDER", "STATUSES", "compare", "level_fit", "off_ladder"]
