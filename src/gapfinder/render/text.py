"""A readable terminal report (rich)."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..kinds import is_resume
from ..models import Gap, Report, WhatIf
from .common import degree_label, years
from .facts import (
    ASSUMED,
    HELD_CERTIFICATIONS,
    LEADERSHIP_MISSING,
    RECOMMENDED_CERTIFICATIONS,
    RELATED,
    gap_facts,
    pay_lines,
    placement_facts,
    plan_lines,
    what_if_lines,
)


def _header(report: Report) -> RenderableType:
    doc = report.document
    src = doc.source or "<text>"
    pages = f", {doc.pages} page(s)" if doc.pages else ""
    lines = [Text.assemble(("gapfinder ", "bold"), f"{report.kind} · {src} ({doc.format}{pages}, {doc.chars:,} chars)")]
    facts = placement_facts(report)
    if facts is not None:
        what, _, rest = facts.headline.partition(": ")
        name, _, bracket = rest.partition("  [")
        lines.append(Text.assemble((f"{what}: ", "bold"), (name, "bold cyan"), f"  [{bracket}"))
        for line in (facts.path_line, facts.ladder_line):
            if line:
                lines.append(Text("  " + line, style="dim"))
        if facts.fit_line:
            lines.append(Text(f"  Fit: {facts.fit_line}", style="yellow"))
        for ev in facts.evidence:
            lines.append(Text(f"  • {ev}", style="dim"))
        if facts.current_band:
            lines.append(Text("  " + facts.current_band))
        for resp in facts.responsibilities:
            lines.append(Text(f"    – {resp}", style="dim"))
        for line in (facts.next_line, facts.others_line):
            if line:
                lines.append(Text("  " + line))
    exp = report.experience
    if is_resume(report.kind):
        lines.append(
            Text.assemble(
                ("Experience: ", "bold"), years(exp.total_years), f" ({exp.basis}; {len(exp.positions)} position(s))"
            )
        )
    return Group(*lines)


def _skills(report: Report) -> RenderableType:
    table = Table(title="Skills found", show_lines=False, expand=False, title_justify="left")
    table.add_column("category")
    table.add_column("skills (mentions, years)")
    by_cat: dict[str, list[str]] = defaultdict(list)
    for s in report.skills:
        extra = f", {s.years:g}y" if s.years else ""
        fuzzy = " ~" if all(m.match == "fuzzy" for m in s.mentions) else ""
        by_cat[s.category].append(f"{s.name}{fuzzy} ({len(s.mentions)}{extra})")
    for cat in sorted(by_cat):
        table.add_row(cat, ", ".join(by_cat[cat]))
    return table


def _items(report: Report) -> RenderableType:
    table = Table(title="Requirements as stated", title_justify="left")
    for col in ("id", "group", "kind", "requirement"):
        table.add_column(col, overflow="fold")
    assert report.requirements is not None
    for item in report.requirements.items:
        table.add_row(item.id, item.group, item.kind, item.label)
    return table


def _positions(report: Report) -> RenderableType:
    table = Table(title="Positions", title_justify="left")
    for col in ("title", "organization", "from", "to"):
        table.add_column(col)
    for p in report.experience.positions:
        table.add_row(p.title or "?", p.organization or "", p.start or "?", "present" if p.current else (p.end or "?"))
    return table


def _gap(gap: Gap) -> RenderableType:
    g = gap_facts(gap)
    rows: list[RenderableType] = [Text(f"{g.basis} Skill coverage: {g.coverage}", style="bold")]
    if g.missing:
        table = Table(title="Missing skills (most important first)", title_justify="left")
        table.add_column("category")
        table.add_column("missing")
        for cat, labels in g.missing:
            table.add_row(cat, labels)
        rows.append(table)
    if g.assumed:
        rows.append(Text(f"{ASSUMED}:\n" + "\n".join(f"  • {n}" for n in g.assumed)))
    if g.related:
        rows.append(Text(f"{RELATED}:\n" + "\n".join(f"  • {n}" for n in g.related)))
    facts = []
    if g.years_required is not None:
        short = f" — short by {g.years_shortfall:g}" if g.years_shortfall else " — met"
        facts.append(f"Years: {g.years_held} of {g.years_required:g} required{short}")
    if g.degree_required:
        state = "met" if g.degree_met else "not evidenced"
        facts.append(f"Degree: {g.degree_required} or higher required, {g.degree_held} ({state})")
    if g.certifications_held:
        facts.append(f"{HELD_CERTIFICATIONS}: " + "; ".join(g.certifications_held))
    if g.certifications_missing:
        facts.append(f"{RECOMMENDED_CERTIFICATIONS}: " + "; ".join(g.certifications_missing))
    if g.leadership_missing:
        facts.append(f"{LEADERSHIP_MISSING}: " + "; ".join(g.leadership_missing))
    if g.band:
        facts.append(g.band)
    facts += [f"  – {r}" for r in g.responsibilities]
    rows.append(Text("\n".join(facts)))
    return Panel(Group(*rows), title=g.title, title_align="left")


def _plan(report: Report) -> RenderableType:
    assert report.plan is not None
    head, steps, assumed = plan_lines(report.plan)
    rows: list[RenderableType] = [Text(head, style="bold")]
    rows += [Text(s) for s in steps]
    if assumed:
        rows.append(Text(assumed, style="dim"))
    pay = pay_lines(report)
    if pay:
        rows.append(Text("Pay (the ladder's bands):\n" + "\n".join(f"  • {p}" for p in pay)))
    return Panel(Group(*rows), title="Plan", title_align="left")


def rich_what_if(what_if: WhatIf) -> RenderableType:
    return Group(Text("\n".join(what_if_lines(what_if)), style="bold yellow"), rich_report(what_if.report))


def plain_what_if(what_if: WhatIf, width: int = 100) -> str:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO(), highlight=False)
    console.print(rich_what_if(what_if))
    return console.export_text()


def rich_report(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_header(report)]
    if report.requirements is not None:
        r = report.requirements
        parts.append(
            Text(
                f"Requirements: {len(r.required_skills)} required skills, {len(r.preferred_skills)} preferred; "
                f"min years {years(r.min_years)}; degree {r.degree or '-'}"
                + (f" (preferred {r.degree_preferred})" if r.degree_preferred else "")
            )
        )
    if report.requirements is not None and report.requirements.items:
        parts.append(_items(report))
    if report.skills:
        parts.append(_skills(report))
    if report.experience.positions:
        parts.append(_positions(report))
    if report.education:
        parts.append(
            Text(
                "Education: "
                + "; ".join(degree_label(e) + (f" ({e.year})" if e.year else "") for e in report.education)
            )
        )
    if report.certifications:
        parts.append(Text("Certifications: " + "; ".join(c.name for c in report.certifications)))
    if report.gap is not None:
        parts.append(_gap(report.gap))
    if report.plan is not None:
        parts.append(_plan(report))
    for w in report.warnings:
        parts.append(Text(f"warning: {w.message}", style="yellow"))
    return Group(*parts)


def print_report(report: Report, console: Console) -> None:
    console.print(rich_report(report))


def plain_report(report: Report, width: int = 100) -> str:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO(), highlight=False)
    console.print(rich_report(report))
    return console.export_text()


__all__ = ["plain_report", "plain_what_if", "print_report", "rich_report", "rich_what_if"]
