"""Writing a rendered report where the user asked, with one-line errors instead of tracebacks.

``-o`` may name a directory, a place the user cannot write, a full disk (``/dev/full``); stdout may be a
pipe whose reader went away (``| head``). :func:`check_output` refuses what can be known before the analysis
(a directory, a missing parent directory); :func:`write_output` writes a regular file through a temporary
file in the same directory renamed into place (a failed write never leaves half a report), a device or
pipe directly, and maps every failure to a ``GapfinderError``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path

from .errors import GapfinderError, UsageError

#: failures of the place (the user can pick another -o): usage errors; others (a full disk): exit code 1
_USAGE_ERRNOS = frozenset({errno.EISDIR, errno.ENOTDIR, errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS})


class OutputClosed(Exception):
    """stdout's reader went away (``gapfinder cv.pdf | head``): stop quietly, as Unix tools do."""


def check_output(output: Path | None) -> None:
    """Refuse an ``-o`` that cannot be written, before any work."""
    if output is None:
        return
    if output.is_dir():
        raise UsageError(f"{output} is a directory; pass a file name to -o")
    if not output.parent.is_dir():
        raise UsageError(f"cannot write {output}: the directory {output.parent} does not exist")


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        _write_stdout(text)
        return
    try:
        if output.exists() and not output.is_file():  # /dev/stdout, /dev/null, a FIFO: as they are
            with output.open("w", encoding="utf-8") as handle:
                handle.write(text)
            return
        _replace(output, text)
    except OSError as exc:
        raise _write_error(output, exc) from None


def _replace(output: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if output.exists():  # keep the permissions of the file being replaced
            with contextlib.suppress(OSError):
                os.chmod(tmp, output.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:
        raise _write_error(None, exc) from None


def _write_error(output: Path | None, exc: OSError) -> GapfinderError:
    where = str(output) if output is not None else "the output"
    message = f"cannot write {where} ({exc.strerror or exc})"
    return UsageError(message + "; pass another -o") if exc.errno in _USAGE_ERRNOS else GapfinderError(message)


def close_quietly() -> None:
    """After ``OutputClosed``: point stdout at /dev/null so that Python's final flush does not complain."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


__all__ = ["OutputClosed", "check_output", "close_quietly", "write_output"]
