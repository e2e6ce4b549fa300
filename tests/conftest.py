from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

from gapfinder import Engine
from gapfinder.taxonomy import Taxonomy, load_taxonomy
from helpers import MINI, TODAY

# the compiled-taxonomy cache (gapfinder.extract.index_cache) goes to a throwaway directory, never the user's
os.environ["GAPFINDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="gapfinder-test-cache-")
atexit.register(shutil.rmtree, os.environ["GAPFINDER_CACHE_DIR"], True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="regenerate golden files instead of comparing")


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


@pytest.fixture(scope="session")
def mini_taxonomy() -> Taxonomy:
    return load_taxonomy(MINI)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(today=TODAY)


@pytest.fixture(scope="session")
def mini_engine(mini_taxonomy: Taxonomy) -> Engine:
    return Engine(mini_taxonomy, ladder="mini", today=TODAY)
