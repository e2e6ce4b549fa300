"""Reading what is not a regular file: standard input, a FIFO, a device. Bounded in size, never blocking forever.

A regular file says how big it is before it is read; a stream does not. ``gapfinder -`` read all of stdin
before the size limit applied (``MemoryError`` on ``/dev/zero``), and a FIFO with no writer made the CLI
(and a batch) wait forever. Here a stream is read in chunks up to ``Limits.max_bytes`` + 1 (one byte more
says it is too big), and a FIFO or device named by path is opened without blocking and read while data
comes, within ``Limits.time_budget_s``: like ``cat``, a FIFO is read once a writer has come and gone, but
one that nobody writes to, or whose writer stalls, is refused at the budget instead of waited on forever.
"""

from __future__ import annotations

import os
import select
import stat
import time
from pathlib import Path
from typing import BinaryIO

from ..errors import DocumentTooLargeError, InputError
from ..limits import Limits
from .deadline import time_budget_error

_CHUNK = 1 << 16


def too_big(limits: Limits) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"the input is over the {limits.max_bytes / 2**20:g} MB limit; pass a larger max_bytes"
    )


def read_stream(handle: BinaryIO, limits: Limits) -> bytes:
    """All of ``handle`` (stdin), refused as soon as it passes ``limits.max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = handle.read(min(_CHUNK, limits.max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limits.max_bytes:
            raise too_big(limits)


def read_special(path: Path, info: os.stat_result, limits: Limits) -> bytes:
    """The bytes of a FIFO or a character device named by ``path`` (see the module)."""
    if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise InputError(f"{path} is not a file (a socket or a block device?); pass a PDF, DOCX or text file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the permissions") from None
    fifo = stat.S_ISFIFO(info.st_mode)
    deadline = time.monotonic() + limits.time_budget_s
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            try:
                chunk = os.read(fd, min(_CHUNK, limits.max_bytes + 1 - size))
            except BlockingIOError:  # a writer, no data yet: wait for data or its end, within the budget
                _wait(path, fd, deadline, limits)
                continue
            except OSError as exc:
                raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
            if not chunk:
                if chunks or not fifo:
                    break
                _wait(path, None, deadline, limits)  # no writer yet: one may still open the pipe
                continue
            chunks.append(chunk)
            size += len(chunk)
            if size > limits.max_bytes:
                raise too_big(limits)
    finally:
        os.close(fd)
    return b"".join(chunks)


#: how often a pipe with no writer is looked at again
_POLL_S = 0.05


def _wait(path: Path, fd: int | None, deadline: float, limits: Limits) -> None:
    """Wait for data on ``fd`` (or, without one, a moment for a writer to come), or raise at the deadline."""
    remaining = deadline - time.monotonic()
    if remaining > 0:
        if fd is not None and select.select([fd], [], [], remaining)[0]:
            return
        if fd is None:
            time.sleep(min(_POLL_S, remaining))
            return
    what = "nothing was written to it" if fd is None else "no data came"
    raise time_budget_error(limits.time_budget_s, f"reading {path}", what)


__all__ = ["read_special", "read_stream", "too_big"]
