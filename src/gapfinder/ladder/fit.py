"""Does the ladder fit the person at all, and how well does each of its levels and paths fit?

``ladder_fit``: the ladder's ``fit`` block says what its own work is (``core``: for the ML-engineer ladder,
ML skills and titles) and what related work is (``adjacent``: software, data, IT). A position title
matching a ``titles`` pattern decides; otherwise each distinct skill found adds its weight (its own under
``skills``, else its category's) and ``min_score`` of it shows the work. A person showing neither is
``off_ladder``: their placement is only their seniority, and the gap is what a move into the field takes.
A ladder without a ``fit`` block fits everyone.

``level_scores``: how well every level and path fits, for the report's ranking of the nearest other fits::

    score = 0.45 skills + 0.20 title + 0.15 years + 0.10 leadership + 0.10 degree

skills: the weighted share of the level's skill requirements met (inherited ones too on the ic and
management tracks); title: the current title names it; years: 1 inside the level's band, less by a third
per year outside it; leadership: the share of the level's own leadership expectations met (0.5 when it
states none); degree: its minimum held (0.5 when no degree was found).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import cast

from ..kinds import Track
from ..models import LadderFitKind, LevelScore, SalaryBand
from ..taxonomy import Taxonomy
from ..taxonomy.schema import FitEvidence, Ladder, Level, SkillRequirement
from .profile import Profile
from .requirements import IMPORTANCE_WEIGHT, level_requirements, requirement_met
from .salary import salary_band

WEIGHTS = {"skills": 0.45, "title": 0.20, "years": 0.15, "leadership": 0.10, "degree": 0.10}


@dataclass(frozen=True, slots=True)
class Fit:
    kind: LadderFitKind
    core: float  # weight of the ladder's own work found
    adjacent: float  # weight of related work found
    title: str | None  # the title that decided, if one did
    detail: str


def _weight(evidence: FitEvidence, skill_id: str, category: str) -> float:
    if skill_id in evidence.skills:
        return evidence.skills[skill_id]
    return evidence.categories.get(category, 0.0)


@functools.lru_cache(maxsize=64)
def _patterns(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in sources)


def _title_hit(sources: list[str], titles: list[str]) -> str | None:
    patterns = _patterns(tuple(sources))
    for title in titles:
        low = " ".join(title.lower().split())
        if any(p.search(low) for p in patterns):
            return title
    return None


def ladder_fit(profile: Profile, ladder: Ladder) -> Fit:
    """How the ladder fits the document: its own work, related work, or neither (see the module doc)."""
    spec = ladder.fit
    if spec is None:
        return Fit("fits", 0.0, 0.0, None, "the ladder states no fit rules")
    core = adjacent = 0.0
    for s in profile.skills:
        w = _weight(spec.core, s.id, s.category)
        if w > 0:
            core += w
        else:
            adjacent += _weight(spec.adjacent, s.id, s.category)
    titles = profile.recent_titles()
    found = f"{core:g} points of the ladder's own skills and {adjacent:g} of related ones"
    core_title = _title_hit(spec.core.titles, titles)
    if core_title is not None:
        return Fit("fits", core, adjacent, core_title, f"the title {core_title!r} is the ladder's own work; {found}")
    near_title = _title_hit(spec.adjacent.titles, titles)
    # titles that name other work ("Technical Recruiter") make skill names weaker evidence
    other = bool(titles) and near_title is None and _title_hit(spec.neutral_titles, titles) is None
    need_core = (spec.core.min_score_other_title if other else None) or spec.core.min_score
    if core >= need_core:
        return Fit("fits", core, adjacent, None, f"{found} (the ladder's own work from {need_core:g})")
    if near_title is not None:
        return Fit("adjacent", core, adjacent, near_title, f"the title {near_title!r} is related work; {found}: a move")
    need_near = (spec.adjacent.min_score_other_title if other else None) or spec.adjacent.min_score
    if core + adjacent >= need_near:
        return Fit("adjacent", core, adjacent, None, f"{found}: related work from {need_near:g}, a move into the field")
    return Fit("off_ladder", core, adjacent, None, f"none of the ladder's work shows: {found}")


def _years_score(level: Level, years: float | None) -> float:
    if years is None:
        return 0.5
    lo, hi = level.years.min, level.years.max if level.years.max is not None else float("inf")
    distance = lo - years if years < lo else years - hi if years > hi else 0.0
    return max(0.0, 1.0 - distance / 3.0)


@dataclass(frozen=True)
class _Scoring:
    """A ladder's requirements once each, and per level the (index, weight) of the ones it asks."""

    requirements: tuple[SkillRequirement, ...]
    asks: dict[str, tuple[tuple[int, float], ...]]
    static: dict[str, tuple[str, str, Track, SalaryBand | None]]  # level id -> name, short, track, band


