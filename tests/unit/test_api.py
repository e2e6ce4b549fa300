"""The public surface of the package: exported names, lazy imports, the frozen JSON-stable Report."""

from __future__ import annotations

import importlib
import json
from typing import Any, get_args

import pydantic
import pytest

import gapfinder
from gapfinder import Engine, models
from gapfinder.models import SCHEMA_VERSION, Report
from helpers import ROOT

EXPECTED_ALL = [
    "CompactComparison",
    "Comparison",
    "CorruptDocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Engine",
    "GapfinderError",
    "InputError",
    "JobRanking",
    "Limits",
    "NoTextLayerError",
    "Report",
    "TaxonomyError",
    "UnknownTargetError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "alias_list",
    "analyze",
    "analyze_text",
    "compare",
    "compare_text",
    "match",
]

ERROR_NAMES = [n for n in EXPECTED_ALL if n.endswith("Error")]

RESUME = """Jordan Ames
Machine Learning Engineer

EXPERIENCE
Machine Learning Engineer, Orbit Labs
Mar 2021 - Present
- Trained PyTorch models in Python and served them with Docker on Kubernetes.
- Tracked experiments in MLflow; mentored two junior engineers.

EDUCATION
M.S. in Computer Science, 2020

CERTIFICATIONS
Certified Kubernetes Administrator (CKA)

SKILLS
Python, PyTorch, SQL, Docker, Kubernetes, MLflow
"""

JOB = """Senior Machine Learning Engineer

Requirements
- 5+ years of experience with Python and PyTorch.
- BS in Computer Science.

Nice to have
- Terraform.
"""


# ----------------------------------------------------------------- exported names
def test_all_is_pinned() -> None:
    assert gapfinder.__all__ == EXPECTED_ALL


def test_all_is_sorted_and_unique() -> None:
    assert sorted(gapfinder.__all__) == gapfinder.__all__
    assert len(set(gapfinder.__all__)) == len(gapfinder.__all__)


