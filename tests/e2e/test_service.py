"""The HTTP service over real HTTP: ``gapfinder serve`` runs as a subprocess on 127.0.0.1 and httpx talks to it.

Two servers start once per session, in parallel: ``main`` (two analysis workers, default limits) for the
endpoints, the document errors and the concurrency; ``tight`` (one worker, no queue, a short deadline)
for 504, worker replacement and 503. Their stderr (the service log, the workers' included) goes to a
file that the privacy test reads.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")
import httpx

from gapfinder import Engine
from gapfinder.models import Comparison, Report
from gapfinder.taxonomy.schema import Ladder, Skill
from helpers import ROOT, chromium
from helpers.server import STARTUP_S, Server, free_port, start_server, stop_server, wait_ready, worker_pids

pytestmark = pytest.mark.slow

RESUMES = ROOT / "examples" / "resumes"
JOBS = ROOT / "examples" / "jobs"
BAD = ROOT / "examples" / "bad"
PROBLEM_KEYS = {"type", "title", "status", "detail", "request_id"}
# ~0.9M characters: seconds of analysis (even on a machine several times faster than the 2-core CI box)
HEAVY = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8") * 250


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Server]]:
    logs = tmp_path_factory.mktemp("service")
    started = {
        "main": start_server(logs / "main.log", "--max-concurrent", "2", "--queue-limit", "64", "--deadline", "60"),
        "tight": start_server(
            logs / "tight.log",
            "--max-concurrent",
            "1",
            "--queue-limit",
            "0",
            "--deadline",
            "0.5",
            "--max-chars",
            "1000000",
        ),
    }
    try:
        for server in started.values():
            wait_ready(server)
        yield started
    finally:
        for server in started.values():
            stop_server(server)


@pytest.fixture(scope="session")
def main_server(servers: dict[str, Server]) -> Server:
    return servers["main"]


@pytest.fixture(scope="session")
def api(main_server: Server) -> Iterator[httpx.Client]:
    with main_server.client() as client:
        yield client


@pytest.fixture(scope="session")
def local_engine() -> Engine:
    """An engine like the server's (today's date, default taxonomy) to compare answers with the library's."""
    return Engine()


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"] == f"urn:gapfinder:problem:{slug}"
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def upload(name: str, data: bytes) -> dict[str, tuple[str, bytes]]:
    return {"file": (name, data)}


# ------------------------------------------------------------------------------------------ health
def test_health_and_readiness(api: httpx.Client) -> None:
    live = api.get("/healthz")
    assert live.status_code == 200 and live.json()["status"] == "ok"
    ready = api.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["workers"] == 2 and 1 <= ready["ready_workers"] <= 2


# ------------------------------------------------------------------------------------------ analyze
@pytest.mark.parametrize(
    "path", ["senior_ml_engineer.pdf", "junior_ml_engineer.docx", "mid_ml_engineer.md"], ids=["pdf", "docx", "md"]
)
def test_analyze_upload_is_the_library_report(api: httpx.Client, local_engine: Engine, path: str) -> None:
    data = (RESUMES / path).read_bytes()
    response = api.post("/v1/analyze", files=upload(path, data))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    report = Report.model_validate(response.json())
    expected = local_engine.analyze(data, filename=path)
    assert report.model_dump(mode="json") == expected.model_dump(mode="json")


def test_analyze_job_upload_with_kind(api: httpx.Client) -> None:
    data = (JOBS / "senior_ml_engineer_jd.txt").read_bytes()
    response = api.post("/v1/analyze", files=upload("jd.txt", data), data={"kind": "job"})
    assert response.status_code == 200, response.text
    report = Report.model_validate(response.json())
    assert report.kind == "job" and report.requirements is not None and report.gap is None


def test_analyze_json_text_with_target(api: httpx.Client, local_engine: Engine) -> None:
    text = (RESUMES / "junior_ml_engineer.txt").read_text(encoding="utf-8")
    response = api.post("/v1/analyze", json={"text": text, "kind": "resume", "target": "staff"})
    assert response.status_code == 200, response.text
    report = Report.model_validate(response.json())
    assert report.text == text
    assert report.gap is not None and report.gap.target == "staff"
    assert report == local_engine.analyze_text(text, target="staff")


