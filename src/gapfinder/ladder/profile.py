"""What placement and gap analysis read: the extracted findings of one document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import (
    CertificationFinding,
    DocumentKind,
    EducationFinding,
    Experience,
    LeadershipSignal,
    Mention,
    Position,
    Report,
    SkillFinding,
)
from ..taxonomy import Taxonomy

SIDE_ROLE = re.compile(
    r"\b(part[- ]time|teilzeit|volunteer|ehrenamt\w*|adjunct|side project|moonlighting|freelance)\b", re.IGNORECASE
)
#: leadership signal kind -> the skill ids it evidences
SIGNAL_SKILLS: dict[str, tuple[str, ...]] = {
    "people_management": ("people-management",),
    "team_size": ("people-management",),
    "hiring": ("hiring",),
    "mentoring": ("mentoring",),
    "budget": ("budgeting",),
    "roadmap": ("roadmap-planning",),
    "strategy": ("strategic-planning",),
    "cross_functional": ("cross-functional-collaboration",),
    "technical_leadership": ("technical-leadership",),
    "speaking": ("public-speaking",),
    "open_source": ("open-source",),
    "publications": ("research",),
}
DEGREE_RANK: dict[str | None, int] = {"highschool": 0, "associate": 1, "other": 1, "bachelor": 2, "master": 3, "phd": 4}


@dataclass(frozen=True)
class Profile:
    kind: DocumentKind
    skills: tuple[SkillFinding, ...]
    certifications: tuple[CertificationFinding, ...]
    education: tuple[EducationFinding, ...]
    experience: Experience
    leadership: tuple[LeadershipSignal, ...]
    headline: str | None = None  # a title-like line from the header (resume) or the job title
    #: implied_by's answer per taxonomy (placement, the gap and comparisons all ask for it)
    _implied: dict[int, tuple[Taxonomy, dict[str, str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def skill_mentions_or_signal(self, ref: str) -> tuple[Mention, ...]:
        """Mentions of a skill id, or of a leadership signal named ``signal:<kind>``."""
        if ref.startswith("signal:"):
            kind = ref.split(":", 1)[1]
            return next((s.mentions for s in self.leadership if s.kind == kind), ())
        return self.skill_mentions(ref)

    @property
    def skill_ids(self) -> set[str]:
        return {s.id for s in self.skills}

    def skill_mentions(self, skill_id: str) -> tuple[Mention, ...]:
        for s in self.skills:
            if s.id == skill_id:
                return s.mentions
        return ()

    def implied_by(self, tax: Taxonomy) -> dict[str, str]:
        """skill id -> the found skill (or certification) that implies it, for skills not found directly."""
        hit = self._implied.get(id(tax))
        if hit is None or hit[0] is not tax:
            hit = (tax, self._compute_implied(tax))
            self._implied[id(tax)] = hit
        return dict(hit[1])

    def _compute_implied(self, tax: Taxonomy) -> dict[str, str]:
        found = self.skill_ids
        out: dict[str, str] = {}
        for s in self.skills:
            for imp in sorted(tax.implied(s.id)):
                if imp not in found:
                    out.setdefault(imp, s.id)
        for c in self.certifications:
            for sid in tax.certifications[c.id].skills:
                for imp in (sid, *sorted(tax.implied(sid))):
                    if imp not in found:
                        out.setdefault(imp, c.id)
        # leadership evidenced in experience bullets ("managed a team of 8") meets the matching skill
        for signal in self.leadership:
            for sid in SIGNAL_SKILLS.get(signal.kind, ()):
                if sid not in found and sid in tax.skills:
                    out.setdefault(sid, f"signal:{signal.kind}")
        return out

    @property
    def highest_degree(self) -> str | None:
        """The highest degree held (one in progress is not held)."""
        ranked = [e.degree for e in self.education if e.degree != "other" and not e.in_progress]
        return max(ranked, key=DEGREE_RANK.__getitem__) if ranked else None

    @property
    def current_position(self) -> Position | None:
        """The latest current position (else the latest one); side roles only when nothing else is current."""
        positions = self.experience.positions
        if not positions:
            return None
        current = [p for p in positions if p.current]
        main = [p for p in current if not (p.title and SIDE_ROLE.search(p.title))]
        pool = main or current or list(positions)
        return max(pool, key=lambda p: p.start or "")

    @property
    def signal_kinds(self) -> set[str]:
        return {s.kind for s in self.leadership}

    def team_size(self) -> int:
        return max((s.value or 0 for s in self.leadership if s.kind == "team_size"), default=0)


def profile_of(report: Report) -> Profile:
    """The profile of an analysed document (a job's headline is its title)."""
    return Profile(
        kind=report.kind,
        skills=report.skills,
        certifications=report.certifications,
        education=report.education,
        experience=report.experience,
        leadership=report.leadership,
        headline=report.requirements.title if report.requirements else None,
    )


__all__ = ["DEGREE_RANK", "Profile", "profile_of"]
