"""Place a resume (or a job) on a ladder: track and level, a confidence, the evidence used, and the fit.

Everything comes from the ladder's data: its levels' tracks, ranks, title patterns, year bands, skill
requirements and leadership expectations. No level id is written here.

1. **Seniority**: each factor votes for a level of the ic or management track with a weight; the level
   with the most weight wins.

   | factor     | vote                                                                          | weight  |
   |------------|-------------------------------------------------------------------------------|---------|
   | title      | the level a seniority word in the current title names (``titles``)            | 3.0     |
   |            | a title that names a level only with evidence of reports (``titles_with_      | 3.0     |
   |            | reports``: "Purchasing Manager") when that evidence is there; else unmarked   |         |
   |            | a title naming a track but not its rung (``titles_by_scope``: "Head of ML"):  | 1.5     |
   |            | the highest rung of that track the scope evidence reaches, else the first     |         |
   |            | a title with no seniority word: the ladder's ``unmarked_title`` level         | 1.5     |
   | years      | the ic level whose stated year band holds the total (neighbours 0.3); never   | 1.0     |
   |            | a level whose band the ladder only derives (staff/principal are scope)        | 2.0 job |
   | skills     | the highest ic level whose own core/important requirements are >= 60% met    | 1.0     |
   |            | (resumes of people doing the ladder's own work only)                          |         |
   | leadership | the highest level one of whose *defining* leadership expectations is met      | 1.0-2.5 |
   |            | (a rung above its track's first needs the first evidenced too): 1.0, +0.5 per |         |
   |            | further defining signal, +0.25 per other expectation of the rung met; an ic   | 0.5     |
   |            | rung only when no management rung is evidenced                                |         |

   ``confidence = (top / (total + 0.25)) ** (1/3)``: the winner's share of the votes, with a little prior
   mass so a single factor never claims certainty; the cube root maps the share onto observed accuracy (on
   the dev careers the expected calibration error is 0.07, see eval/README.md).

2. **Path**: a current title naming one of the ladder's alternative paths (``titles`` and
   ``title_qualifiers``) places the person on that path (track ``alternative``), unless the title names a
   management rung; the seniority stays as the rung of the same seniority.

3. **Fit** (``fit.py``): off the ladder, the placement is only the person's seniority (its name is the
   level's ``seniority`` in words any profession shares) and carries no salary band or responsibilities.

4. **What would change it** (``next``): the rung above (for a path or another field, the rung a move
   reaches) and what it asks that the document does not show, the most decisive first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ..kinds import MAIN_TRACKS, Track, is_job
from ..models import Evidence, NextStep, Placement
from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ladder, Level
from .fit import Fit, ladder_fit, level_scores
from .profile import Profile
from .requirements import find_level, level_requirements, requirement_met
from .salary import salary_band
from .titles import TitleClassifier

TITLE_MARKED, TITLE_UNMARKED, YEARS, JOB_YEARS, SKILLS = 3.0, 1.5, 1.0, 2.0, 1.0
LEAD_BASE, LEAD_PER_DEFINING, LEAD_PER_OTHER, LEAD_MAX, LEAD_IC = 1.0, 0.5, 0.25, 2.5, 0.5
PRIOR = 0.25
CONFIDENCE_EXPONENT = 1 / 3  # fitted on the dev careers (eval/calibration.py)


def _track(ladder: Ladder, track: str) -> list[Level]:
    return sorted((lv for lv in ladder.levels if lv.track == track), key=lambda lv: lv.rank)


def main_levels(ladder: Ladder) -> list[Level]:
    """The ic levels by rank, then the management levels by rank: the ladder's rungs."""
    return [lv for track in MAIN_TRACKS for lv in _track(ladder, track)]


def years_level(ladder: Ladder, years: float) -> str | None:
    """The highest ic level whose minimum years the total reaches, among the levels whose year band the
    ladder's source states (the ones it only derives, such as staff and principal, are reached by scope)."""
    ic = _track(ladder, "ic")
    tenure = [lv for lv in ic if lv.years.source == "seed"] or ic
    best = tenure[0].id if tenure else None
    for lv in tenure:
        if years >= lv.years.min:
            best = lv.id
    return best


