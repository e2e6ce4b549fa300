"""End-to-end behaviour of Engine.analyze_text / analyze on small texts written for these tests.

The offset contract, job requirements, placement, targets, job comparison and the error cases. Most
cases use the real packaged taxonomy (the ``engine`` fixture); the ones that need a tiny controlled
ladder use ``mini_engine`` (tests/fixtures/mini_taxonomy, ladder "mini").
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterator
from typing import get_args

import pytest

import gapfinder
from gapfinder import Engine
from gapfinder.models import Gap, Mention, Report, SectionName
from gapfinder.taxonomy import Taxonomy
from helpers import skill_ids

SECTION_NAMES = frozenset(get_args(SectionName))


def all_mentions(report: Report) -> Iterator[tuple[str, Mention]]:
    """Every mention of skills, certifications, education and leadership, labelled by its finding."""
    for s in report.skills:
        for m in s.mentions:
            yield f"skill:{s.id}", m
    for s in report.context_skills:
        for m in s.mentions:
            yield f"context:{s.id}", m
    for c in report.certifications:
        for m in c.mentions:
            yield f"cert:{c.id}", m
    for e in report.education:
        for m in e.mentions:
            yield f"education:{e.degree}", m
    for lead in report.leadership:
        for m in lead.mentions:
            yield f"leadership:{lead.kind}", m


def assert_offset_contract(text: str, report: Report) -> None:
    assert report.text == text
    n = 0
    for label, m in all_mentions(report):
        n += 1
        assert 0 <= m.start < m.end <= len(text), (label, m)
        assert text[m.start : m.end] == m.text, (label, m)
        assert m.section in SECTION_NAMES, (label, m)
        assert 0.0 < m.score <= 1.0, (label, m)
    assert n > 0, "the contract needs something to check"
    for s in report.document.sections:
        assert s.name in SECTION_NAMES
        assert 0 <= s.start <= s.end <= len(text), s
    for p in report.experience.positions:
        assert 0 <= p.start_offset <= p.end_offset <= len(text), p
    for st in report.gap.skills if report.gap else ():
        for m in st.evidence:
            assert text[m.start : m.end] == m.text


# ----------------------------------------------------------------- the offset contract
OFFSET_CASES = [
    pytest.param(
        "SKILLS\nPython, scikit-learn, \ufb01ne-tuning, TensorFlow\n\nEXPERIENCE\nE\ufb03cient PyTorch models\n",
        {"python", "scikit-learn", "fine-tuning", "tensorflow", "pytorch"},
        id="ligatures",
    ),
    pytest.param(
        "Jane Doe\r\nML Engineer\r\n\r\nSKILLS\r\nPython, PyTorch, Docker\r\n\r\nEXPERIENCE\r\n"
        "ML Engineer, Acme\r\nJan 2020 - Present\r\n- Built models in TensorFlow\r\n",
        {"python", "pytorch", "docker", "tensorflow"},
        id="crlf",
    ),
    pytest.param(
        "EXPERIENCE\r- Built PyTorch models\r- Wrote SQL\r",
        {"pytorch", "sql"},
        id="bare-cr",
    ),
    pytest.param(
        "EXPERIENCE\n\u25cf Built PyTorch models\n\u25aa Deployed on Kubernetes\n\u2022 Wrote SQL\n"
        "\u25e6 Used Airflow\n\uf0b7 Used MLflow\n\u27a2 Tuned XGBoost\n",
        {"pytorch", "kubernetes", "sql", "airflow", "mlflow", "xgboost"},
        id="bullets",
    ),
    pytest.param(
        "SKILLS\n\tPython\tPyTorch\n\tDocker\t\tKubernetes\n",
        {"python", "pytorch", "docker", "kubernetes"},
        id="tabs",
    ),
    pytest.param(
        "SKILLS\nPy\u200bTorch, Kuber\u200cnetes, Python\u00a0and\u00a0SQL, Tensor\ufeffFlow, Dock\u2060er\n",
        {"pytorch", "kubernetes", "python", "sql", "tensorflow"},
        id="zero-width",
    ),
    pytest.param(
        "SKILLS\nKuber\u00adnetes, Py\u00adTorch\n",
        {"kubernetes", "pytorch"},
        id="soft-hyphen",
    ),
    pytest.param(
        "EXPERIENCE\nDeployed models on Kuber-\nnetes and trained them with scikit-\nlearn and PyTorch.\n",
        {"kubernetes", "scikit-learn", "pytorch"},
        id="hyphenation",
    ),
    pytest.param(
        "SUMMARY\nI \u2764\ufe0f \U0001f680 shipping models \u2014 PyTorch \u2013 at Cafe\u0301 Labs;"
        "\u2003Docker\u202fand SQL.\n",
        {"pytorch", "docker", "sql"},
        id="emoji-combining-dashes-spaces",
    ),
    pytest.param(
        "SKILLS\nPython\x0cEXPERIENCE\nPage two: Kubernetes\x0b and\x85 Docker\u2028then\u2029Airflow\n",
        {"python", "kubernetes", "docker", "airflow"},
        id="page-and-line-separators",
    ),
    pytest.param(
        "EDUCATION\nB.S. in Computer Science, 2018\nM.S. in Statistics, 2020\nPh.D. in Machine Learning, 2024\n\n"
        "CERTIFICATIONS\nCertified Kubernetes Administrator (CKA)\nAWS Certified Machine Learning \u2013 Specialty\n",
        set(),
        id="education-certifications",
    ),
    pytest.param(
        "EXPERIENCE\nEngineering Manager, Acme\nJan 2019 - Present\n"
        "\u2022 Managed a team of 8 engineers; hired 5; ran performance reviews\n"
        "\u2022 Mentored junior engineers; owned a $1.2M budget; published at NeurIPS\n",
        {"performance-management"},
        id="leadership",
    ),
    pytest.param(
        "  \n\n   SKILLS:   Python ,PyTorch ,  Docker   \n\n\n",
        {"python", "pytorch", "docker"},
        id="leading-blanks-and-runs",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFSET_CASES)
def test_offset_contract_resume(engine: Engine, text: str, expected: set[str]) -> None:
    report = engine.analyze_text(text)
    assert_offset_contract(text, report)
    assert expected <= skill_ids(report)


@pytest.mark.parametrize(("text", "expected"), OFFSET_CASES)
def test_offset_contract_job(engine: Engine, text: str, expected: set[str]) -> None:
    report = engine.analyze_text(text, kind="job")
    assert_offset_contract(text, report)
    assert expected <= skill_ids(report)


def test_education_and_certifications_found(engine: Engine) -> None:
    text = OFFSET_CASES[10].values[0]
    assert isinstance(text, str)
    report = engine.analyze_text(text)
    assert {e.degree for e in report.education} == {"bachelor", "master", "phd"}
    assert {"cka", "aws-ml-specialty"} <= {c.id for c in report.certifications}
    by_degree = {e.degree: e for e in report.education}
    assert by_degree["bachelor"].field == "computer-science"
    assert by_degree["bachelor"].year == 2018
    assert all(m.section == "education" for e in report.education for m in e.mentions)
    assert all(m.section == "certifications" for c in report.certifications for m in c.mentions)


def test_leadership_signals_found(engine: Engine) -> None:
    text = OFFSET_CASES[11].values[0]
    assert isinstance(text, str)
    report = engine.analyze_text(text)
    kinds = {s.kind: s for s in report.leadership}
    assert {"people_management", "team_size", "hiring", "mentoring", "budget", "publications"} <= set(kinds)
    assert kinds["team_size"].value == 8
    assert kinds["budget"].value == 1_200_000


# ----------------------------------------------------------------- match kinds
@pytest.mark.parametrize(
    ("text", "skill", "surface", "kind"),
    [
        ("SKILLS\nPyTorch", "pytorch", "PyTorch", "exact"),
        ("SKILLS\nsklearn", "scikit-learn", "sklearn", "alias"),
        ("SKILLS\nk8s", "kubernetes", "k8s", "alias"),
        ("SKILLS\nscikit_learn", "scikit-learn", "scikit_learn", "variant"),
        ("SKILLS\nTensor-Flow", "tensorflow", "Tensor-Flow", "variant"),
        ("SKILLS\nPyTorch2", "pytorch", "PyTorch2", "variant"),
        ("SKILLS\nKubernates", "kubernetes", "Kubernates", "fuzzy"),
    ],
)
def test_match_kinds(engine: Engine, text: str, skill: str, surface: str, kind: str) -> None:
    report = engine.analyze_text(text)
    found = {s.id: s for s in report.skills}
    assert skill in found
    m = found[skill].mentions[0]
    assert (m.text, m.match, m.section) == (surface, kind, "skills")
    if kind == "fuzzy":
        assert 0.9 <= m.score <= 1.0
    else:
        assert m.score == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "SUMMARY\nSupported the go-to-market team and C-level stakeholders.",
        "SUMMARY\nExcellent communicator who will excel at hard problems; I go to meetups.",
        "EXPERIENCE\nIn the spring we went to the beach; a ray of light.",
    ],
)
def test_english_words_are_not_skills(engine: Engine, text: str) -> None:
    ids = skill_ids(engine.analyze_text(text))
    assert not ids & {"go", "c", "excel", "r", "apache-spark", "ray", "spring", "swift", "rust"}, ids


def test_ambiguous_skill_in_skills_section_is_kept(engine: Engine) -> None:
    report = engine.analyze_text("SKILLS\nLanguages: Python, Go, R, Rust\n")
    assert {"python", "go", "r", "rust"} <= skill_ids(report)


def test_hyphenation_before_capital_letter(engine: Engine) -> None:
    text = "EXPERIENCE\nTrained Py-\nTorch models and Tensor-\nFlow graphs.\n"
    report = engine.analyze_text(text)
    assert {"pytorch", "tensorflow"} <= skill_ids(report)
    assert_offset_contract(text, report)


def test_state_code_is_not_a_degree(engine: Engine) -> None:
    text = "Staff ML Engineer\nHelixbridge Therapeutics | Boston, MA (hybrid) | Full-time\n"
    assert engine.analyze_text(text, kind="job").education == ()


def test_degree_after_wrapped_institution(engine: Engine) -> None:
    text = "EDUCATION\nM.S. Computer Science, Lakeshore Institute of\nTechnology\nB.S. Mathematics\n"
    assert {e.degree for e in engine.analyze_text(text).education} == {"master", "bachelor"}


def test_name_wrapped_over_a_line_break(engine: Engine) -> None:
    text = "CERTIFICATIONS\nGoogle Cloud Professional Machine Learning\n  Engineer, 2023\nHugging\nFace\n"
    report = engine.analyze_text(text)
    assert "gcp-professional-ml-engineer" in {c.id for c in report.certifications}


# ----------------------------------------------------------------- job descriptions
JD = """Machine Learning Engineer
Acme Analytics | Remote

