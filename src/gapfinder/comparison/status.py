"""How a resume answers each requirement of a job post, with evidence: an evidence level per requirement.

The levels (``docs/evidence.md`` has the one table of what each means and what a tailoring service may do
with it):

- ``met``: the resume shows it directly: the skill (or an accepted alternative) named in a position,
  project, publication or accomplishment entry, a leadership statement in one ("managed a team of 8" for
  people management), the certification itself, a degree at the level in a named field, enough years.
- ``claimed``: the resume names the skill, but only in a skills list, the summary, the header, an
  education entry (coursework) or a certification's name: nothing shows it in use.
- ``implied``: the resume never names it; another finding implies it: a skill ("PyTorch" for deep
  learning), a certificate's syllabus (the TensorFlow Developer Certificate for time series), a leadership
  statement outside the entries. ``implied_by`` names the basis.
- ``partial``: part of it: fewer years than asked ("N+ years of X": the dated positions mentioning X add
  up to fewer, or none is dated), a *related* skill (both imply the same specific parent: TensorFlow for
  PyTorch, both deep-learning frameworks), the degree level in another field, a lower degree where the
  post accepts equivalent experience, some years of experience.
- ``missing``: nothing in the resume answers it.

Among alternatives the strongest answer wins ("AWS, GCP or Azure": GCP used at work beats AWS in the
skills list). Degrees: gapfinder does not judge which fields are "related"; the level in another field is
partial, and so is a degree at the level still in progress. Certifications: held (any of the
alternatives) is met.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..kinds import is_internship_kind
from ..ladder.degree_check import held_degrees
from ..ladder.profile import Profile
from ..ladder.requirements import Met
from ..models import (
    JobRequirement,
    Mention,
    Position,
    Report,
    RequirementStatus,
    SectionName,
    Span,
)
from ..taxonomy import Taxonomy

#: sections whose entries show a skill in use; a mention elsewhere (skills list, summary, header, coursework,
#: a certification's name) is a claim
BACKING_SECTIONS: frozenset[SectionName] = frozenset({"experience", "projects", "publications", "awards", "other"})
#: a parent named by more skills than this is too broad to make two skills "related"
RELATED_PARENT_MAX_CHILDREN = 30
RELATED_PARENT_EXCLUDED_CATEGORIES = frozenset({"language"})
#: years of work that can stand in for a bachelor's degree when the post says "or equivalent experience"
EQUIVALENT_YEARS_PER_RANK = 3.0
MAX_EVIDENCE = 5


def span_of(m: Mention) -> Span:
    return Span(start=m.start, end=m.end, text=m.text, section=m.section, match=m.match)


def _spans(mentions: Iterable[Mention]) -> tuple[Span, ...]:
    return tuple(span_of(m) for m in mentions)[:MAX_EVIDENCE]


def _backed(mentions: Iterable[Mention]) -> bool:
    return any(m.section in BACKING_SECTIONS for m in mentions)


_CHILDREN: dict[int, tuple[Taxonomy, dict[str, int]]] = {}


def _children_count(tax: Taxonomy) -> dict[str, int]:
    """parent skill id -> how many skills name it in ``implies`` (per taxonomy, computed once)."""
    cached = _CHILDREN.get(id(tax))
    if cached is not None and cached[0] is tax:
        return cached[1]
    counts: dict[str, int] = {}
    for skill in tax.skills.values():
        for parent in skill.implies:
            counts[parent] = counts.get(parent, 0) + 1
    if len(_CHILDREN) > 8:
        _CHILDREN.clear()
    _CHILDREN[id(tax)] = (tax, counts)
    return counts


def _related(tax: Taxonomy, wanted: tuple[str, ...], have: Iterable[str]) -> tuple[str, str] | None:
    """(resume skill, shared parent): a skill of the resume in the same category as a wanted one, both
    naming the same specific parent in ``implies`` (TensorFlow for PyTorch: both deep learning; MySQL for
    PostgreSQL: both relational databases). Parents that are languages or too broad don't count."""
    counts = _children_count(tax)

    def parents(sid: str) -> set[str]:
        return {
            p
            for p in tax.skills[sid].implies
            if p in tax.skills
            and tax.skills[p].category not in RELATED_PARENT_EXCLUDED_CATEGORIES
            and counts.get(p, 0) <= RELATED_PARENT_MAX_CHILDREN
        }

    wanted_parents = {(tax.skills[w].category, p) for w in wanted if w in tax.skills for p in parents(w)}
    if not wanted_parents:
        return None
    for sid in sorted(have):
        if sid in wanted or sid not in tax.skills:
            continue
        for p in sorted(parents(sid)):
            if (tax.skills[sid].category, p) in wanted_parents:
                return sid, p
    return None


#: the better answer among alternatives: shown, then shown with fewer years, then named, then implied
_RANK = {"met": 0, "partial": 1, "claimed": 2, "implied": 3}


