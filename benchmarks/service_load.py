"""Bounded load test of the HTTP service: N mixed good/bad requests, C at once, over real HTTP.

    .venv/bin/python benchmarks/service_load.py                       # starts its own server, 200 requests at once
    .venv/bin/python benchmarks/service_load.py --queue-limit 32      # the default queue: watch the 503s
    .venv/bin/python benchmarks/service_load.py --url http://host:8000 --requests 500 --concurrency 50

It starts ``gapfinder serve`` on a free port of 127.0.0.1 (unless ``--url`` is given), waits for
``/readyz``, sends the requests with an httpx ``AsyncClient`` and prints, as Markdown: throughput,
p50/p99 latency (all requests and per request kind) and the count of answers per status. The mix,
in turn: a PDF resume, a DOCX resume, a Markdown resume as JSON text, a job description, a
resume-vs-job comparison, and four bad documents (a PNG: 415, an encrypted PDF: 422, an empty file:
422, a text over the character limit: 413). Every request is bounded by ``--timeout``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ROOT / "examples" / "resumes"
JOBS = ROOT / "examples" / "jobs"
BAD = ROOT / "examples" / "bad"


@dataclass(frozen=True)
class Call:
    kind: str
    path: str
    files: dict[str, tuple[str, bytes]] | None = None
    data: dict[str, str] | None = None
    json: dict[str, str] | None = None


def request_mix() -> list[Call]:
    """One round of the mix; the load repeats it."""
    resume_md = (RESUMES / "mid_ml_engineer.md").read_text(encoding="utf-8")
    job_txt = (JOBS / "senior_ml_engineer_jd.txt").read_text(encoding="utf-8")
    return [
        Call("pdf", "/v1/analyze", files={"file": ("r.pdf", (RESUMES / "senior_ml_engineer.pdf").read_bytes())}),
        Call("docx", "/v1/analyze", files={"file": ("r.docx", (RESUMES / "junior_ml_engineer.docx").read_bytes())}),
        Call("json-text", "/v1/analyze", json={"text": resume_md}),
        Call("job", "/v1/analyze", files={"file": ("jd.txt", job_txt.encode())}, data={"kind": "job"}),
        Call("compare", "/v1/compare", json={"resume": resume_md, "job": job_txt}),
        Call("bad-png", "/v1/analyze", files={"file": ("x.png", (BAD / "not_a_resume.png").read_bytes())}),
        Call("bad-encrypted", "/v1/analyze", files={"file": ("e.pdf", (BAD / "encrypted.pdf").read_bytes())}),
        Call("bad-empty", "/v1/analyze", files={"file": ("e.txt", b"   \n")}),
        Call("bad-too-long", "/v1/analyze", json={"text": "Python " * 40_000}),
    ]


@dataclass(frozen=True)
class Result:
    kind: str
    status: int | str  # an HTTP status, or the transport error's class name
    seconds: float


async def _one(client: httpx.AsyncClient, call: Call, gate: asyncio.Semaphore) -> Result:
    async with gate:
        started = time.perf_counter()
        try:
            response = await client.post(call.path, files=call.files, data=call.data, json=call.json)
            status: int | str = response.status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        return Result(call.kind, status, time.perf_counter() - started)


async def run_load(url: str, requests: int, concurrency: int, timeout: float) -> tuple[list[Result], float]:
    mix = request_mix()
    calls = [mix[i % len(mix)] for i in range(requests)]
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        started = time.perf_counter()
        results = await asyncio.gather(*(_one(client, call, gate) for call in calls))
        return list(results), time.perf_counter() - started


def _pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(results: list[Result], wall: float, args: argparse.Namespace) -> str:
    lines = [
        f"- {len(results)} requests, {args.concurrency} at once, in {wall:.2f} s: "
        f"**{len(results) / wall:.1f} requests/s**",
    ]
    if args.url is None:
        lines.append(
            f"- server: 1 uvicorn process, --max-concurrent {args.max_concurrent}, --queue-limit {args.queue_limit}, "
            f"--deadline {args.deadline:g}"
        )
    statuses = Counter(r.status for r in results)
    lines.append("- answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=str)))
    lines += ["", "| request kind | n | statuses | p50 ms | p99 ms |", "|---|---|---|---|---|"]
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    for kind, rs in [*by_kind.items(), ("all", results)]:
        times = [r.seconds * 1000 for r in rs]
        st = ", ".join(f"{s}×{n}" for s, n in sorted(Counter(r.status for r in rs).items(), key=str))
        lines.append(f"| {kind} | {len(rs)} | {st} | {_pct(times, 50):.0f} | {_pct(times, 99):.0f} |")
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(args: argparse.Namespace, log: Any) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAPFINDER_")}
    command = [
        sys.executable,
        "-m",
        "gapfinder.cli",
        "serve",
        "--port",
        str(port),
        "--max-concurrent",
        str(args.max_concurrent),
        "--queue-limit",
        str(args.queue_limit),
        "--deadline",
        str(args.deadline),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}; see {log.name}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server was not ready within 180 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200, help="requests in flight at once")
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout per request, seconds")
    parser.add_argument("--max-concurrent", type=int, default=2, help="analysis workers of the started server")
    parser.add_argument("--queue-limit", type=int, default=256, help="queue of the started server")
    parser.add_argument("--deadline", type=float, default=60.0, help="deadline of the started server, seconds")
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")

    proc = None
    with tempfile.NamedTemporaryFile("wb", prefix="gapfinder-serve-", suffix=".log", delete=False) as log:
        try:
            url = args.url
            if url is None:
                proc, url = start_server(args, log)
            asyncio.run(run_load(url, min(args.requests, 18), min(args.concurrency, 18), args.timeout))  # warm-up
            results, wall = asyncio.run(run_load(url, args.requests, args.concurrency, args.timeout))
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(30)
    print(f"gapfinder service load · {time.strftime('%Y-%m-%d')} · {platform.platform()} · {os.cpu_count()} CPUs")
    print(report(results, wall, args))


if __name__ == "__main__":
    main()