About us
Acme builds forecasting tools for retailers; our analysts live in Snowflake and Tableau.

Requirements
- 5+ years of experience building production machine learning systems.
- BS/MS in Computer Science or a related field.
- Strong Python and PyTorch; experience with Docker.

Nice to have
- Kubernetes and Terraform.
- PhD preferred.

Benefits
- Salary $150,000 - $190,000 and free AWS credits for side projects.
- A yearly Databricks summit ticket and 20 days PTO.
"""


@pytest.fixture(scope="module")
def jd_report(engine: Engine) -> Report:
    return engine.analyze_text(JD, kind="job")


def test_job_has_requirements_and_no_gap(jd_report: Report) -> None:
    assert jd_report.kind == "job"
    assert jd_report.requirements is not None
    assert jd_report.gap is None
    assert jd_report.placement is not None
    assert jd_report.experience.total_years is None
    assert_offset_contract(JD, jd_report)


def test_job_required_vs_preferred(jd_report: Report) -> None:
    req = jd_report.requirements
    assert req is not None
    assert {"python", "pytorch", "docker"} <= set(req.required_skills)
    assert {"kubernetes", "terraform"} <= set(req.preferred_skills)
    assert not set(req.required_skills) & set(req.preferred_skills)
    assert "kubernetes" not in req.required_skills


def test_job_company_and_benefits_skills_are_context_not_requirements(jd_report: Report) -> None:
    req = jd_report.requirements
    assert req is not None
    listed = set(req.required_skills) | set(req.preferred_skills)
    for sid in ("snowflake", "tableau", "aws", "databricks"):
        assert sid not in listed, sid
    # what the company and benefits text names is context about the employer, kept with its evidence
    context = {s.id: s for s in jd_report.context_skills}
    assert {"snowflake", "tableau", "aws", "databricks"} <= set(context)
    assert not set(context) & skill_ids(jd_report)
    assert {m.section for s in context.values() for m in s.mentions} == {"company", "benefits"}


def test_job_years_and_degrees(jd_report: Report) -> None:
    req = jd_report.requirements
    assert req is not None
    assert req.min_years == 5
    assert req.degree == "bachelor"
    assert req.degree_preferred == "phd"
    assert req.title == "Machine Learning Engineer"
    assert jd_report.experience.stated_years == 5
    assert jd_report.experience.basis == "stated"


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- 5+ years of experience with Python.", 5),
        ("- At least 3 years of professional experience in ML.", 3),
        ("- 4-6 years of industry experience with PyTorch.", 4),
        ("- Seven years of experience shipping models.", 7),
        ("- Experience with Python (2+ yrs).", 2),
        ("- Strong Python.", None),
    ],
)
def test_job_min_years(engine: Engine, line: str, years: int | None) -> None:
    report = engine.analyze_text(f"Machine Learning Engineer\n\nRequirements\n{line}\n", kind="job")
    assert report.requirements is not None
    assert report.requirements.min_years == years


def test_job_years_in_benefits_are_ignored(engine: Engine) -> None:
    text = (
        "Machine Learning Engineer\n\nRequirements\n- 3+ years of experience with Python.\n\n"
        "Benefits\n- 10 years of experience says our average employee stays a long time.\n"
    )
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None and report.requirements.min_years == 3


@pytest.mark.parametrize(
    ("line", "degree", "preferred"),
    [
        ("- BS/MS in Computer Science.", "bachelor", "master"),
        ("- Bachelor's degree in Statistics.", "bachelor", None),
        ("- M.S. or Ph.D. in Computer Science.", "master", "phd"),
        ("- Master's degree in Statistics.\n\nNice to have\n- PhD.", "master", "phd"),
        ("- MS or PhD in Machine Learning.", "master", "phd"),
        ("- Master's degree required; PhD preferred.", "master", "phd"),
    ],
)
def test_job_degree(engine: Engine, line: str, degree: str, preferred: str | None) -> None:
    report = engine.analyze_text(f"Machine Learning Engineer\n\nRequirements\n{line}\n", kind="job")
    assert report.requirements is not None
    assert (report.requirements.degree, report.requirements.degree_preferred) == (degree, preferred)


def test_job_required_and_preferred_on_one_line(engine: Engine) -> None:
    text = "ML Engineer\n\nRequirements\n- Python required; Go preferred.\n"
    req = engine.analyze_text(text, kind="job").requirements
    assert req is not None
    assert req.required_skills == ("python",)
    assert req.preferred_skills == ("go",)


def test_or_ms_is_not_orm(engine: Engine) -> None:
    report = engine.analyze_text("EDUCATION\nPhD or MS in Computer Science\n")
    assert "orm" not in skill_ids(report)


def test_job_preference_cue_on_a_requirements_line(engine: Engine) -> None:
    text = "ML Engineer\n\nRequirements\n- Python and SQL.\n- Go is a plus.\n- Spark experience is a bonus.\n"
    req = engine.analyze_text(text, kind="job").requirements
    assert req is not None
    assert {"python", "sql"} <= set(req.required_skills)
    assert "go" in req.preferred_skills
    assert "go" not in req.required_skills


def test_job_certification_requirement(engine: Engine) -> None:
    text = "MLOps Engineer\n\nNice to have\n- Certified Kubernetes Administrator (CKA).\n"
    req = engine.analyze_text(text, kind="job").requirements
    assert req is not None and req.certifications == ("cka",)


# ----------------------------------------------------------------- placement
JUNIOR = """Pat Lee
Junior Machine Learning Engineer

