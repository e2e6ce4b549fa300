"""The ``gapfinder`` command at its edges: where the report cannot be written, stdin without end, FIFOs,
a reader of stdout that goes away, a lone surrogate in the JSON, the time budget. Each failure is one
line on stderr with a documented exit code, never a traceback or a hang.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import ROOT
from helpers.cli import assert_one_line_error, run, shared_engines  # noqa: F401 (the fixture is autouse)
from helpers.files import surrogate_pdf

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

RESUME = str(ROOT / "examples" / "resumes" / "junior_ml_engineer.txt")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


# ------------------------------------------------------------------------------------------ -o
def test_output_to_a_directory_is_refused_before_the_analysis(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, RESUME, "-o", str(tmp_path))
    assert code == 2 and out == ""
    assert_one_line_error(err, contains="is a directory")


def test_output_in_a_missing_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, RESUME, "-o", str(tmp_path / "no" / "report.md"))
    assert code == 2
    assert_one_line_error(err, contains="does not exist")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, RESUME, "--format", "json", "-o", "/dev/full")
    assert code == 1
    assert_one_line_error(err, contains="cannot write /dev/full (No space left on device)")


@pytest.mark.parametrize(("error", "code"), [(errno.ENOSPC, 1), (errno.EACCES, 2), (errno.EROFS, 2)])
def test_a_failed_write_leaves_no_half_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, code: int
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report\n", encoding="utf-8")

    def failing_replace(*_args: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "replace", failing_replace)
    got, _, err = run(capsys, RESUME, "--format", "markdown", "-o", str(target))
    assert got == code
    assert_one_line_error(err, contains=f"cannot write {target} ({os.strerror(error)})")
    assert target.read_text(encoding="utf-8") == "the previous report\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary file left


def test_the_report_replaces_the_file_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("x" * 100_000, encoding="utf-8")
    target.chmod(0o640)
    code, _, _ = run(capsys, RESUME, "--format", "markdown", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("#")
    assert target.stat().st_mode & 0o777 == 0o640  # its permissions are kept


# ------------------------------------------------------------------------------------------ stdin, FIFOs
class Endless(io.RawIOBase):
    """/dev/zero as a Python stream, counting what was read from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        size = len(view)
        view[:] = b"\0" * size
        self.taken += size
        return size


def test_endless_stdin_stops_at_the_size_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gapfinder -`` read all of stdin before the limit applied: MemoryError on /dev/zero."""
    from gapfinder.limits import DEFAULT_LIMITS

    endless = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless)))
    code, _, err = run(capsys, "-")
    assert code == 3
    assert_one_line_error(err, contains="over the 10 MB limit")
    assert endless.taken <= DEFAULT_LIMITS.max_bytes + 2 * 65536


@needs_fifo
def test_a_fifo_without_a_writer_is_an_error_not_a_hang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    code, _, err = run(capsys, str(fifo), "--time-budget", "0.5")
    assert code == 3
    assert_one_line_error(err, contains="took longer than the 0.5 s time budget (nothing was written to it)")


@needs_fifo
def test_a_fifo_whose_writer_stalls_is_stopped_at_the_budget(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    holder = os.open(fifo, os.O_RDWR)  # a writer that never writes
    try:
        code, _, err = run(capsys, str(fifo), "--time-budget", "0.5")
    finally:
        os.close(holder)
    assert code == 3
    assert_one_line_error(err, contains="took longer than the 0.5 s time budget (no data came)")


@needs_fifo
def test_a_fifo_with_a_writer_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    text = Path(RESUME).read_bytes()

    def write() -> None:  # opens once a reader is there (the CLI), writes, closes: the reader sees the end
        with open(fifo, "wb") as handle:
            handle.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    code, out, _ = run(capsys, str(fifo), "--format", "json")
    writer.join(10)
    assert code == 0 and json.loads(out)["text"] == text.decode()


def test_the_time_budget_option_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, RESUME, "--time-budget", "-1")
    assert code == 2
    assert_one_line_error(err, contains="time_budget_s must be positive")


def test_a_lone_surrogate_in_the_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A PDF whose font maps a glyph to U+D800 made ``--format json`` print a traceback."""
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(surrogate_pdf())
    code, out, err = run(capsys, str(pdf), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert "invalid_unicode" in {w["code"] for w in report["warnings"]} and "\ufffd" in report["text"]


# ------------------------------------------------------------------------------------------ a real process
