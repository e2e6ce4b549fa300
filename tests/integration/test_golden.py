"""Golden reports for every example resume and job description, plus facts pinned by hand.

The golden files (tests/golden/<resumes|jobs>/<file>.json) are ``report.model_dump(mode="json")`` of
``Engine(today=TODAY)`` without the bulky ``text`` field, and with ``document.source`` made relative to the
repository. ``pytest --regen`` rewrites them; without it a mismatch shows the first differing keys.

The facts table says what is *correct* for each example (from examples/README.md and the resume text),
independently of what the engine does today; where the engine disagrees, the case is a strict xfail.
Years are the union of the dated positions in whole months, end month exclusive, current positions up
to TODAY (2026-11): the convention of ../shared/eval/score.py ``gold_total_years``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import pytest

from gapfinder import Engine
from gapfinder.models import DocumentKind, Report, SectionName
from helpers import GOLDEN, ROOT

EXAMPLES = ROOT / "examples"
RESUME_FILES = sorted(p for p in (EXAMPLES / "resumes").iterdir() if p.suffix in {".txt", ".md", ".pdf", ".docx"})
JOB_FILES = sorted((EXAMPLES / "jobs").glob("*.txt"))
CASES: list[tuple[Path, DocumentKind]] = [(p, "resume") for p in RESUME_FILES] + [(p, "job") for p in JOB_FILES]
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def golden_file(path: Path) -> Path:
    return GOLDEN / path.parent.name / f"{path.name}.json"


@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[str, Report]:
    """Every example analysed once (about 0.5 s in all)."""
    return {rel(p): engine.analyze(p, kind=kind) for p, kind in CASES}


def golden_data(report: Report, path: Path) -> dict[str, Any]:
    data = report.model_dump(mode="json")
    del data["text"]
    source = data["document"]["source"]
    assert source is not None and Path(source).name == path.name
    data["document"]["source"] = rel(path)
    return data


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def differences(expected: Any, actual: Any, where: str = "$") -> list[str]:
    """Paths where two JSON values differ, in document order."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out: list[str] = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                out.append(f"{where}.{key}: missing (expected {_short(expected[key])})")
            elif key not in expected:
                out.append(f"{where}.{key}: unexpected {_short(actual[key])}")
            else:
                out.extend(differences(expected[key], actual[key], f"{where}.{key}"))
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        exp, act = _by_id(expected), _by_id(actual)
        if exp is not None and act is not None:
            # findings (skills, certifications, ...): compare by id, so one new skill is one line
            out = [f"{where}: unexpected id {k!r}" for k in act if k not in exp]
            out += [f"{where}: missing id {k!r}" for k in exp if k not in act]
            for k in exp:
                if k in act:
                    out.extend(differences(exp[k], act[k], f"{where}[id={k}]"))
            if not out and list(exp) != list(act):
                out.append(f"{where}: same ids in a different order")
            return out
        out = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
            out.extend(differences(e, a, f"{where}[{i}]"))
        if len(expected) != len(actual):
            out.append(f"{where}: {len(expected)} items expected, {len(actual)} found")
        return out
    if expected != actual:
        return [f"{where}: expected {_short(expected)}, got {_short(actual)}"]
    return []


def _by_id(items: list[Any]) -> dict[str, Any] | None:
    if not items or not all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in items):
        return None
    ids = [x["id"] for x in items]
    return dict(zip(ids, items, strict=True)) if len(set(ids)) == len(ids) else None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 100 else text[:97] + "..."


# ----------------------------------------------------------------- golden files
@pytest.mark.parametrize(("path", "kind"), CASES, ids=[rel(p) for p, _ in CASES])
def test_golden(reports: dict[str, Report], regen: bool, path: Path, kind: str) -> None:
    data = golden_data(reports[rel(path)], path)
    target = golden_file(path)
    if regen:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(data), encoding="utf-8")
        return
    assert target.exists(), f"no golden file {target.relative_to(ROOT)}; run pytest --regen"
    expected = json.loads(target.read_text(encoding="utf-8"))
    actual = json.loads(dumps(data))
    if expected != actual:
        diffs = differences(expected, actual)
        shown = "\n  ".join(diffs[:12])
        more = f"\n  ... and {len(diffs) - 12} more" if len(diffs) > 12 else ""
        pytest.fail(
            f"{rel(path)} differs from {target.relative_to(ROOT)} ({len(diffs)} differences; "
            f"pytest --regen rewrites it if the change is intended):\n  {shown}{more}",
            pytrace=False,
        )


