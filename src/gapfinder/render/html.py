"""Self-contained HTML reports: one HTML5 file, inline CSS and SVG charts, no scripts, no external assets.

``html_report(report)`` renders one resume or job post, ``html_comparison(c)`` a resume against a job.
Both are pure and deterministic (no dates, no randomness: same input, same bytes). All resume and job
text is untrusted and goes through the escaping builder in :mod:`.markup`; a Content-Security-Policy
that allows no scripts and no remote loads backs that up.
"""

from __future__ import annotations

from collections import Counter

from ..models import Comparison, Report, WhatIf
from .facts import COMPONENT_LABEL, GROUP_ORDER, LEVEL_WORDS, effective_weight, ordered_requirements
from .html_parts import (
    badge,
    card,
    dl,
    doc_line,
    footer,
    highlight,
    page,
    quotes,
    section,
    short_name,
    table,
    warnings_section,
)
from .html_report import placement_marks, report_sections, what_if_section
from .markup import Html, join, num, tag
from .svg import CategoryCounts, coverage_chart, ladder_chart, score_chart

STATUSES = ("met", "claimed", "implied", "partial", "missing")
GROUP_TITLE = {"required": "Required", "responsibilities": "Responsibilities", "preferred": "Preferred"}
HINT_TITLE = {
    "level": "Level",
    "use_job_term": "Use the job's term",
    "surface": "Surface what the resume already shows",
    "back_up": "Back up claims with experience",
    "confirm": "Implied or related, never named: confirm before writing it in",
    "years": "Years of experience",
    "learn": "Gaps to close (learn, practise, certify)",
}


# --------------------------------------------------------------------------------------------- comparison
def requirement_counts(c: Comparison) -> list[CategoryCounts]:
    """Requirements per category and status, largest categories first."""
    per: dict[str, Counter[str]] = {}
    for s in c.requirements:
        per.setdefault(s.requirement.category, Counter())[s.status] += 1
    rows = [CategoryCounts(cat, {st: n[st] for st in STATUSES}) for cat, n in per.items()]
    return sorted(rows, key=lambda r: (-r.total, r.category))


def _level_text(c: Comparison) -> str:
    lv = c.level
    if lv.verdict == "unknown":
        known = lv.candidate_level_name or lv.job_level_name
        return f"Level fit unknown{f' (only one side placed: {known})' if known else ''}."
    if lv.verdict == "off_ladder":
        return f"The resume is not on this career ladder: no level fits. The job asks for {lv.job_level_name}."
    steps = f" by {abs(lv.steps)} step{'s' if abs(lv.steps) != 1 else ''}" if lv.steps else ""
    other = (
        f" The job is on the {lv.job_track} track: the levels compare by rank, not by readiness for that track."
        if lv.track_change
        else ""
    )
    return (
        f"The candidate reads as {lv.candidate_level_name} ({lv.candidate_track} track); the job asks for "
        f"{lv.job_level_name} ({lv.job_track} track): {LEVEL_WORDS[lv.verdict]}{steps}.{other}"
    )


def _placement_evidence(report: Report) -> Html | None:
    pl = report.placement
    if pl is None or not pl.evidence:
        return None
    rows = [[e.factor, e.detail, e.level or "", num(e.weight)] for e in pl.evidence]
    return table(("factor", "detail", "points to", "weight"), rows, "compact")


def _comparison_score(c: Comparison) -> Html:
    rows = []
    for comp in c.score.components:
        weight = effective_weight(comp)
        base = f"{comp.weight:.0%}"
        score, points = (f"{comp.score:.2f}", num(comp.points)) if comp.applies else ("—", "—")
        rows.append([COMPONENT_LABEL[comp.name], base, weight, score, points, comp.detail or "not stated"])
    credit = ", ".join(f"{k} {num(v)}" for k, v in c.score.credit.items())
    return section(
        "score",
        "Match score",
        tag(
            "figure",
            score_chart(c.score.components),
            tag("figcaption", "Points earned out of each component's weight."),
        ),
        table(("component", "base weight", "effective weight", "score", "points", "detail"), rows),
        tag("p", f"Total {num(c.score.total)} of 100. Credit per requirement status: {credit}.", class_="note"),
    )


def _comparison_level(c: Comparison) -> Html:
    lv = c.level
    chart: Html | None = None
    if c.resume.placement is not None:
        marks = placement_marks(c.resume.placement, "candidate")
        if lv.job_level is not None:
            marks.setdefault(lv.job_level, []).append("job")
        on_ladder = lv.verdict != "off_ladder"  # no arrow from another profession to the post
        arrow = (lv.candidate_level, lv.job_level) if lv.candidate_level and lv.job_level and on_ladder else None
        chart = ladder_chart(c.resume.placement.fits, marks, arrow=arrow, scores=c.resume.placement.scores)
    adds = None
    if lv.next_level_adds:
        adds = join(
            [
                tag("h3", f"What the next level ({lv.next_level}) asks that the resume lacks"),
                tag("ul", *(tag("li", a) for a in lv.next_level_adds), class_="columns"),
            ]
        )
    evidence = [
        join([tag("h3", f"Why {who} reads as {r.placement.level_name}"), _placement_evidence(r)])
        for who, r in (("the resume", c.resume), ("the job", c.job))
        if r.placement is not None and r.placement.evidence
    ]
    caption = "The ladder's ranks; the thin bar in each step is the resume's placement score for that level."
    return section(
        "level",
        "Level fit",
        tag("p", _level_text(c)),
        tag("figure", chart, tag("figcaption", caption)) if chart is not None else None,
        adds,
        *evidence,
    )


