"""The self-contained HTML report (render/html.py): structure, no external assets, escaping, the charts'
numbers, determinism, the CLI wiring, and a real render in headless Chromium when it is installed."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

import gapfinder.engine
from gapfinder import Engine
from gapfinder.cli import main
from gapfinder.comparison import STATUSES
from gapfinder.models import Comparison, Report
from gapfinder.render import render
from gapfinder.render.html import html_comparison, html_report
from gapfinder.render.markup import VOID, num
from helpers import ROOT

RESUME = """Jane Doe
Senior Machine Learning Engineer

Experience
Senior Machine Learning Engineer, Acme Corp  01/2018 - Present
- Built PyTorch models and deployed them with Docker and Kubernetes.
- Ran A/B testing for ranking models.

Skills
Python, SQL, AWS

Education
M.S. Computer Science, State University, 2017
"""
JOB = """{title}

Requirements
- 5+ years of experience in machine learning.
- Strong Python and PyTorch.
- Experience with Kubernetes and Airflow.
- BS in Computer Science or related field.
"""
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
SENIOR_RESUME = ROOT / "examples" / "resumes" / "senior_ml_engineer.txt"
SENIOR_JD = ROOT / "examples" / "jobs" / "senior_ml_engineer_jd.txt"


# ------------------------------------------------------------------------------------------------ parsing
class Page(HTMLParser):
    """Parses a page, checks that every non-void element is closed in order, and keeps what tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []  # (tag, attrs, open ancestors)
        self.style = ""
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, list(self.stack)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, list(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        else:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a, _ in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def inside(self, tag: str, cls: str) -> list[tuple[str, dict[str, str]]]:
        """Elements inside the first element ``tag`` whose class list has ``cls``."""
        out: list[tuple[str, dict[str, str]]] = []
        depth = None
        for t, a, stack in self.elements:
            if depth is None:
                if t == tag and cls in a.get("class", "").split():
                    depth = len(stack) + 1
                continue
            if len(stack) < depth:
                break
            out.append((t, a))
        return out


def well_formed(text: str) -> Page:
    page = Page(text)
    assert page.errors == []
    assert page.stack == [], f"left open: {page.stack}"
    return page


def bar_groups(page: Page, chart: str) -> list[dict[str, str]]:
    return [a for t, a in page.inside("svg", chart) if t == "g" and "bar" in a.get("class", "").split()]


# ----------------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def small(engine: Engine) -> Comparison:
    resume = engine.analyze_text(RESUME)
    return engine.compare(resume, engine.analyze_text(JOB.format(title="Senior Machine Learning Engineer"), kind="job"))


@pytest.fixture(scope="module")
def example(engine: Engine) -> Comparison:
    return engine.compare(SENIOR_RESUME, SENIOR_JD)


@pytest.fixture(scope="module")
def report(engine: Engine) -> Report:
    return engine.analyze(SENIOR_RESUME)


# ------------------------------------------------------------------------------------------------ structure
@pytest.mark.parametrize("which", ["small", "example", "report"])
def test_page_is_well_formed_html5(which: str, request: pytest.FixtureRequest) -> None:
    obj = request.getfixturevalue(which)
    text = html_comparison(obj) if isinstance(obj, Comparison) else html_report(obj)
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = well_formed(text)
    assert [stack for t, _, stack in page.elements if t == "title" and "svg" not in stack] == [["html", "head"]]
    assert len(page.find("h1")) == 1 and page.find("h2")
    assert page.find("meta", charset="utf-8") and page.find("meta", name="viewport")
    assert page.find("th", scope="col")
    for svg in page.find("svg"):
        assert svg.get("role") == "img" and svg.get("aria-label")
    assert "@media print" in page.style and "max-width: 640px" in page.style


@pytest.mark.parametrize("which", ["example", "report"])
def test_no_external_assets_and_no_script(which: str, request: pytest.FixtureRequest) -> None:
    obj = request.getfixturevalue(which)
    page = well_formed(html_comparison(obj) if isinstance(obj, Comparison) else html_report(obj))
    tags = {t for t, _, _ in page.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    for _tag, attrs, _ in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert "http:" not in value and "https:" not in value, (name, value)
            if name in ("src", "href", "xlink:href", "action", "poster"):
                assert value.startswith("#"), (name, value)
            if "url(" in value:
                assert value.startswith("url(#"), (name, value)
    assert "@import" not in page.style and "@font-face" not in page.style
    assert "url(" not in page.style
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert csp and "default-src 'none'" in csp[0]["content"]


def test_untrusted_text_is_escaped(engine: Engine) -> None:
    hostile = RESUME.replace("Kubernetes.", f"Kubernetes. {SCRIPT}").replace("SQL, AWS", f"SQL, AWS {IMG}")
    resume = engine.analyze_text(hostile)
    job = engine.analyze_text(JOB.format(title=f"Senior Machine Learning Engineer {SCRIPT}"), kind="job")
    named = resume.model_copy(update={"document": resume.document.model_copy(update={"source": IMG + SCRIPT})})
    pages = [html_comparison(engine.compare(named, job)), html_report(named), html_report(job)]
    for text in pages:
        page = well_formed(text)
        assert not page.find("script") and not page.find("img")
        assert all(not name.startswith("on") for _, attrs, _ in page.elements for name in attrs)
        assert SCRIPT not in text and "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown, as text
        assert SCRIPT in "".join(page.text)
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in pages[0] + pages[1]


def test_output_is_deterministic(example: Comparison, report: Report) -> None:
    again = Comparison.model_validate_json(example.model_dump_json())
    assert html_comparison(example) == html_comparison(again)
    assert html_report(report) == html_report(Report.model_validate_json(report.model_dump_json()))


# ------------------------------------------------------------------------------------------------- charts
@pytest.mark.parametrize("which", ["small", "example"])
def test_coverage_chart_has_one_bar_per_category_with_the_counts(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    expected = Counter((s.requirement.category, s.status) for s in c.requirements)
    categories = {cat for cat, _ in expected}
    bars = bar_groups(well_formed(html_comparison(c)), "coverage")
    assert sorted(b["data-category"] for b in bars) == sorted(categories)
    for bar in bars:
        for status in STATUSES:
            assert int(bar[f"data-{status}"]) == expected[(bar["data-category"], status)]
    totals = [sum(int(b[f"data-{s}"]) for s in STATUSES) for b in bars]
    assert totals == sorted(totals, reverse=True)  # largest categories first
    assert sum(totals) == len(c.requirements)


def test_coverage_bar_widths_are_proportional(small: Comparison) -> None:
    page = well_formed(html_comparison(small))
    widths: dict[str, float] = {}
    counts: dict[str, int] = {}
    current = ""
    for t, a in page.inside("svg", "coverage"):
        if t == "g" and "bar" in a.get("class", ""):
            current = a["data-category"]
            counts[current] = sum(int(a[f"data-{s}"]) for s in STATUSES)
        elif t == "rect" and "seg" in a.get("class", "") and current:
            widths[current] = widths.get(current, 0.0) + float(a["width"])
    per_unit = {round(widths[cat] / counts[cat], 1) for cat in counts}
    assert len(per_unit) == 1


def test_report_chart_counts_the_gap_skills(report: Report) -> None:
    assert report.gap is not None
    expected = Counter((s.category_name, s.status) for s in report.gap.skills)  # the display names
    bars = bar_groups(well_formed(html_report(report)), "coverage")
    assert sorted(b["data-category"] for b in bars) == sorted({cat for cat, _ in expected})
    for bar in bars:
        assert set(bar) >= {"data-met", "data-missing"} and "data-partial" not in bar
        for status in ("met", "missing"):
            assert int(bar[f"data-{status}"]) == expected[(bar["data-category"], status)]


def test_score_chart_has_a_bar_per_component(example: Comparison) -> None:
    bars = bar_groups(well_formed(html_comparison(example)), "score")
    assert [b["data-component"] for b in bars] == [comp.name for comp in example.score.components]
    for bar, comp in zip(bars, example.score.components, strict=True):
        assert bar["data-points"] == num(comp.points)
        assert bar["data-max"] == num(comp.effective_weight * 100)
    assert f"{num(example.score.total)} / 100" in html_comparison(example)


def marks(text: str) -> dict[str, str]:
    return {a["data-level"]: a.get("data-mark", "") for t, a in well_formed(text).inside("svg", "ladder") if t == "g"}


@pytest.mark.parametrize(
    "title", ["Junior Machine Learning Engineer", "Senior Machine Learning Engineer", "Director of Machine Learning"]
)
def test_ladder_chart_marks_candidate_and_job(engine: Engine, title: str) -> None:
    c = engine.compare(engine.analyze_text(RESUME), engine.analyze_text(JOB.format(title=title), kind="job"))
    got = marks(html_comparison(c))
    assert set(got) == {lv.id for lv in engine.ladder.levels}  # every step of every track and path is drawn
    expected: dict[str, list[str]] = {}
    for role, level in (("candidate", c.level.candidate_level), ("job", c.level.job_level)):
        if level is not None:
            expected.setdefault(level, []).append(role)
    assert {lv: m for lv, m in got.items() if m} == {lv: " ".join(r) for lv, r in expected.items()}


@pytest.mark.parametrize("target", ["principal", "manager"])
def test_ladder_chart_marks_placement_and_target(engine: Engine, target: str) -> None:
    report = engine.analyze_text(RESUME, target=target)
    assert report.placement is not None and report.gap is not None
    got = marks(html_report(report))
    assert got[report.placement.level].split()[0] == "candidate"
    assert "target" in got[report.gap.target].split()
    assert [lv for lv, m in got.items() if m] == [lv for lv in got if lv in (report.placement.level, target)]


def test_path_target_is_drawn_in_the_paths_row(engine: Engine) -> None:
    report = engine.analyze_text(RESUME, target="mlops-engineer")
    assert report.gap is not None and report.gap.target_kind == "path"
    page = well_formed(html_report(report))
    tracks = {a["data-level"]: a["data-track"] for t, a in page.inside("svg", "ladder") if t == "g"}
    assert tracks["mlops-engineer"] == "alternative"
    assert "target" in marks(html_report(report))["mlops-engineer"].split()


def test_a_path_placement_marks_the_path_and_its_seniority(engine: Engine) -> None:
    report = engine.analyze_text("Experience\nSenior Data Engineer, Acme   2016 - Present\n- Spark, Airflow, SQL\n")
    assert report.placement is not None and report.placement.track == "alternative"
    got = marks(html_report(report))
    assert got["data-engineer"].split()[0] == "candidate"
    assert "seniority" in got[report.placement.seniority].split()


def test_ladder_steps_come_from_the_ladder_file(engine: Engine) -> None:
    page = well_formed(html_report(engine.analyze_text(RESUME)))
    drawn = {
        a["data-level"]: (a["data-track"], int(a["data-rank"])) for t, a in page.inside("svg", "ladder") if t == "g"
    }
    assert drawn == {lv.id: (lv.track, lv.rank) for lv in engine.ladder.levels}


# ---------------------------------------------------------------------------------------------- content
def test_comparison_content(example: Comparison) -> None:
    text = html_comparison(example)
    page = well_formed(text)
    words = " ".join(" ".join(page.text).split())
    for s in example.requirements:
        assert s.requirement.id in words and s.requirement.label in text.replace("&#x27;", "'")
    statuses = Counter(a["class"].split()[1] for a in page.find("span") if a.get("class", "").startswith("badge "))
    for status, n in example.counts.items():
        assert statuses[status] >= n  # one badge per requirement, plus the legend
    for h in example.hints:
        assert h.requirement in words
    evidence = next(s for s in example.requirements if s.resume_evidence).resume_evidence[0]
    assert f"{evidence.section} @{evidence.start}" in words


def test_render_dispatches_html(small: Comparison, report: Report) -> None:
    assert render(small, "html") == html_comparison(small)
    assert render(report, "html") == html_report(report)


def test_cli_writes_html(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gapfinder.engine, "Engine", lambda *a, **k: engine)
    out = tmp_path / "report.html"
    with pytest.raises(SystemExit) as exit_info:
        main([str(SENIOR_RESUME), "--job", str(SENIOR_JD), "--format", "html", "-o", str(out)])
    assert exit_info.value.code == 0
    text = out.read_text(encoding="utf-8")
    well_formed(text)
    assert bar_groups(Page(text), "coverage") and "Match score" in text


# ----------------------------------------------------------------------------------------------- chromium


def test_a_gap_row_says_how_it_is_met_in_display_names(engine: Engine) -> None:
    """The HTML gap table wrote skill ids ('machine-learning, implied by feature-store') where the text and
    Markdown reports write display names; all three now word it once (``render.common.how_met``)."""
    rep = engine.analyze(ROOT / "examples" / "resumes" / "data_engineer.txt")
    assert rep.gap is not None
    implied = [
        s for s in rep.gap.skills if s.via == "implied" and not (s.implied_by or "signal:").startswith("signal:")
    ]
    assert implied, "the example has a requirement met by implication"
    page = html_report(rep)
    for s in implied:
        assert f"implied by {s.implied_by_name}" in page
        assert f"implied by {s.implied_by}<" not in page and f"implied by {s.implied_by}," not in page


def test_a_degree_names_its_field_in_words(engine: Engine) -> None:
    """'bachelor in computer-science' showed the field's id; every format now writes it in words."""
    rep = engine.analyze(ROOT / "examples" / "resumes" / "data_engineer.txt")
    for fmt in ("markdown", "html"):  # the terminal report words it with the same render.common.degree_label
        out = render(rep, fmt)
        assert "bachelor in computer science" in out and "computer-science" not in out, fmt