def test_no_stale_golden_files(regen: bool) -> None:
    wanted = {golden_file(p) for p, _ in CASES}
    present = set(GOLDEN.glob("*/*.json"))
    if regen:
        for stale in present - wanted:
            stale.unlink()
        return
    assert present == wanted, {
        "missing": sorted(rel(p) for p in wanted - present),
        "stale": sorted(rel(p) for p in present - wanted),
    }


def test_golden_files_have_no_text_and_no_absolute_paths() -> None:
    for target in GOLDEN.glob("*/*.json"):
        raw = target.read_text(encoding="utf-8")
        data = json.loads(raw)
        assert "text" not in data, target
        assert str(ROOT) not in raw, target
        assert raw == dumps(data), f"{target} is not in the canonical format"


# ----------------------------------------------------------------- contract on every example
@pytest.mark.parametrize(("path", "kind"), CASES, ids=[rel(p) for p, _ in CASES])
def test_contract(reports: dict[str, Report], path: Path, kind: str) -> None:
    report = reports[rel(path)]
    text = report.text
    assert report.kind == kind
    sections = set(get_args(SectionName))
    groups: list[Any] = [report.skills, report.certifications, report.education, report.leadership]
    for group in groups:
        for finding in group:
            assert finding.mentions
            for m in finding.mentions:
                assert text[m.start : m.end] == m.text, (finding, m)
                assert m.section in sections
    for s in report.document.sections:
        assert 0 <= s.start <= s.end <= len(text)
    assert report.document.chars == len(text)
    for p in report.experience.positions:
        assert p.start is None or YM.match(p.start), p
        assert p.end is None or YM.match(p.end), p
        assert not (p.current and p.end), p
        assert 0 <= p.start_offset <= p.end_offset <= len(text)
    pl = report.placement
    assert pl is not None and pl.ladder == "ml-engineer" and 0 <= pl.confidence <= 1
    if kind == "job":
        assert report.requirements is not None and report.gap is None
        listed = set(report.requirements.required_skills) | set(report.requirements.preferred_skills)
        assert listed <= {s.id for s in report.skills}
        for skill in report.skills:
            if all(m.section in {"benefits", "company"} for m in skill.mentions):
                assert skill.id not in listed, f"{skill.id} is only in benefits/company text"
    else:
        assert report.requirements is None and report.gap is not None


# ----------------------------------------------------------------- facts, by hand
@dataclass(frozen=True)
class Facts:
    level: str
    track: str
    months: int  # union of dated positions, see the module docstring
    skills: frozenset[str]
    not_skills: frozenset[str] = frozenset()
    surfaces: dict[str, frozenset[str]] = field(default_factory=dict)  # skill -> texts among its mentions
    certifications: frozenset[str] = frozenset()
    degrees: frozenset[str] = frozenset()
    leadership: frozenset[str] = frozenset()


F = frozenset
NEVER_SKILL_PHRASES = ("go-to-market", "excellent")