# ------------------------------------------------------------------------------------------ compare
def test_compare_uploads_is_the_library_comparison(api: httpx.Client, local_engine: Engine) -> None:
    resume = (RESUMES / "mid_ml_engineer.md").read_bytes()
    job = (JOBS / "senior_ml_engineer_jd.txt").read_bytes()
    response = api.post("/v1/compare", files={"resume": ("resume.md", resume), "job": ("job.txt", job)})
    assert response.status_code == 200, response.text
    comparison = Comparison.model_validate(response.json())
    expected = local_engine.compare(
        local_engine.analyze(resume, filename="resume.md"), local_engine.analyze(job, filename="job.txt", kind="job")
    )
    assert comparison.model_dump(mode="json") == expected.model_dump(mode="json")


def test_compare_json_texts(api: httpx.Client) -> None:
    resume = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8")
    job = (JOBS / "ml_platform_engineer_jd.txt").read_text(encoding="utf-8")
    response = api.post("/v1/compare", json={"resume": resume, "job": job})
    assert response.status_code == 200, response.text
    comparison = Comparison.model_validate(response.json())
    assert comparison.resume.text == resume and comparison.job.text == job


def test_compare_names_the_document_that_fails(api: httpx.Client) -> None:
    resume = (RESUMES / "mid_ml_engineer.md").read_bytes()
    response = api.post(
        "/v1/compare", files={"resume": ("resume.md", resume), "job": ("job.pdf", (BAD / "encrypted.pdf").read_bytes())}
    )
    body = assert_problem(response, 422, "encrypted-document")
    assert str(body["detail"]).startswith("job: ")
    assert "job_password" in str(body["detail"])  # the job's own field, not the resume's "password"


def test_compare_job_password_opens_an_encrypted_job(api: httpx.Client) -> None:
    resume = (RESUMES / "mid_ml_engineer.md").read_bytes()
    job = (BAD / "encrypted.pdf").read_bytes()
    files = {"resume": ("resume.md", resume), "job": ("job.pdf", job)}
    wrong = api.post("/v1/compare", files=files, data={"password": "secret"})  # the resume's password field
    assert str(assert_problem(wrong, 422, "encrypted-document")["detail"]).startswith("job: ")
    response = api.post("/v1/compare", files=files, data={"job_password": "secret"})
    assert response.status_code == 200, response.text


def test_a_415_names_the_document(api: httpx.Client) -> None:
    resume = (RESUMES / "mid_ml_engineer.md").read_bytes()
    png = (BAD / "not_a_resume.png").read_bytes()
    for role, files in (
        ("job", {"resume": ("resume.md", resume), "job": ("job.png", png)}),
        ("resume", {"resume": ("resume.png", png), "job": ("job.md", resume)}),
    ):
        body = assert_problem(api.post("/v1/compare", files=files), 415, "unsupported-format")
        assert str(body["detail"]).startswith(f"{role}: ")


def test_compare_compact_view(api: httpx.Client, local_engine: Engine) -> None:
    from gapfinder.models import CompactComparison

    resume = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8")
    job = (JOBS / "senior_ml_engineer_jd.txt").read_text(encoding="utf-8")
    full = api.post("/v1/compare", json={"resume": resume, "job": job})
    compact = api.post("/v1/compare", params={"view": "compact"}, json={"resume": resume, "job": job})
    assert compact.status_code == 200, compact.text
    assert len(compact.content) < len(full.content) / 2
    data = compact.json()
    assert "text" not in data["resume"] and "text" not in data["job"] and "skills" not in data["resume"]
    assert CompactComparison.model_validate(data) == Comparison.model_validate(full.json()).compact()
    for status in data["requirements"]:
        for span in status["resume_evidence"]:
            assert resume[span["start"] : span["end"]] == span["text"]
    assert_problem(api.post("/v1/compare", params={"view": "tiny"}, json={"resume": resume, "job": job}), 422,
                   "invalid-request")  # fmt: skip


# ------------------------------------------------------------------------------------------ taxonomy routes
def test_ladders(api: httpx.Client) -> None:
    response = api.get("/v1/ladders")
    assert response.status_code == 200
    ladders = [Ladder.model_validate(item) for item in response.json()]
    assert "ml-engineer" in {ld.id for ld in ladders}
    one = api.get("/v1/ladders/ml-engineer")
    assert one.status_code == 200
    ladder = Ladder.model_validate(one.json())
    tracks = {lv.track for lv in ladder.levels}
    assert {"ic", "management", "alternative"} <= tracks
    assert_problem(api.get("/v1/ladders/no-such-ladder"), 404, "not-found")


