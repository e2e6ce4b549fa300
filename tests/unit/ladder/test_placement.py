"""Title seniority and placement votes on the packaged ML-engineer ladder."""

from __future__ import annotations

from typing import Literal

import pytest

from gapfinder import Engine
from gapfinder.ladder.placement import years_level
from gapfinder.ladder.titles import TitleClassifier
from gapfinder.models import DocumentKind, Placement, Report
from gapfinder.taxonomy import Taxonomy, load_taxonomy
from helpers.cases import Case, load_cases, params


class TitleCase(Case):
    title: str
    level: str
    how: Literal["scope", "reports"] | bool


TITLE_LEVELS = load_cases("title_levels", TitleCase)


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def titles(tax: Taxonomy) -> TitleClassifier:
    return TitleClassifier(tax.ladders["ml-engineer"])


@pytest.mark.parametrize("case", params(TITLE_LEVELS, "title"))
def test_title_levels(titles: TitleClassifier, case: TitleCase) -> None:
    got = titles.classify(case.title)
    assert got is not None
    kind = "scope" if got.scoped else "reports" if got.with_reports else got.marked
    assert (got.level, kind) == (case.level, case.how)


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


# ==============================================================================================================
# Placement across the whole career map: alternative paths, management scope, who the ladder does not fit,
# titles outside software, job posts' stated years, and what would change a placement.
def _resume(title: str, bullets: str = "", since: str = "2015", skills: str = "") -> str:
    text = f"Alex Doe\n{title}\n\nEXPERIENCE\n\n{title}, Northwind   {since} - Present\n{bullets}\n"
    return text + (f"\nSKILLS\n{skills}\n" if skills else "")


def _placement(engine: Engine, text: str, kind: DocumentKind = "resume") -> Placement:
    report = engine.analyze_text(text, kind=kind)
    assert report.placement is not None
    return report.placement


ML = "Python, PyTorch, scikit-learn, MLflow, Docker, Kubernetes, NLP, deep learning, feature engineering"

PATHS = [
    # title, bullets/skills, path
    ("Data Scientist", "Python, SQL, statistics, A/B testing, Tableau, scikit-learn", "data-scientist"),
    ("Senior Data Engineer", "Spark, Airflow, Kafka, dbt, Snowflake, SQL, Python", "data-engineer"),
    (
        "Research Scientist, Machine Learning",
        "PyTorch, JAX, deep learning; NeurIPS and ICML papers",
        "research-scientist",
    ),
    ("MLOps Engineer", "Kubeflow, MLflow, model serving, model monitoring, Terraform, Kubernetes", "mlops-engineer"),
    ("ML Platform Engineer", "Kubernetes, Triton, model serving, CI/CD, Terraform", "mlops-engineer"),
    ("Product Manager, AI", "product strategy, roadmap, machine learning, stakeholder management", "technical-pm"),
    ("AI Consultant", "advised clients on ML strategy; machine learning, deep learning, LLMs", "ai-consultant"),
]


@pytest.mark.parametrize(("title", "skills", "path"), PATHS)
def test_alternative_paths_are_placements(engine: Engine, title: str, skills: str, path: str) -> None:
    report = engine.analyze_text(_resume(title, skills=skills, since="2019"))
    pl = report.placement
    assert pl is not None and (pl.track, pl.level, pl.fit) == ("alternative", path, "fits")
    assert pl.seniority in {"junior", "mid", "senior", "staff", "principal"}  # the rung of the same seniority
    assert any(e.factor == "path" and e.level == path for e in pl.evidence)
    # the gap is the move into the main ladder the path describes (its steps_into), at about that seniority
    assert report.gap is not None and report.gap.basis == "transition" and report.gap.target_kind == "level"
    assert pl.next is not None and pl.next.level == report.gap.target
    # and the other fits are ranked, the placed path not among them
    assert pl.fits and pl.level not in [s.level for s in pl.fits if s.level != path][:0]
    assert [s.score for s in pl.fits] == sorted((s.score for s in pl.fits), reverse=True)


@pytest.mark.parametrize(
    ("title", "skills"),
    [
        ("SAP Consultant", "SAP FI/CO, ABAP"),  # a consultant, but not of AI
        ("Clinical Research Associate", "GCP, clinical trials, Medidata"),  # a research associate, not of ML
        ("Product Manager", "e-commerce checkout, A/B tests, Jira"),  # a product manager, not of AI products
    ],
)
def test_a_path_word_alone_is_not_the_path(engine: Engine, title: str, skills: str) -> None:
    assert _placement(engine, _resume(title, skills=skills)).track != "alternative"


