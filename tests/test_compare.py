"""Resume vs job: requirement statuses with evidence, the match score, the level view and the hints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gapfinder import Engine
from gapfinder.comparison.score import CREDIT, WEIGHTS
from gapfinder.errors import UsageError
from gapfinder.models import Comparison
from helpers import EXAMPLES, compare_texts, requirement_status

RESUME = """Jane Doe
Machine Learning Engineer

Summary
ML engineer building ranking models with PyTorch.

Experience
Machine Learning Engineer, Acme Corp                      01/2020 - 12/2023
- Trained ranking models in PyTorch and served them on K8s.
- Built data pipelines with Apache Spark.

Skills
Python, SQL, Kubernetes, TensorFlow

Education
B.S. in Computer Science, State University, 2019
"""


# ------------------------------------------------------------------ statuses on a small synthetic pair
@pytest.mark.parametrize(
    ("requirement", "skill", "status", "via"),
    [
        ("Experience with PyTorch.", "pytorch", "met", "direct"),
        ("Experience with JAX or PyTorch.", "pytorch", "met", "alternative"),
        ("Python.", "python", "claimed", "direct"),  # only in the skills list
        ("Terraform.", "terraform", "missing", None),
        ("Experience with Keras.", "keras", "partial", "related"),  # PyTorch/TensorFlow: both DL frameworks
    ],
)
def test_skill_statuses(engine: Engine, requirement: str, skill: str, status: str, via: str | None) -> None:
    c = compare_texts(engine, RESUME, f"Requirements\n- {requirement}\n")
    s = requirement_status(c, skill)
    assert (s.status, s.via) == (status, via)


def test_a_backed_alternative_beats_a_listed_one(engine: Engine) -> None:
    # TensorFlow is only listed; PyTorch is used at work: the answer is PyTorch, met
    c = compare_texts(engine, RESUME, "Requirements\n- TensorFlow or PyTorch.\n")
    s = requirement_status(c, "tensorflow")
    assert (s.status, s.matched, s.via) == ("met", "pytorch", "alternative")


def test_years_of_a_skill(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- 6+ years of PyTorch.\n")
    s = requirement_status(c, "pytorch")
    assert s.status == "partial"
    assert s.years_shown == 3.92  # 01/2020 - 12/2023: 47 months, as experience counts them
    assert "3.92 of 6 years" in s.detail


def test_total_years(engine: Engine) -> None:
    met = compare_texts(engine, RESUME, "Requirements\n- 3+ years of experience.\n")
    part = compare_texts(engine, RESUME, "Requirements\n- 8+ years of experience.\n")
    assert [(s.status, s.years_shown) for s in met.requirements if s.requirement.kind == "years"] == [("met", 3.92)]
    assert [(s.status, s.detail) for s in part.requirements if s.requirement.kind == "years"] == [
        ("partial", "3.92 of 8 years")
    ]
    years = next(c for c in part.score.components if c.name == "years")
    assert years.score == 0.49  # the share of the years shown


@pytest.mark.parametrize(
    ("line", "status", "via"),
    [
        ("BS in Computer Science.", "met", None),
        ("MS in Computer Science.", "missing", None),
        ("MS in Computer Science, or equivalent practical experience.", "partial", "equivalent"),
        ("BS in Physics.", "partial", None),  # the level, another field
    ],
)
def test_degree_statuses(engine: Engine, line: str, status: str, via: str | None) -> None:
    c = compare_texts(engine, RESUME, f"Requirements\n- {line}\n")
    s = next(s for s in c.requirements if s.requirement.kind == "degree")
    assert (s.status, s.via) == (status, via)


def test_certification_statuses(engine: Engine) -> None:
    resume = RESUME + "\nCertifications\nCertified Kubernetes Administrator (CKA), 2022\n"
    held = compare_texts(engine, resume, "Nice to have\n- CKA or CKAD.\n")
    none = compare_texts(engine, RESUME, "Nice to have\n- CKA or CKAD.\n")
    assert [s.status for s in held.requirements if s.requirement.kind == "certification"] == ["met"]
    assert [s.status for s in none.requirements if s.requirement.kind == "certification"] == ["missing"]


def test_evidence_points_into_both_texts(engine: Engine) -> None:
    c = compare_texts(
        engine, RESUME, "Requirements\n- PyTorch or TensorFlow.\n- Kubernetes.\n- 3+ years of experience.\n"
    )
    for s in c.requirements:
        sentence = s.requirement.sentence
        assert c.job.text[sentence.start : sentence.end] == sentence.text
        for e in s.resume_evidence:
            assert c.resume.text[e.start : e.end] == e.text
        if s.status != "missing":
            assert s.resume_evidence


# ------------------------------------------------------------------ score
def test_score_is_deterministic_and_adds_up(engine: Engine) -> None:
    job = "Requirements\n- PyTorch or TensorFlow.\n- Terraform.\n- 3+ years of experience.\n- BS in Computer Science.\n"
    a = compare_texts(engine, RESUME, job)
    b = compare_texts(engine, RESUME, job)
    assert a.model_dump_json() == b.model_dump_json()
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    applying = [c for c in a.score.components if c.applies]
    assert sum(c.effective_weight for c in applying) == pytest.approx(1.0, abs=1e-3)
    assert all(c.effective_weight == 0 for c in a.score.components if not c.applies)
    assert a.score.total == pytest.approx(sum(c.points for c in a.score.components), abs=0.06)
    assert a.score.credit == CREDIT


def test_components_without_requirements_do_not_apply(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- PyTorch.\n")
    applies = {comp.name: comp.applies for comp in c.score.components}
    assert applies["required_skills"] and not applies["certifications"] and not applies["years"]


def test_more_evidence_never_lowers_the_score(engine: Engine) -> None:
    job = "Requirements\n- PyTorch.\n- Terraform.\n"
    before = compare_texts(engine, RESUME, job).score.total
    after = compare_texts(
        engine, RESUME.replace("Built data pipelines", "Wrote Terraform modules; built data pipelines"), job
    )
    assert after.score.total > before


# ------------------------------------------------------------------ hints
def test_hints_never_invent(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- Kubernetes in production.\n- Terraform.\n- Python.\n")
    kinds = {(h.kind, h.requirement) for h in c.hints}
    ids = {s.requirement.any_of[0]: s.requirement.id for s in c.requirements}
    assert ("learn", ids["terraform"]) in kinds
    assert ("back_up", ids["python"]) in kinds
    for h in c.hints:
        for e in h.resume_evidence:
            assert c.resume.text[e.start : e.end] == e.text
        if h.kind == "learn":
            assert not h.resume_evidence and "not something to add" in h.message
        elif h.kind != "level":
            assert h.resume_evidence


def test_use_job_term_hint(engine: Engine) -> None:
    resume = RESUME.replace("Python, SQL, Kubernetes, TensorFlow", "Python, SQL, TensorFlow")
    c = compare_texts(engine, resume, "Requirements\n- Kubernetes.\n")
    hints = [h for h in c.hints if h.kind == "use_job_term"]
    assert len(hints) == 1
    assert "“Kubernetes”" in hints[0].message and "“K8s”" in hints[0].message


def test_no_use_job_term_hint_for_an_abbreviation_in_the_post(engine: Engine) -> None:
    resume = "Jane Doe\n\nExperience\nEngineer, Acme 2020 - 2023\n- Built machine learning models.\n"
    c = compare_texts(engine, resume, "Requirements\n- ML experience.\n")
    assert not [h for h in c.hints if h.kind == "use_job_term"]


# ------------------------------------------------------------------ level view
def test_level_fit(engine: Engine) -> None:
    staff = engine.analyze(EXAMPLES / "resumes" / "staff_ml_engineer.txt")
    junior_job = engine.analyze(EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt", kind="job")
    c = engine.compare(staff, junior_job)
    assert (c.level.candidate_level, c.level.job_level, c.level.verdict, c.level.steps) == (
        "staff",
        "junior",
        "over",
        -3,
    )
    fit = next(comp for comp in c.score.components if comp.name == "level_fit")
    assert fit.score == 0.5


def test_compare_takes_paths_and_checks_kinds(engine: Engine) -> None:
    c = engine.compare(EXAMPLES / "resumes" / "junior_ml_engineer.txt", EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt")
    assert c.resume.kind == "resume" and c.job.kind == "job"
    job = engine.analyze_text("Requirements\n- Python.\n", kind="job")
    with pytest.raises(UsageError):
        engine.compare(job, job)


# ------------------------------------------------------------------ the example pairs (hand-checked facts)
PAIRS = {
    "near_perfect": ("senior_ml_engineer.txt", "senior_ml_engineer_jd.txt"),
    "career_changer": ("data_scientist_career_changer.txt", "junior_ml_engineer_jd.txt"),
    "over_qualified": ("staff_ml_engineer.txt", "junior_ml_engineer_jd.txt"),
    "alternatives": ("mid_ml_engineer.md", "ml_engineer_alternatives_jd.txt"),
}


@pytest.fixture(scope="module")
def pairs(engine: Engine) -> dict[str, Comparison]:
    return {k: engine.compare(EXAMPLES / "resumes" / r, EXAMPLES / "jobs" / j) for k, (r, j) in PAIRS.items()}


# (pair, skill id in any_of, status, resume evidence text, its section)
PAIR_FACTS = [
    ("near_perfect", "pytorch", "met", "PyTorch", "experience"),
    ("near_perfect", "kubernetes", "met", "k8s", "experience"),  # the resume's own spelling
    ("near_perfect", "python", "claimed", "Python", "skills"),  # only in "Languages: Python, Go, ..."
    ("near_perfect", "learning-to-rank", "missing", None, None),
    ("near_perfect", "go", "met", "Go", "experience"),  # "a Go gateway service"
    ("career_changer", "scikit-learn", "met", "sklearn", "experience"),
    ("career_changer", "docker", "met", "Dockerfile", "projects"),
    ("career_changer", "tensorflow", "claimed", "TensorFlow", "skills"),  # "Keras/TensorFlow (coursework)"
    ("career_changer", "ci-cd", "missing", None, None),
    ("over_qualified", "pytorch", "met", "PyTorch", "projects"),
    ("alternatives", "pytorch", "met", "Tensor Flow", "experience"),  # met through TensorFlow, spelled apart
    ("alternatives", "apache-spark", "implied", "PySpark", "experience"),  # implied by PySpark, never named
    ("alternatives", "aws", "claimed", "AWS", "skills"),
]


@pytest.mark.parametrize(("pair", "skill", "status", "text", "section"), PAIR_FACTS)
def test_pair_facts(
    pairs: dict[str, Comparison], pair: str, skill: str, status: str, text: str | None, section: str | None
) -> None:
    s = requirement_status(pairs[pair], skill)
    assert s.status == status
    if text is None:
        assert not s.resume_evidence
    else:
        assert (s.resume_evidence[0].text, s.resume_evidence[0].section) == (text, section)


def test_pair_outcomes(pairs: dict[str, Comparison]) -> None:
    near, changer, over, alts = (pairs[k] for k in ("near_perfect", "career_changer", "over_qualified", "alternatives"))
    assert near.level.verdict == "fit" and over.level.verdict == "over"
    assert near.score.total > alts.score.total > changer.score.total
    # the degree: the career changer's BA in Economics is the level, not a named field
    degree = next(
        s for s in changer.requirements if s.requirement.kind == "degree" and s.requirement.group == "required"
    )
    assert degree.status == "partial"
    groups = [s.requirement.any_of for s in alts.requirements if len(s.requirement.any_of) > 1]
    assert ("pytorch", "tensorflow") in groups and ("aws", "gcp", "azure") in groups


# ------------------------------------------------------------------ CLI
def test_cli_json_is_a_comparison(tmp_path: Path) -> None:
    from gapfinder.cli import main

    out = tmp_path / "c.json"
    with pytest.raises(SystemExit) as exc:
        resume, job = EXAMPLES / "resumes" / "mid_ml_engineer.md", EXAMPLES / "jobs" / "ml_engineer_alternatives_jd.txt"
        main([str(resume), "--job", str(job), "--format", "json", "-o", str(out)])
    assert exc.value.code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    c = Comparison.model_validate(data)
    assert c.requirements and c.score.components


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_cli_comparison_reports(tmp_path: Path, fmt: str) -> None:
    from gapfinder.cli import main

    out = tmp_path / "c.out"
    with pytest.raises(SystemExit) as exc:
        resume, job = EXAMPLES / "resumes" / "senior_ml_engineer.txt", EXAMPLES / "jobs" / "senior_ml_engineer_jd.txt"
        main([str(resume), "--job", str(job), "--format", fmt, "-o", str(out)])
    assert exc.value.code == 0
    text = out.read_text(encoding="utf-8")
    assert "Match score" in text and "Requirements" in text and "claimed" in text


# ------------------------------------------------------------------ level fit across tracks
MANAGER_JD = """ML Engineering Manager
Requirements
- 5+ years of experience building ML systems, 2+ years managing engineers
- Python, PyTorch, Kubernetes
- Experience hiring and mentoring a team of 6-10 engineers
"""


def test_a_job_on_the_other_track_is_flagged(engine: Engine) -> None:
    from gapfinder.render import render

    staff = (EXAMPLES / "resumes" / "staff_ml_engineer.txt").read_text(encoding="utf-8")
    c = compare_texts(engine, staff, MANAGER_JD)
    assert (c.level.candidate_track, c.level.job_track) == ("ic", "management")
    assert c.level.track_change
    level_component = next(x for x in c.score.components if x.name == "level_fit")
    assert "another track" in level_component.detail
    assert "a move to the management track" in render(c, "plain")
    assert "not by readiness for that track" in render(c, "html")
    same_track = compare_texts(engine, RESUME, "Machine Learning Engineer\nRequirements\n- 3+ years of Python\n")
    assert same_track.level.verdict != "unknown" and not same_track.level.track_change