@pytest.mark.parametrize("key", ["pytorch", "PyTorch", "py-torch", "LIBTORCH"])
def test_skill_lookup_by_id_name_or_alias(api: httpx.Client, key: str) -> None:
    response = api.get(f"/v1/skills/{key}")
    assert response.status_code == 200, response.text
    assert Skill.model_validate(response.json()).id == "pytorch"


def test_skill_lookup_with_a_slash_and_unknown(api: httpx.Client) -> None:
    assert api.get("/v1/skills/CI/CD").status_code == 200
    assert_problem(api.get("/v1/skills/no-such-skill-zz"), 404, "not-found")


def test_skill_search(api: httpx.Client) -> None:
    response = api.get("/v1/skills", params={"q": "torch", "limit": 5})
    assert response.status_code == 200
    skills = [Skill.model_validate(item) for item in response.json()]
    assert 1 <= len(skills) <= 5
    assert all(any("torch" in s.casefold() for s in (sk.name, *sk.aliases)) for sk in skills)
    exact = api.get("/v1/skills", params={"q": "pytorch"}).json()
    assert exact[0]["id"] == "pytorch"  # an exact name ranks first
    assert_problem(api.get("/v1/skills", params={"q": "x", "limit": 0}), 422, "invalid-request")
    assert_problem(api.get("/v1/skills"), 422, "invalid-request")