HEAD_OF_ML = _resume(
    "Head of Machine Learning",
    "- Lead 4 managers and, through them, 38 ML engineers and data scientists in 4 teams\n"
    "- Own the $7.5M budget for compute and hiring; set the ML roadmap and strategy for the business unit\n",
    since="2018",
    skills=ML,
)


def test_a_head_of_ml_is_read_by_the_scope_that_comes_with_the_title(engine: Engine) -> None:
    pl = _placement(engine, HEAD_OF_ML)
    assert (pl.track, pl.level) == ("management", "director")
    assert any(e.factor == "title" and e.level == "director" for e in pl.evidence)


def test_a_head_of_a_single_team_stays_manager(engine: Engine) -> None:
    text = _resume("Head of Data", "- Managed a team of 6 analysts; hiring and performance reviews\n", skills=ML)
    assert _placement(engine, text).level == "manager"


@pytest.mark.parametrize(
    "bullets",
    [
        "- Mentored three junior engineers and onboarded interns\n",  # mentoring is not managing
        "- Hired 4 engineers and ran interviews for the team\n",  # hiring is not a reporting line
        "- Worked in a team of 8 engineers on the ranking models\n",  # a team one is part of
    ],
)
def test_people_managed_come_from_reporting_lines(engine: Engine, bullets: str) -> None:
    pl = _placement(engine, _resume("Senior Machine Learning Engineer", bullets, skills=ML))
    assert pl.track == "ic"
    assert not any(e.factor == "leadership" and e.level in {"manager", "director", "vp"} for e in pl.evidence)


@pytest.mark.parametrize(
    ("title", "bullets", "seniority", "track"),
    [
        ("Purchasing Manager", "", "mid", "ic"),  # a function: no evidence of reports
        ("Purchasing Manager", "- Led a team of 5 buyers; hiring and performance reviews\n", "manager", "management"),
        ("Senior Manager", "", "senior", "ic"),  # a rank keeps its seniority
        ("Staff Nurse", "", "mid", "ic"),
        ("Charge Nurse III", "", "senior", "ic"),
        ("Nurse Manager", "- Managed 40 nurses across two units\n", "manager", "management"),
        ("Executive Chef", "- Lead a brigade of 20 cooks\n", "manager", "management"),
        ("Director of Theater", "", "director", "management"),
        ("Lead Cook (Cook III)", "", "staff", "ic"),
    ],
)
def test_titles_in_general_careers(engine: Engine, title: str, bullets: str, seniority: str, track: str) -> None:
    report = engine.analyze_text(_resume(title, bullets))
    pl = report.placement
    assert pl is not None and (pl.seniority, pl.track) == (seniority, track)
    # none of these people is an ML engineer: the seniority is all the ladder can say
    assert pl.fit == "off_ladder" and "off_ladder" in {w.code for w in report.warnings}
    assert pl.salary is None and not pl.responsibilities
    assert "outside the Machine Learning Engineer ladder" in pl.level_name
    assert "Machine Learning" not in pl.level_name.split("(")[0]


OFF = [
    _resume(
        "Registered Nurse",
        "- Patient assessment, medication administration, care plans\n- Charted in Epic; trained new nurses\n",
        skills="Epic, Microsoft Office, BLS, ACLS",
    ),
    _resume("Staff Accountant", "- Month-end close, reconciliations, accruals\n", skills="Excel, QuickBooks, SAP"),
    _resume("Kindergarten Teacher", "- Lesson plans, classroom management, parent conferences\n", since="2023"),
]


@pytest.mark.parametrize("text", OFF)
def test_off_ladder_resumes_are_said_so(engine: Engine, text: str) -> None:
    report = engine.analyze_text(text)
    pl = report.placement
    assert pl is not None and pl.fit == "off_ladder"
    warning = next(w for w in report.warnings if w.code == "off_ladder")
    assert "seniority" in warning.message and text[:40] not in warning.message
    # the gap is what a move into the field takes: from the entry rung, never this person's band
    assert report.gap is not None and (report.gap.basis, report.gap.target) == ("transition", "junior")
    assert pl.salary is None