@dataclass(frozen=True)
class Decision:
    """The placement before it is dressed for the report: the votes and what they decide."""

    scores: dict[str, float]
    evidence: list[Evidence]
    fit: Fit
    seniority: Level
    path: Level | None
    confidence: float
    titled: set[str]  # the level or path ids the current title names

    @property
    def placed(self) -> Level:
        return self.path or self.seniority


def place(profile: Profile, ladder: Ladder, tax: Taxonomy, titles: TitleClassifier) -> Placement:
    d = decide(profile, ladder, tax, titles)
    placed, fit, scores = d.placed, d.fit, d.scores
    total = sum(scores.values())
    target = transition_target(ladder, fit, d.path, d.seniority)
    return Placement(
        ladder=ladder.id,
        ladder_name=ladder.name,
        track=cast(Track, placed.track),
        level=placed.id,
        level_name=_level_name(placed, fit, ladder),
        seniority=d.seniority.id,
        seniority_name=d.seniority.seniority_name,
        confidence=d.confidence,
        fit=fit.kind,
        fit_detail=fit.detail,
        scores={k: round(v / total, 3) for k, v in scores.items()} if total else dict(scores),
        evidence=tuple(d.evidence),
        fits=level_scores(profile, ladder, tax, d.titled, profile.years),
        salary=salary_band(placed) if fit.kind == "fits" else None,
        responsibilities=tuple(placed.responsibilities) if fit.kind == "fits" else (),
        next=_next_step(profile, ladder, tax, find_level(ladder, target) if target else None),
    )


