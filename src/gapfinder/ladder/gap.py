"""What is missing for a target: a ladder level / alternative path, or a specific job."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from ..models import (
    CertificationStatus,
    Gap,
    JobRequirements,
    Mention,
    SkillRequirementStatus,
)
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder, Level
from .degree_check import meeting_degree
from .profile import Profile
from .requirements import IMPORTANCE_WEIGHT, declared_requirements, requirement_met
from .salary import salary_band

_IMPORTANCE_ORDER = {"core": 0, "required": 0, "important": 1, "nice": 2, "preferred": 2}


def display_name(tax: Taxonomy, ref: str) -> str:
    """A skill's or certification's name, or a leadership signal in words ('signal:people_management')."""
    if ref.startswith("signal:"):
        return f"the {ref[7:].replace('_', ' ')} evidence"
    if ref in tax.skills:
        return tax.skills[ref].name
    if ref in tax.certifications:
        return tax.certifications[ref].name
    return ref


def _status(
    profile: Profile,
    tax: Taxonomy,
    req_id: str,
    label: str,
    category: str,
    importance: str,
    any_of: tuple[str, ...],
    implied: dict[str, str],
    job_evidence: tuple[Mention, ...] = (),
    level: str | None = None,
) -> SkillRequirementStatus:
    met = requirement_met(any_of, profile.skill_ids, implied)
    evidence: tuple[Mention, ...] = ()
    via = None
    if met is not None:
        evidence = profile.skill_mentions_or_signal(met.implied_by or met.skill)
        source = (met.implied_by or met.skill).removeprefix("signal:")
        via = "assumed" if source in profile.assumed else met.via
    return SkillRequirementStatus(
        requirement=req_id,
        label=label,
        category=category,
        category_name=tax.categories[category].name if category in tax.categories else category,
        level=level,
        importance=importance,
        any_of=any_of,
        status="met" if met else "missing",
        via=via,
        matched_skill=met.skill if met else None,
        matched_name=display_name(tax, met.skill) if met else None,
        implied_by=met.implied_by if met else None,
        implied_by_name=display_name(tax, met.implied_by) if met and met.implied_by else None,
        evidence=evidence[:5],
        job_evidence=job_evidence[:3],
    )


def _summarise(statuses: list[SkillRequirementStatus]) -> tuple[dict[str, tuple[str, ...]], float]:
    statuses.sort(key=lambda s: (s.status == "met", _IMPORTANCE_ORDER[s.importance]))
    missing: dict[str, list[str]] = defaultdict(list)
    for s in statuses:
        if s.status == "missing":
            missing[s.category].append(s.label)
    total = sum(IMPORTANCE_WEIGHT[s.importance] for s in statuses)
    got = sum(IMPORTANCE_WEIGHT[s.importance] for s in statuses if s.status == "met")
    coverage = round(got / total, 3) if total else 1.0
    return {k: tuple(v) for k, v in missing.items()}, coverage


def _certifications(
    ids: list[str] | tuple[str, ...], profile: Profile, tax: Taxonomy
) -> tuple[CertificationStatus, ...]:
    held = {c.id for c in profile.certifications}
    return tuple(
        CertificationStatus(id=cid, name=tax.certifications[cid].name, status="held" if cid in held else "missing")
        for cid in ids
    )


def _degree(
    required: str | None, profile: Profile, tax: Taxonomy, fields: tuple[str, ...] = ()
) -> tuple[str | None, bool | None]:
    """The highest degree held, and whether a held degree meets the requirement (in its fields, if it names
    any: see :mod:`.degree_check`)."""
    held = profile.highest_degree(tax)
    if required is None:
        return held, None
    return held, meeting_degree(profile.education, required, tax.degree_rank, fields) is not None


def _required_fields(requirements: JobRequirements) -> tuple[str, ...]:
    """The fields of study the post's required degree names; none when one of its degree items names none."""
    items = [i for i in requirements.items if i.kind == "degree" and i.group == "required"]
    if not items or any(not i.fields for i in items):
        return ()
    return tuple(dict.fromkeys(f for i in items for f in i.fields))


def level_gap(
    profile: Profile,
    ladder: Ladder,
    tax: Taxonomy,
    level: Level,
    basis: Literal["next_level", "chosen", "transition"] = "next_level",
) -> Gap:
    implied = profile.implied_by(tax)
    statuses = []
    for req, declared in declared_requirements(ladder, level.id):
        category = req.category or tax.skills[req.any_of[0]].category
        any_of = tuple(req.any_of)
        statuses.append(
            _status(profile, tax, req.id, req.label, category, req.importance, any_of, implied, (), declared)
        )
    missing, coverage = _summarise(statuses)
    certs = _certifications(level.certifications, profile, tax)
    held, degree_met = _degree(level.degree.minimum, profile, tax)
    years_held = profile.years
    shortfall = max(0.0, level.years.min - (years_held or 0.0))
    return Gap(
        target_kind="path" if level.track == "alternative" else "level",
        target=level.id,
        target_name=level.name,
        basis=basis,
        skills=tuple(statuses),
        missing_by_category=missing,
        certifications=certs,
        degree_required=level.degree.minimum,
        degree_held=held,
        degree_met=degree_met,
        years_required=level.years.min,
        years_held=years_held,
        years_shortfall=round(shortfall, 2),
        leadership_expected=tuple(e.label for e in level.leadership),
        leadership_missing=tuple(e.label for e in level.leadership if not profile.meets(e)),
        salary=salary_band(level),
        responsibilities=tuple(level.responsibilities),
        coverage=coverage,
    )


def job_gap(profile: Profile, job: Profile, requirements: JobRequirements, tax: Taxonomy) -> Gap:
    implied = profile.implied_by(tax)
    statuses = []
    for importance, ids in (("required", requirements.required_skills), ("preferred", requirements.preferred_skills)):
        for sid in ids:
            skill = tax.skills[sid]
            statuses.append(
                _status(
                    profile, tax, sid, skill.name, skill.category, importance, (sid,), implied, job.skill_mentions(sid)
                )
            )
    missing, coverage = _summarise(statuses)
    certs = _certifications(requirements.certifications, profile, tax)
    held, degree_met = _degree(requirements.degree, profile, tax, _required_fields(requirements))
    years_held = profile.years
    need = requirements.min_years
    return Gap(
        target_kind="job",
        target="job",
        target_name=requirements.title or "the job description",
        basis="job",
        skills=tuple(statuses),
        missing_by_category=missing,
        certifications=certs,
        degree_required=requirements.degree,
        degree_held=held,
        degree_met=degree_met,
        years_required=need,
        years_held=years_held,
        years_shortfall=round(max(0.0, need - (years_held or 0.0)), 2) if need is not None else 0.0,
        coverage=coverage,
    )


__all__ = ["job_gap", "level_gap"]
