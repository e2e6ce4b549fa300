"""Closed vocabularies shared by the taxonomy files and the result models.

The taxonomy (``taxonomy/schema.py``) and the results (``models.py``) both name leadership signals and
degree levels; they are defined here once, below both, so neither imports the other.
"""

from __future__ import annotations

from typing import Literal

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

__all__ = ["TRACKS", "DegreeLevel", "SignalKind", "Track"]
