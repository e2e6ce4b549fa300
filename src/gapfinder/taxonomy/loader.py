"""Load and validate a taxonomy directory; every problem is a ``TaxonomyError`` naming file and path.

Layout of a taxonomy directory::

    categories.yaml         skill categories
    skills/*.yaml           skills (any number of files, merged; ids and aliases unique across all)
    certifications.yaml
    degrees.yaml            degree levels and fields of study
    ladders/*.yaml          career ladders (levels, tracks, alternative paths)
    senses.yaml             other senses of skill names and the words that tell them (optional)
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import TaxonomyError
from .schema import (
    CategoriesFile,
    Category,
    Certification,
    CertificationsFile,
    DegreeLevel,
    DegreesFile,
    Ladder,
    Sense,
    SensesFile,
    Skill,
    SkillsFile,
    StudyField,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Taxonomy:
    """A validated taxonomy with its cross-references checked."""

    root: str
    categories: dict[str, Category]
    skills: dict[str, Skill]
    certifications: dict[str, Certification]
    degree_levels: dict[str, DegreeLevel]
    fields: dict[str, StudyField]
    ladders: dict[str, Ladder]
    _closure: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    senses: dict[str, Sense] = field(default_factory=dict)

    def implied(self, skill_id: str) -> frozenset[str]:
        """All skill ids implied by ``skill_id``, transitively (not including itself)."""
        return self._closure.get(skill_id, frozenset())

    def alias_list(self) -> list[str]:
        """Every surface form the matcher looks for (names, aliases, certification names and codes)."""
        out: list[str] = []
        for s in self.skills.values():
            out.append(s.name)
            out.extend(s.aliases)
        for c in self.certifications.values():
            out.append(c.name)
            out.extend(c.aliases)
            out.extend(c.exam_codes)
        return out

    @property
    def stats(self) -> dict[str, int]:
        return {
            "skills": len(self.skills),
            "aliases": sum(len(s.aliases) for s in self.skills.values()),
            "implies_edges": sum(len(s.implies) for s in self.skills.values()),
            "certifications": len(self.certifications),
            "degree_levels": len(self.degree_levels),
            "fields": len(self.fields),
            "ladders": len(self.ladders),
            "levels": sum(len(ld.levels) for ld in self.ladders.values()),
        }


def default_taxonomy_dir() -> Path:
    """The taxonomy shipped inside the installed package."""
    return Path(str(importlib.resources.files("skills_taxonomy")))


def _read_yaml(path: Path) -> Any:
    import yaml  # here: an engine built from the compiled-taxonomy cache never reads YAML (~8 ms)

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise TaxonomyError(f"{path}: cannot read taxonomy file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise TaxonomyError(f"{path}: taxonomy file is not valid UTF-8") from None
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise TaxonomyError(f"{path}:{where}: invalid YAML: {problem}") from None


def _loc(data: Any, loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location, naming list items by their id when they have one."""
    parts: list[str] = []
    node = data
    for key in loc:
        label = str(key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(key, int) and isinstance(node, dict) and "id" in node:
            label = f"{key}(id={node['id']})"
        parts.append(label)
    return ".".join(parts)


def _validate(model: type[M], path: Path) -> M:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: expected a mapping at the top level, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {e.error_count() - 1} more errors)" if e.error_count() > 1 else ""
        raise TaxonomyError(f"{path}: {_loc(data, err['loc'])}: {err['msg']}{more}") from None


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise TaxonomyError(f"{directory}: missing taxonomy directory")
    files = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
    if not files:
        raise TaxonomyError(f"{directory}: no .yaml files")
    return files


def _unique(items: Iterable[tuple[str, Path, str]], what: str) -> None:
    seen: dict[str, tuple[Path, str]] = {}
    for key, path, where in items:
        if key in seen:
            p0, w0 = seen[key]
            raise TaxonomyError(f"{path}: {where}: duplicate {what} {key!r} (first at {p0}: {w0})")
        seen[key] = (path, where)


