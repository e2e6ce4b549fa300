"""The sections of the HTML page of one report (a resume or a job post)."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..kinds import document_noun, is_job, is_resume
from ..models import Gap, Placement, Report, SkillFinding, SkillRequirementStatus, WhatIf
from .common import degree_label, how_met, pct, years
from .facts import EVIDENCED, NOT_EVIDENCED, gap_facts, pay_lines, placement_facts, placement_label, plan_lines
from .html_parts import (
    badge,
    card,
    dl,
    doc_line,
    highlight,
    quote,
    quotes,
    section,
    short_name,
    table,
    warnings_section,
)
from .markup import Html, join, num, tag
from .svg import CategoryCounts, coverage_chart, ladder_chart

GAP_STATUS = {"met": "✔ met", "missing": "✘ missing"}


def gap_counts(gap: Gap) -> list[CategoryCounts]:
    """The gap's skill requirements per category, met and missing, largest categories first."""
    per: dict[str, Counter[str]] = {}
    for s in gap.skills:
        per.setdefault(s.category_name or s.category, Counter())[s.status] += 1
    rows = [CategoryCounts(cat, {"met": n["met"], "missing": n["missing"]}) for cat, n in per.items()]
    return sorted(rows, key=lambda r: (-r.total, r.category))


def _header(report: Report) -> Html:
    pl, gap = report.placement, report.gap
    cards = []
    if pl is not None:
        cards.append(card(placement_label(report), pl.level_name, f"{pl.track} track, confidence {pl.confidence:.2f}"))
    if is_resume(report.kind):
        exp = report.experience
        cards.append(card("Experience", years(exp.total_years), f"from {exp.basis}"))
    if gap is not None:
        met = sum(s.status == "met" for s in gap.skills)
        cards.append(
            card(
                f"Coverage of {gap.target_name}",
                pct(gap.coverage),
                f"{met} of {len(gap.skills)} skill requirements met",
            )
        )
    cards.append(card("Skills found", str(len(report.skills)), f"{len(report.certifications)} certifications"))
    return tag(
        "header",
        tag("p", f"gapfinder · {document_noun(report.kind)} report", class_="kicker"),
        tag("h1", short_name(report)),
        dl([("Document", doc_line(report))]),
        tag("div", *cards, class_="cards"),
    )


def placement_marks(pl: Placement, who: str) -> dict[str, list[str]]:
    """The marks of a placement on the ladder chart: the level (or path), and on a path its seniority."""
    marks: dict[str, list[str]] = {pl.level: [who]}
    if pl.seniority != pl.level:
        marks.setdefault(pl.seniority, []).append("seniority")
    return marks


def _placement(report: Report) -> Html | None:
    pl = report.placement
    facts = placement_facts(report)
    if pl is None or facts is None:
        return None
    gap = report.gap
    job_post = is_job(report.kind)
    marks = placement_marks(pl, "job" if job_post else "candidate")
    arrow = None
    if gap is not None and not is_job(gap.target_kind) and not job_post:
        marks.setdefault(gap.target, []).append("target")
        arrow = (pl.level, gap.target)
    chart = ladder_chart(pl.fits, marks, arrow=arrow, scores=pl.scores)
    caption = (
        "The ladder's ranks, its management track and the paths beside it; the thin bar in each step is the "
        "placement's vote share for that level."
    )
    rows = [[e.factor, e.detail, e.level or "", num(e.weight)] for e in pl.evidence if e.factor != "fit"]
    lead = "The job asks for" if job_post else "The resume reads as"
    intro = f"{lead} {pl.level_name} ({pl.track} track, confidence {pl.confidence:.2f})."
    notes: list[tuple[str, str | None]] = []
    if facts.path_line:
        notes.append(("Path", facts.path_line))
    if facts.fit_line:
        notes.append(("Fit", facts.fit_line))
    if facts.current_band:
        notes.append(("Salary band", facts.current_band))
    if facts.responsibilities:
        notes.append(("Responsibilities", "; ".join(facts.responsibilities)))
    if facts.next_line:
        notes.append(("What would change it", facts.next_line))
    if facts.others_line:
        notes.append(("Other fits", facts.others_line))
    return section(
        "placement",
        "Placement on the ladder",
        tag("p", intro),
        dl(notes) if notes else None,
        tag("figure", chart, tag("figcaption", caption)),
        table(("factor", "evidence", "points to", "weight"), rows, "compact") if rows else None,
    )