@pytest.mark.parametrize("name", EXPECTED_ALL)
def test_every_exported_name_is_importable(name: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from gapfinder import {name}", namespace)  # the way users write it
    assert namespace[name] is getattr(gapfinder, name)


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, Any] = {}
    exec("from gapfinder import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == EXPECTED_ALL


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        gapfinder.no_such_name  # noqa: B018


def test_engine_is_the_engine_class() -> None:
    from gapfinder.engine import Engine

    assert gapfinder.Engine is Engine


def test_version_is_a_string_and_lands_in_reports(engine: Engine) -> None:
    assert isinstance(gapfinder.__version__, str) and gapfinder.__version__
    assert engine.analyze_text(RESUME).gapfinder_version == gapfinder.__version__


# ----------------------------------------------------------------- errors
@pytest.mark.parametrize("name", ERROR_NAMES)
def test_errors_share_one_base(name: str) -> None:
    cls = getattr(gapfinder, name)
    assert issubclass(cls, gapfinder.GapfinderError)
    assert issubclass(cls, Exception)


@pytest.mark.parametrize(
    ("name", "parent", "exit_code"),
    [
        ("UnsupportedFormatError", "InputError", 3),
        ("EncryptedDocumentError", "InputError", 3),
        ("NoTextLayerError", "InputError", 3),
        ("EmptyDocumentError", "InputError", 3),
        ("DocumentTooLargeError", "InputError", 3),
        ("CorruptDocumentError", "InputError", 3),
        ("InputError", "GapfinderError", 3),
        ("TaxonomyError", "GapfinderError", 2),
        ("UsageError", "GapfinderError", 2),
        ("UnknownTargetError", "UsageError", 2),
    ],
)
def test_error_tree_and_exit_codes(name: str, parent: str, exit_code: int) -> None:
    cls = getattr(gapfinder, name)
    assert issubclass(cls, getattr(gapfinder, parent))
    assert cls.exit_code == exit_code


@pytest.mark.parametrize("raw", ["two\nlines", "  padded\t\tand\r\nspaced  ", ""])
def test_error_messages_are_one_non_empty_line(raw: str) -> None:
    err = gapfinder.UsageError(raw)
    assert err.message and "\n" not in err.message and "\r" not in err.message
    assert err.message == err.message.strip()
    assert str(err) == err.message


# ----------------------------------------------------------------- the module-level functions
def test_module_level_analyze_text_and_alias_list() -> None:
    report = gapfinder.analyze_text(RESUME)
    assert isinstance(report, Report)
    for s in report.skills:
        for m in s.mentions:
            assert RESUME[m.start : m.end] == m.text
    aliases = gapfinder.alias_list()
    assert isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
    assert {"PyTorch", "K8s", "scikit-learn", "Kubernetes"} <= set(aliases)


def test_module_level_analyze_with_job() -> None:
    job = gapfinder.analyze((ROOT / "examples/jobs/senior_ml_engineer_jd.txt").read_bytes(), kind="job")
    report = gapfinder.analyze(ROOT / "examples/resumes/mid_ml_engineer.md", job=job)
    assert job.kind == "job" and report.gap is not None and report.gap.target_kind == "job"


# ----------------------------------------------------------------- the Report model
@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[str, Report]:
    job = engine.analyze_text(JOB, kind="job")
    return {
        "resume": engine.analyze_text(RESUME),
        "job": job,
        "vs_job": engine.analyze_text(RESUME, job=job),
        "path": engine.analyze_text(RESUME, target="data-scientist"),
        "pdf": engine.analyze(ROOT / "examples/resumes/senior_ml_engineer.pdf"),
        "docx": engine.analyze(ROOT / "examples/resumes/senior_ml_engineer.docx"),
    }


REPORT_KEYS = ["resume", "job", "vs_job", "path", "pdf", "docx"]


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_report_json_round_trips(reports: dict[str, Report], key: str) -> None:
    report = reports[key]
    data = report.model_dump(mode="json")
    assert Report.model_validate(data) == report
    # through real JSON text too, as the CLI prints it
    assert Report.model_validate(json.loads(json.dumps(data))) == report
    assert Report.model_validate_json(report.model_dump_json()) == report


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_schema_version_present(reports: dict[str, Report], key: str) -> None:
    data = reports[key].model_dump(mode="json")
    assert data["schema_version"] == SCHEMA_VERSION == "2.2"
    assert data["gapfinder_version"] == gapfinder.__version__


def test_contract_keys_in_json(reports: dict[str, Report]) -> None:
    data = reports["vs_job"].model_dump(mode="json")
    assert {"skills", "certifications", "education", "experience", "placement", "gap", "text"} <= set(data)
    mention = data["skills"][0]["mentions"][0]
    assert {"start", "end", "text", "section"} <= set(mention)
    assert {"total_years", "positions"} <= set(data["experience"])
    assert {"title", "organization", "start", "end", "current"} <= set(data["experience"]["positions"][0])
    assert {"ladder", "track", "level", "confidence"} <= set(data["placement"])
    job = reports["job"].model_dump(mode="json")
    assert {"min_years", "degree", "required_skills", "preferred_skills"} <= set(job["requirements"])


def test_models_are_frozen(reports: dict[str, Report]) -> None:
    report = reports["vs_job"]
    assert report.placement is not None and report.gap is not None
    targets: list[tuple[Any, str, Any]] = [
        (report, "kind", "job"),
        (report, "text", ""),
        (report.document, "chars", 0),
        (report.skills[0], "id", "x"),
        (report.skills[0].mentions[0], "start", 0),
        (report.experience, "total_years", 99.0),
        (report.experience.positions[0], "title", "CEO"),
        (report.education[0], "degree", "phd"),
        (report.certifications[0], "id", "x"),
        (report.leadership[0], "value", 3),
        (report.placement, "level", "vp"),
        (report.gap, "coverage", 1.0),
        (report.gap.skills[0], "status", "met"),
    ]
    for obj, attr, value in targets:
        with pytest.raises(pydantic.ValidationError):
            setattr(obj, attr, value)
    with pytest.raises(TypeError):
        report.skills[0] = report.skills[-1]  # type: ignore[index]  # tuples, not lists


def test_models_forbid_extra_fields(reports: dict[str, Report]) -> None:
    data = reports["resume"].model_dump(mode="json")
    with pytest.raises(pydantic.ValidationError):
        Report.model_validate({**data, "surprise": 1})
    data["skills"][0]["mentions"][0]["surprise"] = 1
    with pytest.raises(pydantic.ValidationError):
        Report.model_validate(data)


def test_every_model_is_frozen_and_strict() -> None:
    classes = [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel) and obj.__module__ == models.__name__
    ]
    assert Report in classes and len(classes) > 10
    for cls in classes:
        assert cls.model_config.get("frozen") is True, cls.__name__
        assert cls.model_config.get("extra") == "forbid", cls.__name__


def test_json_schema_names_the_sections() -> None:
    schema = Report.model_json_schema()
    assert "schema_version" in schema["properties"]
    sections = set(get_args(models.SectionName))
    assert {"experience", "skills", "education", "requirements", "preferred", "benefits"} <= sections


def test_submodules_import_without_side_effects() -> None:
    for name in ("gapfinder.models", "gapfinder.errors", "gapfinder.limits", "gapfinder.cli"):
        assert importlib.import_module(name)
