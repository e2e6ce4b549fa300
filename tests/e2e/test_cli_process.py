"""The ``gapfinder`` command as a real process: stdin, an error on stdin, a reader that goes away; importing
gapfinder loads no spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import EXAMPLES, ROOT
from helpers.cli import assert_one_line_error

pytestmark = pytest.mark.slow

RESUMES = EXAMPLES / "resumes"
BAD = EXAMPLES / "bad"
RESUME = str(RESUMES / "junior_ml_engineer.txt")


def _subprocess(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "gapfinder.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_stdin() -> None:
    data = (RESUMES / "junior_ml_engineer.txt").read_bytes()
    proc = _subprocess(["-", "--format", "json"], stdin=data)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["document"]["source"] == "<stdin>"
    assert report["placement"]["level"] == "junior"
    assert report["text"] == data.decode("utf-8")


def test_stdin_error_in_a_real_process() -> None:
    proc = _subprocess(["-"], stdin=(BAD / "truncated.pdf").read_bytes())
    assert proc.returncode == 3
    err = proc.stderr.decode()
    assert_one_line_error(err, contains="truncated")
    assert proc.stdout == b""


def test_a_reader_that_goes_away_is_not_a_traceback() -> None:
    """``gapfinder cv.txt --format json | head -c 100``: the pipe closes early; exit quietly."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gapfinder.cli", RESUME, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(120) == 0
    assert err == ""


def test_import_is_cheap_no_spacy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import gapfinder, sys; print('spacy' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == "False"
