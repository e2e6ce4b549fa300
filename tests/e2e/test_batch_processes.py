"""``gapfinder batch`` as processes: killed mid-run (SIGKILL, SIGTERM) and resumed, a local Dask cluster on
loopback only, a worker pool, the guide's run_batch snippet run as written."""

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

from gapfinder.batch import (
    EngineConfig,
    InProcessRunner,
    PoolRunner,
    run_batch,
    scan_results,
)
from helpers import EXAMPLES, MINI, ROOT, TODAY
from helpers.batch import read_records, synthetic_resume, write_jsonl
from helpers.procs import HAS_PROC, LOOPBACK, alive, descendants, listening

pytestmark = pytest.mark.slow

RESUMES = EXAMPLES / "resumes"
BAD = EXAMPLES / "bad"
RESUME_TEXT = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8")


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


@pytest.mark.skipif(not HAS_PROC, reason="finds the sockets through /proc")
def test_a_local_dask_cluster_listens_on_loopback_only() -> None:
    """``--engine dask`` served its dashboard on every interface."""
    pytest.importorskip("distributed")
    from gapfinder.batch.dask_runner import DaskRunner

    with DaskRunner(1):
        sockets = listening(descendants(os.getpid()) | {os.getpid()})
    assert len(sockets) >= 3  # scheduler, dashboard, worker (and its nanny)
    assert {address for address, _, _ in sockets} <= LOOPBACK, sockets


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


def test_two_workers_give_the_same_results_as_one(mini_engine: Any, tmp_path: Path) -> None:
    """Worker processes build their engine from the config (the small test taxonomy: quick to build)."""
    config = EngineConfig(taxonomy=str(MINI), ladder="mini", today=TODAY)
    texts = write_jsonl(
        tmp_path / "t.jsonl",
        [{"id": f"cv{i}", "text": synthetic_resume(i)} for i in range(10)] + ["{broken"],
    )
    inputs = [texts, RESUMES / "senior_ml_engineer.pdf", RESUMES / "junior_ml_engineer.docx", BAD / "scanned.pdf"]
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(inputs, one, runner=InProcessRunner(config, engine=mini_engine))
    summary = run_batch(inputs, two, runner=PoolRunner(2, config))
    assert summary.workers == 2 and summary.processed == 14
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(read_records(two), key=key) == sorted(read_records(one), key=key)
    assert any(r["ok"] and r["report"]["skills"] for r in read_records(two))