def _requirement_rows(c: Comparison, group: str) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for s in ordered_requirements(c):
        req = s.requirement
        if req.group != group:
            continue
        label = join(
            [tag("strong", req.label), tag("span", f"{req.kind} · {req.category.replace('_', ' ')}", class_="sub")]
        )
        rows.append(
            [
                req.id,
                label,
                badge(s.status),
                s.detail,
                quotes(c.resume.text, s.resume_evidence),
                join(
                    [
                        highlight(req.sentence, req.mentions),
                        " ",
                        tag("span", f"{req.sentence.section} @{req.sentence.start}", class_="where"),
                    ]
                ),
            ]
        )
    return rows


def _comparison_requirements(c: Comparison) -> Html:
    if not c.requirements:
        return section("requirements", "Requirements", tag("p", "No requirements were recognised in the job post."))
    rows = requirement_counts(c)
    chart = coverage_chart(rows, STATUSES, "Requirements by category and status")
    legend = join([badge(s) for s in STATUSES], " ")
    tables = []
    for group in GROUP_ORDER:
        group_rows = _requirement_rows(c, group)
        if group_rows:
            tables.append(tag("h3", f"{GROUP_TITLE[group]} ({len(group_rows)})"))
            tables.append(
                table(("id", "requirement", "status", "detail", "resume evidence", "job says"), group_rows, "reqs")
            )
    return section(
        "requirements",
        "Requirements",
        tag("figure", chart, tag("figcaption", "Each bar counts the job's requirements in one category. ", legend)),
        tag(
            "p",
            "met: shown in an experience, project, publication or accomplishment entry (or held); claimed: only "
            "named in a skills list, summary, coursework or a certificate's name; implied: never named, another "
            "finding implies it; partial: fewer years, a related skill or another degree; missing: not found.",
            class_="note",
        ),
        *tables,
    )


def _comparison_hints(c: Comparison) -> Html | None:
    if not c.hints:
        return None
    parts: list[str] = []
    for kind, title in HINT_TITLE.items():
        hints = [h for h in c.hints if h.kind == kind]
        if not hints:
            continue
        items = []
        for h in hints:
            job = None
            if h.job_evidence is not None:
                where = tag("span", f"{h.job_evidence.section} @{h.job_evidence.start}", class_="where")
                job = join([tag("strong", "The job says: "), highlight(h.job_evidence, ()), " ", where])
            items.append(
                tag(
                    "li",
                    tag("span", h.requirement, class_="rid"),
                    " ",
                    h.message,
                    quotes(c.resume.text, h.resume_evidence),
                    tag("div", job, class_="hint-job") if job else None,
                )
            )
        parts += [tag("h3", f"{title} ({len(hints)})"), tag("ul", *items, class_=f"hints {kind}")]
    return section("hints", "Tailoring hints", *parts)


def html_comparison(c: Comparison) -> str:
    """A resume compared with a job post as one self-contained HTML page."""
    resume, job = short_name(c.resume), short_name(c.job)
    counts = " · ".join(f"{c.counts.get(s, 0)} {s}" for s in STATUSES)
    lv = c.level
    level_value = {"fit": "fit", "under": "below", "over": "above", "off_ladder": "off ladder", "unknown": "unknown"}[
        lv.verdict
    ]
    header = tag(
        "header",
        tag("p", "gapfinder · resume vs job", class_="kicker"),
        tag("h1", f"{resume} vs {job}"),
        dl([("Resume", doc_line(c.resume)), ("Job", doc_line(c.job))]),
        tag(
            "div",
            card("Match score", f"{num(c.score.total)} / 100", None),
            card("Level", level_value, f"{lv.candidate_level or '?'} vs {lv.job_level or '?'}"),
            card("Requirements", str(len(c.requirements)), counts),
            card("Tailoring hints", str(len(c.hints)), None),
            class_="cards",
        ),
    )
    body = [
        header,
        _comparison_score(c),
        _comparison_level(c),
        _comparison_requirements(c),
        _comparison_hints(c),
        warnings_section((c.resume, c.job)),
        footer(c.gapfinder_version, c.schema_version),
    ]
    return page(f"gapfinder: {resume} vs {job} — {num(c.score.total)}/100", *(b for b in body if b is not None))


def html_report(report: Report) -> str:
    """One resume or job post (placement, skills, experience, gap) as one self-contained HTML page."""
    header, sections = report_sections(report)
    title = f"gapfinder report: {short_name(report)}"
    return page(title, header, *sections, footer(report.gapfinder_version, report.schema_version))


def html_what_if(what_if: WhatIf) -> str:
    """A what-if as one page: what was assumed and what changed, then the re-run report."""
    header, sections = report_sections(what_if.report)
    title = f"gapfinder what-if: {short_name(what_if.report)}"
    return page(
        title, header, what_if_section(what_if), *sections, footer(what_if.gapfinder_version, what_if.schema_version)
    )


__all__ = ["html_comparison", "html_report", "html_what_if", "requirement_counts"]
