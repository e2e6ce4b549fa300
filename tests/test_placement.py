"""Title seniority and placement votes on the packaged ML-engineer ladder."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.ladder.placement import years_level
from gapfinder.ladder.titles import TitleClassifier
from gapfinder.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def titles(tax: Taxonomy) -> TitleClassifier:
    return TitleClassifier(tax.ladders["ml-engineer"])


@pytest.mark.parametrize(
    ("title", "level", "how"),
    [
        ("Junior Machine Learning Engineer", "junior", True),
        ("Machine Learning Intern", "junior", True),
        ("Associate Software Engineer", "junior", True),
        ("Werkstudent Data Science", "junior", True),
        ("Software Engineer II", "mid", True),
        ("Machine Learning Engineer", "mid", False),
        ("Buchhalterin", "mid", False),  # any title without a seniority word
        ("Sr. Data Scientist", "senior", True),
        ("Senior Project Manager", "senior", True),  # project managers are individual contributors
        ("Staff Machine Learning Engineer", "staff", True),
        ("Tech Lead, Search", "staff", True),
        ("Principal Applied Scientist", "principal", True),
        ("Chief Scientist", "principal", True),
        ("ML Engineering Manager", "manager", True),
        ("Head of Data", "manager", "scope"),  # the track; the scope that comes with it names the rung
        ("Purchasing Manager", "manager", "reports"),  # a function: a management rung only with reports
        ("Quality Manager", "manager", "reports"),
        ("Senior Manager", "senior", True),  # a rank: it keeps its seniority
        ("Nurse Manager", "manager", True),
        ("Store Manager", "manager", True),
        ("Team Leader", "manager", True),
        ("Project Leader", "staff", True),  # "leader" reads as lead
        ("Clinical Nurse III", "senior", True),  # a grade in roman numerals after any role
        ("Cook II", "mid", True),
        ("Principal", "director", True),  # a bare principal heads a school or is a firm's rank
        ("Principal, Lincoln Elementary School", "director", True),
        ("Partner", "director", True),
        ("HR Business Partner", "mid", False),
        ("Executive Chef", "manager", True),
        ("Teamleiter Softwareentwicklung", "manager", True),
        ("Abteilungsleiter Vertrieb", "manager", True),
        ("Account Manager", "mid", False),
        ("Produktmanager Optik", "mid", False),
        ("Director of Machine Learning", "director", True),
        ("Vertriebsdirektor", "director", True),
        ("Associate Director, Analytics", "director", True),  # not junior
        ("VP of AI", "vp", True),
        ("Chief Executive Officer", "vp", True),
        ("Co-Founder & CTO", "vp", True),
        ("Geschäftsführer", "vp", True),
        ("Unternehmensinhaber", "vp", True),
        ("Managing Director", "vp", True),
    ],
)
def test_title_levels(titles: TitleClassifier, title: str, level: str, how: bool | str) -> None:
    got = titles.classify(title)
    assert got is not None
    kind = "scope" if got.scoped else "reports" if got.with_reports else got.marked
    assert (got.level, kind) == (level, how)


@pytest.mark.parametrize("title", [None, "", "  ", "49504"])
def test_no_title(titles: TitleClassifier, title: str | None) -> None:
    assert titles.classify(title) is None


@pytest.mark.parametrize(
    ("years", "level"),
    [(0.0, "junior"), (1.9, "junior"), (2.0, "mid"), (4.9, "mid"), (5.0, "senior"), (9.0, "senior"), (30.0, "senior")],
)
def test_years_never_vote_above_senior(tax: Taxonomy, years: float, level: str) -> None:
    assert years_level(tax.ladders["ml-engineer"], years) == level


PLACEMENT_CASES = [
    # text, level (a path id on the alternative track), track, seniority
    ("EXPERIENCE\n\nSenior Data Scientist\nAcme\nJan 2018 - Present\n", "data-scientist", "alternative", "senior"),
    ("EXPERIENCE\n\nMachine Learning Engineer\nAcme\n2015 - Present\n", "mid", "ic", "mid"),  # tenure alone
    (
        "EXPERIENCE\n\nEngineering Manager, ML\nAcme\nJan 2019 - Present\n"
        "• Managed a team of 8 engineers; hiring and performance reviews\n",
        "manager",
        "management",
        "manager",
    ),
    ("EXPERIENCE\n\nJunior ML Engineer | Acme | 03/2025 - Present\n", "junior", "ic", "junior"),
    ("EXPERIENCE\n\nBuchhalterin\n", "mid", "ic", "mid"),  # undated: the title under the heading still counts
]


@pytest.mark.parametrize(("text", "level", "track", "seniority"), PLACEMENT_CASES)
def test_placement(engine: Engine, text: str, level: str, track: str, seniority: str) -> None:
    placement = engine.analyze_text(text).placement
    assert placement is not None
    assert (placement.level, placement.track, placement.seniority) == (level, track, seniority)
    assert 0.0 < placement.confidence <= 1.0
    assert abs(sum(placement.scores.values()) - 1.0) < 0.01


@pytest.mark.parametrize(
    ("text", "title", "level"),
    [
        (
            "About us\nWe build payments software.\n\nWe are seeking an experienced Sr. Data Scientist to lead "
            "forecasting.\nRequirements\n- 5+ years of experience with Python\n",
            "Sr. Data Scientist",
            "data-scientist",
        ),
        (
            "Title: Staff Machine Learning Engineer\nRequirements\n- Python\n",
            "Staff Machine Learning Engineer",
            "staff",
        ),
        ("Junior Data Analyst\n\nRequirements\n- SQL, Excel\n", "Junior Data Analyst", "junior"),
    ],
)
def test_job_title_and_level(engine: Engine, text: str, title: str, level: str) -> None:
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None and report.placement is not None
    assert report.requirements.title == title
    assert report.placement.level == level


@pytest.mark.parametrize(
    "title",
    ["Principal Machine Learning Engineer", "Staff ML Engineer", "VP of AI", "Machine Learning Engineer"],
)
def test_a_ladder_without_some_levels_places_on_the_levels_it_has(mini_engine: Engine, title: str) -> None:
    # the mini ladder has junior, senior and manager only: a staff/principal/VP/mid title must not crash
    report = mini_engine.analyze_text(f"Jane Doe\n{title}\n\nExperience\n{title}, Acme   2015 - Present\n- Python\n")
    assert report.placement is not None
    assert report.placement.level in {"junior", "senior", "manager"}
