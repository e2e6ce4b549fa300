"""Tailoring hints that never invent anything.

Each hint points at evidence already in the resume, or says plainly that there is none:

- ``use_job_term``: the resume has the skill under another name than the post uses ("K8s" where the post
  says "Kubernetes"): using the post's term helps readers and keyword filters find it.
- ``surface``: the skill is shown in experience or projects but not in the skills section or summary, where
  a reader looks first.
- ``back_up``: the skill is only named (a skills list, the summary, coursework); if it is true, an experience
  bullet that shows it makes it credible.
- ``confirm``: the resume never names it: another finding implies it (a skill, a certificate's syllabus) or
  a related skill stands in for it. The hint states that basis and says it is not evidence by itself: name it
  where it was done, if it was; otherwise it is a gap.
- ``years``: fewer years than the post asks (in total, or of one skill): dates missing from a position keep
  it from counting; otherwise it is time to gain, not something to write in.
- ``level``: the post is above or below the level the resume places at, or the resume is not on the ladder;
  what the next level adds is something to gain, never to write in.
- ``learn``: a required item the resume gives no basis for. It is something to learn or to gain, never
  something to write in.
"""

from __future__ import annotations

from ..models import LevelFit, Report, RequirementStatus, Span, TailoringHint
from ..taxonomy import Taxonomy
from .status import BACKING_SECTIONS

SURFACE_SECTIONS = frozenset({"skills", "summary"})


def _norm(text: str) -> str:
    """Case, spacing and plural endings do not make a different term ("A/B tests" = "A/B test")."""
    words = text.casefold().replace("-", " ").split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _same_term(resume_terms: set[str], job_terms: set[str]) -> bool:
    """The resume already uses the post's term, or one contains the other ("design review" in
    "technical design reviews"), or the post uses a short form of the resume's term ("ML" for
    "machine learning": suggesting the abbreviation would not help)."""
    for r in resume_terms:
        for j in job_terms:
            if r == j or f" {r} " in f" {j} " or f" {j} " in f" {r} ":
                return True
            if len(j) <= 0.6 * len(r):  # the post abbreviates: "ML" for "machine learning"
                return True
    return False


def _job_span(s: RequirementStatus) -> Span:
    return s.requirement.sentence


def _job_terms(job: Report, s: RequirementStatus) -> list[str]:
    """How the post writes the matched skill: its mentions in the requirement's clause, else anywhere."""
    mentions = next((f.mentions for f in job.skills if f.id == s.matched), ())
    sentence = s.requirement.sentence
    near = [m.text for m in mentions if sentence.start <= m.start < sentence.end]
    return near or [m.text for m in mentions]


def _confirm(s: RequirementStatus, tax: Taxonomy) -> TailoringHint | None:
    """How to back up an implied or related answer truthfully (the basis is never evidence by itself)."""
    req = s.requirement
    wanted = tax.skills[req.any_of[0]].name if req.any_of and req.any_of[0] in tax.skills else req.label
    if s.status == "implied" and s.implied_by:
        basis = s.implied_by
        wanted = tax.skills[s.matched].name if s.matched in tax.skills else wanted
        if basis in tax.certifications:
            cert = tax.certifications[basis].name
            cert = cert if "certif" in cert.casefold() else f"{cert} certification"
            message = (
                f"{wanted}: the resume does not name it; only the {cert} covers it, and a certificate is not "
                "evidence of doing it. If you have done it, name it in the position or project where you did; "
                "otherwise it is a gap to close."
            )
        else:
            what = tax.skills[basis].name if basis in tax.skills else basis.split(":", 1)[-1].replace("_", " ")
            message = (
                f"{wanted}: the resume does not name it; it rests on {what}, which implies it. If that work was "
                f"{wanted}, say so in the bullet that shows it; if not, do not add it."
            )
    elif s.status == "partial" and s.via == "related" and s.matched in tax.skills:
        message = (
            f"{wanted}: the resume shows {tax.skills[s.matched].name}, a related skill, not this one. Present the "
            f"related experience as it is; claim {wanted} only if you have used it."
        )
    else:
        return None
    return TailoringHint(
        kind="confirm", requirement=req.id, message=message, resume_evidence=s.resume_evidence[:3],
        job_evidence=_job_span(s),
    )  # fmt: skip


def _years(s: RequirementStatus) -> TailoringHint | None:
    req = s.requirement
    if req.years is None or s.status not in ("partial", "missing") or s.via == "related":
        return None
    if req.kind == "years":
        shown = "no dated position" if s.years_shown is None else f"{s.years_shown:g} years of dated positions"
        message = (
            f"The post asks for {req.years:g}+ years of experience; the resume shows {shown}. A position without "
            "dates (month and year) does not count: add them where they are missing. Otherwise the shortfall is "
            "time to gain, not something to write in."
        )
    elif s.matched is not None and s.status == "partial":
        shown = "no dated position mentions it" if s.years_shown is None else f"{s.years_shown:g} years show it"
        message = (
            f"{req.label}: {shown}. If you used it in other positions, naming it in those entries shows the years; "
            "otherwise the shortfall is time to gain."
        )
    else:
        return None
    return TailoringHint(
        kind="years", requirement=req.id, message=message, resume_evidence=s.resume_evidence[:3],
        job_evidence=_job_span(s),
    )  # fmt: skip


