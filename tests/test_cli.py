"""The ``gapfinder`` command, run in-process through ``gapfinder.cli.main`` (and as a subprocess where the
process boundary matters: stdin and the real console script).

In-process runs share one Engine per taxonomy (the CLI builds a new one per call, which costs a second).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from gapfinder.models import SCHEMA_VERSION
from helpers import MINI, ROOT
from helpers.cli import assert_one_line_error, json_of, run, shared_engines  # noqa: F401 (autouse fixture)

RESUMES = ROOT / "examples" / "resumes"
JOBS = ROOT / "examples" / "jobs"
BAD = ROOT / "examples" / "bad"
SENIOR_PDF = str(RESUMES / "senior_ml_engineer.pdf")
MID_MD = str(RESUMES / "mid_ml_engineer.md")
SENIOR_JD = str(JOBS / "senior_ml_engineer_jd.txt")

CONTRACT_KEYS = {"schema_version", "skills", "certifications", "education", "experience", "placement", "gap"}


# ----------------------------------------------------------------- formats
def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF)
    assert code == 0, err
    assert err == ""
    assert "Placement: Senior Machine Learning Engineer" in out
    assert "ic track" in out
    assert re.search(r"^Experience: \d+(\.\d+)? years \(positions; 5 position\(s\)\)$", out, re.MULTILINE)
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF, "--format", "json")
    assert code == 0, err
    data = json_of(out)
    assert set(data) >= CONTRACT_KEYS
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["kind"] == "resume"
    assert data["document"]["format"] == "pdf" and data["document"]["pages"] == 2
    assert data["placement"]["level"] == "senior" and data["placement"]["track"] == "ic"
    assert data["placement"]["ladder"] == "ml-engineer"
    assert 0 <= data["placement"]["confidence"] <= 1
    assert data["gap"]["target"] == "staff"
    text = data["text"]
    for skill in data["skills"]:
        assert {"id", "name", "category", "mentions"} <= set(skill)
        for m in skill["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for p in data["experience"]["positions"]:
        assert {"title", "organization", "start", "end", "current"} <= set(p)
    assert {"aws-ml-specialty"} <= {c["id"] for c in data["certifications"]}
    assert {"master", "bachelor"} <= {e["degree"] for e in data["education"]}


def test_json_is_the_model_dump(capsys: pytest.CaptureFixture[str]) -> None:
    from gapfinder.models import Report

    code, out, _ = run(capsys, MID_MD, "-f", "json")
    assert code == 0
    report = Report.model_validate_json(out)
    assert report.model_dump(mode="json") == json_of(out)


def test_markdown_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF, "--format", "markdown")
    assert code == 0, err
    assert out.startswith("# gapfinder report")
    assert "**Placement: Senior Machine Learning Engineer**" in out
    assert "## Skills" in out
    assert "| category | skill |" in out
    assert "\x1b[" not in out and "┃" not in out


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("text", "Placement: Senior Machine Learning Engineer"),
        ("markdown", "**Placement: Senior Machine Learning Engineer**"),
        ("json", '"level": "senior"'),
    ],
)
def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, marker: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, SENIOR_PDF, "--format", fmt, "-o", str(target))
    assert code == 0, err
    assert out == ""
    written = target.read_text(encoding="utf-8")
    assert marker in written
    assert "\x1b[" not in written
    if fmt == "json":
        assert json_of(written)["placement"]["level"] == "senior"


def test_output_file_long_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    code, out, _ = run(capsys, MID_MD, "--output", str(target))
    assert code == 0 and out == ""
    assert "Placement: Machine Learning Engineer" in target.read_text(encoding="utf-8")


# ----------------------------------------------------------------- --job, --target, --kind
def test_job_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, MID_MD, "--job", SENIOR_JD)
    assert code == 0, err
    assert "Match score:" in out
    assert "Tailoring hints" in out


def test_job_comparison_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, MID_MD, "--job", SENIOR_JD, "-f", "json")
    assert code == 0, err
    data = json_of(out)
    assert data["resume"]["kind"] == "resume" and data["job"]["kind"] == "job"
    statuses: dict[str, str] = {}
    for s in data["requirements"]:
        for sid in s["requirement"]["any_of"]:
            statuses.setdefault(sid, s["status"])
    assert statuses["pytorch"] == "claimed"  # the mid resume names PyTorch in its summary and skills only
    assert statuses["docker"] == "met"
    assert statuses["distributed-training"] == "missing"
    years = [s for s in data["requirements"] if s["requirement"]["kind"] == "years"]
    assert [s["requirement"]["years"] for s in years] == [5]
    assert {s["requirement"]["group"] for s in data["requirements"]} == {"required", "preferred", "responsibilities"}
    assert 0 <= data["score"]["total"] <= 100


def test_job_comparison_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, MID_MD, "--job", SENIOR_JD, "-f", "markdown")
    assert code == 0, err
    assert out.startswith("# gapfinder: ")
    assert "**Match score: " in out and "## Requirements" in out


def test_job_with_kind_job_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, SENIOR_JD, "--kind", "job", "--job", SENIOR_JD)
    assert code == 2
    assert "must be a resume" in err


def test_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF, "--target", "staff", "-f", "json")
    assert code == 0, err
    gap = json_of(out)["gap"]
    assert (gap["target_kind"], gap["target"]) == ("level", "staff")
    assert (gap["salary"]["min"], gap["salary"]["max"]) == (230000, 350000)
    code, out, _ = run(capsys, SENIOR_PDF, "--target", "staff")
    assert code == 0 and "Staff Machine Learning Engineer" in out


def test_target_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF, "--target", "mlops-engineer", "-f", "json")
    assert code == 0, err
    assert json_of(out)["gap"]["target_kind"] == "path"


def test_unknown_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_PDF, "--target", "nope")
    assert code == 2
    assert out == ""
    assert_one_line_error(err, contains="unknown target 'nope'")


def test_job_and_target_together(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, MID_MD, "--job", SENIOR_JD, "--target", "staff")
    assert code == 2 and out == ""
    assert_one_line_error(err, contains="--job")


def test_kind_job(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SENIOR_JD, "--kind", "job", "-f", "json")
    assert code == 0, err
    data = json_of(out)
    assert data["kind"] == "job" and data["gap"] is None
    req = data["requirements"]
    assert req["min_years"] == 5 and req["degree"] == "bachelor" and req["degree_preferred"] == "phd"
    assert {"pytorch", "python", "kubernetes"} <= set(req["required_skills"])
    assert {"go", "c++"} <= set(req["preferred_skills"])
    code, out, _ = run(capsys, SENIOR_JD, "--kind", "job")
    assert code == 0
    assert "Job level: Senior Machine Learning Engineer" in out
    assert "Requirements:" in out


def test_kind_job_with_target_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, SENIOR_JD, "--kind", "job", "--target", "staff")
    assert code == 2
    assert_one_line_error(err)


def test_custom_taxonomy(capsys: pytest.CaptureFixture[str]) -> None:
    # the mini taxonomy's only ladder is used without naming it; an unknown ladder is a one-line usage error
    code, out, _ = run(capsys, MID_MD, "--taxonomy", str(MINI), "--format", "json")
    assert code == 0
    assert json_of(out)["placement"]["ladder"] == "mini"
    code, _, err = run(capsys, MID_MD, "--taxonomy", str(MINI), "--ladder", "ml-engineer")
    assert code == 2
    assert_one_line_error(err, contains="ladder")


# ----------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("name", "contains"),
    [
        ("empty.txt", "empty"),
        ("encrypted.pdf", "password"),
        ("not_a_resume.png", "PNG"),
        ("scanned.pdf", "OCR"),
        ("truncated.pdf", "truncated"),
    ],
)
def test_bad_inputs(capsys: pytest.CaptureFixture[str], name: str, contains: str) -> None:
    code, out, err = run(capsys, str(BAD / name))
    assert code == 3
    assert out == ""
    assert_one_line_error(err, contains=contains)


def test_every_bad_file_is_covered() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == [
        "empty.txt",
        "encrypted.pdf",
        "not_a_resume.png",
        "scanned.pdf",
        "truncated.pdf",
    ]


def test_encrypted_with_password(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(BAD / "encrypted.pdf"), "--password", "secret", "-f", "json")
    assert code == 0, err
    data = json_of(out)
    assert data["placement"]["level"] == "junior"
    assert "pytorch" in {s["id"] for s in data["skills"]}


def test_encrypted_wrong_password(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(BAD / "encrypted.pdf"), "--password", "wrong")
    assert code == 3
    assert_one_line_error(err, contains="password")


@pytest.mark.parametrize("path", ["no/such/file.pdf", str(ROOT / "examples")])
def test_missing_file_or_directory(capsys: pytest.CaptureFixture[str], path: str) -> None:
    code, out, err = run(capsys, path)
    assert code == 3 and out == ""
    assert_one_line_error(err)


def test_stdin_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    pdf = (RESUMES / "senior_ml_engineer.pdf").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pdf)))
    code, out, err = run(capsys, "-", "-f", "json")
    assert code == 0, err
    data = json_of(out)
    assert data["document"]["format"] == "pdf" and data["document"]["source"] == "<stdin>"
    assert data["placement"]["level"] == "senior"


def test_stdin_twice_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "-", "--job", "-")
    assert code == 2
    assert_one_line_error(err, contains="stdin")


def test_bad_job_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, MID_MD, "--job", str(BAD / "empty.txt"))
    assert code == 3
    assert_one_line_error(err, contains="empty")


@pytest.mark.parametrize(
    "args",
    [
        [],
        [SENIOR_PDF, "--format", "yaml"],
        [SENIOR_PDF, "--kind", "cv"],
        [SENIOR_PDF, "--no-such-option"],
    ],
)
def test_click_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert_one_line_error(err)
    assert "--help" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for option in ("--job", "--target", "--format", "--kind", "--taxonomy", "--password", "--output"):
        assert option in out


# ----------------------------------------------------------------- taxonomy subcommand
def test_taxonomy_validate_packaged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "taxonomy", "validate")
    assert code == 0, err
    assert out.startswith("ok: ")
    assert "skills" in out and "ladders" in out


def test_taxonomy_validate_mini(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "taxonomy", "validate", str(MINI))
    assert code == 0, err
    assert out.startswith("ok: ")
    assert "12 skills" in out and "1 ladders" in out


def test_taxonomy_stats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "taxonomy", "stats", str(MINI))
    assert code == 0
    assert json_of(out)["skills"] == 12


@pytest.mark.parametrize(
    ("rel", "old", "new", "contains"),
    [
        (
            "skills/core.yaml",
            "implies: [deep-learning, python]",
            "implies: [deep-learning, no-such-skill]",
            "core.yaml",
        ),
        ("ladders/mini.yaml", "next: senior", "next: nowhere", "mini.yaml"),
        ("categories.yaml", "categories:", "categories: [oops", "categories.yaml"),
    ],
)
def test_taxonomy_validate_broken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rel: str, old: str, new: str, contains: str
) -> None:
    broken = tmp_path / "tax"
    shutil.copytree(MINI, broken)
    path = broken / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, err = run(capsys, "taxonomy", "validate", str(broken))
    assert code == 2
    assert out == ""
    assert_one_line_error(err, contains=contains)


def test_taxonomy_validate_missing_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "taxonomy", "validate", str(tmp_path / "nothing"))
    assert code == 2
    assert_one_line_error(err)


def test_analysis_with_broken_taxonomy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "tax"
    shutil.copytree(MINI, broken)
    (broken / "degrees.yaml").unlink()
    code, _, err = run(capsys, MID_MD, "--taxonomy", str(broken))
    assert code == 2
    assert_one_line_error(err, contains="degrees.yaml")


# ----------------------------------------------------------------- subprocess: stdin and the real process
