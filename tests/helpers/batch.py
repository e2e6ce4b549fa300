"""Batch inputs and outputs for tests: synthetic resumes, JSON-lines files written and read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def synthetic_resume(i: int) -> str:
    skills = ["Python", "PyTorch", "Kubernetes", "SQL", "Docker", "Spark", "TensorFlow", "AWS"]
    return (
        f"Person {i}\nMachine Learning Engineer\n\nSKILLS\n{', '.join(skills[i % 4 : i % 4 + 4])}\n\n"
        f"EXPERIENCE\nML Engineer, Company {i}\n{2010 + i % 10}-01 - 2024-06\nBuilt models.\n"
    )


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