def _gap_row(report: Report, s: SkillRequirementStatus) -> list[str | None]:
    how = how_met(s) or s.via or "—"  # display names, as the text and Markdown reports word it
    return [
        join([tag("strong", s.label), tag("span", s.category_name or s.category.replace("_", " "), class_="sub")]),
        s.importance,
        badge(s.status, GAP_STATUS),
        how,
        quotes(report.text, s.evidence, 1),
    ]


def _gap(report: Report) -> Html | None:
    gap = report.gap
    if gap is None:
        return None
    g = gap_facts(gap)
    chart = coverage_chart(gap_counts(gap), ("met", "missing"), f"Skill requirements of {gap.target_name} by category")
    missing = None
    if g.missing:
        rows = [[cat, labels] for cat, labels in g.missing]
        missing = join([tag("h3", "Missing, most important first"), table(("category", "missing"), rows)])
    facts: list[tuple[str, str | None]] = []
    if g.years_required is not None:
        short = f" (short by {num(g.years_shortfall)})" if g.years_shortfall else ""
        facts.append(("Years", f"{g.years_held} held; {num(g.years_required)} required{short}"))
    if g.degree_required:
        met = "" if g.degree_met is None else (" — met" if g.degree_met else " — not met")
        facts.append(("Degree", f"{g.degree_required} or higher required; held: {g.degree_held}{met}"))
    for cert in gap.certifications:
        facts.append(("Certification", f"{cert.name}: {cert.status}" + ("" if cert.recommended else " (optional)")))
    for label, evidenced in g.leadership:
        facts.append(("Leadership", f"{label}: {EVIDENCED if evidenced else NOT_EVIDENCED}"))
    if g.band:
        facts.append(("Salary band", g.band))
    if g.responsibilities:
        facts.append(("Responsibilities", "; ".join(g.responsibilities)))
    figure: Html | None = None
    skills: Html | None = None
    if gap.skills:
        legend = join([badge("met", GAP_STATUS), " ", badge("missing", GAP_STATUS)])
        caption = tag("figcaption", "Each bar counts the target's skill requirements in one category. ", legend)
        figure = tag("figure", chart, caption)
        headers = ("requirement", "importance", "status", "how", "evidence")
        gap_rows = [_gap_row(report, s) for s in gap.skills]
        skills = join([tag("h3", "All skill requirements"), table(headers, gap_rows)])
    return section(
        "gap",
        f"Gap to {gap.target_name}",
        tag("p", f"{g.basis} Weighted skill coverage: {g.coverage}."),
        figure,
        missing,
        dl(facts) if facts else None,
        skills,
    )


def _skills(report: Report) -> Html | None:
    if not report.skills:
        return None
    by_cat: dict[str, list[SkillFinding]] = defaultdict(list)
    for s in report.skills:
        by_cat[s.category].append(s)
    rows: list[list[str | None]] = []
    for cat in sorted(by_cat):
        for s in by_cat[cat]:
            first = s.mentions[0]
            match = first.match if first.match != "fuzzy" else f"fuzzy {first.score:.2f}"
            rows.append(
                [
                    cat.replace("_", " "),
                    s.name,
                    str(len(s.mentions)),
                    num(s.years) if s.years else "",
                    s.last_used or "",
                    join([quote(report.text, first), tag("span", f" ({match})", class_="where")]),
                ]
            )
    headers = ("category", "skill", "mentions", "years", "last used", "first evidence")
    return section("skills", f"Skills ({len(report.skills)})", table(headers, rows))


