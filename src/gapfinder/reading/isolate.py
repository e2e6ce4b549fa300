"""``Limits(isolation="process")``: read a document in a child process that is killed at the deadline.

The child gets the bytes through a pipe, caps its own address space at ``Limits.process_memory_bytes``
(``RLIMIT_AS``, POSIX), reads the document as :func:`gapfinder.reading.read_bytes` does in-process, and
sends back the :class:`Document` or the ``InputError``. The parent waits for the child to say it has
started (up to ``STARTUP_GRACE_S``), then for the time budget, then kills it. A child that cannot start
is the application's problem, not the document's: that is a ``UsageError``. See
:mod:`gapfinder.reading.deadline` for the trade-offs.

The start method is ``forkserver`` where it exists (no fork of a threaded parent), else ``spawn``; like
any use of :mod:`multiprocessing`, the application's main module must be importable by the child (guard
its entry point with ``if __name__ == "__main__":``).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from typing import Any

from ..errors import CorruptDocumentError, DocumentTooLargeError, GapfinderError, UsageError
from ..limits import Limits
from .deadline import time_budget_error
from .document import Document

#: seconds the parent waits for the child to start (fork, import the readers) before the budget runs
STARTUP_GRACE_S = 30.0


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # the fork server imports the readers once, so each child starts with them loaded (tens of ms
    # instead of an import of pypdf, python-docx and lxml per document); the application's own
    # preload list is kept
    try:
        from multiprocessing import forkserver

        preload = list(forkserver._forkserver._preload_modules)  # type: ignore[attr-defined]
    except AttributeError:
        return ctx
    if __name__.rpartition(".")[0] not in preload:
        ctx.set_forkserver_preload([*preload, __name__.rpartition(".")[0]])
    return ctx


def read_in_child(data: bytes, label: str | None, password: str | None, limits: Limits) -> Document:
    """Read ``data`` in a child process; raise the child's ``InputError``, or a time/memory refusal."""
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, data, label, password, limits), daemon=True)
    child.start()
    send.close()
    try:
        started = _receive(receive, STARTUP_GRACE_S)
        if started is None or started[0] != "started":
            child.join(1.0)
            raise UsageError(
                f"isolation='process' could not start a reader process (exit code {child.exitcode}); the "
                "application's main module must be importable by a child process (guard its entry point "
                "with if __name__ == '__main__') — or use the default isolation='inline'"
            )
        if not receive.poll(limits.time_budget_s):
            raise time_budget_error(limits.time_budget_s, "reading this document", "the reader was stopped")
        result = _receive(receive, 0)
        if result is None:  # the child died without a word: killed for memory, or crashed
            child.join(1.0)
            raise _died(child.exitcode, limits)
        status, payload = result
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5.0)
    if status == "ok" and isinstance(payload, Document):
        return payload
    if isinstance(payload, GapfinderError):
        raise payload
    raise CorruptDocumentError(f"the document reader failed on this file ({payload}); re-export it")


def _receive(conn: Connection, timeout: float) -> tuple[str, Any] | None:
    try:
        if timeout and not conn.poll(timeout):
            return None
        message: tuple[str, Any] = conn.recv()
        return message
    except (EOFError, OSError):
        return None


def _died(exitcode: int | None, limits: Limits) -> GapfinderError:
    if exitcode is not None and exitcode < 0:  # a signal: the OOM killer's SIGKILL, or a segfault
        return DocumentTooLargeError(
            f"reading this document needed more than the {limits.process_memory_bytes / 2**20:,.0f} MB memory cap "
            "or crashed the reader; the file may be damaged or crafted: re-export it"
        )
    return CorruptDocumentError("the document reader stopped without an answer; the file may be damaged: re-export it")


def _child(conn: Connection, data: bytes, label: str | None, password: str | None, limits: Limits) -> None:
    conn.send(("started", None))  # the budget starts now, not when the parent asked for a process
    cap_memory(limits.process_memory_bytes)
    from . import read_bytes  # here, not at import: the parent module imports this one

    try:
        result: tuple[str, Any] = ("ok", read_bytes(data, label=label, password=password, limits=limits))
    except GapfinderError as exc:
        result = ("error", exc)
    except MemoryError:
        result = ("error", _died(-1, limits))
    except Exception as exc:  # a reader bug: a failure of this file, named by class (a message could quote it)
        result = ("crash", type(exc).__name__)
    try:
        conn.send(result)
    finally:
        conn.close()


def cap_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (``RLIMIT_AS``; never above a hard limit already
    set). Past it, allocations fail: ``MemoryError`` in Python, a crash in some C code. POSIX only."""
    try:
        import resource
    except ImportError:  # not POSIX: the time limit still holds
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):
        return


__all__ = ["STARTUP_GRACE_S", "cap_memory", "read_in_child"]
