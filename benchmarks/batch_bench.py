"""Batch throughput: the same batch with 1 and 2 workers, on local processes and on a Dask LocalCluster.

    .venv/bin/python benchmarks/batch_bench.py [--docs 400] [--runs local-1,local-2,dask-1,dask-2] [--repeat 2]
                                               [--write benchmarks/results-batch.md]

The batch is the first ``--docs`` job posts of ``../shared/eval/dev/jobs_glassdoor.jsonl`` and
``jobs_skillspan.jsonl`` when that directory exists (written to a temporary JSONL file, not into the repo),
otherwise the texts of ``examples/`` repeated. Each run writes a fresh results file with ``run_batch``; the
script reports the start-up time (worker processes + one engine each), the documents per second once the workers
are up ("steady") and end to end, the speed-up over the 1-worker run of the same engine, and checks that every
run wrote the same records. On a machine shared with other work the absolute numbers move between runs; the
ratios inside one run are what to compare.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from gapfinder import __version__
from gapfinder.batch import EngineConfig, Summary, local_runner, run_batch
from gapfinder.batch.runner import Runner
from gapfinder.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"
RUNS = ("local-1", "local-2", "dask-1", "dask-2")


def job_texts(limit: int) -> tuple[list[dict[str, str]], str]:
    """(records for a JSONL batch, where they came from)."""
    files = [SHARED_DEV / "jobs_glassdoor.jsonl", SHARED_DEV / "jobs_skillspan.jsonl"]
    out: list[dict[str, str]] = []
    for path in (p for p in files if p.exists()):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    out.append({"id": f"{path.stem}-{len(out)}", "text": text, "kind": "job"})
                if len(out) == limit:
                    return out, f"{limit} real job posts from ../shared/eval/dev (glassdoor, skillspan)"
    if out:
        return out, f"{len(out)} real job posts from ../shared/eval/dev"
    examples = sorted((ROOT / "examples" / "jobs").glob("*.txt")) + sorted(
        (ROOT / "examples" / "resumes").glob("*.txt")
    )
    texts = [(p, p.read_text(encoding="utf-8")) for p in examples]
    out = [
        {
            "id": f"ex-{i}",
            "text": texts[i % len(texts)][1],
            "kind": "job" if "jobs" in texts[i % len(texts)][0].parts else "resume",
        }
        for i in range(limit)
    ]
    return out, f"{limit} texts: the {len(texts)} example .txt files of examples/ repeated"


def make_runner(name: str, config: EngineConfig) -> Runner:
    engine, workers = name.split("-")
    if engine == "dask":
        from gapfinder.batch.dask_runner import DaskRunner

        return DaskRunner(int(workers), config)
    return local_runner(int(workers), config)


class CpuMeter:
    """CPU seconds used by this process and all its descendants (workers, Dask nannies) between two points.

    On a machine shared with other work this says how many cores the run actually got ("cores used"), which is
    what bounds the speed-up; without psutil it reports nothing.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.seen = 0
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil comes with dask
            self._proc = None
        else:
            self._proc = psutil.Process()
        self.marks: list[tuple[float, float]] = []

    def cpu(self) -> float:
        if self._proc is None:
            return float("nan")
        total = sum(self._proc.cpu_times()[:2])
        for child in self._proc.children(recursive=True):
            with contextlib.suppress(Exception):  # a process that just ended
                total += sum(child.cpu_times()[:2])
        return total

    def mark(self, *_: object) -> None:
        self.marks.append((time.perf_counter(), self.cpu()))

    def result(self, _: object) -> None:
        """``on_result``: mark the end of the steady phase at the last document."""
        self.seen += 1
        if self.seen == self.total:
            self.mark()

    def cores(self) -> float:
        (t0, c0), (t1, c1) = self.marks[0], self.marks[-1]
        return (c1 - c0) / (t1 - t0) if t1 > t0 else float("nan")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {cores} cores available, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated subset of {', '.join(RUNS)}")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each configuration, interleaved; best kept")
    parser.add_argument("--write", type=Path, help="write the results as Markdown to this file")
    args = parser.parse_args(argv)
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if unknown := set(runs) - set(RUNS):
        parser.error(f"unknown runs: {', '.join(sorted(unknown))}")

    records, origin = job_texts(args.docs)
    # one taxonomy for every run (other work may edit skills_taxonomy/ meanwhile), shipped to the workers
    config = EngineConfig(taxonomy=load_taxonomy(None))
    cores: dict[str, float] = {}
    started = dt.datetime.now(dt.UTC)
    load_before = load()
    results: dict[str, Summary] = {}
    outputs: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="gapfinder-batch-bench-") as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for round_ in range(args.repeat):
            for name in runs:
                out = Path(tmp) / f"{name}-{round_}.jsonl"
                meter = CpuMeter(len(records))
                summary = run_batch(
                    [batch],
                    out,
                    runner=make_runner(name, config),
                    chunk_size=4 if name.startswith("dask") else 1,
                    on_ready=meter.mark,
                    on_result=meter.result,
                )
                if name not in results or summary.steady_docs_per_s > results[name].steady_docs_per_s:
                    results[name] = summary
                    cores[name] = meter.cores()
                outputs[f"{name}-{round_}"] = sorted(out.read_text(encoding="utf-8").splitlines())
                print(
                    f"{name:8} startup {summary.startup_s:5.1f} s  steady {summary.steady_docs_per_s:6.1f} docs/s  "
                    f"end-to-end {summary.docs_per_s:6.1f} docs/s  cores used {meter.cores():4.2f}  "
                    f"({summary.ok} ok, {summary.errors} errors, {summary.elapsed_s:.1f} s)",
                    flush=True,
                )
    reference = next(iter(outputs.values()))
    differ = [name for name, lines in outputs.items() if lines != reference]
    print(f"runs whose records differ from the first: {', '.join(differ) or 'none'}")
    if differ:
        print(first_difference(reference, outputs[differ[0]]))
    table = markdown(results, cores, origin, started, (load_before, load()), differ, args.repeat)
    print(table)
    if args.write:
        args.write.write_text(table, encoding="utf-8")
    return 1 if differ else 0


