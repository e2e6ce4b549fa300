"""The batch on Dask: a real ``LocalCluster`` of two worker processes, started here (skipped without dask).

Workers build their engine from the small test taxonomy, which the client loads and ships to them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gapfinder.batch import EngineConfig, InProcessRunner, run_batch
from gapfinder.errors import TaxonomyError, UsageError
from helpers import MINI, ROOT, TODAY

distributed = pytest.importorskip("distributed")
from gapfinder.batch.dask_runner import DaskRunner  # noqa: E402

pytestmark = pytest.mark.slow

RESUMES = ROOT / "examples" / "resumes"
BAD = ROOT / "examples" / "bad"
CONFIG = EngineConfig(taxonomy=str(MINI), ladder="mini", today=TODAY)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def records(path: Path) -> list[dict[str, Any]]:
    return sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()), key=lambda r: r["id"])


def test_dask_gives_the_same_results_as_in_process(client: Any, mini_engine: Any, tmp_path: Path) -> None:
    texts = tmp_path / "t.jsonl"
    texts.write_text(
        "".join(
            json.dumps({"id": f"t{i}", "text": f"ML Engineer\nSKILLS\nPython, PyTorch, k8s {i}\n"}) + "\n"
            for i in range(12)
        )
        + "{broken\n",
        encoding="utf-8",
    )
    inputs = [texts, RESUMES / "senior_ml_engineer.pdf", RESUMES / "mid_ml_engineer.docx", BAD / "encrypted.pdf"]
    local_out, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch(inputs, local_out, runner=InProcessRunner(CONFIG, engine=mini_engine))
    runner = DaskRunner(config=CONFIG, scheduler=client)
    summary = run_batch(inputs, dask_out, runner=runner, chunk_size=3)
    assert summary.workers == 2
    assert summary.processed == 16
    assert records(dask_out) == records(local_out)
    errors = {r["id"]: r["error"]["type"] for r in records(dask_out) if not r["ok"]}
    assert errors[f"{texts}:13"] == "InputError" and errors[str(BAD / "encrypted.pdf")] == "EncryptedDocumentError"
    assert any(r["ok"] and r["report"]["skills"] for r in records(dask_out))
    # both worker processes did work: the engine was built in each
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2
    assert client.status == "running"  # a given client is left open

    # resume: a partial output is completed, nothing is redone
    lines = dask_out.read_text(encoding="utf-8").splitlines(keepends=True)
    dask_out.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")
    again = run_batch(inputs, dask_out, runner=DaskRunner(config=CONFIG, scheduler=client))
    assert (again.skipped, again.processed) == (5, 11)
    assert records(dask_out) == records(local_out)


def test_an_engine_that_cannot_be_built_on_the_workers_is_reported(client: Any) -> None:
    with (
        pytest.raises(UsageError, match="unknown ladder 'nope'"),
        DaskRunner(config=EngineConfig(taxonomy=str(MINI), ladder="nope"), scheduler=client),
    ):
        pass


def test_a_broken_taxonomy_fails_before_the_cluster_is_used(client: Any, tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError), DaskRunner(config=EngineConfig(taxonomy=str(tmp_path)), scheduler=client):
        pass


def test_an_unreachable_scheduler_is_a_usage_error() -> None:
    runner = DaskRunner(scheduler="tcp://127.0.0.1:9", connect_timeout_s=2)
    with pytest.raises(UsageError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 "), runner:
        pass