# ------------------------------------------------------------------------------------------ errors
def _pdf_with_pages(n: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for i in range(n):
        pdf.drawString(72, 720, f"Page {i + 1}: Python, PyTorch, Kubernetes")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


BAD_DOCUMENTS = [
    ("scan.png", (BAD / "not_a_resume.png").read_bytes(), 415, "unsupported-format"),
    ("latin.txt", "Résumé: Python développeur, Zürich".encode("cp1252"), 415, "unsupported-format"),
    ("sheet.docx", b"PK\x05\x06" + bytes(18), 415, "unsupported-format"),  # an empty zip named .docx
    ("encrypted.pdf", (BAD / "encrypted.pdf").read_bytes(), 422, "encrypted-document"),
    ("scanned.pdf", (BAD / "scanned.pdf").read_bytes(), 422, "no-text-layer"),
    ("truncated.pdf", (BAD / "truncated.pdf").read_bytes(), 422, "corrupt-document"),
    ("empty.txt", (BAD / "empty.txt").read_bytes(), 422, "empty-document"),
    ("renamed.pdf", b"just some text, named as a PDF", 422, "corrupt-document"),
    ("long.pdf", _pdf_with_pages(31), 413, "document-too-large"),
]


@pytest.mark.parametrize(("name", "data", "status", "slug"), BAD_DOCUMENTS, ids=[c[0] for c in BAD_DOCUMENTS])
def test_bad_documents_are_4xx_problems(api: httpx.Client, name: str, data: bytes, status: int, slug: str) -> None:
    assert_problem(api.post("/v1/analyze", files=upload(name, data)), status, slug)


def test_upload_over_the_size_limit_is_413(api: httpx.Client) -> None:
    big = b"Python developer. " * (6 * 1024 * 1024 // 18)
    assert_problem(api.post("/v1/analyze", files=upload("big.txt", big)), 413, "document-too-large")


def test_text_over_the_character_limit_is_413(api: httpx.Client) -> None:
    body = assert_problem(api.post("/v1/analyze", json={"text": "Python " * 30_000}), 413, "document-too-large")
    assert "character limit" in str(body["detail"])


def test_request_errors(api: httpx.Client) -> None:
    malformed = api.post("/v1/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert_problem(malformed, 400, "bad-json")
    # the library refuses a target for a job description: a bad request
    assert_problem(
        api.post("/v1/analyze", json={"text": "Python", "kind": "job", "target": "staff"}), 400, "bad-request"
    )
    assert_problem(api.post("/v1/analyze", json={"text": "Python", "target": "astronaut"}), 422, "unknown-target")
    invalid = assert_problem(
        api.post("/v1/analyze", json={"text": "SECRET-RESUME", "kind": "cv"}), 422, "invalid-request"
    )
    assert "SECRET-RESUME" not in json.dumps(invalid)  # validation errors do not echo the input
    assert_problem(api.post("/v1/analyze", json={"kind": "resume"}), 422, "invalid-request")
    no_file = api.post("/v1/analyze", files={"other": ("a.txt", b"Python")})
    assert_problem(no_file, 422, "invalid-request")
    bad_kind = api.post("/v1/analyze", files=upload("a.txt", b"Python"), data={"kind": "cv"})
    assert_problem(bad_kind, 422, "invalid-request")
    plain = api.post("/v1/analyze", content=b"Python", headers={"content-type": "text/plain"})
    assert_problem(plain, 415, "unsupported-media-type")
    assert_problem(api.post("/v1/compare", files=upload("a.txt", b"Python")), 422, "invalid-request")
    assert_problem(api.get("/v1/analyze"), 405, "method-not-allowed")
    assert_problem(api.get("/v2/nothing"), 404, "not-found")


# ------------------------------------------------------------------------------------------ request ids
def test_request_id_is_honoured_or_generated(api: httpx.Client) -> None:
    mine = api.get("/healthz", headers={"X-Request-ID": "client-42.a:b"})
    assert mine.headers["x-request-id"] == "client-42.a:b"
    problem = api.get("/v1/ladders/nope", headers={"X-Request-ID": "client-43"})
    assert problem.headers["x-request-id"] == "client-43" and problem.json()["request_id"] == "client-43"
    generated = {api.get("/healthz").headers["x-request-id"] for _ in range(3)}
    assert len(generated) == 3
    refused = api.get("/healthz", headers={"X-Request-ID": "has spaces; and = signs"}).headers["x-request-id"]
    assert refused != "has spaces; and = signs" and " " not in refused


# ------------------------------------------------------------------------------------------ concurrency
def test_twenty_concurrent_mixed_requests(main_server: Server) -> None:
    png = (BAD / "not_a_resume.png").read_bytes()
    base = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8")

    def call(i: int) -> tuple[int, httpx.Response, str]:
        text = f"{base}\nProject {i}: Kubernetes {i}\n"
        with main_server.client() as client:
            if i % 4 == 3:
                return (
                    i,
                    client.post("/v1/analyze", files=upload("x.png", png), headers={"X-Request-ID": f"c{i}"}),
                    text,
                )
            return i, client.post("/v1/analyze", json={"text": text}, headers={"X-Request-ID": f"c{i}"}), text

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(call, range(20)))
    for i, response, text in results:
        assert response.headers["x-request-id"] == f"c{i}"
        if i % 4 == 3:
            assert_problem(response, 415, "unsupported-format")
        else:
            assert response.status_code == 200, response.text
            assert response.json()["text"] == text  # each answer belongs to its own request


# ------------------------------------------------------------------------------------------ deadline, 504, 503
def test_deadline_kills_the_worker_then_busy_then_recovers(servers: dict[str, Server]) -> None:
    tight = servers["tight"]
    with tight.client() as client:  # HEAVY against a 0.5 s deadline (reading the body: ~0.1 s)
        assert_problem(client.post("/v1/analyze", json={"text": HEAVY}), 504, "deadline-exceeded")
        # the only worker was killed and its replacement is loading; the queue limit is 0
        busy = client.post("/v1/analyze", json={"text": "Python"})
        assert_problem(busy, 503, "busy")
        assert int(busy.headers["retry-after"]) >= 1
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline and client.get("/readyz").status_code != 200:
            time.sleep(0.2)
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["ready_workers"] == 1
    assert "ran past the 0.5 s deadline; replacing it" in tight.log_text()


def test_a_body_slower_than_the_deadline_gets_408(servers: dict[str, Server]) -> None:
    """The body must arrive within the deadline (0.5 s on ``tight``): a client trickling it gets 408 and the
    server goes on serving."""

    def trickle() -> Iterator[bytes]:
        yield b'{"text": "Python and '
        time.sleep(1.5)
        yield b'SQL"}'

    with servers["tight"].client() as client:
        slow = client.post("/v1/analyze", content=trickle(), headers={"content-type": "application/json"})
        assert_problem(slow, 408, "request-timeout")
        assert client.get("/healthz").status_code == 200


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="finds the workers through /proc")
@contextlib.contextmanager
def _one_worker_server(log: Path) -> Iterator[tuple[Server, int]]:
    """A server of its own with one worker (and that worker's pid), long deadline, room for ``HEAVY``."""
    server = start_server(log, "--max-concurrent", "1", "--deadline", "120", "--max-chars", "1000000")
    try:
        wait_ready(server)
        (worker,) = worker_pids(server)
        yield server, worker
    finally:
        stop_server(server)


def test_a_worker_that_dies_mid_analysis_gives_422_and_is_replaced(tmp_path: Path) -> None:
    with _one_worker_server(tmp_path / "crash.log") as (server, worker):
        answers: list[httpx.Response] = []
        with server.client() as client:
            sender = threading.Thread(target=lambda: answers.append(client.post("/v1/analyze", json={"text": HEAVY})))
            sender.start()
            busy_from = _cpu_seconds(worker)
            until = time.monotonic() + 30
            while _cpu_seconds(worker) < busy_from + 0.3 and time.monotonic() < until:
                time.sleep(0.05)  # until the worker is well into the analysis
            os.kill(worker, signal.SIGKILL)
            sender.join(60)
            assert_problem(answers[0], 422, "analysis-crashed")
            deadline = time.monotonic() + STARTUP_S
            while time.monotonic() < deadline and client.get("/readyz").status_code != 200:
                time.sleep(0.2)
            ok = client.post("/v1/analyze", json={"text": "Python and SQL"})
            assert ok.status_code == 200 and ok.json()["kind"] == "resume"
        assert worker_pids(server) and worker not in worker_pids(server)
        assert "exited during an analysis; replacing it" in server.log_text()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="finds the workers through /proc")
