"""A level's skill requirements (own and inherited) and how a profile meets one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import UnknownTargetError
from ..taxonomy.schema import Ladder, Level, SkillRequirement

IMPORTANCE_WEIGHT = {"core": 3.0, "required": 3.0, "important": 2.0, "nice": 1.0, "preferred": 1.0}


def find_level(ladder: Ladder, target: str) -> Level:
    """A level or alternative path by id or by name (case-insensitive)."""
    key = target.strip().casefold()
    for lv in ladder.levels:
        if key in (lv.id.casefold(), lv.name.casefold()):
            return lv
    known = ", ".join(lv.id for lv in ladder.levels)
    raise UnknownTargetError(f"unknown target {target!r} on the {ladder.id} ladder; choose one of: {known}")


#: a level's requirements, each with the level that declares it
Declared = tuple[tuple[SkillRequirement, str], ...]
#: id(ladder) -> (ladder, {(level id, own_only): requirements}): a ladder's requirements never change
_CACHE: dict[int, tuple[Ladder, dict[tuple[str, bool], Declared]]] = {}


def declared_requirements(ladder: Ladder, level_id: str, own_only: bool = False) -> Declared:
    """The level's own requirements first, then inherited ones (nearest ancestor first), ids unique, each
    with the id of the level that declares it."""
    hit = _CACHE.get(id(ladder))
    if hit is None or hit[0] is not ladder:
        hit = _CACHE[id(ladder)] = (ladder, {})
    key = (level_id, own_only)
    reqs = hit[1].get(key)
    if reqs is None:
        reqs = hit[1][key] = tuple(_requirements(ladder, level_id, own_only))
    return reqs


def level_requirements(ladder: Ladder, level_id: str, own_only: bool = False) -> tuple[SkillRequirement, ...]:
    """The level's own requirements first, then inherited ones (nearest ancestor first), ids unique."""
    return tuple(req for req, _ in declared_requirements(ladder, level_id, own_only))


def _requirements(ladder: Ladder, level_id: str, own_only: bool) -> list[tuple[SkillRequirement, str]]:
    by_id = {lv.id: lv for lv in ladder.levels}
    out: dict[str, tuple[SkillRequirement, str]] = {}
    seen_skills: set[frozenset[str]] = set()
    queue = [level_id]
    visited: set[str] = set()
    while queue:
        lid = queue.pop(0)
        if lid in visited:
            continue
        visited.add(lid)
        for req in by_id[lid].skills:
            key = frozenset(req.any_of)
            if req.id not in out and key not in seen_skills:
                out[req.id] = (req, lid)
                seen_skills.add(key)
        if own_only:
            break
        queue.extend(by_id[lid].inherits)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class Met:
    via: Literal["direct", "alternative", "implied", "assumed"]
    skill: str
    implied_by: str | None = None


def requirement_met(
    req: SkillRequirement | list[str] | tuple[str, ...], found: set[str], implied: dict[str, str]
) -> Met | None:
    """Met directly (the first listed skill), by an accepted alternative, or through an implication."""
    any_of = req.any_of if isinstance(req, SkillRequirement) else req
    for i, sid in enumerate(any_of):
        if sid in found:
            return Met("direct" if i == 0 else "alternative", sid)
    for sid in any_of:
        if sid in implied:
            return Met("implied", sid, implied[sid])
    return None


__all__ = [
    "IMPORTANCE_WEIGHT",
    "Declared",
    "Met",
    "declared_requirements",
    "find_level",
    "level_requirements",
    "requirement_met",
]
