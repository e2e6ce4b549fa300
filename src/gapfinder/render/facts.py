"""What the reports say about a placement, a gap, a plan and a comparison, in words, once: the terminal,
Markdown and HTML renderers format these facts and never word them on their own.

Everything comes from the report itself (``placement.fits`` carries the ladder's levels with their tracks
and ranks), so a stored report renders the same without the taxonomy that made it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import is_job
from ..models import (
    Comparison,
    Gap,
    LevelScore,
    Placement,
    Plan,
    PlanStep,
    Report,
    RequirementStatus,
    ScoreComponent,
    WhatIf,
)
from .common import money, pct, requirement_note, years

TRACK_NAMES = {"ic": "IC track", "management": "Management", "alternative": "Paths"}
BASIS = {
    "next_level": "the next rung up",
    "chosen": "the target you chose",
    "transition": "the rung a move into this ladder reaches",
    "job": "the job",
}
FIT_WORDS = {
    "fits": "the ladder's own work",
    "adjacent": "related work: the gap below is a move into the field",
    "off_ladder": "outside this ladder: the level is only the seniority, the gap what a move into the field takes",
}
OTHER_FITS = 3


@dataclass(frozen=True)
class PlacementFacts:
    """The placement in plain words: each attribute one line (or a few) of every report format."""

    headline: str  # "Senior Machine Learning Engineer [ic track, confidence 0.89]"
    ladder_line: str | None  # "junior → mid → [senior] → staff → principal"
    path_line: str | None  # "on the Data Scientist path; seniority: mid-level professional"
    fit_line: str | None  # how the ladder fits (only when it does not simply fit)
    current_band: str | None  # the placed level's salary band
    responsibilities: tuple[str, ...]
    next_line: str | None  # "To reach Staff ...: what it asks that the resume lacks"
    others_line: str | None  # "Nearest other fits: ..."
    evidence: tuple[str, ...]  # "factor: detail" per vote


def steps(placement: Placement, track: str) -> list[LevelScore]:
    """The levels of one track of the placement's ladder, lowest rank first."""
    return sorted((s for s in placement.fits if s.track == track), key=lambda s: (s.rank, s.level))


def tracks(placement: Placement) -> list[str]:
    return [t for t in TRACK_NAMES if any(s.track == t for s in placement.fits)]


def placement_label(report: Report) -> str:
    """What the placement of this report is called: a resume's placement, the level a job post asks for."""
    return "Job level" if is_job(report.kind) else "Placement"


def placement_facts(report: Report) -> PlacementFacts | None:
    pl = report.placement
    if pl is None:
        return None
    on_path = pl.track == "alternative"
    seniority = next((s for s in pl.fits if s.level == pl.seniority), None)
    track = seniority.track if seniority is not None else pl.track
    rungs = steps(pl, track)
    ladder_line = " → ".join(f"[{s.level}]" if s.level == pl.seniority else s.level for s in rungs) or None
    if ladder_line and pl.fit != "fits":
        ladder_line = f"seniority on this ladder's scale: {ladder_line}"
    path_line = None
    if on_path and seniority is not None:
        path_line = f"on the {pl.level_name} path, beside the ladder; seniority: {pl.seniority_name}"
    fit_line = None if pl.fit == "fits" else f"{FIT_WORDS[pl.fit]} ({pl.fit_detail})"
    next_line = None
    if pl.next is not None and pl.next.level != pl.level:
        asks = "; ".join(pl.next.missing) if pl.next.missing else "nothing the document does not already show"
        verb = "To reach" if pl.fit == "fits" and not on_path else "A move into the ladder reaches"
        next_line = f"{verb} {pl.next.name}: {asks}"
    others = [s for s in pl.fits if s.level != pl.level][:OTHER_FITS] if pl.fit != "off_ladder" else []
    others_line = "Nearest other fits: " + "; ".join(f"{s.name} {s.score:.2f}" for s in others) if others else None
    return PlacementFacts(
        headline=f"{placement_label(report)}: {pl.level_name}  [{pl.track} track, confidence {pl.confidence:.2f}]",
        ladder_line=ladder_line,
        path_line=path_line,
        fit_line=fit_line,
        current_band=f"Salary band of {pl.level_name}: {money(pl.salary)}" if pl.salary else None,
        responsibilities=pl.responsibilities,
        next_line=next_line,
        others_line=others_line,
        evidence=tuple(f"{e.factor}: {e.detail}" for e in pl.evidence if e.factor != "fit"),
    )