def test_a_client_that_goes_away_leaves_the_worker_to_finish(tmp_path: Path) -> None:
    """The analysis of a request whose client disconnected runs to its end; the worker is then reused."""
    with _one_worker_server(tmp_path / "gone.log") as (server, worker):
        with server.client(timeout=0.5) as impatient, pytest.raises(httpx.TimeoutException):
            impatient.post("/v1/analyze", json={"text": HEAVY})
        with server.client() as client:
            ok = client.post("/v1/analyze", json={"text": "Python and SQL"})  # waits for the worker
            assert ok.status_code == 200, ok.text
            assert client.get("/readyz").json()["ready_workers"] == 1
        assert worker_pids(server) == [worker]  # the same process: not killed, reused


# ------------------------------------------------------------------------------------------ privacy, logs
def test_logs_have_request_lines_but_no_document_text_or_names(main_server: Server) -> None:
    marker = "ZQXJ-PRIVATE-MARKER"
    text = (RESUMES / "mid_ml_engineer.md").read_text(encoding="utf-8") + f"\n{marker} Python\n"
    with main_server.client() as client:
        ok = client.post(
            "/v1/analyze",
            files=upload(f"{marker}-name.md", text.encode()),
            headers={"X-Request-ID": "privacy-1"},
            params={"note": marker},
        )
        assert ok.status_code == 200 and marker in ok.json()["text"]
        bad = client.post("/v1/analyze", json={"text": marker, "kind": marker}, headers={"X-Request-ID": "privacy-2"})
        assert bad.status_code == 422
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "privacy-2" not in main_server.log_text():
        time.sleep(0.1)
    log = main_server.log_text()
    assert "POST /v1/analyze 200" in log and "request_id=privacy-1" in log
    assert "POST /v1/analyze 422" in log and "request_id=privacy-2" in log
    assert marker not in log


# ------------------------------------------------------------------------------------------ in-process checks


def test_served_openapi_matches(api: httpx.Client) -> None:
    from gapfinder.service.openapi_doc import openapi_json

    assert api.get("/openapi.json").json() == json.loads(openapi_json())


# ------------------------------------------------------------------------------- the page for people
def test_home_page_is_a_form_with_the_report_policy(api: httpx.Client) -> None:
    r = api.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "form-action 'self'" in csp
    text = r.text
    assert '<form method="post" action="/ui/report" enctype="multipart/form-data">' in text
    assert 'type="file" id="resume" name="resume" required="required"' in text and 'name="job"' in text
    assert "<script" not in text and "http://" not in text and "https://" not in text  # nothing from elsewhere