_SCORING: dict[int, tuple[Ladder, _Scoring]] = {}


def _scoring(ladder: Ladder) -> _Scoring:
    hit = _SCORING.get(id(ladder))
    if hit is not None and hit[0] is ladder:
        return hit[1]
    index: dict[int, int] = {}
    reqs: list[SkillRequirement] = []
    asks: dict[str, tuple[tuple[int, float], ...]] = {}
    static: dict[str, tuple[str, str, Track, SalaryBand | None]] = {}
    for lv in ladder.levels:
        pairs = []
        for req in level_requirements(ladder, lv.id, own_only=lv.track == "alternative"):
            if id(req) not in index:
                index[id(req)] = len(reqs)
                reqs.append(req)
            pairs.append((index[id(req)], IMPORTANCE_WEIGHT[req.importance]))
        asks[lv.id] = tuple(pairs)
        short = lv.short or lv.id.replace("-", " ").capitalize()[:14]
        static[lv.id] = (lv.name, short, cast(Track, lv.track), salary_band(lv))
    scoring = _Scoring(tuple(reqs), asks, static)
    _SCORING[id(ladder)] = (ladder, scoring)
    return scoring


def _leadership_score(profile: Profile, level: Level) -> float:
    if not level.leadership:
        return 0.5
    return sum(profile.meets(e) for e in level.leadership) / len(level.leadership)


def _degree_score(held: str | None, tax: Taxonomy, level: Level) -> float:
    need = level.degree.minimum
    if need is None:
        return 1.0
    if held is None:
        return 0.5
    return 1.0 if tax.degree_rank(held) >= tax.degree_rank(need) else 0.0


def level_scores(
    profile: Profile, ladder: Ladder, tax: Taxonomy, titled: set[str], years: float | None
) -> tuple[LevelScore, ...]:
    """Every level and path with its fit score, best first (``titled``: the ids the current title names)."""
    out = []
    found, implied = profile.skill_ids, profile.implied_by(tax)
    scoring = _scoring(ladder)
    # inherited requirements recur from level to level: each is answered once
    met = [requirement_met(req, found, implied) is not None for req in scoring.requirements]
    held = profile.highest_degree(tax)
    for lv in ladder.levels:
        pairs = scoring.asks[lv.id]
        total = sum(w for _, w in pairs)
        parts = {
            "skills": sum(w for i, w in pairs if met[i]) / total if total else 0.0,
            "title": 1.0 if lv.id in titled else 0.0,
            "years": _years_score(lv, years),
            "leadership": _leadership_score(profile, lv),
            "degree": _degree_score(held, tax, lv),
        }
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        detail = [f"skills {round(parts['skills'] * 100)}%"]
        if parts["title"]:
            detail.append("title")
        if years is not None:
            detail.append("years in band" if parts["years"] == 1.0 else f"years {parts['years']:.2f}")
        if lv.leadership:
            detail.append(f"leadership {round(parts['leadership'] * 100)}%")
        if lv.degree.minimum is not None:
            degree = {1.0: "degree met", 0.5: "degree unknown"}.get(parts["degree"], "degree not met")
            detail.append(degree)
        name, short, track, band = scoring.static[lv.id]
        out.append(
            # built from the validated ladder: no field to check again
            LevelScore.model_construct(
                level=lv.id,
                name=name,
                short=short,
                track=track,
                rank=lv.rank,
                score=round(min(1.0, score), 3),
                detail=", ".join(detail),
                salary=band,
            )
        )
    return tuple(sorted(out, key=lambda s: -s.score))


__all__ = ["Fit", "ladder_fit", "level_scores"]