STEP_VERB = {
    "skill": "Learn and show",
    "leadership": "Show in your experience",
    "certification": "Earn",
    "degree": "Earn",
    "years": "Gain",
}


def step_line(step: PlanStep) -> str:
    """One plan step in plain words, e.g. 'Learn and show ML systems architecture (System design or ML
    platform) — Staff Machine Learning Engineer asks for it (core); Systems thinking; builds on step 2 →
    coverage of Staff 82%'."""
    options = ""
    if step.options and step.kind in ("skill", "leadership") and step.options != (step.label,):
        shown = list(step.options[:4])
        options = f" ({', '.join(shown)}{'…' if len(step.options) > 4 else ''})"
    extra = [step.why]
    if step.stage:
        extra.append(step.stage)
    if step.builds_on:
        extra.append("builds on step " + ", ".join(str(n) for n in step.builds_on))
    return f"{STEP_VERB[step.kind]} {step.label}{options} — {'; '.join(extra)} → {step.changes}"


def plan_lines(plan: Plan) -> tuple[str, list[str], str | None]:
    """(headline, the numbered steps, the foundations that are not steps)."""
    head = (
        f"Plan to {plan.target_name}: {len(plan.steps)} step(s); coverage {round(plan.coverage_now * 100)}% → "
        f"{round(plan.coverage_after * 100)}% once done"
    )
    steps = [f"{s.order}. {step_line(s)}" for s in plan.steps]
    if plan.more:
        steps.append(f"… and {plan.more} more step(s) once these are done")
    assumed = None
    if plan.assumed:
        assumed = "Not steps (your level implies them; list them if you have them): " + "; ".join(plan.assumed)
    return head, steps, assumed


def pay_lines(report: Report) -> list[str]:
    """The ladder's pay bands beside each other: the current rung's, the target's and each path's."""
    pl, gap = report.placement, report.gap
    if pl is None:
        return []
    out = []
    if pl.salary:
        out.append(f"current ({pl.level_name}): {money(pl.salary)}")
    if gap is not None and gap.salary and not is_job(gap.target_kind):
        out.append(f"target ({gap.target_name}): {money(gap.salary)}")
    paths = [s for s in steps(pl, "alternative") if s.salary and s.level != pl.level]
    out += [f"path {s.name}: {money(s.salary)}" for s in paths if s.salary]
    return out


def missing_rows(gap: Gap) -> list[tuple[str, str]]:
    """(category display name, missing labels most important first) per category of the gap."""
    names = {s.category: s.category_name or s.category.replace("_", " ") for s in gap.skills}
    return [
        (names.get(cat, cat.replace("_", " ")), "; ".join(labels)) for cat, labels in gap.missing_by_category.items()
    ]


def what_if_lines(what_if: WhatIf) -> list[str]:
    return [
        "What if: assumed, not in the document: " + "; ".join(what_if.assumed),
        *(f"  • {c}" for c in what_if.changes),
    ]


def gap_title(gap: Gap) -> str:
    return f"Gap to {gap.target_name}" + (" (job)" if is_job(gap.target_kind) else "")


def gap_basis(gap: Gap) -> str:
    return f"Target: {BASIS[gap.basis]}."


def target_band(gap: Gap) -> str | None:
    return f"Salary band of {gap.target_name}: {money(gap.salary)}" if gap.salary else None


#: the headings and states every format gives a gap's notes
RELATED = "Met through related skills"
ASSUMED = "Met only by what-if assumptions"
NOT_EVIDENCED = "not yet evidenced"
EVIDENCED = "evidenced"
LEADERSHIP_MISSING = "Leadership " + NOT_EVIDENCED
NONE_FOUND = "none found"
RECOMMENDED_CERTIFICATIONS = "Recommended certifications"
HELD_CERTIFICATIONS = "Certifications held"


