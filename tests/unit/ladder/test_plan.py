"""A career plan in every resume report, what-if re-runs, and the pay bands beside each other."""

from __future__ import annotations

import itertools
import json

import pytest

from gapfinder import Engine
from gapfinder.cli import main
from gapfinder.errors import UsageError
from gapfinder.models import Report
from gapfinder.render import render
from helpers import ROOT

SENIOR = ROOT / "examples" / "resumes" / "senior_ml_engineer.txt"
NURSE = ROOT / "examples" / "resumes" / "registered_nurse.txt"
DATA_ENGINEER = ROOT / "examples" / "resumes" / "data_engineer.txt"


@pytest.fixture(scope="module")
def senior(engine: Engine) -> Report:
    return engine.analyze(SENIOR)


def test_a_senior_plan_starts_with_the_staff_rungs_own_core_and_no_foundations(engine: Engine, senior: Report) -> None:
    plan = senior.plan
    assert plan is not None and plan.target == "staff"
    staff = next(lv for lv in engine.ladder.levels if lv.id == "staff")
    staff_core = {r.label for r in staff.skills if r.importance == "core"}
    first = plan.steps[0]
    assert first.level == "staff" and first.importance == "core" and first.label in staff_core
    # foundations of the junior and mid rungs are not steps: the senior level implies them
    lower = {r.label for lv in engine.ladder.levels if lv.id in ("junior", "mid") for r in lv.skills}
    assert not lower & {s.label for s in plan.steps}
    assert "Version control (Git)" in plan.assumed
    # the steps are numbered in order and their coverage only grows toward the plan's end
    assert [s.order for s in plan.steps] == list(range(1, len(plan.steps) + 1))
    covers = [s.coverage_after for s in plan.steps]
    assert covers == sorted(covers) and plan.coverage_now <= covers[0] and plan.coverage_after == covers[-1]


def test_plan_order_core_first_then_the_timeline_then_prerequisites(engine: Engine) -> None:
    plan = engine.analyze(NURSE).plan  # off the ladder: every missing junior requirement is a step
    assert plan is not None and plan.target == "junior" and not plan.assumed
    ranks = {"core": 0, "important": 1, "nice": 2}
    steps = list(plan.steps)
    for before, after in itertools.pairwise(steps):
        # importance never goes back up, except for a prerequisite pulled before the step that builds on it
        if ranks[after.importance] < ranks[before.importance]:
            assert any(before.order in s.builds_on for s in steps[before.order :]), (before.label, after.label)
    by_label = {s.label: s for s in steps}
    sklearn = by_label["scikit-learn"]
    python = by_label["Python"]
    assert python.order in sklearn.builds_on and python.order < sklearn.order  # scikit-learn implies Python
    assert all(b < s.order for s in steps for b in s.builds_on)


def test_a_move_into_the_ladder_plans_every_missing_requirement(engine: Engine) -> None:
    report = engine.analyze(DATA_ENGINEER)
    assert report.plan is not None and report.gap is not None and report.gap.basis == "transition"
    assert not report.plan.assumed
    missing = [s.label for s in report.gap.skills if s.status == "missing"]
    steps = [s.label for s in report.plan.steps if s.kind in ("skill", "leadership")]
    assert set(steps) <= set(missing) | set(report.gap.leadership_missing)
    if report.plan.more == 0:
        assert set(missing) <= set(steps)
    else:  # a long plan lists its first 15 steps and counts the rest
        assert len(report.plan.steps) == 15


def test_plan_renders_in_plain_words_without_ids(engine: Engine, senior: Report) -> None:
    ids = {s.id for s in engine.taxonomy.skills.values()} | set(engine.taxonomy.categories)
    for fmt in ("plain", "markdown"):
        text = render(senior, fmt)
        plan_part = text[text.index("Plan to") :]
        words = set(plan_part.replace("(", " ").replace(")", " ").replace(",", " ").split())
        leaked = {w for w in words if w in ids and ("-" in w or "_" in w)}  # ids like "ml_framework", "aws-ml"
        assert not leaked, leaked
    html = render(senior, "html")
    assert 'id="plan"' in html and "Staff Machine Learning Engineer asks for it" in html


