"""Skill and certification findings from matches, with per-skill years and recency."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ..kinds import is_internship_kind, is_job
from ..models import CertificationFinding, Mention, Position, SkillFinding
from ..taxonomy import Taxonomy
from ..text.context import AnalysisContext
from ..text.sections import CONTEXT_SECTIONS
from .doc_view import Match
from .timeline import month_index, union_months
from .title_lines import inside, title_spans
from .trie import find_all, lowered_for_anchors


def _grouped(ctx: AnalysisContext, matches: list[Match], kind: str) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in matches:
        if m.surface.kind == kind:
            groups[m.surface.id].append(ctx.mention(m.start, m.end, m.kind, m.surface.text, m.score))
    return groups


#: words by which a sentence asks something of the candidate ("experience with", "familiar with", "must have")
_ASKS = re.compile(
    r"\b(?:experience[ds]? (?:with|in|using|of|developing|building)|knowledge (?:of|in)|familiar(?:ity)? with|"
    r"proficien(?:t|cy) (?:in|with)|understanding of|expertise (?:in|with)|background in|skills? in|"
    r"(?:degree|studies|qualification) in|must have|must be|required|requirements?|you (?:have|are|bring|know)|"
    r"you (?:will|'ll|’ll|should|must) (?:need|have|bring)|should have|nice if|(?:is|are) a plus|ideally)\b",
    re.IGNORECASE,
)
#: words by which a sentence states what the employer offers ("We encourage career development and offer
#: competitive benefits", "offering great career development opportunities")
_OFFERS = re.compile(
    r"\b(?:we|our company|the company|organi[sz]ation) (?:\w+ ){0,2}?(?:offers?|invests? in|provides? you)\b|"
    r"\b(?:offers?|offering) (?:\w+ ){0,3}?(?:benefits|opportunities|possibilities|perks|courses|classes|budgets?|"
    r"programs?|programmes?|environment)\b|"
    r"\b(?:competitive|attractive|generous|multiple|various|great|excellent) (?:\w+ )?(?:benefits|perks)\b",
    re.IGNORECASE,
)
#: every match of ``_OFFERS`` contains one of these (lower case)
_OFFER_WORDS = ("offer", "invest", "provide", "benefits", "perks")
_SENTENCE_BREAKS = ("\n", ". ", "; ", "? ", "! ")


def split_context(ctx: AnalysisContext, matches: list[Match]) -> tuple[list[Match], list[Match]]:
    """A job post's skill matches in text about the employer, its offer or the application ("About us", "What
    we offer", "How to apply") are context, not skills of the role: ``(skills, context)``. A sentence there
    that asks something of the candidate ("Must have experience with Java", "You are familiar with Docker")
    keeps its skills: a requirement under the wrong heading is still a requirement. A sentence that states what
    the employer offers ("We encourage career development and offer competitive benefits") is context wherever it
    stands. A resume has no context."""
    if not is_job(ctx.kind):
        return matches, []
    text = ctx.text
    starts = [s.start for s in ctx.sections]
    offered = _offer_sentences(ctx, starts)
    asks: dict[tuple[int, int], bool] = {}  # sentence of a context section -> does it ask something?
    skills: list[Match] = []
    context: list[Match] = []
    for m in matches:
        if m.surface.kind == "skill":
            i = bisect.bisect_right(starts, m.start) - 1
            sec = ctx.sections[i]
            if sec.name in CONTEXT_SECTIONS:
                lo, hi = _sentence(text, m.start, m.end, sec.start, sec.end)
                if (lo, hi) not in asks:
                    asks[lo, hi] = _ASKS.search(text, lo, hi) is not None
                if not asks[lo, hi]:
                    context.append(m)
                    continue
            elif offered:
                k = bisect.bisect_right(offered, (m.start, len(text))) - 1
                if k >= 0 and offered[k][0] <= m.start < offered[k][1]:
                    context.append(m)
                    continue
        skills.append(m)
    return skills, context


def _offer_sentences(ctx: AnalysisContext, starts: list[int]) -> list[tuple[int, int]]:
    """The sentences (sorted) that state what the employer offers and ask nothing: only those around a word
    every offer statement holds (``_OFFER_WORDS``) are read."""
    text = ctx.text
    lowered = lowered_for_anchors(text)
    at = find_all(lowered, _OFFER_WORDS) if lowered is not None else [m.start() for m in _OFFERS.finditer(text)]
    out: set[tuple[int, int]] = set()
    for offset in at:
        sec = ctx.sections[bisect.bisect_right(starts, offset) - 1]
        lo, hi = _sentence(text, offset, offset + 1, sec.start, sec.end)
        if (lo, hi) not in out and _OFFERS.search(text, lo, hi) and not _ASKS.search(text, lo, hi):
            out.add((lo, hi))
    return sorted(out)


def _sentence(text: str, start: int, end: int, lo_bound: int, hi_bound: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: its line, cut at sentence ends and at ``[lo_bound, hi_bound)`` (a
    heading ends a sentence too), at most 400 characters either way."""
    floor = max(lo_bound, start - 400)
    ceiling = min(hi_bound, end + 400)
    lo = max(text.rfind(b, floor, start) + len(b) for b in _SENTENCE_BREAKS)
    his = [i for i in (text.find(b, end, ceiling) for b in _SENTENCE_BREAKS) if i >= 0]
    return max(lo, floor), min(his, default=ceiling)


def split_titles(
    ctx: AnalysisContext, matches: list[Match], positions: tuple[Position, ...] = ()
) -> tuple[list[Match], list[Match]]:
    """Skill matches in a title, a headline or an employer's name (``title_lines``) are mentions only of skills
    the document names nowhere else, and then only the first ("Senior Java Developer" with Java never named
    again asks for Java): ``(mentions, titled)``, ``titled`` being the other title matches."""
    spans = title_spans(ctx, positions)
    if not spans:
        return matches, []
    in_title = [m.surface.kind == "skill" and inside(spans, m.start) for m in matches]
    named = {m.surface.id for m, t in zip(matches, in_title, strict=True) if not t}
    mentions: list[Match] = []
    titled: list[Match] = []
    for m, t in zip(matches, in_title, strict=True):
        if t and m.surface.id in named:
            titled.append(m)
        else:
            mentions.append(m)
            named.add(m.surface.id)  # a skill named only in titles: its first title mention is its evidence
    return mentions, titled


def skill_findings(
    ctx: AnalysisContext,
    tax: Taxonomy,
    matches: list[Match],
    positions: tuple[Position, ...] = (),
    titled: list[Match] | None = None,
) -> tuple[SkillFinding, ...]:
    """Skill findings of ``matches``; ``titled`` (matches in position titles, ``split_titles``) are no mentions
    but date a skill's years like them."""
    out: list[SkillFinding] = []
    dated = _grouped(ctx, titled or [], "skill")
    for sid, mentions in _grouped(ctx, matches, "skill").items():
        skill = tax.skills[sid]
        years, last = _usage([*mentions, *dated.get(sid, ())], positions, ctx.today)
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
        if p.start is None or is_internship_kind(p.kind):
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


__all__ = ["certification_findings", "skill_findings", "split_context", "split_titles"]
