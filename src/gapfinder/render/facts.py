"""What the reports say about a placement and a gap, in words, once: the terminal, Markdown and HTML
renderers format these facts and never word them on their own.

Everything comes from the report itself (``placement.fits`` carries the ladder's levels with their tracks
and ranks), so a stored report renders the same without the taxonomy that made it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Gap, LevelScore, Placement, Report
from .common import money

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
    what = "Job level" if report.kind == "job" else "Placement"
    return PlacementFacts(
        headline=f"{what}: {pl.level_name}  [{pl.track} track, confidence {pl.confidence:.2f}]",
        ladder_line=ladder_line,
        path_line=path_line,
        fit_line=fit_line,
        current_band=f"Salary band of {pl.level_name}: {money(pl.salary)}" if pl.salary else None,
        responsibilities=pl.responsibilities,
        next_line=next_line,
        others_line=others_line,
        evidence=tuple(f"{e.factor}: {e.detail}" for e in pl.evidence if e.factor != "fit"),
    )


def gap_title(gap: Gap) -> str:
    return f"Gap to {gap.target_name}" + (" (job)" if gap.target_kind == "job" else "")


def gap_basis(gap: Gap) -> str:
    return f"Target: {BASIS[gap.basis]}."


def target_band(gap: Gap) -> str | None:
    return f"Salary band of {gap.target_name}: {money(gap.salary)}" if gap.salary else None


__all__ = ["PlacementFacts", "gap_basis", "gap_title", "placement_facts", "steps", "target_band", "tracks"]
