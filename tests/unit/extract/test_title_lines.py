"""Titles, headlines and employers name a role or a place of work: a skill named there counts only when the
document names it nowhere else; a resume's title mentions still date the skill's years."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.extract.title_lines import title_spans
from gapfinder.models import DocumentKind
from gapfinder.text.context import AnalysisContext
from gapfinder.text.normalize import normalize
from gapfinder.text.sections import detect_sections


def spans(text: str, kind: DocumentKind = "job") -> list[str]:
    norm = normalize(text)
    ctx = AnalysisContext(norm=norm, sections=detect_sections(norm.text, kind), kind=kind, today=(2026, 11))
    return [norm.text[a:b] for a, b in title_spans(ctx)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senior Java Developer\nWe build payments.\n", ["Senior Java Developer"]),
        # a first line flattened with the rest of the header: the title runs to the first separator
        (
            "Senior Python Developer ( m/f/d ) <ORGANIZATION> Date posted: 2021 We are hiring a team.",
            ["Senior Python Developer ( m/f/d )"],
        ),
        # a "Role:" field, on its line or flattened among other fields
        ("Data role\nRole:\nQA/Test Developer\nIndustry:\nBanking\n", ["Data role", "QA/Test Developer"]),
        (
            "DevOps role\nJob type: Full-time Role: DevOps Engineer Technologies python docker",
            ["DevOps role", "DevOps Engineer"],
        ),
        # "About the Role:" heads prose
        ("Our jobs\nAbout the Role: This role will be responsible for testing.\n", ["Our jobs"]),
        # the title again at the start of a later line
        (
            "Senior Python Developer\nText.\nSenior Python Developer with a Kubernetes focus\n",
            ["Senior Python Developer", "Senior Python Developer"],
        ),
    ],
)
def test_job_title_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_resume_headline_spans() -> None:
    found = spans("Jane Doe\nJava Developer - Infosys Limited\njane@example.com\nEXPERIENCE\n", "resume")
    assert found == ["Java Developer - Infosys Limited"]
    # a summary sentence is no headline
    assert spans("Jane Doe\nSoftware Engineer with 6 years of experience in Java\nEXPERIENCE\n", "resume") == []


def ids_mentions(engine: Engine, text: str, kind: DocumentKind) -> dict[str, list[str]]:
    report = engine.analyze_text(text, kind=kind)
    return {s.id: [m.text for m in s.mentions] for s in report.skills}


def test_job_role_field_names_the_role(engine: Engine) -> None:
    text = "Backend role\nRole:\nQA/Test Developer\nTechnologies\nscrum qa linux\nJob description\nWe test.\n"
    found = ids_mentions(engine, text, "job")
    assert found["quality-assurance"] == ["qa"]  # the tag, not the role's name


RESUME = """Jane Doe
SKILLS
Python, ABAP
EXPERIENCE
SAP ABAP Developer
Acme Corp - Pune
March 2015 to April 2018

Python Developer
Beta Ltd - Pune
May 2018 to May 2020
"""


def test_resume_position_titles_are_no_mentions_but_date_years(engine: Engine) -> None:
    report = engine.analyze_text(RESUME, kind="resume")
    skills = {s.id: s for s in report.skills}
    # Python and ABAP are named in the skills section: the titles name the roles
    assert [m.text for m in skills["python"].mentions] == ["Python"]
    assert [m.text for m in skills["abap"].mentions] == ["ABAP"]
    # the titles still date them: two years of Python, three of ABAP
    assert skills["python"].years == 2.0
    assert skills["abap"].years is not None and skills["abap"].years >= 3.0
