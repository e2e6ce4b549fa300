"""JSON Schemas of gapfinder's public JSON, generated from the models.

The committed copies live in ``schemas/`` of the repository; a test checks they are current.
Regenerate them with::

    python -m gapfinder.schema schemas/

These describe *output*: they never forbid additional properties, so a client validating answers against
them keeps working when a later minor version adds a field (``docs/compatibility.md``). The models
themselves stay strict on input (``extra="forbid"``): ``Report.model_validate`` refuses unknown fields.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import SCHEMA_VERSION, CompactComparison, Comparison, JobRanking, Report

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "report.schema.json": Report,
    "comparison.schema.json": Comparison,
    "compact_comparison.schema.json": CompactComparison,
    "job_ranking.schema.json": JobRanking,
}


def open_schema(node: Any) -> Any:
    """``node`` without ``additionalProperties: false`` anywhere: an output schema lets clients ignore additions."""
    if isinstance(node, dict):
        return {k: open_schema(v) for k, v in node.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(node, list):
        return [open_schema(v) for v in node]
    return node


def json_schema(model: type[BaseModel], name: str | None = None) -> dict[str, Any]:
    """The output schema of ``model``; ``name``: its file name in ``schemas/`` (for the ``$id``)."""
    schema = open_schema(model.model_json_schema(mode="serialization"))
    name = name or f"{model.__name__.lower()}.schema.json"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://gapfinder.invalid/schemas/{SCHEMA_VERSION}/{name}",
        **schema,
    }


def schema_texts() -> dict[str, str]:
    """File name -> the schema as committed (sorted keys, two-space indent, final newline)."""
    return {
        name: json.dumps(json_schema(model, name), indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_FILES.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m gapfinder.schema DIRECTORY", file=sys.stderr)
        return 2
    for path in write_schemas(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
