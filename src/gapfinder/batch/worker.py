"""The engine inside a worker process: built once per process, used for every chunk of tasks it runs.

Both runners use it: the process pool calls :func:`init_worker` as its initializer, the Dask worker plugin
calls :func:`build_engine` in its ``setup``. A failure to build the engine (a broken taxonomy) is kept and
raised by the first chunk, so it reaches the caller as the ``GapfinderError`` it is rather than as a dead pool.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import GapfinderError
from ..limits import DEFAULT_LIMITS, Limits
from .records import Outcome, analyze_task

if TYPE_CHECKING:
    from ..engine import Engine
    from ..taxonomy import Taxonomy
    from .inputs import Task


@dataclass(frozen=True)
class EngineConfig:
    """What a worker needs to build its engine; picklable (a taxonomy directory or a loaded ``Taxonomy``)."""

    taxonomy: Taxonomy | str | None = None
    ladder: str | None = None  # the taxonomy's default or only ladder
    limits: Limits = DEFAULT_LIMITS
    today: dt.date | None = None


def build_engine(config: EngineConfig) -> Engine | GapfinderError:
    """The engine for ``config``, or the error that prevented it."""
    from ..engine import Engine

    # pypdf reports the repairs it makes on damaged files through logging; the record is the answer
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return Engine(config.taxonomy, ladder=config.ladder, limits=config.limits, today=config.today)
    except GapfinderError as err:
        return err


def run_chunk(engine: Engine | GapfinderError | None, tasks: list[Task]) -> list[Outcome]:
    """Analyse a chunk of tasks with a worker's engine."""
    if engine is None:
        raise RuntimeError("the gapfinder engine was not set up in this worker")
    if isinstance(engine, GapfinderError):
        raise engine
    return [analyze_task(engine, task) for task in tasks]


# ----------------------------------------------------------------- process-pool workers
_engine: Engine | GapfinderError | None = None
_barrier: threading.Barrier | None = None


def init_worker(config: EngineConfig, barrier: threading.Barrier | None = None, parent: int | None = None) -> None:
    """Process-pool initializer: build this process's engine once, and die with the batch process.

    Ctrl-C is the parent's to handle (it stops feeding and shuts the pool down); a worker ignores it instead
    of dying with a traceback halfway through a document. ``parent`` is the pid of the batch process: when it
    dies (even by SIGKILL, which runs no clean-up), the worker goes too (:func:`die_with`).
    """
    global _engine, _barrier
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        die_with(parent)
    _engine = build_engine(config)
    _barrier = barrier


#: seconds between two looks at the batch process
_WATCH_S = 0.5


def die_with(pid: int) -> None:
    """End this process when process ``pid`` (the batch process) has ended.

    A pool worker waits on a queue whose write end it holds itself, so it would wait forever after the batch
    process died: the 4 workers of a killed ``gapfinder batch`` (and its fork server) stayed alive with
    412 MB. The kernel's parent-death signal cannot help: a worker's parent is the fork server, which
    outlives the batch process as long as a worker holds its lifeline. So a daemon thread looks every
    ``_WATCH_S`` seconds whether ``pid`` still exists, and ends the worker when it does not; the fork server
    then sees its last client gone and exits too.
    """
    if not _alive(pid):  # it died while this worker was starting
        os._exit(1)
    threading.Thread(target=_watch, args=(pid,), name="gapfinder-lifeline", daemon=True).start()


def _watch(pid: int) -> None:
    while _alive(pid):
        time.sleep(_WATCH_S)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (the pid was reused): gone for us
        return False
    return True


def pool_chunk(tasks: list[Task]) -> list[Outcome]:
    return run_chunk(_engine, tasks)


def pool_ready(timeout: float) -> bool:
    """Wait until every worker of the pool has built its engine (each call blocks one process at the barrier)."""
    if isinstance(_engine, GapfinderError):
        raise _engine
    if _barrier is not None:
        _barrier.wait(timeout)
    return True


__all__ = ["EngineConfig", "build_engine", "die_with", "init_worker", "pool_chunk", "pool_ready", "run_chunk"]
