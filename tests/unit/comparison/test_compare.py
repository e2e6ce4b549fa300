"""Resume vs job: requirement statuses with evidence, the match score, the level view and the hints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from gapfinder import Engine
from gapfinder.comparison.score import CREDIT, WEIGHTS
from gapfinder.errors import EmptyDocumentError, EncryptedDocumentError, InputError, UsageError
from gapfinder.models import SCHEMA_VERSION, CompactComparison, Comparison, Report
from gapfinder.schema import SCHEMA_FILES
from helpers import EXAMPLES, ROOT, compare_texts, requirement_status

RESUME = """Jane Doe
Machine Learning Engineer

Summary
ML engineer building ranking models with PyTorch.

Experience
Machine Learning Engineer, Acme Corp                      01/2020 - 12/2023
- Trained ranking models in PyTorch and served them on K8s.
- Built data pipelines with Apache Spark.

Skills
Python, SQL, Kubernetes, TensorFlow

Education
B.S. in Computer Science, State University, 2019
"""


# ------------------------------------------------------------------ statuses on a small synthetic pair
@pytest.mark.parametrize(
    ("requirement", "skill", "status", "via"),
    [
        ("Experience with PyTorch.", "pytorch", "met", "direct"),
        ("Experience with JAX or PyTorch.", "pytorch", "met", "alternative"),
        ("Python.", "python", "claimed", "direct"),  # only in the skills list
        ("Terraform.", "terraform", "missing", None),
        ("Experience with Keras.", "keras", "partial", "related"),  # PyTorch/TensorFlow: both DL frameworks
    ],
)
def test_skill_statuses(engine: Engine, requirement: str, skill: str, status: str, via: str | None) -> None:
    c = compare_texts(engine, RESUME, f"Requirements\n- {requirement}\n")
    s = requirement_status(c, skill)
    assert (s.status, s.via) == (status, via)


def test_a_backed_alternative_beats_a_listed_one(engine: Engine) -> None:
    # TensorFlow is only listed; PyTorch is used at work: the answer is PyTorch, met
    c = compare_texts(engine, RESUME, "Requirements\n- TensorFlow or PyTorch.\n")
    s = requirement_status(c, "tensorflow")
    assert (s.status, s.matched, s.via) == ("met", "pytorch", "alternative")


def test_years_of_a_skill(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- 6+ years of PyTorch.\n")
    s = requirement_status(c, "pytorch")
    assert s.status == "partial"
    assert s.years_shown == 3.92  # 01/2020 - 12/2023: 47 months, as experience counts them
    assert "3.92 of 6 years" in s.detail


def test_total_years(engine: Engine) -> None:
    met = compare_texts(engine, RESUME, "Requirements\n- 3+ years of experience.\n")
    part = compare_texts(engine, RESUME, "Requirements\n- 8+ years of experience.\n")
    assert [(s.status, s.years_shown) for s in met.requirements if s.requirement.kind == "years"] == [("met", 3.92)]
    assert [(s.status, s.detail) for s in part.requirements if s.requirement.kind == "years"] == [
        ("partial", "3.92 of 8 years")
    ]
    years = next(c for c in part.score.components if c.name == "years")
    assert years.score == 0.49  # the share of the years shown


@pytest.mark.parametrize(
    ("line", "status", "via"),
    [
        ("BS in Computer Science.", "met", None),
        ("MS in Computer Science.", "missing", None),
        ("MS in Computer Science, or equivalent practical experience.", "partial", "equivalent"),
        ("BS in Physics.", "partial", None),  # the level, another field
    ],
)
def test_degree_statuses(engine: Engine, line: str, status: str, via: str | None) -> None:
    c = compare_texts(engine, RESUME, f"Requirements\n- {line}\n")
    s = next(s for s in c.requirements if s.requirement.kind == "degree")
    assert (s.status, s.via) == (status, via)


def test_certification_statuses(engine: Engine) -> None:
    resume = RESUME + "\nCertifications\nCertified Kubernetes Administrator (CKA), 2022\n"
    held = compare_texts(engine, resume, "Nice to have\n- CKA or CKAD.\n")
    none = compare_texts(engine, RESUME, "Nice to have\n- CKA or CKAD.\n")
    assert [s.status for s in held.requirements if s.requirement.kind == "certification"] == ["met"]
    assert [s.status for s in none.requirements if s.requirement.kind == "certification"] == ["missing"]


def test_evidence_points_into_both_texts(engine: Engine) -> None:
    c = compare_texts(
        engine, RESUME, "Requirements\n- PyTorch or TensorFlow.\n- Kubernetes.\n- 3+ years of experience.\n"
    )
    for s in c.requirements:
        sentence = s.requirement.sentence
        assert c.job.text[sentence.start : sentence.end] == sentence.text
        for e in s.resume_evidence:
            assert c.resume.text[e.start : e.end] == e.text
        if s.status != "missing":
            assert s.resume_evidence


# ------------------------------------------------------------------ score
def test_score_is_deterministic_and_adds_up(engine: Engine) -> None:
    job = "Requirements\n- PyTorch or TensorFlow.\n- Terraform.\n- 3+ years of experience.\n- BS in Computer Science.\n"
    a = compare_texts(engine, RESUME, job)
    b = compare_texts(engine, RESUME, job)
    assert a.model_dump_json() == b.model_dump_json()
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    applying = [c for c in a.score.components if c.applies]
    assert sum(c.effective_weight for c in applying) == pytest.approx(1.0, abs=1e-3)
    assert all(c.effective_weight == 0 for c in a.score.components if not c.applies)
    assert a.score.total == pytest.approx(sum(c.points for c in a.score.components), abs=0.06)
    assert a.score.credit == CREDIT


def test_components_without_requirements_do_not_apply(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- PyTorch.\n")
    applies = {comp.name: comp.applies for comp in c.score.components}
    assert applies["required_skills"] and not applies["certifications"] and not applies["years"]


def test_more_evidence_never_lowers_the_score(engine: Engine) -> None:
    job = "Requirements\n- PyTorch.\n- Terraform.\n"
    before = compare_texts(engine, RESUME, job).score.total
    after = compare_texts(
        engine, RESUME.replace("Built data pipelines", "Wrote Terraform modules; built data pipelines"), job
    )
    assert after.score.total > before


# ------------------------------------------------------------------ hints
def test_hints_never_invent(engine: Engine) -> None:
    c = compare_texts(engine, RESUME, "Requirements\n- Kubernetes in production.\n- Terraform.\n- Python.\n")
    kinds = {(h.kind, h.requirement) for h in c.hints}
    ids = {s.requirement.any_of[0]: s.requirement.id for s in c.requirements}
    assert ("learn", ids["terraform"]) in kinds
    assert ("back_up", ids["python"]) in kinds
    for h in c.hints:
        for e in h.resume_evidence:
            assert c.resume.text[e.start : e.end] == e.text
        if h.kind == "learn":
            assert not h.resume_evidence and "not something to add" in h.message
        elif h.kind != "level":
            assert h.resume_evidence


def test_use_job_term_hint(engine: Engine) -> None:
    resume = RESUME.replace("Python, SQL, Kubernetes, TensorFlow", "Python, SQL, TensorFlow")
    c = compare_texts(engine, resume, "Requirements\n- Kubernetes.\n")
    hints = [h for h in c.hints if h.kind == "use_job_term"]
    assert len(hints) == 1
    assert "“Kubernetes”" in hints[0].message and "“K8s”" in hints[0].message


def test_no_use_job_term_hint_for_an_abbreviation_in_the_post(engine: Engine) -> None:
    resume = "Jane Doe\n\nExperience\nEngineer, Acme 2020 - 2023\n- Built machine learning models.\n"
    c = compare_texts(engine, resume, "Requirements\n- ML experience.\n")
    assert not [h for h in c.hints if h.kind == "use_job_term"]


# ------------------------------------------------------------------ level view
def test_level_fit(engine: Engine) -> None:
    staff = engine.analyze(EXAMPLES / "resumes" / "staff_ml_engineer.txt")
    junior_job = engine.analyze(EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt", kind="job")
    c = engine.compare(staff, junior_job)
    assert (c.level.candidate_level, c.level.job_level, c.level.verdict, c.level.steps) == (
        "staff",
        "junior",
        "over",
        -3,
    )
    fit = next(comp for comp in c.score.components if comp.name == "level_fit")
    assert fit.score == 0.5


def test_compare_takes_paths_and_checks_kinds(engine: Engine) -> None:
    c = engine.compare(EXAMPLES / "resumes" / "junior_ml_engineer.txt", EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt")
    assert c.resume.kind == "resume" and c.job.kind == "job"
    job = engine.analyze_text("Requirements\n- Python.\n", kind="job")
    with pytest.raises(UsageError):
        engine.compare(job, job)


# ------------------------------------------------------------------ the example pairs (hand-checked facts)
PAIRS = {
    "near_perfect": ("senior_ml_engineer.txt", "senior_ml_engineer_jd.txt"),
    "career_changer": ("data_scientist_career_changer.txt", "junior_ml_engineer_jd.txt"),
    "over_qualified": ("staff_ml_engineer.txt", "junior_ml_engineer_jd.txt"),
    "alternatives": ("mid_ml_engineer.md", "ml_engineer_alternatives_jd.txt"),
}


@pytest.fixture(scope="module")
def pairs(engine: Engine) -> dict[str, Comparison]:
    return {k: engine.compare(EXAMPLES / "resumes" / r, EXAMPLES / "jobs" / j) for k, (r, j) in PAIRS.items()}


# (pair, skill id in any_of, status, resume evidence text, its section)
PAIR_FACTS = [
    ("near_perfect", "pytorch", "met", "PyTorch", "experience"),
    ("near_perfect", "kubernetes", "met", "k8s", "experience"),  # the resume's own spelling
    ("near_perfect", "python", "claimed", "Python", "skills"),  # only in "Languages: Python, Go, ..."
    ("near_perfect", "learning-to-rank", "missing", None, None),
    ("near_perfect", "go", "met", "Go", "experience"),  # "a Go gateway service"
    ("career_changer", "scikit-learn", "met", "sklearn", "experience"),
    ("career_changer", "docker", "met", "Dockerfile", "projects"),
    ("career_changer", "tensorflow", "claimed", "TensorFlow", "skills"),  # "Keras/TensorFlow (coursework)"
    ("career_changer", "ci-cd", "missing", None, None),
    ("over_qualified", "pytorch", "met", "PyTorch", "projects"),
    ("alternatives", "pytorch", "met", "Tensor Flow", "experience"),  # met through TensorFlow, spelled apart
    ("alternatives", "apache-spark", "implied", "PySpark", "experience"),  # implied by PySpark, never named
    ("alternatives", "aws", "claimed", "AWS", "skills"),
]


@pytest.mark.parametrize(("pair", "skill", "status", "text", "section"), PAIR_FACTS)
def test_pair_facts(
    pairs: dict[str, Comparison], pair: str, skill: str, status: str, text: str | None, section: str | None
) -> None:
    s = requirement_status(pairs[pair], skill)
    assert s.status == status
    if text is None:
        assert not s.resume_evidence
    else:
        assert (s.resume_evidence[0].text, s.resume_evidence[0].section) == (text, section)


def test_pair_outcomes(pairs: dict[str, Comparison]) -> None:
    near, changer, over, alts = (pairs[k] for k in ("near_perfect", "career_changer", "over_qualified", "alternatives"))
    assert near.level.verdict == "fit" and over.level.verdict == "over"
    assert near.score.total > alts.score.total > changer.score.total
    # the degree: the career changer's BA in Economics is the level, not a named field
    degree = next(
        s for s in changer.requirements if s.requirement.kind == "degree" and s.requirement.group == "required"
    )
    assert degree.status == "partial"
    groups = [s.requirement.any_of for s in alts.requirements if len(s.requirement.any_of) > 1]
    assert ("pytorch", "tensorflow") in groups and ("aws", "gcp", "azure") in groups


# ------------------------------------------------------------------ CLI
def test_cli_json_is_a_comparison(tmp_path: Path) -> None:
    from gapfinder.cli import main

    out = tmp_path / "c.json"
    with pytest.raises(SystemExit) as exc:
        resume, job = EXAMPLES / "resumes" / "mid_ml_engineer.md", EXAMPLES / "jobs" / "ml_engineer_alternatives_jd.txt"
        main([str(resume), "--job", str(job), "--format", "json", "-o", str(out)])
    assert exc.value.code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    c = Comparison.model_validate(data)
    assert c.requirements and c.score.components


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_cli_comparison_reports(tmp_path: Path, fmt: str) -> None:
    from gapfinder.cli import main

    out = tmp_path / "c.out"
    with pytest.raises(SystemExit) as exc:
        resume, job = EXAMPLES / "resumes" / "senior_ml_engineer.txt", EXAMPLES / "jobs" / "senior_ml_engineer_jd.txt"
        main([str(resume), "--job", str(job), "--format", fmt, "-o", str(out)])
    assert exc.value.code == 0
    text = out.read_text(encoding="utf-8")
    assert "Match score" in text and "Requirements" in text and "claimed" in text


# ------------------------------------------------------------------ level fit across tracks
MANAGER_JD = """ML Engineering Manager
Requirements
- 5+ years of experience building ML systems, 2+ years managing engineers
- Python, PyTorch, Kubernetes
- Experience hiring and mentoring a team of 6-10 engineers
"""


def test_a_job_on_the_other_track_is_flagged(engine: Engine) -> None:
    from gapfinder.render import render

    staff = (EXAMPLES / "resumes" / "staff_ml_engineer.txt").read_text(encoding="utf-8")
    c = compare_texts(engine, staff, MANAGER_JD)
    assert (c.level.candidate_track, c.level.job_track) == ("ic", "management")
    assert c.level.track_change
    level_component = next(x for x in c.score.components if x.name == "level_fit")
    assert "another track" in level_component.detail
    assert "a move to the management track" in render(c, "plain")
    assert "not by readiness for that track" in render(c, "html")
    same_track = compare_texts(engine, RESUME, "Machine Learning Engineer\nRequirements\n- 3+ years of Python\n")
    assert same_track.level.verdict != "unknown" and not same_track.level.track_change


# ==============================================================================================================
# The hand-off contract of a comparison: errors name the document and never echo its text, options that do not
# apply are not suggested, a compact comparison, open output schemas, a written compatibility policy.
BAD = EXAMPLES / "bad"
RESUME_TEXT = (EXAMPLES / "resumes" / "mid_ml_engineer.md").read_text(encoding="utf-8")
JOB_TEXT = (EXAMPLES / "jobs" / "ml_engineer_alternatives_jd.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("resume", "job"),
    [
        (RESUME_TEXT, JOB_TEXT),  # texts passed as paths: the case
        (str(EXAMPLES / "resumes" / "mid_ml_engineer.md"), JOB_TEXT),
        (str(EXAMPLES / "resumes" / "mid_ml_engineer.md"), "Senior ML engineer wanted, Python and Spark"),
    ],
)
def test_texts_given_as_paths_are_never_echoed(engine: Engine, resume: str, job: str) -> None:
    with pytest.raises(InputError) as info:
        engine.compare(resume, job)
    message = info.value.message
    assert message.startswith("job: " if resume != RESUME_TEXT else "resume: ")  # the first document that fails
    assert "compare_text()" in message
    for text in (resume, job):
        if "/" not in text:  # document text, not a path
            assert text[:20] not in message


def test_a_missing_path_is_named(engine: Engine) -> None:
    with pytest.raises(InputError, match=r"^job: nope\.pdf: no such file$"):
        engine.compare(EXAMPLES / "resumes" / "mid_ml_engineer.md", "nope.pdf")


def test_compare_text(engine: Engine) -> None:
    c = engine.compare_text(RESUME_TEXT, JOB_TEXT)
    assert c.resume.text == RESUME_TEXT and c.job.text == JOB_TEXT and c.requirements
    with pytest.raises(EmptyDocumentError, match=r"^job: "):
        engine.compare_text(RESUME_TEXT, "   \n ")
    with pytest.raises(EmptyDocumentError, match=r"^resume: "):
        engine.compare_text("", JOB_TEXT)


def test_an_encrypted_job_asks_for_the_job_password(engine: Engine) -> None:
    resume = EXAMPLES / "resumes" / "mid_ml_engineer.md"
    with pytest.raises(EncryptedDocumentError) as info:
        engine.compare(resume, BAD / "encrypted.pdf")
    assert info.value.message.startswith("job: ") and "job_password=" in info.value.message
    assert "(password=" not in info.value.message and "--password" not in info.value.message
    with pytest.raises(EncryptedDocumentError, match=r"^resume: .*\(password=\.\.\.\)$"):
        engine.compare(BAD / "encrypted.pdf", EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt")
    with pytest.raises(EncryptedDocumentError, match=r"^job: .*\(job_password=\.\.\.\)$"):
        engine.compare(resume, BAD / "encrypted.pdf", password="secret")  # the resume's password: not the job's
    with pytest.raises(EncryptedDocumentError, match=r"^job: wrong password"):
        engine.compare(resume, BAD / "encrypted.pdf", job_password="nope")
    assert engine.compare(resume, BAD / "encrypted.pdf", job_password="secret").requirements is not None


def test_a_word_file_with_a_password_asks_for_no_password_option() -> None:
    from gapfinder.errors import for_document

    err = for_document(EncryptedDocumentError("this Word document is password-protected", needs_password=False),
                       "job", "--job-password")  # fmt: skip
    assert err.message == "job: this Word document is password-protected"


def test_the_readers_name_no_front_end_option() -> None:
    from gapfinder.reading import read_document

    with pytest.raises(EncryptedDocumentError) as info:
        read_document(BAD / "encrypted.pdf")
    assert "--" not in info.value.message and "=" not in info.value.message


def test_cli_job_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gapfinder.cli import main

    resume, encrypted = str(EXAMPLES / "resumes" / "mid_ml_engineer.md"), str(BAD / "encrypted.pdf")
    with pytest.raises(SystemExit) as exc:
        main([resume, "--job", encrypted])
    err = capsys.readouterr().err
    assert exc.value.code == 3 and "job: " in err and "(--job-password)" in err and "(--password)" not in err
    with pytest.raises(SystemExit) as exc:
        main([encrypted, "--job", str(EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt")])
    assert exc.value.code == 3 and "resume: " in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main([resume, "--job", encrypted, "--job-password", "secret", "-f", "json", "-o", str(tmp_path / "c.json")])
    assert exc.value.code == 0
    assert Comparison.model_validate_json((tmp_path / "c.json").read_text(encoding="utf-8")).requirements
    with pytest.raises(SystemExit) as exc:
        main([resume, "--job-password", "secret"])
    assert exc.value.code == 2 and "--job" in capsys.readouterr().err


# ------------------------------------------------------------------ compact comparison
def test_compact_comparison(engine: Engine) -> None:
    c = engine.compare_text(RESUME_TEXT, JOB_TEXT)
    compact = c.compact()
    data = compact.model_dump(mode="json")
    assert len(compact.model_dump_json()) < len(c.model_dump_json()) / 2
    assert "text" not in data["resume"] and "skills" not in data["resume"] and "text" not in data["job"]
    assert data["job"]["title"] and data["resume"]["kind"] == "resume"
    assert compact.requirements == c.requirements and compact.hints == c.hints and compact.score == c.score
    for s in compact.requirements:
        for e in s.resume_evidence:
            assert RESUME_TEXT[e.start : e.end] == e.text
        assert JOB_TEXT[s.requirement.sentence.start : s.requirement.sentence.end] == s.requirement.sentence.text
    assert CompactComparison.model_validate_json(compact.model_dump_json()) == compact


# ------------------------------------------------------------------ schemas and compatibility
def test_output_schemas_let_clients_ignore_additions(engine: Engine) -> None:
    for name in SCHEMA_FILES:
        assert '"additionalProperties": false' not in (ROOT / "schemas" / name).read_text(encoding="utf-8")
    c = engine.compare_text(RESUME_TEXT, JOB_TEXT)
    data = c.compact().model_dump(mode="json")
    data["a_field_of_a_later_minor_version"] = 1
    data["requirements"][0]["another_new_field"] = "x"
    schema = json.loads((ROOT / "schemas" / "compact_comparison.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)  # an old client's schema accepts a newer answer


def test_models_stay_strict_on_input(engine: Engine) -> None:
    data = engine.analyze_text(RESUME_TEXT).model_dump(mode="json")
    data["unknown"] = 1
    with pytest.raises(ValidationError):
        Report.model_validate(data)


def test_the_compatibility_policy_and_changelog_name_this_version() -> None:
    policy = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    assert "minor" in policy and "major" in policy and "additionalProperties" in policy
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"schema {SCHEMA_VERSION}" in changelog