@dataclass(frozen=True)
class GapFacts:
    """A gap in plain words; the renderers lay these out (a panel, a list, a definition list)."""

    title: str  # "Gap to Staff Machine Learning Engineer", "... (job)"
    basis: str  # "Target: the next rung up."
    coverage: str  # "83%"
    missing: tuple[tuple[str, str], ...]  # (category, missing labels) most important first
    related: tuple[str, ...]  # requirements met through an implied or alternative skill
    assumed: tuple[str, ...]  # requirements met only by a what-if's assumptions
    years_required: float | None
    years_held: str  # "3.75 years", "unknown"
    years_shortfall: float  # 0 when met
    degree_required: str | None
    degree_held: str  # the level, or NONE_FOUND
    degree_met: bool | None
    certifications_held: tuple[str, ...]
    certifications_missing: tuple[str, ...]
    leadership: tuple[tuple[str, bool], ...]  # (expected signal, evidenced) in the ladder's order
    leadership_missing: tuple[str, ...]
    band: str | None  # the target's salary band
    responsibilities: tuple[str, ...]


def gap_facts(gap: Gap) -> GapFacts:
    missing_leadership = set(gap.leadership_missing)
    return GapFacts(
        title=gap_title(gap),
        basis=gap_basis(gap),
        coverage=pct(gap.coverage),
        missing=tuple(missing_rows(gap)),
        related=tuple(
            requirement_note(s) for s in gap.skills if s.status == "met" and s.via in ("implied", "alternative")
        ),
        assumed=tuple(requirement_note(s) for s in gap.skills if s.via == "assumed"),
        years_required=gap.years_required,
        years_held=years(gap.years_held),
        years_shortfall=gap.years_shortfall,
        degree_required=gap.degree_required,
        degree_held=gap.degree_held or NONE_FOUND,
        degree_met=gap.degree_met,
        certifications_held=tuple(c.name for c in gap.certifications if c.status == "held"),
        certifications_missing=tuple(c.name for c in gap.certifications if c.status == "missing"),
        leadership=tuple((label, label not in missing_leadership) for label in gap.leadership_expected),
        leadership_missing=gap.leadership_missing,
        band=target_band(gap),
        responsibilities=gap.responsibilities,
    )


# ------------------------------------------------------------------------------------------ comparison
COMPONENT_LABEL = {
    "required_skills": "required skills",
    "preferred_skills": "preferred skills",
    "years": "years",
    "degree": "degree",
    "certifications": "certifications",
    "level_fit": "level fit",
}
GROUP_ORDER = ("required", "responsibilities", "preferred")
#: a level verdict in words ("fit", "under", "over"; "off_ladder" and "unknown" are worded apart)
LEVEL_WORDS = {"fit": "at the job's level", "under": "below the job's level", "over": "above the job's level"}


def source_name(report: Report) -> str:
    return report.document.source or "<text>"


def ordered_requirements(c: Comparison) -> list[RequirementStatus]:
    """The job's requirements by group (required, responsibilities, preferred), then in the post's order."""

    def key(s: RequirementStatus) -> tuple[int, int, str]:
        ident = s.requirement.id
        return (GROUP_ORDER.index(s.requirement.group), int(ident[1:]) if ident[1:].isdigit() else 0, ident)

    return sorted(c.requirements, key=key)


def effective_weight(component: ScoreComponent) -> str:
    """A score component's share of the total, or 'n/a' when the job does not ask for it."""
    return f"{component.effective_weight:.0%}" if component.applies else "n/a"


def counts_line(c: Comparison) -> str:
    """'7 met, 3 claimed, ...': the requirements per status."""
    return ", ".join(f"{n} {k}" for k, n in c.counts.items())


__all__ = [
    "ASSUMED",
    "COMPONENT_LABEL",
    "EVIDENCED",
    "GROUP_ORDER",
    "HELD_CERTIFICATIONS",
    "LEADERSHIP_MISSING",
    "LEVEL_WORDS",
    "NONE_FOUND",
    "NOT_EVIDENCED",
    "RECOMMENDED_CERTIFICATIONS",
    "RELATED",
    "GapFacts",
    "PlacementFacts",
    "counts_line",
    "effective_weight",
    "gap_basis",
    "gap_facts",
    "gap_title",
    "missing_rows",
    "ordered_requirements",
    "pay_lines",
    "placement_facts",
    "placement_label",
    "plan_lines",
    "source_name",
    "step_line",
    "steps",
    "target_band",
    "tracks",
    "what_if_lines",
]
