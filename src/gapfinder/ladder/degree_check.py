"""Does a resume's education meet a degree requirement? One rule for the gap and the comparison.

A degree counts when it is held (not ``in_progress``: "2023 - Present", "expected 2026", "PhD candidate")
and is at the required level or above (the ranks of ``degrees.yaml``; a professional doctorate such as an
MD ranks as a master's, so it never meets a PhD requirement). When the requirement names fields of study,
the degree must be in one of them: a master's in education does not meet "MS in machine learning or
statistics". Whether a field the requirement does not name is "related" is not judged: it does not meet it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models import EducationFinding


def held_degrees(education: Iterable[EducationFinding]) -> list[EducationFinding]:
    """The degrees the person holds: ranked levels ("other" is a diploma or certificate), not in progress."""
    return [e for e in education if e.degree != "other" and not e.in_progress]


def meeting_degree(
    education: Iterable[EducationFinding], level: str, rank: Callable[[str], int], fields: Iterable[str] = ()
) -> EducationFinding | None:
    """The first held degree at ``level`` or above (by ``rank``, the taxonomy's ``degree_rank``) and in one of
    ``fields`` (any field when none are named)."""
    wanted = set(fields)
    for e in held_degrees(education):
        if rank(e.degree) >= rank(level) and (not wanted or e.field in wanted):
            return e
    return None


__all__ = ["held_degrees", "meeting_degree"]
