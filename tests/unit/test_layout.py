"""The package's layout: the data flows one way, so a stage never imports a later one.

Each module of ``src/gapfinder`` belongs to a layer (``LAYERS``, lowest first); a module may import its own
layer and those below it, at module level or inside a function. A new module or package must be placed here.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from helpers import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "gapfinder"

#: lowest first; a name stands for the module and everything under it
LAYERS: tuple[tuple[str, ...], ...] = (
    # foundations: errors, limits, closed vocabularies, result models, word lists as data
    ("_gc", "_unicode", "_version", "errors", "kinds", "limits", "models", "lexicon"),
    # the text as extractors read it: normalised, in sections, its quality (by which the readers also judge a
    # PDF's text layer: so below them), the analysis context
    ("text",),
    ("reading",),  # bytes -> Document
    ("taxonomy",),  # the skills, certifications and ladders, loaded and validated
    ("extract",),  # findings with evidence
    ("ladder",),  # placement, gap, plan
    ("comparison",),  # a resume against a job post
    ("pipeline", "engine", ""),  # runs the stages for a resume or a job post; "" is gapfinder/__init__.py
    ("render",),  # reports for people
    ("output", "schema", "match_command", "cli", "batch", "service"),  # commands, the service, schemas
)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer_of(module: str) -> int:
    rest = module.removeprefix("gapfinder").removeprefix(".")
    for rank, names in enumerate(LAYERS):
        for name in names:
            if rest == name or (name and rest.startswith(name + ".")):
                return rank
    raise AssertionError(f"{module} is in no layer of tests/unit/test_layout.py: place it there")


def imports_of(module: str) -> set[str]:
    """The gapfinder modules ``module`` imports (the longest existing prefix of each imported name)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            while name and name not in MODULES:
                name = name.rsplit(".", 1)[0] if "." in name else ""
            if name and name != module and not module.startswith(name + "."):
                found.add(name)
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_stage(module: str) -> None:
    later = sorted(t for t in imports_of(module) if layer_of(t) > layer_of(module))
    assert not later, f"{module} (layer {layer_of(module)}) imports later stages: {later}"


def test_the_layers_name_existing_modules() -> None:
    tops = {m.removeprefix("gapfinder").removeprefix(".").split(".")[0] for m in MODULES}
    named = {name for names in LAYERS for name in names}
    assert named == tops, f"not in a layer: {sorted(tops - named)}; no such module: {sorted(named - tops)}"


# ---------------------------------------------------------------------- the README's stage table
def stage_table() -> list[tuple[str, list[str]]]:
    """The rows of README's "How it works" table: (stage, the paths its module column names). A path after
    the first of a cell (``phrase_index.py``) is in the directory of the last full one (``gapfinder/...``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1]
    rows: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if not line.startswith("| ") or line.startswith(("| stage", "|---")):
            if rows and not line.strip():
                break
            continue
        stage, modules = (cell.strip() for cell in line.strip("|").split("|")[:2])
        paths, directory = [], ""
        for name in re.findall(r"`([^`]+)`", modules):
            if name.startswith("gapfinder/"):
                directory = name if name.endswith("/") else name.rsplit("/", 1)[0] + "/"
                paths.append(name)
            else:
                paths.append(directory + name)
        rows.append((stage, paths))
    return rows


def named_modules(path: str) -> list[str]:
    """The modules a path of the table stands for: a file, or every module of a package directory."""
    target = SRC / path
    if path.endswith("/"):
        return sorted(module_name(p) for p in target.rglob("*.py"))
    return [module_name(target)] if target.is_file() else []


def _empty(path: Path) -> bool:
    """A package's ``__init__.py`` with nothing in it but a docstring."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body)


def test_the_readme_names_every_module_and_no_other() -> None:
    rows = stage_table()
    assert len(rows) > 10, "README.md has no stage table under 'How it works'"
    paths = [p for _, row in rows for p in row]
    missing_paths = [p for p in paths if not named_modules(p)]
    assert not missing_paths, f"README's stage table names modules that do not exist: {missing_paths}"
    named = {m for p in paths for m in named_modules(p)}
    unnamed = sorted(m for m in set(MODULES) - named if not _empty(MODULES[m]))
    assert not unnamed, f"README's stage table does not name these modules: {unnamed}"


def test_the_readme_lists_the_stages_in_import_order() -> None:
    """Down the table, a stage sits in the same layer as the one above or a later one."""
    previous = ("", 0)
    for stage, paths in stage_table():
        layers = {layer_of(m) for p in paths for m in named_modules(p)}
        assert min(layers) >= previous[1], f"README lists '{stage}' after '{previous[0]}', a later stage"
        previous = (stage, max(layers))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_imports(module: str) -> None:
    """mypy is told to ignore imports it cannot resolve (third-party stubs), so a stale internal import
    path would pass it: importing each module catches one."""
    importlib.import_module(module)
