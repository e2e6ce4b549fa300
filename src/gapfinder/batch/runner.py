"""Local runners: in this process (``workers=1``) or a pool of processes, one engine per process.

A runner is a context manager: entering it starts the workers and waits until every one has built its engine
(so a broken taxonomy fails here, and timings after it are steady-state); ``map`` then turns chunks of tasks
into chunks of outcomes. The Dask runner (``dask_runner.py``) has the same shape.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from ..errors import GapfinderError
from .scheduling import windowed
from .worker import EngineConfig, build_engine, init_worker, pool_chunk, pool_ready, run_chunk

if TYPE_CHECKING:
    from ..engine import Engine
    from .inputs import Task
    from .records import Outcome

#: how long a worker may take to start and build its engine
STARTUP_TIMEOUT_S = 300.0


class Runner(Protocol):
    workers: int
    config: EngineConfig
    #: whether tasks must carry their bytes (the workers may not see this machine's files)
    ships_bytes: bool

    def __enter__(self) -> Runner: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def map(self, chunks: Iterable[list[Task]], *, ordered: bool = False) -> Iterator[list[Outcome]]: ...


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class InProcessRunner:
    """``--workers 1``: no extra process, the engine lives here."""

    workers = 1
    ships_bytes = False

    def __init__(self, config: EngineConfig | None = None, *, engine: Engine | None = None) -> None:
        self.config = config or EngineConfig()
        self._given = engine  # an engine the caller already has (its config is then only used for limits)
        self._engine: Engine | GapfinderError | None = None

    def __enter__(self) -> InProcessRunner:
        self._engine = self._given or build_engine(self.config)
        if isinstance(self._engine, GapfinderError):
            raise self._engine
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._engine = None

    def map(self, chunks: Iterable[list[Task]], *, ordered: bool = False) -> Iterator[list[Outcome]]:
        for chunk in chunks:
            yield run_chunk(self._engine, chunk)


class PoolRunner:
    """``--workers N``: N processes, each building its engine once (the pool initializer).

    Processes come from ``forkserver`` where it exists (a clean process that imported gapfinder once, forked for
    each worker: safe with threads in the parent, and the spaCy import is paid once) and ``spawn`` elsewhere.
    """

    ships_bytes = False

    def __init__(self, workers: int, config: EngineConfig | None = None, *, window_per_worker: int = 4) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.config = config or EngineConfig()
        self.window = workers * window_per_worker
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PoolRunner:
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            ctx.set_forkserver_preload(["gapfinder.engine"])
        barrier = ctx.Barrier(self.workers)
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=init_worker, initargs=(self.config, barrier, os.getpid())
        )
        try:
            # one call per worker, each waiting at the barrier: every process is up with its engine built
            ready = [self._pool.submit(pool_ready, STARTUP_TIMEOUT_S) for _ in range(self.workers)]
            for future in ready:
                future.result()
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if exc_type is not None:  # interrupted, terminated, or the run broke: stop the workers now, not after
            for process in list(getattr(pool, "_processes", {}).values()):  # their current document
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    process.kill()
            # a worker killed while it wrote a result leaves half a message in the result pipe: the pool's own
            # thread then waits for the rest for ever, and the interpreter joins that thread at exit (the batch
            # hung after "terminated"). With this end of the pipe closed too the read ends (EOF), the pool sees it
            # broken, and the thread ends.
            writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
            if writer is not None:
                with contextlib.suppress(OSError):
                    writer.close()
            pool.shutdown(wait=False, cancel_futures=True)
            return
        pool.shutdown(wait=True, cancel_futures=True)

    def map(self, chunks: Iterable[list[Task]], *, ordered: bool = False) -> Iterator[list[Outcome]]:
        pool = self._pool
        if pool is None:
            raise RuntimeError("enter the runner (with PoolRunner(...) as runner) before map()")
        for _, future in windowed(
            lambda chunk: pool.submit(pool_chunk, chunk), chunks, window=self.window, ordered=ordered
        ):
            yield future.result()  # a dead pool or a broken engine ends the run (the output so far is kept)


def local_runner(workers: int, config: EngineConfig | None = None) -> Runner:
    """In-process for one worker, a process pool for more."""
    return InProcessRunner(config) if workers == 1 else PoolRunner(workers, config)


__all__ = ["STARTUP_TIMEOUT_S", "InProcessRunner", "PoolRunner", "Runner", "default_workers", "local_runner"]
