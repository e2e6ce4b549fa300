"""A pool of analysis processes with a per-request deadline that really frees the worker.

Why not ``concurrent.futures.ProcessPoolExecutor``: it cannot stop one task. A stuck task keeps its
process busy forever, and terminating a process breaks the whole executor (every pending future fails
with ``BrokenProcessPool``). Here each worker is one process with its own pipe, so the pool can kill
exactly the process that ran over the deadline and start a replacement, while the others keep working.

- Each worker process builds the :class:`~gapfinder.engine.Engine` once (taxonomy + spaCy) and then
  answers tasks (:mod:`gapfinder.service.worker`). Processes are started with ``spawn``: no fork of the
  threaded server, the same on every OS. A worker is handed requests only after it said ``ready``.
- The event loop never blocks on analysis: one daemon thread per worker waits on its pipe and hands
  each answer to the loop with ``call_soon_threadsafe``.
- Capacity: ``max_concurrent`` workers, each doing one analysis at a time; up to ``queue_limit``
  requests wait for a free worker. A request beyond that is refused at once (503 + ``Retry-After``).
- Deadline (``deadline_s``, from the request's arrival): a request still waiting for a worker at the
  deadline gets 503; one whose analysis runs past it gets 504, and its worker is killed (``SIGKILL``)
  and replaced. A worker that dies (crash, out of memory) mid-analysis is replaced too and the request
  gets 422: the document is what stopped it.
- Watchdog: a worker that dies while idle (killed by an operator, the OOM killer, a bug) is noticed at
  once (its pipe closes; a check every ``WATCHDOG_S`` seconds backs that up), dropped from the pool and
  replaced, so no request is handed to it and ``/readyz`` counts only live workers. A worker that
  answered ``RETIRE`` (it ran into its memory cap) is replaced the same way after that answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import threading
import time
from collections import deque
from typing import Any

from .problems import ProblemError, error_by_name, from_error
from .settings import ServiceSettings
from .worker import RETIRE, AnalyzeTask, Answer, CompareTask, worker_main

log = logging.getLogger("gapfinder.service")

#: seconds a new worker may take to import spaCy, load the taxonomy and build the phrase index
STARTUP_TIMEOUT_S = 180.0
#: seconds between two checks that every worker process is alive
WATCHDOG_S = 1.0
#: Retry-After (seconds) of a 503 when the queue is full, and while no worker is ready
RETRY_AFTER_BUSY_S = 2
RETRY_AFTER_UNAVAILABLE_S = 10


class WorkerDied(Exception):
    """The worker process exited (or closed its pipe) before answering."""


class _Worker:
    """Parent-side handle of one analysis process."""

    def __init__(self, ctx: Any, settings: ServiceSettings, loop: asyncio.AbstractEventLoop, index: int) -> None:
        self.index = index
        self.started = time.monotonic()
        self._loop = loop
        self.conn, child_conn = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=worker_main, args=(child_conn, settings), name=f"gapfinder-analysis-{index}", daemon=True
        )
        self.process.start()
        child_conn.close()
        self.ready: asyncio.Future[None] = loop.create_future()
        self._pending: asyncio.Future[Answer] | None = None
        #: called (on the loop) when the process exits with no request in flight
        self.on_idle_exit: Any = None
        self._reader = threading.Thread(target=self._read_loop, name=f"gapfinder-pipe-{index}", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    # ---------------------------------------------------------------- reader thread
    def _read_loop(self) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                self._post(None)
                return
            self._post(message)

    def _post(self, message: Answer | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: the service is shutting down
            self._loop.call_soon_threadsafe(self._on_message, message)

    # ---------------------------------------------------------------- event loop side
    def _on_message(self, message: Answer | None) -> None:
        if not self.ready.done():
            if message is not None and message[0] == "ready":
                self.ready.set_result(None)
            else:
                reason = str(message[1]) if message is not None else "it exited while loading the engine"
                self.ready.set_exception(WorkerDied(reason))
            return
        pending, self._pending = self._pending, None
        if pending is None or pending.done():
            if message is None and self.on_idle_exit is not None:
                self.on_idle_exit(self)
            return
        if message is None:
            pending.set_exception(WorkerDied("the analysis process exited"))
        else:
            pending.set_result(message)

    async def call(self, task: AnalyzeTask | CompareTask, timeout: float) -> Answer:
        """Send ``task`` and wait for the answer; ``TimeoutError`` after ``timeout`` seconds."""
        pending: asyncio.Future[Answer] = self._loop.create_future()
        self._pending = pending
        try:
            self.conn.send(task)
        except (OSError, ValueError):  # broken pipe: the process is gone
            self._pending = None
            raise WorkerDied("the analysis process is gone") from None
        try:
            async with asyncio.timeout(timeout):
                return await asyncio.shield(pending)
        except TimeoutError:
            self._pending = None
            pending.cancel()
            raise

    def kill(self) -> None:
        """Stop the process now (it may be stuck in C code: SIGKILL, not a polite message)."""
        self._pending = None
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()

    def reap(self, timeout: float = 5.0) -> None:
        """Wait for the process and its reader thread (blocking: run in a thread)."""
        self.process.join(timeout)
        self._reader.join(timeout)
        with contextlib.suppress(OSError):
            self.conn.close()


class AnalysisPool:
    """``max_concurrent`` analysis processes, a bounded queue and a deadline per request."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._ctx = multiprocessing.get_context("spawn")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: set[_Worker] = set()  # alive: starting, idle or busy
        self._loaded: set[_Worker] = set()  # alive and ready
        self._idle: deque[_Worker] = deque()
        self._waiters: deque[asyncio.Future[_Worker]] = deque()
        self._background: set[asyncio.Task[None]] = set()
        self._spawned = 0
        self._closed = False
        self.replaced = 0

    # ---------------------------------------------------------------- lifecycle
    async def start(self) -> None:
        """Start the worker processes; they become usable as each one finishes loading."""
        self._loop = asyncio.get_running_loop()
        for _ in range(self.settings.max_concurrent):
            self._spawn()
        self._keep(self._watchdog())

    async def _watchdog(self) -> None:
        """Replace loaded workers whose process is gone (the pipe's EOF usually tells first)."""
        while not self._closed:
            await asyncio.sleep(WATCHDOG_S)
            for worker in list(self._loaded):
                if not worker.alive() and worker._pending is None:
                    self._lost(worker)

    def _lost(self, worker: _Worker) -> None:
        """An idle worker's process is gone: never hand it a request; start another."""
        if worker not in self._workers or self._closed:
            return
        worker.alive()  # reaps the process, so that its exit code is known
        log.warning(
            "analysis worker pid=%s exited while idle (exit code %s); replacing it", worker.pid, worker.process.exitcode
        )
        with contextlib.suppress(ValueError):
            self._idle.remove(worker)
        self._replace(worker)

    async def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S) -> bool:
        """Wait until every worker is loaded (or failed); True when at least one is ready."""
        deadline = time.monotonic() + timeout
        while any(not w.ready.done() for w in self._workers) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return bool(self._loaded)

    async def close(self) -> None:
        self._closed = True
        for fut in self._waiters:
            if not fut.done():
                fut.cancel()
        self._waiters.clear()
        workers = list(self._workers)
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        await asyncio.gather(*(asyncio.to_thread(_stop, w) for w in workers))
        for task in list(self._background):
            task.cancel()
        self._workers.clear()
        self._loaded.clear()
        self._idle.clear()

    def status(self) -> dict[str, int]:
        return {
            "workers": self.settings.max_concurrent,
            "ready": len(self._loaded),
            "idle": len(self._idle),
            "waiting": sum(1 for f in self._waiters if not f.done()),
            "replaced": self.replaced,
        }

    @property
    def ready(self) -> bool:
        return bool(self._loaded)

    # ---------------------------------------------------------------- requests
    async def run(self, task: AnalyzeTask | CompareTask, deadline_at: float) -> bytes:
        """The JSON answer of ``task``, or a ``ProblemError`` (503, 504, 4xx of the document, 500)."""
        loop = self._require_loop()
        worker = await self._acquire(deadline_at)
        remaining = deadline_at - loop.time()
        if remaining <= 0.001:
            self._release(worker)
            raise self._busy()
        try:
            answer = await worker.call(task, remaining)
        except TimeoutError:
            log.warning("analysis worker pid=%s ran past the %g s deadline; replacing it", worker.pid, self._deadline)
            self._replace(worker)
            raise ProblemError(
                504,
                "deadline-exceeded",
                "Analysis took too long",
                f"the analysis did not finish within the {self._deadline:g} s deadline and was stopped; "
                "send a smaller or simpler document",
            ) from None
        except WorkerDied:
            log.warning("analysis worker pid=%s exited during an analysis; replacing it", worker.pid)
            self._replace(worker)
            raise ProblemError(
                422,
                "analysis-crashed",
                "Document stopped the analysis",
                "the analysis process stopped on this document (a crash or too much memory); "
                "the file may be damaged or crafted: re-export it",
            ) from None
        except asyncio.CancelledError:  # the client went away: let the analysis finish, then reuse the worker
            self._keep(self._reclaim(worker, deadline_at))
            raise
        if answer[-1] == RETIRE:
            log.warning("analysis worker pid=%s ran into its memory cap; replacing it", worker.pid)
            self._replace(worker)
        else:
            self._release(worker)
        return _decode(answer)

    async def _acquire(self, deadline_at: float) -> _Worker:
        loop = self._require_loop()
        while self._idle:
            worker = self._idle.popleft()
            if worker.alive():
                return worker
            self._lost(worker)  # died since it was released, before its pipe's EOF was seen
        if self._closed or not self._workers:
            raise ProblemError(
                503,
                "unavailable",
                "Service unavailable",
                "no analysis worker is running; see the service log",
                headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE_S)},
            )
        if sum(1 for f in self._waiters if not f.done()) >= self.settings.queue_limit:
            raise self._busy()
        waiter: asyncio.Future[_Worker] = loop.create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(deadline_at - loop.time()):
                return await waiter
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():
                worker = waiter.result()
                if isinstance(exc, TimeoutError):
                    return worker  # handed over just as the deadline struck: use it, run() answers 503
                self._release(worker)
            waiter.cancel()
            if isinstance(exc, TimeoutError):
                raise self._busy() from None
            raise
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)

    def _release(self, worker: _Worker) -> None:
        if worker not in self._workers:
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _busy(self) -> ProblemError:
        return ProblemError(
            503,
            "busy",
            "Service busy",
            f"all {self.settings.max_concurrent} analysis workers are busy and the queue is full or "
            f"did not move within the {self._deadline:g} s deadline; retry later",
            headers={"Retry-After": str(RETRY_AFTER_BUSY_S)},
        )

    @property
    def _deadline(self) -> float:
        return self.settings.deadline_s

    # ---------------------------------------------------------------- workers
    def _require_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("AnalysisPool.start() was not awaited")
        return self._loop

    def _spawn(self) -> None:
        self._spawned += 1
        worker = _Worker(self._ctx, self.settings, self._require_loop(), self._spawned)
        worker.on_idle_exit = self._lost
        self._workers.add(worker)
        self._keep(self._await_ready(worker))

    async def _await_ready(self, worker: _Worker) -> None:
        try:
            async with asyncio.timeout(STARTUP_TIMEOUT_S):
                await worker.ready
        except (WorkerDied, TimeoutError) as exc:
            log.error("analysis worker pid=%s failed to start: %s", worker.pid, exc or "timed out")
            self._workers.discard(worker)
            worker.kill()
            await asyncio.to_thread(worker.reap)
            return
        if self._closed:
            return
        log.info("analysis worker pid=%s ready in %.1f s", worker.pid, time.monotonic() - worker.started)
        self._loaded.add(worker)
        self._release(worker)

    def _replace(self, worker: _Worker) -> None:
        self.replaced += 1
        self._workers.discard(worker)
        self._loaded.discard(worker)
        worker.kill()
        self._keep(asyncio.to_thread(worker.reap))
        if not self._closed:
            self._spawn()

    async def _reclaim(self, worker: _Worker, deadline_at: float) -> None:
        pending = worker._pending
        if pending is None:
            self._release(worker)
            return
        try:
            async with asyncio.timeout(max(0.0, deadline_at - self._require_loop().time())):
                await asyncio.shield(pending)
        except (TimeoutError, WorkerDied):
            self._replace(worker)
            return
        self._release(worker)

    def _keep(self, coro: Any) -> None:
        task = self._require_loop().create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


def _stop(worker: _Worker) -> None:
    worker.process.join(2.0)
    if worker.process.is_alive():
        worker.kill()
    worker.reap()


def _decode(answer: Answer) -> bytes:
    if answer[0] == "ok":
        return bytes(answer[1])
    if answer[0] == "error":
        raise from_error(error_by_name(str(answer[1]), str(answer[2])))
    log.error("analysis failed with %s (a bug; the document is not logged)", answer[1])
    raise ProblemError(500, "internal-error", "Internal error", "the analysis failed on this document; report a bug")


__all__ = ["AnalysisPool", "WorkerDied"]
