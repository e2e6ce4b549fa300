"""Evidence levels of a match: met only with direct evidence; claimed, implied, partial and missing below it.

A tailoring service writes whatever is ``met`` into a resume as a claim, so ``met`` must mean the resume shows
it (docs/evidence.md). Also: an off-ladder resume gets no level-fit points, and the years and level hints.
"""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.comparison import STATUSES
from gapfinder.comparison.score import CREDIT
from gapfinder.models import DocumentWarning
from helpers import FIXTURES, ROOT, compare_texts, requirement_status

OFF_LADDER = FIXTURES / "off_ladder"

CERT_RESUME = """Alex Kim
Machine Learning Engineer

Experience
Machine Learning Engineer, Contoso, Jan 2020 - Present
- Built PyTorch models with NumPy for retail analytics.
- Managed a team of 4 engineers and hired two of them.

Education
M.S. in Computer Science, State University, 2019
Coursework: Bayesian statistics, reinforcement learning

Certifications
TensorFlow Developer Certificate
Certified Kubernetes Administrator (CKA)

Skills
Python, SQL, Docker
"""


@pytest.mark.parametrize(
    ("requirement", "skill", "status", "via", "implied_by"),
    [
        # a certificate's syllabus is not evidence: the issue's "Time series analysis: met, implied by
        # TensorFlow Developer Certificate" must not happen
        ("Time series analysis.", "time-series", "implied", "implied", "tensorflow-developer"),
        ("TensorFlow.", "tensorflow", "implied", "implied", "tensorflow-developer"),
        # implied by another skill shown at work: still not named, still not met
        ("Deep learning.", "deep-learning", "implied", "implied", "pytorch"),
        ("PyTorch.", "pytorch", "met", "direct", None),  # named in a position
        ("SQL.", "sql", "claimed", "direct", None),  # a skills-list entry
        ("Reinforcement learning.", "reinforcement-learning", "claimed", "direct", None),  # coursework
        ("Kubernetes.", "kubernetes", "implied", "implied", "cka"),  # inside the certification's name only
        ("People management.", "people-management", "met", "signal", None),  # "Managed a team of 4"
    ],
)
def test_evidence_levels(
    engine: Engine, requirement: str, skill: str, status: str, via: str, implied_by: str | None
) -> None:
    c = compare_texts(engine, CERT_RESUME, f"Requirements\n- {requirement}\n")
    s = requirement_status(c, skill)
    assert (s.status, s.via, s.implied_by) == (status, via, implied_by), s.detail
    for e in s.resume_evidence:
        assert c.resume.text[e.start : e.end] == e.text


def test_a_certificate_only_skill_states_its_basis_and_gets_a_confirm_hint(engine: Engine) -> None:
    c = compare_texts(engine, CERT_RESUME, "Requirements\n- Time series analysis.\n")
    s = requirement_status(c, "time-series")
    assert "TensorFlow Developer Certificate" in s.detail and "not named" in s.detail
    assert s.resume_evidence and s.resume_evidence[0].section == "certifications"
    hints = [h for h in c.hints if h.requirement == s.requirement.id]
    assert [h.kind for h in hints] == ["confirm"]
    assert "not evidence" in hints[0].message and "TensorFlow Developer Certificate" in hints[0].message
    assert hints[0].resume_evidence  # points at the certificate


def test_implied_scores_below_met_and_claimed(engine: Engine) -> None:
    assert CREDIT["met"] > CREDIT["claimed"] > CREDIT["implied"] > CREDIT["missing"]
    met = compare_texts(engine, CERT_RESUME, "Requirements\n- PyTorch.\n").score.total
    implied = compare_texts(engine, CERT_RESUME, "Requirements\n- Time series analysis.\n").score.total
    assert implied < met


