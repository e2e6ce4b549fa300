"""The committed JSON Schemas are current, and real outputs validate against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from gapfinder import Engine
from gapfinder.models import SCHEMA_VERSION
from gapfinder.schema import SCHEMA_FILES, main, schema_texts
from helpers import ROOT

SCHEMAS = ROOT / "schemas"
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == schema_texts()[name], f"schemas/{name} is stale: run `python -m gapfinder.schema schemas/`"


def test_schema_ids_carry_the_schema_version() -> None:
    for text in schema_texts().values():
        assert f"/{SCHEMA_VERSION}/" in json.loads(text)["$id"]


def test_comparison_json_validates(engine: Engine) -> None:
    comparison = engine.compare(
        EXAMPLES / "resumes" / "senior_ml_engineer.txt", EXAMPLES / "jobs" / "senior_ml_engineer_jd.txt"
    )
    schema = json.loads((SCHEMAS / "comparison.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(comparison.model_dump(mode="json"), schema)


def test_report_json_validates(engine: Engine) -> None:
    report = engine.analyze(EXAMPLES / "jobs" / "ml_platform_engineer_jd.txt", kind="job")
    schema = json.loads((SCHEMAS / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report.model_dump(mode="json"), schema)


def test_schema_rejects_a_wrong_status(engine: Engine) -> None:
    comparison = engine.compare(
        EXAMPLES / "resumes" / "junior_ml_engineer.txt", EXAMPLES / "jobs" / "junior_ml_engineer_jd.txt"
    )
    data = comparison.model_dump(mode="json")
    data["requirements"][0]["status"] = "probably"
    schema = json.loads((SCHEMAS / "comparison.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_main_writes_the_files(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMA_FILES)
    assert main([]) == 2
