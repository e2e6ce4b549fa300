"""A resume's report: its findings, the dated experience, the placement on the ladder, and the gap to a level
(the next rung, or one asked for) with its plan, or to a job post."""

from __future__ import annotations

from typing import Literal

from ..extract.experience import extract_experience
from ..extract.job import first_experience_line
from ..ladder.gap import job_gap, level_gap
from ..ladder.placement import decide
from ..ladder.plan import make_plan
from ..ladder.profile import Profile, profile_of
from ..ladder.requirements import find_level
from ..models import DocumentWarning, Gap, JobRequirements, Placement, Plan, Report
from ..reading import Document
from ..taxonomy.schema import Level
from .findings import Setup, find, place_profile, profile_of_findings, read, report


def resume_report(doc: Document, setup: Setup, *, target: Level | None = None, job: Report | None = None) -> Report:
    """The report of a resume; the gap is to ``job`` (a job post's report) when given, else to ``target``
    (a level or path of the ladder), else to the rung a move reaches."""
    ctx = read(doc, "resume", setup.today)
    experience = extract_experience(ctx)
    f = find(doc, ctx, setup, experience.positions)
    title = f.headline
    if not experience.positions:
        title = first_experience_line(ctx) or title
    experience = experience.model_copy(update={"headline": title})
    profile = profile_of_findings(f, experience.total_years, title, experience.positions)
    placement = place_profile(profile, setup)
    plan: Plan | None = None
    if job is not None:
        gap = job_gap(profile, profile_of(job), job.requirements or JobRequirements(), setup.taxonomy)
    else:
        gap = ladder_gap(profile, setup, placement, target)
        plan = plan_for(profile, setup, placement, gap)
    warnings: tuple[DocumentWarning, ...] = ()
    if not experience.positions:
        warnings = (
            DocumentWarning(code="no_positions", message="no dated positions found; years of experience are unknown"),
        )
    return report(f, setup, experience=experience, placement=placement, gap=gap, plan=plan, warnings=warnings)


def ladder_gap(profile: Profile, setup: Setup, placement: Placement, chosen: Level | None) -> Gap:
    """The gap to the chosen target; else to the rung a move reaches (``placement.next``): the next rung up,
    or for a path or another field the rung a move into the ladder starts at; the top rung's own gap last."""
    ladder, tax = setup.ladder, setup.taxonomy
    if chosen is not None:
        return level_gap(profile, ladder, tax, chosen, "chosen")
    on_rung = placement.fit == "fits" and placement.track != "alternative"
    basis: Literal["next_level", "transition"] = "next_level" if on_rung else "transition"
    target = placement.next.level if placement.next is not None else placement.level
    return level_gap(profile, ladder, tax, find_level(ladder, target), basis)


def plan_for(profile: Profile, setup: Setup, placement: Placement, gap: Gap) -> Plan:
    """The ordered steps that close ``gap``, each placed again as if done."""
    ladder, tax = setup.ladder, setup.taxonomy

    def placed_with(variant: Profile) -> str:
        return decide(variant, ladder, tax, setup.titles).placed.id

    return make_plan(profile, ladder, tax, placement, gap, find_level(ladder, gap.target), placed_with)


__all__ = ["ladder_gap", "plan_for", "resume_report"]
