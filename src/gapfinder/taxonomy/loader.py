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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import TaxonomyError, UsageError
from ..kinds import MAIN_TRACKS, TRACKS
from .schema import (
    CategoriesFile,
    Category,
    Certification,
    CertificationsFile,
    DegreeLevel,
    DegreesFile,
    Ladder,
    Level,
    ProfessionalDoctorates,
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
    professional_doctorates: ProfessionalDoctorates | None = None
    _closure: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _signal_skills: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    senses: dict[str, Sense] = field(default_factory=dict)

    def implied(self, skill_id: str) -> frozenset[str]:
        """All skill ids implied by ``skill_id``, transitively (not including itself)."""
        return self._closure.get(skill_id, frozenset())

    def degree_rank(self, level: str) -> int:
        """The rank of a degree level (``degrees.yaml``): a higher degree meets a lower requirement."""
        return self.degree_levels[level].rank

    def signal_skills(self, kind: str) -> tuple[str, ...]:
        """The skills a leadership signal evidences (the skills' ``signals`` in the taxonomy)."""
        return self._signal_skills.get(kind, ())

    def ladder(self, ladder_id: str | None = None) -> Ladder:
        """A ladder by id; without one, the ladder marked ``default`` or the only one."""
        if ladder_id is not None:
            if ladder_id in self.ladders:
                return self.ladders[ladder_id]
            raise UsageError(f"unknown ladder {ladder_id!r}; the taxonomy has: {', '.join(sorted(self.ladders))}")
        marked = [ld for ld in self.ladders.values() if ld.default]
        if marked or len(self.ladders) == 1:
            return (marked or list(self.ladders.values()))[0]
        raise UsageError(
            f"the taxonomy has {len(self.ladders)} ladders and none is marked default; choose one of: "
            + ", ".join(sorted(self.ladders))
        )

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


#: where the default taxonomy sits: inside the installed package (the wheel maps the source tree's
#: top-level ``skills_taxonomy/`` to ``gapfinder/skills_taxonomy/``), or beside ``src/`` in a checkout
PACKAGED_TAXONOMY = "skills_taxonomy"


def default_taxonomy_dir() -> Path:
    """The taxonomy shipped with gapfinder: inside the installed package, else (a source checkout or an
    editable install) the checkout's ``skills_taxonomy/``."""
    packaged = Path(str(importlib.resources.files("gapfinder"))) / PACKAGED_TAXONOMY
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / PACKAGED_TAXONOMY


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


def _signal_skills(skills: dict[str, Skill]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for s in skills.values():
        for kind in s.signals:
            out.setdefault(kind, []).append(s.id)
    return {k: tuple(v) for k, v in out.items()}


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
    problems: list[str] = []
    for p in _yaml_files(base / "ladders"):
        ladder = _validate(Ladder, p)
        problems += _check_ladder(ladder, p, skills, certifications, fields, categories)
        if ladder.id in ladders:
            problems.append(f"{p}: id: duplicate ladder id {ladder.id!r}")
        ladders[ladder.id] = ladder
    defaults = [ld.id for ld in ladders.values() if ld.default]
    if len(defaults) > 1:
        problems.append(f"{base / 'ladders'}: more than one ladder says default: true ({', '.join(defaults)})")
    if problems:
        raise TaxonomyError.of(problems)

    senses = _senses(base / "senses.yaml", categories, skills)

    return Taxonomy(
        root=str(base),
        categories=categories,
        skills=skills,
        certifications=certifications,
        degree_levels={lv.id: lv for lv in degrees.levels},
        fields=fields,
        ladders=ladders,
        professional_doctorates=degrees.professional_doctorates,
        _closure=_closure(skills),
        _signal_skills=_signal_skills(skills),
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
) -> list[str]:
    """Every semantic problem of one ladder, each naming the file and the level: references, ranges, ranks,
    the ``next`` chain, inheritance, tracks and patterns. A ladder that passes places people correctly."""
    problems: list[str] = []

    def bad(where: str, what: str) -> None:
        problems.append(f"{path}: {where}: {what}")

    by_id: dict[str, Level] = {}
    for i, lv in enumerate(ladder.levels):
        if lv.id in by_id:
            bad(f"levels.{i}(id={lv.id})", f"duplicate level id {lv.id!r}")
        by_id.setdefault(lv.id, lv)
    main = {lv.id for lv in ladder.levels if lv.track in MAIN_TRACKS}
    if not main:
        bad("levels", "a ladder needs at least one level on the ic or management track")
    ranks: dict[tuple[str, int], str] = {}
    for i, lv in enumerate(ladder.levels):
        where = f"levels.{i}(id={lv.id})"
        if lv.track not in TRACKS:
            bad(f"{where}.track", f"unknown track {lv.track!r}; use one of: {', '.join(TRACKS)}")
        elif lv.track in MAIN_TRACKS:
            other = ranks.setdefault((lv.track, lv.rank), lv.id)
            if other != lv.id:
                bad(f"{where}.rank", f"rank {lv.rank} is also the rank of {other!r} on the {lv.track} track")
        if lv.years.max is not None and lv.years.min > lv.years.max:
            bad(f"{where}.years", f"min {lv.years.min:g} is above max {lv.years.max:g}")
        if lv.salary is not None and lv.salary.max is not None and lv.salary.min > lv.salary.max:
            bad(f"{where}.salary", f"min {lv.salary.min:,} is above max {lv.salary.max:,}")
        for ref_name, refs in (("inherits", lv.inherits), ("next", [lv.next] if lv.next else [])):
            for r in refs:
                if r not in by_id:
                    bad(f"{where}.{ref_name}", f"unknown level {r!r}")
        for j, r in enumerate(lv.steps_into):
            if r not in main:
                bad(f"{where}.steps_into.{j}", f"{r!r} is not a level of the ic or management track")
        for j, req in enumerate(lv.skills):
            for k, sid in enumerate(req.any_of):
                if sid not in skills:
                    bad(f"{where}.skills.{j}.any_of.{k}", f"unknown skill {sid!r}")
            if req.category is not None and req.category not in categories:
                bad(f"{where}.skills.{j}.category", f"unknown category {req.category!r}")
        for j, cid in enumerate(lv.certifications):
            if cid not in certs:
                bad(f"{where}.certifications.{j}", f"unknown certification {cid!r}")
        for j, fid in enumerate(lv.degree.fields):
            if fid not in fields:
                bad(f"{where}.degree.fields.{j}", f"unknown field {fid!r}")
        for key in ("titles", "titles_exclude", "titles_by_scope", "titles_with_reports", "title_qualifiers"):
            problems.extend(_bad_patterns(getattr(lv, key), f"{path}: {where}.{key}"))
    # the next chain must end, and inheritance must not loop
    for i, lv in enumerate(ladder.levels):
        seen = {lv.id}
        nxt = lv.next
        while nxt is not None and nxt in by_id:
            if nxt in seen:
                bad(f"levels.{i}(id={lv.id}).next", f"the next chain loops ({' -> '.join([*seen, nxt])})")
                break
            seen.add(nxt)
            nxt = by_id[nxt].next
        ancestors: set[str] = set()
        stack = [r for r in lv.inherits if r in by_id]
        while stack:
            a = stack.pop()
            if a == lv.id:
                bad(f"levels.{i}(id={lv.id}).inherits", "inheritance cycle")
                break
            if a not in ancestors:
                ancestors.add(a)
                stack.extend(r for r in by_id[a].inherits if r in by_id)
    for j, stage in enumerate(ladder.timeline):
        for k, sid in enumerate(stage.skills):
            if sid not in skills:
                bad(f"timeline.{j}.skills.{k}", f"unknown skill {sid!r}")
    for j, lid in enumerate(ladder.title_precedence):
        if lid not in by_id:
            bad(f"title_precedence.{j}", f"unknown level {lid!r}")
    if ladder.unmarked_title is not None and ladder.unmarked_title not in main:
        bad("unmarked_title", f"{ladder.unmarked_title!r} is not a level of the ic or management track")
    if ladder.fit is not None:
        for part in ("core", "adjacent"):
            ev = getattr(ladder.fit, part)
            for cat in ev.categories:
                if cat not in categories:
                    bad(f"fit.{part}.categories", f"unknown category {cat!r}")
            for sid in ev.skills:
                if sid not in skills:
                    bad(f"fit.{part}.skills", f"unknown skill {sid!r}")
            problems.extend(_bad_patterns(ev.titles, f"{path}: fit.{part}.titles"))
        problems.extend(_bad_patterns(ladder.fit.neutral_titles, f"{path}: fit.neutral_titles"))
        for key in ("adjacent_steps_into", "off_ladder_steps_into"):
            for j, r in enumerate(getattr(ladder.fit, key)):
                if r not in main:
                    bad(f"fit.{key}.{j}", f"{r!r} is not a level of the ic or management track")
    return problems


def _bad_patterns(patterns: list[str], where: str) -> list[str]:
    out = []
    for j, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as e:
            out.append(f"{where}.{j}: invalid regular expression ({e})")
    return out


__all__ = ["Taxonomy", "default_taxonomy_dir", "load_taxonomy"]
