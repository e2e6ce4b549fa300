"""Degrees read right: the type (an MD is not a PhD), in progress vs held, the year of the degree's own entry,
and requirement checks that look at the field of study."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.ladder.degree_check import held_degrees, meeting_degree
from gapfinder.models import EducationFinding, Mention


def _education(engine: Engine, lines: str) -> list[tuple[str, str | None, int | None, bool, str | None]]:
    report = engine.analyze_text(f"Jane Roe\n\nEDUCATION\n{lines}\n\nEXPERIENCE\nData Engineer, Acme\n2017 - 2019\n")
    return [(e.degree, e.field, e.year, e.in_progress, e.doctorate) for e in report.education]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the type: a professional doctorate ranks with master's degrees and is never a PhD
        ("Medical Doctorate, Johns Hopkins University, 2012", [("master", None, 2012, False, "professional")]),
        ("MD, Harvard Medical School (2010)", [("master", None, 2010, False, "professional")]),
        ("Juris Doctor, Lakeside Law School, 2015", [("master", "law", 2015, False, "professional")]),
        ("PharmD, State University, 2018", [("master", None, 2018, False, "professional")]),
        ("PhD in Statistics, Riverbend University, 2019", [("phd", "statistics", 2019, False, "research")]),
        # in progress: an open range, an end to come, a cue word
        (
            "Master of Science in Computer Science, Lakeside University\n2023 – Present",
            [("master", "computer-science", None, True, None)],
        ),
        ("MS in Statistics, Riverbend University, expected May 2027", [("master", "statistics", 2027, True, None)]),
        # an old resume's "expected" year that has passed: most likely completed
        ("MS in Statistics, Riverbend University, expected May 2012", [("master", "statistics", 2012, False, None)]),
        (
            "Ph.D. candidate in Computer Science, Riverbend University",
            [("phd", "computer-science", None, True, "research")],
        ),
        ("B.S. in Biology, State University, 2008 - 2012", [("bachelor", "biology", 2012, False, None)]),
        # the year comes from the degree's own line, never from the next section
        ("M.Sc. 2016", [("master", None, 2016, False, None)]),
        ("M.Sc. Physics", [("master", "physics", None, False, None)]),
    ],
)
def test_degree_entries(engine: Engine, lines: str, expected: list[tuple[object, ...]]) -> None:
    assert _education(engine, lines) == expected


def test_managing_director_is_no_doctor(engine: Engine) -> None:
    report = engine.analyze_text("EXPERIENCE\nMD & CEO, Acme Holdings\n2015 - 2020\n• Led the board.\n")
    assert report.education == ()


def _finding(degree: str, field: str | None, *, in_progress: bool = False) -> EducationFinding:
    mention = Mention(start=0, end=2, text="MS", section="education", match="alias", alias="MS")
    return EducationFinding(degree=degree, field=field, in_progress=in_progress, mentions=(mention,))


def test_meeting_degree_needs_a_held_degree_in_a_named_field(engine: Engine) -> None:
    rank = engine.taxonomy.degree_rank
    education = [_finding("master", "education"), _finding("phd", "machine-learning", in_progress=True)]
    assert held_degrees(education) == [education[0]]
    assert meeting_degree(education, "master", rank, ("machine-learning", "statistics")) is None
    assert meeting_degree(education, "master", rank) is education[0]
    assert meeting_degree([_finding("master", "statistics")], "bachelor", rank, ("statistics",)) is not None
    assert meeting_degree([_finding("master", None)], "phd", rank) is None


ML_POST = (
    "Machine Learning Engineer\n\nRequirements\n"
    "- Master's degree in Machine Learning, Statistics or Computer Science\n- 3+ years of Python\n"
)


@pytest.mark.parametrize(
    ("education", "status", "met"),
    [
        ("Master in Education, Lakeside University, 2015", "partial", False),
        ("MS in Statistics, Lakeside University, 2015", "met", True),
        ("MS in Statistics, Lakeside University\n2024 – Present", "partial", False),
        ("Bachelor of Science in Statistics, Lakeside University, 2012", "missing", False),
    ],
)
def test_degree_requirement_checks_the_field_and_holding(
    engine: Engine, education: str, status: str, met: bool
) -> None:
    resume = f"Jane Roe\n\nEDUCATION\n{education}\n\nEXPERIENCE\nData Scientist, Acme\n2015 - 2022\n• Python models.\n"
    job = engine.analyze_text(ML_POST, kind="job")
    comparison = engine.compare(engine.analyze_text(resume), job)
    (degree,) = [r for r in comparison.requirements if r.requirement.kind == "degree"]
    assert degree.status == status, degree.detail
    gap = engine.analyze_text(resume, job=job).gap
    assert gap is not None and gap.degree_met is met
