"""Rule cases kept as data: ``tests/cases/<name>.yaml``, a list of flow mappings, validated on load by a frozen
pydantic model of the case (extra keys are an error), so a typo in a case file fails loudly."""

from __future__ import annotations

from typing import TypeVar

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from helpers import TESTS

CASES = TESTS / "cases"


class Case(BaseModel):
    """The base of a case model: frozen, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


C = TypeVar("C", bound=Case)


def load_cases(name: str, model: type[C]) -> list[C]:
    """The cases of ``tests/cases/<name>.yaml`` as ``model`` instances."""
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"tests/cases/{name}.yaml: expected a non-empty list of cases"
    return [model.model_validate(item) for item in data]


def params(cases: list[C], id_field: str = "text") -> list[object]:
    """``pytest.param(case, id=...)`` for each case, its id the start of ``id_field``."""
    return [pytest.param(c, id=str(getattr(c, id_field))[:40]) for c in cases]
