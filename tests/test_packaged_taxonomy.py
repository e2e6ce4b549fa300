"""The default taxonomy ships inside the ``gapfinder`` package (no second top-level package in the wheel),
and the loader finds it there or, in a checkout, beside ``src/``."""

from __future__ import annotations

import importlib.resources
import shutil
import tomllib
from pathlib import Path

import pytest

from gapfinder.taxonomy import loader

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_maps_the_taxonomy_into_the_package() -> None:
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    assert wheel["wheel"]["packages"] == ["src/gapfinder"]
    assert wheel["wheel"]["force-include"] == {"skills_taxonomy": f"gapfinder/{loader.PACKAGED_TAXONOMY}"}
    assert "skills_taxonomy" in wheel["sdist"]["include"]


def test_a_checkout_reads_its_own_taxonomy() -> None:
    if (Path(str(importlib.resources.files("gapfinder"))) / loader.PACKAGED_TAXONOMY).is_dir():
        pytest.skip("gapfinder is installed from a wheel here; the packaged taxonomy is the one read")
    assert loader.default_taxonomy_dir() == ROOT / "skills_taxonomy"


def test_an_installed_package_reads_the_packaged_taxonomy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "gapfinder"
    shutil.copytree(ROOT / "skills_taxonomy", installed / loader.PACKAGED_TAXONOMY)
    monkeypatch.setattr(loader.importlib.resources, "files", lambda name: installed)
    assert loader.default_taxonomy_dir() == installed / loader.PACKAGED_TAXONOMY
    taxonomy = loader.load_taxonomy()
    assert taxonomy.skills and taxonomy.ladders