def decide(profile: Profile, ladder: Ladder, tax: Taxonomy, titles: TitleClassifier) -> Decision:
    """The votes, the seniority they elect, the path the title names, and the fit (see the module doc)."""
    by_id = {lv.id: lv for lv in ladder.levels}
    rungs = main_levels(ladder)
    order = [lv.id for lv in rungs]
    scores: dict[str, float] = dict.fromkeys(order, 0.0)
    evidence: list[Evidence] = []
    fit = ladder_fit(profile, ladder)
    off = fit.kind == "off_ladder"

    def vote(level: str, weight: float, factor: str, detail: str) -> None:
        if level in scores:
            scores[level] += weight
            evidence.append(
                Evidence.model_validate({"factor": factor, "detail": detail, "level": level, "weight": weight})
            )

    def named(level_id: str) -> str:
        lv = by_id[level_id]
        return f"the {lv.seniority_name.lower()} seniority" if off else f"the {lv.id} level"

    scope = _scope(profile, ladder)

    # -- title
    title = _current_title(profile)
    tl = titles.classify(title)
    if tl is not None and title and tl.level is not None:
        lv = by_id[tl.level]
        evidenced = scope.get(lv.track)
        if tl.marked:
            vote(tl.level, TITLE_MARKED, "title", f"title {title!r} names {named(tl.level)}")
        elif tl.scoped:
            # the track from the title, the rung from the scope it comes with
            rung = evidenced[0].id if evidenced and evidenced[0].rank >= lv.rank else tl.level
            vote(rung, TITLE_UNMARKED, "title", f"title {title!r} names the {lv.track} track; its scope, {named(rung)}")
        elif tl.with_reports and evidenced and evidenced[0].rank >= lv.rank:
            vote(tl.level, TITLE_MARKED, "title", f"title {title!r} with evidence of reports names {named(tl.level)}")
        elif ladder.unmarked_title is not None:
            vote(ladder.unmarked_title, TITLE_UNMARKED, "title", f"title {title!r} has no seniority marker")

    # -- years
    years = profile.years
    job_post = is_job(profile.kind)
    if years is not None:
        yl = years_level(ladder, years)
        if yl is not None:
            weight = JOB_YEARS if job_post else YEARS
            what = "asked for" if job_post else "of experience"
            vote(yl, weight, "job_years" if job_post else "years", f"{years:g} years {what} fall in the {yl} band")
            ic = [lv.id for lv in _track(ladder, "ic")]
            i = ic.index(yl)
            for j in (i - 1, i + 1):
                if 0 <= j < len(ic):
                    scores[ic[j]] += 0.3 * YEARS

    # -- skills breadth and depth: of a person doing the ladder's own work (a job post's list of skills
    # says what it asks, not how senior the job is)
    if profile.skills and fit.kind == "fits" and not job_post:
        sl = _skills_level(profile, ladder, tax)
        if sl is not None:
            vote(sl[0], SKILLS, "skills", sl[1])

    # -- leadership and scope: the highest management rung evidenced, else the highest ic rung
    for track in ("management", "ic"):
        if track in scope:
            lv, defining, others = scope[track]
            if track == "ic":
                weight = LEAD_IC
            else:
                weight = min(LEAD_MAX, LEAD_BASE + LEAD_PER_DEFINING * (defining - 1) + LEAD_PER_OTHER * others)
            said = _quote(profile, lv)
            if off:  # the ladder's own words ("ML engineers") would not describe this person's work
                kinds = sorted({s.kind for s in profile.leadership for e in lv.leadership if s.kind in e.signals})
                what = said or ", ".join(k.replace("_", " ") for k in kinds)
                detail = f"{what}: {named(lv.id)}"
            else:
                labels = "; ".join(e.label for e in lv.leadership if e.defines and profile.meets(e))
                detail = f"{said} answers: {labels} ({lv.name})" if said else f"{labels} ({lv.name})"
            vote(lv.id, weight, "leadership", detail)
            break

    if not any(scores.values()):
        first = order[0] if order else None
        if first is not None:
            scores[first] = 0.2
            evidence.append(
                Evidence(
                    factor="years", detail="no title, dates, skills or leadership evidence found", level=first, weight=0
                )
            )
    total = sum(scores.values())
    seniority = max(order, key=lambda lid: (scores[lid], -order.index(lid)))
    confidence = round((scores[seniority] / (total + PRIOR)) ** CONFIDENCE_EXPONENT, 3)
    senior_lv = by_id[seniority]

    # -- an alternative path named by the title (not when the title names a management rung)
    path: Level | None = None
    if not (tl is not None and tl.marked and tl.level and by_id[tl.level].track == "management"):
        hit = titles.path_of(title, core_work=fit.kind == "fits")
        if hit is not None and fit.kind != "off_ladder":
            path = hit[0]
            evidence.append(
                Evidence(
                    factor="path",
                    detail=f"title {title!r} names the {path.name} path",
                    level=path.id,
                    weight=TITLE_MARKED,
                )
            )
    if path is not None:  # a path of the ladder is the ladder's own ground, whatever the skills say
        fit = Fit("fits", fit.core, fit.adjacent, title, f"on the {path.name} path; {fit.detail}")
    if ladder.fit is not None:
        evidence.append(Evidence(factor="fit", detail=fit.detail, level=None, weight=0.0))

    titled = {x for x in (tl.level if tl and tl.marked else None, path.id if path else None) if x}
    return Decision(scores, evidence, fit, senior_lv, path, confidence, titled)


def _current_title(profile: Profile) -> str | None:
    pos = profile.current_position
    return pos.title if pos and pos.title else profile.headline


def _level_name(level: Level, fit: Fit, ladder: Ladder) -> str:
    """The level's name; off the ladder or from related work, the seniority in words any field shares."""
    if fit.kind == "off_ladder":
        return f"{level.seniority_name} (seniority; outside the {ladder.name} ladder)"
    if fit.kind == "adjacent":
        return f"{level.seniority_name} (seniority; related work, a move into {ladder.name})"
    return level.name


