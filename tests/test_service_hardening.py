"""The service under hostile clients: malformed JSON, huge fields, slow headers, too many connections, an
analysis process that dies while idle or runs into its memory cap.

The fast tests call the request-handling functions directly; the ``slow`` ones run ``gapfinder serve`` (one
server for the module, one analysis process, short header timeout, a small connection cap and the smallest
memory cap) and talk to it over sockets and HTTP.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

from gapfinder.errors import UsageError
from gapfinder.service.problems import MAX_DETAIL_CHARS, ProblemError, clip, problem_response
from gapfinder.service.settings import MIN_WORKER_MEMORY_BYTES, ServiceSettings
from gapfinder.service.uploads import AnalyzeText, parse_json, validation_detail
from helpers.files import flat_docx
from helpers.server import STARTUP_S, Server, start_server, stop_server, wait_ready, worker_pids

SECRET = "ZQXJ-SECRET-RESUME-TEXT"


# ------------------------------------------------------------------------------------------ malformed requests
@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b'{"text": ' + b"9" * 5_000 + b"}", "a number too long to read"),
        (b'{"text": "\xff\xfe"}', "not UTF-8"),
        (b'{"text": "Python", ', "not valid JSON"),
    ],
    ids=["nested", "long-integer", "not-utf8", "truncated"],
)
def test_malformed_json_is_a_400(body: bytes, why: str) -> None:
    """Before, nesting 100k deep (RecursionError) and a 5,000-digit integer (ValueError) answered 500."""
    with pytest.raises(ProblemError) as exc:
        parse_json(body, AnalyzeText)
    assert exc.value.status == 400 and exc.value.slug == "bad-json" and why in exc.value.detail


def test_a_huge_field_is_never_echoed_whole() -> None:
    """A 1 MB field name was echoed whole in the 422 detail; values are never echoed at all."""
    body = json.dumps({"text": SECRET, "k" * 1_000_000: 1, "kind": SECRET}).encode()
    with pytest.raises(ProblemError) as exc:
        parse_json(body, AnalyzeText)
    assert exc.value.status == 422 and len(exc.value.detail) < 400
    assert SECRET not in exc.value.detail
    response = problem_response(ProblemError(422, "x", "X", "d" * 1_000_000), "rid")
    assert len(json.loads(bytes(response.body))["detail"]) == MAX_DETAIL_CHARS


def test_details_are_safe_to_encode() -> None:
    assert clip("target '\ud800' unknown") == "target '\ufffd' unknown"
    body = problem_response(ProblemError(422, "x", "X", "bad \udc80"), None).body
    assert json.loads(bytes(body))["detail"] == "bad \ufffd"


def test_validation_detail_cuts_names() -> None:
    detail = validation_detail([{"loc": ("body", "x" * 10_000), "msg": "Extra inputs are not permitted"}])
    assert len(detail) < 100 and detail.endswith("Extra inputs are not permitted")


# ------------------------------------------------------------------------------------------ settings
def test_hardening_settings_from_env_and_checks() -> None:
    env = {
        "GAPFINDER_WORKER_MEMORY_BYTES": str(2 * 1024**3),
        "GAPFINDER_MAX_CONNECTIONS": "64",
        "GAPFINDER_HEADER_TIMEOUT": "2.5",
    }
    settings = ServiceSettings.from_env(env)
    assert (settings.worker_memory_bytes, settings.max_connections, settings.header_timeout_s) == (2 * 1024**3, 64, 2.5)
    assert ServiceSettings.from_env(settings.to_env()) == settings
    assert settings.limits.analysis_time_budget_s == settings.deadline_s
    assert ServiceSettings().worker_memory_bytes == 1024**3  # capped by default
    assert ServiceSettings(worker_memory_bytes=0).worker_memory_bytes == 0  # 0: no cap
    with pytest.raises(UsageError, match="worker_memory_bytes must be 0"):
        ServiceSettings(worker_memory_bytes=MIN_WORKER_MEMORY_BYTES - 1)
    with pytest.raises(UsageError, match="header_timeout_s must be positive"):
        ServiceSettings(header_timeout_s=0)
    with pytest.raises(UsageError, match="max_connections"):
        ServiceSettings(max_connections=0)


def test_serve_validates_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    """``serve --port 99999`` printed a traceback (from the socket layer)."""
    from gapfinder.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", "99999"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--port" in err and "65535" in err and "Traceback" not in err


def test_the_file_limit_fits_the_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = pytest.importorskip("resource")
    from gapfinder.service.command import SPARE_FILES, fit_file_limit

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    fitted = fit_file_limit(ServiceSettings(max_connections=100))
    assert fitted.max_connections == 100
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] >= min(100 + SPARE_FILES, hard)
    if hard != resource.RLIM_INFINITY:
        over = fit_file_limit(ServiceSettings(max_connections=hard))  # cannot fit: served connections shrink
        assert over.max_connections == hard - SPARE_FILES
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_worker_that_runs_out_of_memory_retires() -> None:
    from gapfinder.service.worker import RETIRE, AnalyzeTask, Source, run_task

    class Greedy:
        limits = ServiceSettings().limits

        def analyze_document(self, *_args: object, **_kwargs: object) -> None:
            raise MemoryError

    answer = run_task(Greedy(), AnalyzeTask(Source(text="Python and SQL")))  # type: ignore[arg-type]
    assert answer[:2] == ("error", "DocumentTooLargeError") and answer[-1] == RETIRE


# ------------------------------------------------------------------------------------------ a real server
@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("guarded") / "serve.log"
    server = start_server(
        log,
        "--max-concurrent",
        "1",
        "--header-timeout",
        "1",
        "--max-connections",
        "20",
        "--worker-memory-bytes",
        str(MIN_WORKER_MEMORY_BYTES),
        "--deadline",
        "60",
        "--max-upload-bytes",
        str(32 * 1024 * 1024),
    )
    try:
        wait_ready(server)
        yield server
    finally:
        stop_server(server)


def _port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def _first_line(sock: socket.socket) -> bytes:
    sock.settimeout(15)
    return sock.recv(4096).split(b"\r\n", 1)[0]


@pytest.mark.slow
def test_slow_headers_get_408_and_the_server_keeps_serving(guarded: Server) -> None:
    """1,100 connections that never finished their headers stopped all traffic before."""
    started = time.monotonic()
    partial = socket.create_connection(("127.0.0.1", _port(guarded)))
    partial.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and nothing more
    silent = socket.create_connection(("127.0.0.1", _port(guarded)))
    assert _first_line(partial) == b"HTTP/1.1 408 Request Timeout"
    assert _first_line(silent) == b"HTTP/1.1 408 Request Timeout"
    assert time.monotonic() - started < 10  # the 1 s header timeout, not forever
    partial.close()
    silent.close()
    with guarded.client() as client:
        assert client.get("/healthz").status_code == 200


@pytest.mark.slow
def test_connections_over_the_cap_get_503_and_are_closed(guarded: Server) -> None:
    held = [socket.create_connection(("127.0.0.1", _port(guarded))) for _ in range(20)]
    try:
        time.sleep(0.3)
        extra = socket.create_connection(("127.0.0.1", _port(guarded)))
        assert _first_line(extra) == b"HTTP/1.1 503 Service Unavailable"
        extra.close()
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.3)
    with guarded.client() as client:
        assert client.get("/healthz").status_code == 200
    assert "Traceback" not in guarded.log_text()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="finds the workers through /proc")
def test_an_idle_worker_that_dies_is_replaced_before_anyone_gets_it(guarded: Server) -> None:
    """Before, /readyz stayed green and the next request got 422 'the file may be damaged or crafted'."""
    (worker,) = worker_pids(guarded)
    os.kill(worker, signal.SIGKILL)
    with guarded.client() as client:
        deadline = time.monotonic() + 5
        while client.get("/readyz").status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/readyz").status_code == 503  # noticed: no worker is ready
        ok = client.post("/v1/analyze", json={"text": "Python and SQL"})  # waits for the replacement
        assert ok.status_code == 200, ok.text
        assert client.get("/readyz").status_code == 200
    assert worker not in worker_pids(guarded)
    assert "exited while idle" in guarded.log_text()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS semantics")
def test_a_document_past_the_memory_cap_is_a_4xx_and_the_service_goes_on(guarded: Server) -> None:
    """A 15 MB document.xml (under the XML part limit) needs ~380 MB on top of the engine, over this server's
    512 MiB cap: the worker's allocation fails (MemoryError: 413 and a fresh worker; libxml2's failure: 422;
    a crash: 422 and a fresh worker), never 500, and the next request is served."""
    slugs = {413: "document-too-large", 422: ("analysis-crashed", "corrupt-document")}
    with guarded.client(timeout=120) as client:
        big = client.post("/v1/analyze", files={"file": ("cv.docx", flat_docx(15 * 1024 * 1024))})
        assert big.status_code in slugs, big.text
        assert big.json()["type"].rsplit(":", 1)[1] in slugs[big.status_code]
        deadline = time.monotonic() + STARTUP_S
        ok = client.post("/v1/analyze", json={"text": "Python and SQL"})
        while ok.status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
            ok = client.post("/v1/analyze", json={"text": "Python and SQL"})
        assert ok.status_code == 200, ok.text
