"""The loader validates every file and cross-reference, and names the file and path of a problem."""

from __future__ import annotations

import importlib.resources
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from gapfinder.errors import TaxonomyError
from gapfinder.taxonomy import load_taxonomy, loader
from helpers import MINI, ROOT


def _edit(rel: str, old: str, new: str) -> Callable[[Path], object]:
    def apply(root: Path) -> None:
        p = root / rel
        text = p.read_text()
        assert old in text, f"fixture changed: {old!r} not in {rel}"
        p.write_text(text.replace(old, new, 1))

    return apply


def _write(rel: str, content: str) -> Callable[[Path], object]:
    return lambda root: (root / rel).write_text(content)


def _empty(rel: str) -> Callable[[Path], object]:
    def apply(root: Path) -> None:
        for p in (root / rel).iterdir():
            p.unlink()

    return apply


def _remove(rel: str) -> Callable[[Path], object]:
    return lambda root: (root / rel).unlink()


BROKEN = [
    (
        "broken yaml",
        _write("skills/core.yaml", "skills: [\n  - {id: x"),
        r"core\.yaml: line \d+, column \d+: invalid YAML",
    ),
    (
        "unknown key",
        _edit("skills/core.yaml", "{id: python, name: Python,", "{id: python, nmae: Python, name: Python,"),
        r"core\.yaml: skills\.0\(id=python\)\.nmae: Extra inputs are not permitted",
    ),
    (
        "dangling implies",
        _edit("skills/core.yaml", "implies: [machine-learning]", "implies: [nope]"),
        r"core\.yaml: skills\.\d+\(id=deep-learning\)\.implies\.0: unknown skill 'nope'",
    ),
    (
        "unknown category",
        _edit("skills/core.yaml", "category: language}", "category: langauge}"),
        r"core\.yaml: skills\.0\(id=python\)\.category: unknown category 'langauge'",
    ),
    (
        "duplicate alias",
        _edit("skills/core.yaml", "aliases: [sklearn]", "aliases: [sklearn, Torch]"),
        r"duplicate skill name/alias 'torch'",
    ),
    (
        "duplicate id",
        _edit("skills/core.yaml", "{id: python, name: Python,", "{id: pytorch, name: Python,"),
        r"duplicate skill id 'pytorch'",
    ),
    (
        "ambiguous surface not listed",
        _edit("skills/core.yaml", "surfaces: [R]", "surfaces: [Rlang]"),
        r"ambiguity\.surfaces \['Rlang'\] are not the name or an alias of 'r'",
    ),
    (
        "cert skill unknown",
        _edit("certifications.yaml", "skills: [kubernetes]", "skills: [k8s]"),
        r"certifications\.yaml: certifications\.0\(id=cka\)\.skills\.0: unknown skill 'k8s'",
    ),
    (
        "ladder unknown skill",
        _edit("ladders/mini.yaml", "any_of: [kubernetes]", "any_of: [kubernetez]"),
        r"mini\.yaml: levels\.1\(id=senior\)\.skills\.0\.any_of\.0: unknown skill 'kubernetez'",
    ),
    (
        "ladder unknown next",
        _edit("ladders/mini.yaml", "next: manager", "next: boss"),
        r"levels\.1\(id=senior\)\.next: unknown level 'boss'",
    ),
    (
        "ladder bad regex",
        _edit("ladders/mini.yaml", r"titles: ['\bsenior\b']", r"titles: ['(senior']"),
        r"levels\.1\(id=senior\)\.titles\.0: invalid regular expression",
    ),
    (
        "ladder inheritance cycle",
        _edit(
            "ladders/mini.yaml",
            "    skills:\n      - {id: python",
            "    inherits: [manager]\n    skills:\n      - {id: python",
        ),
        r"inheritance cycle",
    ),
    ("degree level unknown", _edit("degrees.yaml", "id: phd", "id: doctorate"), r"degrees\.yaml: levels\.3.*\.id"),
    ("missing file", _remove("certifications.yaml"), r"certifications\.yaml: cannot read"),
    ("not a mapping", _write("categories.yaml", "- a\n- b\n"), r"categories\.yaml: expected a mapping"),
    ("empty skills dir", _empty("skills"), r"skills: no \.yaml files"),
]


@pytest.mark.parametrize(("name", "breaker", "pattern"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_taxonomy_is_a_clear_error(
    tmp_path: Path, name: str, breaker: Callable[[Path], object], pattern: str
) -> None:
    root = tmp_path / "tax"
    shutil.copytree(MINI, root)
    breaker(root)
    with pytest.raises(TaxonomyError, match=pattern) as info:
        load_taxonomy(root)
    assert "\n" not in info.value.message


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="taxonomy directory not found"):
        load_taxonomy(tmp_path / "nope")


def test_fixture_loads_with_closure() -> None:
    tax = load_taxonomy(MINI)
    assert tax.implied("pytorch") == {"deep-learning", "machine-learning", "python"}
    assert tax.implied("python") == frozenset()
    assert "k8s" in tax.alias_list()


def test_packaged_taxonomy_loads() -> None:
    tax = load_taxonomy()
    assert "ml-engineer" in tax.ladders
    levels = {lv.id for lv in tax.ladders["ml-engineer"].levels}
    assert {"junior", "mid", "senior", "staff", "principal", "manager", "director", "vp"} <= levels


# ==============================================================================================================
# The default taxonomy ships inside the ``gapfinder`` package (no second top-level package in the wheel),
# and the loader finds it there or, in a checkout, beside ``src/``.
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
