"""The match score: six components with documented weights, deterministic for the same inputs.

| component        | weight | score in [0, 1]                                                            |
|------------------|--------|----------------------------------------------------------------------------|
| required_skills  | 0.40   | mean credit of required skill items (responsibilities count half)         |
| preferred_skills | 0.10   | mean credit of preferred skill items                                       |
| years            | 0.15   | credit of the years item (partial: the share of the years shown)          |
| degree           | 0.10   | credit of the best-answered degree item (required before preferred)       |
| certifications   | 0.05   | mean credit of certification items                                         |
| level_fit        | 0.20   | 1 at the job's level; 0.5 one level under, 0 two or more under;           |
|                  |        | 0.75 one level over, 0.5 two or more over; 0 off the ladder                |

Credit per status: met 1, claimed 0.75 (named, not shown in use), implied 0.5 (never named: another
finding implies it), partial 0.5, missing 0. A resume off the ladder (another profession: its
``off_ladder`` warning) gets no level-fit points; the component still applies, so its weight is not shared
out to the others.
A component the job states nothing for does not apply; its weight is shared out over the others in
proportion to their weights, so a post without certifications is scored out of 100 all the same.
"""

from __future__ import annotations

from ..models import LevelFit, MatchScore, RequirementStatus, ScoreComponent

WEIGHTS: dict[str, float] = {
    "required_skills": 0.40,
    "preferred_skills": 0.10,
    "years": 0.15,
    "degree": 0.10,
    "certifications": 0.05,
    "level_fit": 0.20,
}
CREDIT: dict[str, float] = {"met": 1.0, "claimed": 0.75, "implied": 0.5, "partial": 0.5, "missing": 0.0}
GROUP_WEIGHT = {"required": 1.0, "responsibilities": 0.5, "preferred": 1.0}
LEVEL_CREDIT_UNDER = (1.0, 0.5, 0.0)  # by steps the job is above the candidate: 0, 1, 2+
LEVEL_CREDIT_OVER = (1.0, 0.75, 0.5)  # by steps the candidate is above the job: 0, 1, 2+


def _credit(s: RequirementStatus) -> float:
    req = s.requirement
    if req.kind == "years" and s.status == "partial" and req.years and s.years_shown is not None:
        return max(0.0, min(1.0, s.years_shown / req.years))  # the share shown: 2 of 5 years is 0.4
    return CREDIT[s.status]


def _mean(statuses: list[RequirementStatus]) -> tuple[float, str]:
    total = sum(GROUP_WEIGHT[s.requirement.group] for s in statuses)
    got = sum(GROUP_WEIGHT[s.requirement.group] * _credit(s) for s in statuses)
    counts = {k: sum(s.status == k for s in statuses) for k in CREDIT}
    detail = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    return (got / total if total else 0.0), detail


def level_credit(fit: LevelFit) -> float:
    if fit.steps is None:  # unknown, or off the ladder
        return 0.0
    if fit.steps >= 0:
        return LEVEL_CREDIT_UNDER[min(fit.steps, 2)]
    return LEVEL_CREDIT_OVER[min(-fit.steps, 2)]


def match_score(statuses: tuple[RequirementStatus, ...], fit: LevelFit) -> MatchScore:
    def pick(kind: str, groups: tuple[str, ...]) -> list[RequirementStatus]:
        return [s for s in statuses if s.requirement.kind == kind and s.requirement.group in groups]

    parts: dict[str, tuple[bool, float, str]] = {}
    req_skills = pick("skill", ("required", "responsibilities"))
    parts["required_skills"] = (bool(req_skills), *_mean(req_skills))
    pref_skills = pick("skill", ("preferred",))
    parts["preferred_skills"] = (bool(pref_skills), *_mean(pref_skills))
    years = pick("years", ("required", "responsibilities", "preferred"))
    parts["years"] = (bool(years), _credit(years[0]) if years else 0.0, years[0].detail if years else "not stated")
    degrees = sorted(
        pick("degree", ("required", "responsibilities", "preferred")), key=lambda s: s.requirement.group == "preferred"
    )
    required_degrees = [d for d in degrees if d.requirement.group != "preferred"] or degrees
    best = max(required_degrees, key=_credit, default=None)
    parts["degree"] = (best is not None, _credit(best) if best else 0.0, best.detail if best else "not stated")
    certs = pick("certification", ("required", "responsibilities", "preferred"))
    parts["certifications"] = (bool(certs), *_mean(certs))
    fit_known = fit.steps is not None
    detail = "unknown"
    if fit.verdict == "off_ladder":
        detail = f"the resume is not on this career ladder; job {fit.job_level_name}"
    elif fit_known:
        detail = (
            f"candidate {fit.candidate_level_name}, job {fit.job_level_name} ({fit.verdict}"
            f"{', another track' if fit.track_change else ''})"
        )
    parts["level_fit"] = (fit_known or fit.verdict == "off_ladder", level_credit(fit), detail)

    applying = sum(WEIGHTS[k] for k, (applies, _, _) in parts.items() if applies)
    components = []
    for name, (applies, score, detail) in parts.items():
        eff = WEIGHTS[name] / applying if applies and applying else 0.0
        components.append(
            ScoreComponent(
                name=name,
                weight=WEIGHTS[name],
                applies=applies,
                effective_weight=round(eff, 4),
                score=round(score, 4),
                points=round(eff * score * 100, 2),
                detail=detail,
            )
        )
    total = round(min(100.0, sum(c.points for c in components)), 1)
    return MatchScore(total=total, components=tuple(components), credit=dict(CREDIT))


__all__ = ["CREDIT", "WEIGHTS", "match_score"]