def _experience(report: Report) -> Html | None:
    exp = report.experience
    if not exp.positions and exp.total_years is None:
        return None
    facts = [("Total", f"{years(exp.total_years)} (from {exp.basis})")]
    if exp.stated_years is not None:
        facts.append(("Stated", years(exp.stated_years)))
    rows = [
        [
            p.title or "?",
            p.organization or "",
            p.start or "?",
            "present" if p.current else (p.end or "?"),
            p.kind,
            p.date_text or "",
        ]
        for p in exp.positions
    ]
    pos = table(("title", "organization", "from", "to", "kind", "as written"), rows) if rows else None
    return section("experience", "Experience", dl(facts), pos)


def _education(report: Report) -> Html | None:
    if not report.education and not report.certifications:
        return None
    items = []
    for e in report.education:
        text = degree_label(e) + (f", {e.institution}" if e.institution else "") + (f" ({e.year})" if e.year else "")
        items.append(tag("li", text, " ", quotes(report.text, e.mentions[:1], 1) if e.mentions else None))
    for c in report.certifications:
        items.append(
            tag("li", f"{c.name} ({c.issuer})", " ", quotes(report.text, c.mentions[:1], 1) if c.mentions else None)
        )
    return section("education", "Education and certifications", tag("ul", *items))


def _leadership(report: Report) -> Html | None:
    if not report.leadership:
        return None
    rows = [
        [s.kind.replace("_", " "), "" if s.value is None else str(s.value), quotes(report.text, s.mentions, 2)]
        for s in report.leadership
    ]
    return section("leadership", "Leadership signals", table(("signal", "value", "evidence"), rows))


def _job_requirements(report: Report) -> Html | None:
    r = report.requirements
    if r is None:
        return None
    facts: list[tuple[str, str | None]] = [
        ("Title", r.title),
        ("Minimum years", num(r.min_years) if r.min_years is not None else None),
        ("Degree", (r.degree or "") + (f" (preferred {r.degree_preferred})" if r.degree_preferred else "") or None),
    ]
    rows = [
        [
            i.id,
            i.group,
            join([tag("strong", i.label), tag("span", f"{i.kind} · {i.category.replace('_', ' ')}", class_="sub")]),
            highlight(i.sentence, i.mentions),
        ]
        for i in r.items
    ]
    return section(
        "requirements",
        f"Requirements of the job ({len(r.items)})",
        dl(facts),
        table(("id", "group", "requirement", "job says"), rows) if rows else None,
    )


def _plan(report: Report) -> Html | None:
    plan = report.plan
    if plan is None:
        return None
    head, _, not_steps = plan_lines(plan)
    rows = [
        [
            str(s.order),
            join([tag("strong", s.label), tag("span", ", ".join(s.options[:6]), class_="sub") if s.options else None]),
            s.why,
            s.stage or "",
            ", ".join(str(n) for n in s.builds_on),
            s.changes,
        ]
        for s in plan.steps
    ]
    pay = pay_lines(report)
    return section(
        "plan",
        "Plan",
        tag("p", head),
        table(("#", "step", "why", "stage", "builds on", "what it changes"), rows) if rows else None,
        tag("p", not_steps, class_="note") if not_steps else None,
        join([tag("h3", "Pay (the ladder's bands)"), tag("ul", *(tag("li", p) for p in pay))]) if pay else None,
    )


def what_if_section(what_if: WhatIf) -> Html:
    return section(
        "what-if",
        "What if",
        tag("p", tag("strong", "Assumed, not in the document: "), "; ".join(what_if.assumed)),
        tag("ul", *(tag("li", c) for c in what_if.changes)),
    )


def report_sections(report: Report) -> tuple[Html, list[Html]]:
    """The header and the sections of a report's page, in reading order."""
    parts = [
        _placement(report),
        _gap(report),
        _plan(report),
        _job_requirements(report),
        _skills(report),
        _experience(report),
        _education(report),
        _leadership(report),
        warnings_section((report,)),
    ]
    return _header(report), [p for p in parts if p is not None]


__all__ = ["gap_counts", "placement_marks", "report_sections", "what_if_section"]
