"""Title seniority: which ladder level a job title names, from the ladder's own title patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..taxonomy.schema import Ladder

# when several levels' patterns match a title, the more specific seniority wins
# ("Senior Director" is a director, "Associate Director" is not junior, "Senior Manager" is a manager)
PRECEDENCE = ("vp", "director", "principal", "manager", "staff", "senior", "junior", "mid")


@dataclass(frozen=True, slots=True)
class TitleLevel:
    level: str
    marked: bool  # True when a seniority word decided it, False for the unmarked default (mid)
    pattern: str | None


class TitleClassifier:
    def __init__(self, ladder: Ladder) -> None:
        by_id = {lv.id: lv for lv in ladder.levels}
        self._levels: list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]] = [
            (lid, [re.compile(p) for p in by_id[lid].titles], [re.compile(p) for p in by_id[lid].titles_exclude])
            for lid in PRECEDENCE
            if lid in by_id
        ]

    def classify(self, title: str | None) -> TitleLevel | None:
        """The level a title names; an unmarked title is ``mid``; None for no title at all."""
        if not title or not any(c.isalpha() for c in title):
            return None
        low = " ".join(title.lower().split())[:200]
        for lid, patterns, excludes in self._levels:
            if any(x.search(low) for x in excludes):
                continue
            for pat in patterns:
                if pat.search(low):
                    return TitleLevel(lid, True, pat.pattern)
        return TitleLevel("mid", False, None)


__all__ = ["PRECEDENCE", "TitleClassifier", "TitleLevel"]
