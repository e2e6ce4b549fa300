"""Job posts split into requirement items: groups, alternatives, years, degrees, certifications."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.models import JobRequirement, Report
from helpers import ROOT


def _job(engine: Engine, body: str) -> Report:
    text = "Machine Learning Engineer\nAcme Corp\n\n" + body
    return engine.analyze_text(text, kind="job")


def _items(engine: Engine, body: str) -> tuple[JobRequirement, ...]:
    report = _job(engine, body)
    assert report.requirements is not None
    return report.requirements.items


def _skill_sets(items: tuple[JobRequirement, ...]) -> list[tuple[str, ...]]:
    return [i.any_of for i in items if i.kind == "skill"]


ALTERNATIVES = [
    ("Requirements\n- Experience with PyTorch or TensorFlow.\n", [("pytorch", "tensorflow")]),
    ("Requirements\n- PyTorch/TensorFlow in production.\n", [("pytorch", "tensorflow")]),
    ("Requirements\n- SQL and/or dbt.\n", [("sql", "dbt")]),
    ("Requirements\n- One major cloud: AWS, GCP or Azure.\n", [("aws", "gcp", "azure")]),
    ("Requirements\n- Experience with one of Airflow, Kubeflow, Dagster.\n", [("airflow", "kubeflow", "dagster")]),
    ("Requirements\n- Docker and Kubernetes.\n", [("docker",), ("kubernetes",)]),
    ("Requirements\n- Python, SQL and Spark.\n", [("python",), ("sql",), ("apache-spark",)]),
    (
        "Requirements\n- Strong Python and experience with PyTorch or JAX.\n",
        [("python",), ("pytorch", "jax")],
    ),
    ("Responsibilities\n- Train models (scikit-learn, XGBoost).\n", [("scikit-learn", "xgboost")]),
]


@pytest.mark.parametrize(("body", "expected"), ALTERNATIVES)
def test_alternatives(engine: Engine, body: str, expected: list[tuple[str, ...]]) -> None:
    sets = _skill_sets(_items(engine, body))
    for want in expected:
        assert want in sets, f"{want} not in {sets}"


GROUPS = [
    ("Requirements\n- Python.\n", "python", "required"),
    ("Nice to have\n- Terraform.\n", "terraform", "preferred"),
    ("Requirements\n- Python; Go is a plus.\n", "go", "preferred"),
    ("Requirements\n- Python; Go is a plus.\n", "python", "required"),
    ("Responsibilities\n- Deploy services on Kubernetes.\n", "kubernetes", "responsibilities"),
    ("Requirements\n- Kubernetes (bonus).\n", "kubernetes", "preferred"),
]


@pytest.mark.parametrize(("body", "skill", "group"), GROUPS)
def test_groups(engine: Engine, body: str, skill: str, group: str) -> None:
    items = [i for i in _items(engine, body) if skill in i.any_of]
    assert [i.group for i in items] == [group]


def test_benefits_and_company_text_are_never_requirements(engine: Engine) -> None:
    body = (
        "Requirements\n- Python.\n\nBenefits\n- A learning budget for AWS certification exams and Kubernetes courses.\n"
        "\nAbout us\nWe build our platform with Kubernetes and Terraform.\n"
    )
    asked = {sid for i in _items(engine, body) for sid in i.any_of}
    assert "python" in asked
    assert not asked & {"kubernetes", "terraform", "aws"}


def test_a_skill_is_asked_for_once_required_before_preferred(engine: Engine) -> None:
    body = "Requirements\n- Python.\n\nNice to have\n- Python packaging experience.\n"
    python = [i for i in _items(engine, body) if i.any_of == ("python",)]
    assert [i.group for i in python] == ["required"]


def test_years_items(engine: Engine) -> None:
    items = _items(engine, "Requirements\n- 5+ years of experience in software engineering.\n- 3+ years of Python.\n")
    years = [i for i in items if i.kind == "years"]
    assert [(i.years, i.group) for i in years] == [(5.0, "required")]
    python = next(i for i in items if i.any_of == ("python",))
    assert python.years == 3.0
    assert python.label == "3+ years of Python"


def test_zero_years_is_no_requirement(engine: Engine) -> None:
    items = _items(engine, "Requirements\n- 0-2 years of experience in machine learning.\n")
    assert not [i for i in items if i.kind == "years"]
    assert all(i.years is None for i in items)


@pytest.mark.parametrize(
    ("line", "degree", "levels", "fields", "related", "equivalent", "group"),
    [
        ("BS/MS in Computer Science or a related field.", "bachelor", ("bachelor", "master"), ("computer-science",),
         True, False, "required"),
        ("BS in Computer Science, or equivalent practical experience.", "bachelor", ("bachelor",),
         ("computer-science",), False, True, "required"),
        ("PhD preferred in statistics.", "phd", ("phd",), ("statistics",), False, False, "preferred"),
        ("MS or PhD in Mathematics.", "master", ("master", "phd"), ("mathematics",), False, False, "required"),
    ],
)  # fmt: skip
def test_degree_items(
    engine: Engine,
    line: str,
    degree: str,
    levels: tuple[str, ...],
    fields: tuple[str, ...],
    related: bool,
    equivalent: bool,
    group: str,
) -> None:
    items = _items(engine, f"Requirements\n- {line}\n")
    degrees = [i for i in items if i.kind == "degree"]
    assert len(degrees) == 1
    d = degrees[0]
    assert (d.degree, d.any_of, d.fields, d.related_fields, d.or_equivalent, d.group) == (
        degree, levels, fields, related, equivalent, group
    )  # fmt: skip
    # the field of study is part of the degree item, not a skill requirement of its own
    assert not [i for i in items if i.kind == "skill" and i.sentence == d.sentence and set(i.any_of) & set(fields)]


def test_certification_alternatives(engine: Engine) -> None:
    items = _items(engine, "Nice to have\n- CKA or AWS Certified Machine Learning – Specialty.\n")
    certs = [i for i in items if i.kind == "certification"]
    assert [(i.any_of, i.group, i.category) for i in certs] == [
        (("cka", "aws-ml-specialty"), "preferred", "certification")
    ]


def test_header_asks_for_nothing_in_a_structured_post(engine: Engine) -> None:
    report = engine.analyze_text("MLOps Engineer — Kubernetes Platform team\n\nRequirements\n- Python.\n", kind="job")
    assert report.requirements is not None
    assert [i.any_of for i in report.requirements.items] == [("python",)]


def test_unstructured_post_still_has_requirements(engine: Engine) -> None:
    report = engine.analyze_text("We need someone who knows Python and Kubernetes well.", kind="job")
    assert report.requirements is not None
    assert {i.any_of for i in report.requirements.items} == {("python",), ("kubernetes",)}


def test_items_carry_evidence_into_the_text(engine: Engine) -> None:
    report = _job(engine, "Requirements\n- Experience with PyTorch or TensorFlow.\n- BS in Computer Science.\n")
    assert report.requirements is not None
    assert [i.id for i in report.requirements.items] == [f"r{k}" for k in range(1, len(report.requirements.items) + 1)]
    for item in report.requirements.items:
        s = item.sentence
        assert report.text[s.start : s.end] == s.text
        for m in item.mentions:
            assert report.text[m.start : m.end] == m.text
            assert s.start <= m.start and m.end <= s.end


def test_untitled_prose_before_the_first_heading_still_asks(engine: Engine) -> None:
    text = (
        "Data Scientist\nAcme\nRemote\n\n"
        "We want 5+ years of professional experience as a data scientist.\n"
        "You know Python and SQL well.\n\n"
        "Requirements\n- Tableau.\n"
    )
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None
    asked = {sid for i in report.requirements.items for sid in i.any_of}
    assert {"python", "sql", "tableau"} <= asked
    assert [i.years for i in report.requirements.items if i.kind == "years"] == [5.0]


@pytest.mark.parametrize(
    "company_line",
    [
        "For 30 years, hospitals and clinics have trusted our experience.",
        "Acme is an organization with more than 30 years of experience.",
        "We have been in business for 25 years, with experience across the industry.",
    ],
)
def test_the_company_history_is_not_a_years_requirement(engine: Engine, company_line: str) -> None:
    report = engine.analyze_text(
        f"Data Scientist\n\n{company_line}\n\nRequirements\n- 3+ years of experience.\n", kind="job"
    )
    assert report.requirements is not None
    assert report.requirements.min_years == 3.0
    assert [i.years for i in report.requirements.items if i.kind == "years"] == [3.0]


def test_degrees_and_years_stated_with_the_duties_are_required(engine: Engine) -> None:
    text = (
        "Data Scientist\n\nResponsibilities\n- Build models; you hold a BS in Statistics and 3+ years of experience.\n"
        "\nRequirements\n- Python.\n"
    )
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None
    groups = {i.kind: i.group for i in report.requirements.items if i.kind in ("degree", "years")}
    assert groups == {"degree": "required", "years": "required"}


def test_a_word_naming_what_the_alternatives_are_is_not_a_requirement_of_its_own(engine: Engine) -> None:
    items = _items(engine, "Requirements\n- One major cloud: AWS, GCP or Azure.\n- Deep learning with PyTorch.\n")
    sets = _skill_sets(items)
    assert ("aws", "gcp", "azure") in sets
    assert ("cloud-computing",) not in sets  # "cloud" heads the list of clouds
    assert ("deep-learning",) in sets and ("pytorch",) in sets  # no list here: both are asked for


# ----------------------------------------------------------------- the years a post asks for, read once
def _years(engine: Engine, text: str) -> tuple[float | None, list[tuple[str, float | None]]]:
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None
    items: list[tuple[str, float | None]] = [(i.group, i.years) for i in report.requirements.items if i.kind == "years"]
    return report.requirements.min_years, items


YEARS_ASKED = [
    # text, min_years, the years item (group, years)
    ("Data Scientist\n\nRequirements\n- 4+ years of experience.\n", 4.0, [("required", 4.0)]),
    ("Data Scientist\n\nRequirements\n- 0-2 years of experience.\n", 0.0, []),
    (
        "Data Scientist\n\nMinimum Qualifications\nBS with 0-1 years of experience\n\n"
        "Preferred Qualifications\n- MS with 5+ years of research experience\n",
        0.0,  # the post requires none; five years are preferred
        [("preferred", 5.0)],
    ),
    (
        "Data Scientist\nWith more than 80 years of experience in data and 30 years in software, Acme has offices "
        "around the world.\n\nRequirements\n- 5-7 years relevant data experience\n",
        5.0,  # the company's thirty years in software are said in passing
        [("required", 5.0)],
    ),
    (
        "5-10 years professional work experience as a data scientist.\n\nPreferred sector focus with 3 years' "
        "experience in banking.\n\nRequired Skills and Experience:\n- Python and SQL.\n"
        "- Qualifications: 3 years min relevant experience in the role.\n",
        5.0,  # a post that opens with the years it asks for
        [("required", 5.0)],
    ),
    ("Data Scientist\n\nRequirements\n- Strong Python.\n", None, []),
]


@pytest.mark.parametrize(("text", "min_years", "items"), YEARS_ASKED)
def test_the_years_asked_are_read_once(
    engine: Engine, text: str, min_years: float | None, items: list[tuple[str, float]]
) -> None:
    assert _years(engine, text) == (min_years, items)


def test_min_years_is_the_years_items_on_the_example_posts(engine: Engine) -> None:
    for path in sorted((ROOT / "examples" / "jobs").glob("*.txt")):
        min_years, items = _years(engine, path.read_text(encoding="utf-8"))
        assert len(items) <= 1, path.name
        if items and items[0][0] == "required":
            assert min_years == items[0][1], path.name
        elif not items:
            assert min_years in (None, 0.0), path.name
