"""The hand-off contract of a comparison: errors name the document and never echo its text, options that do not
apply are not suggested, a compact comparison, open output schemas, a written compatibility policy."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from gapfinder import Engine
from gapfinder.errors import EmptyDocumentError, EncryptedDocumentError, InputError
from gapfinder.models import SCHEMA_VERSION, CompactComparison, Comparison, Report
from gapfinder.schema import SCHEMA_FILES
from helpers import ROOT

EXAMPLES = ROOT / "examples"
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
