"""One resume against many job posts: ``Engine.match`` and ``gapfinder match``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from gapfinder import Engine
from gapfinder.models import JobRanking
from helpers import ROOT

EXAMPLES = ROOT / "examples"
JOBS = sorted((EXAMPLES / "jobs").glob("*.txt"))
SENIOR = EXAMPLES / "resumes" / "senior_ml_engineer.txt"


@pytest.fixture(scope="module")
def ranking(engine: Engine) -> JobRanking:
    return engine.match(SENIOR, [*JOBS, EXAMPLES / "bad" / "encrypted.pdf", "missing.txt"])


def test_posts_ranked_by_score(engine: Engine, ranking: JobRanking) -> None:
    assert [j.rank for j in ranking.jobs] == list(range(1, len(JOBS) + 1))
    scores = [j.score for j in ranking.jobs]
    assert scores == sorted(scores, reverse=True)
    assert ranking.jobs[0].job.source == str(EXAMPLES / "jobs" / "senior_ml_engineer_jd.txt")
    # each score is the comparison's
    for job in ranking.jobs:
        assert job.job.source is not None
        c = engine.compare(SENIOR, job.job.source)
        assert (job.score, job.counts, job.level) == (c.score.total, c.counts, c.level)


def test_top_missing_are_missing_and_required_first(engine: Engine, ranking: JobRanking) -> None:
    order = {"required": 0, "responsibilities": 1, "preferred": 2}
    for job in ranking.jobs:
        assert job.job.source is not None
        c = engine.compare(SENIOR, job.job.source)
        missing = {s.requirement.id for s in c.requirements if s.status == "missing"}
        assert {r.id for r in job.top_missing} <= missing
        assert len(job.top_missing) == min(3, len(missing))
        groups = [order[r.group] for r in job.top_missing]
        assert groups == sorted(groups)


def test_unreadable_posts_are_listed_not_fatal(ranking: JobRanking) -> None:
    failed = {f.source: f for f in ranking.failed}
    assert set(failed) == {str(EXAMPLES / "bad" / "encrypted.pdf"), "missing.txt"}
    locked = failed[str(EXAMPLES / "bad" / "encrypted.pdf")]
    assert locked.error == "EncryptedDocumentError" and locked.needs_password
    assert failed["missing.txt"].error == "InputError" and not failed["missing.txt"].needs_password


def test_details_carry_each_compact_comparison(engine: Engine) -> None:
    r = engine.match(SENIOR, JOBS[:2], details=True, top_missing=1)
    assert all(j.comparison is not None and j.comparison.score.total == j.score for j in r.jobs)
    assert all(len(j.top_missing) <= 1 for j in r.jobs)


def test_a_resume_that_cannot_be_read_raises(engine: Engine) -> None:
    from gapfinder.errors import EncryptedDocumentError

    with pytest.raises(EncryptedDocumentError, match=r"^resume: "):
        engine.match(EXAMPLES / "bad" / "encrypted.pdf", JOBS)


def test_json_validates_against_the_schema(ranking: JobRanking) -> None:
    schema = json.loads((ROOT / "schemas" / "job_ranking.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(ranking.model_dump(mode="json"), schema)


# ------------------------------------------------------------------ CLI
def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from gapfinder.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["match", *args])
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(SENIOR), str(EXAMPLES / "jobs"), "--format", "json", "--top", "2")
    assert code == 0, err
    r = JobRanking.model_validate_json(out)
    assert {j.job.source for j in r.jobs} == {str(p) for p in JOBS}  # the directory, expanded
    assert all(len(j.top_missing) <= 2 for j in r.jobs)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_table(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    out_file = tmp_path / "ranking.out"
    code, _, err = _run(capsys, str(SENIOR), *map(str, JOBS), str(EXAMPLES / "bad" / "encrypted.pdf"), "-f", fmt,
                        "-o", str(out_file))  # fmt: skip
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "Senior Machine Learning Engineer" in text and "top missing" in text
    assert "encrypted.pdf" in text and "(--job-password)" in text  # not ranked, and how to open it
    assert text.index("Marketplace Ranking") < text.index("Junior Machine Learning Engineer")  # best first


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(SENIOR), "nope-dir")
    assert code == 2 and "nope-dir: no such file or directory" in err
    code, _, err = _run(capsys, str(EXAMPLES / "bad" / "encrypted.pdf"), *map(str, JOBS))
    assert code == 3 and err.count("\n") == 1 and "resume: " in err and "(--password)" in err
    code, _, err = _run(capsys, str(SENIOR), str(EXAMPLES / "bad" / "encrypted.pdf"), "-f", "json")
    assert code == 3  # nothing could be ranked
