"""A ladder of one's own works in every entry point: the library and CLI are tested in test_ladder_data.py;
batch here (``--taxonomy DIR --ladder ID``, in a worker process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gapfinder.cli import main
from helpers import MINI, ROOT


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