def transition_target(ladder: Ladder, fit: Fit, path: Level | None, seniority: Level) -> str | None:
    """The rung a move reaches: the next rung up for a person on the ladder; for a path, another field or no
    field, the highest rung of ``steps_into`` at or below the person's seniority (its lowest when all are
    above)."""
    if path is not None:
        steps = path.steps_into
    elif fit.kind == "adjacent" and ladder.fit is not None:
        steps = ladder.fit.adjacent_steps_into
    elif fit.kind == "off_ladder" and ladder.fit is not None:
        steps = ladder.fit.off_ladder_steps_into
    else:
        return seniority.next
    if not steps:
        return seniority.next
    by_id = {lv.id: lv for lv in ladder.levels}
    reachable = [s for s in steps if by_id[s].rank <= seniority.rank]
    return (reachable or steps[:1])[-1]


def _skills_level(profile: Profile, ladder: Ladder, tax: Taxonomy) -> tuple[str, str] | None:
    found = profile.skill_ids
    implied = profile.implied_by(tax)
    best: tuple[str, str] | None = None
    for lv in _track(ladder, "ic"):
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


def _evidenced(profile: Profile, level: Level, root_ok: bool) -> tuple[int, int]:
    """(defining signal kinds met, other expectations met) of a rung; (0, 0) when it is not evidenced."""
    defining = [e for e in level.leadership if e.defines]
    met = [e for e in defining if profile.meets(e)]
    if not met or not root_ok:
        return 0, 0
    kinds = {s.kind for s in profile.leadership for e in met if s.kind in e.signals}
    others = sum(profile.meets(e) for e in level.leadership if not e.defines)
    return len(kinds), others


def _scope(profile: Profile, ladder: Ladder) -> dict[str, tuple[Level, int, int]]:
    """Per main track, the highest rung the leadership evidence defines: (rung, defining signal kinds met,
    other expectations of the rung met). A rung above its track's first needs that first rung evidenced."""
    out: dict[str, tuple[Level, int, int]] = {}
    for track in MAIN_TRACKS:
        rungs = _track(ladder, track)
        if not rungs:
            continue
        root = rungs[0]
        root_ok = not any(e.defines for e in root.leadership) or _evidenced(profile, root, True)[0] > 0
        for lv in rungs:
            defining, others = _evidenced(profile, lv, root_ok)
            if defining:
                out[track] = (lv, defining, others)
    return out


def _quote(profile: Profile, level: Level) -> str:
    """The document's own words for the leadership a rung asks for, to stand before the rung's wording ("'Led
    the migration' (technical leadership) answers: ..."): the ladder's words alone would read as the person's."""
    met = [e for e in level.leadership if e.defines and profile.meets(e)] or list(level.leadership)
    signals = [s for s in profile.leadership if s.mentions and any(s.kind in e.signals for e in met)]
    if not signals:
        return ""
    first = min(signals, key=lambda s: s.mentions[0].start)
    return f"'{' '.join(first.mentions[0].text.split())}' ({first.kind.replace('_', ' ')})"


def _next_step(profile: Profile, ladder: Ladder, tax: Taxonomy, target: Level | None) -> NextStep | None:
    """What the target rung asks that the document does not show, the most decisive first: a defining
    leadership expectation, the rung's own core skills, its years, its degree."""
    if target is None:
        return None
    missing: list[str] = []
    defining = [e for e in target.leadership if e.defines]
    if defining and not any(profile.meets(e) for e in defining):
        missing.append(defining[0].label)
    found, implied = profile.skill_ids, profile.implied_by(tax)
    own = [r for r in level_requirements(ladder, target.id, own_only=True) if r.importance == "core"]
    missing += [r.label for r in own if requirement_met(r, found, implied) is None][:2]
    years = profile.years
    if target.years.source == "seed" and (years or 0.0) < target.years.min:
        missing.append(f"{target.years.min:g}+ years of experience (found {years or 0:g})")
    need = target.degree.minimum
    held = profile.highest_degree(tax)
    if need is not None and (held is None or tax.degree_rank(held) < tax.degree_rank(need)):
        missing.append(f"a {need} degree or higher")
    return NextStep(level=target.id, name=target.name, missing=tuple(missing))


__all__ = ["Decision", "decide", "main_levels", "place", "transition_target", "years_level"]
