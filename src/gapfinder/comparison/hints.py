"""Tailoring hints that never invent anything.

Each hint points at evidence already in the resume, or says plainly that there is none:

- ``use_job_term``: the resume has the skill under another name than the post uses ("K8s" where the post
  says "Kubernetes"): using the post's term helps readers and keyword filters find it.
- ``surface``: the skill is shown in experience or projects but not in the skills section or summary, where
  a reader looks first.
- ``back_up``: the skill is only listed; if it is true, an experience bullet that shows it makes it credible.
- ``learn``: a required item the resume gives no basis for. It is something to learn or to gain, never
  something to write in.
"""

from __future__ import annotations

from ..models import Report, RequirementStatus, Span, TailoringHint
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


def tailoring_hints(resume: Report, job: Report, statuses: tuple[RequirementStatus, ...]) -> tuple[TailoringHint, ...]:
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
            out.append(
                TailoringHint(
                    kind="back_up",
                    requirement=req.id,
                    message=f"{req.label}: only listed, no experience or project entry shows it. If you have used "
                    "it, a bullet saying where and how makes the claim credible.",
                    resume_evidence=s.resume_evidence[:3],
                    job_evidence=_job_span(s),
                )
            )
        if s.status == "missing" and req.group == "required":
            out.append(
                TailoringHint(
                    kind="learn",
                    requirement=req.id,
                    message=f"{req.label}: the resume gives no basis for it. This is a gap to close "
                    "(learn, practise, certify), not something to add to the resume.",
                    job_evidence=_job_span(s),
                )
            )
    order = {"use_job_term": 0, "surface": 1, "back_up": 2, "learn": 3}
    out.sort(key=lambda h: (order[h.kind], int(h.requirement[1:])))
    return tuple(out)


__all__ = ["tailoring_hints"]