JUNIOR = Facts(
    level="junior",
    track="ic",
    # TA Jan 2023 - May 2024 (16, contains the internship) + Jul 2024 - now (28)
    months=16 + 28,
    skills=F({"python", "pytorch", "scikit-learn", "sql", "aws", "git", "pandas", "xgboost", "lightgbm"}),
    surfaces={"pytorch": F({"Pytorch"}), "scikit-learn": F({"sklearn"})},
    degrees=F({"master", "bachelor"}),
)
MID = Facts(
    level="mid",
    track="ic",
    # intern 2019-06..2019-08 (2) + 2021-08..2022-11 (15) + 2022-12..now (47); the bootcamp job is inside
    months=2 + 15 + 47,
    skills=F({"python", "pytorch", "tensorflow", "kubernetes", "mlflow", "airflow", "docker", "hugging-face", "nlp"}),
    surfaces={"kubernetes": F({"k8s", "Kubernates"}), "tensorflow": F({"Tensor Flow"})},
    certifications=F({"tensorflow-developer", "gcp-professional-ml-engineer"}),
    degrees=F({"bachelor"}),
)
SENIOR = Facts(
    level="senior",
    track="ic",
    # RA 01/2017..12/2017 (11) + 03/2018..05/2020 (26) + 06/2020..now, the lecturer job bridging 07/2022 (77)
    months=11 + 26 + 77,
    skills=F(
        {
            "python",
            "go",
            "pytorch",
            "kubernetes",
            "distributed-training",
            "fsdp",
            "horovod",
            "feast",
            "feature-store",
            "mlflow",
            "model-registry",
            "ab-testing",
            "causal-inference",
        }
    ),
    surfaces={"kubernetes": F({"k8s"}), "go": F({"Go"})},
    certifications=F({"aws-ml-specialty", "aws-solutions-architect-associate"}),
    degrees=F({"master", "bachelor"}),
    leadership=F({"mentoring", "technical_leadership", "publications"}),
)
STAFF = Facts(
    level="staff",
    track="ic",
    # 2014 .. now: year-only dates start in January (154); the advisor job is inside
    months=154,
    skills=F({"python", "go", "pytorch", "jax", "ray", "kubernetes", "kafka", "llm", "rag", "apache-spark"}),
    degrees=F({"phd", "bachelor"}),
    leadership=F({"publications", "patents", "open_source", "speaking", "technical_leadership", "mentoring"}),
)
MANAGER = Facts(
    level="manager",
    track="management",
    # Jun 2015 .. Aug 2017 (26) + Sep 2017 .. Aug 2019 (23) + Sep 2019 .. Sep 2022 (36) + Oct 2022 .. now (49)
    months=26 + 23 + 36 + 49,
    skills=F({"python", "pytorch", "tensorflow", "kubernetes", "xgboost", "apache-spark", "kafka", "hiring"}),
    not_skills=F({"go"}),
    surfaces={"tensorflow": F({"Tensor Flow"})},
    degrees=F({"master", "bachelor"}),
    leadership=F({"people_management", "team_size", "hiring", "budget", "roadmap", "mentoring"}),
)
CAREER_CHANGER = Facts(
    # a data scientist is placed on the data-scientist path (with the seniority of a mid-level professional,
    # ~4.5 years); the gap is the move into ML engineering at that seniority (the path's steps_into)
    level="data-scientist",
    track="alternative",
    # Summer 2021 (Jun..Aug, 2) + 06/2022..07/2023 (13) + Aug 2023..now (39)
    months=2 + 13 + 39,
    skills=F({"sql", "tableau", "pandas", "statistics", "ab-testing", "scikit-learn", "python", "dbt", "snowflake"}),
    not_skills=F({"go"}),
    certifications=F({"deeplearning-ai-specialization"}),
    degrees=F({"bachelor"}),
)

NURSE = Facts(
    # off the ladder: the placement is the seniority only ("Senior Staff Nurse", 12 years)
    level="senior",
    track="ic",
    # June 2018 .. now (101) + August 2014 .. May 2018 (45)
    months=101 + 45,
    skills=F({"microsoft-office"}),
    not_skills=F({"go"}),
    degrees=F({"bachelor"}),
    leadership=F({"mentoring"}),
)
DATA_ENGINEER = Facts(
    # on the data-engineer path; its steps_into make the gap the senior ML engineer rung
    level="data-engineer",
    track="alternative",
    # Mar 2021 .. now (68) + Jun 2018 .. Feb 2021 (32)
    months=68 + 32,
    skills=F({"python", "sql", "scala", "apache-spark", "kafka", "airflow", "dbt", "snowflake", "redshift", "aws"})
    | F({"docker", "kubernetes", "terraform", "git", "feast"}),
    certifications=F({"aws-data-engineer-associate"}),
    degrees=F({"bachelor"}),
)

FACTS: dict[str, Facts] = {
    "registered_nurse.txt": NURSE,
    "data_engineer.txt": DATA_ENGINEER,
    "junior_ml_engineer.txt": JUNIOR,
    "junior_ml_engineer.pdf": JUNIOR,
    "junior_ml_engineer.docx": JUNIOR,
    "mid_ml_engineer.md": MID,
    "mid_ml_engineer.pdf": MID,
    "mid_ml_engineer.docx": MID,
    "senior_ml_engineer.txt": SENIOR,
    "senior_ml_engineer.pdf": SENIOR,
    "senior_ml_engineer.docx": SENIOR,
    "senior_ml_engineer_two_column.pdf": SENIOR,
    "staff_ml_engineer.txt": STAFF,
    "staff_ml_engineer.pdf": STAFF,
    "ml_engineering_manager.txt": MANAGER,
    "ml_engineering_manager.pdf": MANAGER,
    "ml_engineering_manager.docx": MANAGER,
    "data_scientist_career_changer.txt": CAREER_CHANGER,
    "data_scientist_career_changer.pdf": CAREER_CHANGER,
}