def test_page_answers_a_resume_with_the_html_report(api: httpx.Client) -> None:
    with (RESUMES / "senior_ml_engineer.pdf").open("rb") as f:
        r = api.post("/ui/report", files={"resume": ("cv.pdf", f, "application/pdf")}, data={"target": "principal"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Placement on the ladder" in r.text and 'id="plan"' in r.text
    assert "Gap to Principal Machine Learning Engineer" in r.text
    # an empty job field (what a browser sends when no job post is chosen) is no comparison
    with (RESUMES / "mid_ml_engineer.md").open("rb") as f:
        r = api.post("/ui/report", files={"resume": ("cv.md", f, "text/markdown"), "job": ("", b"", "text/plain")})
    assert r.status_code == 200 and "Placement on the ladder" in r.text


def test_page_answers_a_resume_and_a_job_with_the_comparison(api: httpx.Client) -> None:
    files = {
        "resume": ("cv.md", (RESUMES / "mid_ml_engineer.md").read_bytes(), "text/markdown"),
        "job": ("job.txt", (JOBS / "senior_ml_engineer_jd.txt").read_bytes(), "text/plain"),
    }
    r = api.post("/ui/report", files=files)
    assert r.status_code == 200 and "Match score" in r.text and "Tailoring hints" in r.text


def test_page_errors_are_pages_too(api: httpx.Client) -> None:
    r = api.post("/ui/report", files={"resume": ("x.png", (BAD / "not_a_resume.png").read_bytes(), "image/png")})
    assert r.status_code == 415 and r.headers["content-type"].startswith("text/html")
    assert "resume:" in r.text and "Try another file" in r.text


def test_api_docs_page_needs_nothing_from_elsewhere(api: httpx.Client) -> None:
    r = api.get("/docs")
    assert r.status_code == 200 and "POST /v1/analyze" in r.text and "POST /v1/compare" in r.text
    assert "<script" not in r.text and "cdn" not in r.text.lower()


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (.ci/run installs it)")
def test_a_real_browser_uploads_a_resume_and_sees_the_report(main_server: Server, tmp_path: Path) -> None:
    """Headless Chromium, driven over the DevTools protocol: open /, choose the file, submit, read the page."""
    websockets_sync = pytest.importorskip("websockets.sync.client")
    port = free_port()
    browser = subprocess.Popen(
        [
            str(chromium()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={tmp_path / 'profile'}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    try:
        deadline = time.monotonic() + 60
        targets: list[dict[str, str]] = []
        while time.monotonic() < deadline and not targets:
            with contextlib.suppress(httpx.TransportError, ValueError):
                found = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=2).json()
                targets = [t for t in found if t.get("type") == "page"]
            time.sleep(0.3)
        assert targets, "Chromium's DevTools endpoint did not come up"
        with websockets_sync.connect(targets[0]["webSocketDebuggerUrl"], max_size=None) as ws:
            ids = iter(range(1, 10_000))

            def call(method: str, **params: object) -> dict[str, object]:
                n = next(ids)
                ws.send(json.dumps({"id": n, "method": method, "params": params}))
                while True:
                    msg = json.loads(ws.recv(timeout=120))
                    if msg.get("id") == n:
                        assert "error" not in msg, msg
                        result: dict[str, object] = msg["result"]
                        return result

            def wait_for(expr: str) -> object:
                end = time.monotonic() + 120
                while time.monotonic() < end:
                    value = call("Runtime.evaluate", expression=expr, returnByValue=True)["result"]
                    if isinstance(value, dict) and value.get("value"):
                        return value["value"]
                    time.sleep(0.3)
                pytest.fail(f"the page never satisfied {expr}")

            call("Page.enable")
            call("Page.navigate", url=main_server.url + "/")
            wait_for("document.readyState === 'complete' && !!document.querySelector('#resume')")
            doc = call("DOM.getDocument")
            root = doc["root"]
            assert isinstance(root, dict)
            node = call("DOM.querySelector", nodeId=root["nodeId"], selector="#resume")["nodeId"]
            call("DOM.setFileInputFiles", nodeId=node, files=[str(RESUMES / "senior_ml_engineer.pdf")])
            call("Runtime.evaluate", expression="document.querySelector('button[type=submit]').click()")
            heading = wait_for(
                "location.pathname === '/ui/report' && document.readyState === 'complete' && "
                "document.querySelector('#placement') && document.querySelector('#placement').textContent"
            )
            assert "Placement on the ladder" in str(heading)
            body = str(wait_for("document.body.innerText"))
            assert "Senior Machine Learning Engineer" in body and "Plan" in body
            shot = call("Page.captureScreenshot", format="png")["data"]
            assert isinstance(shot, str) and len(shot) > 1000
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
