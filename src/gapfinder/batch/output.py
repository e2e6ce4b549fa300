"""The results file: JSON lines appended as documents complete, flushed each time, resumable.

On start the existing file is scanned: the ids in it are done and skipped. A run that was killed can leave a
torn last line (no newline, or not JSON); it is cut off before appending. Any other line that is not a batch
record means ``--out`` points at some other file, which is refused rather than appended to.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from ..errors import UsageError
from .records import Outcome


def scan_results(path: Path) -> tuple[set[str], int]:
    """(ids already in the results file, byte length of its intact part). A missing file is empty."""
    done: set[str] = set()
    good = 0
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return done, 0
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the results file ({exc.strerror or exc})") from None
    with handle:
        lines = iter(handle)
        for number, raw in enumerate(lines, start=1):
            ident = _record_id(raw) if raw.endswith(b"\n") else None
            if ident is None:
                if next(lines, None) is None:  # the torn last line of an interrupted run
                    break
                raise UsageError(
                    f"{path}:{number} is not a gapfinder batch record; pass a new --out file or fix this one"
                )
            done.add(ident)
            good += len(raw)
    return done, good


def _record_id(raw: bytes) -> str | None:
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    if isinstance(record, dict) and isinstance(record.get("id"), str) and isinstance(record.get("ok"), bool):
        return str(record["id"])
    return None


class ResultsWriter:
    """Appends outcome lines to the results file, after cutting a torn tail off it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done, self._intact = scan_results(path)
        self._handle: IO[str] | None = None

    def __enter__(self) -> ResultsWriter:
        try:
            if self.path.exists() and self.path.stat().st_size != self._intact:
                os.truncate(self.path, self._intact)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot write the results file ({exc.strerror or exc})") from None
        return self

    def write(self, outcome: Outcome) -> None:
        if self._handle is None:
            raise RuntimeError("open the writer (with ResultsWriter(...) as out) before writing")
        self._handle.write(outcome.line + "\n")
        self._handle.flush()
        self.done.add(outcome.id)

    def __exit__(self, *exc_info: object) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


__all__ = ["ResultsWriter", "scan_results"]