# (file, fact) -> why the engine gets it wrong today
KNOWN_WRONG: dict[tuple[str, str], str] = {}

FACT_KINDS = ["placement", "years", "skills", "not_skills", "surfaces", "certifications", "degrees", "leadership"]


def _fact_params(by_name: dict[str, Any], kinds: list[str], known_wrong: dict[tuple[str, str], str]) -> list[Any]:
    """One case per (file, fact kind); a known-wrong pair is a strict xfail with its reason."""
    out = []
    for name, facts in by_name.items():
        for kind in kinds:
            marks = []
            if (name, kind) in known_wrong:
                marks.append(pytest.mark.xfail(strict=True, reason=known_wrong[name, kind]))
            out.append(pytest.param(name, kind, facts, id=f"{name}-{kind}", marks=marks))
    return out


def test_facts_cover_every_resume() -> None:
    assert sorted(FACTS) == sorted(p.name for p in RESUME_FILES)


@pytest.mark.parametrize(("name", "kind", "facts"), _fact_params(FACTS, FACT_KINDS, KNOWN_WRONG))
def test_resume_facts(reports: dict[str, Report], name: str, kind: str, facts: Facts) -> None:
    report = reports[f"examples/resumes/{name}"]
    found = {s.id: s for s in report.skills}
    if kind == "placement":
        assert report.placement is not None
        assert (report.placement.level, report.placement.track) == (facts.level, facts.track)
    elif kind == "years":
        assert report.experience.basis == "positions"
        assert report.experience.total_years == pytest.approx(facts.months / 12, abs=0.1)
    elif kind == "skills":
        assert facts.skills <= set(found), sorted(facts.skills - set(found))
    elif kind == "not_skills":
        assert not facts.not_skills & set(found)
        # no skill mention inside the phrases that only look like skills ("go-to-market", "excellent")
        lowered = report.text.lower()
        for phrase in NEVER_SKILL_PHRASES:
            for hit in re.finditer(re.escape(phrase), lowered):
                for s in report.skills:
                    for m in s.mentions:
                        assert m.end <= hit.start() or m.start >= hit.end(), (phrase, s.id, m)
    elif kind == "surfaces":
        for sid, texts in facts.surfaces.items():
            assert sid in found, sid
            assert texts <= {m.text for m in found[sid].mentions}, sid
    elif kind == "certifications":
        assert facts.certifications <= {c.id for c in report.certifications}
    elif kind == "degrees":
        assert {e.degree for e in report.education} == facts.degrees
    elif kind == "leadership":
        assert facts.leadership <= {s.kind for s in report.leadership}


def test_manager_numbers(reports: dict[str, Report]) -> None:
    for suffix in ("txt", "pdf", "docx"):
        signals = {s.kind: s for s in reports[f"examples/resumes/ml_engineering_manager.{suffix}"].leadership}
        assert signals["team_size"].value == 8
        assert signals["budget"].value == 2_100_000


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_career_changer_aspirations(reports: dict[str, Report], suffix: str) -> None:
    report = reports[f"examples/resumes/data_scientist_career_changer.{suffix}"]
    assert "kubernetes" not in {s.id for s in report.skills}


def test_evidence_details(reports: dict[str, Report]) -> None:
    def mentions(path: str, skill: str) -> list[tuple[str, str, str]]:
        found = {s.id: s for s in reports[path].skills}
        return [(m.text, m.section, m.match) for m in found[skill].mentions]

    # "Go" in the skills list and in prose ("a Go gateway service"), never in "go-to-market"
    go = mentions("examples/resumes/senior_ml_engineer.txt", "go")
    assert {(text, section) for text, section, _ in go} == {("Go", "experience"), ("Go", "skills")}
    # the typo is a fuzzy match, the abbreviation an alias
    k8s = mentions("examples/resumes/mid_ml_engineer.md", "kubernetes")
    assert ("Kubernates", "skills", "fuzzy") in k8s
    assert ("k8s", "experience", "alias") in k8s


