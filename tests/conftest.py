from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gapfinder.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini_taxonomy"
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 11, 15)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="regenerate golden files instead of comparing")


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


@pytest.fixture(scope="session")
def mini_taxonomy() -> Taxonomy:
    return load_taxonomy(MINI)


@pytest.fixture(scope="session")
def engine():  # type: ignore[no-untyped-def]
    from gapfinder import Engine

    return Engine(today=TODAY)


@pytest.fixture(scope="session")
def mini_engine(mini_taxonomy: Taxonomy):  # type: ignore[no-untyped-def]
    from gapfinder import Engine

    return Engine(mini_taxonomy, ladder="mini", today=TODAY)