EXPERIENCE
Junior Machine Learning Engineer, Datawise Inc.
Jan 2025 - Present
- Trained scikit-learn and PyTorch models in Python; wrote SQL queries.

EDUCATION
B.S. in Computer Science, 2024

SKILLS
Python, SQL, PyTorch, scikit-learn, Git
"""

SENIOR = """Robin Diaz
Senior Machine Learning Engineer

EXPERIENCE
Senior Machine Learning Engineer, Northwind Labs
Mar 2020 - Present
- Designed distributed training with PyTorch DDP on multi-GPU clusters.
- Built the feature store and the model registry in MLflow; ran A/B testing for model launches.
- Mentored junior engineers and led design reviews.

Machine Learning Engineer, Contoso
Jan 2017 - Feb 2020
- Built TensorFlow models and deployed them with Docker on Kubernetes.

EDUCATION
M.S. in Computer Science, 2016

SKILLS
Python, PyTorch, TensorFlow, MLflow, Docker, Kubernetes, Airflow, A/B testing
"""

MANAGER = """Sam Okafor
Engineering Manager, Machine Learning

EXPERIENCE
Engineering Manager, Machine Learning - Fabrikam
Jun 2021 - Present
- Managed a team of 8 engineers, hiring, performance reviews and the ML roadmap.
- Partnered with product managers on quarterly planning.