def _skill_status(req: JobRequirement, resume: Report, profile: Profile, tax: Taxonomy) -> RequirementStatus:
    """The best answer among the alternatives: a backed one before a merely listed one."""
    found = profile.skill_ids
    implied = profile.implied_by(tax)
    options: list[Met] = []
    for i, sid in enumerate(req.any_of):
        if sid in found:
            options.append(Met("direct" if i == 0 else "alternative", sid))
        elif sid in implied:
            options.append(Met("implied", sid, implied[sid]))
    if options:
        answers = [_answer(req, resume, profile, tax, met) for met in options]
        return min(answers, key=lambda a: _RANK[a.status])  # min is stable: the first best one
    rel = _related(tax, req.any_of, found)
    if rel is not None:
        sid, parent = rel
        return RequirementStatus(
            requirement=req,
            status="partial",
            via="related",
            matched=sid,
            detail=f"related: {tax.skills[sid].name} (both {tax.skills[parent].name})",
            resume_evidence=_spans(profile.skill_mentions(sid)),
        )
    return RequirementStatus(requirement=req, status="missing", detail="not found in the resume")


def _answer(req: JobRequirement, resume: Report, profile: Profile, tax: Taxonomy, met: Met) -> RequirementStatus:
    source = met.implied_by or met.skill
    mentions = profile.skill_mentions_or_signal(source)
    if source in tax.certifications:
        mentions = next((c.mentions for c in resume.certifications if c.id == source), ())
    name = _name(tax, met.skill)
    backed = _backed(mentions)
    if met.via == "implied" and not (source.startswith("signal:") and backed):
        return _implied(req, tax, met, source, mentions)
    via = "signal" if met.via == "implied" else met.via
    how = {"direct": name, "alternative": f"{name} (an accepted alternative)"}.get(met.via)
    if how is None:
        how = f"{name}, shown by the {_name(tax, source)}"
    if not backed:
        where = ", ".join(sorted({m.section for m in mentions})) or "a list"
        return RequirementStatus(
            requirement=req,
            status="claimed",
            via=via,
            matched=met.skill,
            detail=f"{how}: only named ({where}), not shown in experience or projects",
            resume_evidence=_spans(mentions),
        )
    backing = [m for m in mentions if m.section in BACKING_SECTIONS]
    rest = [m for m in mentions if m.section not in BACKING_SECTIONS]
    have = _skill_years(resume, source) if req.years is not None else None
    if req.years is not None and (have is None or have < req.years):
        shown = "no dated position mentions it" if have is None else f"{have:g} of {req.years:g} years"
        return RequirementStatus(
            requirement=req,
            status="partial",
            via=via,
            matched=met.skill,
            detail=f"{how}: {shown}",
            years_shown=have,
            resume_evidence=_spans([*backing, *rest]),
        )
    return RequirementStatus(
        requirement=req,
        status="met",
        via=via,
        matched=met.skill,
        detail=how + (f", {have:g} years" if have is not None else ""),
        years_shown=have,
        resume_evidence=_spans([*backing, *rest]),
    )


def _implied(
    req: JobRequirement, tax: Taxonomy, met: Met, source: str, mentions: tuple[Mention, ...]
) -> RequirementStatus:
    """Not named in the resume: another finding implies it. The detail states the basis."""
    name, basis = _name(tax, met.skill), _name(tax, source)
    if source in tax.certifications:
        cert = basis if "certif" in basis.casefold() else f"{basis} certification"
        why = f"the {cert} covers it (a syllabus, not evidence of doing it)"
    elif source.startswith("signal:"):
        why = f"the {basis} outside the resume's entries suggests it"
    else:
        where = "shown in " + ", ".join(sorted({m.section for m in mentions if m.section in BACKING_SECTIONS}))
        if not _backed(mentions):
            where = "only named in " + (", ".join(sorted({m.section for m in mentions})) or "a list")
        why = f"{basis} ({where}) implies it"
    return RequirementStatus(
        requirement=req,
        status="implied",
        via="implied",
        matched=met.skill,
        implied_by=source,
        detail=f"{name}: not named in the resume; {why}",
        resume_evidence=_spans(mentions),
    )


def _name(tax: Taxonomy, ref: str) -> str:
    if ref.startswith("signal:"):
        return ref.split(":", 1)[1].replace("_", " ") + " evidence"
    if ref in tax.skills:
        return tax.skills[ref].name
    if ref in tax.certifications:
        return tax.certifications[ref].name
    return ref


def _skill_years(resume: Report, skill_id: str) -> float | None:
    return next((s.years for s in resume.skills if s.id == skill_id), None)


def _position_span(resume: Report, p: Position) -> Span:
    text = resume.text
    end = text.find("\n", p.start_offset, p.end_offset)
    end = p.end_offset if end < 0 else end
    section = next((s.name for s in resume.document.sections if s.start <= p.start_offset < s.end), "experience")
    return Span(start=p.start_offset, end=end, text=text[p.start_offset : end], section=section)


