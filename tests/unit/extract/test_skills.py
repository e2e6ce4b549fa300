"""A job post's text about the employer, its offer and the application names context, not skills of the role."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.models import DocumentKind, Report, SkillFinding


def ids(findings: tuple[SkillFinding, ...]) -> set[str]:
    return {f.id for f in findings}


def analyse(engine: Engine, text: str, kind: DocumentKind = "job") -> Report:
    return engine.analyze_text(text, kind=kind)


@pytest.mark.parametrize(
    ("text", "context", "skills"),
    [
        # benefits, company and application text
        (
            "Requirements\n- Python\n\nBenefits\n- Mentoring program and free English classes\n",
            {"mentoring"},
            {"python"},
        ),
        (
            "About us\nOur analysts live in Snowflake and Tableau.\n\nRequirements\n- SQL\n",
            {"snowflake", "tableau"},
            {"sql"},
        ),
        ("Requirements\n- Go\n\nHow to apply\nShow us a project you built with Docker.\n", {"docker"}, set()),
        # a sentence that states what the employer offers, wherever it stands
        (
            "Requirements\n- Python\nWe encourage professional growth and career development and offer competitive "
            "benefits.\n",
            {"talent-development"},
            {"python"},
        ),
        # a sentence under a context heading that asks something of the candidate is a requirement
        ("About us\nMust have experience developing Java based services.\n", set(), {"java"}),
        ("Benefits\nYou are familiar with Docker as well as with Kubernetes.\n", set(), {"docker", "kubernetes"}),
    ],
)
def test_context_and_skills(engine: Engine, text: str, context: set[str], skills: set[str]) -> None:
    report = analyse(engine, text)
    assert context <= ids(report.context_skills)
    assert skills <= ids(report.skills)
    assert not context & ids(report.skills)
    for f in report.context_skills:
        for m in f.mentions:
            assert report.text[m.start : m.end] == m.text


def test_context_skills_are_not_requirements(engine: Engine) -> None:
    report = analyse(engine, "Requirements\n- PyTorch\n\nAbout us\nWe build on AWS.\n")
    assert report.requirements is not None
    assert "aws" not in report.requirements.required_skills
    assert "aws" in ids(report.context_skills)


def test_resumes_have_no_context(engine: Engine) -> None:
    report = analyse(engine, "Jane Doe\n\nExperience\nAcme, 2020 - 2023\nWe offer great benefits with AWS.\n", "resume")
    assert report.context_skills == ()
    assert "aws" in ids(report.skills)
