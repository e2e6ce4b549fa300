"""Each fact of the taxonomy lives once, in its data: level ids and order in the ladder, degree ranks in
``degrees.yaml``, which skills a leadership signal evidences in the skills' ``signals``. The code names
none of them, and changing the data changes what the code does."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from gapfinder import Engine
from gapfinder.errors import TaxonomyError
from gapfinder.kinds import MAIN_TRACKS, DegreeLevel, SignalKind
from gapfinder.taxonomy import load_taxonomy
from helpers import MINI, ROOT

SRC = ROOT / "src" / "gapfinder"
DEGREE_LEVELS = set(get_args(DegreeLevel))


def _constants(path: Path) -> list[ast.Constant]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_level_or_ladder_id_is_written_in_the_code() -> None:
    tax = load_taxonomy()
    ids = {ld.id for ld in tax.ladders.values()} | {lv.id for ld in tax.ladders.values() for lv in ld.levels}
    assert {"junior", "senior", "ml-engineer"} <= ids  # the scan looks for something
    found = [
        f"{p.relative_to(SRC).as_posix()}:{c.lineno}: {c.value!r}"
        for p in _modules()
        for c in _constants(p)
        if c.value in ids
    ]
    assert found == []


def test_no_degree_rank_table_in_the_code() -> None:
    """A dict from degree levels to numbers anywhere in the code would be a second copy of the ranks."""
    found = []
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                numbers = all(isinstance(v, ast.Constant) and isinstance(v.value, int) for v in node.values)
                if len(keys & DEGREE_LEVELS) >= 2 and numbers:
                    found.append(f"{p.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id == "DEGREE_RANK":
                found.append(f"{p.relative_to(ROOT)}:{node.lineno}: DEGREE_RANK")
    assert found == []


def test_the_main_tracks_are_named_once() -> None:
    literal = '("ic", "management")'
    holders = [p.relative_to(SRC).as_posix() for p in _modules() if literal in p.read_text(encoding="utf-8")]
    assert holders == ["kinds.py"]
    assert MAIN_TRACKS == ("ic", "management")


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "tax"
    shutil.copytree(MINI, root)
    return root


def _edit(path: Path, change: Callable[[Any], object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _swap_ranks(data: dict[str, Any]) -> None:
    by_id = {lv["id"]: lv for lv in data["levels"]}
    by_id["bachelor"]["rank"], by_id["master"]["rank"] = by_id["master"]["rank"], by_id["bachelor"]["rank"]


JOB = """Machine Learning Engineer

Requirements
- Bachelor's or Master's degree in Computer Science.
- Experience with Python and PyTorch.
"""


def _degree(root: Path) -> str | None:
    requirements = Engine(root).analyze_text(JOB, kind="job").requirements
    assert requirements is not None
    return requirements.degree


def test_degree_ranks_come_from_degrees_yaml(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = load_taxonomy(root)
    assert before.degree_rank("bachelor") < before.degree_rank("master")
    assert _degree(root) == "bachelor"  # the lowest the post accepts

    _edit(root / "degrees.yaml", _swap_ranks)
    after = load_taxonomy(root)
    assert after.degree_rank("master") < after.degree_rank("bachelor")
    # the same post, read with the swapped ranks: the lowest degree it accepts is now the master
    assert _degree(root) == "master"


def test_the_signal_skill_map_is_the_skills_signals() -> None:
    tax = load_taxonomy()
    expected: dict[SignalKind, list[str]] = {}
    for skill in tax.skills.values():
        for kind in skill.signals:
            expected.setdefault(kind, []).append(skill.id)
    assert expected, "the packaged skills name no leadership signal"
    for kind, skill_ids in expected.items():
        assert list(tax.signal_skills(kind)) == skill_ids
    assert tax.signal_skills("patents") == tuple(expected.get("patents", ()))


def test_a_signal_added_to_a_skill_evidences_it(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "skills" / "core.yaml"
    _edit(path, lambda data: data["skills"][0].update(signals=["mentoring"]))
    tax = load_taxonomy(root)
    first = yaml.safe_load(path.read_text(encoding="utf-8"))["skills"][0]["id"]
    assert first in tax.signal_skills("mentoring")


@pytest.mark.parametrize(
    ("file", "change", "where"),
    [
        ("skills/core.yaml", lambda d: d["skills"][0].update(signals=["no_such_signal"]), r"skills\.0.*signals"),
        (
            "ladders/mini.yaml",
            lambda d: next(lv for lv in d["levels"] if lv.get("leadership"))["leadership"][0].update(
                signal="no_such_signal"
            ),
            r"leadership\.0\.signal",
        ),
    ],
)
def test_an_unknown_signal_is_a_taxonomy_error(
    tmp_path: Path, file: str, change: Callable[[Any], object], where: str
) -> None:
    root = _copy(tmp_path)
    _edit(root / file, change)
    with pytest.raises(TaxonomyError, match=where) as info:
        load_taxonomy(root)
    assert file.split("/")[-1] in info.value.message