def first_difference(a: list[str], b: list[str]) -> str:
    """Where two runs' records first differ: the id and the report fields (code edited between runs?)."""
    for x, y in zip(a, b, strict=False):
        if x != y:
            ra, rb = json.loads(x), json.loads(y)
            fields = sorted(
                k
                for k in {*ra.get("report", {}), *rb.get("report", {})}
                if ra.get("report", {}).get(k) != rb.get("report", {}).get(k)
            )
            return f"first difference: id {ra['id']!r} / {rb['id']!r}, report fields {fields}"
    return f"first difference: {len(a)} vs {len(b)} records"


def markdown(
    results: dict[str, Summary],
    cores: dict[str, float],
    origin: str,
    started: dt.datetime,
    loads: tuple[str, str],
    differ: list[str],
    repeat: int,
) -> str:
    rows = []
    for name, s in results.items():
        base = results.get(name.split("-")[0] + "-1")
        speedup = f"{s.steady_docs_per_s / base.steady_docs_per_s:.2f}×" if base and base.steady_docs_per_s else "–"
        e2e = f"{s.docs_per_s / base.docs_per_s:.2f}×" if base and base.docs_per_s else "–"
        engine, workers = name.split("-")
        rows.append(
            f"| {engine} | {workers} | {s.startup_s:.1f} | {s.steady_docs_per_s:.1f} | {speedup} | "
            f"{cores[name]:.2f} | {s.steady_docs_per_s / cores[name]:.0f} | {s.docs_per_s:.1f} | {e2e} | "
            f"{s.ok} / {s.errors} |"
        )
    efficiency = []
    for engine in ("local", "dask"):
        one, two = results.get(f"{engine}-1"), results.get(f"{engine}-2")
        if one and two and cores[f"{engine}-1"] > 0 and cores[f"{engine}-2"] > 0:
            per_cpu = (two.steady_docs_per_s / cores[f"{engine}-2"]) / (one.steady_docs_per_s / cores[f"{engine}-1"])
            efficiency.append(
                f"{engine}: 2 workers got {cores[f'{engine}-2']:.2f} cores, "
                f"{per_cpu:.2f} of the 1-worker throughput per CPU-second"
            )
    reading = (
        [
            f"- Parallel efficiency: {'; '.join(efficiency)}. When that ratio is near 1 the cost per document does "
            "not grow with a second worker, and the speed-up is set by the cores the machine gives the run, not by "
            "gapfinder (on an idle 2-core machine: about 2 × that ratio; not measured here). The start-up is paid "
            "once per run, so the end-to-end gain needs a few hundred documents or more.",
        ]
        if efficiency
        else []
    )
    return "\n".join(
        [
            "# Batch throughput: 1 vs 2 workers",
            "",
            f"Generated by `benchmarks/batch_bench.py` on {started:%Y-%m-%d %H:%M} UTC, gapfinder {__version__}.",
            "",
            f"- Batch: {origin}, one JSONL file, `kind=job`.",
            f"- Machine: {machine()}.",
            f"- Load average (1/5/15 min) before / after: {loads[0]} → {loads[1]} "
            "(the machine is shared: absolute numbers move between runs, compare the ratios).",
            f"- Each configuration ran {repeat}× (interleaved); the table keeps the run with the best steady rate.",
            f"- Every run wrote the same records: {'yes' if not differ else 'NO, differ: ' + ', '.join(differ)}.",
            "",
            "| engine | workers | start-up s | steady docs/s | speed-up | cores used | docs per CPU-s "
            "| end-to-end docs/s | speed-up | ok / errors |",
            "|---|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            *reading,
            "",
            "*start-up*: starting the worker processes (or the Dask `LocalCluster`) and building one engine in each. "
            "*steady*: documents per second once the workers are up; *end-to-end*: over the whole run. "
            "*cores used*: CPU seconds of the run's processes (this one and every worker) per wall-clock second "
            "in the steady phase — what the machine actually gave the run, which bounds the speed-up; "
            "*docs per CPU-s* = steady docs/s ÷ cores used, the cost per document whatever the load "
            "(its ratio between 2 and 1 workers is the parallel efficiency). "
            "`local 1` runs in the calling process; `local 2` is a process pool; `dask N` a `LocalCluster` of N "
            "worker processes with one thread each (chunks of 4 documents per Dask task). The taxonomy is loaded "
            "once and shipped to every worker.",
            "",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