Senior Machine Learning Engineer - Fabrikam
Jan 2016 - May 2021
- Built recommendation models in PyTorch and served them on Kubernetes.

EDUCATION
M.S. in Statistics, 2015

SKILLS
Python, PyTorch, Kubernetes, SQL
"""


@pytest.mark.parametrize(
    ("text", "level", "track", "years", "default_target"),
    [
        # Jan 2025 .. Nov 2026 = 22 months
        pytest.param(JUNIOR, "junior", "ic", 22 / 12, "mid", id="junior"),
        # Jan 2017 .. Feb 2020 (37) + Mar 2020 .. Nov 2026 (80)
        pytest.param(SENIOR, "senior", "ic", 117 / 12, "staff", id="senior"),
        # Jan 2016 .. May 2021 (64) + Jun 2021 .. Nov 2026 (65)
        pytest.param(MANAGER, "manager", "management", 129 / 12, "director", id="manager"),
    ],
)
def test_placement(engine: Engine, text: str, level: str, track: str, years: float, default_target: str) -> None:
    report = engine.analyze_text(text)
    assert_offset_contract(text, report)
    pl = report.placement
    assert pl is not None
    assert (pl.ladder, pl.level, pl.track) == ("ml-engineer", level, track)
    assert 0.0 < pl.confidence <= 1.0
    assert pl.scores[level] == max(pl.scores.values())
    assert sum(pl.scores.values()) == pytest.approx(1.0, abs=0.01)
    assert pl.evidence, "placement must say why"
    assert report.experience.total_years == pytest.approx(years, abs=0.05)
    assert report.experience.basis == "positions"
    assert report.gap is not None
    assert (report.gap.target_kind, report.gap.target) == ("level", default_target)


def test_manager_signals(engine: Engine) -> None:
    kinds = {s.kind: s for s in engine.analyze_text(MANAGER).leadership}
    assert "people_management" in kinds
    assert kinds["team_size"].value == 8


def test_manager_hiring_signal(engine: Engine) -> None:
    kinds = {s.kind for s in engine.analyze_text(MANAGER).leadership}
    assert "hiring" in kinds


def test_positions_are_dated(engine: Engine) -> None:
    positions = engine.analyze_text(SENIOR).experience.positions
    got = sorted((p.start, p.end, p.current) for p in positions)
    assert got == [("2017-01", "2020-02", False), ("2020-03", None, True)]
    titles = {p.title for p in positions}
    assert titles == {"Senior Machine Learning Engineer", "Machine Learning Engineer"}


def test_today_decides_current_years(mini_engine: Engine) -> None:
    import datetime as dt

    later = gapfinder.Engine(mini_engine.taxonomy, ladder="mini", today=dt.date(2027, 11, 15))
    earlier = mini_engine.analyze_text(JUNIOR).experience.total_years
    assert earlier is not None
    assert later.analyze_text(JUNIOR).experience.total_years == pytest.approx(earlier + 1.0, abs=0.01)


# ----------------------------------------------------------------- targets
@pytest.mark.parametrize(
    ("target", "kind", "salary"),
    [
        ("junior", "level", (120000, 160000, False)),
        ("mid", "level", (140000, 200000, False)),
        ("senior", "level", (180000, 260000, False)),
        ("staff", "level", (230000, 350000, False)),
        ("principal", "level", (260000, 450000, True)),
        ("manager", "level", (200000, 300000, False)),
        ("director", "level", (250000, 400000, False)),
        ("vp", "level", (350000, 600000, True)),
        ("data-scientist", "path", (100000, 130000, False)),
        ("research-scientist", "path", (200000, 500000, True)),
        ("mlops-engineer", "path", None),
        ("data-engineer", "path", (130000, 170000, False)),
        ("STAFF", "level", (230000, 350000, False)),
        ("Staff Machine Learning Engineer", "level", (230000, 350000, False)),
    ],
)
def test_target(engine: Engine, target: str, kind: str, salary: tuple[int, int, bool] | None) -> None:
    report = engine.analyze_text(SENIOR, target=target)
    gap = report.gap
    assert gap is not None
    assert gap.target_kind == kind
    assert gap.target == (target.lower() if " " not in target else "staff")
    if salary is None:
        assert gap.salary is None
    else:
        assert gap.salary is not None
        assert (gap.salary.min, gap.salary.max, gap.salary.open_ended) == salary
        assert gap.salary.currency == "USD"
    assert 0.0 <= gap.coverage <= 1.0
    assert gap.skills
    for st in gap.skills:
        assert (st.status == "met") == (st.via is not None) == (st.matched_skill is not None)
    missing_labels = {st.label for st in gap.skills if st.status == "missing"}
    assert {label for labels in gap.missing_by_category.values() for label in labels} == missing_labels


def test_target_staff_requirements(engine: Engine) -> None:
    gap = engine.analyze_text(SENIOR, target="staff").gap
    assert gap is not None
    assert gap.target_name == "Staff Machine Learning Engineer"
    assert gap.years_required == 8
    assert gap.years_held == pytest.approx(117 / 12, abs=0.05)
    assert gap.years_shortfall == 0
    reqs = {st.requirement: st for st in gap.skills}
    # staff's own requirements and inherited senior/mid/junior ones
    assert {"technical-leadership", "distributed-training", "docker", "python"} <= set(reqs)
    assert reqs["python"].status == "met" and reqs["python"].via == "direct"
    assert reqs["distributed-training"].status == "met"
    assert gap.degree_required == "bachelor" and gap.degree_held == "master" and gap.degree_met is True


def test_years_shortfall(engine: Engine) -> None:
    gap = engine.analyze_text(JUNIOR, target="senior").gap
    assert gap is not None
    assert gap.years_required == 5
    assert gap.years_shortfall == pytest.approx(5 - 22 / 12, abs=0.05)


def test_no_next_level_targets_itself(mini_engine: Engine) -> None:
    text = "Engineering Manager\n\nEXPERIENCE\nEngineering Manager, Acme\nJan 2015 - Present\n- Managed a team of 9.\n"
    report = mini_engine.analyze_text(text)
    assert report.placement is not None and report.placement.level == "manager"
    assert report.gap is not None and report.gap.target == "manager"


@pytest.mark.parametrize("target", ["nope", "", "senior-ish", "junior mid"])
def test_unknown_target(engine: Engine, target: str) -> None:
    with pytest.raises(gapfinder.UnknownTargetError) as info:
        engine.analyze_text(SENIOR, target=target or " ")
    assert isinstance(info.value, gapfinder.UsageError)
    assert "staff" in info.value.message  # it lists what exists
    assert "\n" not in info.value.message


# ----------------------------------------------------------------- job comparison
COMPARE_JD = """Machine Learning Engineer