def test_default_targets(reports: dict[str, Report]) -> None:
    # the next rung up; for a path, the rung of the ladder the move reaches at the person's seniority
    expected = {"junior": "mid", "mid": "senior", "senior": "staff", "staff": "principal", "manager": "director"}
    expected.update({"data-scientist": "mid", "data-engineer": "senior"})
    for name in FACTS:
        report = reports[f"examples/resumes/{name}"]
        assert report.gap is not None and report.placement is not None
        off = report.placement.fit == "off_ladder"
        assert report.gap.target == ("junior" if off else expected[report.placement.level]), name
        assert report.gap.target_kind == "level"
        move = report.placement.track == "alternative" or report.placement.fit != "fits"
        assert report.gap.basis == ("transition" if move else "next_level"), name
        assert report.placement.next is not None and report.placement.next.level == report.gap.target


def test_two_column_warning(reports: dict[str, Report]) -> None:
    warnings = {w.code for w in reports["examples/resumes/senior_ml_engineer_two_column.pdf"].warnings}
    assert "two_columns" in warnings
    assert not {w.code for w in reports["examples/resumes/senior_ml_engineer.pdf"].warnings}


def test_same_resume_same_findings_across_formats(reports: dict[str, Report]) -> None:
    """The PDF/DOCX renderings carry the same text as the source, so the core findings agree."""
    for stem, source in [
        ("junior_ml_engineer", "txt"),
        ("mid_ml_engineer", "md"),
        ("senior_ml_engineer", "txt"),
        ("ml_engineering_manager", "txt"),
    ]:
        base = reports[f"examples/resumes/{stem}.{source}"]
        for other in ("pdf", "docx"):
            r = reports[f"examples/resumes/{stem}.{other}"]
            assert r.placement is not None and base.placement is not None
            assert r.placement.level == base.placement.level, (stem, other)
            assert r.experience.total_years == base.experience.total_years, (stem, other)
            assert [(p.start, p.end) for p in r.experience.positions] == [
                (p.start, p.end) for p in base.experience.positions
            ], (stem, other)


# ----------------------------------------------------------------- job descriptions
@dataclass(frozen=True)
class JobFacts:
    levels: frozenset[str]  # accepted placements of the posting
    min_years: float | None
    degree: str | None
    degree_preferred: str | None
    required: frozenset[str]
    preferred: frozenset[str]
    certifications: frozenset[str] = frozenset()
    not_skills: frozenset[str] = frozenset()


JOB_FACTS: dict[str, JobFacts] = {
    "junior_ml_engineer_jd.txt": JobFacts(
        levels=F({"junior"}),
        min_years=0,  # "0-2 years of experience"
        degree="bachelor",
        degree_preferred="master",
        required=F({"python", "sql", "scikit-learn", "pytorch", "tensorflow", "git", "statistics"}),
        preferred=F({"docker", "shap"}),
    ),
    "senior_ml_engineer_jd.txt": JobFacts(
        levels=F({"senior"}),
        min_years=5,
        degree="bachelor",
        degree_preferred="phd",
        required=F(
            {"python", "pytorch", "distributed-training", "kubernetes", "mlflow", "airflow", "docker", "ab-testing"}
        ),
        preferred=F({"go", "c++", "recommender-systems"}),
        certifications=F({"aws-ml-specialty", "gcp-professional-ml-engineer"}),
    ),
    "staff_or_manager_jd.txt": JobFacts(
        levels=F({"staff", "manager"}),  # one posting for both tracks
        min_years=8,
        degree="master",
        degree_preferred="phd",
        required=F({"pytorch", "jax", "ray", "kubernetes", "distributed-training", "hiring"}),
        preferred=F({"open-source", "hugging-face"}),
        not_skills=F({"go"}),  # "go-to-market partners"
    ),
    "ml_platform_engineer_jd.txt": JobFacts(
        levels=F({"mlops-engineer"}),  # the MLOps path, 3+ years
        min_years=3,
        degree="bachelor",
        degree_preferred=None,
        required=F(
            {"python", "go", "docker", "kubernetes", "pytorch", "tensorflow", "aws", "gcp", "azure", "airflow"}
            | {"kubeflow", "mlflow", "terraform"}
        ),
        preferred=F({"helm", "pulumi", "feast", "kserve"}),
        certifications=F({"cka"}),
    ),
    "ml_engineer_alternatives_jd.txt": JobFacts(
        levels=F({"mid"}),  # "Machine Learning Engineer", 3+ years
        min_years=3,
        degree="bachelor",  # "BS/MS ... or equivalent practical experience"
        degree_preferred="master",  # "BS/MS": the higher accepted level
        required=F({"python", "pytorch", "tensorflow", "apache-spark", "flink", "dask", "aws", "gcp", "azure"})
        | F({"docker", "kubernetes", "sql", "dbt"}),
        preferred=F({"prophet", "statsmodels", "mlflow", "weights-and-biases", "terraform"}),
        certifications=F({"cka", "aws-ml-specialty"}),
        not_skills=F({"go"}),
    ),
}

