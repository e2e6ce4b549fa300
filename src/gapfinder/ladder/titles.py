"""Title seniority: which ladder level a job title names, from the ladder's own title patterns.

Levels are tried in the ladder's ``title_precedence`` (the more specific seniority first: "Senior Director"
is a director), then by rank, highest first, management before IC on a tie. A title naming no level points
to the ladder's ``unmarked_title`` level ("ML Engineer", "Accountant"); a title matching a level's
``titles_by_scope`` ("Head of ML") names that level's track, and scope evidence decides the rung; one
matching its ``titles_with_reports`` ("Purchasing Manager") names it only with evidence of reports.
Alternative paths are read apart (``path_of``): a path title counts with one of the path's
``title_qualifiers`` in it ("AI Consultant", not "SAP Consultant"), or when the person does the ladder's
core work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kinds import MAIN_TRACKS
from ..taxonomy.schema import Ladder, Level


@dataclass(frozen=True, slots=True)
class TitleLevel:
    level: str | None  # None: the ladder names no level for unmarked titles
    marked: bool  # True when a seniority word decided it, False for the unmarked default
    pattern: str | None
    scoped: bool = False  # the title names the track, scope evidence names the rung ("Head of ML")
    with_reports: bool = False  # the title names the level only with evidence of reports ("Purchasing Manager")


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


def _norm(title: str) -> str:
    return " ".join(title.lower().split())[:200]


def precedence(ladder: Ladder) -> list[Level]:
    """The ladder's main-track levels in the order their title patterns are tried."""
    main = [lv for lv in ladder.levels if lv.track in MAIN_TRACKS]
    listed = {lid: i for i, lid in enumerate(ladder.title_precedence)}
    return sorted(
        main,
        key=lambda lv: (listed.get(lv.id, len(listed)), -lv.rank, lv.track != "management"),
    )


class TitleClassifier:
    def __init__(self, ladder: Ladder) -> None:
        self._levels = [
            (
                lv.id,
                _compile(lv.titles),
                _compile(lv.titles_exclude),
                _compile(lv.titles_by_scope),
                _compile(lv.titles_with_reports),
            )
            for lv in precedence(ladder)
        ]
        self._unmarked = ladder.unmarked_title
        self._paths = [
            (lv, _compile(lv.titles), _compile(lv.title_qualifiers))
            for lv in ladder.levels
            if lv.track == "alternative" and lv.titles
        ]

    def classify(self, title: str | None) -> TitleLevel | None:
        """The level a title names; an unmarked title points to the ladder's ``unmarked_title``; None for no
        title at all."""
        if not title or not any(c.isalpha() for c in title):
            return None
        low = _norm(title)
        weak: TitleLevel | None = None  # a track without its rung, or a rung that needs evidence
        for lid, patterns, excludes, by_scope, with_reports in self._levels:
            if any(x.search(low) for x in excludes):
                continue
            for pat in patterns:
                if pat.search(low):
                    return TitleLevel(lid, True, pat.pattern)
            if weak is None:
                hit = next((p for p in by_scope if p.search(low)), None)
                if hit is not None:
                    weak = TitleLevel(lid, False, hit.pattern, scoped=True)
                hit = next((p for p in with_reports if p.search(low)), None) if weak is None else None
                if hit is not None:
                    weak = TitleLevel(lid, False, hit.pattern, with_reports=True)
        return weak or TitleLevel(self._unmarked, False, None)

    def path_of(self, title: str | None, core_work: bool) -> tuple[Level, str] | None:
        """The alternative path a title names (with the pattern that matched), if any."""
        if not title:
            return None
        low = _norm(title)
        for lv, patterns, qualifiers in self._paths:
            hit = next((p for p in patterns if p.search(low)), None)
            if hit is None:
                continue
            if qualifiers and not core_work and not any(q.search(low) for q in qualifiers):
                continue
            return lv, hit.pattern
        return None


__all__ = ["TitleClassifier", "TitleLevel", "precedence"]
