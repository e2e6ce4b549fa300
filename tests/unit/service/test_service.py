"""The service's parts checked in-process: the committed OpenAPI document, settings, and ``gapfinder serve``
refusing to start."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")
import pytest

from helpers import ROOT

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")
from gapfinder.errors import UsageError
from gapfinder.service.problems import MAX_DETAIL_CHARS, ProblemError, clip, problem_response
from gapfinder.service.settings import MIN_WORKER_MEMORY_BYTES, ServiceSettings
from gapfinder.service.uploads import AnalyzeText, parse_json, validation_detail


def test_openapi_document_is_current() -> None:
    from gapfinder.service.openapi_doc import openapi_json

    committed = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert openapi_json() == committed, "regenerate: python -m gapfinder.service.openapi_doc > docs/openapi.json"


def test_openapi_describes_bodies_and_problems() -> None:
    from gapfinder.service.openapi_doc import openapi_json

    doc = json.loads(openapi_json())
    analyze = doc["paths"]["/v1/analyze"]["post"]
    assert set(analyze["requestBody"]["content"]) == {"multipart/form-data", "application/json"}
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Report"
    }
    assert set(analyze["responses"]["413"]["content"]) == {"application/problem+json"}
    compare = doc["paths"]["/v1/compare"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert compare["anyOf"] == [
        {"$ref": "#/components/schemas/Comparison"},
        {"$ref": "#/components/schemas/CompactComparison"},
    ]
    # answers may gain fields in a minor version; request bodies stay strict
    components = doc["components"]["schemas"]
    assert "additionalProperties" not in components["Comparison"] and "additionalProperties" not in components["Report"]
    assert components["CompareTexts"]["additionalProperties"] is False
    for path, operations in doc["paths"].items():  # every error answer is a problem document
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert set(response["content"]) == {"application/problem+json"}, (path, status)
                    assert response["content"]["application/problem+json"]["schema"] == {
                        "$ref": "#/components/schemas/Problem"
                    }, (path, status)


def test_settings_from_env() -> None:
    from gapfinder.errors import UsageError
    from gapfinder.service.settings import ServiceSettings

    env = {"GAPFINDER_MAX_PAGES": "7", "GAPFINDER_DEADLINE_SECONDS": "2.5", "GAPFINDER_MAX_UPLOAD_BYTES": "1_000"}
    settings = ServiceSettings.from_env(env, queue_limit=3)
    assert (settings.max_pages, settings.deadline_s, settings.max_upload_bytes, settings.queue_limit) == (
        7,
        2.5,
        1000,
        3,
    )
    assert settings.limits.max_pages == 7 and settings.limits.max_bytes == 1000
    assert ServiceSettings.from_env(settings.to_env()) == settings
    with pytest.raises(UsageError, match="GAPFINDER_MAX_CHARS"):
        ServiceSettings.from_env({"GAPFINDER_MAX_CHARS": "lots"})
    with pytest.raises(UsageError, match="deadline_s"):
        ServiceSettings(deadline_s=0)
    with pytest.raises(UsageError, match="max_chars"):
        ServiceSettings(max_chars=2_000_000)  # over what the spaCy tokenizer accepts


def test_serve_without_fastapi_fails_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gapfinder.cli import main

    monkeypatch.setitem(sys.modules, "fastapi", None)  # import fastapi now raises ImportError
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", "1"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "install gapfinder[service]" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--taxonomy", "/nonexistent/taxonomy"], {}, "taxonomy directory not found"),
        ([], {"GAPFINDER_MAX_PAGES": "many"}, "GAPFINDER_MAX_PAGES='many' is not an integer"),
        (["--deadline", "0"], {}, "deadline_s must be positive"),
    ],
    ids=["taxonomy", "env", "deadline"],
)
def test_serve_refuses_bad_settings_before_starting(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    env: dict[str, str],
    message: str,
) -> None:
    from gapfinder.cli import main

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", "1", *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gapfinder serve: error: ") and err.count("\n") == 1 and message in err


# ==============================================================================================================
# The service under hostile clients: malformed JSON, huge fields, slow headers, too many connections, an
# analysis process that dies while idle or runs into its memory cap.
#
# The fast tests call the request-handling functions directly; the ``slow`` ones run ``gapfinder serve`` (one
# server for the module, one analysis process, short header timeout, a small connection cap and the smallest
# memory cap) and talk to it over sockets and HTTP.
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