def _placed_on_evidence(report: Report) -> bool:
    """Whether a placement rests on something (a title, years, skills), not on the ladder's default."""
    return report.placement is not None and any(e.weight > 0 for e in report.placement.evidence)


def _level(fit: LevelFit, resume: Report, job: Report) -> TailoringHint | None:
    if fit.verdict != "off_ladder" and not (_placed_on_evidence(resume) and _placed_on_evidence(job)):
        return None
    if fit.verdict == "off_ladder":
        message = (
            f"The resume is not on this career ladder, so no level fits the {fit.job_level_name or 'job'} post: "
            "this is a career change. The learn hints are the gap; the resume cannot be tailored into the role."
        )
    elif fit.verdict == "under" and fit.steps:
        adds = "; ".join(fit.next_level_adds[:5])
        message = (
            f"The post is for {fit.job_level_name}, {fit.steps} level{'s' if fit.steps > 1 else ''} above where the "
            f"resume places ({fit.candidate_level_name})."
        )
        if adds:
            message += f" The next level adds: {adds}. Show them where you have done them; the rest is to gain."
    elif fit.verdict == "over" and fit.steps:
        message = (
            f"The post is for {fit.job_level_name}, {-fit.steps} level{'s' if fit.steps < -1 else ''} below where the "
            f"resume places ({fit.candidate_level_name}). Keep the experience as it is; say in a cover letter why "
            "this level is the move you want."
        )
    else:
        return None
    return TailoringHint(kind="level", requirement="level", message=message)


def tailoring_hints(
    resume: Report,
    job: Report,
    statuses: tuple[RequirementStatus, ...],
    fit: LevelFit | None = None,
    tax: Taxonomy | None = None,
) -> tuple[TailoringHint, ...]:
    has_surface_section = any(sec.name in SURFACE_SECTIONS for sec in resume.document.sections)
    out: list[TailoringHint] = []
    for s in statuses:
        req = s.requirement
        if req.kind == "skill" and s.status in ("met", "claimed", "partial") and s.via in ("direct", "alternative"):
            job_for_match = _job_terms(job, s)
            resume_terms = {_norm(e.text) for e in s.resume_evidence}
            if job_for_match and resume_terms and not _same_term(resume_terms, {_norm(t) for t in job_for_match}):
                theirs = sorted({e.text for e in s.resume_evidence})[0]
                out.append(
                    TailoringHint(
                        kind="use_job_term",
                        requirement=req.id,
                        message=f"The post says “{job_for_match[0]}”; the resume says “{theirs}”. "
                        f"Using the post's term makes the match visible.",
                        resume_evidence=s.resume_evidence[:3],
                        job_evidence=_job_span(s),
                    )
                )
        named = s.via in ("direct", "alternative")  # the resume names the skill itself, not one implying it
        if (
            req.kind == "skill"
            and s.status == "met"
            and named
            and has_surface_section
            and req.group != "responsibilities"
        ):
            sections = {e.section for e in s.resume_evidence}
            if sections and sections <= BACKING_SECTIONS and not sections & SURFACE_SECTIONS:
                out.append(
                    TailoringHint(
                        kind="surface",
                        requirement=req.id,
                        message=f"{req.label}: shown in {', '.join(sorted(sections))} but not in the skills "
                        "section or summary; listing it there puts it where readers look first.",
                        resume_evidence=s.resume_evidence[:3],
                        job_evidence=_job_span(s),
                    )
                )
        if s.status == "claimed":
            where = ", ".join(sorted({e.section for e in s.resume_evidence})) or "a list"
            out.append(
                TailoringHint(
                    kind="back_up",
                    requirement=req.id,
                    message=f"{req.label}: only named ({where}), no experience or project entry shows it. If you have "
                    "used it, a bullet saying where and how makes the claim credible.",
                    resume_evidence=s.resume_evidence[:3],
                    job_evidence=_job_span(s),
                )
            )
        hint = _confirm(s, tax) if tax is not None else None
        if hint is not None:
            out.append(hint)
        hint = _years(s)
        if hint is not None:
            out.append(hint)
        if s.status == "missing" and req.group == "required" and req.kind != "years":
            out.append(
                TailoringHint(
                    kind="learn",
                    requirement=req.id,
                    message=f"{req.label}: the resume gives no basis for it. This is a gap to close "
                    "(learn, practise, certify), not something to add to the resume.",
                    job_evidence=_job_span(s),
                )
            )
    level = _level(fit, resume, job) if fit is not None else None
    if level is not None:
        out.append(level)
    order = {"level": 0, "use_job_term": 1, "surface": 2, "back_up": 3, "confirm": 4, "years": 5, "learn": 6}
    out.sort(key=lambda h: (order[h.kind], int(h.requirement[1:]) if h.requirement[1:].isdigit() else 0))
    return tuple(out)


__all__ = ["tailoring_hints"]