def test_the_gap_shows_category_and_skill_names_not_ids(senior: Report) -> None:
    text = render(senior, "markdown")
    gap = text[text.index("## Gap to") : text.index("## Plan")]
    assert "ml_framework" not in gap and "ml_method" not in gap
    assert "implied by aws-ml-specialty" not in gap


def test_pay_shows_the_current_band_beside_the_target_and_the_paths(senior: Report) -> None:
    text = render(senior, "plain")
    pay = text[text.index("Pay (the ladder's bands)") :]
    assert "current (Senior Machine Learning Engineer): $180,000–$260,000" in pay
    assert "target (Staff Machine Learning Engineer): $230,000–$350,000" in pay
    assert "path Data Engineer: $130,000–$170,000" in pay


def test_what_if_with_the_plan_steps_raises_coverage(engine: Engine, senior: Report) -> None:
    assert senior.plan is not None and senior.gap is not None
    items = [s.options[0] for s in senior.plan.steps if s.kind == "skill" and s.options]
    result = engine.what_if(senior, items)
    after = result.report
    assert after.gap is not None and after.gap.target == senior.gap.target  # the same target, comparable
    assert after.gap.coverage > senior.gap.coverage
    assert any("coverage of Staff Machine Learning Engineer" in c for c in result.changes)
    # nothing assumed becomes evidence: the findings are the document's, the requirements say "assumed"
    assert after.skills == senior.skills and after.text == senior.text
    assumed = [s for s in after.gap.skills if s.via == "assumed"]
    assert assumed and all(not s.evidence for s in assumed)
    assert after.assumed == result.assumed and result.assumed


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["Kubernetes", "k8s"], "Kubernetes"),  # a name and an alias of one skill
        (["CKA"], "Certified Kubernetes Administrator"),  # a certification by its short name
        (["2 years"], "2 more years of experience"),
        (["manages managers"], "leadership: manages managers"),
    ],
)
def test_what_if_reads_skills_certifications_signals_and_years(
    engine: Engine, senior: Report, items: list[str], expected: str
) -> None:
    assert any(expected in name for name in engine.what_if(senior, items).assumed)


def test_what_if_scope_moves_a_head_of_ml(engine: Engine) -> None:
    head = engine.analyze_text(
        "Ada Lee\nHead of Machine Learning\n\nEXPERIENCE\nHead of Machine Learning, Acme   2017 - Present\n"
        "- Managed a team of 7 ML engineers; hiring, performance reviews, the ML roadmap\n"
        "\nSKILLS\nPython, PyTorch, MLflow, Kubernetes, NLP\n"
    )
    assert head.placement is not None and head.placement.level == "manager"
    moved = engine.what_if(head, ["manages managers", "multi_team"])
    assert moved.report.placement is not None and moved.report.placement.level == "director"
    assert any(c.startswith("placement: ML Engineering Manager → Director") for c in moved.changes)
    # a title that names its rung keeps it: the scope alone does not move an "Engineering Manager"
    manager = engine.analyze(ROOT / "examples" / "resumes" / "ml_engineering_manager.txt")
    kept = engine.what_if(manager, ["manages managers", "multi_team"]).report.placement
    assert kept is not None and kept.level == "manager"


@pytest.mark.parametrize("items", [["astrology"], [" ", ""]])
def test_what_if_refuses_what_it_cannot_read(engine: Engine, senior: Report, items: list[str]) -> None:
    with pytest.raises(UsageError):
        engine.what_if(senior, items)


def test_cli_assume(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(SENIOR), "--assume", "system design,model monitoring", "--assume", "LLM", "-f", "json"])
    assert exit_info.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assumed"] == ["System design", "Model monitoring", "Large language models"]
    assert data["report"]["assumed"] == data["assumed"] and data["changes"]
    with pytest.raises(SystemExit) as exit_info:
        main([str(SENIOR), "--assume", "astrology"])
    assert exit_info.value.code == 2
    assert "astrology" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([str(SENIOR), "--assume", "Kubernetes", "--job", str(SENIOR)])
    assert exit_info.value.code == 2
