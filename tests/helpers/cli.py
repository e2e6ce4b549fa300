"""The ``gapfinder`` command run in-process through ``gapfinder.cli.main``, sharing one Engine per taxonomy (the
CLI builds a new one per call, which costs a second). A test module that runs the CLI imports ``run`` and the
autouse fixture ``shared_engines``."""

from __future__ import annotations

import json
from typing import Any

import pytest

import gapfinder.engine
from gapfinder.cli import main

_real_engine = gapfinder.engine.Engine
_engines: dict[str, gapfinder.engine.Engine] = {}


@pytest.fixture(autouse=True)
def shared_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI calls Engine(taxonomy); hand it a cached engine for the same taxonomy argument."""

    def cached(taxonomy: Any = None, **kwargs: Any) -> gapfinder.engine.Engine:
        key = f"{taxonomy}|{sorted(kwargs.items())}"
        if key not in _engines:
            _engines[key] = _real_engine(taxonomy, **kwargs)
        return _engines[key]

    monkeypatch.setattr(gapfinder.engine, "Engine", cached)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *, contains: str = "") -> None:
    assert err.endswith("\n")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("gapfinder: error: "), err
    assert len(lines[0]) > len("gapfinder: error: ")
    assert contains in lines[0]
    assert "Traceback" not in err


def json_of(out: str) -> dict[str, Any]:
    data = json.loads(out)
    assert isinstance(data, dict)
    return data