def test_every_status_is_in_the_one_table() -> None:
    table = (ROOT / "docs" / "evidence.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(STATUSES)
    assert set(CREDIT) == set(STATUSES)


def test_counts_cover_every_status(engine: Engine) -> None:
    c = compare_texts(engine, CERT_RESUME, "Requirements\n- Time series analysis.\n- PyTorch.\n- Terraform.\n")
    assert list(c.counts) == list(STATUSES)
    assert sum(c.counts.values()) == len(c.requirements)


# ------------------------------------------------------------------ off the ladder
ML_POST = (ROOT / "examples" / "jobs" / "ml_engineer_alternatives_jd.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["nurse", "teacher", "chef"])
def test_an_off_ladder_resume_scores_low_with_no_level_fit(engine: Engine, name: str) -> None:
    resume = engine.analyze(OFF_LADDER / f"{name}.txt")
    assert "off_ladder" in [w.code for w in resume.warnings]  # placement flags another profession
    for post in sorted((ROOT / "examples" / "jobs").glob("*.txt")):
        c = engine.compare(resume, engine.analyze(post, kind="job"))
        fit = next(x for x in c.score.components if x.name == "level_fit")
        assert fit.applies and fit.points == 0  # its weight is not shared out to the other components
        assert c.level.verdict == "off_ladder" and c.level.steps is None and not c.level.next_level_adds
        assert c.score.total < 20, (post.name, c.score.total)
        years = [s for s in c.requirements if s.requirement.kind == "years"]
        assert all(s.status == "missing" and "another profession" in s.detail for s in years)
        assert any(h.kind == "level" and "career change" in h.message for h in c.hints)


def test_the_off_ladder_warning_alone_decides(engine: Engine) -> None:
    # an ML resume given the warning loses its level fit; the comparison reads the warning, not the profession
    resume = engine.analyze(ROOT / "examples" / "resumes" / "mid_ml_engineer.md")
    warning = DocumentWarning(code="off_ladder", message="not on the ml-engineer ladder")
    flagged = resume.model_copy(update={"warnings": (*resume.warnings, warning)})
    c = engine.compare(flagged, engine.analyze_text(ML_POST, kind="job"))
    assert c.level.verdict == "off_ladder"
    assert next(x for x in c.score.components if x.name == "level_fit").points == 0


def test_an_on_ladder_resume_keeps_its_level_fit(engine: Engine) -> None:
    resume = engine.analyze(ROOT / "examples" / "resumes" / "mid_ml_engineer.md")
    c = engine.compare(resume, engine.analyze_text(ML_POST, kind="job"))
    fit = next(x for x in c.score.components if x.name == "level_fit")
    assert c.level.verdict != "off_ladder" and fit.points > 0


# ------------------------------------------------------------------ years and level hints
def test_years_hints(engine: Engine) -> None:
    job = "Senior ML Engineer\nRequirements\n- 10+ years of experience.\n- 8+ years of PyTorch.\n"
    c = compare_texts(engine, CERT_RESUME, job)
    years = {h.requirement: h for h in c.hints if h.kind == "years"}
    total = next(s for s in c.requirements if s.requirement.kind == "years")
    pytorch = requirement_status(c, "pytorch")
    assert total.status == "partial" and pytorch.status == "partial"
    assert "10+ years" in years[total.requirement.id].message and "dates" in years[total.requirement.id].message
    assert "PyTorch" in years[pytorch.requirement.id].message


def test_level_hints(engine: Engine) -> None:
    junior = engine.analyze(ROOT / "examples" / "resumes" / "junior_ml_engineer.txt")
    senior_post = engine.analyze(ROOT / "examples" / "jobs" / "senior_ml_engineer_jd.txt", kind="job")
    c = engine.compare(junior, senior_post)
    assert c.level.verdict == "under"
    (hint,) = [h for h in c.hints if h.kind == "level"]
    assert hint.requirement == "level" and "above where the resume places" in hint.message
    staff = engine.analyze(ROOT / "examples" / "resumes" / "staff_ml_engineer.txt")
    junior_post = engine.analyze(ROOT / "examples" / "jobs" / "junior_ml_engineer_jd.txt", kind="job")
    (hint,) = [h for h in engine.compare(staff, junior_post).hints if h.kind == "level"]
    assert "below where the resume places" in hint.message
    # a post with no title, years or skills that place it gives no level hint (its level is a default)
    bare = compare_texts(engine, CERT_RESUME, "Requirements\n- Terraform.\n")
    assert not [h for h in bare.hints if h.kind == "level"]
