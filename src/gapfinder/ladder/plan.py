"""A career plan: the ordered steps from a resume to its gap's target, and what each one changes.

The steps are what the target asks that the resume does not show: its skill requirements (its own and the
lower rungs' it inherits), its leadership expectations, its degree, its recommended certifications, and the
years of its band. They are ordered

1. by what the target needs most: core requirements and the leadership that defines the rung first, then
   important ones, then nice-to-haves and certifications; the target rung's own before the ones it inherits;
2. then by the ladder's skills timeline (``timeline``: foundation, specialisation, systems thinking,
   strategy): a step sits in the earliest stage that names one of its skills, else in the stage of the years
   of the rung that asks for it;
3. then by prerequisites in the taxonomy's skill graph: a step whose skills imply another step's skill
   (PyTorch implies deep learning) comes after it, and says that it builds on it.

Foundations the person's level already implies are not steps: a requirement of a rung the person's own rung
inherits from (for a senior ML engineer the junior and mid rungs; for a manager the mid rung and below) that the
resume does not show is listed in ``plan.assumed`` (a senior ML engineer is not told to learn Git). For a
move into the ladder (a path, related work, another field) every missing requirement is a step.

Each step says what completing it changes: the target's coverage once it and the steps before it are done,
and the placement where that would move (the placement is re-run with the steps' skills assumed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..kinds import SignalKind
from ..models import Gap, Placement, Plan, PlanStep, PlanStepKind, SkillRequirementStatus
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder, Level
from .profile import Profile
from .requirements import IMPORTANCE_WEIGHT

IMPORTANCE_RANK = {"core": 0, "important": 1, "nice": 2}
MAX_STEPS = 15


Importance = Literal["core", "important", "nice"]


@dataclass
class _Draft:
    kind: PlanStepKind
    label: str
    any_of: tuple[str, ...]
    options: tuple[str, ...]
    level: str
    importance: Importance
    own: bool
    stage: int | None
    weight: float  # coverage weight (skill steps)
    skills: tuple[str, ...] = ()  # assumed when the plan re-runs the placement
    certifications: tuple[str, ...] = ()
    signals: tuple[SignalKind, ...] = ()
    years: float = 0.0


def _stage(ladder: Ladder, skills: tuple[str, ...], level: Level | None) -> int | None:
    for i, stage in enumerate(ladder.timeline):
        if any(s in stage.skills for s in skills):
            return i
    if level is not None:
        for i, stage in enumerate(ladder.timeline):
            top = stage.years.max if stage.years.max is not None else float("inf")
            if stage.years.min <= level.years.min < top:
                return i
    return None


def _ancestors(level: Level, by_id: dict[str, Level]) -> set[str]:
    """The rungs a level inherits from, transitively (a manager inherits the mid-level engineer's)."""
    seen: set[str] = set()
    stack = list(level.inherits)
    while stack:
        lid = stack.pop()
        if lid not in seen and lid in by_id:
            seen.add(lid)
            stack.extend(by_id[lid].inherits)
    return seen


def _assumed(status: SkillRequirementStatus, lower: set[str], transition: bool) -> bool:
    """A requirement of a rung the person's own rung builds on: their level implies it."""
    return not transition and status.level is not None and status.level in lower


def _drafts(
    gap: Gap, target: Level, ladder: Ladder, tax: Taxonomy, profile: Profile, seniority: Level, transition: bool
) -> tuple[list[_Draft], list[str]]:
    by_id = {lv.id: lv for lv in ladder.levels}
    lower = _ancestors(seniority, by_id)
    drafts: list[_Draft] = []
    assumed: list[str] = []
    for s in gap.skills:
        if s.status == "met":
            continue
        if _assumed(s, lower, transition):
            assumed.append(s.label)
            continue
        names = tuple(tax.skills[sid].name for sid in s.any_of if sid in tax.skills)
        importance: Importance = s.importance if s.importance in ("core", "nice") else "important"
        drafts.append(
            _Draft(
                kind="leadership" if s.category == "leadership" else "skill",
                label=s.label,
                any_of=s.any_of,
                options=names,
                level=s.level or target.id,
                importance=importance,
                own=s.level == target.id,
                stage=_stage(ladder, s.any_of, by_id.get(s.level or target.id)),
                weight=IMPORTANCE_WEIGHT[s.importance],
                skills=s.any_of[:1],
            )
        )
    covered = {sid for d in drafts for sid in d.any_of}
    for e in target.leadership:
        # a leadership skill requirement already a step ("technical leadership") stands for its signal
        if profile.meets(e) or any(sid in covered for k in e.signals for sid in tax.signal_skills(k)):
            continue
        drafts.append(
            _Draft(
                kind="leadership",
                label=e.label,
                any_of=(),
                options=tuple(k.replace("_", " ") for k in e.signals),
                level=target.id,
                importance="core" if e.defines else "important",
                own=True,
                stage=_stage(ladder, tuple(tax.signal_skills(e.signals[0])), target),
                weight=0.0,
                signals=e.signals[:1],
            )
        )
    if gap.degree_met is False and gap.degree_required:
        name = tax.degree_levels[gap.degree_required].name if gap.degree_required in tax.degree_levels else ""
        label = f"A {name or gap.degree_required} degree or higher"
        drafts.append(_Draft("degree", label, (gap.degree_required,), (), target.id, "important", True, None, 0.0))
    for c in gap.certifications:
        if c.status == "missing":
            drafts.append(
                _Draft("certification", c.name, (c.id,), (c.name,), target.id, "nice", True, None, 0.0, (), (c.id,))
            )
    if gap.years_shortfall > 0:
        label = f"{gap.years_shortfall:g} more years of experience"
        stage = len(ladder.timeline)  # after every skill stage
        drafts.append(
            _Draft("years", label, (), (), target.id, "important", True, stage, 0.0, years=gap.years_shortfall)
        )
    return drafts, assumed


def _prerequisites(drafts: list[_Draft], tax: Taxonomy) -> list[set[int]]:
    """For each draft, the drafts it builds on: one of its skills implies one of theirs."""
    skills = [frozenset(d.any_of) if d.kind == "skill" else frozenset() for d in drafts]
    out: list[set[int]] = []
    for i, a in enumerate(drafts):
        implied = frozenset().union(*(tax.implied(s) for s in a.any_of))
        out.append(
            {j for j, theirs in enumerate(skills) if j != i and not implied.isdisjoint(theirs)} if implied else set()
        )
    return out


def _order(drafts: list[_Draft], tax: Taxonomy) -> tuple[list[_Draft], list[set[int]]]:
    ranked = sorted(
        range(len(drafts)),
        key=lambda i: (
            IMPORTANCE_RANK[drafts[i].importance],
            not drafts[i].own,
            drafts[i].stage if drafts[i].stage is not None else 99,
            i,
        ),
    )
    prereq = _prerequisites(drafts, tax)
    # a prerequisite moves just before the first step that builds on it (the graph has no cycles: the
    # taxonomy's implications are a closure over a DAG, and each move only pulls a step earlier)
    for _ in range(len(ranked)):
        moved = False
        for pos, i in enumerate(ranked):
            later = [j for j in prereq[i] if ranked.index(j) > pos]
            if later:
                for j in later:
                    ranked.remove(j)
                    ranked.insert(pos, j)
                moved = True
                break
        if not moved:
            break
    return [drafts[i] for i in ranked], [prereq[i] for i in ranked]


def make_plan(
    profile: Profile,
    ladder: Ladder,
    tax: Taxonomy,
    placement: Placement,
    gap: Gap,
    target: Level,
    placed_with: Callable[[Profile], str],
) -> Plan:
    """The plan toward ``target`` (the gap's); ``placed_with`` re-runs the placement on a profile."""
    by_id = {lv.id: lv for lv in ladder.levels}
    seniority = by_id[placement.seniority]
    transition = gap.basis == "transition" or placement.fit != "fits" or placement.track == "alternative"
    drafts, assumed = _drafts(gap, target, ladder, tax, profile, seniority, transition)
    ordered, prereq = _order(drafts, tax)
    more = max(0, len(ordered) - MAX_STEPS)
    ordered = ordered[:MAX_STEPS]
    stages = {i: stage.name for i, stage in enumerate(ladder.timeline)}
    names = [stages.get(d.stage) if d.stage is not None else None for d in ordered]
    total = sum(IMPORTANCE_WEIGHT[s.importance] for s in gap.skills)
    got = sum(IMPORTANCE_WEIGHT[s.importance] for s in gap.skills if s.status == "met")

    def with_steps(k: int) -> Profile:
        done = ordered[:k]
        return profile.assuming(
            tax,
            skills=tuple(s for d in done for s in d.skills),
            certifications=tuple(c for d in done for c in d.certifications),
            signals=tuple(k for d in done for k in d.signals),
            years=sum(d.years for d in done),
        )

    now = placement.level
    after_all = placed_with(with_steps(len(ordered))) if ordered else now
    flip_at = None
    if after_all != now:  # the first step after which the placement moves (bisection over the prefixes)
        lo, hi = 1, len(ordered)
        while lo < hi:
            mid = (lo + hi) // 2
            if placed_with(with_steps(mid)) != now:
                hi = mid
            else:
                lo = mid + 1
        flip_at = lo
    steps = []
    position = {id(d): n for n, d in enumerate(ordered, 1)}
    for n, d in enumerate(ordered, 1):
        got += d.weight
        coverage = round(min(1.0, got / total), 3) if total else 1.0
        asker = by_id[d.level].name
        why = f"{asker} asks for it ({d.importance}" + ("" if d.own else f"; inherited by {target.name}") + ")"
        changes = f"coverage of {target.name} {round(coverage * 100)}%" if d.weight else "the target expects it"
        moved = by_id[after_all].name if flip_at == n else None
        if moved:
            changes += f"; the placement would move to {moved}"
        earlier = (position.get(id(drafts[j]), n) for j in prereq[n - 1])
        builds = tuple(sorted(k for k in earlier if k < n))
        steps.append(
            PlanStep(
                order=n,
                kind=d.kind,
                label=d.label,
                options=d.options,
                any_of=d.any_of,
                level=d.level,
                importance=d.importance,
                why=why,
                stage=names[n - 1],
                builds_on=builds,
                coverage_after=coverage,
                placement_after=after_all if flip_at == n else None,
                changes=changes,
            )
        )
    return Plan(
        target=target.id,
        target_name=target.name,
        coverage_now=gap.coverage,
        coverage_after=steps[-1].coverage_after if steps else gap.coverage,
        placement_now=now,
        placement_after=after_all,
        steps=tuple(steps),
        more=more,
        assumed=tuple(assumed),
    )


__all__ = ["make_plan"]
