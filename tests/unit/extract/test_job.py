"""Reading a job post's requirements: every bullet asks, lists keep every item, only requirement text asks.

The probe post of issue 14 first, then one table per rule.
"""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.extract.job_clauses import clause_kind
from gapfinder.models import JobRequirement
from helpers import job_items

PROBE = """Machine Learning Engineer
Northwind Health
Remote, US

Northwind Health is an artificial intelligence company transforming healthcare with cutting edge ML. We are
growing fast and looking for engineers who love shipping.

What you'll do
- Build and deploy models for demand forecasting.
- Work with product and field engineering to ship features.

Requirements
- 3+ years of experience building machine learning systems.
- Strong Python,(PyTorch, NumPy) and SQL
- Experience with Snowflake.
- TensorFlow experience also welcome.

Benefits
- Medical, dental and vision insurance; 401(k) matching.
- A learning budget for AWS certifications and Kubernetes courses.
"""


def _groups(items: tuple[JobRequirement, ...]) -> dict[str, str]:
    """skill id -> the group of the item asking for it (every id of an item)."""
    return {sid: i.group for i in items if i.kind == "skill" for sid in i.any_of}


def test_the_probe_post(engine: Engine) -> None:
    items = job_items(engine, PROBE)
    groups = _groups(items)
    assert groups["python"] == "required"  # "Strong Python,(PyTorch, NumPy)" keeps Python
    assert ("python",) in [i.any_of for i in items]
    assert groups["snowflake"] == "required"  # "Experience with Snowflake." alone
    assert groups["sql"] == "required" and groups["pytorch"] == "required"
    assert groups["tensorflow"] == "preferred"  # "also welcome"
    assert [i.years for i in items if i.kind == "years"] == [3.0]
    # the company blurb, the benefits and a team the job works with ask for nothing
    for sid in ("edge-ml", "artificial-intelligence", "domain-healthcare", "engineering", "aws", "kubernetes"):
        assert sid not in groups, sid
    assert groups["forecasting"] == "responsibilities"


def test_the_probe_post_without_snowflake_is_not_a_perfect_match(engine: Engine) -> None:
    resume = (
        "Sam Lee\n\nExperience\nMachine Learning Engineer, Acme, Jan 2018 - Present\n"
        "- Built PyTorch and NumPy models in Python; wrote SQL for demand forecasting; used TensorFlow.\n"
        "- Trained machine learning systems at scale.\n"
    )
    c = engine.compare(engine.analyze_text(resume), engine.analyze_text(PROBE, kind="job"))
    snowflake = next(s for s in c.requirements if s.requirement.any_of == ("snowflake",))
    assert snowflake.status == "missing" and snowflake.requirement.group == "required"
    assert c.score.total < 100


LISTS = [
    ("Strong Python,(PyTorch, NumPy) and SQL", [("python",), ("pytorch", "numpy"), ("sql",)]),
    ("Python (pandas, scikit-learn) and SQL.", [("python",), ("pandas", "scikit-learn"), ("sql",)]),
    ("Java,(Spring, Hibernate) and SQL/(dbt).", [("java",), ("sql",), ("dbt",)]),
    # a word naming kinds to choose from is no requirement of its own
    (
        "Familiarity with a cloud platform (SageMaker, Vertex AI or Azure ML).",
        [("aws-sagemaker", "vertex-ai", "azure-ml")],
    ),
    ("One major cloud: AWS, GCP or Azure.", [("aws", "gcp", "azure")]),
]


@pytest.mark.parametrize(("line", "expected"), LISTS)
def test_lists_keep_every_item(engine: Engine, line: str, expected: list[tuple[str, ...]]) -> None:
    sets = [i.any_of for i in job_items(engine, f"Requirements\n- {line}\n") if i.kind == "skill"]
    for want in expected:
        assert want in sets, f"{want} not in {sets}"
    if "cloud" in line:
        assert ("cloud-computing",) not in sets


@pytest.mark.parametrize(
    "line",
    ["Experience with Snowflake.", "Snowflake", "Knowledge of Snowflake", "Proficiency in Snowflake."],
)
def test_every_bullet_yields_its_requirement(engine: Engine, line: str) -> None:
    items = job_items(engine, f"Requirements\n- Python.\n- {line}\n")
    assert ("snowflake",) in [i.any_of for i in items]


def test_a_name_starting_a_longer_name_is_not_taken_after_a_usage_phrase(engine: Engine) -> None:
    items = job_items(engine, "Requirements\n- Proficient experience using Oracle Inform EDC software.\n")
    assert not [i for i in items if "oracle-database" in i.any_of]


PREFERENCE = [
    ("TensorFlow experience also welcome.", "tensorflow", "preferred"),
    ("Experience with Spark is a significant plus.", "apache-spark", "preferred"),
    ("Familiarity with React would be helpful.", "react", "preferred"),
    ("Docker knowledge is appreciated.", "docker", "preferred"),
    ("Kubernetes (a plus).", "kubernetes", "preferred"),
    # a cue inside a parenthesis that names something of its own covers only that
    ("Deep experience with PyTorch (TensorFlow experience also welcome).", "pytorch", "required"),
    ("Deep experience with PyTorch (TensorFlow experience also welcome).", "tensorflow", "preferred"),
    ("Proficient in statistical software for data analysis (SAS preferred).", "data-analysis", "required"),
]


