"""Batch inputs and outputs under hostile conditions: symbolic-link loops, FIFOs, unreadable directories, an
``--out`` the batch did not write, two runs on one output, a run killed mid-way, a local Dask cluster.

The ``slow`` tests run ``gapfinder batch`` as a process (killed with SIGKILL and SIGTERM) or start a cluster.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
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
from helpers.procs import HAS_PROC, LOOPBACK, alive, descendants, listening

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
def _start_batch(inputs: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "gapfinder.cli", "batch", str(inputs), "--out", str(out), "--no-progress", *extra],
        stdout=subprocess.DEVNULL,
        stderr=(out.parent / "stderr.txt").open("wb"),
        cwd=ROOT,
    )


def _many_texts(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"Person {i}\nData Engineer\nSKILLS\nPython, Kafka, SQL\nEXPERIENCE\nAcme, 2019 - 2024\n"
            handle.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    return path


def _wait_for_lines(out: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.2)
    pytest.fail(f"the batch wrote fewer than {n} lines in {timeout:g} s (exit code {proc.poll()})")


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


@pytest.mark.slow
@pytest.mark.skipif(not HAS_PROC, reason="finds the processes through /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_a_batch_leaves_no_process_and_resume_finishes_it(tmp_path: Path, how: signal.Signals) -> None:
    """SIGTERM or SIGKILL of ``gapfinder batch -w 2`` left its worker processes alive (412 MB for 4); after
    SIGKILL, rerunning the command completes the output with each document once."""
    inputs = _many_texts(tmp_path / "texts.jsonl", 2000)
    out = tmp_path / "out.jsonl"
    proc = _start_batch(inputs, out, "--workers", "2")
    try:
        _wait_for_lines(out, 20, proc)
        below = descendants(proc.pid)
        assert len(alive(below)) >= 2  # the workers (and the fork server) are up
        os.kill(proc.pid, how)
        code = proc.wait(60)
        left = _gone_within(below, 10)
        assert not left, f"still alive after the batch ended: {sorted(left)}"
    finally:
        for pid in alive(descendants(proc.pid)):
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
    done = len(scan_results(out)[0])
    assert 20 <= done < 2000
    if how == signal.SIGTERM:
        assert code == 143
        assert "terminated; " in (tmp_path / "stderr.txt").read_text(encoding="utf-8")
        return
    assert code == -signal.SIGKILL
    resumed = _start_batch(inputs, out, "--workers", "2")
    assert resumed.wait(300) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 2000  # each document exactly once


@pytest.mark.slow
@pytest.mark.skipif(not HAS_PROC, reason="finds the sockets through /proc")
def test_a_local_dask_cluster_listens_on_loopback_only() -> None:
    """``--engine dask`` served its dashboard on every interface."""
    pytest.importorskip("distributed")
    from gapfinder.batch.dask_runner import DaskRunner

    with DaskRunner(1):
        sockets = listening(descendants(os.getpid()) | {os.getpid()})
    assert len(sockets) >= 3  # scheduler, dashboard, worker (and its nanny)
    assert {address for address, _, _ in sockets} <= LOOPBACK, sockets


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


@pytest.mark.slow
def test_the_run_batch_snippet_of_the_guide_runs_as_written(tmp_path: Path) -> None:
    """docs/batch.md's run_batch example crashed as written: without ``if __name__ == "__main__":`` every
    worker process started the batch again."""
    import re

    guide = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    snippet = re.findall(r"```python\n(.*?)```", guide, re.S)[0]
    assert "local_runner(4" in snippet
    (tmp_path / "snippet.py").write_text(snippet.replace("local_runner(4", "local_runner(2"), encoding="utf-8")
    (tmp_path / "cvs").mkdir()
    for i in range(3):
        (tmp_path / "cvs" / f"cv{i}.txt").write_text(RESUME_TEXT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "snippet.py"], cwd=tmp_path, capture_output=True, timeout=300, check=False, text=True
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[:2] == ["3", "0"]  # ok, errors
    assert len((tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 3