Requirements
- Deep Learning for ranking problems.
- Python and SQL.
- Kubernetes in production.
- 3+ years of experience.
- BS in Computer Science.

Nice to have
- Terraform.
- Docker.
"""

COMPARE_RESUME = """Lee Park
Machine Learning Engineer

EXPERIENCE
Machine Learning Engineer, Globex
Jan 2024 - Present
- Built ranking models in PyTorch with Python; shipped them in Docker.

EDUCATION
B.S. in Computer Science, 2023

SKILLS
Python, PyTorch, Docker
"""


@pytest.fixture(scope="module")
def job_gap(engine: Engine) -> tuple[Report, Gap]:
    """The job post's report and the resume's gap to it."""
    job = engine.analyze_text(COMPARE_JD, kind="job")
    report = engine.analyze_text(COMPARE_RESUME, job=job)
    assert report.gap is not None
    return job, report.gap


def test_job_comparison(job_gap: tuple[Report, Gap]) -> None:
    job, gap = job_gap
    assert (gap.target_kind, gap.target) == ("job", "job")
    assert gap.target_name == "Machine Learning Engineer"
    st = {s.requirement: s for s in gap.skills}
    assert job.requirements is not None
    assert set(st) == set(job.requirements.required_skills) | set(job.requirements.preferred_skills)
    expected = {
        "python": ("met", "direct", "required"),
        "deep-learning": ("met", "implied", "required"),
        "sql": ("missing", None, "required"),
        "kubernetes": ("missing", None, "required"),
        "docker": ("met", "direct", "preferred"),
        "terraform": ("missing", None, "preferred"),
    }
    for sid, (status, via, importance) in expected.items():
        assert (st[sid].status, st[sid].via, st[sid].importance) == (status, via, importance), sid
    assert st["deep-learning"].implied_by == "pytorch"
    assert st["deep-learning"].evidence and st["deep-learning"].evidence[0].text == "PyTorch"
    assert st["deep-learning"].job_evidence and st["deep-learning"].job_evidence[0].text == "Deep Learning"
    for s in gap.skills:
        for m in s.evidence:
            assert COMPARE_RESUME[m.start : m.end] == m.text
        for m in s.job_evidence:
            assert COMPARE_JD[m.start : m.end] == m.text
    assert "Kubernetes" in gap.missing_by_category.get("devops", ())
    assert 0.0 < gap.coverage < 1.0


def test_job_comparison_years_and_degree(job_gap: tuple[Report, Gap]) -> None:
    _, gap = job_gap
    assert gap.years_required == 3
    assert gap.years_held == pytest.approx(34 / 12, abs=0.05)  # Jan 2024 .. Nov 2026
    assert gap.years_shortfall == pytest.approx(3 - 34 / 12, abs=0.05)
    assert (gap.degree_required, gap.degree_held, gap.degree_met) == ("bachelor", "bachelor", True)
    assert gap.salary is None


def test_job_comparison_full_coverage(engine: Engine) -> None:
    job = engine.analyze_text("ML Engineer\n\nRequirements\n- Python and PyTorch.\n", kind="job")
    gap = engine.analyze_text(COMPARE_RESUME, job=job).gap
    assert gap is not None and gap.coverage == 1.0 and gap.missing_by_category == {}


def test_job_comparison_certifications(engine: Engine) -> None:
    job = engine.analyze_text("MLOps Engineer\n\nRequirements\n- Python.\n- CKA certification.\n", kind="job")
    held = engine.analyze_text("CERTIFICATIONS\nCertified Kubernetes Administrator\n", job=job).gap
    none = engine.analyze_text(COMPARE_RESUME, job=job).gap
    assert held is not None and none is not None
    assert [(c.id, c.status) for c in held.certifications] == [("cka", "held")]
    assert [(c.id, c.status) for c in none.certifications] == [("cka", "missing")]


# ----------------------------------------------------------------- ladder requirements: alternatives, implied
@pytest.mark.parametrize(
    ("skills_line", "expected"),
    [
        ("Python, PyTorch", ("met", "direct", "pytorch", None)),
        ("Python, TensorFlow", ("met", "alternative", "tensorflow", None)),
        ("Python, Keras", ("missing", None, None, None)),
    ],
)
def test_alternatives_mini(
    mini_engine: Engine, skills_line: str, expected: tuple[str, str | None, str | None, str | None]
) -> None:
    gap = mini_engine.analyze_text(f"SKILLS\n{skills_line}\n", target="junior").gap
    assert gap is not None
    dl = {s.requirement: s for s in gap.skills}["dl"]
    assert (dl.status, dl.via, dl.matched_skill, dl.implied_by) == expected
    assert dl.label == "PyTorch or TensorFlow" and dl.any_of == ("pytorch", "tensorflow")


def test_implied_mini(mini_engine: Engine) -> None:
    # TensorFlow implies Deep Learning, which implies Machine Learning (senior's "ml" requirement)
    gap = mini_engine.analyze_text("SKILLS\nPython, TensorFlow, Kubernetes\n", target="senior").gap
    assert gap is not None
    st = {s.requirement: s for s in gap.skills}
    assert (st["ml"].status, st["ml"].via) == ("met", "implied")
    assert st["ml"].matched_skill == "machine-learning"
    assert st["ml"].implied_by in {"tensorflow", "deep-learning"}
    assert (st["k8s"].status, st["k8s"].via) == ("met", "direct")
    assert (st["python"].status, st["python"].via) == ("met", "direct")
    assert [(c.id, c.status) for c in gap.certifications] == [("cka", "missing")]
    # inherited from junior: the senior target keeps the junior requirements
    assert {"python", "dl", "k8s", "ml"} == set(st)


def test_implied_by_certification_mini(mini_engine: Engine) -> None:
    gap = mini_engine.analyze_text("CERTIFICATIONS\nCKA\n", target="senior").gap
    assert gap is not None
    st = {s.requirement: s for s in gap.skills}
    assert (st["k8s"].status, st["k8s"].via, st["k8s"].implied_by) == ("met", "implied", "cka")
    assert [(c.id, c.status) for c in gap.certifications] == [("cka", "held")]


def test_alternative_real_ladder(engine: Engine) -> None:
    gap = engine.analyze_text("SKILLS\nPython, TensorFlow, SQL\n", target="junior").gap
    assert gap is not None
    st = {s.requirement: s for s in gap.skills}
    assert (st["dl-framework"].status, st["dl-framework"].via) == ("met", "alternative")
    assert st["dl-framework"].matched_skill == "tensorflow"


def test_mini_ladder_salary_and_leadership(mini_engine: Engine) -> None:
    gap = mini_engine.analyze_text(JUNIOR, target="manager").gap
    assert gap is not None
    assert gap.salary is None  # the mini manager level has no salary band
    assert gap.leadership_expected == ("Manages a team",)
    assert gap.leadership_missing == ("Manages a team",)
    junior = mini_engine.analyze_text(JUNIOR, target="junior").gap
    assert (
        junior is not None and junior.salary is not None and (junior.salary.min, junior.salary.max) == (100000, 120000)
    )


# ----------------------------------------------------------------- errors
def _png() -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


ERROR_CASES = [
    pytest.param(lambda e: e.analyze_text(b"Python, PyTorch"), gapfinder.UsageError, id="text-bytes"),
    pytest.param(lambda e: e.analyze_text(None), gapfinder.UsageError, id="text-none"),
    pytest.param(lambda e: e.analyze_text("   "), gapfinder.EmptyDocumentError, id="text-blank"),
    pytest.param(lambda e: e.analyze_text(""), gapfinder.EmptyDocumentError, id="text-empty"),
    pytest.param(lambda e: e.analyze_text(" \n\t\r\n \u00a0 "), gapfinder.EmptyDocumentError, id="text-whitespace"),
    pytest.param(lambda e: e.analyze_text(" \ufeff\u200b \n"), gapfinder.EmptyDocumentError, id="text-invisible"),
    pytest.param(lambda e: e.analyze_text("Python", kind="cv"), gapfinder.UsageError, id="kind-cv"),
    pytest.param(lambda e: e.analyze(b"Python", kind="cv"), gapfinder.UsageError, id="analyze-kind-cv"),
    pytest.param(lambda e: e.analyze(_png()), gapfinder.UnsupportedFormatError, id="png-bytes"),
    pytest.param(lambda e: e.analyze(b"   \n\t  "), gapfinder.EmptyDocumentError, id="blank-bytes"),
    pytest.param(
        lambda e: e.analyze_text("Python", kind="job", target="staff"), gapfinder.UsageError, id="job-with-target"
    ),
    pytest.param(
        lambda e: e.analyze_text("Python", job=e.analyze_text("Python, SQL")), gapfinder.UsageError, id="job-not-job"
    ),
    pytest.param(lambda e: e.analyze_text("Python", target="nope"), gapfinder.UnknownTargetError, id="target"),
]


@pytest.mark.parametrize(("call", "error"), ERROR_CASES)
def test_errors(engine: Engine, call: Callable[[Engine], object], error: type[gapfinder.GapfinderError]) -> None:
    with pytest.raises(error) as info:
        call(engine)
    message = info.value.message
    assert message and message == str(info.value)
    assert "\n" not in message and "\r" not in message
    assert message == message.strip()
    assert not message.startswith("Traceback")


def test_unknown_ladder(mini_taxonomy: Taxonomy) -> None:
    with pytest.raises(gapfinder.UsageError, match="ladder"):
        gapfinder.Engine(mini_taxonomy, ladder="ml-engineer")


def test_analyze_bytes_matches_analyze_text(engine: Engine) -> None:
    from_bytes = engine.analyze(SENIOR.encode("utf-8"))
    from_text = engine.analyze_text(SENIOR)
    assert from_bytes.document.format == "text"
    assert from_bytes.text == SENIOR
    assert from_bytes.skills == from_text.skills
    assert from_bytes.placement == from_text.placement


def test_analyze_utf16_bytes(engine: Engine) -> None:
    report = engine.analyze(JUNIOR.encode("utf-16"))
    assert report.text.replace("\r\n", "\n").strip() == JUNIOR.strip()
    assert "pytorch" in skill_ids(report)
    for _, m in all_mentions(report):
        assert report.text[m.start : m.end] == m.text


def test_analyze_is_deterministic(engine: Engine) -> None:
    assert engine.analyze_text(SENIOR) == engine.analyze_text(SENIOR)


def test_warnings_on_thin_documents(engine: Engine) -> None:
    codes = {w.code for w in engine.analyze_text("Hello there, nothing to see.").warnings}
    assert {"little_text", "no_skills", "no_positions"} <= codes
    assert not {w.code for w in engine.analyze_text(SENIOR).warnings} & {"no_skills", "no_positions"}


def test_target_and_job_together_is_a_usage_error(engine: Engine) -> None:
    from gapfinder import UsageError

    job = engine.analyze_text("Requirements\n- Python\n", kind="job")
    with pytest.raises(UsageError, match="either target= or job="):
        engine.analyze_text("Python developer", target="staff", job=job)
