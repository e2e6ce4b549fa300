"""Ladders are data: a ladder with its own level ids places people exactly as the packaged one, and
``taxonomy validate`` names every semantic mistake of a ladder file with its file and level."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from gapfinder import Engine
from gapfinder.cli import main
from gapfinder.errors import TaxonomyError
from gapfinder.models import DocumentKind, Report
from gapfinder.taxonomy import load_taxonomy
from gapfinder.taxonomy.loader import default_taxonomy_dir
from helpers import MINI, ROOT, TODAY

LADDER_FILE = "ladders/ml-engineer.yaml"
PROBES = ROOT / "eval" / "probes"


def _copy_taxonomy(tmp: Path) -> Path:
    dest = tmp / "taxonomy"
    shutil.copytree(default_taxonomy_dir(), dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _edit_ladder(root: Path, edit: Any) -> None:
    path = root / LADDER_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _rename(data: dict[str, Any], new: dict[str, str]) -> None:
    """Every level id of the ladder, and every reference to one, renamed."""
    data["id"] = "renamed"
    for key in ("title_precedence",):
        data[key] = [new[x] for x in data[key]]
    data["unmarked_title"] = new[data["unmarked_title"]]
    for key in ("adjacent_steps_into", "off_ladder_steps_into"):
        data["fit"][key] = [new[x] for x in data["fit"][key]]
    for level in data["levels"]:
        level["id"] = new[level["id"]]
        level["inherits"] = [new[x] for x in level.get("inherits", [])]
        level["steps_into"] = [new[x] for x in level.get("steps_into", [])]
        if level.get("next"):
            level["next"] = new[level["next"]]


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = _copy_taxonomy(tmp_path_factory.mktemp("renamed"))
    ids = [lv.id for lv in load_taxonomy().ladders["ml-engineer"].levels]
    new = {lid: f"step-{i}" for i, lid in enumerate(ids)}
    _edit_ladder(root, lambda data: _rename(data, new))
    return root, new


def _documents() -> list[tuple[Path, DocumentKind]]:
    docs: list[tuple[Path, DocumentKind]] = [
        (p, "resume") for p in sorted((ROOT / "examples" / "resumes").glob("*.txt"))
    ]
    docs += [(p, "job") for p in sorted((ROOT / "examples" / "jobs").glob("*.txt"))]
    if PROBES.is_dir():
        docs += [(p, "resume") for p in sorted((PROBES / "resumes").glob("*.txt"))[::4]]
        docs += [(p, "job") for p in sorted((PROBES / "jobs").glob("*.txt"))[::3]]
    return docs


def test_a_ladder_with_its_own_ids_places_alike(engine: Engine, renamed: tuple[Path, dict[str, str]]) -> None:
    root, new = renamed
    other = Engine(root, ladder="renamed", today=TODAY)

    def view(report: Report, rename: dict[str, str]) -> tuple[Any, ...]:
        pl, gap = report.placement, report.gap
        assert pl is not None
        return (
            rename.get(pl.level, pl.level),
            rename.get(pl.seniority, pl.seniority),
            pl.track,
            pl.fit,
            pl.confidence,
            tuple((rename.get(s.level, s.level), s.score) for s in pl.fits),
            rename.get(gap.target, gap.target) if gap else None,
            gap.coverage if gap else None,
            tuple(w.code for w in report.warnings),
        )

    same = {v: v for v in new.values()}
    for path, kind in _documents():
        a = view(engine.analyze(path, kind=kind), new)
        b = view(other.analyze(path, kind=kind), same)
        assert a == b, path.name


def test_cli_places_on_a_named_ladder(renamed: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    import json

    root, new = renamed
    resume = ROOT / "examples" / "resumes" / "senior_ml_engineer.txt"
    with pytest.raises(SystemExit) as exit_info:
        main([str(resume), "--taxonomy", str(root), "--ladder", "renamed", "--format", "json"])
    assert exit_info.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["placement"]["ladder"] == "renamed"
    assert data["placement"]["level"] == new["senior"]
    # the text report names the ladder's own levels too
    with pytest.raises(SystemExit):
        main([str(resume), "--taxonomy", str(root), "--ladder", "renamed"])
    assert f"[{new['senior']}]" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------- validate
# on a copy of the small test taxonomy (tests/fixtures/mini_taxonomy): its one ladder, mini.yaml, is edited
MINI_LADDER = "ladders/mini.yaml"


def _mini(tmp: Path) -> Path:
    dest = tmp / "mini"
    shutil.copytree(MINI, dest)
    return dest


def _edit(root: Path, edit: Any) -> None:
    path = root / MINI_LADDER
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _break(data: dict[str, Any]) -> None:
    levels = {lv["id"]: lv for lv in data["levels"]}
    levels["junior"]["salary"] = {"min": 200000, "max": 100000}  # min above max
    levels["senior"]["years"] = {"min": 9, "max": 2}  # min above max
    levels["senior"]["rank"] = 1  # the junior's rank on the ic track
    levels["senior"]["next"] = "junior"  # junior -> senior -> junior: a loop
    levels["manager"]["next"] = "cto"  # no such level
    levels["junior"]["inherits"] = ["manager"]  # manager -> senior -> junior -> manager
    levels["manager"]["track"] = "freelance"  # no such track


def test_validate_names_every_semantic_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _mini(tmp_path)
    _edit(root, _break)
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(root)
    problems = err.value.problems
    expected = [
        ("levels.0(id=junior).salary", "min 200,000 is above max 100,000"),
        ("levels.1(id=senior).years", "min 9 is above max 2"),
        ("levels.1(id=senior).rank", "rank 1 is also the rank of 'junior' on the ic track"),
        ("(id=junior).next", "the next chain loops"),
        ("levels.2(id=manager).next", "unknown level 'cto'"),
        ("(id=junior).inherits", "inheritance cycle"),
        ("levels.2(id=manager).track", "unknown track 'freelance'"),
    ]
    for where, what in expected:
        assert any(where in p and what in p and MINI_LADDER in p for p in problems), (where, problems)
    # the CLI prints every problem on its own line and exits 2
    with pytest.raises(SystemExit) as exit_info:
        main(["taxonomy", "validate", str(root)])
    assert exit_info.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == len(problems) >= len(expected)
    assert all(line.startswith("gapfinder: error: ") and MINI_LADDER in line for line in lines)


def _fit(data: dict[str, Any], **fields: Any) -> None:
    data["fit"] = {"core": {"categories": {"ml_method": 1}}, **fields}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(unmarked_title="nope"), "'nope' is not a level of the ic or management track"),
        (lambda d: _fit(d, off_ladder_steps_into=["nope"]), "'nope' is not a level"),
        (lambda d: _fit(d, adjacent={"categories": {"astrology": 1}}), "unknown category 'astrology'"),
        (lambda d: _fit(d, adjacent={"skills": {"tarot": 1}}), "unknown skill 'tarot'"),
        (lambda d: d.update(title_precedence=["junior", "chief"]), "unknown level 'chief'"),
        (lambda d: d["levels"][0].update(titles_by_scope=["(unclosed"]), "invalid regular expression"),
        (lambda d: d["levels"][0].update(steps_into=["nope"]), "'nope' is not a level"),
    ],
)
def test_validate_checks_the_ladder_wide_fields(tmp_path: Path, edit: Any, message: str) -> None:
    root = _mini(tmp_path)
    _edit(root, edit)
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy(root)


def test_a_second_ladder_needs_a_default_or_a_name(tmp_path: Path) -> None:
    from gapfinder.errors import UsageError

    root = _mini(tmp_path)
    text = (root / MINI_LADDER).read_text(encoding="utf-8")
    (root / "ladders" / "copy.yaml").write_text(text.replace("id: mini", "id: copy", 1), encoding="utf-8")
    with pytest.raises(UsageError, match="choose one of: copy, mini"):
        load_taxonomy(root).ladder()
    assert load_taxonomy(root).ladder("copy").id == "copy"
    _edit(root, lambda d: d.update(default=True))
    assert load_taxonomy(root).ladder().id == "mini"


# ==============================================================================================================
# A ladder of one's own works in every entry point: the library and CLI are tested in test_ladder_data.py;
# batch here (``--taxonomy DIR --ladder ID``, in a worker process).
def test_batch_places_on_a_named_ladder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.jsonl"
    resume = ROOT / "examples" / "resumes" / "senior_ml_engineer.txt"
    args = ["batch", str(resume), "--out", str(out), "--taxonomy", str(MINI), "--ladder", "mini"]
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--workers", "1", "--no-progress"])
    assert exit_info.value.code == 0, capsys.readouterr().err
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert record["ok"] and record["report"]["placement"]["ladder"] == "mini"
    assert record["report"]["placement"]["level"] in {"junior", "senior", "manager"}  # the mini ladder's own
    # a ladder the taxonomy does not have is a one-line usage error naming the ladders it has
    with pytest.raises(SystemExit) as exit_info:
        main([*args[:-1], "no-such-ladder", "--workers", "1", "--no-progress"])
    assert exit_info.value.code == 2
    assert "mini" in capsys.readouterr().err
