"""The service's parts checked in-process: the committed OpenAPI document, settings, and ``gapfinder serve``
refusing to start."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")
from helpers import ROOT


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
