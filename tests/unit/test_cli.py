"""The ``gapfinder`` command, run in-process through ``gapfinder.cli.main`` (and as a subprocess where the
process boundary matters: stdin and the real console script).

In-process runs share one Engine per taxonomy (the CLI builds a new one per call, which costs a second).
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from gapfinder.models import SCHEMA_VERSION
from helpers import MINI, ROOT
from helpers.cli import assert_one_line_error, json_of, run, shared_engines  # noqa: F401 (autouse fixture)
from helpers.files import surrogate_pdf

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


# ==============================================================================================================
# The ``gapfinder`` command at its edges: where the report cannot be written, stdin without end, FIFOs,
# a reader of stdout that goes away, a lone surrogate in the JSON, the time budget. Each failure is one
# line on stderr with a documented exit code, never a traceback or a hang.
if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

RESUME = str(ROOT / "examples" / "resumes" / "junior_ml_engineer.txt")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


# ------------------------------------------------------------------------------------------ -o
def test_output_to_a_directory_is_refused_before_the_analysis(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, RESUME, "-o", str(tmp_path))
    assert code == 2 and out == ""
    assert_one_line_error(err, contains="is a directory")


def test_output_in_a_missing_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, RESUME, "-o", str(tmp_path / "no" / "report.md"))
    assert code == 2
    assert_one_line_error(err, contains="does not exist")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, RESUME, "--format", "json", "-o", "/dev/full")
    assert code == 1
    assert_one_line_error(err, contains="cannot write /dev/full (No space left on device)")


@pytest.mark.parametrize(("error", "code"), [(errno.ENOSPC, 1), (errno.EACCES, 2), (errno.EROFS, 2)])
def test_a_failed_write_leaves_no_half_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, code: int
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report\n", encoding="utf-8")

    def failing_replace(*_args: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "replace", failing_replace)
    got, _, err = run(capsys, RESUME, "--format", "markdown", "-o", str(target))
    assert got == code
    assert_one_line_error(err, contains=f"cannot write {target} ({os.strerror(error)})")
    assert target.read_text(encoding="utf-8") == "the previous report\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary file left


def test_the_report_replaces_the_file_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("x" * 100_000, encoding="utf-8")
    target.chmod(0o640)
    code, _, _ = run(capsys, RESUME, "--format", "markdown", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("#")
    assert target.stat().st_mode & 0o777 == 0o640  # its permissions are kept


# ------------------------------------------------------------------------------------------ stdin, FIFOs
class Endless(io.RawIOBase):
    """/dev/zero as a Python stream, counting what was read from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        size = len(view)
        view[:] = b"\0" * size
        self.taken += size
        return size


def test_endless_stdin_stops_at_the_size_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gapfinder -`` read all of stdin before the limit applied: MemoryError on /dev/zero."""
    from gapfinder.limits import DEFAULT_LIMITS

    endless = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless)))
    code, _, err = run(capsys, "-")
    assert code == 3
    assert_one_line_error(err, contains="over the 10 MB limit")
    assert endless.taken <= DEFAULT_LIMITS.max_bytes + 2 * 65536


@needs_fifo
def test_a_fifo_without_a_writer_is_an_error_not_a_hang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    code, _, err = run(capsys, str(fifo), "--time-budget", "0.5")
    assert code == 3
    assert_one_line_error(err, contains="took longer than the 0.5 s time budget (nothing was written to it)")


@needs_fifo
def test_a_fifo_whose_writer_stalls_is_stopped_at_the_budget(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    holder = os.open(fifo, os.O_RDWR)  # a writer that never writes
    try:
        code, _, err = run(capsys, str(fifo), "--time-budget", "0.5")
    finally:
        os.close(holder)
    assert code == 3
    assert_one_line_error(err, contains="took longer than the 0.5 s time budget (no data came)")


@needs_fifo
def test_a_fifo_with_a_writer_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    text = Path(RESUME).read_bytes()

    def write() -> None:  # opens once a reader is there (the CLI), writes, closes: the reader sees the end
        with open(fifo, "wb") as handle:
            handle.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    code, out, _ = run(capsys, str(fifo), "--format", "json")
    writer.join(10)
    assert code == 0 and json.loads(out)["text"] == text.decode()


def test_the_time_budget_option_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, RESUME, "--time-budget", "-1")
    assert code == 2
    assert_one_line_error(err, contains="time_budget_s must be positive")


def test_a_lone_surrogate_in_the_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A PDF whose font maps a glyph to U+D800 made ``--format json`` print a traceback."""
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(surrogate_pdf())
    code, out, err = run(capsys, str(pdf), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert "invalid_unicode" in {w["code"] for w in report["warnings"]} and "\ufffd" in report["text"]


# ------------------------------------------------------------------------------------------ a real process
