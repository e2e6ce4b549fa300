"""The results file: JSON lines appended as documents complete, flushed each time, resumable.

On start the existing file is scanned: the ids in it are done and skipped. A run that was killed can leave a
torn last line (a record cut short; it starts like one, ``{"id":``); it is cut off before appending. Any
other line that is not a batch record — a complete JSON value that is not one, or text — means ``--out``
points at some other file, which is refused rather than truncated or appended to; so is a path that is not
a regular file (a directory, a FIFO, a device).

Only one run writes a results file at a time: the writer holds an exclusive lock on it (``flock``, POSIX)
from before the scan until the end, and a second run on the same ``--out`` is refused at once instead of
writing every id a second time.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import IO

from ..errors import UsageError
from .records import Outcome

#: how every record line starts (``records._dumps`` writes the id first): a torn line starts like this
RECORD_START = b'{"id":'

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock
    fcntl = None  # type: ignore[assignment]


def scan_results(path: Path) -> tuple[set[str], int]:
    """(ids already in the results file, byte length of its intact part). A missing file is empty."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return set(), 0
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the results file ({exc.strerror or exc})") from None
    with handle:
        _check_regular(path, os.fstat(handle.fileno()))
        return _scan(path, handle)


def _scan(path: Path, handle: IO[bytes]) -> tuple[set[str], int]:
    done: set[str] = set()
    good = 0
    lines = iter(handle)
    for number, raw in enumerate(lines, start=1):
        ident = _record_id(raw) if raw.endswith(b"\n") else None
        if ident is None:
            if next(lines, None) is None and _torn(raw):  # the torn last line of an interrupted run
                break
            raise UsageError(
                f"{path}:{number} is not a gapfinder batch record; gapfinder batch only appends to a results file "
                "it wrote: pass a new --out file"
            )
        done.add(ident)
        good += len(raw)
    return done, good


def _torn(raw: bytes) -> bool:
    """A last line that a killed run can have left: the start of a record, cut anywhere (a complete record
    without its newline included), and never a complete JSON value that is not a record."""
    if not raw.startswith(RECORD_START[: len(raw)]) or not raw.strip():
        return False
    try:
        value = json.loads(raw)
    except ValueError:
        return True  # cut short
    return _record_id(raw) is not None and isinstance(value, dict)


def _record_id(raw: bytes) -> str | None:
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if isinstance(record, dict) and isinstance(record.get("id"), str) and isinstance(record.get("ok"), bool):
        return str(record["id"])
    return None


def _check_regular(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{path} is not a regular file; pass a file path as --out")


class ResultsWriter:
    """Appends outcome lines to the results file, after locking it and cutting a torn tail off it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        self._handle: IO[str] | None = None

    def __enter__(self) -> ResultsWriter:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_NONBLOCK: opening a FIFO found in the file's place must not block (it is refused below)
            flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NONBLOCK", 0)
            fd = os.open(self.path, flags, 0o666)
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot write the results file ({exc.strerror or exc})") from None
        try:
            _check_regular(self.path, os.fstat(fd))
            _lock(self.path, fd)
            with os.fdopen(os.dup(fd), "rb") as reader:  # the lock belongs to both descriptors
                reader.seek(0)
                self.done, intact = _scan(self.path, reader)
            if os.fstat(fd).st_size != intact:
                os.ftruncate(fd, intact)
            self._handle = open(fd, "a", encoding="utf-8", newline="\n")
        except BaseException:
            os.close(fd)
            raise
        return self

    def write(self, outcome: Outcome) -> None:
        if self._handle is None:
            raise RuntimeError("open the writer (with ResultsWriter(...) as out) before writing")
        self._handle.write(outcome.line + "\n")
        self._handle.flush()
        self.done.add(outcome.id)

    def __exit__(self, *exc_info: object) -> None:
        if self._handle is not None:
            self._handle.close()  # closes the descriptor: releases the lock
            self._handle = None


def _lock(path: Path, fd: int) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise UsageError(
            f"{path} is being written by another gapfinder batch run; wait for it to finish, or pass another --out"
        ) from None
    except OSError:  # a file system without locks (some network mounts): run unlocked
        return


__all__ = ["RECORD_START", "ResultsWriter", "scan_results"]
