"""A resume-vs-job comparison as a terminal report (rich / plain) and as Markdown."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models import Comparison, Span
from .facts import COMPONENT_LABEL, LEVEL_WORDS, counts_line, effective_weight, ordered_requirements, source_name

STATUS_STYLE = {"met": "green", "claimed": "magenta", "implied": "blue", "partial": "yellow", "missing": "red"}
STATUS_MARK = {
    "met": "✔ met",
    "claimed": "? claimed",
    "implied": "~ implied",
    "partial": "◐ partial",
    "missing": "✘ missing",
}


def _evidence(spans: tuple[Span, ...], limit: int = 2) -> str:
    return "; ".join(f"“{_short(s.text)}” ({s.section} @{s.start})" for s in spans[:limit])


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _level_line(c: Comparison) -> str:
    lv = c.level
    if lv.verdict == "unknown":
        return "Level: unknown"
    if lv.verdict == "off_ladder":
        return f"Level: the resume is not on this career ladder; job {lv.job_level_name} ({lv.job_track})"
    steps = f" by {abs(lv.steps)} step(s)" if lv.steps else ""
    other = f"; a move to the {lv.job_track} track" if lv.track_change else ""
    return (
        f"Level: candidate {lv.candidate_level_name} ({lv.candidate_track}), job {lv.job_level_name} "
        f"({lv.job_track}) — {LEVEL_WORDS[lv.verdict]}{steps}{other}"
    )


def rich_comparison(c: Comparison) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble(("gapfinder ", "bold"), f"resume {source_name(c.resume)} vs job {source_name(c.job)}"),
        Text.assemble(("Match score: ", "bold"), (f"{c.score.total:g}/100", "bold cyan")),
    ]
    score = Table(show_header=True, title_justify="left", box=None, pad_edge=False)
    for col in ("component", "weight", "score", "points", "detail"):
        score.add_column(col)
    for comp in c.score.components:
        score.add_row(
            COMPONENT_LABEL[comp.name], effective_weight(comp), f"{comp.score:.2f}", f"{comp.points:g}", comp.detail
        )
    parts.append(score)
    parts.append(Text(_level_line(c)))
    if c.level.next_level_adds:
        adds = "; ".join(c.level.next_level_adds[:8])
        parts.append(Text(f"Next level ({c.level.next_level}) adds: {adds}", style="dim"))
    table = Table(title=f"Requirements ({counts_line(c)})", title_justify="left", show_lines=False)
    for col in ("id", "group", "requirement", "status", "resume evidence / detail"):
        table.add_column(col, overflow="fold")
    for s in ordered_requirements(c):
        ev = _evidence(s.resume_evidence, 1)
        table.add_row(
            s.requirement.id,
            s.requirement.group,
            s.requirement.label,
            Text(STATUS_MARK[s.status], style=STATUS_STYLE[s.status]),
            s.detail + (f" — {ev}" if ev else ""),
        )
    parts.append(table)
    if c.hints:
        parts.append(Text("Tailoring hints", style="bold"))
        parts.extend(Text(f"  • [{h.kind}] {h.message}") for h in c.hints)
    for report in (c.resume, c.job):
        parts.extend(Text(f"warning ({report.kind}): {w.message}", style="yellow") for w in report.warnings)
    return Group(*parts)


def plain_comparison(c: Comparison, width: int = 110) -> str:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO(), highlight=False)
    console.print(rich_comparison(c))
    return console.export_text()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_comparison(c: Comparison) -> str:
    out = [
        f"# gapfinder: {_cell(source_name(c.resume))} vs {_cell(source_name(c.job))}",
        "",
        f"**Match score: {c.score.total:g}/100**",
        "",
        "| component | weight | score | points | detail |",
        "|---|---|---|---|---|",
    ]
    for comp in c.score.components:
        out.append(
            f"| {COMPONENT_LABEL[comp.name]} | {effective_weight(comp)} | {comp.score:.2f} | {comp.points:g} | "
            f"{_cell(comp.detail)} |"
        )
    out += ["", f"- {_level_line(c)}"]
    if c.level.next_level_adds:
        out.append(f"- Next level ({c.level.next_level}) adds: {_cell('; '.join(c.level.next_level_adds))}")
    out += ["", f"## Requirements ({counts_line(c)})", ""]
    out += ["| id | group | requirement | status | detail | resume evidence | job says |", "|---" * 7 + "|"]
    for s in ordered_requirements(c):
        out.append(
            f"| {s.requirement.id} | {s.requirement.group} | {_cell(s.requirement.label)} | **{s.status}** | "
            f"{_cell(s.detail)} | {_cell(_evidence(s.resume_evidence))} | "
            f"{_cell(_short(s.requirement.sentence.text, 80))} |"
        )
    if c.hints:
        out += ["", "## Tailoring hints", ""]
        out += [f"- **{h.kind}** ({h.requirement}): {_cell(h.message)}" for h in c.hints]
    warnings = [(w, r.kind) for r in (c.resume, c.job) for w in r.warnings]
    if warnings:
        out += ["", "## Warnings", ""]
        out += [f"- {kind}: {w.code}: {w.message}" for w, kind in warnings]
    out.append("")
    return "\n".join(out)


__all__ = ["markdown_comparison", "plain_comparison", "rich_comparison"]