@pytest.mark.parametrize(("line", "skill", "group"), PREFERENCE)
def test_preference_cues(engine: Engine, line: str, skill: str, group: str) -> None:
    assert _groups(job_items(engine, f"Requirements\n- {line}\n"))[skill] == group


TEAMS = [
    ("Work with product and field engineering to ship features.", "engineering"),
    ("Partner with the data science and design teams on experiments.", "data-science"),
    ("Join our Data Engineering and Artificial Intelligence team.", "artificial-intelligence"),
    ("Report to the Director of Data Science.", "data-science"),
    ("Define the roadmap for the Applied AI group.", "artificial-intelligence"),
]


@pytest.mark.parametrize(("line", "skill"), TEAMS)
def test_a_team_the_job_works_with_is_not_a_skill_it_asks(engine: Engine, line: str, skill: str) -> None:
    text = f"Data Scientist\n\nResponsibilities\n- {line}\n\nRequirements\n- Python.\n"
    assert skill not in _groups(job_items(engine, text))


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        ("Work with Spark and Kafka to build pipelines.", "apache-spark"),
        ("Collaborate with engineers to deploy models on Kubernetes.", "kubernetes"),
        ("Experience leading cross-functional teams.", "cross-functional-collaboration"),
    ],
)
def test_tools_used_with_people_are_still_asked(engine: Engine, line: str, skill: str) -> None:
    text = f"Data Scientist\n\nResponsibilities\n- {line}\n\nRequirements\n- Python.\n"
    assert skill in _groups(job_items(engine, text))


def test_domains_named_among_the_duties_are_the_setting(engine: Engine) -> None:
    text = (
        "Data Scientist\n\nResponsibilities\n- Build forecasting models for healthcare providers.\n\n"
        "Requirements\n- Python.\n- Experience in financial services.\n"
    )
    groups = _groups(job_items(engine, text))
    assert "domain-healthcare" not in groups  # the setting of the work
    assert groups.get("domain-financial-services") == "required"  # asked for


CLAUSES = [
    ("Northwind Health is an artificial intelligence company transforming healthcare.", "employer"),
    ("At Acme, everything runs on Kubernetes and Terraform.", "employer"),
    ("Our team loves Python and Scala.", "employer"),
    ("We are looking for a Senior ML Engineer to own ranking end to end.", "duties"),
    ("You will build pipelines in Airflow.", "duties"),
    ("Build dashboards for our customers.", "duties"),
    ("We want 5+ years of professional experience as a data scientist.", "asks"),
    ("The ideal candidate knows SQL.", "asks"),
    ("For more than 50 years, Acme has advanced science and engineering.", "employer"),
    ("Acorn AI is one of the largest AI companies dedicated to life sciences.", "employer"),
    ("This cross-functional team leverages AWS for everything.", "employer"),
    ("Department: Data Engineering", "employer"),
    ("Detect property hazards from aerial imagery.", "duties"),
    ("Comfortable with SQL Server.", "asks"),
    ("Python, SQL and Spark", "plain"),
]


@pytest.mark.parametrize(("clause", "kind"), CLAUSES)
def test_clause_kinds(clause: str, kind: str) -> None:
    assert clause_kind(clause, 0, len(clause)) == kind


def test_the_company_blurb_asks_for_nothing_but_untitled_requirements_still_ask(engine: Engine) -> None:
    text = (
        "Data Engineer\nAcme Analytics\nBoston\n\n"
        "Acme Analytics is a leading healthcare data company using cutting edge AI and Snowflake.\n"
        "You will build pipelines with Airflow.\n"
        "The ideal candidate has 4+ years of experience with dbt and SQL.\n\n"
        "Requirements\n- Python.\n"
    )
    groups = _groups(job_items(engine, text))
    assert "artificial-intelligence" not in groups and "domain-healthcare" not in groups
    assert "snowflake" not in groups
    assert groups["airflow"] == "responsibilities"
    assert groups["dbt"] == "required" and groups["sql"] == "required" and groups["python"] == "required"


def test_the_intro_of_a_post_with_requirement_sections_asks_for_nothing(engine: Engine) -> None:
    text = (
        "Machine Learning Engineer\nNorthwind\nRemote\n\n"
        "Northwind builds AI tools for hospitals and clinics across three continents.\n\n"
        "Requirements\n- Python.\n"
    )
    groups = _groups(job_items(engine, text))
    assert groups == {"python": "required"}
    # without requirement sections the same prose is all the post has: it asks
    unlabelled = "Machine Learning Engineer\n\nNorthwind builds AI tools with Python and Kubernetes.\n"
    assert _groups(job_items(engine, unlabelled)).get("kubernetes") == "required"