@pytest.mark.parametrize(
    ("title", "skills"),
    [
        ("Senior Software Engineer", "Java, Spring Boot, PostgreSQL, Kafka, Docker, AWS"),
        ("QA Engineer", "Selenium, TestNG, Java, Jenkins"),
        ("BI Analyst", "SQL, Tableau, Power BI, Excel"),
    ],
)
def test_software_and_data_people_are_adjacent_not_off_the_ladder(engine: Engine, title: str, skills: str) -> None:
    report = engine.analyze_text(_resume(title, skills=skills))
    pl = report.placement
    assert pl is not None and pl.fit == "adjacent"
    assert "off_ladder" not in {w.code for w in report.warnings}
    assert report.gap is not None and report.gap.basis == "transition"
    assert pl.salary is None  # an ML band is not theirs either


@pytest.mark.parametrize(
    ("title", "skills"),
    [
        ("Machine Learning Engineer", ML),
        ("Senior Data Scientist", "Python, scikit-learn, XGBoost, statistics, causal inference"),
        ("Principal Engineer", "PyTorch, distributed training, LLMs, RAG, model serving, Kubernetes"),
    ],
)
def test_ml_resumes_fit(engine: Engine, title: str, skills: str) -> None:
    report = engine.analyze_text(_resume(title, skills=skills))
    assert report.placement is not None and report.placement.fit == "fits"
    assert "off_ladder" not in {w.code for w in report.warnings}


def _job(title: str, years: str) -> str:
    return (
        f"{title}\n\nAbout the role\nYou will build and ship ML models.\n\nRequirements\n"
        f"- {years} of experience in machine learning\n- Python, PyTorch, SQL, Docker\n"
    )


@pytest.mark.parametrize(
    ("title", "years", "level"),
    [
        ("Machine Learning Engineer", "0-2 years", "junior"),
        ("Machine Learning Engineer", "2+ years", "mid"),
        ("Machine Learning Engineer", "5+ years", "senior"),
        ("Senior Machine Learning Engineer", "3+ years", "senior"),  # a seniority word outweighs the years
        ("Staff Machine Learning Engineer", "8+ years", "staff"),
    ],
)
def test_job_posts_weigh_stated_years_against_a_bare_title(engine: Engine, title: str, years: str, level: str) -> None:
    assert _placement(engine, _job(title, years), kind="job").level == level


def test_a_placement_says_what_would_change_it(engine: Engine) -> None:
    manager = _resume(
        "Engineering Manager, ML",
        "- Managed a team of 8 ML engineers; hiring and performance reviews\n",
        since="2016",
        skills=ML,
    )
    report: Report = engine.analyze_text(manager)
    pl = report.placement
    assert pl is not None and pl.level == "manager" and pl.next is not None
    assert pl.next.level == "director"
    assert pl.next.missing[0].startswith("Oversees multiple ML teams")  # the strongest missing signal
    assert pl.salary is not None and pl.responsibilities  # the current rung's band and work beside the target's
    assert report.gap is not None and report.gap.salary is not None and report.gap.responsibilities


@pytest.mark.parametrize("title", ["Web Master", "Webmaster", "Scrum Master"])
def test_a_master_role_is_a_position_not_a_degree(engine: Engine, title: str) -> None:
    report = engine.analyze_text(f"EXPERIENCE\n{title}, Acme Corp   2015 - 2018\n- ran the site\n")
    assert [p.title for p in report.experience.positions] == [title]
    assert not any(e.degree == "master" for e in report.education)


def test_a_leadership_vote_quotes_the_document_before_the_ladder() -> None:
    """The leadership factor's detail starts with the document's own words, so the rung's wording ("Sets
    technical direction ...") never reads as something the person wrote."""
    import datetime as dt

    from gapfinder.engine import Engine

    text = (
        "Jane Roe\n\nExperience\nSenior Software Engineer, Acme, Austin, TX (2016 - present)\n"
        "- Led the migration of the billing service to Go.\n"
    )
    report = Engine(today=dt.date(2026, 12, 1)).analyze_text(text)
    assert report.placement is not None
    lead = [e for e in report.placement.evidence if e.factor == "leadership"]
    assert lead, "the resume's leadership statement votes"
    quoted = lead[0].detail.split(" answers: ")[0]
    assert quoted == "'Led the migration' (technical leadership)"
    assert quoted.split("'")[1] in report.text
