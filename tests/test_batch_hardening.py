"""Batch inputs and outputs under hostile conditions: symbolic-link loops, FIFOs, unreadable directories, an
``--out`` the batch did not write, two runs on one output, a document over the time budget.

A batch killed mid-way and a local Dask cluster run as processes: ``tests/e2e/test_batch_processes.py``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from gapfinder.batch import InProcessRunner, ResultsWriter, expand_inputs, run_batch, scan_results
from gapfinder.batch.inputs import Unreadable
from gapfinder.batch.records import Outcome
from gapfinder.errors import UsageError
from helpers import ROOT

RESUME_TEXT = (ROOT / "examples" / "resumes" / "senior_ml_engineer.txt").read_text(encoding="utf-8")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "cvs"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(RESUME_TEXT, encoding="utf-8")
    (root / "sub" / "also.md").write_text(RESUME_TEXT, encoding="utf-8")
    return root


# ------------------------------------------------------------------------------------------ inputs
def test_a_symlink_loop_and_a_dangling_link_are_error_records(tree: Path, engine: Any, tmp_path: Path) -> None:
    """A file-symlink loop made the batch die with a traceback and process nothing."""
    (tree / "a.txt").symlink_to(tree / "b.txt")
    (tree / "b.txt").symlink_to(tree / "a.txt")
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)  # not followed: no endless walk
    out = tmp_path / "out.jsonl"
    summary = run_batch([tree, tree / "a.txt"], out, runner=InProcessRunner(engine=engine))
    got = records(out)
    assert {k for k, r in got.items() if r["ok"]} == {str(tree / "good.txt"), str(tree / "sub" / "also.md")}
    for name in ("a.txt", "b.txt", "gone.txt"):
        error = got[str(tree / name)]["error"]
        assert error["type"] == "InputError" and "cannot read it" in error["message"]
    assert (summary.ok, summary.errors) == (2, 3)


@needs_fifo
def test_a_fifo_is_an_error_record_not_a_hang(tree: Path, engine: Any, tmp_path: Path) -> None:
    """A FIFO named *.txt made the batch wait forever for a writer."""
    os.mkfifo(tree / "pipe.txt")
    out = tmp_path / "out.jsonl"
    summary = run_batch([tree, tree / "pipe.txt"], out, runner=InProcessRunner(engine=engine))
    error = records(out)[str(tree / "pipe.txt")]["error"]
    assert error["type"] == "InputError" and "not a regular file (a FIFO)" in error["message"]
    assert (summary.ok, summary.errors) == (2, 1)


def test_a_directory_that_cannot_be_listed_is_an_error_record(
    tree: Path, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unreadable sub-directory was skipped without a word. (As root, permissions cannot make one: the
    listing is made to fail instead.)"""
    locked = tree / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(RESUME_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert any(isinstance(s, Unreadable) and s.path == locked for s in expand_inputs([tree]))
    out = tmp_path / "out.jsonl"
    run_batch([tree], out, runner=InProcessRunner(engine=engine))
    error = records(out)[str(locked)]["error"]
    assert error["type"] == "InputError" and "cannot list this directory (Permission denied)" in error["message"]


# ------------------------------------------------------------------------------------------ the output
@pytest.mark.parametrize(
    "content",
    [
        '{"name": "x"}\n',  # a one-line JSON file: was truncated to nothing, exit 0
        '{"name": "x"}',  # the same without its final newline
        '{"id": "x", "name": 1}\n',  # JSON with an id, but not a batch record
        "plain notes\n",
        "\n",
    ],
    ids=["json-line", "json-no-newline", "json-with-id", "text", "blank"],
)
def test_an_out_file_the_batch_did_not_write_is_refused_and_left_alone(tmp_path: Path, content: str) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match="is not a gapfinder batch record"), ResultsWriter(out):
        pass
    assert out.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("make", ["directory", "fifo"])
def test_an_out_that_is_not_a_regular_file_is_refused(tmp_path: Path, make: str) -> None:
    out = tmp_path / "out.jsonl"
    if make == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("POSIX FIFOs")
        os.mkfifo(out)
    else:
        out.mkdir()
    with pytest.raises(UsageError, match=r"not a regular file|cannot write the results file"), ResultsWriter(out):
        pass


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_two_runs_cannot_write_one_output(tmp_path: Path) -> None:
    """Two runs on the same --out wrote every id twice."""
    out = tmp_path / "out.jsonl"
    with ResultsWriter(out) as first:
        first.write(Outcome("a", True, json.dumps({"id": "a", "ok": True})))
        with pytest.raises(UsageError, match="being written by another gapfinder batch run"), ResultsWriter(out):
            pass
    with ResultsWriter(out) as again:  # released at the end of the first run
        assert again.done == {"a"}
    assert scan_results(out) == ({"a"}, len(out.read_bytes()))


# ------------------------------------------------------------------------------------------ processes


def test_the_time_budget_option_bounds_each_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document over ``--time-budget`` (a stage made to stall here) is an error record; the run goes on."""
    from gapfinder.cli import main
    from gapfinder.pipeline import findings as findings_module

    real = findings_module.detect_sections

    def stall(text: str, kind: Any) -> Any:
        if "STALL" in text:
            end = time.monotonic() + 30
            while time.monotonic() < end:
                pass
        return real(text, kind)

    monkeypatch.setattr(findings_module, "detect_sections", stall)
    texts = tmp_path / "t.jsonl"
    texts.write_text(
        json.dumps({"id": "slow", "text": RESUME_TEXT + "\nSTALL\n"})
        + "\n"
        + json.dumps({"id": "ok", "text": RESUME_TEXT})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(texts), "--out", str(out), "-w", "1", "--no-progress", "--time-budget", "0.5"])
    assert exc.value.code == 3
    got = records(out)
    assert got["ok"]["ok"] and got["slow"]["error"]["type"] == "DocumentTooLargeError"
    assert "took longer than the 0.5 s time budget" in got["slow"]["error"]["message"]
    capsys.readouterr()
