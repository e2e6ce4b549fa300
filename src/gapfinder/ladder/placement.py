"""Place a resume (or a job) on a ladder: track and level, a confidence, and the evidence used.

Each factor votes for a level with a weight; the level with the most weight wins.

| factor     | vote                                                               | weight |
|------------|--------------------------------------------------------------------|--------|
| title      | level named by a seniority word in the current title               | 3.0    |
|            | a title with no seniority word ("ML Engineer", "Buchhalterin") -> mid | 1.5  |
| years      | IC level whose stated year band holds the total (neighbours 0.3);  | 1.0    |
|            | never above senior: staff/principal are scope, not tenure          |        |
| skills     | highest IC level whose own core/important requirements are >= 60% met | 1.0 |
| leadership | people management/hiring -> manager; budget/roadmap -> director;   | 0.5-1.5|
|            | + executive -> vp; without people: tech leadership/mentoring -> staff/senior |  |

``confidence = sqrt(top / (total + 0.25))``: the winner's share of the votes, with a little prior mass so a
single factor never claims certainty; the square root maps the share onto observed accuracy (on the dev
careers the expected calibration error is 0.07, see eval/README.md). Disagreement between factors lowers it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import TaxonomyError
from ..models import Evidence, LevelId, Placement
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder, Level
from .profile import Profile
from .requirements import level_requirements, requirement_met
from .titles import TitleClassifier

LEVEL_IDS: tuple[LevelId, ...] = ("junior", "mid", "senior", "staff", "principal", "manager", "director", "vp")
TITLE_MARKED, TITLE_UNMARKED, YEARS, SKILLS = 3.0, 1.5, 1.0, 1.0
PRIOR = 0.25

Vote = Callable[[str, float, str, str], None]


def _ic_levels(ladder: Ladder) -> list[Level]:
    return sorted((lv for lv in ladder.levels if lv.track == "ic"), key=lambda lv: lv.rank)


def years_level(ladder: Ladder, years: float) -> str:
    """The highest IC level whose minimum years the total reaches, among the levels whose year band the
    ladder's source states (staff and principal are reached by scope, not by tenure alone)."""
    tenure = [lv for lv in _ic_levels(ladder) if lv.years.source == "seed"] or _ic_levels(ladder)
    best = tenure[0].id
    for lv in tenure:
        if years >= lv.years.min:
            best = lv.id
    return best


def place(profile: Profile, ladder: Ladder, tax: Taxonomy, titles: TitleClassifier) -> Placement:
    scores: dict[str, float] = dict.fromkeys(LEVEL_IDS, 0.0)
    evidence: list[Evidence] = []

    def vote(level: str, weight: float, factor: str, detail: str) -> None:
        if level in scores:
            scores[level] += weight
            evidence.append(
                Evidence.model_validate({"factor": factor, "detail": detail, "level": level, "weight": weight})
            )

    # -- title
    pos = profile.current_position
    title = pos.title if pos and pos.title else profile.headline
    tl = titles.classify(title)
    if tl is not None and title:
        if tl.marked:
            vote(tl.level, TITLE_MARKED, "title", f"title {title!r} names the {tl.level} level")
        else:
            vote("mid", TITLE_UNMARKED, "title", f"title {title!r} has no seniority marker")

    # -- years
    years = profile.experience.total_years
    factor = "job_years" if profile.kind == "job" else "years"
    if years is not None:
        yl = years_level(ladder, years)
        vote(yl, YEARS, factor, f"{years:g} years of experience fall in the {yl} band")
        ic = [lv.id for lv in _ic_levels(ladder)]
        i = ic.index(yl)
        for j in (i - 1, i + 1):
            if 0 <= j < len(ic):
                scores[ic[j]] += 0.3 * YEARS

    # -- skills breadth and depth
    if profile.skills:
        sl = _skills_level(profile, ladder, tax)
        if sl is not None:
            vote(sl[0], SKILLS, "skills", sl[1])

    # -- leadership and scope
    _leadership_votes(profile, vote)

    if not any(scores.values()):
        scores["junior"] = 0.2
        evidence.append(
            Evidence(
                factor="years",
                detail="no title, dates, skills or leadership evidence found",
                level="junior",
                weight=0.0,
            )
        )
    total = sum(scores.values())
    # a custom ladder may lack some of the standard levels: place only on the levels it has
    by_id = {lv.id: lv for lv in ladder.levels}
    present = [lid for lid in LEVEL_IDS if lid in by_id]
    if not present:
        raise TaxonomyError(f"ladder {ladder.id!r} has none of the levels {', '.join(LEVEL_IDS)}")
    level = max(present, key=lambda lid: (scores[lid], -LEVEL_IDS.index(lid)))
    lv = by_id[level]
    track = "management" if lv.track == "management" else "ic"
    return Placement(
        ladder=ladder.id,
        track=track,
        level=level,
        level_name=lv.name,
        confidence=round((scores[level] / (total + PRIOR)) ** 0.5, 3),
        scores={k: round(v / total, 3) for k, v in scores.items()} if total else dict(scores),
        evidence=tuple(evidence),
    )


def _skills_level(profile: Profile, ladder: Ladder, tax: Taxonomy) -> tuple[str, str] | None:
    found = profile.skill_ids
    implied = profile.implied_by(tax)
    best: tuple[str, str] | None = None
    for lv in _ic_levels(ladder):
        own = [r for r in level_requirements(ladder, lv.id, own_only=True) if r.importance != "nice"]
        if not own:
            continue
        met = sum(1 for r in own if requirement_met(r, found, implied) is not None)
        share = met / len(own)
        if share >= 0.6:
            best = (lv.id, f"{met} of {len(own)} core/important {lv.id} skill requirements met")
        else:
            break
    return best


def _leadership_votes(profile: Profile, cast: Vote) -> None:
    kinds = profile.signal_kinds
    team = profile.team_size()
    manages = "people_management" in kinds or team >= 3 or "hiring" in kinds
    if manages:
        w = 1.0 + (0.5 if team >= 5 else 0.0) + (0.25 if "hiring" in kinds else 0.0)
        cast("manager", w, "leadership", "people management" + (f" of a team of {team}" if team else ""))
        if {"budget", "roadmap", "strategy"} & kinds:
            cast("director", 0.75, "leadership", "manages people and owns budget/roadmap/strategy")
    if manages and "executive" in kinds:
        cast("vp", 1.0, "leadership", "executive scope (reports to or sits with the C-level / board)")
    if not manages:
        if "technical_leadership" in kinds:
            cast("staff", 0.5, "leadership", "technical leadership (tech lead, design reviews, direction)")
        elif "mentoring" in kinds:
            cast("senior", 0.5, "leadership", "mentoring other engineers")


__all__ = ["LEVEL_IDS", "place", "years_level"]