def _closure(skills: dict[str, Skill]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for sid in skills:
        seen: set[str] = set()
        stack = list(skills[sid].implies)
        while stack:
            nxt = stack.pop()
            if nxt in seen or nxt == sid:
                continue
            seen.add(nxt)
            stack.extend(skills[nxt].implies)
        out[sid] = frozenset(seen)
    return out


def load_taxonomy(root: str | os.PathLike[str] | None = None) -> Taxonomy:
    """Load, validate and cross-check a taxonomy directory (the packaged one by default)."""
    base = Path(root) if root is not None else default_taxonomy_dir()
    if not base.is_dir():
        raise TaxonomyError(f"{base}: taxonomy directory not found")

    cat_path = base / "categories.yaml"
    categories = {c.id: c for c in _validate(CategoriesFile, cat_path).categories}

    skill_files = [(p, _validate(SkillsFile, p)) for p in _yaml_files(base / "skills")]
    _unique(((s.id, p, f"skills.{i}") for p, f in skill_files for i, s in enumerate(f.skills)), "skill id")
    skills = {s.id: s for _, f in skill_files for s in f.skills}
    skill_path = {s.id: (p, i) for p, f in skill_files for i, s in enumerate(f.skills)}
    for sid, s in skills.items():
        p, i = skill_path[sid]
        if s.category not in categories:
            raise TaxonomyError(f"{p}: skills.{i}(id={sid}).category: unknown category {s.category!r}")
        for j, target in enumerate(s.implies):
            if target not in skills:
                raise TaxonomyError(f"{p}: skills.{i}(id={sid}).implies.{j}: unknown skill {target!r}")
    # an alias (case-folded) must name one skill only, or matching would be arbitrary
    _unique(
        (
            (surface.casefold(), skill_path[s.id][0], f"skills(id={s.id})")
            for s in skills.values()
            for surface in {x.casefold(): x for x in (s.name, *s.aliases)}.values()
        ),
        "skill name/alias",
    )

    cert_path = base / "certifications.yaml"
    certs_file = _validate(CertificationsFile, cert_path)
    _unique(
        ((c.id, cert_path, f"certifications.{i}") for i, c in enumerate(certs_file.certifications)), "certification id"
    )
    for i, c in enumerate(certs_file.certifications):
        for j, sid in enumerate(c.skills):
            if sid not in skills:
                raise TaxonomyError(f"{cert_path}: certifications.{i}(id={c.id}).skills.{j}: unknown skill {sid!r}")
    certifications = {c.id: c for c in certs_file.certifications}

    deg_path = base / "degrees.yaml"
    degrees = _validate(DegreesFile, deg_path)
    _unique(((lv.id, deg_path, f"levels.{i}") for i, lv in enumerate(degrees.levels)), "degree level")
    _unique(((f.id, deg_path, f"fields.{i}") for i, f in enumerate(degrees.fields)), "field id")
    fields = {f.id: f for f in degrees.fields}

    ladders: dict[str, Ladder] = {}
    for p in _yaml_files(base / "ladders"):
        ladder = _validate(Ladder, p)
        _check_ladder(ladder, p, skills, certifications, fields, categories)
        if ladder.id in ladders:
            raise TaxonomyError(f"{p}: id: duplicate ladder id {ladder.id!r}")
        ladders[ladder.id] = ladder

    senses = _senses(base / "senses.yaml", categories, skills)

    return Taxonomy(
        root=str(base),
        categories=categories,
        skills=skills,
        certifications=certifications,
        degree_levels={lv.id: lv for lv in degrees.levels},
        fields=fields,
        ladders=ladders,
        _closure=_closure(skills),
        senses=senses,
    )


def _senses(path: Path, categories: dict[str, Category], skills: dict[str, Skill]) -> dict[str, Sense]:
    """The sense checks of ``senses.yaml`` (none when the file is absent), their references checked."""
    if not path.is_file():
        return {}
    senses_file = _validate(SensesFile, path)
    _unique(((x.id, path, f"senses.{i}") for i, x in enumerate(senses_file.senses)), "sense id")
    for i, sense in enumerate(senses_file.senses):
        where = f"{path}: senses.{i}(id={sense.id})"
        for j, cid in enumerate(sense.categories):
            if cid not in categories:
                raise TaxonomyError(f"{where}.categories.{j}: unknown category {cid!r}")
        for j, sid in enumerate(sense.skills):
            if sid not in skills:
                raise TaxonomyError(f"{where}.skills.{j}: unknown skill {sid!r}")
    return {x.id: x for x in senses_file.senses}


def _check_ladder(
    ladder: Ladder,
    path: Path,
    skills: dict[str, Skill],
    certs: dict[str, Certification],
    fields: dict[str, StudyField],
    categories: dict[str, Category],
) -> None:
    import re

    ids = [lv.id for lv in ladder.levels]
    _unique(((lid, path, f"levels.{i}") for i, lid in enumerate(ids)), "level id")
    for i, lv in enumerate(ladder.levels):
        where = f"levels.{i}(id={lv.id})"
        for ref_name, refs in (("inherits", lv.inherits), ("next", [lv.next] if lv.next else [])):
            for r in refs:
                if r not in ids:
                    raise TaxonomyError(f"{path}: {where}.{ref_name}: unknown level {r!r}")
        for j, req in enumerate(lv.skills):
            for k, sid in enumerate(req.any_of):
                if sid not in skills:
                    raise TaxonomyError(f"{path}: {where}.skills.{j}.any_of.{k}: unknown skill {sid!r}")
            if req.category is not None and req.category not in categories:
                raise TaxonomyError(f"{path}: {where}.skills.{j}.category: unknown category {req.category!r}")
        for j, cid in enumerate(lv.certifications):
            if cid not in certs:
                raise TaxonomyError(f"{path}: {where}.certifications.{j}: unknown certification {cid!r}")
        for j, fid in enumerate(lv.degree.fields):
            if fid not in fields:
                raise TaxonomyError(f"{path}: {where}.degree.fields.{j}: unknown field {fid!r}")
        for key, patterns in (("titles", lv.titles), ("titles_exclude", lv.titles_exclude)):
            for j, pattern in enumerate(patterns):
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise TaxonomyError(f"{path}: {where}.{key}.{j}: invalid regular expression ({e})") from None
    # inheritance must not loop
    by_id = {lv.id: lv for lv in ladder.levels}
    for lv in ladder.levels:
        seen: set[str] = set()
        stack = list(lv.inherits)
        while stack:
            nxt = stack.pop()
            if nxt == lv.id:
                raise TaxonomyError(f"{path}: levels(id={lv.id}).inherits: inheritance cycle")
            if nxt not in seen:
                seen.add(nxt)
                stack.extend(by_id[nxt].inherits)


__all__ = ["Taxonomy", "default_taxonomy_dir", "load_taxonomy"]
