"""Skill and certification findings from matches, with per-skill years and recency."""

from __future__ import annotations

from collections import defaultdict

from ..models import CertificationFinding, Mention, Position, SkillFinding
from ..taxonomy import Taxonomy
from .context import AnalysisContext
from .doc_view import Match
from .timeline import month_index, union_months


def _grouped(ctx: AnalysisContext, matches: list[Match], kind: str) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in matches:
        if m.surface.kind == kind:
            groups[m.surface.id].append(ctx.mention(m.start, m.end, m.kind, m.surface.text, m.score))
    return groups


def skill_findings(
    ctx: AnalysisContext,
    tax: Taxonomy,
    matches: list[Match],
    positions: tuple[Position, ...] = (),
) -> tuple[SkillFinding, ...]:
    out: list[SkillFinding] = []
    for sid, mentions in _grouped(ctx, matches, "skill").items():
        skill = tax.skills[sid]
        years, last = _usage(mentions, positions, ctx.today)
        out.append(
            SkillFinding(
                id=sid,
                name=skill.name,
                category=skill.category,
                mentions=tuple(mentions),
                years=years,
                last_used=last,
                implies=tuple(sorted(tax.implied(sid))),
            )
        )
    out.sort(key=lambda f: (-len(f.mentions), f.mentions[0].start))
    return tuple(out)


def certification_findings(
    ctx: AnalysisContext, tax: Taxonomy, matches: list[Match]
) -> tuple[CertificationFinding, ...]:
    out = [
        CertificationFinding(
            id=cid, name=tax.certifications[cid].name, issuer=tax.certifications[cid].issuer, mentions=tuple(ms)
        )
        for cid, ms in _grouped(ctx, matches, "cert").items()
    ]
    out.sort(key=lambda f: f.mentions[0].start)
    return tuple(out)


def _usage(
    mentions: list[Mention], positions: tuple[Position, ...], today: tuple[int, int]
) -> tuple[float | None, str | None]:
    """Years of the dated positions whose block contains a mention, and the latest end among them."""
    spans: list[tuple[int, int]] = []
    last: int | None = None
    now = month_index(today)
    for p in positions:
        if p.start is None or p.kind != "job":
            continue
        if not any(p.start_offset <= m.start < p.end_offset for m in mentions):
            continue
        a = month_index(p.start)
        b = now if p.current or p.end is None else min(month_index(p.end), now)
        if b < a:
            continue
        spans.append((a, b))
        last = b if last is None else max(last, b)
    if not spans:
        return None, None
    years = round(union_months(spans) / 12.0, 2)
    return years, f"{last // 12:04d}-{last % 12 + 1:02d}" if last is not None else None


__all__ = ["certification_findings", "skill_findings"]
