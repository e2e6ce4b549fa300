"""A Markdown report: the same content as the terminal report, for pasting and committing."""

from __future__ import annotations

from collections import defaultdict

from ..kinds import is_resume
from ..models import Report, SkillFinding, WhatIf
from .common import degree_label, years
from .facts import (
    ASSUMED,
    LEADERSHIP_MISSING,
    RELATED,
    gap_facts,
    pay_lines,
    placement_facts,
    plan_lines,
    what_if_lines,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_report(report: Report) -> str:
    doc = report.document
    out = [f"# gapfinder report: {_cell(doc.source or 'text')}", ""]
    out.append(
        f"- kind: {report.kind}; format: {doc.format}; characters: {doc.chars:,}"
        + (f"; pages: {doc.pages}" if doc.pages else "")
    )
    facts = placement_facts(report)
    if facts is not None:
        head, _, bracket = facts.headline.partition("  [")
        out.append(f"- **{_cell(head)}** ({bracket.rstrip(']')})")
        for line in (facts.path_line, facts.ladder_line):
            if line:
                out.append(f"  - {_cell(line)}")
        if facts.fit_line:
            out.append(f"  - **Fit:** {_cell(facts.fit_line)}")
        for evidence in facts.evidence:
            out.append(f"  - {_cell(evidence)}")
        if facts.current_band:
            out.append(f"  - {facts.current_band}")
        for resp in facts.responsibilities:
            out.append(f"    - {_cell(resp)}")
        for line in (facts.next_line, facts.others_line):
            if line:
                out.append(f"  - {_cell(line)}")
    if is_resume(report.kind):
        out.append(f"- Experience: {years(report.experience.total_years)} ({report.experience.basis})")
    r = report.requirements
    if r is not None:
        out.append(
            f"- Requirements: min years {years(r.min_years)}; degree {r.degree or '-'}"
            + (f" (preferred {r.degree_preferred})" if r.degree_preferred else "")
        )
        out.append(f"  - required skills: {', '.join(r.required_skills) or '-'}")
        out.append(f"  - preferred skills: {', '.join(r.preferred_skills) or '-'}")
    out.append("")
    if r is not None and r.items:
        out += [
            "## Requirements as stated",
            "",
            "| id | group | kind | requirement | the post says |",
            "|---" * 5 + "|",
        ]
        for item in r.items:
            said = " ".join(item.sentence.text.split())
            said = said if len(said) <= 90 else said[:89] + "…"
            out.append(f"| {item.id} | {item.group} | {item.kind} | {_cell(item.label)} | {_cell(said)} |")
        out.append("")

    if report.skills:
        out += ["## Skills", "", "| category | skill | mentions | years | first evidence |", "|---|---|---|---|---|"]
        by_cat: dict[str, list[SkillFinding]] = defaultdict(list)
        for s in report.skills:
            by_cat[s.category].append(s)
        for cat in sorted(by_cat):
            for s in by_cat[cat]:
                m = s.mentions[0]
                ev = f"`{_cell(m.text)}` @{m.start}-{m.end} ({m.section}, {m.match})"
                out.append(f"| {cat} | {_cell(s.name)} | {len(s.mentions)} | {s.years if s.years else ''} | {ev} |")
        out.append("")
    if report.experience.positions:
        out += ["## Positions", "", "| title | organization | from | to |", "|---|---|---|---|"]
        for p in report.experience.positions:
            end = "present" if p.current else (p.end or "?")
            out.append(f"| {_cell(p.title or '?')} | {_cell(p.organization or '')} | {p.start or '?'} | {end} |")
        out.append("")
    if report.education or report.certifications:
        out += ["## Education and certifications", ""]
        for e in report.education:
            out.append(f"- {degree_label(e)}" + (f" ({e.year})" if e.year else ""))
        for c in report.certifications:
            out.append(f"- {c.name} ({c.issuer})")
        out.append("")

    gap = report.gap
    if gap is not None:
        g = gap_facts(gap)
        out += [f"## {g.title}", "", f"{g.basis} Skill coverage: **{g.coverage}**", ""]
        if g.missing:
            out += ["| category | missing (most important first) |", "|---|---|"]
            for cat, labels in g.missing:
                out.append(f"| {_cell(cat)} | {_cell(labels)} |")
            out.append("")
        if g.related:
            out += [f"{RELATED}:", *[f"- {_cell(n)}" for n in g.related], ""]
        if g.assumed:
            out += [f"{ASSUMED}:", *[f"- {_cell(n)}" for n in g.assumed], ""]
        if g.years_required is not None:
            out.append(
                f"- Years: {g.years_held} of {g.years_required:g} required"
                + (f" (short by {g.years_shortfall:g})" if g.years_shortfall else "")
            )
        if g.degree_required:
            out.append(f"- Degree: {g.degree_required} or higher required; held: {g.degree_held}")
        for status in gap.certifications:
            out.append(f"- Certification {status.name}: {status.status}")
        for label in g.leadership_missing:
            out.append(f"- {LEADERSHIP_MISSING}: {label}")
        if g.band:
            out.append(f"- {g.band}")
        for resp in g.responsibilities:
            out.append(f"  - {_cell(resp)}")
        out.append("")
    if report.plan is not None:
        head, steps, not_steps = plan_lines(report.plan)
        out += ["## Plan", "", head, "", *steps, ""]
        if not_steps:
            out += [not_steps, ""]
        pay = pay_lines(report)
        if pay:
            out += ["Pay (the ladder's bands):", *[f"- {p}" for p in pay], ""]
    if report.warnings:
        out += ["## Warnings", "", *[f"- {w.code}: {w.message}" for w in report.warnings], ""]
    return "\n".join(out)


def markdown_what_if(what_if: WhatIf) -> str:
    lines = what_if_lines(what_if)
    head = ["## What if", "", f"**{lines[0]}**", "", *[f"- {c}" for c in what_if.changes], ""]
    return "\n".join(head) + "\n" + markdown_report(what_if.report)


__all__ = ["markdown_report", "markdown_what_if"]
