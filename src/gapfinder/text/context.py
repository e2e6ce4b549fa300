"""What every extractor gets: the normalised text, its sections, and a way to make evidence."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..models import DocumentKind, MatchKind, Mention, SectionName
from .normalize import NormalizedText
from .sections import SectionSpan


@dataclass(frozen=True)
class AnalysisContext:
    """Normalised text + sections; extractors work in normalised offsets and make mentions through it."""

    norm: NormalizedText
    sections: tuple[SectionSpan, ...]
    kind: DocumentKind
    today: tuple[int, int]  # (year, month)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.sections])

    @property
    def text(self) -> str:
        return self.norm.text

    def section_at(self, offset: int) -> SectionName:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return "header"
        sec = self.sections[i]
        return sec.name if offset < sec.end else "other"

    def mention(self, start: int, end: int, match: MatchKind, alias: str, score: float = 1.0) -> Mention:
        """A mention for the normalised span ``[start, end)``, with offsets into the analysed text."""
        s, e = self.norm.to_original(start, end)
        return Mention(
            start=s,
            end=e,
            text=self.norm.original[s:e],
            section=self.section_at(start),
            match=match,
            score=round(score, 3),
            alias=alias,
        )


__all__ = ["AnalysisContext", "SectionSpan"]