JOB_KNOWN_WRONG: dict[tuple[str, str], str] = {}
JOB_FACT_KINDS = [
    "placement",
    "years",
    "degree",
    "degree_evidence",
    "required",
    "preferred",
    "certifications",
    "not_skills",
]


def test_job_facts_cover_every_job() -> None:
    assert sorted(JOB_FACTS) == sorted(p.name for p in JOB_FILES)


@pytest.mark.parametrize(("name", "kind", "facts"), _fact_params(JOB_FACTS, JOB_FACT_KINDS, JOB_KNOWN_WRONG))
def test_job_facts(reports: dict[str, Report], name: str, kind: str, facts: JobFacts) -> None:
    report = reports[f"examples/jobs/{name}"]
    req = report.requirements
    assert req is not None
    if kind == "placement":
        assert report.placement is not None and report.placement.level in facts.levels
    elif kind == "years":
        assert req.min_years == facts.min_years
    elif kind == "degree":
        assert (req.degree, req.degree_preferred) == (facts.degree, facts.degree_preferred)
    elif kind == "degree_evidence":
        # every degree the requirements name comes from the posting's qualifications
        for e in report.education:
            for m in e.mentions:
                assert m.section in {"requirements", "preferred", "job_summary", "responsibilities"}, (e.degree, m)
        levels = {e.degree for e in report.education}
        assert {req.degree, req.degree_preferred} - {None} <= levels
    elif kind == "required":
        assert facts.required <= set(req.required_skills), sorted(facts.required - set(req.required_skills))
    elif kind == "preferred":
        assert facts.preferred <= set(req.preferred_skills), sorted(facts.preferred - set(req.preferred_skills))
        assert not facts.preferred & set(req.required_skills)
    elif kind == "certifications":
        assert facts.certifications <= set(req.certifications)
    elif kind == "not_skills":
        assert not facts.not_skills & {s.id for s in report.skills}
        lowered = report.text.lower()
        for phrase in NEVER_SKILL_PHRASES:
            for hit in re.finditer(re.escape(phrase), lowered):
                for s in report.skills:
                    assert all(m.end <= hit.start() or m.start >= hit.end() for m in s.mentions), (phrase, s.id)


def test_jobs_have_titles(reports: dict[str, Report]) -> None:
    requirements = {name: reports[f"examples/jobs/{name}"].requirements for name in JOB_FACTS}
    titles = {name: r.title if r is not None else None for name, r in requirements.items()}
    assert titles["junior_ml_engineer_jd.txt"] == "Junior Machine Learning Engineer"
    assert titles["senior_ml_engineer_jd.txt"] == "Senior Machine Learning Engineer, Marketplace Ranking"
    assert titles["ml_platform_engineer_jd.txt"] == "MLOps / ML Platform Engineer"
    assert (titles["staff_or_manager_jd.txt"] or "").startswith("Staff ML Engineer / ML Engineering Manager")


def test_resume_against_example_job(engine: Engine, reports: dict[str, Report]) -> None:
    job = reports["examples/jobs/senior_ml_engineer_jd.txt"]
    mid = engine.analyze(EXAMPLES / "resumes" / "mid_ml_engineer.md", job=job)
    senior = engine.analyze(EXAMPLES / "resumes" / "senior_ml_engineer.txt", job=job)
    assert mid.gap is not None and senior.gap is not None
    assert mid.gap.target_kind == senior.gap.target_kind == "job"
    assert senior.gap.coverage > mid.gap.coverage
    st = {s.requirement: s for s in senior.gap.skills}
    assert st["distributed-training"].status == "met"
    assert st["pytorch"].status == "met" and st["pytorch"].via == "direct"
    mst = {s.requirement: s for s in mid.gap.skills}
    assert mst["distributed-training"].status == "missing"
    assert mid.gap.years_shortfall == 0  # 5.33 years against 5+
    assert [(c.id, c.status) for c in senior.gap.certifications if c.id == "aws-ml-specialty"] == [
        ("aws-ml-specialty", "held")
    ]
