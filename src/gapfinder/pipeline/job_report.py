"""A job post's report: its findings, the requirements it lists, and the level of the ladder it asks for."""

from __future__ import annotations

from ..extract.job import job_requirements
from ..models import DocumentWarning, Experience, JobRequirements, Report
from ..reading import Document
from .findings import Setup, find, place_profile, profile_of_findings, read, report


def job_report(doc: Document, setup: Setup) -> Report:
    """The report of a job post; it is placed by the years it asks for (``requirements.min_years``)."""
    ctx = read(doc, "job", setup.today)
    f = find(doc, ctx, setup)
    requirements = job_requirements(ctx, setup.taxonomy, f.skills, f.certifications, f.education, f.headline)
    years = requirements.min_years
    placement = place_profile(profile_of_findings(f, years, f.headline), setup)
    # a report always has an experience: a job post's is the total it states
    stated = Experience(total_years=None, stated_years=years, basis="stated" if years is not None else "none")
    return report(
        f, setup, experience=stated, placement=placement, requirements=requirements, warnings=_warnings(requirements)
    )


def _warnings(requirements: JobRequirements) -> tuple[DocumentWarning, ...]:
    if requirements.items:
        return ()
    return (
        DocumentWarning(
            code="no_requirements",
            message="no requirements (skills, years, degrees, certifications) were found in this job post; "
            "a comparison with it rests on the level alone",
        ),
    )


__all__ = ["job_report"]
