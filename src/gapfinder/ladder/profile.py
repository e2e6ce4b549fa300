"""What placement and gap analysis read: the extracted findings of one document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..kinds import is_job
from ..models import (
    CertificationFinding,
    DocumentKind,
    EducationFinding,
    LeadershipSignal,
    Mention,
    Position,
    Report,
    SignalKind,
    SkillFinding,
)
from ..taxonomy import Taxonomy
from ..taxonomy.schema import LeadershipExpectation

SIDE_ROLE = re.compile(
    r"\b(part[- ]time|teilzeit|volunteer|ehrenamt\w*|adjunct|side project|moonlighting|freelance)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Profile:
    kind: DocumentKind
    skills: tuple[SkillFinding, ...]
    certifications: tuple[CertificationFinding, ...]
    education: tuple[EducationFinding, ...]
    #: years of experience: a resume's dated positions (``Experience.total_years``), the years a job post asks for
    years: float | None
    leadership: tuple[LeadershipSignal, ...]
    headline: str | None = None  # a title-like line from the header (resume) or the job title
    positions: tuple[Position, ...] = ()  # a resume's dated positions
    #: skill and certification ids and signal kinds given by a what-if, not found in the document
    assumed: frozenset[str] = frozenset()
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
            for sid in tax.signal_skills(signal.kind):
                if sid not in found:
                    out.setdefault(sid, f"signal:{signal.kind}")
        return out

    def assuming(
        self,
        tax: Taxonomy,
        skills: tuple[str, ...] = (),
        certifications: tuple[str, ...] = (),
        signals: tuple[SignalKind, ...] = (),
        years: float = 0.0,
    ) -> Profile:
        """This profile as if it also had these skills, certifications, leadership signals and years: a
        what-if. The additions carry no mentions (nothing in the document shows them) and are listed in
        ``assumed``, so a gap built from the result says which requirements rest on them."""
        have_skills, have_certs, have_signals = self.skill_ids, {c.id for c in self.certifications}, self.signal_kinds
        new_skills = tuple(
            SkillFinding(id=sid, name=tax.skills[sid].name, category=tax.skills[sid].category, mentions=())
            for sid in dict.fromkeys(skills)
            if sid not in have_skills
        )
        new_certs = tuple(
            CertificationFinding(id=cid, name=c.name, issuer=c.issuer, mentions=())
            for cid in dict.fromkeys(certifications)
            if cid not in have_certs and (c := tax.certifications[cid])
        )
        new_signals = tuple(
            LeadershipSignal(kind=k, mentions=()) for k in dict.fromkeys(signals) if k not in have_signals
        )
        held = round((self.years or 0.0) + years, 2) if years else self.years
        return replace(
            self,
            skills=self.skills + new_skills,
            certifications=self.certifications + new_certs,
            leadership=self.leadership + new_signals,
            years=held,
            assumed=self.assumed
            | {s.id for s in new_skills}
            | {c.id for c in new_certs}
            | {s.kind for s in new_signals},
        )

    def highest_degree(self, tax: Taxonomy) -> str | None:
        """The highest degree level held, by the ranks of ``degrees.yaml`` ('other' is not ranked; a degree in
        progress is not held)."""
        ranked = [e.degree for e in self.education if e.degree != "other" and not e.in_progress]
        return max(ranked, key=tax.degree_rank) if ranked else None

    def meets(self, expectation: LeadershipExpectation) -> bool:
        """Whether a leadership expectation of the ladder is evidenced (any of its signals, with a number at
        least its ``min_value`` where the signal states one)."""
        need = expectation.min_value
        for s in self.leadership:
            if s.kind in expectation.signals and (need is None or s.value is None or s.value >= need):
                return True
        return False

    def recent_titles(self, positions: int = 2) -> list[str]:
        """The titles of the latest positions and the headline: what the person's work is called now."""
        latest = sorted(self.positions, key=lambda p: p.start or "", reverse=True)[:positions]
        out = [p.title for p in latest if p.title]
        return [*out, self.headline] if self.headline else out

    @property
    def current_position(self) -> Position | None:
        """The latest current position (else the latest one); side roles only when nothing else is current."""
        positions = self.positions
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
    """The profile of an analysed document (a job's headline is its title, its years the ones it asks for)."""
    if is_job(report.kind):
        req = report.requirements
        return Profile(
            kind=report.kind,
            skills=report.skills,
            certifications=report.certifications,
            education=report.education,
            years=req.min_years if req else None,
            leadership=report.leadership,
            headline=req.title if req else None,
        )
    return Profile(
        kind=report.kind,
        skills=report.skills,
        certifications=report.certifications,
        education=report.education,
        years=report.experience.total_years,
        leadership=report.leadership,
        headline=report.experience.headline,
        positions=report.experience.positions,
    )


__all__ = ["Profile", "profile_of"]