def _years_status(req: JobRequirement, resume: Report, unrelated: bool) -> RequirementStatus:
    """Years of dated positions (a stated total as a fallback). A resume off the ladder (``unrelated``: another
    profession) shows none of the experience the post means, however long its career."""
    need = req.years or 0.0
    exp = resume.experience
    have = exp.total_years if exp.total_years is not None else exp.stated_years
    evidence = tuple(_position_span(resume, p) for p in exp.positions if not is_internship_kind(p.kind))[:MAX_EVIDENCE]
    if have is None:
        return RequirementStatus(
            requirement=req, status="missing", detail="no dated positions or stated years in the resume"
        )
    if unrelated:
        return RequirementStatus(
            requirement=req,
            status="missing",
            detail=f"{have:g} years in another profession: none on this career ladder",
            years_shown=0.0,
            resume_evidence=evidence,
        )
    basis = "" if exp.total_years is not None else " (stated)"
    if have >= need:
        return RequirementStatus(
            requirement=req, status="met", detail=f"{have:g} years{basis}", years_shown=have, resume_evidence=evidence
        )
    return RequirementStatus(
        requirement=req,
        status="partial" if have > 0 else "missing",
        detail=f"{have:g} of {need:g} years{basis}",
        years_shown=have,
        resume_evidence=evidence,
    )


def _degree_status(req: JobRequirement, resume: Report, tax: Taxonomy) -> RequirementStatus:
    need = req.degree
    ranked = held_degrees(resume.education)  # a degree in progress is not held
    if need is None:
        return RequirementStatus(requirement=req, status="missing", detail="the post names no degree level")
    rank = tax.degree_rank
    at_level = [e for e in ranked if rank(e.degree) >= rank(need)]
    if at_level:
        in_field = [e for e in at_level if not req.fields or e.field in req.fields]
        best = (in_field or at_level)[0]
        evidence = _spans(best.mentions)
        field = tax.fields[best.field].name if best.field in tax.fields else None
        held = best.degree + (f" in {field}" if field else "")
        if in_field:
            return RequirementStatus(requirement=req, status="met", matched=best.degree, detail=held,
                                     resume_evidence=evidence)  # fmt: skip
        note = (
            "the post accepts a related field; whether this one counts is the reader's call"
            if req.related_fields
            else "the level is met, the field is not one the post names"
        )
        return RequirementStatus(
            requirement=req,
            status="partial",
            matched=best.degree,
            detail=f"{held}: {note}",
            resume_evidence=evidence,
        )
    studying = next((e for e in resume.education if e.in_progress and rank(e.degree) >= rank(need)), None)
    if studying is not None:
        return RequirementStatus(
            requirement=req,
            status="partial",
            matched=studying.degree,
            detail=f"{studying.degree} in progress" + (f" (expected {studying.year})" if studying.year else ""),
            resume_evidence=_spans(studying.mentions),
        )
    top = max(ranked, key=lambda e: rank(e.degree), default=None)
    years = resume.experience.total_years or 0.0
    short = rank(need) - (rank(top.degree) if top else min(lv.rank for lv in tax.degree_levels.values()))
    if req.or_equivalent and years >= EQUIVALENT_YEARS_PER_RANK * short:
        return RequirementStatus(
            requirement=req,
            status="partial",
            via="equivalent",
            matched=top.degree if top else None,
            detail=f"{top.degree if top else 'no degree'} found; {years:g} years of experience as the equivalent",
            resume_evidence=_spans(top.mentions) if top else (),
        )
    return RequirementStatus(
        requirement=req,
        status="missing",
        matched=top.degree if top else None,
        detail=f"highest degree found: {top.degree}" if top else "no degree found",
        resume_evidence=_spans(top.mentions) if top else (),
    )


def _certification_status(req: JobRequirement, resume: Report, tax: Taxonomy) -> RequirementStatus:
    held = {c.id: c for c in resume.certifications}
    for cid in req.any_of:
        if cid in held:
            return RequirementStatus(
                requirement=req,
                status="met",
                via="direct" if cid == req.any_of[0] else "alternative",
                matched=cid,
                detail=tax.certifications[cid].name,
                resume_evidence=_spans(held[cid].mentions),
            )
    return RequirementStatus(requirement=req, status="missing", detail="not held")


def requirement_statuses(
    resume: Report, profile: Profile, job: Report, tax: Taxonomy, *, unrelated: bool = False
) -> tuple[RequirementStatus, ...]:
    """Each requirement of ``job`` answered by ``resume``; ``unrelated``: the resume is off the ladder."""
    items = job.requirements.items if job.requirements else ()
    out: list[RequirementStatus] = []
    for req in items:
        if req.kind == "skill":
            out.append(_skill_status(req, resume, profile, tax))
        elif req.kind == "years":
            out.append(_years_status(req, resume, unrelated))
        elif req.kind == "degree":
            out.append(_degree_status(req, resume, tax))
        else:
            out.append(_certification_status(req, resume, tax))
    return tuple(out)


__all__ = ["BACKING_SECTIONS", "requirement_statuses", "span_of"]
