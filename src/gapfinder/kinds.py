"""Closed vocabularies shared by the taxonomy files, the result models and the commands.

The taxonomy (``taxonomy/schema.py``) and the results (``models.py``) both name leadership signals and
degree levels; they are defined here once, below both, so neither imports the other.

What a document is (``DocumentKind``: a resume or a job post) is defined here too, and decided only by the
helpers below: the pipeline, the renderers, the CLI and the service call ``is_job``/``is_resume`` rather than
compare strings, so the kinds live in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from typing_extensions import TypeIs

#: what a document is: ``Report.kind``, ``--kind``, the service's ``kind`` field
DocumentKind = Literal["resume", "job"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("resume", "job")

#: what a dated position is (``Position.kind``)
PositionKind = Literal["job", "internship"]


def is_job(kind: str) -> TypeIs[Literal["job"]]:
    """Whether a kind names a job post: ``Report.kind``, or a gap's ``target_kind`` or ``basis`` when the gap
    is to a job rather than to a level of the ladder."""
    return kind == "job"


def is_resume(kind: str) -> TypeIs[Literal["resume"]]:
    """Whether a kind (``Report.kind``, a side of a comparison) names a resume."""
    return kind == "resume"


def document_noun(kind: DocumentKind) -> str:
    """What messages and reports call a document of this kind: "resume" or "job post"."""
    return "job post" if is_job(kind) else "resume"


def is_internship_kind(kind: PositionKind) -> bool:
    """Whether a dated position (``Position.kind``) is an internship rather than a job."""
    return kind == "internship"


DegreeLevel = Literal["highschool", "associate", "bachelor", "master", "phd", "other"]

#: the leadership and scope signals the extractor reports (``extract/leadership.py`` documents each)
SignalKind = Literal[
    "people_management",
    "team_size",
    "manages_managers",
    "multi_team",
    "org_size",
    "hiring",
    "mentoring",
    "budget",
    "roadmap",
    "strategy",
    "cross_functional",
    "technical_leadership",
    "executive",
    "publications",
    "speaking",
    "open_source",
    "patents",
]

#: the tracks of a ladder: two ladders of rungs and the paths beside them
Track = Literal["ic", "management", "alternative"]
TRACKS: tuple[Track, ...] = ("ic", "management", "alternative")
#: the tracks whose levels form ladders of rungs (the alternative track holds paths beside them)
MAIN_TRACKS: tuple[Track, ...] = ("ic", "management")

__all__ = [
    "DOCUMENT_KINDS",
    "MAIN_TRACKS",
    "TRACKS",
    "DegreeLevel",
    "DocumentKind",
    "PositionKind",
    "SignalKind",
    "Track",
    "document_noun",
    "is_internship_kind",
    "is_job",
    "is_resume",
]
